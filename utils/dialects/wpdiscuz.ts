/**
 * wpDiscuz, every generation (templates read from the plugin's releases, docs/markup-sources.md):
 * - 7.x: `div#wpd-comm-N_P.wpd-comment` (comment_class + `wpd_comment_level-N`) > `.wpd-comment-wrap` >
 *   `#comment-N.wpd-comment-right`; replies nested after the wrap; post author `wpd-blog-post_author`.
 * - 4.x–5.x: `div#wc-comm-N_P.wc-comment` (no comment_class: `wc-reply`, `wc-blog-guest|wc-blog-post_author|
 *   wc-blog-{role}`, `wc_comment_level-N`) > `.wc-comment-left` (avatar, role label) + `#comment-N.wc-comment-right`;
 *   pings are told only by their trackback avatar (`alt="trackback"`); main form `#wc-main-form-wrapper-0_0`.
 * - 2.x–3.x: `div#wc-comm-POST_N.wc-comment` (post id first!) > `#comment-N.wc-comment-left` (avatar, label
 *   `wc-post-author|wc-blog-guest…`) + `.wc-comment-right`; a reply form in every comment
 *   (`.wc-secondary-forms-wrapper > form#wc_comm_form-POST_N`); main form `form#wc_comm_form-POST_0`.
 * Replies are nested inside their parent's div (Walker style=div). The N_P pair is settled by the inner
 * `#comment-N` (utils/detect/comment-items.ts), else here.
 */
import { depthFromClass } from '@/utils/dom/class-tokens';
import { classTokens } from '@/utils/dom/class-tokens';
import type { CommentItem } from '@/utils/detect/comment-items';
import type { DialectProfile } from '@/utils/dialects/types';
import { WORDPRESS_FIELDS, wordpressProfile } from '@/utils/dialects/wordpress';

const LEVEL_CLASS = /^(?:wpd|wc)_comment_level-(\d+)$/;

function levelFromClass(el: Element): number | null {
  for (const token of classTokens(el)) {
    const match = LEVEL_CLASS.exec(token);
    if (match) return Number(match[1]);
  }
  return null;
}

/**
 * `wc-comm-A_B` items whose inner `#comment-N` did not say which number is the comment (2.x–3.x print it on the
 * avatar block, hidden when avatars are off): 4.x–5.x top-level items end in `_0`; when every item of the section
 * starts with the same number, that number is the post (2.x–3.x); else the first number is the comment.
 */
function settleIds(items: CommentItem[]): void {
  const open = items.filter((item) => item.id === null && item.idPair !== null);
  if (open.length === 0) return;
  const pairs = items.map((item) => item.idPair).filter((pair): pair is [string, string] => pair !== null);
  const firsts = new Set(pairs.map(([first]) => first));
  const postFirst = pairs.length > 1 && firsts.size === 1 && pairs.every(([, second]) => second !== '0');
  for (const item of open) {
    const [first, second] = item.idPair!;
    if (postFirst) {
      item.id = second;
    } else {
      item.id = first;
      item.declaredParentId = second;
    }
  }
}

export const wpdiscuzProfile: DialectProfile = {
  dialect: 'wpdiscuz',
  engine: 'wpDiscuz',
  items: {
    ids: [
      { prefix: 'wpd-comm-', pattern: /^wpd-comm-(\d+)_(\d+)$/, numbers: 'comment-parent', outer: true },
      { prefix: 'wc-comm-', pattern: /^wc-comm-(\d+)_(\d+)$/, numbers: 'pair', outer: true },
    ],
    depthClass: wordpressProfile.items.depthClass,
    classOnly: [],
    attributes: [],
    anchorBefore: null,
    types: wordpressProfile.items.types,
    pendingClasses: ['wpd-unapproved-comment', 'unapproved'],
    pingAvatarAlts: ['trackback'],
  },
  sections: {
    rootIds: ['wpdcom', 'wpcomm'],
    rootClasses: [],
    listClasses: ['wpd-thread-list', 'wc-thread-wrapper'],
    listIds: ['wpd-threads', 'wcThreadWrapper'],
    closedClasses: wordpressProfile.sections.closedClasses,
  },
  replies: { insideClasses: [], insideTags: [], afterClasses: [], direct: true },
  fields: {
    roles: {
      name: ['wpd-comment-author', 'wc-comment-author', ...(WORDPRESS_FIELDS.roles.name ?? [])],
      authorBox: WORDPRESS_FIELDS.roles.authorBox,
      content: ['wpd-comment-text', 'wc-comment-text', ...(WORDPRESS_FIELDS.roles.content ?? [])],
      date: ['wpd-comment-date', 'wc-comment-date', ...(WORDPRESS_FIELDS.roles.date ?? [])],
      pending: ['wpd-unapproved', 'wc_held_for_moderate', ...(WORDPRESS_FIELDS.roles.pending ?? [])],
      meta: ['wpd-comment-footer', 'wpd-comment-header', 'wc-comment-footer', 'wpd-comment-label', 'wc-comment-label', ...(WORDPRESS_FIELDS.roles.meta ?? [])],
      body: ['wpd-comment-wrap', ...(WORDPRESS_FIELDS.roles.body ?? [])],
    },
    rolePatterns: WORDPRESS_FIELDS.rolePatterns,
    replyLink: { ...WORDPRESS_FIELDS.replyLink, buttonClasses: ['wpd-reply-button', 'wc-reply-button', 'wc-reply-link'] },
    permalinkIsDate: false,
  },
  form: {
    ids: wordpressProfile.form.ids,
    formClasses: ['wpd_comm_form', 'wc_comm_form'],
    actions: wordpressProfile.form.actions,
    secondaryClasses: ['wc-secondary-forms-wrapper', 'wc-secondary-form-wrapper', 'wpd-secondary-form-wrapper'],
  },
  postAuthor: { classes: ['bypostauthor', 'wpd-blog-post_author', 'wc-blog-post_author', 'wc-post-author'], patterns: [], byline: false },
  pagination: {
    navClasses: ['wpd-comment-pagination', ...wordpressProfile.pagination.navClasses],
    navIds: wordpressProfile.pagination.navIds,
    pageNumber: wordpressProfile.pagination.pageNumber,
  },
  adapter: {
    markupDepth: (item) => depthFromClass(item.classHost ?? item.element) ?? levelFromClass(item.element),
    declaredParentId: (item) => item.declaredParentId,
    settleIds,
  },
};
