/**
 * Which comments are new since the reader's previous visit, and which are the most recent ones. Pure functions of
 * the thread model and the visit baseline (utils/visits/visit-record.ts); the rules are explained in
 * docs/new-since-last-visit.md ("What is new").
 */
import { highestNumericId, numericIdValue } from '@/utils/visits/id-set';
import type { VisitBaseline } from '@/utils/visits/visit-record';
import type { Thread, ThreadComment } from '@/utils/thread/types';

/** Comment dates before this are not dates (WordPress's "0000-00-00", epoch zero): blogs did not exist yet. */
const EARLIEST_PLAUSIBLE = Date.UTC(1995, 0, 1);

/** A comment's time in ms when its machine date is usable, else null. */
export function commentTime(comment: Pick<ThreadComment, 'date'>): number | null {
  if (!comment.date) return null;
  const time = Date.parse(comment.date);
  return Number.isFinite(time) && time >= EARLIEST_PLAUSIBLE ? time : null;
}

/**
 * The ids of the comments that were not on the page at the reader's previous visit, in page order. A first visit
 * (no baseline) marks nothing.
 *
 * A comment the reader was shown is never new. Any other comment is new on a thread shown whole. On one comment
 * page of a paginated thread, a comment the reader was not shown may simply sit on a page they never opened, so
 * it counts as new only when it is known to be later than the visit (dated after it; undated, with an id above
 * every id seen) or when it sits among comments the reader saw (its parent was seen, or it is a top-level comment
 * with seen top-level comments on both sides: a comment approved late, with an old date and id).
 */
export function findNewComments(thread: Pick<Thread, 'comments' | 'pagination'>, baseline: VisitBaseline | null): string[] {
  if (!baseline) return [];
  const { seen, at } = baseline;
  const unseen = thread.comments.filter((comment) => !seen.has(comment.id));
  if (unseen.length === 0 || !thread.pagination) return unseen.map((comment) => comment.id);

  const highestSeen = highestNumericId(seen);
  const onPage = new Set(thread.comments.map((comment) => comment.id));
  const enclosed = enclosedTopLevel(thread.comments, seen, onPage);
  const fresh = new Set<string>();
  // Page order is pre-order: a parent is decided before its replies.
  for (const comment of unseen) {
    const time = commentTime(comment);
    const value = numericIdValue(comment.id);
    const later = time !== null ? time > at : value !== null && highestSeen >= 0 && value > highestSeen;
    const parentOnPage = comment.parentId !== null && onPage.has(comment.parentId);
    const amongSeen = parentOnPage
      ? seen.has(comment.parentId!) || fresh.has(comment.parentId!)
      : enclosed.has(comment.id);
    if (later || amongSeen) fresh.add(comment.id);
  }
  return unseen.filter((comment) => fresh.has(comment.id)).map((comment) => comment.id);
}

/** Top-level comments (or replies whose parent is not on the page) not seen, with a seen one before and after. */
function enclosedTopLevel(comments: readonly ThreadComment[], seen: ReadonlySet<string>, onPage: Set<string>): Set<string> {
  const roots = comments.filter((comment) => comment.parentId === null || !onPage.has(comment.parentId));
  const enclosed = new Set<string>();
  let seenBefore = false;
  let run: string[] = [];
  for (const root of roots) {
    if (seen.has(root.id)) {
      if (seenBefore) for (const id of run) enclosed.add(id);
      seenBefore = true;
      run = [];
    } else {
      run.push(root.id);
    }
  }
  return enclosed;
}

/**
 * The `count` most recent comments (pingbacks apart), most recent first: by date then id when every comment has a
 * usable date, else by id alone (WordPress ids grow with time; ids that are not numbers come last, in page order).
 * For a first visit, where nothing can be new: Comments Owl's "highlight the N most recent".
 */
export function mostRecentComments(comments: readonly ThreadComment[], count: number): string[] {
  if (!(count > 0)) return [];
  const candidates = comments
    .map((comment, index) => ({ comment, index, time: commentTime(comment), value: numericIdValue(comment.id) }))
    .filter(({ comment }) => comment.type === 'comment');
  const allDated = candidates.every(({ time }) => time !== null);
  const byId = (a: (typeof candidates)[number], b: (typeof candidates)[number]) =>
    (b.value ?? -1) - (a.value ?? -1) || a.index - b.index;
  candidates.sort(allDated ? (a, b) => b.time! - a.time! || byId(a, b) : byId);
  return candidates.slice(0, Math.floor(count)).map(({ comment }) => comment.id);
}
