import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendMessage, type PageState } from '@/utils/messaging/protocol';
import { readPageState } from '@/components/popup/page-state';
import { DEFAULT_OPTIONS, optionsItem } from '@/utils/storage/options';
import { encodePostVisits } from '@/utils/storage/visits';
import { setTestLanguage } from '../../setup/i18n';
import { LAST_VISIT, TAB_ID, byLabel, byText, mountPopup, seed004, seed004Return, seed004Timeline, settle, unmount } from './fixtures';

vi.mock('@/utils/messaging/protocol', () => ({ sendMessage: vi.fn() }));
const send = vi.mocked(sendMessage);

/** The content script: `state` for getPageState, `answers[type]` for the other messages. */
function page(state: PageState, answers: Record<string, (data: unknown) => unknown> = {}) {
  send.mockImplementation((async (type: string, data: unknown) => {
    if (type === 'getPageState') return state;
    const answer = answers[type];
    if (!answer) throw new Error(`no handler for ${type}`);
    return answer(data);
  }) as never);
}

let container: HTMLElement | undefined;
beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  if (container) unmount(container);
  container = undefined;
});

const text = () => container!.textContent!.replace(/\s+/g, ' ');
const bars = () => [...container!.querySelectorAll<SVGGElement>('.timeline-chart g[role=button]')];
const caption = () => container!.querySelector('.timeline-caption')!.textContent;
const sent = (type: string) => send.mock.calls.filter(([t]) => t === type);

async function key(target: Element, name: string) {
  await act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));
  });
  await settle(2);
}

describe('new since the last visit', () => {
  it('says how many are new and since when, in English and in French', async () => {
    page(seed004Return);
    container = await mountPopup();
    expect(container.querySelector('.visit-new')!.textContent).toBe('12 new since Jun 17, 2010');
    unmount(container);

    setTestLanguage('fr');
    container = await mountPopup();
    expect(container.querySelector('.visit-new')!.textContent).toBe('12 nouveaux depuis le 17 juin 2010');
    expect(text()).toContain('Tout marquer comme lu');
  });

  it('marks all as read through the page, then says nothing is new', async () => {
    const after = { ...seed004Return, visit: { status: 'return' as const, lastVisit: Date.now() - 60_000, newCount: 0 } };
    page(seed004Return, {
      markAllRead: () => {
        page(after);
        return { newCount: 0 };
      },
    });
    container = await mountPopup();
    await act(() => byText(container!, 'button', 'Mark all as read').click());
    await settle();
    expect(sent('markAllRead')).toEqual([['markAllRead', undefined, TAB_ID]]);
    expect(text()).toMatch(/Nothing new since \d{1,2}:\d{2}/);
    expect(container.querySelector('.visit-new')).toBeNull();
    expect(text()).not.toContain('Mark all as read');
  });

  it('says so when the page does not answer "mark all as read"', async () => {
    page(seed004Return, { markAllRead: () => Promise.reject(new Error('Could not establish connection')) });
    container = await mountPopup();
    await act(() => byText(container!, 'button', 'Mark all as read').click());
    await settle();
    expect(container.querySelector('[role=alert]')!.textContent).toBe('The page did not answer: nothing was marked.');
    expect(container.querySelector('.visit-new')!.textContent).toBe('12 new since Jun 17, 2010');
  });

  it.each([
    [{ status: 'first', lastVisit: null, newCount: 0 }, 'First visit: next time, what is new will be marked.'],
    [{ status: 'private', lastVisit: null, newCount: 0 }, 'Private window: what you read is not remembered.'],
    [{ status: 'return', lastVisit: LAST_VISIT, newCount: 0 }, 'Nothing new since Jun 17, 2010'],
  ] as const)('%j → %s', async (visit, line) => {
    page({ ...seed004, visit: { ...visit } });
    container = await mountPopup();
    expect(container.querySelector('.visit')!.textContent).toBe(line);
    expect(container.querySelector('.visit button')).toBeNull();
  });

  it('shows nothing about visits when the page does not track them, or cannot', async () => {
    for (const state of [seed004, { ...seed004, visit: { status: 'unavailable' as const, lastVisit: null, newCount: 0 } }]) {
      page(state);
      container = await mountPopup();
      expect(container.querySelector('.visit')).toBeNull();
      unmount(container);
    }
    container = undefined;
  });
});

