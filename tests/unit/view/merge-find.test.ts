/**
 * The "show all pages" and "find in thread" view features on the corpus's paged post (seed-004, 2 comment pages),
 * mounted with the real view in the page's own window, the other page answered by a fake fetch: the merged comments
 * join the thread with the same DOM contract, in reading order, and turning off restores the page exactly; page
 * failures are said in place and in the popup's state; find is accent- and case-insensitive, opens the folded thread
 * holding the current match, shows only matches with their parents, and Escape restores the view.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { foldQuery } from '@/utils/find/fold';
import { FIND_HIGHLIGHTS } from '@/utils/find/highlight';
import { DEFAULT_OPTIONS } from '@/utils/storage/options';
import { findFeature } from '@/utils/view/find';
import { keyboardFeature } from '@/utils/view/keyboard';
import { createMergePagesFeature, mergeHandleOf } from '@/utils/view/merge-pages';
import { toolbarFeature } from '@/utils/view/toolbar';
import type { ViewController, ViewFeature } from '@/utils/view/mount-thread-view';
import { mountThreadView } from '@/utils/view/mount-thread-view';
import { SYNC_SCHEDULER } from '@/utils/view/core/scheduler';
import { ATTR_ACTION, ATTR_COMMENT, ATTR_DEPTH, ATTR_HIDDEN, ATTR_MERGED, ATTR_STATUS, ATTR_UI, fieldAttribute } from '@/utils/view/dom-contract';
import { sharedOrNotice } from '../../shared-material';
import { FIXTURES_DIR } from '../../corpus/corpus-pages';
import { cutThread, drupalPageUrl } from '../merge/cut-pages';
import { fakeFetch, openPage, savedPages, siteRoutes, truthLines, type OpenedPage } from '../merge/paged-site';

const shared = sharedOrNotice('merge and find features on the paged corpus post (../shared/corpus)');
const THEME = 'twentytwentyone';
const lines = (comments: readonly { id: string; parentId: string | null; depth: number }[]) => comments.map((c) => `${c.id} ${c.parentId ?? '-'} ${c.depth}`);

interface Mounted {
  page: OpenedPage;
  view: ViewController;
  errors: string[];
  before: string;
}
let mounted: Mounted[] = [];

/** Page `variant` of the post in its own window, the view mounted with the merge (fake fetch) and find features. */
function mountPage(variant: 'seed-004-paged-p1' | 'seed-004-paged-last', fetch = fakeFetch(siteRoutes(THEME)), options = DEFAULT_OPTIONS): Mounted {
  const saved = savedPages(THEME).find((page) => page.variant === variant)!;
  const page = openPage(saved.html, saved.url);
  const win = page.dom.window as unknown as Window & { CSS: unknown; Highlight: unknown };
  // jsdom has no Highlight API: a registry that keeps what it is given.
  win.CSS = { highlights: new Map<string, { ranges: Range[] }>() };
  win.Highlight = class {
    ranges: Range[];
    priority = 0;
    constructor(...ranges: Range[]) {
      this.ranges = ranges;
    }
  };
  const before = page.section.root.outerHTML;
  const errors: string[] = [];
  const features: ViewFeature[] = [keyboardFeature, createMergePagesFeature({ fetch }), findFeature, toolbarFeature];
  const view = mountThreadView(page.parsed, { ...options, bigThreadThreshold: 0 }, features, {
    root: page.section.root,
    primary: true,
    scheduler: SYNC_SCHEDULER,
    onError: (error, where) => errors.push(`${where}: ${(error as Error)?.message ?? error}`),
  });
  const entry = { page, view, errors, before };
  mounted.push(entry);
  return entry;
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check(), what).toBe(true);
}

async function toolbar(page: OpenedPage): Promise<ShadowRoot> {
  await until(() => page.doc.querySelector('threadlight-toolbar')?.shadowRoot?.querySelector(`[${ATTR_ACTION}]`) != null, 'toolbar drawn');
  return page.doc.querySelector('threadlight-toolbar')!.shadowRoot!;
}

