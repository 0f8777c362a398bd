/**
 * The popup's visit fixtures as plain data (no test runner, so the popup screenshot script can use them too).
 */
import type { PageState } from '@/utils/messaging/protocol';
import type { TimelineData } from '@/utils/visits/timeline';

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

/** `state` (seed004's figures) on a return visit: 12 new comments, by four people, and its timeline. */
export function withReturnVisit(state: PageState): PageState {
  return {
    ...state,
    visit: { status: 'return', lastVisit: LAST_VISIT, newCount: 12 },
    timeline: seed004Timeline,
    participants: (state.participants ?? []).map((p) => ({
      ...p,
      newCount: ({ 'Benoît Faverial': 5, Eric: 4, Lily: 2, Flav: 1 } as Record<string, number>)[p.name] ?? 0,
    })),
  };
}