describe('timeline', () => {
  it('draws a bar per day with comments, the author ticks and the last visit', async () => {
    page(seed004Return);
    container = await mountPopup();
    const chart = container.querySelector('svg.timeline-chart')!;
    expect(chart.getAttribute('aria-label')).toBe('Comments per day, Tue, Jun 15, 2010 – Sun, Jun 20, 2010');
    expect(bars().map((bar) => bar.getAttribute('data-start'))).toEqual(['2010-06-15', '2010-06-16', '2010-06-17', '2010-06-19', '2010-06-20']);
    expect(bars()[0]!.getAttribute('aria-label')).toBe('Tue, Jun 15, 2010: 21 comments, 6 by the author');
    expect(bars()[3]!.getAttribute('aria-label')).toBe('Sat, Jun 19, 2010: 10 comments, 3 by the author, 10 new');
    // The empty day has no button, but keeps its place on the axis.
    expect(chart.querySelectorAll('g.bin')).toHaveLength(6);
    expect(chart.querySelectorAll('.author-tick')).toHaveLength(17);
    const visitLine = chart.querySelector('line.last-visit')!;
    expect(Number(visitLine.getAttribute('x1'))).toBeCloseTo(296 * ((2 + 20 / 24) / 6), 5);
    // Bars are as tall as their counts; the new part is on top.
    const heights = bars().map((bar) => Number(bar.querySelector('.bar, .bar-new')!.getAttribute('height')));
    expect(heights[0]).toBeCloseTo(56, 5);
    expect(bars()[4]!.querySelector('.bar')!.getAttribute('height')).toBe('0');
    expect(Number(bars()[4]!.querySelector('.bar-new')!.getAttribute('height'))).toBeCloseTo((2 / 21) * 56, 5);
    expect(container.querySelector('.timeline-axis')!.textContent).toBe('Jun 15Jun 20');
    expect(text()).toContain('your last visit');
    expect(text()).toContain('the author’s replies');
  });

  it('gives the date and count of the bar pointed at, or focused', async () => {
    page(seed004Return);
    container = await mountPopup();
    expect(caption()).toBe('Comments per day · Tue, Jun 15, 2010 – Sun, Jun 20, 2010');
    await act(() => {
      bars()[1]!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    });
    await act(() => {
      bars()[1]!.dispatchEvent(new MouseEvent('mouseenter'));
    });
    expect(caption()).toBe('Wed, Jun 16, 2010: 14 comments, 5 by the author');
    await act(() => {
      container!.querySelector('svg')!.dispatchEvent(new MouseEvent('mouseleave'));
    });
    expect(caption()).toBe('Comments per day · Tue, Jun 15, 2010 – Sun, Jun 20, 2010');
    await act(() => bars()[4]!.focus());
    expect(caption()).toBe('Sun, Jun 20, 2010: 2 comments, 2 new');
    expect(bars()[4]!.querySelector('.focus-ring')).not.toBeNull();
  });

  it('scrolls the page to the first comment of a bar on click and on Enter', async () => {
    page(seed004Return, { scrollToComment: () => true });
    container = await mountPopup();
    await act(() => {
      bars()[1]!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    });
    await settle(2);
    expect(sent('scrollToComment')).toEqual([['scrollToComment', { id: '52' }, TAB_ID]]);
    await key(bars()[3]!, 'Enter');
    await key(bars()[3]!, ' ');
    expect(sent('scrollToComment').map(([, data]) => data)).toEqual([{ id: '52' }, { id: '77' }, { id: '77' }]);
    expect(container.querySelector('[role=alert]')).toBeNull();
  });

  it('is one tab stop; arrow keys, Home and End move between bars with comments', async () => {
    page(seed004Return);
    container = await mountPopup();
    const stops = () => bars().filter((bar) => bar.getAttribute('tabindex') === '0');
    expect(stops()).toEqual([bars()[0]]);
    await act(() => bars()[0]!.focus());
    await key(bars()[0]!, 'ArrowRight');
    await key(document.activeElement!, 'ArrowRight');
    await key(document.activeElement!, 'ArrowRight'); // skips the empty June 18
    expect(document.activeElement!.getAttribute('data-start')).toBe('2010-06-19');
    expect(stops().map((bar) => bar.getAttribute('data-start'))).toEqual(['2010-06-19']);
    await key(document.activeElement!, 'End');
    expect(document.activeElement!.getAttribute('data-start')).toBe('2010-06-20');
    await key(document.activeElement!, 'ArrowRight');
    expect(document.activeElement!.getAttribute('data-start')).toBe('2010-06-20');
    await key(document.activeElement!, 'Home');
    expect(document.activeElement!.getAttribute('data-start')).toBe('2010-06-15');
    await key(document.activeElement!, 'ArrowLeft');
    expect(document.activeElement!.getAttribute('data-start')).toBe('2010-06-15');
  });

  it('says so when the page cannot scroll there', async () => {
    page(seed004Return, { scrollToComment: () => false });
    container = await mountPopup();
    await act(() => {
      bars()[0]!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    });
    await settle(2);
    expect(container.querySelector('[role=alert]')!.textContent).toBe('The page did not answer: reload it to go to that comment.');
  });

  it('says when no comment has a date, and how many undated ones are left out', async () => {
    page({ ...seed004, timeline: null });
    container = await mountPopup();
    expect(text()).toContain('Timeline');
    expect(text()).toContain('The page gives no dates for its comments.');
    unmount(container);
    page({ ...seed004, timeline: { ...seed004Timeline, undated: 3, lastVisit: null, authorTicks: [] } });
    container = await mountPopup();
    expect(text()).toContain('3 comments without a date are not shown.');
    expect(container.querySelector('line.last-visit')).toBeNull();
    expect(container.querySelector('.timeline-legend')).toBeNull();
  });

  it('is absent when the page does not send one, and in French says it in French', async () => {
    page(seed004);
    container = await mountPopup();
    expect(container.querySelector('.timeline')).toBeNull();
    unmount(container);
    setTestLanguage('fr');
    page(seed004Return);
    container = await mountPopup();
    expect(bars()[0]!.getAttribute('aria-label')).toBe('mar. 15 juin 2010\u00a0: 21 commentaires, 6 de l’auteur');
    expect(container.querySelector('.timeline h2')!.textContent).toBe('Chronologie');
  });
});

