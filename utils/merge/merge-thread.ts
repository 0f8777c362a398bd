/**
 * The thread of every loaded comment page as one Thread, in reading order (pure data). WordPress pages top-level
 * threads, so each page holds whole threads: their depths and parents are exact within the page, and joining the
 * pages in reading order keeps the pre-order (a parent before its replies) of the whole.
 */
import type { PostAuthor, Thread, ThreadComment } from '@/utils/thread/types';

export interface PageComments {
  /** WordPress's page number. */
  number: number;
  comments: readonly ThreadComment[];
  /** The thread's post author as that page's parse found it. */
  postAuthor?: PostAuthor | null;
}

/**
 * The comments of a fetched page that join the thread: ids not taken yet, whose parent joins too (or who have none).
 * A comment already shown (pages shift when comments are approved or deleted between two loads) stays where it is,
 * and so does its whole thread.
 */
export function selectNewComments(comments: readonly ThreadComment[], taken: ReadonlySet<string>): { keep: Set<string>; duplicates: string[] } {
  const keep = new Set<string>();
  const duplicates: string[] = [];
  for (const comment of comments) {
    const parentJoins = comment.parentId === null || keep.has(comment.parentId);
    if (!taken.has(comment.id) && !keep.has(comment.id) && parentJoins) keep.add(comment.id);
    else duplicates.push(comment.id);
  }
  return { keep, duplicates };
}

/** A plain copy of a parsed comment: its lazily read text read now, so the fetched document can be let go. */
export function detachComment(comment: ThreadComment): ThreadComment {
  return { ...comment, author: { ...comment.author } };
}

export interface MergedThread {
  thread: Thread;
  /** Page number of every comment of `thread`. */
  pageOf: Map<string, number>;
}

/**
 * One Thread from the page on screen (`base`, with its dialect, pagination and form state) and the loaded pages,
 * `pages` in reading order (the page on screen among them). Later duplicates of an id are dropped.
 */
export function mergeThread(base: Thread, pages: readonly PageComments[]): MergedThread {
  const comments: ThreadComment[] = [];
  const pageOf = new Map<string, number>();
  for (const page of pages) {
    for (const comment of page.comments) {
      if (pageOf.has(comment.id)) continue;
      pageOf.set(comment.id, page.number);
      comments.push(comment);
    }
  }
  const postAuthor = base.postAuthor ?? pages.map((page) => page.postAuthor).find((author) => author) ?? null;
  return { thread: { ...base, postAuthor, comments }, pageOf };
}