async function mergeAll(entry: Mounted): Promise<void> {
  const handle = mergeHandleOf(entry.page.section.root)!;
  expect(handle.start()).toBe(true);
  await until(() => handle.snapshot().status === 'done', 'merge done');
}

afterEach(() => {
  for (const entry of mounted) {
    entry.view.destroy();
    entry.page.dom.window.close();
  }
  mounted = [];
});

describe.skipIf(!shared)('show all pages', () => {
  it.each(['seed-004-paged-p1', 'seed-004-paged-last'] as const)('from %s: all 58 comments in reading order, same DOM contract; off restores the page', async (variant) => {
    const entry = mountPage(variant);
    const shadow = await toolbar(entry.page);
    const control = shadow.querySelector<HTMLButtonElement>(`[${ATTR_ACTION}="load-all-pages"]`)!;
    // Page 1 of 2 links to the next page only (no numbers): the page count is a lower bound there.
    expect(control.textContent).toContain(variant === 'seed-004-paged-p1' ? 'Show all comment pages' : 'Show all 2 pages');
    control.click();
    await until(() => mergeHandleOf(entry.page.section.root)!.snapshot().status === 'done', 'merge done');
    expect(entry.errors).toEqual([]);
    const expected = truthLines(THEME);
    expect(expected).toHaveLength(58);
    expect(lines(entry.view.parsed.thread.comments)).toEqual(expected);
    // Every comment, the merged ones too, carries the contract; the merged ones their page's number.
    const other = variant === 'seed-004-paged-p1' ? '2' : '1';
    const merged = [...entry.page.section.root.querySelectorAll(`[${ATTR_MERGED}]`)];
    expect(merged.length).toBeGreaterThan(0);
    for (const element of merged) expect(element.getAttribute(ATTR_MERGED)).toBe(other);
    const marked = [...entry.page.section.root.querySelectorAll(`[${ATTR_COMMENT}]`)].map((element) => `${element.getAttribute(ATTR_COMMENT)} ${element.getAttribute(ATTR_DEPTH)}`);
    expect(marked).toEqual(expected.map((line) => `${line.split(' ')[0]} ${line.split(' ')[2]}`));
    expect(entry.view.stats().comments).toBe(58);
    // Nothing left to load: the control is gone, the outcome said.
    await until(() => shadow.querySelector(`[${ATTR_ACTION}="load-all-pages"]`) === null, 'control gone');
    // The outcome goes to the popup and the live region; the toolbar's figures say the count.
    expect(shadow.querySelector(`[${ATTR_STATUS}="merge-progress"]`)).toBeNull();
    expect(mergeHandleOf(entry.page.section.root)!.snapshot()).toEqual({ status: 'done', text: 'All 2 pages shown · 57 comments', problems: [] });
    entry.view.destroy();
    expect(entry.page.section.root.outerHTML).toBe(entry.before);
  });

  it('a page that fails is said in place and in the popup; the rest is kept; retry loads it', async () => {
    let fail = true;
    const routes = siteRoutes(THEME);
    const fetch = fakeFetch(routes, () => (fail ? new Response('gone', { status: 404, headers: { 'content-type': 'text/html' } }) : undefined));
    const entry = mountPage('seed-004-paged-p1', fetch);
    await mergeAll(entry);
    const snapshot = mergeHandleOf(entry.page.section.root)!.snapshot();
    expect(snapshot.problems).toEqual(['Page 2 could not be loaded (error 404).']);
    const notice = entry.page.section.root.querySelector(`[${ATTR_UI}="merge-notice"]`)!;
    expect(notice.textContent).toBe('Page 2 could not be loaded (error 404).');
    expect(entry.view.parsed.thread.comments).toHaveLength(savedPages(THEME).find((page) => page.number === 1)!.truth.comments.length);
    const shadow = await toolbar(entry.page);
    expect(shadow.querySelector(`[${ATTR_ACTION}="load-all-pages"]`)!.textContent).toContain('Try the missing pages again');
    expect(shadow.querySelector(`[${ATTR_STATUS}="merge-progress"]`)!.textContent).toBe('1 of 2 pages shown');
    fail = false;
    await mergeAll(entry);
    expect(lines(entry.view.parsed.thread.comments)).toEqual(truthLines(THEME));
    expect(entry.page.section.root.querySelector(`[${ATTR_UI}="merge-notice"]`)).toBeNull();
    entry.view.destroy();
    expect(entry.page.section.root.outerHTML).toBe(entry.before);
  });

  it('merges on its own with the autoMergePages option', async () => {
    const entry = mountPage('seed-004-paged-last', undefined, { ...DEFAULT_OPTIONS, autoMergePages: true });
    await until(() => mergeHandleOf(entry.page.section.root)!.snapshot().status === 'done', 'merge done');
    expect(entry.view.parsed.thread.comments).toHaveLength(58);
  });

  it('stop: cancels between pages, keeps what is shown', async () => {
    const entry = mountPage('seed-004-paged-p1', fakeFetch(siteRoutes(THEME), () => new Promise<Response>(() => undefined)));
    const shadow = await toolbar(entry.page);
    shadow.querySelector<HTMLButtonElement>(`[${ATTR_ACTION}="load-all-pages"]`)!.click();
    await until(() => shadow.querySelector(`[${ATTR_ACTION}="load-all-pages"]`)?.textContent?.includes('Stop loading') === true, 'stop shown');
    shadow.querySelector<HTMLButtonElement>(`[${ATTR_ACTION}="load-all-pages"]`)!.click();
    await until(() => mergeHandleOf(entry.page.section.root)!.snapshot().status === 'done', 'stopped');
    expect(mergeHandleOf(entry.page.section.root)!.snapshot().text).toContain('Stopped');
    expect(entry.view.parsed.thread.comments).toHaveLength(savedPages(THEME).find((page) => page.number === 1)!.truth.comments.length);
  });
});

