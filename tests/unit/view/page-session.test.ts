/**
 * The content script's orchestration on corpus pages: detect → parse → mount when active, options followed live,
 * the popup's messages answered, failures contained (page restored, error recorded), invalidation cleaned up.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { MARK_BAIL, MARK_READY, startPageSession, type PageSession } from '@/entrypoints/content/page-session';
import { onMessage, sendMessage } from '@/utils/messaging/protocol';
import { parseSection, parseSectionSteps } from '@/utils/parse/parse-section';
import { DEFAULT_OPTIONS, optionsItem } from '@/utils/storage/options';
import { defineViewFeature } from '@/utils/view/core/feature';
import { SYNC_SCHEDULER } from '@/utils/view/core/scheduler';
import { ATTR_COLLAPSED, ATTR_COMMENT, ATTR_ENHANCED, ATTR_FOCUS, ATTR_TOGGLE } from '@/utils/view/dom-contract';
import type { ViewFeature } from '@/utils/view/core/types';
import { openCorpusPage, type Theme } from './view-fixtures';
import { sharedOrNotice } from '../../shared-material';

const shared = sharedOrNotice('the page session on corpus pages (tests/unit/view/page-session.test.ts)');

vi.mock('@/utils/parse/parse-section', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/utils/parse/parse-section')>();
  return { ...original, parseSection: vi.fn(original.parseSection), parseSectionSteps: vi.fn(original.parseSectionSteps) };
});

const actualParse = await vi.importActual<typeof import('@/utils/parse/parse-section')>('@/utils/parse/parse-section');

let ctx: ContentScriptContext;
let badges: (number | null)[];
let stopBadges: () => void;

beforeEach(() => {
  fakeBrowser.reset();
  ctx = new ContentScriptContext('content');
  badges = [];
  stopBadges = onMessage('setBadge', ({ data }) => void badges.push(data.count));
  performance.clearMarks();
});

afterEach(() => {
  ctx.notifyInvalidated();
  stopBadges();
});

function open(theme: Theme, variant: string) {
  const page = openCorpusPage(theme, variant);
  const original = page.doc.documentElement.outerHTML;
  return { ...page, original };
}

async function start(doc: Document, features: Parameters<typeof startPageSession>[0]['features'] = []): Promise<PageSession> {
  const session = startPageSession({ ctx, doc, features, navigationDelay: 0, scheduler: SYNC_SCHEDULER });
  await session.ready;
  return session;
}

const settle = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

function traces(doc: Document): string[] {
  const names = new Set<string>();
  for (const element of doc.querySelectorAll('*')) {
    for (const name of element.getAttributeNames()) if (name.startsWith(ATTR_ENHANCED)) names.add(name);
  }
  return [...names];
}

describe.skipIf(!shared)('page session', () => {
  it('enhances seed-004 and answers getPageState with the thread summary', async () => {
    const { doc, truth } = open('twentytwentyone', 'seed-004');
    const session = await start(doc);
    expect(session.views()).toHaveLength(1);
    expect(doc.querySelector(`[${ATTR_ENHANCED}="enhanced"]`)).not.toBeNull();
    expect(performance.getEntriesByName(MARK_READY)).toHaveLength(1);

    const state = await sendMessage('getPageState');
    expect(state.status).toBe('enhanced');
    expect(state.hostname).toBe('127.0.0.1');
    expect(state.errors).toEqual([]);
    expect(state.stats?.comments).toBe(truth.comments.length);
    expect(state.stats?.postAuthorReplies).toBe(17);
    expect(state.postAuthor?.name).toBe('Benoît Faverial');
    expect(state.pings).toEqual([expect.objectContaining({ id: '72', type: 'pingback' })]);
    const counts = state.participants!.map((p) => p.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(state.participants![0]).toMatchObject({ name: 'Benoît Faverial', isPostAuthor: true, count: 17 });
    await settle();
    expect(badges).toEqual([truth.comments.length]);
  });

  it('focuses a participant: highlights, wraps around, reveals, and clears', async () => {
    const { doc } = open('twentytwentytwo', 'seed-004');
    const session = await start(doc);
    const state = await sendMessage('getPageState');
    const author = state.participants!.find((p) => p.isPostAuthor)!;
    session.views()[0]!.collapseAll();

    const first = await sendMessage('focusParticipant', { key: author.key, index: 0 });
    expect(first).toEqual({ index: 0, total: 17 });
    expect(doc.querySelectorAll(`[${ATTR_FOCUS}]`)).toHaveLength(17);
    const wrapped = await sendMessage('focusParticipant', { key: author.key, index: 17 + 3 });
    expect(wrapped).toEqual({ index: 3, total: 17 });
    const back = await sendMessage('focusParticipant', { key: author.key, index: -1 });
    expect(back).toEqual({ index: 16, total: 17 });
    const view = session.views()[0]!;
    const selected = view.selectedId()!;
    expect(doc.querySelector(`[${ATTR_COMMENT}="${selected}"]`)!.hasAttribute(ATTR_FOCUS)).toBe(true);
    expect(view.isVisible(selected)).toBe(true);

    expect(await sendMessage('focusParticipant', { key: 'nobody', index: 0 })).toEqual({ index: 0, total: 0 });
    await sendMessage('focusParticipant', { key: author.key, index: 0 });
    await sendMessage('clearParticipantFocus');
    expect(doc.querySelectorAll(`[${ATTR_FOCUS}]`)).toHaveLength(0);
  });

  it('leaves a page without comments alone and says so', async () => {
    const { doc, original } = open('twentytwentythree', 'seed-000');
    await start(doc);
    expect((await sendMessage('getPageState')).status).toBe('none');
    expect(performance.getEntriesByName(MARK_BAIL)).toHaveLength(1);
    expect(doc.documentElement.outerHTML).toBe(original);
    await settle();
    expect(badges).toEqual([]);
  });

  it('follows the options live: off for the site restores exactly, on again enhances, other changes apply', async () => {
    const { doc, original } = open('twentytwentythree', 'seed-004');
    await optionsItem.setValue({ ...DEFAULT_OPTIONS, disabledSites: ['127.0.0.1'] });
    const session = await start(doc);
    expect((await sendMessage('getPageState')).status).toBe('found-disabled');
    expect((await sendMessage('getPageState')).stats?.comments).toBe(58);
    expect(traces(doc)).toEqual([]);
    expect(doc.documentElement.outerHTML).toBe(original);

    await optionsItem.setValue({ ...DEFAULT_OPTIONS });
    await settle();
    expect((await sendMessage('getPageState')).status).toBe('enhanced');
    expect(doc.querySelectorAll(`[${ATTR_TOGGLE}]`).length).toBeGreaterThan(0);

    await optionsItem.setValue({ ...DEFAULT_OPTIONS, autoCollapseDepth: 1 });
    await settle();
    expect(session.views()[0]!.currentOptions().autoCollapseDepth).toBe(1);
    expect(doc.querySelectorAll(`[${ATTR_COLLAPSED}]`).length).toBeGreaterThan(0);

    await optionsItem.setValue({ ...DEFAULT_OPTIONS, enabled: false });
    await settle();
    expect((await sendMessage('getPageState')).status).toBe('found-disabled');
    expect(traces(doc)).toEqual([]);
    expect(doc.querySelectorAll('[class*="threadlight-"]')).toHaveLength(0);
    expect(doc.documentElement.outerHTML).toBe(original);
  });

  it('sets the features up with the options, follows them live, and tears them down with the view', async () => {
    const { doc } = open('twentytwentyone', 'seed-004');
    const events: string[] = [];
    const feature: ViewFeature = defineViewFeature({
      id: 'probe',
      enabled: (options) => options.keyboardShortcuts,
      setup(context) {
        events.push(`setup ${context.section.primary}`);
        context.on('options', () => events.push('options'));
        return () => events.push('cleanup');
      },
    });
    await start(doc, [feature]);
    await optionsItem.setValue({ ...DEFAULT_OPTIONS, keyboardShortcuts: false });
    await settle();
    await optionsItem.setValue({ ...DEFAULT_OPTIONS, keyboardShortcuts: true });
    await settle();
    await optionsItem.setValue({ ...DEFAULT_OPTIONS, keyboardShortcuts: true, autoCollapseDepth: 2 });
    await settle();
    ctx.notifyInvalidated();
    // A running feature hears of each change, then is cleaned up if the change turns it off.
    expect(events).toEqual(['setup true', 'options', 'cleanup', 'setup true', 'options', 'cleanup']);
  });

  it('reports a feature’s errors in the popup’s diagnostics, and the view goes on', async () => {
    const { doc } = open('twentytwentyone', 'seed-004');
    const failing = defineViewFeature({
      id: 'failing',
      enabled: () => true,
      setup(context) {
        context.idle(() => {
          throw new Error('idle work failed');
        });
        throw new Error('setup failed');
      },
    });
    await start(doc, [failing]);
    await settle();
    const state = await sendMessage('getPageState');
    expect(state.status).toBe('enhanced');
    expect(state.errors).toEqual(['view (failing: setup): setup failed']);
  });

  it('contains a parser failure: nothing changes on the page, the error is reported', async () => {
    const { doc, original } = open('twentytwentyone', 'seed-004');
    // The first pass parses in steps (slices in the browser); it fails half-way.
    vi.mocked(parseSectionSteps).mockImplementationOnce(function* () {
      yield;
      throw new Error('parser exploded');
    });
    await start(doc);
    const state = await sendMessage('getPageState');
    expect(state.status).toBe('error');
    expect(state.errors).toEqual(['parse: parser exploded']);
    expect(doc.documentElement.outerHTML).toBe(original);
  });

  describe('a comment that leaves the page while its section is being parsed', () => {
    /** WordPress ids of the comments without replies. */
    const leavesOf = (truth: { comments: { wp_id: number; parent_wp_id: number }[] }) =>
      truth.comments.filter((comment) => !truth.comments.some((other) => other.parent_wp_id === comment.wp_id)).map((comment) => comment.wp_id);

    /** The first parse of the section ends after the page removed one of the comments it found. */
    function removeDuringFirstParse(doc: Document, id: string) {
      vi.mocked(parseSectionSteps).mockImplementationOnce(function* (section) {
        const parsed = yield* actualParse.parseSectionSteps(section);
        doc.getElementById(`comment-${id}`)!.remove();
        return parsed;
      });
    }

    it.each([
      ['at once (tests)', SYNC_SCHEDULER],
      ['in slices (the browser)', { ...SYNC_SCHEDULER, immediateBudgetMs: 10 }],
    ])('parses again %s: the view gets only nodes on the page, and no parse runs whole in one task', async (_how, scheduler) => {
      const { doc, truth } = open('twentytwentyone', 'seed-004');
      const leaf = String(leavesOf(truth)[0]);
      removeDuringFirstParse(doc, leaf);
      vi.mocked(parseSection).mockClear();
      vi.mocked(parseSectionSteps).mockClear();
      const session = startPageSession({ ctx, doc, features: [], navigationDelay: 0, scheduler });
      await session.ready;
      expect(vi.mocked(parseSectionSteps)).toHaveBeenCalledTimes(2);
      expect(vi.mocked(parseSection)).not.toHaveBeenCalled();
      const state = await sendMessage('getPageState');
      expect(state.status).toBe('enhanced');
      expect(state.stats?.comments).toBe(truth.comments.length - 1);
      const view = session.views()[0]!;
      await view.whenRendered();
      expect(doc.querySelectorAll(`[${ATTR_COMMENT}]`)).toHaveLength(truth.comments.length - 1);
      expect(doc.querySelector(`[${ATTR_COMMENT}="${leaf}"]`)).toBeNull();
    });

    it('after two changed parses, the third runs at once, when the page cannot change under it', async () => {
      const { doc, truth } = open('twentytwentyone', 'seed-004');
      const [first, second] = leavesOf(truth);
      removeDuringFirstParse(doc, String(first));
      removeDuringFirstParse(doc, String(second));
      vi.mocked(parseSection).mockClear();
      vi.mocked(parseSectionSteps).mockClear();
      await start(doc);
      expect(vi.mocked(parseSectionSteps)).toHaveBeenCalledTimes(2);
      expect(vi.mocked(parseSection)).toHaveBeenCalledTimes(1);
      const state = await sendMessage('getPageState');
      expect(state.stats?.comments).toBe(truth.comments.length - 2);
    });
  });

  it('restores the page when a dynamic update fails after mount', async () => {
    const { doc, original } = open('twentytwentyone', 'seed-004');
    await start(doc);
    const list = doc.querySelector('ol.comment-list')!;
    vi.mocked(parseSection).mockImplementationOnce(() => {
      throw new Error('late failure');
    });
    const added = doc.createElement('li');
    list.append(added);
    await settle(300);
    const state = await sendMessage('getPageState');
    expect(state.status).toBe('error');
    expect(state.errors[0]).toMatch(/late failure/);
    added.remove();
    expect(doc.documentElement.outerHTML).toBe(original);
  });

  it('re-detects after an SPA navigation, not after a #comment-N link', async () => {
    const { doc } = open('twentytwentyone', 'seed-004');
    // WXT's location watcher polls once a second and is at the mercy of a loaded CI machine: call the session's
    // own navigation listener directly, as the watcher would, so the test is about our handling only.
    const listen = vi.spyOn(ctx, 'addEventListener');
    const session = await start(doc);
    const navigation = listen.mock.calls.find(([, type]) => type === 'wxt:locationchange');
    expect(navigation?.[1]).toBe('wxt:locationchange');
    const notifyNavigation = () => (navigation![2] as unknown as () => void)();
    const before = session.views()[0];
    window.history.pushState({}, '', `${window.location.pathname}#comment-31`);
    notifyNavigation();
    await settle(50);
    expect(session.views()[0]).toBe(before);
    // What a single-page app does.
    window.history.pushState({}, '', `/other-post-${Date.now()}/`);
    notifyNavigation();
    await vi.waitUntil(() => doc.querySelector(`[${ATTR_ENHANCED}]`) === null, { timeout: 20_000, interval: 20 });
    await vi.waitUntil(() => session.views().length === 1, { timeout: 20_000, interval: 20 });
    expect(session.views()).toHaveLength(1);
    expect(session.views()[0]).not.toBe(before);
    expect((await sendMessage('getPageState')).status).toBe('enhanced');
  });

  it('cleans everything up when the extension context goes away', async () => {
    const { doc, original } = open('twentytwentytwo', 'seed-004');
    await start(doc);
    ctx.notifyInvalidated();
    expect(doc.documentElement.outerHTML).toBe(original);
    await expect(sendMessage('getPageState')).rejects.toThrow();
  });
});
