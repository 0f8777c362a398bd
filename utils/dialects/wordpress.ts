/**
 * WordPress core markup and everything derived from it: the html5 and xhtml walkers in ul/ol/div styles,
 * li-comment callbacks (twentyten..twentytwelve, Astra…), comment_class on an inner element (OceanWP), block
 * themes (core/comments), theme-compat, Thesis's split `dt`/`dd` comments, and themes with their own callback.
 * Sources: docs/wordpress-markup.md, docs/markup-sources.md.
 */
import { depthFromClass } from '@/utils/dom/class-tokens';
import type { DialectProfile, FieldProfile } from '@/utils/dialects/types';

const COMMENT_PAGE = /\/comment-page-(\d+)\/?(?:[?#]|$)|[?&]cpage=(\d+)/;

/** Field roles of core, block themes, classic callbacks and common themes (wordpress-markup.md §1–§3), most specific first. */
export const WORDPRESS_FIELDS: FieldProfile = {
  roles: {
    // author name: core `.fn` (b/cite/span), block theme, themes' own
    name: ['fn', 'wp-block-comment-author-name', 'comment-author-name', 'comment-author-link'],
    // the author block (avatar + name + "says"); `comment-author-{nicename}` on items is a different token
    authorBox: ['comment-author', 'vcard', 'author'],
    content: ['comment-content', 'wp-block-comment-content', 'comment-text', 'comment_text', 'comment-entry', 'format_text'],
    date: ['comment-date', 'wp-block-comment-date', 'comment-time', 'comment-metadata', 'commentmetadata', 'comment_time'],
    // Genesis prints its moderation note as `p.alert` (comment text never keeps classes: kses strips them)
    pending: ['comment-awaiting-moderation', 'moderation-notice', 'moderation', 'alert', 'comment_moderated'],
    meta: ['comment-meta', 'reply', 'comment-reply', 'wp-block-comment-reply-link', 'wp-block-comment-edit-link', 'edit-link', 'says', 'comment-footer', 'comment_num'],
    body: ['comment-body', 'comment-container'],
  },
  rolePatterns: [
    [/(?:^|[-_])author[-_]{0,2}name$/, 'name'],
    // `comment_author`, `c-comment__author` (core's `comment-author` is the author block, mapped above)
    [/^(?:[a-z0-9]+[-_]{1,2})?comment[-_]{1,2}author$/, 'name'],
    [/^(?:[a-z0-9]+[-_]{1,2})?comment[-_]{1,2}(?:content|text)$/, 'content'],
    [/^(?:[a-z0-9]+[-_]{1,2})?comment[-_]{1,2}(?:date|time)$/, 'date'],
    [/awaiting[-_]moderation/, 'pending'],
  ],
  replyLink: {
    classes: ['comment-reply-link', 'comment-reply-login'],
    attributes: ['data-commentid'],
    hostClasses: [],
    hrefs: [],
    buttonClasses: [],
  },
  permalinkIsDate: true,
};

export const wordpressProfile: DialectProfile = {
  dialect: 'wordpress',
  engine: 'WordPress',
  items: {
    ids: [
      { prefix: 'comment-', pattern: /^comment-(\d+)$/, numbers: 'comment' },
      { prefix: 'li-comment-', pattern: /^li-comment-(\d+)$/, numbers: 'comment', outer: true },
    ],
    depthClass: {
      // get_comment_class(): the type (comment, pingback, trackback, or a plugin's: WooCommerce's review), byuser,
      // bypostauthor, and thread-even/odd on every top-level item.
      companions: ['comment', 'pingback', 'trackback', 'review', 'thread-even', 'thread-odd', 'thread-alt', 'byuser', 'bypostauthor'],
    },
    classOnly: [{ tags: ['LI'], classes: ['pingback', 'trackback'] }],
    attributes: [],
    anchorBefore: null,
    types: { pingback: ['pingback'], trackback: ['trackback'], review: ['review'] },
    pendingClasses: ['unapproved'],
    pingAvatarAlts: [],
  },
  sections: {
    // `.comments` last: the nearest root wins; `h3#comments` (a heading) is never a root (ancestors only).
    rootIds: ['comments'],
    rootClasses: ['comments-area', 'wp-block-comments', 'wp-block-post-comments', 'comments'],
    listClasses: ['commentlist', 'comment-list', 'comments-list', 'wp-block-comment-template', 'pinglist', 'ping-list'],
    listIds: ['commentlist', 'comment_list', 'comments-list', 'trackback_list'],
    closedClasses: ['no-comments', 'nocomments', 'comments-closed', 'comments_closed'],
  },
  replies: { insideClasses: ['children'], insideTags: ['OL', 'UL'], afterClasses: ['children'], direct: true },
  fields: WORDPRESS_FIELDS,
  form: { ids: ['respond', 'commentform', 'jetpack_remote_comment'], formClasses: [], actions: ['wp-comments-post'], secondaryClasses: [] },
  postAuthor: { classes: ['bypostauthor'], patterns: [], byline: true },
  pagination: {
    navClasses: ['comment-navigation', 'comments-pagination', 'wp-block-comments-pagination', 'comment-nav', 'comments-nav', 'navigation'],
    navIds: ['comment-nav-above', 'comment-nav-below'],
    pageNumber(url) {
      const match = COMMENT_PAGE.exec(url);
      const digits = match?.[1] ?? match?.[2];
      return digits ? Number(digits) : null;
    },
  },
  adapter: {
    markupDepth: (item) => depthFromClass(item.classHost ?? item.element),
    declaredParentId: () => null,
  },
};
