/** PageState fixtures (figures of shared/corpus/twentytwentyone/seed-004) and a small Preact mounting helper. */
import { render } from 'preact';
import { vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { PageState, ParticipantSummary } from '@/utils/messaging/protocol';
import { PopupApp } from '@/components/popup/PopupApp';
import type { TimelineData } from '@/utils/visits/timeline';

export const TAB_ID = 7;
export const HOST = 'blog.example';

const people: [string, number][] = [
  ['Benoît Faverial', 17], ['celine', 5], ['Eric', 4], ['Jean-Baptiste Pennes', 4], ['MasterLudo', 4], ['jyv', 3],
  ['Mangatore', 3], ['Lily', 2], ['Flav', 2], ['Guillaume', 2], ['Arnaud', 2], ['NatCordeaux', 2], ['AsTeR', 1],
];

export function participant(name: string, count: number, isPostAuthor = false): ParticipantSummary {
  return { key: `${name.toLowerCase()}|`, name, url: null, isPostAuthor, count };
}

export const seed004: PageState = {
  status: 'enhanced',
  hostname: HOST,
  stats: {
    comments: 58,
    participants: 20,
    postAuthorReplies: 17,
    pingbacks: 1,
    trackbacks: 0,
    maxDepth: 5,
    topLevelThreads: 35,
    topLevelThreadsWithAuthorReply: 13,
    firstDate: '2010-06-15T07:45:00+00:00',
    lastDate: '2010-06-20T12:14:51+00:00',
    largestThreads: [
      { id: '44', author: 'MasterLudo', size: 6 },
      { id: '50', author: 'Mangatore', size: 5 },
      { id: '53', author: 'Guillaume', size: 5 },
      { id: '31', author: 'Benoît Faverial', size: 4 },
    ],
  },
  postAuthor: { name: 'Benoît Faverial', url: null, source: 'bypostauthor' },
  participants: people.map(([name, count], i) => participant(name, count, i === 0)),
  pings: [
    { id: '72', title: 'Lettre ouverte à mes grands amis les Charlatans Managers', url: 'https://other.example/lettre', type: 'pingback' },
  ],
  pagination: null,
  errors: [],
};

/** Let promises, effects and storage callbacks run (setImmediate: tests may fake setTimeout). */
export async function settle(rounds = 6): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      await new Promise((resolve) => setImmediate(resolve));
    });
  }
}

/** Move fake timers on (tests that fake setTimeout), letting what they trigger run. */
export async function advance(ms: number): Promise<void> {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

/** Render the popup for TAB_ID into a fresh container. */
export async function mountPopup(tabId: number | null = TAB_ID): Promise<HTMLElement> {
  document.body.innerHTML = '';
  const container = document.createElement('div');
  document.body.append(container);
  await act(() => {
    render(<PopupApp tabId={tabId} />, container);
  });
  await settle();
  return container;
}

export function unmount(container: HTMLElement): void {
  act(() => render(null, container));
}

export function byText<T extends Element = HTMLElement>(root: Element, selector: string, text: string | RegExp): T {
  const match = [...root.querySelectorAll<T>(selector)].find((el) =>
    typeof text === 'string' ? el.textContent?.trim() === text : text.test(el.textContent ?? ''),
  );
  if (!match) throw new Error(`no ${selector} with text ${text}`);
  return match;
}

export function byLabel<T extends Element = HTMLInputElement>(root: Element, label: string): T {
  const el = root.querySelector<T>(`[aria-label="${label}"]`);
  if (el) return el;
  const labelEl = [...root.querySelectorAll('label')].find((l) => l.textContent?.trim() === label);
  const control = labelEl?.htmlFor ? root.querySelector<T>(`#${labelEl.htmlFor}`) : labelEl?.querySelector<T>('input, select');
  if (!control) throw new Error(`no control labelled ${label}`);
  return control;
}

/**
 * seed-004's discussion over its six days (June 15–20, 2010, UTC), as the content script's buildTimeline gives it
 * to the popup, for a reader whose last visit was on June 17 at 20:00 (12 comments new since).
 */
export const seed004Timeline: TimelineData = {
  unit: 'day',
  bins: [
    { start: '2010-06-15', count: 21, authorCount: 6, newCount: 0, firstId: '30' },
    { start: '2010-06-16', count: 14, authorCount: 5, newCount: 0, firstId: '52' },
    { start: '2010-06-17', count: 10, authorCount: 3, newCount: 0, firstId: '66' },
    { start: '2010-06-18', count: 0, authorCount: 0, newCount: 0, firstId: null },
    { start: '2010-06-19', count: 10, authorCount: 3, newCount: 10, firstId: '77' },
    { start: '2010-06-20', count: 2, authorCount: 0, newCount: 2, firstId: '86' },
  ],
  authorTicks: [0.02, 0.05, 0.08, 0.1, 0.12, 0.15, 0.2, 0.22, 0.25, 0.28, 0.3, 0.38, 0.4, 0.45, 0.7, 0.75, 0.8].map((position, i) => ({
    id: `a${i}`,
    position,
  })),
  lastVisit: (2 + 20 / 24) / 6,
  dated: 57,
  undated: 0,
  weekStartsOn: 1,
};

export const LAST_VISIT = Date.UTC(2010, 5, 17, 20, 0);

/** seed004 on a return visit: 12 new comments, by three people, and its timeline. */
export const seed004Return: PageState = {
  ...seed004,
  visit: { status: 'return', lastVisit: LAST_VISIT, newCount: 12 },
  timeline: seed004Timeline,
  participants: seed004.participants!.map((p) => ({
    ...p,
    newCount: ({ 'Benoît Faverial': 5, Eric: 4, Lily: 2, Flav: 1 } as Record<string, number>)[p.name] ?? 0,
  })),
};
