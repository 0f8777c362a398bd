/**
 * The renderer writes in slices: the comments near the centre (the screen, the #comment-N target, the comment a
 * reader acts on) within the first budget, the rest in later chunks, never more than a budget's worth at once; the
 * state is whole from the start, and what the reader does meanwhile lands at once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Scheduler } from '@/utils/view/core/scheduler';
import { VIEW_FEATURES } from '@/utils/view/features';
import { ATTR_COLLAPSED, ATTR_COMMENT, ATTR_HIDDEN } from '@/utils/view/dom-contract';
import { buildSection, destroyMounted, mountView, OPTIONS_ON, type SketchComment } from './view-fixtures';

/** A scheduler whose clock moves 1 ms per read and whose later() tasks run when the test says. */
function steppedScheduler() {
  let clock = 0;
  const queue: ((deadline: number) => void)[] = [];
  const scheduler: Scheduler = {
    now: () => ++clock,
    immediateBudgetMs: 10,
    later(task) {
      queue.push(task);
      return () => {
        const at = queue.indexOf(task);
        if (at >= 0) queue.splice(at, 1);
      };
    },
  };
  return {
    scheduler,
    pending: () => queue.length,
    /** Run one idle chunk of 10 ms. */
    step() {
      const task = queue.shift();
      task?.(clock + 10);
    },
  };
}

/** 20 threads of 1 comment + 49 replies: 1,000 comments. */
const BIG: SketchComment[] = Array.from({ length: 20 }, (_, t) => [
  { id: `${t * 50 + 1}` },
  ...Array.from({ length: 49 }, (_, r) => ({ id: `${t * 50 + r + 2}`, parentId: `${t * 50 + 1}` })),
]).flat();

/** The next event of the reader's: after the current synchronous work and its microtasks. */
const readerActs = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const rendered = (root: Element) => [...root.querySelectorAll(`[${ATTR_COMMENT}]`)].map((element) => element.getAttribute(ATTR_COMMENT)!);

afterEach(() => {
  destroyMounted();
  document.body.innerHTML = '';
});

describe('slices', () => {
  it('renders the first comments at once and the rest in budgeted chunks, until all are done', async () => {
    const { root, parsed } = buildSection(BIG);
    const stepped = steppedScheduler();
    const view = mountView(parsed, root, OPTIONS_ON, [], { scheduler: stepped.scheduler });
    const first = rendered(root);
    // About a budget's worth (a clock read every 8 comments, 1 ms each): far from all.
    expect(first.length).toBeGreaterThan(40);
    expect(first.length).toBeLessThanOrEqual(100);
    // Nearest the screen first: the page starts at the top, so the first comments of the page.
    expect(first).toEqual(parsed.thread.comments.slice(0, first.length).map((c) => c.id));
    // The state is whole already.
    expect(view.visibleIds()).toHaveLength(1000);
    let done = false;
    void view.whenRendered().then(() => (done = true));
    const sizes: number[] = [];
    while (stepped.pending() > 0) {
      const before = rendered(root).length;
      stepped.step();
      sizes.push(rendered(root).length - before);
    }
    expect(rendered(root)).toHaveLength(1000);
    expect(sizes.length).toBeGreaterThan(8);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(100);
    await Promise.resolve();
    expect(done).toBe(true);
  });

  it('mounts in one budget with every feature on: their fields and decorations share the first slice', () => {
    const { root, parsed } = buildSection(BIG);
    const stepped = steppedScheduler();
    // Pingbacks, the author's replies, previews, new since the last visit, find, the toolbar: each sets fields or
    // decorates when it is set up; they do not each get a budget of their own.
    mountView(parsed, root, OPTIONS_ON, VIEW_FEATURES, { scheduler: stepped.scheduler });
    const first = rendered(root);
    expect(first.length).toBeGreaterThan(40);
    expect(first.length).toBeLessThanOrEqual(100);
    // Decorated at once: the replies near the top carry their "↑ parent" link in the first slice.
    const reply = root.querySelector(`[${ATTR_COMMENT}="2"]`)!;
    expect(reply.querySelector('.threadlight-parent-link')).not.toBeNull();
  });

  it('starts at the #comment-N target, and renders what a reader acts on at once', async () => {
    window.history.replaceState(null, '', '#comment-730');
    try {
      const { root, parsed } = buildSection(BIG);
      const stepped = steppedScheduler();
      const view = mountView(parsed, root, { ...OPTIONS_ON, bigThreadThreshold: 100 }, [], { scheduler: stepped.scheduler });
      const first = new Set(rendered(root));
      expect(first.has('730')).toBe(true);
      expect(first.has('1')).toBe(false);
      // The target's thread was unfolded for it; the others start folded (big thread).
      expect(view.isVisible('730')).toBe(true);
      expect(view.isCollapsed('701')).toBe(false);
      expect(view.isCollapsed('1')).toBe(true);
      // Selecting a comment far away renders it now, before its slice comes. (A reader's action is a task of its
      // own: the work of one synchronous stretch shares one budget, renderer.run.)
      expect(first.has('951')).toBe(false);
      await readerActs();
      view.select('951', { scroll: false });
      expect(rendered(root)).toContain('951');
      // Folding a thread renders its fold near it at once.
      await readerActs();
      view.setCollapsed('951', true);
      expect(document.getElementById('comment-951')!.hasAttribute(ATTR_COLLAPSED)).toBe(true);
      expect(document.getElementById('comment-960')!.hasAttribute(ATTR_HIDDEN)).toBe(true);
      while (stepped.pending() > 0) stepped.step();
      // Once all is rendered, the page says what the state says: the other threads folded, 951's too.
      expect(root.querySelectorAll(`[${ATTR_COLLAPSED}]`)).toHaveLength(19);
      expect(view.visibleIds().length).toBe(root.querySelectorAll(`[${ATTR_COMMENT}]:not([${ATTR_HIDDEN}])`).length);
    } finally {
      window.history.replaceState(null, '', '#');
    }
  });

  it('stops when the view is destroyed mid-way, leaving nothing behind', () => {
    const { root, parsed } = buildSection(BIG);
    const before = root.outerHTML;
    const stepped = steppedScheduler();
    const view = mountView(parsed, root, OPTIONS_ON, [], { scheduler: stepped.scheduler });
    stepped.step();
    expect(rendered(root).length).toBeGreaterThan(0);
    view.destroy();
    expect(stepped.pending()).toBe(0);
    expect(root.outerHTML).toBe(before);
  });
});
