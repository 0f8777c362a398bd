import { defineContentScript } from '#imports';
import { createInferredLinksFeature } from '@/utils/view/inferred-links';
import { createKeyboardFeature } from '@/utils/view/keyboard';
import { createPreviewFeature } from '@/utils/view/preview';
import { startPageSession } from './page-session';

export default defineContentScript({
  // Not in the manifest: the loader (entrypoints/loader.ts) asks the background to inject it, only on pages
  // with comment signals. `matches` becomes the host permission that injection needs (docs/permissions.md).
  registration: 'runtime',
  matches: ['http://*/*', 'https://*/*'],
  main(ctx) {
    // The loader set the threadlight:start mark; this script sets :ready or :bail.
    // Inferred links first: in 'renest' mode they change the thread the other features then read.
    // startPageSession never throws: failures restore the page and are reported through getPageState.
    startPageSession({ ctx, features: [createInferredLinksFeature, createPreviewFeature, createKeyboardFeature] });
  },
});
