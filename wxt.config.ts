import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// One config for Chrome (MV3) and Firefox (MV2 by default; `-b firefox --mv3` also works).
export default defineConfig({
  // Explicit imports everywhere (`#imports`, `@/utils/...`): nested utils/ folders, grep-ability, Vitest mocks.
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: the reader's options. scripting: the background injects the full content script where the loader
    // found comment signals (docs/permissions.md). activeTab/tabs are not needed: the popup talks to the tab by id.
    permissions: ['storage', 'scripting'],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'threadlight@threadlight.dev',
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        // data_collection_permissions arrived in Firefox 140 (desktop) and 142 (Android).
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
  vite: () => ({
    plugins: [preact()],
  }),
  // `npm run zip`: the sources zip (for add-on review) holds what rebuilds the extension, not tests or outputs.
  zip: {
    excludeSources: ['tests/**', 'scripts/**', 'bench/**', 'e2e-results/**', 'demo-output/**', 'bench-results/**', '**/*.log'],
  },
});