describe.skipIf(!shared)('find in thread', () => {
  it('/ opens the field; accent- and case-insensitive; Enter opens the folded thread holding the match; Esc restores', async () => {
    const entry = mountPage('seed-004-paged-p1');
    await mergeAll(entry);
    const { view, page } = entry;
    // A reply on the merged page (page 2), in a thread we fold: its words, upper-cased and without accents.
    const reply = view.parsed.thread.comments.find((c) => c.parentId !== null && page.section.root.querySelector(`[${ATTR_COMMENT}="${c.id}"]`)?.hasAttribute(ATTR_MERGED) && /[éèàç]/.test(c.text))!;
    expect(reply).not.toBeUndefined();
    const word = reply.text.split(/\s+/).find((w) => /[éèàç]/.test(w) && w.length >= 6)!.replace(/[^\p{L}]/gu, '');
    const query = word.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
    expect(query).not.toBe(word);
    const root = view.state.index.rootOf(reply.id);
    view.setCollapsed(root, true);
    expect(view.isVisible(reply.id)).toBe(false);
    const collapsedBefore = view.state.index.ids.filter((id) => view.isCollapsed(id));

    const shadow = await toolbar(page);
    page.doc.body.dispatchEvent(new page.dom.window.KeyboardEvent('keydown', { key: '/', bubbles: true, cancelable: true, composed: true }));
    const input = shadow.querySelector<HTMLInputElement>(`[${ATTR_ACTION}="find-field"]`)!;
    expect(input).not.toBeNull();
    input.value = query;
    input.dispatchEvent(new page.dom.window.Event('input', { bubbles: true }));
    const count = () => shadow.querySelector(`[${ATTR_STATUS}="find-count"]`)?.textContent ?? '';
    expect(count()).toMatch(/^– \/ \d+$/);
    const marked = [...page.section.root.querySelectorAll(`[${fieldAttribute('match')}]`)].map((element) => element.getAttribute(ATTR_COMMENT));
    expect(marked).toContain(reply.id);
    // Every marked comment holds the query, folded like the field folds it.
    for (const id of marked) expect(foldQuery(`${view.parsed.thread.comments.find((c) => c.id === id)!.author.name} ${view.parsed.thread.comments.find((c) => c.id === id)!.text}`)).toContain(foldQuery(query));
    const total = Number(count().split('/ ')[1]);
    const registry = (page.dom.window as unknown as { CSS: { highlights: Map<string, { ranges: Range[] }> } }).CSS.highlights;
    expect(registry.get(FIND_HIGHLIGHTS.all)!.ranges).toHaveLength(total);

    // Step until the current match is in the folded reply: its thread opens.
    let steps = 0;
    while (!view.isVisible(reply.id) && steps++ < total) input.dispatchEvent(new page.dom.window.KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    expect(view.isVisible(reply.id)).toBe(true);
    expect(view.isCollapsed(root)).toBe(false);
    expect(count()).toBe(`${steps} / ${total}`);
    const current = registry.get(FIND_HIGHLIGHTS.current)!.ranges[0]!;
    expect(foldQuery(current.toString())).toBe(foldQuery(query));

    // Only matching comments: the matches and their parents, nothing else.
    shadow.querySelector<HTMLButtonElement>(`[${ATTR_ACTION}="find-only-matches"]`)!.click();
    const visible = view.visibleIds();
    expect(visible).toContain(reply.id);
    expect(visible).toContain(reply.parentId!);
    expect(visible.length).toBeLessThan(58);
    for (const id of visible) {
      const holds = marked.includes(id) || view.state.index.ids.some((other) => marked.includes(other) && isAncestor(view, id, other));
      expect(holds, id).toBe(true);
    }

    // Escape: the view as it was (folds, no mask, no highlight, no match field).
    input.dispatchEvent(new page.dom.window.KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true, composed: true }));
    expect(view.state.index.ids.filter((id) => view.isCollapsed(id))).toEqual(collapsedBefore);
    expect(view.isVisible(reply.id)).toBe(false);
    expect(page.section.root.querySelectorAll(`[${ATTR_HIDDEN}]`).length).toBeGreaterThan(0);
    expect(view.visibleIds().length).toBe(58 - view.state.index.ids.filter((id) => !view.isVisible(id)).length);
    expect(registry.has(FIND_HIGHLIGHTS.all)).toBe(false);
    expect(page.section.root.querySelector(`[${fieldAttribute('match')}]`)).toBeNull();
    expect(shadow.querySelector(`[${ATTR_ACTION}="find-field"]`)).toBeNull();
    expect(entry.errors).toEqual([]);
  });
});

