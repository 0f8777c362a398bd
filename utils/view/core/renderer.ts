/**
 * The renderer: writes the view state into the page's own comment elements, through the DomJournal, in slices.
 * What is dirty (a Delta's ids) is rendered closest to a centre first (the comment on screen, the one a reader
 * acted on), for a budget of time; the rest follows in idle-time chunks (./scheduler.ts). Rendering a comment
 * is idempotent: it makes that comment's attributes, fold bar and decorations match the state, whatever was
 * written before.
 */
import type { CommentParts } from '@/utils/parse/types';
import type { ThreadComment } from '@/utils/thread/types';
import {
  ATTR_BODY,
  ATTR_COLLAPSED,
  ATTR_COMMENT,
  ATTR_DEPTH,
  ATTR_HIDDEN,
  ATTR_ROLE,
  fieldAttribute,
} from '../dom-contract';
import type { DomJournal } from './dom-journal';
import { label, triageText } from './labels';
import { actionsPoint, afterNamePoint, beforeContentPoint, type InsertionPoint } from './placement';
import type { Scheduler } from './scheduler';
import { createToggleBar, type ToggleBar } from './toggle-bar';
import type { CommentSlot } from './types';
import type { ViewState } from './view-state';

export interface RendererDeps {
  doc: Document;
  journal: DomJournal;
  state(): ViewState;
  parts(id: string): CommentParts | undefined;
  scheduler: Scheduler;
  /** Runs DOM writes as the view's own (the mutation watcher ignores them). */
  ownWrites(write: () => void): void;
  report(error: unknown, where: string): void;
}

export type Decorator = (slot: CommentSlot) => void;

interface CommentRecord {
  id: string;
  parts: CommentParts;
  /** The comment's place in the thread when last structured (depth, parent, replies, role). */
  signature: string;
  bar: ToggleBar | null;
  /** The element that holds its replies apart from its own content (CommentParts.replies), hidden when it folds. */
  replyList: Element | null;
  hidden: boolean | null;
  collapsed: boolean | null;
  /** Fields written on the element, and the body token list written. */
  fields: Set<string>;
  bodyTokens: string | null;
  /** Decorations per decorator key. */
  decorations: Map<string, Node[]>;
}

/** Ordering key: distance from the centre, comments below it first (the screen reads downwards). */
function priority(position: number, centre: number): number {
  return position >= centre ? position - centre : (centre - position) * 3;
}

export class Renderer {
  private readonly records = new Map<string, CommentRecord>();
  private readonly decorators: { key: string; decorate: Decorator }[] = [];
  private readonly dirty = new Set<string>();
  private queue: string[] = [];
  private queued = 0;
  private orderStale = true;
  private centre = 0;
  private cancelLater: (() => void) | null = null;
  private idleWaiters: (() => void)[] = [];
  private destroyed = false;
  /** The deadline run() calls share until the current synchronous work ends (run). */
  private sharedDeadline: number | null = null;
  private holds = 0;

  constructor(private readonly deps: RendererDeps) {}

  /** Comments left to render. */
  get pending(): number {
    return this.dirty.size;
  }

  /** Is `id` rendered (attributes and controls written)? */
  isRendered(id: string): boolean {
    return this.records.has(id) && !this.dirty.has(id);
  }

  /** The element of a comment that is enhanced. */
  elementOf(id: string): Element | null {
    return this.records.get(id)?.parts.element ?? null;
  }

  /** Mark comments to render; `centre` (a comment id) puts the work near it first. */
  invalidate(ids: Iterable<string>, centre: string | null = null): void {
    if (this.destroyed) return;
    for (const id of ids) this.dirty.add(id);
    if (centre !== null) this.setCentre(centre);
    this.orderStale = true;
  }

  /** Work near this comment first from now on. */
  setCentre(id: string): void {
    const position = this.deps.state().index.position.get(id);
    if (position !== undefined && position !== this.centre) {
      this.centre = position;
      this.orderStale = true;
    }
  }

