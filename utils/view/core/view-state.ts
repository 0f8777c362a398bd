/**
 * The view state: what is folded, hidden, selected, focused, and the fields and masks features add ("new",
 * "match", the pingback group's mask…), over a ThreadIndex. Pure: no DOM. Every command returns a Delta, the
 * comments whose rendering changed and what kind of change it was; the renderer (./renderer.ts) writes them.
 *
 * Visibility: a comment is hidden when its parent is folded or hidden, or when a mask holds it (and then its
 * replies are hidden with it). Parent links come from the model (ThreadIndex), not from the markup's nesting, so
 * replies printed as siblings (flat markup, depth overflow, inferred replies) fold with their thread.
 */
import type { ThreadIndex } from '@/utils/thread/thread-index';

/** The core's own fields. Features declare theirs in defineViewFeature({ fields }). */
export const FIELD_SELECTED = 'selected';
export const FIELD_FOCUS = 'focus';

export type ChangeKind = 'collapse' | 'select' | 'field' | 'mask' | 'thread' | 'options';

/** What a command changed. */
export interface Delta {
  /** Comments whose rendering may differ now (fold, visibility, fields): the renderer re-checks exactly these. */
  readonly ids: ReadonlySet<string>;
  readonly kinds: ReadonlySet<ChangeKind>;
  /** Fields whose membership changed. */
  readonly fields: ReadonlySet<string>;
  /** Masks a reveal took a comment out of: their owners follow (the pingback group opens). */
  readonly liftedMasks: ReadonlySet<string>;
  /** Comments gone from the thread (thread change). */
  readonly removed: ReadonlySet<string>;
}

/** The options that decide the folds of a fresh view. */
export interface FoldRules {
  /** Fold every comment at this depth or deeper that has replies; 0 = off. */
  autoCollapseDepth: number;
  /** A thread with more comments than this starts with every top-level thread folded; 0 = off. */
  bigThreadThreshold: number;
}

class DeltaBuilder implements Delta {
  readonly ids = new Set<string>();
  readonly kinds = new Set<ChangeKind>();
  readonly fields = new Set<string>();
  readonly liftedMasks = new Set<string>();
  readonly removed = new Set<string>();

  touch(id: string, kind: ChangeKind): void {
    this.ids.add(id);
    this.kinds.add(kind);
  }

  get empty(): boolean {
    return this.ids.size === 0 && this.kinds.size === 0 && this.removed.size === 0;
  }
}

export const EMPTY_DELTA: Delta = new DeltaBuilder();

export class ViewState {
  private currentIndex: ThreadIndex;
  private rules: FoldRules;
  private readonly collapsed = new Set<string>();
  private readonly hidden = new Set<string>();
  private readonly masks = new Map<string, Set<string>>();
  private readonly fields = new Map<string, Set<string>>([
    [FIELD_SELECTED, new Set()],
    [FIELD_FOCUS, new Set()],
  ]);

  constructor(index: ThreadIndex, rules: FoldRules) {
    this.currentIndex = index;
    this.rules = { ...rules };
    this.applyRules(index.ids);
    this.recompute(null, new DeltaBuilder());
  }

  // ---- queries --------------------------------------------------------------------------------------------

  get index(): ThreadIndex {
    return this.currentIndex;
  }

  has(id: string): boolean {
    return this.currentIndex.byId.has(id);
  }

  isCollapsed(id: string): boolean {
    return this.collapsed.has(id);
  }

  isHidden(id: string): boolean {
    return this.hidden.has(id);
  }

  /** In the thread and not inside a folded thread or a mask. */
  isVisible(id: string): boolean {
    return this.has(id) && !this.hidden.has(id);
  }

  selectedId(): string | null {
    const [selected] = this.fields.get(FIELD_SELECTED)!;
    return selected ?? null;
  }

  /** Ids of a field (empty when nobody set it). */
  field(name: string): ReadonlySet<string> {
    return this.fields.get(name) ?? new Set();
  }

  /** The fields set on `id`, in declaration order. */
  fieldsOf(id: string): string[] {
    const names: string[] = [];
    for (const [name, ids] of this.fields) if (ids.has(id)) names.push(name);
    return names;
  }

  /** Every field name known (core and features). */
  fieldNames(): string[] {
    return [...this.fields.keys()];
  }

  mask(name: string): ReadonlySet<string> {
    return this.masks.get(name) ?? new Set();
  }

  /** Visible comment ids, in page order. */
  visibleIds(): string[] {
    return this.currentIndex.ids.filter((id) => !this.hidden.has(id));
  }

  collapsedIds(): string[] {
    return [...this.collapsed];
  }

  // ---- folds ----------------------------------------------------------------------------------------------

