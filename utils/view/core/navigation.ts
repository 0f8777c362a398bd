/**
 * Where each movement key leads, as pure functions of the thread's comments (page order) and a visibility test.
 * They return the id to select, or null when there is nowhere to go (the cursor then stays put).
 */
import type { ThreadComment } from '@/utils/thread/types';

export interface NavigationContext {
  /** Comments in page order (pre-order). */
  comments: readonly ThreadComment[];
  isVisible(id: string): boolean;
}

function indexOf(context: NavigationContext, id: string | null): number {
  return id === null ? -1 : context.comments.findIndex((comment) => comment.id === id);
}

/** First comment after `fromIndex` (or before it, going back) that passes `accept`. */
function scan(
  context: NavigationContext,
  fromIndex: number,
  step: 1 | -1,
  accept: (comment: ThreadComment) => boolean,
): string | null {
  const { comments } = context;
  for (let index = fromIndex + step; index >= 0 && index < comments.length; index += step) {
    const comment = comments[index];
    if (comment && accept(comment)) return comment.id;
  }
  return null;
}

/** j / k: the next or previous visible comment. With no cursor, the first (j) or last (k) visible one. */
export function adjacentVisible(context: NavigationContext, fromId: string | null, step: 1 | -1): string | null {
  let from = indexOf(context, fromId);
  if (from < 0) from = step === 1 ? -1 : context.comments.length;
  return scan(context, from, step, (comment) => context.isVisible(comment.id));
}

/** Shift+J / Shift+K: the next or previous visible comment answering the same parent. */
export function adjacentSibling(context: NavigationContext, fromId: string | null, step: 1 | -1): string | null {
  const from = indexOf(context, fromId);
  const current = context.comments[from];
  if (!current) return adjacentVisible(context, null, step);
  const { parentId } = current;
  return scan(context, from, step, (comment) => comment.parentId === parentId && context.isVisible(comment.id));
}

/**
 * n / Shift+N: the next or previous top-level comment. Going back from inside a thread lands on that thread's
 * own root first, as a reader expects ("back to the start of this thread").
 */
export function adjacentThread(context: NavigationContext, fromId: string | null, step: 1 | -1): string | null {
  let from = indexOf(context, fromId);
  if (from < 0) from = step === 1 ? -1 : context.comments.length;
  return scan(context, from, step, (comment) => comment.parentId === null && context.isVisible(comment.id));
}

/** p: the comment this one answers, if it is on this page. */
export function parentOf(context: NavigationContext, fromId: string | null): string | null {
  const parentId = context.comments[indexOf(context, fromId)]?.parentId ?? null;
  return parentId !== null && indexOf(context, parentId) >= 0 ? parentId : null;
}

/**
 * a / Shift+A: the next or previous comment by the post's author. Hidden ones count too (selecting a comment
 * reveals it): the point is to find the author's answers inside folded threads.
 */
export function adjacentAuthorReply(context: NavigationContext, fromId: string | null, step: 1 | -1): string | null {
  let from = indexOf(context, fromId);
  if (from < 0) from = step === 1 ? -1 : context.comments.length;
  return scan(context, from, step, (comment) => comment.isPostAuthor && comment.type === 'comment');
}

/** The nearest visible comment among `id` and its ancestors (where the cursor goes when its comment gets folded). */
export function nearestVisibleAncestor(context: NavigationContext, id: string): string | null {
  const byId = new Map(context.comments.map((comment) => [comment.id, comment]));
  const seen = new Set<string>();
  let current = byId.get(id);
  while (current && !seen.has(current.id)) {
    if (context.isVisible(current.id)) return current.id;
    seen.add(current.id);
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return null;
}
