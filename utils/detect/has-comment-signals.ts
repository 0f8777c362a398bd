import { ANY_EMBEDDED_SYSTEM_SELECTOR } from '@/utils/detect/embedded-systems';

/**
 * Anything that can announce a readable thread or a recognized embedded system. Every readable thread has one of
 * these: a `comment-N`/`li-comment-N` id (Drupal's `<a id="comment-N">` anchors and Drupal 11's articles included),
 * a wpDiscuz id of any generation (`wpd-comm-`, `wc-comm-`), Drupal's `data-comment-user-id`, a top-level `depth-1`
 * item, a ping item, a reply link or a `#comment-N` permalink.
 * False positives are fine (the full detector decides); false negatives are not.
 */
const SIGNAL_SELECTOR = [
  '[id^="comment-"]',
  '[id^="li-comment-"]',
  '[id^="wpd-comm-"]',
  '[id^="wc-comm-"]',
  '.depth-1',
  'li.pingback',
  'li.trackback',
  '[data-commentid]',
  '[data-comment-user-id]',
  'a[href*="#comment-"]',
  ANY_EMBEDDED_SYSTEM_SELECTOR,
].join(',');

/** Cheap pre-check (one querySelector): false means the page surely holds no thread and no known comment embed. */
export function hasCommentSignals(doc: Document): boolean {
  return doc.querySelector(SIGNAL_SELECTOR) !== null;
}
