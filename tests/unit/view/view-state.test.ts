/**
 * The view state without any DOM: folds, visibility through the model's parent links, masks, fields, selection,
 * option rules and thread changes, each command returning exactly the comments whose rendering changed.
 */
import { describe, expect, it } from 'vitest';
import { ThreadIndex } from '@/utils/thread/thread-index';
import { FIELD_FOCUS, FIELD_SELECTED, ViewState, type Delta } from '@/utils/view/core/view-state';
import { comment, thread } from '../parse/thread-fixture';

// 1 (author)            2              6 (pingback)   7 (author)
// ├─ 3                  └─ 5 (author)
// │  └─ 4 (author)
// └─ 8
const THREAD = thread([
  comment('1', null, 'Ann', { isPostAuthor: true }),
  comment('3', '1', 'Bob', { depth: 2 }),
  comment('4', '3', 'Ann', { depth: 3, isPostAuthor: true }),
  comment('8', '1', 'Cy', { depth: 2 }),
  comment('2', null, 'Dee'),
  comment('5', '2', 'Ann', { depth: 2, isPostAuthor: true }),
  comment('6', null, 'A blog', { type: 'pingback' }),
  comment('7', null, 'Ann', { isPostAuthor: true }),
]);
const NO_RULES = { autoCollapseDepth: 0, bigThreadThreshold: 0 };

const fresh = (rules = NO_RULES) => new ViewState(new ThreadIndex(THREAD), rules);
const ids = (delta: Delta) => [...delta.ids].sort();

