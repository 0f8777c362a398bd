/**
 * A markup dialect as data: how one comment engine (WordPress's walkers and themes, wpDiscuz, Drupal's comment
 * module…) prints a thread. Detection, parsing and the view read these profiles instead of selectors of their own;
 * a new dialect is one profile file registered in utils/dialects/index.ts, plus its fixtures (docs/parser.md).
 *
 * Everything is structure: ids, class tokens, attributes, nesting. Never visible text (labels are localized).
 */
import type { CommentItem } from '@/utils/detect/comment-items';
import type { MarkupDialect } from '@/utils/thread/types';

/** What a class token says about the element it sits on, inside a comment. */
export type FieldRole =
  | 'name' // the author's name (`.fn`, `.comment__author`)
  | 'authorBox' // a block holding avatar, name and "says" (`.comment-author.vcard`): the name is read inside it
  | 'submitted' // a "Submitted by <name> on <date>" line: the name is its first inline element (Drupal classy)
  | 'content' // the comment's text
  | 'date' // the date block
  | 'pending' // an "awaiting moderation" note
  | 'meta' // blocks that are never the text (reply, edit links, headers and footers of plugins)
  | 'body'; // the element holding the comment's own content, without its replies

/** An id that announces a comment item. `pattern` is tried only on ids starting with `prefix` (cheap). */
export interface IdMark {
  prefix: string;
  /** Group 1 and, for pairs, group 2: the numbers the id carries. */
  pattern: RegExp;
  /**
   * What the numbers are:
   * - `comment`: group 1 is the comment id (`comment-N`, `li-comment-N`);
   * - `comment-parent`: the comment id and the id of its parent, 0 at top level (`wpd-comm-N_P`);
   * - `pair`: two numbers whose meaning differs by version (`wc-comm-A_B`: comment_parent in wpDiscuz 4–5,
   *   post_comment in 2–3): settled by the comment's inner `#comment-N`, else by the adapter.
   */
  numbers: 'comment' | 'comment-parent' | 'pair';
  /** True when the id sits on the comment's outer wrapper (`li-comment-N`): a `comment-N` inside it is the same comment. */
  outer?: boolean;
}

export interface ItemProfile {
  ids: readonly IdMark[];
  /**
   * WordPress `comment_class()` output: a `depth-N` token plus one of `companions` (a comment type, the top-level
   * alternation `thread-even/odd`, `byuser`, `bypostauthor`). Plain `odd`/`even` are not enough: menus print them.
   */
  depthClass: { companions: readonly string[] } | null;
  /** Elements that are items by a class alone, on these tags (`li.pingback` of themes that print no id). */
  classOnly: readonly { tags: readonly string[]; classes: readonly string[] }[];
  /** An attribute that makes an element an item (Drupal's `data-comment-user-id`), checked on elements with one of `classes`. */
  attributes: readonly { attribute: string; classes: readonly string[] }[];
  /**
   * Items whose id sits on an empty anchor printed right before them (Drupal 7–10: `<a id="comment-N"></a>` then
   * the comment): the element right after the anchor is the item when it carries one of `classes` or `attributes`.
   */
  anchorBefore: { prefix: string; classes: readonly string[] } | null;
  /** Type tokens on the item (or its class host). */
  types: { pingback: readonly string[]; trackback: readonly string[]; review: readonly string[] };
  /** Classes on the item marking an unapproved comment shown to its author. */
  pendingClasses: readonly string[];
  /** Avatar `alt` values a plugin gives pings (wpDiscuz 5 prints no type class, only its trackback avatar). */
  pingAvatarAlts: readonly string[];
}

export interface SectionProfile {
  /** Ids and classes of the container around the whole comment area (the nearest one is the section root). */
  rootIds: readonly string[];
  rootClasses: readonly string[];
  /** Classes and ids of the list of top-level comments (`ol.commentlist`, `.wpd-thread-list`). */
  listClasses: readonly string[];
  listIds: readonly string[];
  /** Notes printed in the section when comments are closed. */
  closedClasses: readonly string[];
}

