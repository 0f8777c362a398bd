import type { EmbeddedSystem } from '@/utils/detect/types';
import { safeDom } from '@/utils/dom/safe-dom';

/**
 * Comment systems that render in an iframe or from a third-party script: recognized by their thread container
 * (never by a comment-count widget, which also appears on pages that list posts).
 * Order matters only when a page embeds several: the first match wins.
 */
export const EMBEDDED_SYSTEM_SELECTORS: ReadonlyArray<readonly [EmbeddedSystem, string]> = [
  ['disqus', '#disqus_thread, iframe[src*="disqus.com/embed"]'],
  ['facebook', '.fb-comments, iframe[src*="facebook.com/plugins/comments"]'],
  ['livefyre', '#livefyre, #livefyre-comment, .live-fyre, .fyre-widget, div[data-lf-app], #powered_by_livefyre_new'],
  ['spotim', '[data-spotim-module], [data-spotim-app], script[src*="launcher.spot.im"]'],
  ['ghost', '[data-ghost-comments], script[src*="comments-ui"]'],
  ['hyvor', '#hyvor-talk-view, hyvor-talk-comments, script[src*="talk.hyvor.com"]'],
  ['commento', '#commento, script[src*="commento.io"]'],
  // Jetpack's form is an iframe; the list stays native, so it only counts when no readable list exists.
  ['jetpack', '#jetpack_remote_comment, iframe.jetpack_remote_comment, iframe[src*="jetpack.wordpress.com/jetpack-comment"]'],
  [
    'other',
    '#isso-thread, .giscus, script[src*="giscus.app"], script[src*="utteranc.es"], #remark42, #cusdis_thread, ' +
      '#idc-container, #coral_thread, .viafoura, #graphcomment, #fastcomments-widget',
  ],
];

/** All embedded-system containers in one selector (for the cheap pre-check). */
export const ANY_EMBEDDED_SYSTEM_SELECTOR = EMBEDDED_SYSTEM_SELECTORS.map(([, selector]) => selector).join(',');

/** The embedded comment system present on the page, or null. */
export function findEmbeddedSystem(doc: Document): EmbeddedSystem | null {
  const dom = safeDom(doc);
  if (!dom.query(doc, ANY_EMBEDDED_SYSTEM_SELECTOR)) return null;
  for (const [system, selector] of EMBEDDED_SYSTEM_SELECTORS) {
    if (dom.query(doc, selector)) return system;
  }
  return null;
}