function isAncestor(view: ViewController, ancestor: string, id: string): boolean {
  for (let at = view.state.index.parent(id); at !== null; at = view.state.index.parent(at)) if (at === ancestor) return true;
  return false;
}

describe('a dialect whose pages are declined (Drupal)', () => {
  it('shows no control, fetches nothing, and tells the popup why', async () => {
    const html = fs.readFileSync(path.join(FIXTURES_DIR, 'drupal-olivero.html'), 'utf8');
    const base = 'https://cut.example/node/1';
    const cut = cutThread(html, base, 3)!;
    expect(cut).not.toBeNull();
    const page = openPage(cut[1]!, drupalPageUrl(base, 2));
    expect(page.parsed.thread.pagination?.current).toBe(2);
    const fetch = fakeFetch(new Map());
    const errors: string[] = [];
    const view = mountThreadView(page.parsed, DEFAULT_OPTIONS, [createMergePagesFeature({ fetch }), findFeature, toolbarFeature], {
      root: page.section.root,
      primary: true,
      scheduler: SYNC_SCHEDULER,
      onError: (error) => errors.push(String(error)),
    });
    mounted.push({ page, view, errors, before: '' });
    const shadow = await toolbar(page);
    expect(shadow.querySelector(`[${ATTR_ACTION}="find"]`)).not.toBeNull();
    expect(shadow.querySelector(`[${ATTR_ACTION}="load-all-pages"]`)).toBeNull();
    const handle = mergeHandleOf(page.section.root)!;
    expect(handle.snapshot()).toEqual({ status: 'unsupported', text: 'The comment pages of Drupal are not put together: its pages split threads.', problems: [] });
    expect(handle.start()).toBe(false);
    expect(fetch.calls).toEqual([]);
    expect(errors).toEqual([]);
  });
});
