/**
 * Drupal's core comment module, server-rendered (templates read from drupal/drupal, docs/markup-sources.md):
 * - Drupal 8–11 (`comment.html.twig` of Olivero, Bartik/Classy, Claro's copy of Classy): `article.comment.js-comment
 *   [data-comment-user-id]` (the attribute comes from the module's preprocess, on every theme); the post author's
 *   `by-node-author` (`by-{entity type}-author`), anonymous `by-anonymous`, unpublished `unpublished` /
 *   `comment--unpublished`. Until Drupal 11 the id is an empty `<a id="comment-N"></a>` printed just before the
 *   article (CommentViewBuilder's #prefix); Drupal 11 puts `id="comment-N"` on the article itself.
 * - Drupal 7 (`comment.tpl.php`, `comment-wrapper.tpl.php`): `div#comments.comment-wrapper`, each comment
 *   `div.comment[.comment-by-node-author]` right after its `<a id="comment-N"></a>`.
 * Threads: the replies of a comment follow it in a sibling `div.indented` (opened before the first reply, closed
 * after the last), never inside it. Reply links `li.comment-reply > a[href*="/comment/reply/"]`; the form
 * `form.comment-form` posts to `/comment/reply/…`; pages `nav.pager` / `ul.pager` with a 0-based `?page=N`.
 */
import type { DialectProfile } from '@/utils/dialects/types';

const PAGE = /[?&]page=(\d+)(?:[&#]|$)/;

export const drupalProfile: DialectProfile = {
  dialect: 'drupal',
  engine: 'Drupal',
  items: {
    ids: [],
    depthClass: null,
    classOnly: [],
    attributes: [{ attribute: 'data-comment-user-id', classes: ['comment', 'js-comment'] }],
    anchorBefore: { prefix: 'comment-', classes: ['comment', 'js-comment'] },
    types: { pingback: [], trackback: [], review: [] },
    pendingClasses: ['unpublished', 'comment--unpublished', 'comment-unpublished'],
    pingAvatarAlts: [],
  },
  sections: {
    rootIds: ['comments'],
    rootClasses: ['comment-wrapper', 'comments', 'field--type-comment', 'field-type-comment', 'field--name-comment', 'field-name-comment'],
    listClasses: [],
    listIds: [],
    closedClasses: [],
  },
  replies: { insideClasses: [], insideTags: [], afterClasses: ['indented'], direct: false },
  fields: {
    roles: {
      // Olivero `p.comment__author`, Bartik `p.commenter-name`, the linked `a.username` of Classy and Drupal 7
      name: ['comment__author', 'commenter-name', 'username'],
      // Classy/Claro and Drupal 7: "Submitted by <name> on <date>"
      submitted: ['comment__submitted', 'submitted'],
      // the comment body field (the innermost content wins over Olivero's `comment__content`, which holds the subject)
      content: ['field--name-comment-body', 'field-name-comment-body', 'comment__content'],
      date: ['comment__time', 'comment-time'],
      pending: [],
      meta: ['links', 'comment-footer', 'comment-permalink', 'parent', 'comment-parent', 'comment__meta', 'hidden'],
      body: [],
    },
    rolePatterns: [],
    replyLink: { classes: [], attributes: [], hostClasses: ['comment-reply'], hrefs: [/\/comment\/reply\//], buttonClasses: [] },
    permalinkIsDate: false,
  },
  form: { ids: ['comment-form'], formClasses: ['comment-form', 'comment-comment-form'], actions: ['/comment/reply/'], secondaryClasses: [] },
  postAuthor: { classes: ['comment-by-node-author'], patterns: [/^by-[a-z0-9_]+-author$/], byline: false },
  pagination: {
    navClasses: ['pager'],
    navIds: [],
    pageNumber(url) {
      const digits = PAGE.exec(url)?.[1];
      return digits === undefined ? null : Number(digits) + 1;
    },
  },
  adapter: {
    markupDepth: () => null,
    declaredParentId: () => null,
  },
};
