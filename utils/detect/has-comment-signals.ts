import { ANY_EMBEDDED_SYSTEM_SELECTOR } from '@/utils/detect/embedded-systems';

/**
 * Anything that can announce a readable thread or a recognized embedded system. Every readable thread has one of
 * these: a `comment-N`/`li-comment-N` id (Drupal's `<a id="comment-N">` anchors and Drupal 11's articles included),
 * a wpDiscuz id of any generation (`wpd-comm-`, `wc-comm-`), Drupal's `data-comment-user-id`, a top-level `depth-1`
 * item, a ping item, a reply link or a `#comment-N` permalink.
 * False positives are fine (the full detector decides); false negatives are not.
 */
const SIGNAL_SELECTOR = [
  // Not the <script id="comment-reply-js"> WordPress adds to every post with open comments, with or without any.
  '[id^="comment-"]:not(script)',
  '[id^="li-comment-"]',
  '[id^="wpd-comm-"]',
  '[id^="wc-comm-"]',
  '.depth-1',
  'li.pingback',
  'li.trackback',
  '[data-commentid]',
  '[data-comment-user-id]',
  ANY_EMBEDDED_SYSTEM_SELECTOR,
].join(',');

/** `#comment-N` permalinks: a signal, except in the Recent Comments widget and block, which link other posts' threads. */
const PERMALINK_SELECTOR = 'a[href*="#comment-"]';
const RECENT_COMMENTS_SELECTOR = '.widget_recent_comments, #recentcomments, .wp-block-latest-comments';

/**
 * Cheap pre-check (one querySelector, then the few permalinks): false means the page surely holds no thread and no
 * known comment embed. It decides whether the rest of Threadlight is loaded at all (entrypoints/loader.ts).
 */
export function hasCommentSignals(doc: Document): boolean {
  if (doc.querySelector(SIGNAL_SELECTOR) !== null) return true;
  for (const link of doc.querySelectorAll(PERMALINK_SELECTOR)) {
    if (!link.closest(RECENT_COMMENTS_SELECTOR)) return true;
  }
  return false;
}