  /**
   * Render for up to `budgetMs` now (the scheduler's immediate budget by default), the rest later. Calls made in
   * one stretch of synchronous work (a reader's action heard by several features, the mount) share one budget: the
   * first call sets the deadline, it lasts until the next microtask.
   */
  run(budgetMs = this.deps.scheduler.immediateBudgetMs): void {
    if (this.destroyed) return;
    if (this.holds > 0) return;
    if (this.sharedDeadline === null) {
      this.sharedDeadline = this.deps.scheduler.now() + budgetMs;
      queueMicrotask(() => (this.sharedDeadline = null));
    }
    this.process(this.sharedDeadline);
  }

  /**
   * Run `work` with rendering held: its run() calls only mark what to render; one run() follows. The mount sets
   * the view state and every feature up first, then writes its first slice once, with every decoration.
   */
  batch(work: () => void): void {
    this.holds++;
    try {
      work();
    } finally {
      this.holds--;
    }
    this.run();
  }

  /** Render everything now. */
  flush(): void {
    if (this.destroyed) return;
    this.process(Infinity);
  }

  /** Render one comment now if it is waiting (a reader acts on it before its slice came). */
  ensure(id: string): void {
    if (this.destroyed || !this.dirty.has(id)) return;
    this.dirty.delete(id);
    this.deps.ownWrites(() => this.renderSafely(id));
    if (this.dirty.size === 0) this.settle();
  }

