/**
 * The thread model: plain, JSON-serializable data about one comment section.
 * Produced by utils/parse, consumed by the view, the popup and the inspector CLI.
 * No DOM references here: the element of each comment travels beside the model (ParsedSection.parts).
 */

export type CommentType = 'comment' | 'pingback' | 'trackback';

/** Which markup dialect (parse adapter) produced a thread. */
export type MarkupDialect =
  | 'wordpress' // core walker (html5, xhtml, style=div), li-comment themes, block themes, classic callbacks
  | 'wpdiscuz' // the wpDiscuz plugin, every generation (2.x–7.x)
  | 'drupal'; // Drupal's core comment module (Drupal 7–11: Olivero, Bartik/Classy, Claro)

export interface CommentAuthor {
  /** Display name as shown on the page (whitespace collapsed). Pingbacks: the linking page's title. */
  name: string;
  /** The author's website, or null. */
  url: string | null;
  /** Avatar image URL (lazy-loading attributes honoured), or null. */
  avatar: string | null;
}

export interface ThreadComment {
  /** The platform's own id as a string: "30" for #comment-30. Synthesized ("ping-3") only when the page has none. */
  id: string;
  /** Id of the comment this one answers; null at top level. */
  parentId: string | null;
  /** 1 = top level. */
  depth: number;
  author: CommentAuthor;
  /** Written by the post's author (bypostauthor, a plugin's author class, or the post byline). */
  isPostAuthor: boolean;
  type: CommentType;
  /** ISO 8601 when the page gives a machine-readable date, else null. */
  date: string | null;
  /** The visible date text, kept raw (localized). */
  dateText: string | null;
  /** Absolute link to the comment, or null. */
  permalink: string | null;
  /** The viewer's own comment awaiting moderation. */
  pending: boolean;
  /** The comment's text content, whitespace collapsed (for search, inference and triage; never re-rendered as HTML). */
  text: string;
}

export interface PostAuthor {
  name: string;
  url: string | null;
  /** How we know: WordPress's own class on a comment, or the post's byline matched to commenters. */
  source: 'bypostauthor' | 'byline';
}

export interface PaginationInfo {
  /** 1-based number of the comment page shown, when known. */
  current: number | null;
  /** Highest page number linked, when known. */
  total: number | null;
  previousUrl: string | null;
  nextUrl: string | null;
  /** Every comment-page link found, in page order, de-duplicated. */
  pageUrls: string[];
}

export interface Thread {
  dialect: MarkupDialect;
  postAuthor: PostAuthor | null;
  /** Comments in page order (pre-order: a parent always comes before its replies). */
  comments: ThreadComment[];
  /** Present when the section is paginated: this page holds only some of the top-level threads. */
  pagination: PaginationInfo | null;
  /** False when the page shows no comment form (comments closed, or a login wall). */
  commentsOpen: boolean;
}

/** Derived figures (utils/thread/stats.ts computes them from a Thread). */
export interface ThreadStats {
  /** Every item in the section, pingbacks and trackbacks included. */
  comments: number;
  /** Distinct people among real comments (pingbacks/trackbacks apart). */
  participants: number;
  /** Comments by the post's author (pings apart). */
  postAuthorReplies: number;
  pingbacks: number;
  trackbacks: number;
  maxDepth: number;
  /** Top-level comments: the threads of the discussion (a pingback at top level is not one). */
  topLevelThreads: number;
  /** Top-level threads in which the post author wrote at least one comment (the root included). */
  topLevelThreadsWithAuthorReply: number;
  firstDate: string | null;
  lastDate: string | null;
  /** The largest top-level threads, biggest first: root id and total comment count (root included). */
  largestThreads: { id: string; author: string; size: number }[];
}

export interface Participant {
  /** Stable key (utils/thread/participants.ts): 'post-author' for the post's author, else normalized name + url. */
  key: string;
  name: string;
  url: string | null;
  isPostAuthor: boolean;
  /** Ids of this person's comments, in page order. */
  commentIds: string[];
}
