/** PageState fixtures (figures of shared/corpus/twentytwentyone/seed-004) and a small Preact mounting helper. */
import { render } from 'preact';
import { vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { PageState, ParticipantSummary } from '@/utils/messaging/protocol';
import { PopupApp } from '@/components/popup/PopupApp';
import { withReturnVisit } from './visit-states';

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

export * from './visit-states';

/** seed004 on a return visit: 12 new comments, by four people, and its timeline. */
export const seed004Return: PageState = withReturnVisit(seed004);
