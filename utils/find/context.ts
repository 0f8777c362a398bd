/**
 * "Only matching comments": the comments holding a match and, for context, every comment above them up to the top
 * of their thread (pure data: the thread's parent links, merged pages included).
 */
import type { ThreadComment } from '@/utils/thread/types';

/** `ids` and all their ancestors. A broken parent chain (a cycle, a parent not in the thread) stops where it breaks. */
export function withAncestors(ids: Iterable<string>, comments: readonly ThreadComment[]): Set<string> {
  const parentOf = new Map(comments.map((comment) => [comment.id, comment.parentId]));
  const shown = new Set<string>();
  for (const id of ids) {
    for (let at: string | null | undefined = id; at != null && parentOf.has(at) && !shown.has(at); at = parentOf.get(at)) shown.add(at);
  }
  return shown;
}
