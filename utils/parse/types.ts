import type { Thread } from '@/utils/thread/types';

/** The result of parsing one CommentSection: pure data plus the page's own element for each comment. */
export interface ParsedSection {
  thread: Thread;
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
