/**
 * Where each movement leads (keys, toolbar buttons), as pure functions of the thread index and a visibility test.
 * They return the id to select, or null when there is nowhere to go (the cursor then stays put).
 */
import { isAuthorReply, type ThreadIndex } from '@/utils/thread/thread-index';

export interface NavigationContext {
  index: ThreadIndex;
  isVisible(id: string): boolean;
}

function positionOf(context: NavigationContext, id: string | null, step: 1 | -1): number {
  const position = id === null ? undefined : context.index.position.get(id);
  if (position !== undefined) return position;
  return step === 1 ? -1 : context.index.ids.length;
}

/** First comment after `from` (or before it, going back) that passes `accept`. */
function scan(context: NavigationContext, from: number, step: 1 | -1, accept: (id: string) => boolean): string | null {
  const { ids } = context.index;
  for (let at = from + step; at >= 0 && at < ids.length; at += step) {
    const id = ids[at]!;
    if (accept(id)) return id;
  }
  return null;
}

/** j / k: the next or previous visible comment. With no cursor, the first (j) or last (k) visible one. */
export function adjacentVisible(context: NavigationContext, fromId: string | null, step: 1 | -1): string | null {
  return scan(context, positionOf(context, fromId, step), step, (id) => context.isVisible(id));
}

/** Shift+J / Shift+K: the next or previous visible comment answering the same parent. */
export function adjacentSibling(context: NavigationContext, fromId: string | null, step: 1 | -1): string | null {
  if (fromId === null || !context.index.byId.has(fromId)) return adjacentVisible(context, null, step);
  const parent = context.index.parent(fromId);
  return scan(context, positionOf(context, fromId, step), step, (id) => context.index.parent(id) === parent && context.isVisible(id));
}

/**
 * n / Shift+N: the next or previous top-level comment. Going back from inside a thread lands on that thread's
 * own root first, as a reader expects ("back to the start of this thread").
 */
export function adjacentThread(context: NavigationContext, fromId: string | null, step: 1 | -1): string | null {
  return scan(context, positionOf(context, fromId, step), step, (id) => context.index.parent(id) === null && context.isVisible(id));
}

/** p: the comment this one answers, if it is on this page. */
export function parentOf(context: NavigationContext, fromId: string | null): string | null {
  return fromId === null ? null : context.index.parent(fromId);
}

/**
 * a / Shift+A: the next or previous comment by the post's author. Hidden ones count too (selecting a comment
 * reveals it): the point is to find the author's answers inside folded threads.
 */
export function adjacentAuthorReply(context: NavigationContext, fromId: string | null, step: 1 | -1): string | null {
  return scan(context, positionOf(context, fromId, step), step, (id) => isAuthorReply(context.index.byId.get(id)!));
}

/**
 * The author's reply to go to from what is on screen when nothing is selected: going forward, the comment on
 * screen itself counts.
 */
export function authorReplyFromScreen(context: NavigationContext, onScreen: string | null, step: 1 | -1): string | null {
  if (onScreen !== null && step === 1 && isAuthorReply(context.index.byId.get(onScreen)!)) return onScreen;
  return adjacentAuthorReply(context, onScreen, step);
}