describe('view state: folds and visibility', () => {
  it('starts with everything visible and nothing selected', () => {
    const state = fresh();
    expect(state.visibleIds()).toEqual(['1', '3', '4', '8', '2', '5', '6', '7']);
    expect(state.selectedId()).toBeNull();
  });

  it('folding a comment hides its whole subtree, and returns exactly what changed', () => {
    const state = fresh();
    const delta = state.toggle('1');
    expect(state.isCollapsed('1')).toBe(true);
    expect(state.visibleIds()).toEqual(['1', '2', '5', '6', '7']);
    expect(ids(delta)).toEqual(['1', '3', '4', '8']);
    expect([...delta.kinds]).toEqual(['collapse']);
    // A fold inside a folded thread: 4 was already hidden, so only 3's own fold changes.
    expect(ids(state.setCollapsed('3', true))).toEqual(['3']);
    expect(ids(state.setCollapsed('1', false))).toEqual(['1', '3', '8']);
    expect(state.isVisible('4')).toBe(false);
  });

  it('ignores folds of comments without replies, unknown ids and no-op changes', () => {
    const state = fresh();
    for (const delta of [state.toggle('4'), state.toggle('ghost'), state.setCollapsed('1', false)]) {
      expect(delta.ids.size).toBe(0);
      expect(delta.kinds.size).toBe(0);
    }
    expect(state.collapsedIds()).toEqual([]);
  });

  it('collapse-all folds the top-level comments that have replies; expand-all unfolds everything', () => {
    const state = fresh();
    state.setCollapsed('3', true);
    state.collapseAll();
    expect(state.collapsedIds().sort()).toEqual(['1', '2', '3']);
    expect(state.visibleIds()).toEqual(['1', '2', '6', '7']);
    const delta = state.expandAll();
    expect(state.collapsedIds()).toEqual([]);
    expect(ids(delta)).toEqual(['1', '2', '3', '4', '5', '8']);
  });

  it('hides replies printed as siblings through the model’s parent links', () => {
    // Flat markup: the page prints 11 and 12 beside 10, the model (inference) says they answer it.
    const flat = new ViewState(
      new ThreadIndex(thread([comment('10', null, 'A'), comment('11', '10', 'B', { depth: 2 }), comment('12', '11', 'C', { depth: 3 })])),
      NO_RULES,
    );
    flat.toggle('10');
    expect(flat.visibleIds()).toEqual(['10']);
  });

  it('treats unknown, later or self parents as top level (no cycle can hide a comment)', () => {
    const odd = new ViewState(
      new ThreadIndex(thread([comment('a', 'a', 'A'), comment('b', 'ghost', 'B'), comment('c', 'd', 'C'), comment('d', null, 'D')])),
      NO_RULES,
    );
    expect(odd.index.roots).toEqual(['a', 'b', 'c', 'd']);
    expect(odd.collapseAll().ids.size).toBe(0);
    expect(odd.visibleIds()).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('view state: rules from the options', () => {
  it('auto-collapses at a depth, and big threads start folded to their top-level comments', () => {
    expect(fresh({ autoCollapseDepth: 2, bigThreadThreshold: 0 }).collapsedIds()).toEqual(['3']);
    expect(fresh({ autoCollapseDepth: 0, bigThreadThreshold: 5 }).collapsedIds().sort()).toEqual(['1', '2']);
    expect(fresh({ autoCollapseDepth: 0, bigThreadThreshold: 8 }).collapsedIds()).toEqual([]);
  });

  it('new rules reset the folds to theirs; the same rules keep the reader’s folds', () => {
    const state = fresh();
    state.toggle('2');
    expect(state.setRules(NO_RULES).ids.size).toBe(0);
    expect(state.isCollapsed('2')).toBe(true);
    const delta = state.setRules({ autoCollapseDepth: 2, bigThreadThreshold: 0 });
    expect(state.collapsedIds()).toEqual(['3']);
    expect(delta.kinds.has('options')).toBe(true);
    expect(ids(delta)).toEqual(['2', '3', '4', '5']);
  });
});

describe('view state: selection', () => {
  it('selecting reveals the comment (unfolding its ancestors) and reports both ends', () => {
    const state = fresh();
    state.collapseAll();
    const delta = state.select('4');
    expect(state.selectedId()).toBe('4');
    expect(state.isVisible('4')).toBe(true);
    expect(state.isCollapsed('1')).toBe(false);
    expect(delta.kinds.has('collapse')).toBe(true);
    expect(delta.fields.has(FIELD_SELECTED)).toBe(true);
    // 5 sits in 2's folded thread: 2 unfolds, 4 loses the cursor, 5 gets it.
    expect(ids(state.select('5'))).toEqual(['2', '4', '5']);
    expect(state.field(FIELD_SELECTED)).toEqual(new Set(['5']));
    expect(state.select('ghost').ids.size).toBe(0);
    expect(state.selectedId()).toBe('5');
  });

  it('a selection that gets folded away moves up to its nearest visible ancestor', () => {
    const state = fresh();
    state.select('4');
    state.collapseAll();
    expect(state.selectedId()).toBe('1');
    state.select('4');
    state.setCollapsed('3', true);
    expect(state.selectedId()).toBe('3');
  });
});

describe('view state: fields and masks (what features add)', () => {
  it('a field holds exactly the ids set last, and the delta names the ones that changed', () => {
    const state = fresh();
    expect(ids(state.setField('new', ['3', '5', 'ghost']))).toEqual(['3', '5']);
    expect(ids(state.setField('new', ['5', '7']))).toEqual(['3', '7']);
    expect(state.fieldsOf('5')).toEqual(['new']);
    expect(state.setField('new', ['5', '7']).ids.size).toBe(0);
    expect(ids(state.dropField('new'))).toEqual(['5', '7']);
    expect(state.fieldNames()).toEqual([FIELD_SELECTED, FIELD_FOCUS]);
    expect(() => state.setField(FIELD_SELECTED, ['1'])).toThrow(/select/);
  });

  it('a mask hides comments with their replies; revealing one lifts it out and names the mask', () => {
    const state = fresh();
    const hide = state.setMask('only-matches', ['1', '6']);
    expect(ids(hide)).toEqual(['1', '3', '4', '6', '8']);
    expect(state.visibleIds()).toEqual(['2', '5', '7']);
    const reveal = state.reveal('4');
    expect([...reveal.liftedMasks]).toEqual(['only-matches']);
    expect(state.mask('only-matches')).toEqual(new Set(['6']));
    expect(state.isVisible('4')).toBe(true);
    expect(ids(state.setMask('only-matches', null))).toEqual(['6']);
    expect(state.visibleIds()).toHaveLength(8);
  });
});

describe('thread index: what the mount reads in one pass', () => {
  it('names the threads holding an author reply as the per-thread summaries do', () => {
    const index = new ThreadIndex(THREAD);
    const bySummary = index.roots.filter((id) => index.summary(id).authorReplied);
    expect([...index.rootsWithAuthorReplies()].sort()).toEqual(bySummary.sort());
    // 1 holds Ann's reply 4 and 2 holds 5; Ann's own top-level 7 and the pingback are not replies.
    expect([...index.rootsWithAuthorReplies()].sort()).toEqual(['1', '2']);
  });

  it('a mask that moves settles only what joined or left it, with their replies', () => {
    const state = fresh();
    expect(ids(state.setMask('m', ['3']))).toEqual(['3', '4']);
    expect(state.visibleIds()).toEqual(['1', '8', '2', '5', '6', '7']);
    // 3 (and its reply 4) come back, 8 goes: exactly those three change.
    expect(ids(state.setMask('m', ['8']))).toEqual(['3', '4', '8']);
    expect(state.visibleIds()).toEqual(['1', '3', '4', '2', '5', '6', '7']);
    // Under a fold, a comment leaving the mask stays hidden by the fold.
    state.toggle('1');
    expect(ids(state.setMask('m', null))).toEqual([]);
    expect(state.visibleIds()).toEqual(['1', '2', '5', '6', '7']);
    state.toggle('1');
    expect(state.visibleIds()).toEqual(['1', '3', '4', '8', '2', '5', '6', '7']);
  });

  it('an empty mask where there was none changes nothing and touches no comment', () => {
    const state = fresh();
    const delta = state.setMask('pings', []);
    expect(delta.ids.size).toBe(0);
    expect(delta.kinds.size).toBe(0);
  });
});

describe('view state: thread changes', () => {
  it('keeps the folds and fields of known comments; new ones follow the depth rule; gone ones are reported', () => {
    const state = fresh({ autoCollapseDepth: 3, bigThreadThreshold: 0 });
    state.toggle('2');
    state.setField('new', ['8', '7']);
    const next = thread([
      ...THREAD.comments.filter((c) => c.id !== '7'),
      comment('9', null, 'Eve'),
      comment('10', '9', 'Fay', { depth: 2 }),
      comment('11', '10', 'Gus', { depth: 3 }),
      comment('12', '11', 'Hal', { depth: 4 }),
    ]);
    const delta = state.setIndex(new ThreadIndex(next));
    expect([...delta.removed]).toEqual(['7']);
    expect(delta.kinds.has('thread')).toBe(true);
    expect(state.isCollapsed('2')).toBe(true);
    expect(state.isCollapsed('11')).toBe(true);
    expect(state.isCollapsed('9')).toBe(false);
    expect(state.field('new')).toEqual(new Set(['8']));
    expect(state.isVisible('12')).toBe(false);
  });
});
