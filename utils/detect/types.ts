import type { MarkupDialect } from '@/utils/thread/types';

/** Comment systems that render inside an iframe or a script we cannot read (recognized, reported, not parsed). */
export type EmbeddedSystem =
  | 'disqus'
  | 'jetpack'
  | 'facebook'
  | 'livefyre'
  | 'spotim'
  | 'ghost'
  | 'hyvor'
  | 'commento'
  | 'other';

/** One comment section found on the page. */
export interface CommentSection {
  /**
   * The section root: the smallest element holding the whole comment list (and, when near, its title,
   * pagination and form), e.g. `#comments.comments-area`, `.wp-block-comments`, `#wpdcom`.
   * The view marks it `data-threadlight="enhanced"`.
   */
  root: Element;
  /** The list element that holds the top-level comment items (`ol.comment-list`, `.wpd-thread-list`, …). */
  list: Element;
  dialect: MarkupDialect;
}

export type Detection =
  | { status: 'none' }
  /** A comment system we recognize but cannot read (an iframe, or rendered by a third-party script). */
  | { status: 'unreadable'; system: EmbeddedSystem }
  | { status: 'found'; sections: CommentSection[] };
