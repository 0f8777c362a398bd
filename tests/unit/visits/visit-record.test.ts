import { describe, expect, it } from 'vitest';
import {
  VISIT_IDLE_MS,
  baselineOf,
  emptyPostVisits,
  holdsAll,
  lastActivity,
  recordActivity,
  recordAllRead,
  recordDisplayed,
  type PostVisits,
} from '@/utils/visits/visit-record';

const T0 = Date.UTC(2024, 11, 3, 9, 0);
const MIN = 60_000;
const ids = (...values: number[]) => values.map(String);

describe('visits of one post', () => {
  it('a first visit has no baseline; the post is remembered once the visit ends', () => {
    const opened = recordDisplayed(null, ids(1, 2, 3), T0);
    expect(baselineOf(opened)).toBeNull();
    expect(opened.current).toEqual({ ids: new Set(ids(1, 2, 3)), start: T0, last: T0 });

    // A reload 10 minutes later is the same visit: still nothing to compare with.
    const reloaded = recordDisplayed(opened, ids(1, 2, 3, 4), T0 + 10 * MIN);
    expect(baselineOf(reloaded)).toBeNull();
    expect(reloaded.current!.start).toBe(T0);

    // The next day: the first visit closed at its last activity, with everything it showed.
    const nextDay = recordDisplayed(reloaded, ids(1, 2, 3, 4, 5), T0 + 24 * 60 * MIN);
    expect(baselineOf(nextDay)).toEqual({ seen: new Set(ids(1, 2, 3, 4)), at: T0 + 10 * MIN });
    expect(nextDay.current).toEqual({ ids: new Set(ids(1, 2, 3, 4, 5)), start: T0 + 24 * 60 * MIN, last: T0 + 24 * 60 * MIN });
  });

  it('a reload within the idle time keeps the same baseline (what was new stays new)', () => {
    let record: PostVisits = { seen: new Set(ids(1, 2)), seenAt: T0 - 86_400_000, current: null };
    record = recordDisplayed(record, ids(1, 2, 3), T0);
    const before = baselineOf(record);
    record = recordDisplayed(record, ids(1, 2, 3), T0 + VISIT_IDLE_MS);
    expect(baselineOf(record)).toEqual(before);
    // One millisecond past the idle time after the last activity: a new visit.
    record = recordDisplayed(record, ids(1, 2, 3), T0 + 2 * VISIT_IDLE_MS + 1);
    expect(baselineOf(record)).toEqual({ seen: new Set(ids(1, 2, 3)), at: T0 + VISIT_IDLE_MS });
  });

  it('activity (tab hidden, leaving) extends the visit; it does not start one', () => {
    const opened = recordDisplayed(null, ids(1), T0);
    const left = recordActivity(opened, T0 + 20 * MIN);
    expect(left.current!.last).toBe(T0 + 20 * MIN);
    // Back 40 minutes after opening, 20 after leaving: the same visit.
    expect(baselineOf(recordDisplayed(left, ids(1), T0 + 40 * MIN))).toBeNull();
    expect(recordActivity(null, T0)).toEqual(emptyPostVisits());
    // Activity long after: closes the idle visit and opens none.
    const closed = recordActivity(left, T0 + 5 * 60 * MIN);
    expect(closed).toEqual({ seen: new Set(ids(1)), seenAt: T0 + 20 * MIN, current: null });
  });

  it('mark all as read moves the baseline to now with everything shown', () => {
    const record = recordDisplayed({ seen: new Set(ids(1)), seenAt: T0 - 1000, current: null }, ids(1, 2, 3), T0);
    const read = recordAllRead(record, ids(4), T0 + 5 * MIN);
    expect(read).toEqual({ seen: new Set(ids(1, 2, 3, 4)), seenAt: T0 + 5 * MIN, current: null });
    expect(baselineOf(recordDisplayed(read, ids(1, 2, 3, 4), T0 + 6 * MIN))).toEqual({
      seen: new Set(ids(1, 2, 3, 4)),
      at: T0 + 5 * MIN,
    });
  });

  it('operations never change the record they are given, and only add', () => {
    const record = recordDisplayed({ seen: new Set(ids(1)), seenAt: T0 - 1000, current: null }, ids(2), T0);
    const snapshot = structuredClone(record);
    recordDisplayed(record, ids(3), T0 + MIN);
    recordActivity(record, T0 + 2 * MIN);
    recordAllRead(record, ids(9), T0 + 3 * MIN);
    expect(record).toEqual(snapshot);
    // Applying another tab's operation to a record that already holds ours keeps ours (merge by union).
    const otherTab = recordDisplayed(record, ids(7), T0 + MIN);
    expect(holdsAll(otherTab, ids(1, 2, 7))).toBe(true);
    // An operation with an older clock never moves times back.
    const late = recordDisplayed(otherTab, ids(8), T0 - 10);
    expect(late.current!.last).toBe(T0 + MIN);
    expect(late.current!.start).toBe(T0 - 10);
  });

  it('lastActivity is the later of the previous visit end and the current visit', () => {
    expect(lastActivity(emptyPostVisits())).toBe(0);
    expect(lastActivity({ seen: new Set(), seenAt: T0, current: null })).toBe(T0);
    expect(lastActivity(recordDisplayed({ seen: new Set(), seenAt: T0, current: null }, [], T0 + MIN))).toBe(T0 + MIN);
  });
});
