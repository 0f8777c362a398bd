// @vitest-environment jsdom
/**
 * "New since your last visit" in the page (utils/view/new-since-visit), on the real view core with every feature and
 * the real visit store (fake browser storage): a post visited with its latest comments held back, then again in full
 * two hours later. Exactly the held-back comments are marked; u / Shift+U and the toolbar step through them in page
 * order; "fold the threads with nothing new"; "mark all as read"; arrivals while the page is open; the N most recent
 * on a first visit; nothing stored in a private window or with the option off; the page restored exactly.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ParsedSection } from '@/utils/parse/types';
import { DEFAULT_OPTIONS, type ThreadlightOptions } from '@/utils/storage/options';
import { ATTR_ACTION, ATTR_COLLAPSED, ATTR_COMMENT, ATTR_NEW, ATTR_RECENT, ATTR_STATUS, ATTR_UI } from '@/utils/view/dom-contract';
import { defineViewFeature } from '@/utils/view/core/feature';
import { VIEW_FEATURES } from '@/utils/view/features';
import type { ViewController } from '@/utils/view/mount-thread-view';
import { newSinceVisitOf } from '@/utils/view/new-since-visit';
import { setTestLanguage } from '../../setup/i18n';
import { buildSection, destroyMounted, errorsOf, mountView, press, type SketchComment } from './view-fixtures';

const HOUR = 3_600_000;
/** 10:00 UTC: the visits of these tests fall on the same calendar day (or not) in every zone from UTC−10 to UTC+11. */
const T0 = Date.UTC(2026, 11, 3, 10, 0);
/** A time of day as the reader's clock shows it (the formatter itself is tested in tests/unit/visits/format.test.ts). */
const clock = (time: number) => new Intl.DateTimeFormat('en', { timeStyle: 'short' }).format(time);

/** 1 → 2 → 3, 4 → 5, 6 → 7, 8 → 9, 10: the held-back visit lacks 5, 9 and 10 (the latest). */
const SKETCH: SketchComment[] = [
  { id: '1' },
  { id: '2', parentId: '1' },
  { id: '3', parentId: '2' },
  { id: '4' },
  { id: '5', parentId: '4' },
  { id: '6' },
  { id: '7', parentId: '6' },
  { id: '8' },
  { id: '9', parentId: '8' },
  { id: '10' },
];
const HELD_BACK = ['5', '9', '10'];
const OPTIONS: ThreadlightOptions = { ...DEFAULT_OPTIONS, bigThreadThreshold: 0, keyboardShortcuts: true };

let root: Element;
let view: ViewController;
let full: ParsedSection;

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  document.head.innerHTML = '<link rel="canonical" href="http://localhost:3000/2026/12/a-post/">';
  document.body.innerHTML = '';
});

afterEach(() => {
  destroyMounted();
  vi.useRealTimers();
});

/** `parsed` without the comments `absent` (their elements taken out of the page, as a page without them would be). */
function without(parsed: ParsedSection, absent: readonly string[]): ParsedSection {
  const keep = <V>(map: ReadonlyMap<string, V>) => new Map([...map].filter(([id]) => !absent.includes(id)));
  return {
    thread: { ...parsed.thread, comments: parsed.thread.comments.filter((c) => !absent.includes(c.id)) },
    parts: keep(parsed.parts),
  };
}

/** Open the post (its comments but `absent`), with the feature's visit open. */
async function visit(absent: readonly string[] = [], options: ThreadlightOptions = OPTIONS): Promise<void> {
  destroyMounted();
  document.body.innerHTML = '';
  const section = buildSection(SKETCH);
  root = section.root;
  full = section.parsed;
  for (const id of absent) full.parts.get(id)!.element.remove();
  view = mountView(without(full, absent), root, options, VIEW_FEATURES, { primary: true });
  await newSinceVisitOf(root)?.ready();
  await settle();
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));
const marked = (attribute = ATTR_NEW) => [...root.querySelectorAll(`[${attribute}]`)].map((e) => e.getAttribute(ATTR_COMMENT));
/** The toolbar's shadow root, once the toolbar is drawn (it comes a little after the view, more so under load). */
const toolbar = () =>
  vi.waitFor(() => {
    const shadow = document.querySelector('threadlight-toolbar')?.shadowRoot;
    if (!shadow?.querySelector(`[${ATTR_ACTION}]`)) throw new Error('no toolbar yet');
    return shadow;
  });
