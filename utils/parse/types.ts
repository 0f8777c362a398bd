import type { Thread } from '@/utils/thread/types';

/**
 * The page's own elements of one comment, as the parser found them: the view takes them from here and never looks
 * for them with selectors of its own.
 */
export interface CommentParts {
  /** The outermost element of the comment item (holds its nested replies when the markup nests them). */
  element: Element;
  /** The comment's own content (avatar, meta, text, reply link) without its replies; falls back to `element`. */
  body: Element;
  /** The element holding the comment's text, or null when the markup has none (the text is then the body's rest). */
  content: Element | null;
  /** The element holding the author's name, or null (anonymous pings, unreadable markup). */
  name: Element | null;
  /** The native Reply link (comment-reply.js moves the form on click), or null when replies are off or closed. */
  replyLink: Element | null;
}

/** The result of parsing one CommentSection: pure data plus the page's own element for each comment. */
export interface ParsedSection {
  thread: Thread;
  /** Each comment's parts, keyed by ThreadComment.id (the same keys as `elements` and `bodies`). */
  parts: Map<string, CommentParts>;
  /**
   * The outermost element of each comment item, keyed by ThreadComment.id: `li#comment-N`, `li#li-comment-N`,
   * `div#comment-N` (style=div), `.wpd-comment` … It contains the comment's nested replies when the markup nests them.
   */
  elements: Map<string, Element>;
  /**
   * The element holding the comment's own content (avatar, meta, text, reply link) but not its replies:
   * `article#div-comment-N`, `div.comment-body`, the block theme's first child … Falls back to the item element.
   */
  bodies: Map<string, Element>;
}
