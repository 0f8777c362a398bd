import { listParticipants } from '@/utils/thread/participants';
import type { Thread, ThreadComment, ThreadStats } from '@/utils/thread/types';

/** How many of the largest top-level threads the stats list. */
const LARGEST_THREADS = 5;

function timeOf(date: string): number {
  return Date.parse(date);
}

/** The top-level ancestor of each comment (a reply whose parent is not on the page counts as its own root). */
function rootsOf(comments: ThreadComment[]): Map<string, string> {
  const roots = new Map<string, string>();
  for (const comment of comments) {
    // Page order is pre-order: a parent is always seen before its replies.
    const parentRoot = comment.parentId === null ? undefined : roots.get(comment.parentId);
    roots.set(comment.id, parentRoot ?? comment.id);
  }
  return roots;
}

/** Derived figures of a thread: counts, depth, the post author's presence, dates, the largest threads. */
export function summarizeThread(thread: Thread): ThreadStats {
  const { comments } = thread;
  const roots = rootsOf(comments);
  const sizes = new Map<string, number>();
  const threadsWithAuthor = new Set<string>();
  let firstDate: string | null = null;
  let lastDate: string | null = null;
  for (const comment of comments) {
    const root = roots.get(comment.id) ?? comment.id;
    sizes.set(root, (sizes.get(root) ?? 0) + 1);
    if (comment.isPostAuthor) threadsWithAuthor.add(root);
    if (comment.date && !Number.isNaN(timeOf(comment.date))) {
      if (firstDate === null || timeOf(comment.date) < timeOf(firstDate)) firstDate = comment.date;
      if (lastDate === null || timeOf(comment.date) > timeOf(lastDate)) lastDate = comment.date;
    }
  }
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  const largestThreads = [...sizes.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, LARGEST_THREADS)
    .map(([id, size]) => ({ id, author: byId.get(id)?.author.name ?? '', size }));
  return {
    comments: comments.length,
    participants: listParticipants(thread).length,
    postAuthorReplies: comments.filter((comment) => comment.isPostAuthor).length,
    pingbacks: comments.filter((comment) => comment.type === 'pingback').length,
    trackbacks: comments.filter((comment) => comment.type === 'trackback').length,
    maxDepth: comments.reduce((max, comment) => Math.max(max, comment.depth), 0),
    topLevelThreads: sizes.size,
    topLevelThreadsWithAuthorReply: threadsWithAuthor.size,
    firstDate,
    lastDate,
    largestThreads,
  };
}