export interface ReplyProfile {
  /** Replies nested inside the parent item in one of these lists (`ol.children`, or any bare ol/ul). */
  insideClasses: readonly string[];
  insideTags: readonly string[];
  /** Replies printed right after the parent item, in its next sibling with one of these classes (Drupal's `div.indented`). */
  afterClasses: readonly string[];
  /** Replies may also sit straight inside the parent item, without a list (style=div, wpDiscuz). */
  direct: boolean;
}

export interface ReplyLinkProfile {
  /** Classes on the link itself (`comment-reply-link`). */
  classes: readonly string[];
  /** An attribute on the link (`data-commentid`). */
  attributes: readonly string[];
  /** Classes of an element around the link (Drupal's `li.comment-reply`). */
  hostClasses: readonly string[];
  /** Link targets that are reply links (`/comment/reply/…`). */
  hrefs: readonly RegExp[];
  /** Non-link reply buttons (wpDiscuz's `div.wpd-reply-button`, `span.wc-reply-link`): evidence and view anchor. */
  buttonClasses: readonly string[];
}

export interface FieldProfile {
  roles: Readonly<Partial<Record<FieldRole, readonly string[]>>>;
  /** Patterns for class names a theme coins (`c-comment__author-name`), tried after the exact tokens. */
  rolePatterns: readonly (readonly [RegExp, FieldRole])[];
  replyLink: ReplyLinkProfile;
  /** The permalink's text is the date (WordPress xhtml walker); false where it reads "Permalink" (Drupal). */
  permalinkIsDate: boolean;
}

export interface FormProfile {
  /** Ids of the comment form or its container (`respond` is the container comment-reply.js moves). */
  ids: readonly string[];
  /** Form classes (`wpd_comm_form`, `comment-form`). */
  formClasses: readonly string[];
  /** Substrings of the form's `action` (`wp-comments-post`, `/comment/reply/`). */
  actions: readonly string[];
  /** Containers of reply forms printed inside each comment (wpDiscuz 2–3): never comments, never the main form. */
  secondaryClasses: readonly string[];
}

export interface PostAuthorProfile {
  /** Classes on the item, its class host or any of its own elements. */
  classes: readonly string[];
  /** Class patterns (Drupal's `by-{entity type}-author`). */
  patterns: readonly RegExp[];
  /** When no item carries the dialect's classes at all, match the post byline to commenters (WordPress themes without comment_class()). */
  byline: boolean;
}

export interface PaginationProfile {
  navClasses: readonly string[];
  navIds: readonly string[];
  /** The 1-based comment page a URL points to, or null (`comment-page-3`, `?cpage=3`; Drupal's 0-based `?page=2`). */
  pageNumber(url: string): number | null;
}

/** The code a dialect needs beyond data (kept small; most dialects need none of it). */
export interface DialectAdapter {
  /** Depth as printed by the markup (`depth-N`, a plugin's level class), or null. */
  markupDepth(item: CommentItem): number | null;
  /** Parent id declared by the markup itself ("0" = top level), or null when it declares none. */
  declaredParentId(item: CommentItem): string | null;
  /** Settles ids the marks left open (wpDiscuz's `wc-comm-A_B` without an inner `#comment-N`), for one section. */
  settleIds?(items: CommentItem[]): void;
}

export interface DialectProfile {
  dialect: MarkupDialect;
  /** The engine's name as people know it (the popup says "Drupal comments", "wpDiscuz"…). Not translated. */
  engine: string;
  items: ItemProfile;
  sections: SectionProfile;
  replies: ReplyProfile;
  fields: FieldProfile;
  form: FormProfile;
  postAuthor: PostAuthorProfile;
  pagination: PaginationProfile;
  adapter: DialectAdapter;
}
