/**
 * The thread's figures, computed once, here: the popup's summary, the toolbar's counts and (through ThreadIndex)
 * the triage lines all read them, so they cannot disagree.
 */
import { isAuthorReply, ThreadIndex } from '@/utils/thread/thread-index';
import type { Thread, ThreadStats } from '@/utils/thread/types';

/** How many of the largest top-level threads the stats list. */
const LARGEST_THREADS = 5;

function timeOf(date: string): number {
  return Date.parse(date);
}

/** Derived figures of a thread: counts, depth, the post author's presence, dates, the largest threads. */
export function summarizeThread(thread: Thread | ThreadIndex): ThreadStats {
  const index = thread instanceof ThreadIndex ? thread : new ThreadIndex(thread);
  const sizes = new Map<string, number>();
  const threadsWithAuthor = new Set<string>();
  const rootOf = new Map<string, string>();
  let firstDate: string | null = null;
  let lastDate: string | null = null;
  let pingbacks = 0;
  let trackbacks = 0;
  let postAuthorReplies = 0;
  let maxDepth = 0;
  for (const id of index.ids) {
    const comment = index.byId.get(id)!;
    // Page order is pre-order: a parent's root is known before its replies.
    const parent = index.parent(id);
    const root = parent === null ? id : (rootOf.get(parent) ?? id);
    rootOf.set(id, root);
    sizes.set(root, (sizes.get(root) ?? 0) + 1);
    if (comment.type === 'pingback') pingbacks++;
    else if (comment.type === 'trackback') trackbacks++;
    if (isAuthorReply(comment)) {
      postAuthorReplies++;
      threadsWithAuthor.add(root);
    }
    maxDepth = Math.max(maxDepth, comment.depth);
    if (comment.date && !Number.isNaN(timeOf(comment.date))) {
      if (firstDate === null || timeOf(comment.date) < timeOf(firstDate)) firstDate = comment.date;
      if (lastDate === null || timeOf(comment.date) > timeOf(lastDate)) lastDate = comment.date;
    }
  }
  const largestThreads = [...sizes.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, LARGEST_THREADS)
    .map(([id, size]) => ({ id, author: index.byId.get(id)?.author.name ?? '', size }));
  return {
    comments: index.ids.length,
    participants: index.people.participants.length,
    postAuthorReplies,
    pingbacks,
    trackbacks,
    maxDepth,
    // A thread is a top-level comment; a pingback at top level is not a discussion.
    topLevelThreads: index.roots.filter((id) => index.byId.get(id)!.type === 'comment').length,
    topLevelThreadsWithAuthorReply: threadsWithAuthor.size,
    firstDate,
    lastDate,
    largestThreads,
  };
}

/** The headline figures every surface shows (popup headline, toolbar): the same three numbers everywhere. */
export interface HeadlineFigures {
  /** Comments written by people (pingbacks and trackbacks apart). */
  comments: number;
  /** Top-level comments (pings apart). */
  threads: number;
  /** Distinct people (utils/thread/participants.ts). */
  people: number;
  /** Pingbacks and trackbacks. */
  pings: number;
  /** Comments by the post's author. */
  authorReplies: number;
}

export function headlineFigures(stats: ThreadStats): HeadlineFigures {
  const pings = stats.pingbacks + stats.trackbacks;
  return {
    comments: Math.max(stats.comments - pings, 0),
    threads: stats.topLevelThreads,
    people: stats.participants,
    pings,
    authorReplies: stats.postAuthorReplies,
  };
}