describe('participants: new only', () => {
  const names = () => [...container!.querySelectorAll('button.participant .name')].map((n) => n.textContent);

  it('lists only the people with new comments, with those counts, and focuses their new comments', async () => {
    page(seed004Return, { focusParticipant: () => ({ index: 0, total: 4 }), clearParticipantFocus: () => undefined });
    container = await mountPopup();
    const eric = [...container.querySelectorAll('button.participant')].find((b) => b.textContent!.includes('Eric'))!;
    expect(eric.querySelector('.new-badge')!.textContent).toBe('+4');
    expect(eric.getAttribute('aria-label')).toBe('Eric, 4 comments, 4 new comments: show on the page');

    await act(() => byText(container!, 'label', 'New only').querySelector('input')!.click());
    expect(names()).toEqual(['Benoît Faverial', 'Eric', 'Lily', 'Flav']);
    expect([...container.querySelectorAll('button.participant .count')].map((c) => c.textContent)).toEqual(['5', '4', '2', '1']);
    expect(container.querySelector('.new-badge')).toBeNull();
    await act(() => byLabel<HTMLButtonElement>(container!, 'Eric, 4 new comments: show on the page').click());
    await settle(2);
    expect(sent('focusParticipant').at(-1)).toEqual(['focusParticipant', { key: 'eric|', index: 0, newOnly: true }, TAB_ID]);

    await act(() => byText(container!, 'label', 'New only').querySelector('input')!.click());
    await settle(2);
    expect(names()).toHaveLength(13);
    expect(sent('clearParticipantFocus')).toHaveLength(1);
  });

  it('offers no "new only" when nothing is new', async () => {
    page(seed004);
    container = await mountPopup();
    expect(text()).not.toContain('New only');
  });
});

