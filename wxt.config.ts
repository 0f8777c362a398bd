import path from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { ICON_SIZES, renderIcons } from './tools/icons';

/** The icon's source; its PNGs are rendered at build time into .wxt/icons and copied to icon/<size>.png. */
const ICON_SOURCE = 'assets/icon.svg';
const iconPaths = Object.fromEntries(ICON_SIZES.map((size) => [size, `icon/${size}.png`]));

// One config for Chrome (MV3) and Firefox (MV2 by default; `-b firefox --mv3` also works).
export default defineConfig({
  // Explicit imports everywhere (`#imports`, `@/utils/...`): nested utils/ folders, grep-ability, Vitest mocks.
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // The toolbar button uses 16 and 32 (entrypoints/popup/index.html, manifest.default_icon).
    icons: iconPaths,
    // The only script every page gets: the loader (entrypoints/loader.ts, an unlisted script, so without WXT's
    // content-script wrapper). It asks the background for entrypoints/content where the page has comment signals.
    // At document_end (the DOM is parsed, the signals are there): the round trip to the background then overlaps the
    // page's own loading, and the view is ready as early as when the full script ran at document_idle
    // (docs/performance.md).
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['loader.js'], run_at: 'document_end' }],
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
  hooks: {
    'build:publicAssets': async (wxt, files) => {
      const rendered = await renderIcons(path.resolve(wxt.config.root, ICON_SOURCE), path.resolve(wxt.config.wxtDir, 'icons'));
      for (const [size, file] of rendered) files.push({ absoluteSrc: file, relativeDest: iconPaths[size]! });
    },
  },
  // `npm run zip`: the sources zip (for add-on review) holds what rebuilds the extension, not tests or outputs.
  zip: {
    // The demo blog and the store assets do not rebuild the extension (assets/icon.svg and tools/icons.ts do).
    excludeSources: ['tests/**', 'scripts/**', 'bench/**', 'demo/**', 'store/**', 'e2e-results/**', 'demo-output/**', 'bench-results/**', '**/*.log'],
  },
});
