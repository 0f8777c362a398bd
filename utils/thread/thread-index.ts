/**
 * Lookup structures over a Thread: page positions, parents as the view and the figures use them, children, roots,
 * subtree summaries. Built in one pass; pure data (no DOM), shared by the view state, the toolbar, the triage lines
 * and the popup's figures (utils/thread/stats.ts), so they all count alike.
 */
import { identifyPeople, type People } from '@/utils/thread/participants';
import type { Thread, ThreadComment } from '@/utils/thread/types';

/** What a folded comment's triage line says about its hidden replies. */
export interface ReplySummary {
  /** Every descendant (replies of replies included). */
  replies: number;
  /** Distinct people among those replies (the one rule of utils/thread/participants.ts; pings are not people). */
  people: number;
  /** The post author wrote at least one of those replies. */
  authorReplied: boolean;
}

const built = new WeakMap<Thread, ThreadIndex>();

export class ThreadIndex {
  /** Ids in page order; a repeated id keeps its first occurrence. */
  readonly ids: string[] = [];
  readonly byId = new Map<string, ThreadComment>();
  /** The reply ids of each comment, in page order (only comments that have replies are keys). */
  readonly children = new Map<string, string[]>();
  /** Each comment's position in page order. */
  readonly position = new Map<string, number>();
  /** Top-level ids: no parent, or a parent that is not on this page (or comes after it). */
  readonly roots: string[] = [];
  private readonly parentOf = new Map<string, string | null>();
  private readonly summaries = new Map<string, ReplySummary>();
  private peopleCache: People | null = null;
  private authorThreads: Set<string> | null = null;

  /**
   * The index of `thread`, made once per thread object: the content script makes it (and its people) in a slice of
   * its own before the mount, which then finds it ready (docs/performance.md, "The mount in one budget").
   */
  static of(thread: Thread): ThreadIndex {
    let index = built.get(thread);
    if (!index) {
      index = new ThreadIndex(thread);
      built.set(thread, index);
    }
    return index;
  }

  constructor(readonly thread: Thread) {
    for (const comment of thread.comments) {
      if (this.byId.has(comment.id)) continue;
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

  /** The people of the thread (computed once, on first use). */
  get people(): People {
    this.peopleCache ??= identifyPeople(this.thread);
    return this.peopleCache;
  }

  /** The parent as the index uses it (null at top level or when the parent is missing). */
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

  /** Depth as the parent links give it (1 = top level). */
  depthOf(id: string): number {
    let depth = 1;
    for (let parent = this.parent(id); parent !== null; parent = this.parent(parent)) depth++;
    return depth;
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
    const { keyOf } = this.people;
    let authorReplied = false;
    const replies = this.descendants(id);
    for (const replyId of replies) {
      const reply = this.byId.get(replyId)!;
      if (reply.type !== 'comment') continue;
      const key = keyOf.get(replyId);
      if (key !== undefined) people.add(key);
      if (reply.isPostAuthor) authorReplied = true;
    }
    const summary = { replies: replies.length, people: people.size, authorReplied };
    this.summaries.set(id, summary);
    return summary;
  }

  /**
   * The top-level comments whose thread holds a reply by the post's author (summary(root).authorReplied for every
   * root), in one pass over the thread instead of a summary per thread (cached).
   */
  rootsWithAuthorReplies(): ReadonlySet<string> {
    if (this.authorThreads) return this.authorThreads;
    const roots = new Set<string>();
    for (const id of this.ids) {
      const comment = this.byId.get(id)!;
      if (comment.type === 'comment' && comment.isPostAuthor && this.parent(id) !== null) roots.add(this.rootOf(id));
    }
    this.authorThreads = roots;
    return roots;
  }

  private isBefore(a: string, b: string): boolean {
    const positionA = this.position.get(a);
    const positionB = this.position.get(b);
    return positionA !== undefined && positionB !== undefined && positionA < positionB;
  }
}

/** A comment written by the post's author (pingbacks aside). */
export function isAuthorReply(comment: ThreadComment): boolean {
  return comment.isPostAuthor && comment.type === 'comment';
}