/** The text of the toolbar's status `name`, null when it has none; polled until it says `expected`. */
const status = (name: string) => expect.poll(async () => (await toolbar()).querySelector(`[${ATTR_STATUS}="${name}"]`)?.textContent ?? null);
const button = async (action: string) => (await toolbar()).querySelector<HTMLButtonElement>(`[${ATTR_ACTION}="${action}"]`);
const storedKeys = async () => Object.keys(await fakeBrowser.storage.local.get(null)).filter((k) => k.startsWith('visit'));

/** The held-back visit, then the full page two hours later (the first visit has ended: 30 min idle). */
async function returnVisit(options: ThreadlightOptions = OPTIONS): Promise<void> {
  await visit(HELD_BACK, options);
  vi.setSystemTime(T0 + 2 * HOUR);
  await visit([], options);
}

describe('new since the last visit', () => {
  it('a first visit marks nothing and remembers the post', async () => {
    await visit(HELD_BACK);
    expect(marked()).toEqual([]);
    expect(newSinceVisitOf(root)!.facts()).toMatchObject({ status: 'first', baseline: null, newIds: [] });
    await status('new').toBeNull();
    expect(await storedKeys()).toEqual(expect.arrayContaining(['visits', 'visit:localhost:3000/2026/12/a-post']));
    expect(errorsOf(view)).toEqual([]);
  });

  it('a return visit marks exactly the comments that were not there, on their comment element, with a "New" label', async () => {
    await returnVisit();
    expect(marked()).toEqual(HELD_BACK);
    for (const id of HELD_BACK) {
      const element = root.querySelector(`[${ATTR_COMMENT}="${id}"]`)!;
      expect(element.id).toBe(`comment-${id}`);
      const label = element.querySelector(`#div-comment-${id} [${ATTR_UI}="new-mark"]`)!;
      expect(label.textContent).toBe('New');
      expect(label.getAttribute('title')).toBe('New since your last visit');
    }
    expect(root.querySelectorAll(`[${ATTR_UI}="new-mark"]`)).toHaveLength(3);
    await status('new').toBe(`3 new since ${clock(T0)}`);
    expect(newSinceVisitOf(root)!.facts()).toMatchObject({ status: 'return', baseline: { at: T0 }, newIds: HELD_BACK });
    expect(errorsOf(view)).toEqual([]);
  });

  it('speaks French to a French reader', async () => {
    setTestLanguage('fr');
    await visit(HELD_BACK);
    vi.setSystemTime(T0 + 30 * HOUR);
    await visit([]);
    expect(root.querySelector(`[${ATTR_UI}="new-mark"]`)!.textContent).toBe('Nouveau');
    await status('new').toBe('3 nouveaux depuis le 3 déc.');
    expect((await button('next-new'))!.getAttribute('aria-label')).toBe('Nouveau commentaire suivant');
    expect((await button('mark-all-read'))!.textContent).toContain('Tout marquer comme lu');
  });

  it('says the day of the last visit when it was not today', async () => {
    await visit(HELD_BACK);
    vi.setSystemTime(T0 + 30 * HOUR);
    await visit([]);
    await status('new').toBe('3 new since Dec 3');
  });

  it('u and the toolbar step through the new comments in page order, Shift+U back', async () => {
    await returnVisit();
    press('u');
    expect(view.selectedId()).toBe('5');
    press('u');
    expect(view.selectedId()).toBe('9');
    press('u');
    expect(view.selectedId()).toBe('10');
    press('u');
    expect(view.selectedId()).toBe('10');
    press('U', { shiftKey: true });
    expect(view.selectedId()).toBe('9');
    view.select('1');
    (await button('next-new'))!.click();
    expect(view.selectedId()).toBe('5');
    (await button('previous-new'))!.click();
    expect(view.selectedId()).toBe('5');
    view.select('7');
    (await button('previous-new'))!.click();
    expect(view.selectedId()).toBe('5');
  });

  const folded = () => [...root.querySelectorAll(`[${ATTR_COLLAPSED}]`)].map((e) => e.getAttribute(ATTR_COMMENT));

  it('"fold the threads with nothing new" folds exactly the top-level threads without new comments', async () => {
    await returnVisit({ ...OPTIONS, foldWithoutNew: true });
    expect(folded()).toEqual(['1', '6']);
    expect(view.isVisible('7')).toBe(false);
    for (const id of HELD_BACK) expect(view.isVisible(id)).toBe(true);
    // Turned off live: the threads it folded open again.
    view.applyOptions({ ...OPTIONS, foldWithoutNew: false });
    await settle();
    expect(folded()).toEqual([]);
    // And on again.
    view.applyOptions({ ...OPTIONS, foldWithoutNew: true });
    await settle();
    expect(folded()).toEqual(['1', '6']);
  });

  it('"fold the threads with nothing new": a new reply arriving in a folded thread opens it', async () => {
    await visit(['3', ...HELD_BACK]);
    vi.setSystemTime(T0 + 2 * HOUR);
    await visit(['3'], { ...OPTIONS, foldWithoutNew: true });
    expect(folded()).toEqual(['1', '6']);
    // Comment 3 (a reply to 2, in thread 1) is posted while the page is open.
    root.querySelector('#comment-2 > ol.children')!.append(full.parts.get('3')!.element);
    view.update(full);
    await settle();
    expect(marked()).toEqual(['3', '5', '9', '10']);
    expect(folded()).toEqual(['6']);
    expect(view.isVisible('3')).toBe(true);
  });

  it('"fold the threads with nothing new" opens the threads with new replies that were folded', async () => {
    // Auto-collapse from depth 1 folds 1, 2, 4, 6, 8 by itself: the option opens 4 and 8 (new replies 5 and 9).
    await returnVisit({ ...OPTIONS, foldWithoutNew: true, autoCollapseDepth: 1 });
    expect(folded()).toEqual(['1', '2', '6']);
    expect(view.isVisible('5')).toBe(true);
    expect(view.isVisible('9')).toBe(true);
  });

  it('"fold the threads with nothing new" folds nothing on a first visit', async () => {
    await visit(HELD_BACK, { ...OPTIONS, foldWithoutNew: true });
    expect(root.querySelectorAll(`[${ATTR_COLLAPSED}]`)).toHaveLength(0);
  });

  it('"mark all as read" removes the marks and moves the baseline: the next visit has nothing new', async () => {
    await returnVisit();
    (await button('mark-all-read'))!.click();
    await settle();
    expect(marked()).toEqual([]);
    await status('new').toBe(`Nothing new since ${clock(T0 + 2 * HOUR)}`);
    expect(await button('next-new')).toBeNull();
    vi.setSystemTime(T0 + 3 * HOUR);
    await visit([]);
    expect(marked()).toEqual([]);
    expect(newSinceVisitOf(root)!.facts()).toMatchObject({ status: 'return', newIds: [] });
  });

  it('comments that arrive while the page is open count as new (return visit), and are remembered', async () => {
    await visit(['9', '10']);
    vi.setSystemTime(T0 + 2 * HOUR);
    await visit(['10']);
    expect(marked()).toEqual(['9']);
    // Comment 10 is posted / loaded into the page: the thread model gets it.
    root.querySelector('ol.comment-list')!.append(full.parts.get('10')!.element);
    view.update(full);
    await settle();
    expect(marked()).toEqual(['9', '10']);
    await status('new').toBe(`2 new since ${clock(T0)}`);
    // It was shown: the visit after this one does not mark it again.
    vi.setSystemTime(T0 + 4 * HOUR);
    await visit([]);
    expect(marked()).toEqual([]);
  });

  it('comments another feature adds to the thread (merged comment pages) count as new when unseen', async () => {
    await visit(HELD_BACK);
    vi.setSystemTime(T0 + 2 * HOUR);
    // A stand-in for the merge feature: on demand, it adds comment 11 (from another comment page) through ctx.thread.add.
    let addPage: () => void = () => undefined;
    const mergePages = defineViewFeature({
      id: 'test-merge',
      enabled: () => true,
      setup: (ctx) => {
        addPage = () => {
          const element = ctx.doc.createElement('li');
          element.id = 'comment-11';
          const body = ctx.doc.createElement('article');
          body.innerHTML = '<footer><b class="fn">From page 2</b></footer><div class="comment-content"><p>Merged</p></div>';
          element.append(body);
          ctx.journal.insert(element, root.querySelector('ol.comment-list')!);
          const parts = new Map([['11', { element, body, content: body.querySelector('.comment-content'), name: body.querySelector('.fn'), replyLink: null, replies: null, continuation: null }]]);
          const comment = { ...full.thread.comments[0]!, id: '11', parentId: null, depth: 1, author: { name: 'From page 2', url: null, avatar: null } };
          ctx.thread.add({ comments: [comment], parts });
        };
      },
    });
    destroyMounted();
    document.body.innerHTML = '';
    const section = buildSection(SKETCH);
    root = section.root;
    full = section.parsed;
    view = mountView(section.parsed, root, OPTIONS, [...VIEW_FEATURES, mergePages], { primary: true });
    await newSinceVisitOf(root)!.ready();
    expect(marked()).toEqual(HELD_BACK);
    addPage();
    await settle();
    expect(marked()).toEqual([...HELD_BACK, '11']);
    await status('new').toBe(`4 new since ${clock(T0)}`);
  });

  it('on a first visit, marks the N most recent when asked (and steps through them), never on a return visit', async () => {
    await visit([], { ...OPTIONS, highlightRecent: 3 });
    expect(marked(ATTR_RECENT)).toEqual(['8', '9', '10']);
    expect(marked()).toEqual([]);
    expect(root.querySelector(`[${ATTR_UI}="recent-mark"]`)!.textContent).toBe('Recent');
    await status('recent').toBe('3 most recent');
    press('u');
    expect(view.selectedId()).toBe('8');
    vi.setSystemTime(T0 + 2 * HOUR);
    await visit([], { ...OPTIONS, highlightRecent: 3 });
    expect(marked(ATTR_RECENT)).toEqual([]);
  });

  it('stores and marks nothing in a private window', async () => {
    const extension = fakeBrowser.extension as { inIncognitoContext: boolean };
    extension.inIncognitoContext = true;
    try {
      await visit(HELD_BACK);
      vi.setSystemTime(T0 + 2 * HOUR);
      await visit([]);
      expect(marked()).toEqual([]);
      expect(newSinceVisitOf(root)!.facts()).toMatchObject({ status: 'private' });
      expect(await storedKeys()).toEqual([]);
    } finally {
      extension.inIncognitoContext = false;
    }
  });

  it('stores nothing with "remember what I have read" off', async () => {
    await visit(HELD_BACK, { ...OPTIONS, rememberVisits: false });
    expect(newSinceVisitOf(root)).toBeNull();
    expect(await storedKeys()).toEqual([]);
  });

  it('restores the page exactly when the view goes', async () => {
    await visit(HELD_BACK);
    vi.setSystemTime(T0 + 2 * HOUR);
    destroyMounted();
    document.body.innerHTML = '';
    const section = buildSection(SKETCH);
    const before = section.root.outerHTML;
    const mounted = mountView(section.parsed, section.root, OPTIONS, VIEW_FEATURES, { primary: true });
    await newSinceVisitOf(section.root)!.ready();
    await settle();
    expect(section.root.querySelectorAll(`[${ATTR_NEW}]`)).toHaveLength(3);
    mounted.destroy();
    expect(section.root.outerHTML).toBe(before);
    expect(newSinceVisitOf(section.root)).toBeNull();
  });
});
