/**
 * The content script's side of "new since the last visit" (entrypoints/content/page-session.ts): getPageState carries
 * the visit line, the timeline and each participant's new count, from the feature's own figures; scrollToComment
 * selects and brings a comment into view (opening its thread); markAllRead clears the marks and moves the baseline;
 * focusParticipant with newOnly walks a person's new comments only. Seed-004 with its latest comments unseen.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startPageSession, type PageSession } from '@/entrypoints/content/page-session';
import { sendMessage } from '@/utils/messaging/protocol';
import { decodePostVisits, encodePostVisits } from '@/utils/storage/visits';
import { SYNC_SCHEDULER } from '@/utils/view/core/scheduler';
import { ATTR_FOCUS, ATTR_NEW, ATTR_COMMENT } from '@/utils/view/dom-contract';
import { newSinceVisitFeature, newSinceVisitOf } from '@/utils/view/new-since-visit';
import { postIdentity } from '@/utils/visits/post-key';
import { openCorpusPage } from './view-fixtures';
import { sharedOrNotice } from '../../shared-material';

const shared = sharedOrNotice('the page session and visits on seed-004 (tests/unit/view/page-session-visits.test.ts)');

const UNSEEN = ['78', '81', '86', '87'];
const HOUR = 3_600_000;
let ctx: ContentScriptContext;

beforeEach(() => {
  fakeBrowser.reset();
  ctx = new ContentScriptContext('content');
});
afterEach(() => ctx.notifyInvalidated());

/** seed-004 with a previous visit two hours ago that saw every comment but UNSEEN; the session started. */
async function returnVisit(): Promise<{ doc: Document; session: PageSession; key: string }> {
  const { doc, truth } = openCorpusPage('twentytwentyone', 'seed-004');
  const key = postIdentity(doc, truth.url)!.key;
  const seen = new Set(truth.comments.map((c) => String(c.wp_id)).filter((id) => !UNSEEN.includes(id)));
  await fakeBrowser.storage.local.set({ [`visit:${key}`]: encodePostVisits({ seen, seenAt: Date.now() - 2 * HOUR, current: null }) });
  const session = startPageSession({ ctx, doc, features: [newSinceVisitFeature], navigationDelay: 0, scheduler: SYNC_SCHEDULER });
  await session.ready;
  await newSinceVisitOf(session.views()[0]!.root)!.ready();
  return { doc, session, key };
}

const newIds = (doc: Document) => [...doc.querySelectorAll(`[${ATTR_NEW}]`)].map((e) => e.getAttribute(ATTR_COMMENT));

describe.skipIf(!shared)('page session: visits', () => {
  it('getPageState: the visit line, the timeline and the participants\' new counts, as the page marks them', async () => {
    const { doc } = await returnVisit();
    expect(newIds(doc)).toEqual(UNSEEN);
    const state = await sendMessage('getPageState');
    expect(state.visit).toMatchObject({ status: 'return', newCount: 4 });
    expect(state.visit!.lastVisit).toBeLessThan(Date.now() - HOUR);
    expect(state.timeline!.bins.reduce((sum, bin) => sum + bin.newCount, 0)).toBe(4);
    expect(state.participants!.reduce((sum, p) => sum + (p.newCount ?? 0), 0)).toBe(4);
  });

  it('getPageState on a first visit: status first, nothing new, the timeline all the same', async () => {
    const { doc } = openCorpusPage('twentytwentyone', 'seed-004');
    const session = startPageSession({ ctx, doc, features: [newSinceVisitFeature], navigationDelay: 0, scheduler: SYNC_SCHEDULER });
    await session.ready;
    await newSinceVisitOf(session.views()[0]!.root)!.ready();
    const state = await sendMessage('getPageState');
    expect(state.visit).toMatchObject({ status: 'first', newCount: 0, lastVisit: null });
    expect(state.timeline!.bins.length).toBeGreaterThan(0);
    expect(newIds(doc)).toEqual([]);
  });

  it('scrollToComment selects the comment, opening the thread that hides it; false for a comment not on the page', async () => {
    const { session } = await returnVisit();
    const view = session.views()[0]!;
    view.collapseAll();
    expect(view.isVisible('81')).toBe(false);
    expect(await sendMessage('scrollToComment', { id: '81' })).toBe(true);
    expect(view.selectedId()).toBe('81');
    expect(view.isVisible('81')).toBe(true);
    expect(await sendMessage('scrollToComment', { id: '999999' })).toBe(false);
    expect(view.selectedId()).toBe('81');
  });

  it('markAllRead clears the marks and stores every comment as seen', async () => {
    const { doc, key } = await returnVisit();
    expect(await sendMessage('markAllRead')).toEqual({ newCount: 0 });
    expect(newIds(doc)).toEqual([]);
    expect((await sendMessage('getPageState')).visit).toMatchObject({ status: 'return', newCount: 0 });
    const stored = decodePostVisits((await fakeBrowser.storage.local.get(`visit:${key}`))[`visit:${key}`])!;
    for (const id of UNSEEN) expect(stored.seen.has(id)).toBe(true);
  });

  it('focusParticipant with newOnly walks that person\'s new comments only', async () => {
    const { doc } = await returnVisit();
    const state = await sendMessage('getPageState');
    const person = state.participants!.find((p) => (p.newCount ?? 0) > 0)!;
    expect(person.count).toBeGreaterThan(person.newCount!);
    const first = await sendMessage('focusParticipant', { key: person.key, index: 0, newOnly: true });
    expect(first).toEqual({ index: 0, total: person.newCount });
    const focused = [...doc.querySelectorAll(`[${ATTR_FOCUS}]`)].map((e) => e.getAttribute(ATTR_COMMENT)!);
    expect(focused.length).toBe(person.newCount);
    for (const id of focused) expect(UNSEEN).toContain(id);
  });
});
