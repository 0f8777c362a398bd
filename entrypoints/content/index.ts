import { defineContentScript } from '#imports';
import { VIEW_FEATURES } from '@/utils/view/features';
import { MARK_START, startPageSession } from './page-session';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    performance.mark(MARK_START);
    // startPageSession never throws: failures restore the page and are reported through getPageState.
    startPageSession({ ctx, features: VIEW_FEATURES });
  },
});
