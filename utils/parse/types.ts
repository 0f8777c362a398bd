import type { DialectProfile } from '@/utils/dialects/types';
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
  /**
   * The native reply control, or null when replies are off or closed: WordPress's Reply link (comment-reply.js moves
   * the form on click), Drupal's `li.comment-reply > a`, wpDiscuz's reply button (`div.wpd-reply-button`).
   */
  replyLink: Element | null;
  /**
   * The element that holds this comment's replies in the page:
   * its reply list (`ol.children`, Thesis's `dl.children`), the item itself where replies sit straight inside it
   * (style=div, wpDiscuz), or the list that follows it (Drupal's `div.indented`, Hestia's sibling `ul.children`).
   * Null for a comment without replies, or whose replies the page prints among other comments (max-depth overflow).
   */
  replies: Element | null;
  /**
   * A further element of this comment printed as the item's next sibling (Thesis: the `dd` holding the text, reply
   * link and replies after the `dt` that is `element`); null for every other markup. The view hides and moves it
   * with `element`.
   */
  continuation: Element | null;
}

/** What the view needs to know about the section as a whole (absent on hand-built sections). */
export interface SectionParts {
  /**
   * The dialect profile that parsed it (utils/dialects/types.ts): its reply lists (`replies.insideClasses`,
   * `insideTags`, `afterClasses`, `direct`) say how to make a reply list like the page's; its `form.ids` name the
   * form container comment-reply.js moves (`respond`); `engine` is the name to show.
   */
  profile: DialectProfile;
  root: Element;
  /** The list holding the top-level comments. */
  list: Element;
  /** The section's comment-form parts (`#respond`, `#commentform`, wpDiscuz's main form, Drupal's `form.comment-form`), in page order. */
  forms: Element[];
}

/** The result of parsing one CommentSection: pure data plus the page's own element for each comment. */
export interface ParsedSection {
  thread: Thread;
  /**
   * Each comment's parts, keyed by ThreadComment.id: the page's own elements of every comment of `thread` (its item,
   * body, content, name, reply link, replies and continuation). The one map from the model to the page.
   */
  parts: Map<string, CommentParts>;
  /** The section's profile, root, list and forms (set by the parser; absent on hand-built sections in tests). */
  section?: SectionParts;
}