  toggle(id: string): Delta {
    return this.setCollapsed(id, !this.collapsed.has(id));
  }

  setCollapsed(id: string, value: boolean): Delta {
    return this.setCollapsedMany([id], value);
  }

  /** Fold (or unfold) each of `ids` that has replies. */
  setCollapsedMany(ids: Iterable<string>, value: boolean): Delta {
    const delta = new DeltaBuilder();
    const changed: string[] = [];
    for (const id of ids) {
      if (!this.currentIndex.hasReplies(id) || this.collapsed.has(id) === value) continue;
      if (value) this.collapsed.add(id);
      else this.collapsed.delete(id);
      delta.touch(id, 'collapse');
      changed.push(id);
    }
    if (changed.length > 0) this.recompute(changed, delta);
    return delta;
  }

  /** Fold every top-level comment that has replies. */
  collapseAll(): Delta {
    return this.setCollapsedMany(this.currentIndex.roots, true);
  }

  expandAll(): Delta {
    return this.setCollapsedMany([...this.collapsed], false);
  }

  /** Make `id` visible: unfold its ancestors and take it (and them) out of every mask. */
  reveal(id: string): Delta {
    const delta = new DeltaBuilder();
    if (!this.has(id)) return delta;
    const chain: string[] = [];
    for (let current: string | null = id; current !== null; current = this.currentIndex.parent(current)) chain.push(current);
    const unfolded: string[] = [];
    for (const ancestor of chain.slice(1)) {
      if (this.collapsed.delete(ancestor)) {
        delta.touch(ancestor, 'collapse');
        unfolded.push(ancestor);
      }
    }
    let lifted = false;
    for (const [name, ids] of this.masks) {
      for (const member of chain) {
        if (ids.delete(member)) {
          delta.liftedMasks.add(name);
          delta.kinds.add('mask');
          lifted = true;
        }
      }
    }
    if (lifted) this.recompute(null, delta);
    else if (unfolded.length > 0) this.recompute(unfolded, delta);
    return delta;
  }

  // ---- selection and fields ----------------------------------------------------------------------------

  /** Select `id` (revealing it), or clear the selection. Unknown ids do nothing. */
  select(id: string | null): Delta {
    if (id !== null && !this.has(id)) return new DeltaBuilder();
    const delta = id === null ? new DeltaBuilder() : (this.reveal(id) as DeltaBuilder);
    const selected = this.fields.get(FIELD_SELECTED)!;
    const previous = this.selectedId();
    if (previous === id) return delta;
    selected.clear();
    if (previous !== null) delta.touch(previous, 'select');
    if (id !== null) {
      selected.add(id);
      delta.touch(id, 'select');
    }
    delta.fields.add(FIELD_SELECTED);
    return delta;
  }

  /** Make a field hold exactly `ids` (those in the thread). Declares the field on first use. */
  setField(name: string, ids: Iterable<string>): Delta {
    if (name === FIELD_SELECTED) throw new Error('the selection is set with select()');
    const delta = new DeltaBuilder();
    let current = this.fields.get(name);
    if (!current) {
      current = new Set();
      this.fields.set(name, current);
    }
    const next = new Set<string>();
    for (const id of ids) if (this.has(id)) next.add(id);
    for (const id of current) if (!next.has(id)) delta.touch(id, 'field');
    for (const id of next) if (!current.has(id)) delta.touch(id, 'field');
    if (delta.ids.size === 0) return delta;
    current.clear();
    for (const id of next) current.add(id);
    delta.fields.add(name);
    return delta;
  }

  /** Forget a field entirely (its feature was turned off). */
  dropField(name: string): Delta {
    if (name === FIELD_SELECTED) return this.select(null);
    const delta = this.setField(name, []);
    if (name !== FIELD_FOCUS) this.fields.delete(name);
    return delta;
  }

  /** Hide `ids` (and their replies) under the mask `name`; null or empty removes the mask. */
  setMask(name: string, ids: Iterable<string> | null): Delta {
    const delta = new DeltaBuilder();
    const next = new Set<string>();
    for (const id of ids ?? []) if (this.has(id)) next.add(id);
    const current = this.masks.get(name);
    // Unchanged (an empty mask is no mask): nothing to recompute over the whole thread.
    if (!current && next.size === 0) return delta;
    if (current && current.size === next.size && [...next].every((id) => current.has(id))) return delta;
    if (next.size === 0) this.masks.delete(name);
    else this.masks.set(name, next);
    delta.kinds.add('mask');
    // Only the comments that joined or left the mask, and their replies, can change: not the whole thread.
    const changed = [...next].filter((id) => !current?.has(id));
    for (const id of current ?? []) if (!next.has(id)) changed.push(id);
    this.recomputeAround(changed, delta);
    return delta;
  }