  /** Resolves when nothing is left to render. */
  whenIdle(): Promise<void> {
    if (this.dirty.size === 0 || this.destroyed) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  // ---- decorators ---------------------------------------------------------------------------------------

  addDecorator(key: string, decorate: Decorator): void {
    this.decorators.push({ key, decorate });
    this.invalidate(this.records.keys());
  }

  /** Remove every node a decorator inserted, and the decorator. */
  removeDecorator(key: string): void {
    const at = this.decorators.findIndex((entry) => entry.key === key);
    if (at >= 0) this.decorators.splice(at, 1);
    this.deps.ownWrites(() => {
      for (const record of this.records.values()) this.undecorate(record, key);
    });
  }

  /** Run a decorator again on these comments (all when omitted). */
  redecorate(key: string, ids?: Iterable<string>): void {
    const targets = ids ? [...ids] : [...this.records.keys()];
    this.deps.ownWrites(() => {
      for (const id of targets) {
        const record = this.records.get(id);
        if (record) this.undecorate(record, key);
      }
    });
    this.invalidate(targets);
  }

  destroy(): void {
    this.destroyed = true;
    this.cancelLater?.();
    this.cancelLater = null;
    this.dirty.clear();
    this.records.clear();
    this.settle();
  }

  // ---- slices -------------------------------------------------------------------------------------------

  private process(deadline: number): void {
    if (this.orderStale) {
      const { position } = this.deps.state().index;
      const far = Number.MAX_SAFE_INTEGER;
      // Each comment's priority once, then a sort of numbers: the mount orders 5,000 comments here.
      const keyed = [...this.dirty].map((id) => ({ id, key: priority(position.get(id) ?? far, this.centre) }));
      keyed.sort((a, b) => a.key - b.key);
      this.queue = keyed.map((entry) => entry.id);
      this.queued = 0;
      this.orderStale = false;
    }
    const { scheduler } = this.deps;
    this.deps.ownWrites(() => {
      let done = 0;
      while (this.queued < this.queue.length) {
        const id = this.queue[this.queued++]!;
        if (!this.dirty.delete(id)) continue;
        this.renderSafely(id);
        // Reading the clock is cheap, but not free: every few comments.
        if ((++done & 7) === 0 && scheduler.now() >= deadline) break;
      }
    });
    if (this.queued >= this.queue.length && this.dirty.size > 0) this.orderStale = true;
    if (this.dirty.size > 0) this.scheduleRest();
    else this.settle();
  }

  private scheduleRest(): void {
    if (this.cancelLater || this.destroyed) return;
    this.cancelLater = this.deps.scheduler.later((deadline) => {
      this.cancelLater = null;
      if (!this.destroyed) this.process(deadline);
    });
  }

  private settle(): void {
    if (this.dirty.size > 0 && !this.destroyed) return;
    this.cancelLater?.();
    this.cancelLater = null;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private renderSafely(id: string): void {
    try {
      this.render(id);
    } catch (error) {
      this.deps.report(error, `render ${id}`);
    }
  }

  // ---- one comment --------------------------------------------------------------------------------------

  private render(id: string): void {
    const state = this.deps.state();
    const { index } = state;
    const comment = index.byId.get(id);
    const parts = comment ? this.deps.parts(id) : undefined;
    let record = this.records.get(id);
    if (!comment || !parts) {
      if (record) this.drop(record);
      return;
    }
    if (record && record.parts.element !== parts.element) {
      this.drop(record);
      record = undefined;
    }
    if (!record) record = this.enhance(id, parts);
    record.parts = parts;
    const replies = index.children.get(id) ?? [];
    const signature = `${index.parent(id)}|${comment.depth}|${replies.length}|${comment.type}|${comment.isPostAuthor}`;
    if (record.signature !== signature) this.restructure(record, comment, replies, signature);
    for (const { key, decorate } of this.decorators) {
      if (!record.decorations.has(key)) this.decorate(record, key, decorate, comment, replies.length > 0);
    }
    this.writeState(record, state, comment);
  }

  private enhance(id: string, parts: CommentParts): CommentRecord {
    this.deps.journal.set(parts.element, ATTR_COMMENT, id);
    const record: CommentRecord = {
      id,
      parts,
      signature: '',
      bar: null,
      replyList: null,
      hidden: null,
      collapsed: null,
      fields: new Set(),
      bodyTokens: null,
      decorations: new Map(),
    };
    this.records.set(id, record);
    return record;
  }

  /** The comment's place in the thread changed (or it is new): depth, role, fold bar, reply lists, decorations. */
  private restructure(record: CommentRecord, comment: ThreadComment, replies: readonly string[], signature: string): void {
    const { journal, doc } = this.deps;
    const { element } = record.parts;
    journal.set(element, ATTR_DEPTH, String(comment.depth));
    const role = comment.type !== 'comment' ? comment.type : comment.isPostAuthor ? 'post-author' : null;
    if (role) journal.set(element, ATTR_ROLE, role);
    else journal.remove(element, ATTR_ROLE);
    for (const key of [...record.decorations.keys()]) this.undecorate(record, key);
    if (record.bar) {
      journal.removeInserted(record.bar.element);
      record.bar = null;
    }
    if (record.replyList) journal.remove(record.replyList, ATTR_HIDDEN);
    record.collapsed = null;
    const replyElements = replies.map((replyId) => this.deps.parts(replyId)?.element ?? null);
    if (replies.length > 0) {
      const bar = createToggleBar(doc, record.id);
      const point = actionsPoint(record.parts, replyElements[0] ?? null);
      journal.insert(bar.element, point.parent, point.before);
      record.bar = bar;
    }
    record.replyList = replies.length > 0 ? foldableReplyList(record.parts) : null;
    record.signature = signature;
  }

  private writeState(record: CommentRecord, state: ViewState, comment: ThreadComment): void {
    const { journal } = this.deps;
    const { element, body, continuation } = record.parts;
    const hidden = state.isHidden(record.id);
    if (record.hidden !== hidden) {
      journal.toggle(element, ATTR_HIDDEN, hidden);
      // A comment printed in two siblings (Thesis's dt + dd) hides whole.
      if (continuation) journal.toggle(continuation, ATTR_HIDDEN, hidden);
      record.hidden = hidden;
    }
    const collapsed = state.isCollapsed(record.id);
    if (record.collapsed !== collapsed) {
      journal.toggle(element, ATTR_COLLAPSED, collapsed);
      if (record.replyList) journal.toggle(record.replyList, ATTR_HIDDEN, collapsed);
      if (record.bar) this.writeBar(record.bar, record.id, comment, collapsed, state);
      record.collapsed = collapsed;
    }
    const fields = state.fieldsOf(record.id);
    for (const name of record.fields) {
      if (!fields.includes(name)) journal.remove(element, fieldAttribute(name));
    }
    for (const name of fields) journal.set(element, fieldAttribute(name));
    record.fields = new Set(fields);
    const tokens = (comment.type === 'comment' && comment.isPostAuthor ? ['post-author', ...fields] : fields).join(' ');
    if (record.bodyTokens !== tokens) {
      journal.set(body, ATTR_BODY, tokens);
      record.bodyTokens = tokens;
    }
  }

  private writeBar(bar: ToggleBar, id: string, comment: ThreadComment, collapsed: boolean, state: ViewState): void {
    const name = comment.author.name || label('view_preview_unknown_author');
    bar.button.setAttribute('aria-expanded', String(!collapsed));
    bar.label.textContent = label(collapsed ? 'view_toggle_show' : 'view_toggle_hide');
    bar.button.setAttribute('aria-label', label(collapsed ? 'view_toggle_show_label' : 'view_toggle_hide_label', name));
    if (collapsed && !bar.triageWritten) {
      bar.triage.textContent = triageText(state.index.summary(id));
      bar.triageWritten = true;
    }
    bar.triage.hidden = !collapsed;
    bar.written = collapsed;
  }

  private decorate(record: CommentRecord, key: string, decorate: Decorator, comment: ThreadComment, hasReplies: boolean): void {
    const nodes: Node[] = [];
    record.decorations.set(key, nodes);
    const { journal } = this.deps;
    const { index } = this.deps.state();
    const parentId = index.parent(record.id);
    const parent = parentId === null ? null : (index.byId.get(parentId) ?? null);
    const parentParts = parentId === null ? undefined : this.deps.parts(parentId);
    const put = (node: Node, point: InsertionPoint) => {
      journal.insert(node, point.parent, point.before);
      nodes.push(node);
    };
    const slot: CommentSlot = {
      id: record.id,
      comment,
      parts: record.parts,
      parent,
      nestedInMarkup: parentParts !== undefined && nestedIn(parentParts, record.parts.element),
      hasReplies,
      afterName(node) {
        const point = afterNamePoint(record.parts);
        if (!point) return false;
        put(node, point);
        return true;
      },
      beforeContent(node) {
        put(node, beforeContentPoint(record.parts));
      },
      inBar(node, position) {
        if (!record.bar) return false;
        put(node, { parent: record.bar.element, before: position === 'first' ? record.bar.element.firstChild : null });
        return true;
      },
    };
    try {
      decorate(slot);
    } catch (error) {
      this.deps.report(error, `${key}: decorate ${record.id}`);
    }
  }

  private undecorate(record: CommentRecord, key: string): void {
    const nodes = record.decorations.get(key);
    if (!nodes) return;
    for (const node of nodes) this.deps.journal.removeInserted(node);
    record.decorations.delete(key);
  }

  /** The comment left the thread (or its element changed): take every trace of ours off it. */
  private drop(record: CommentRecord): void {
    const { journal } = this.deps;
    const { element, body, continuation } = record.parts;
    for (const key of [...record.decorations.keys()]) this.undecorate(record, key);
    if (record.bar) journal.removeInserted(record.bar.element);
    for (const name of [ATTR_COMMENT, ATTR_DEPTH, ATTR_ROLE, ATTR_HIDDEN, ATTR_COLLAPSED, ...[...record.fields].map(fieldAttribute)]) {
      journal.remove(element, name);
    }
    if (continuation) journal.remove(continuation, ATTR_HIDDEN);
    journal.remove(body, ATTR_BODY);
    if (record.replyList) journal.remove(record.replyList, ATTR_HIDDEN);
    this.records.delete(record.id);
  }
}

/**
 * Does the markup show `element` as a reply of the comment with `parent`'s parts: inside its item, its continuation
 * (Thesis's dd) or its reply list (Drupal's following div.indented)?
 */
function nestedIn(parent: CommentParts, element: Element): boolean {
  if (parent.element === element) return false;
  return [parent.element, parent.continuation, parent.replies].some((holder) => holder !== null && holder !== element && holder.contains(element));
}

/**
 * The element to hide when a comment folds: the parser's reply list (`ol.children`, Thesis's `dl.children` in the
 * `dd`, Drupal's following `div.indented`), unless the replies sit straight in the comment's own element or body
 * (style=div, wpDiscuz): then each reply hides itself (the view state hides a folded comment's subtree).
 */
function foldableReplyList(parts: CommentParts): Element | null {
  const { replies, element, body } = parts;
  if (!replies || replies === element || replies === body || replies.contains(element)) return null;
  return replies.contains(body) ? null : replies;
}
