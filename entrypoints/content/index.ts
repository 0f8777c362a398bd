import { defineContentScript } from '#imports';
import { VIEW_FEATURES } from '@/utils/view/features';
import { startPageSession } from './page-session';

export default defineContentScript({
  // Not in the manifest: the loader (entrypoints/loader.ts) asks the background to inject it, only on pages
  // with comment signals. `matches` becomes the host permission that injection needs (docs/permissions.md).
  registration: 'runtime',
  matches: ['http://*/*', 'https://*/*'],
  main(ctx) {
    // The loader set the threadlight:start mark; this script sets :ready or :bail.
    // startPageSession never throws: failures restore the page and are reported through getPageState.
    startPageSession({ ctx, features: VIEW_FEATURES });
  },
});