  // ---- options and thread changes ----------------------------------------------------------------------

  /** New fold rules: when they differ, the folds are the rules' again (the reader's own folds are reset). */
  setRules(rules: FoldRules): Delta {
    const delta = new DeltaBuilder();
    if (rules.autoCollapseDepth === this.rules.autoCollapseDepth && rules.bigThreadThreshold === this.rules.bigThreadThreshold) {
      return delta;
    }
    this.rules = { ...rules };
    for (const id of this.collapsed) delta.touch(id, 'collapse');
    this.collapsed.clear();
    this.applyRules(this.currentIndex.ids);
    for (const id of this.collapsed) delta.touch(id, 'collapse');
    delta.kinds.add('options');
    this.recompute(null, delta);
    return delta;
  }

  /**
   * The thread changed (the page added or removed comments, a feature re-nested or merged some): the comments
   * already known keep their folds and fields; new ones follow the depth rule.
   */
  setIndex(index: ThreadIndex): Delta {
    const delta = new DeltaBuilder();
    const previous = this.currentIndex;
    this.currentIndex = index;
    for (const id of previous.ids) if (!index.byId.has(id)) delta.removed.add(id);
    for (const id of [...this.collapsed]) if (!index.hasReplies(id)) this.collapsed.delete(id);
    const fresh = index.ids.filter((id) => !previous.byId.has(id));
    if (this.rules.autoCollapseDepth > 0) this.applyRules(fresh, false);
    for (const ids of [...this.fields.values(), ...this.masks.values()]) {
      for (const id of [...ids]) if (!index.byId.has(id)) ids.delete(id);
    }
    for (const id of index.ids) delta.touch(id, 'thread');
    delta.kinds.add('thread');
    this.recompute(null, delta);
    return delta;
  }

  // ---- internals ---------------------------------------------------------------------------------------

  private applyRules(ids: readonly string[], withBigThreads = true): void {
    const { autoCollapseDepth, bigThreadThreshold } = this.rules;
    const index = this.currentIndex;
    const big = withBigThreads && bigThreadThreshold > 0 && index.ids.length > bigThreadThreshold;
    for (const id of ids) {
      if (!index.hasReplies(id)) continue;
      const depth = index.byId.get(id)!.depth;
      if ((autoCollapseDepth > 0 && depth >= autoCollapseDepth) || (big && index.parent(id) === null)) this.collapsed.add(id);
    }
  }

  private masked(id: string): boolean {
    // Asked of every comment on each whole-thread recompute: most threads have no mask at all.
    if (this.masks.size === 0) return false;
    for (const ids of this.masks.values()) if (ids.has(id)) return true;
    return false;
  }

  /**
   * Bring `hidden` in line with the folds and masks: in the subtrees of `roots` (their descendants), or
   * everywhere (null). Every comment whose visibility changes joins the delta; a selection that got hidden moves
   * up to its nearest visible ancestor.
   */
  private recompute(roots: readonly string[] | null, delta: DeltaBuilder): void {
    const index = this.currentIndex;
    this.settle(roots === null ? index.ids : roots.flatMap((root) => index.descendants(root)), delta);
  }

  /** recompute() for `ids` themselves and their subtrees, in page order (a parent is settled before its replies). */
  private recomputeAround(ids: readonly string[], delta: DeltaBuilder): void {
    const index = this.currentIndex;
    const at = (id: string) => index.position.get(id) ?? Number.MAX_SAFE_INTEGER;
    const sorted = [...ids].sort((a, b) => at(a) - at(b));
    this.settle(sorted.flatMap((id) => [id, ...index.descendants(id)]), delta);
  }

  /** Bring `hidden` in line for `ids`, given in an order where parents come before their replies. */
  private settle(ids: readonly string[], delta: DeltaBuilder): void {
    const index = this.currentIndex;
    for (const id of ids) {
      const parent = index.parent(id);
      const hide = (parent !== null && (this.hidden.has(parent) || this.collapsed.has(parent))) || this.masked(id);
      if (hide === this.hidden.has(id)) continue;
      if (hide) this.hidden.add(id);
      else this.hidden.delete(id);
      delta.touch(id, 'collapse');
    }
    const selected = this.selectedId();
    if (selected !== null && this.hidden.has(selected)) {
      let target: string | null = index.parent(selected);
      while (target !== null && this.hidden.has(target)) target = index.parent(target);
      const selection = this.fields.get(FIELD_SELECTED)!;
      selection.clear();
      delta.touch(selected, 'select');
      if (target !== null) {
        selection.add(target);
        delta.touch(target, 'select');
      }
      delta.fields.add(FIELD_SELECTED);
    }
  }
}
