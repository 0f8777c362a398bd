/**
 * Lookup structures over a Thread for the view: children lists, roots, subtree summaries.
 * Built in one pass; parents come before their replies in Thread.comments (pre-order).
 */
import type { Thread, ThreadComment } from '@/utils/thread/types';

/** What a collapsed comment's triage line says about its hidden replies. */
export interface ReplySummary {
  /** Every descendant (replies of replies included). */
  replies: number;
  /** Distinct people among those replies (pingbacks apart). */
  people: number;
  /** The post author wrote at least one of those replies. */
  authorReplied: boolean;
}

export class ThreadIndex {
  readonly ids: string[] = [];
  readonly byId = new Map<string, ThreadComment>();
  /** The reply ids of each comment, in page order (only comments that have replies are keys). */
  readonly children = new Map<string, string[]>();
  /** Each comment's position in page order. */
  readonly position = new Map<string, number>();
  /** Top-level ids: no parent, or a parent that is not on this page. */
  readonly roots: string[] = [];
  private readonly parentOf = new Map<string, string | null>();
  private readonly summaries = new Map<string, ReplySummary>();

  constructor(readonly thread: Thread) {
    for (const comment of thread.comments) {
      if (this.byId.has(comment.id)) continue; // a duplicated id keeps its first occurrence
      this.byId.set(comment.id, comment);
      this.position.set(comment.id, this.ids.length);
      this.ids.push(comment.id);
    }
    for (const id of this.ids) {
      const parentId = this.byId.get(id)!.parentId;
      // A parent must exist and come first, or the comment is treated as top level (no cycles possible).
      const parent = parentId !== null && parentId !== id && this.isBefore(parentId, id) ? parentId : null;
      this.parentOf.set(id, parent);
      if (parent === null) {
        this.roots.push(id);
        continue;
      }
      const siblings = this.children.get(parent);
      if (siblings) siblings.push(id);
      else this.children.set(parent, [id]);
    }
  }

  /** The parent as the view uses it (null at top level or when the parent is missing). */
  parent(id: string): string | null {
    return this.parentOf.get(id) ?? null;
  }

  hasReplies(id: string): boolean {
    return this.children.has(id);
  }

  /** The top-level comment of the thread holding `id`. */
  rootOf(id: string): string {
    let current = id;
    for (let parent = this.parent(current); parent !== null; parent = this.parent(current)) current = parent;
    return current;
  }

  /** Every descendant of `id`, in page order of a depth-first walk. */
  descendants(id: string): string[] {
    const result: string[] = [];
    const stack = [...(this.children.get(id) ?? [])].reverse();
    while (stack.length > 0) {
      const current = stack.pop()!;
      result.push(current);
      const replies = this.children.get(current);
      if (replies) for (let i = replies.length - 1; i >= 0; i--) stack.push(replies[i]!);
    }
    return result;
  }

  /** Replies, people and author presence below `id` (cached). */
  summary(id: string): ReplySummary {
    const cached = this.summaries.get(id);
    if (cached) return cached;
    const people = new Set<string>();
    let authorReplied = false;
    const replies = this.descendants(id);
    for (const replyId of replies) {
      const reply = this.byId.get(replyId)!;
      if (reply.type !== 'comment') continue;
      people.add(personKey(reply));
      if (reply.isPostAuthor) authorReplied = true;
    }
    const summary = { replies: replies.length, people: people.size, authorReplied };
    this.summaries.set(id, summary);
    return summary;
  }

  private isBefore(a: string, b: string): boolean {
    const positionA = this.position.get(a);
    const positionB = this.position.get(b);
    return positionA !== undefined && positionB !== undefined && positionA < positionB;
  }
}

/** How the view tells people apart: the displayed name (case-insensitive) and website. */
export function personKey(comment: ThreadComment): string {
  return `${comment.author.name.trim().toLowerCase()}\u0000${comment.author.url ?? ''}`;
}
