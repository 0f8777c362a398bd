import { depthFromClass } from '@/utils/detect/comment-items';
import type { DialectAdapter } from '@/utils/parse/build-thread';

const LEVEL_CLASS = /^(?:wpd|wc)_comment_level-(\d+)$/;

function levelFromClass(el: Element): number | null {
  for (const token of Array.from(el.classList)) {
    const match = LEVEL_CLASS.exec(token);
    if (match) return Number(match[1]);
  }
  return null;
}

/**
 * wpDiscuz 7 (`div#wpd-comm-N_P.wpd-comment` > `.wpd-comment-wrap` > `#comment-N.wpd-comment-right`, replies nested
 * after the wrap) and wpDiscuz 5 (`div#wc-comm-N_P.wc-comment`). The id itself declares the parent (P, 0 at top level);
 * the post author's wrap carries `wpd-blog-post_author` (7) or a `wc-post-author` label (5), besides `bypostauthor`.
 */
export const wpdiscuzAdapter: DialectAdapter = {
  dialect: 'wpdiscuz',
  markupDepth: (item) => depthFromClass(item.classHost ?? item.element) ?? levelFromClass(item.element),
  declaredParentId: (item) => item.declaredParentId,
  postAuthorClasses: ['bypostauthor', 'wpd-blog-post_author', 'wc-post-author'],
};