describe('options: remembering visits', () => {
  it('switches remembering off and forgets the visits stored, leaving the options', async () => {
    page(seed004);
    await fakeBrowser.storage.local.set({
      'visit:blog.example/post': encodePostVisits({ seen: new Set(['1']), seenAt: 5, current: null }),
      visits: { posts: { 'blog.example/post': { at: 5, size: 40 } }, sweptAt: 5 },
    });
    container = await mountPopup();
    const remember = byText(container, 'label', 'Remember what I have read (marks new comments)').querySelector('input')!;
    expect(remember.checked).toBe(true);
    await act(() => remember.click());
    await settle();
    expect((await optionsItem.getValue()).rememberVisits).toBe(false);

    await act(() => byText(container!, 'button', 'Forget what I have read').click());
    await settle();
    expect(text()).toContain('Forgotten.');
    const left = Object.keys(await fakeBrowser.storage.local.get(null));
    expect(left.filter((k) => k.startsWith('visit'))).toEqual([]);
    expect(left).toContain('options');
    await expect(optionsItem.getValue()).resolves.toEqual({ ...DEFAULT_OPTIONS, rememberVisits: false });
  });
});

describe('readPageState: visit fields', () => {
  const base = { status: 'enhanced', errors: [] };

  it('keeps a valid visit, timeline and new counts', () => {
    const state = readPageState(JSON.parse(JSON.stringify(seed004Return)))!;
    expect(state.visit).toEqual(seed004Return.visit);
    expect(state.timeline).toEqual(seed004Timeline);
    expect(state.participants!.find((p) => p.name === 'Eric')!.newCount).toBe(4);
  });

  it('leaves absent fields absent, and keeps a null timeline', () => {
    const state = readPageState(base)!;
    expect('visit' in state).toBe(false);
    expect('timeline' in state).toBe(false);
    expect(readPageState({ ...base, timeline: null })!.timeline).toBeNull();
  });

  it('reads hostile or broken values as absent or clamped', () => {
    expect(readPageState({ ...base, visit: { status: 'bogus' } })!.visit).toBeUndefined();
    expect(readPageState({ ...base, visit: { status: 'return', lastVisit: 'yesterday', newCount: 4 } })!.visit).toEqual({
      status: 'first',
      lastVisit: null,
      newCount: 0,
    });
    expect(readPageState({ ...base, visit: { status: 'return', lastVisit: LAST_VISIT, newCount: -3 } })!.visit!.newCount).toBe(0);
    for (const timeline of [{ unit: 'decade', bins: [] }, { unit: 'day', bins: [] }, { unit: 'day', bins: 'x' },
      { unit: 'day', bins: Array.from({ length: 401 }, (_, i) => ({ start: `d${i}`, count: 1 })) }, { unit: 'day', bins: [{ count: 2 }] }]) {
      expect(readPageState({ ...base, timeline })!.timeline).toBeUndefined();
    }
    const odd = readPageState({
      ...base,
      timeline: {
        unit: 'day',
        bins: [{ start: '2024-12-03', count: 2, authorCount: 9, newCount: 5, firstId: 7 }, { start: '2024-12-04', count: 0, firstId: '9' }],
        authorTicks: [{ id: 'a', position: 2 }, { id: 'b', position: 0.5 }, 'x'],
        lastVisit: -1,
        weekStartsOn: 12,
      },
    })!.timeline!;
    expect(odd.bins).toEqual([
      { start: '2024-12-03', count: 2, authorCount: 2, newCount: 2, firstId: null },
      { start: '2024-12-04', count: 0, authorCount: 0, newCount: 0, firstId: null },
    ]);
    expect(odd.authorTicks).toEqual([{ id: 'b', position: 0.5 }]);
    expect(odd.lastVisit).toBeNull();
    expect(odd.weekStartsOn).toBe(1);
    const counts = readPageState({ ...base, participants: [{ key: 'a|', name: 'A', count: 2, newCount: 7 }, { key: 'b|', name: 'B', count: 2 }] })!;
    expect(counts.participants).toEqual([
      { key: 'a|', name: 'A', url: null, isPostAuthor: false, count: 2, newCount: 2 },
      { key: 'b|', name: 'B', url: null, isPostAuthor: false, count: 2 },
    ]);
  });
});
