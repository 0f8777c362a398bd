import { depthFromClass } from '@/utils/detect/comment-items';
import type { DialectAdapter } from '@/utils/parse/build-thread';

/**
 * WordPress core markup and everything derived from it: the html5 and xhtml walkers in ul/ol/div styles,
 * li-comment callbacks (twentyten..twentytwelve, Astra…), comment_class on an inner element (OceanWP),
 * block themes (core/comments), theme-compat inside `.wp-block-post-comments`, and themes with their own callback.
 * Depth comes from `depth-N` (on the item or its inner class host); parents from nesting, else the depth stack.
 */
export const wordpressAdapter: DialectAdapter = {
  dialect: 'wordpress',
  markupDepth: (item) => depthFromClass(item.classHost ?? item.element),
  declaredParentId: () => null,
  postAuthorClasses: ['bypostauthor'],
};
