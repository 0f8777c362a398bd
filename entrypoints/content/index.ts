import { defineContentScript } from '#imports';
import { createInferredLinksFeature } from '@/utils/view/inferred-links';
import { createKeyboardFeature } from '@/utils/view/keyboard';
import { createPreviewFeature } from '@/utils/view/preview';
import { MARK_START, startPageSession } from './page-session';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    performance.mark(MARK_START);
    // Inferred links first: in 'renest' mode they change the thread the other features then read.
    // startPageSession never throws: failures restore the page and are reported through getPageState.
    startPageSession({ ctx, features: [createInferredLinksFeature, createPreviewFeature, createKeyboardFeature] });
  },
});
