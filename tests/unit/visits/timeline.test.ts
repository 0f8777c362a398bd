import { describe, expect, it } from 'vitest';
import { buildTimeline, firstDayOfWeek } from '@/utils/visits/timeline';
import type { ThreadComment } from '@/utils/thread/types';
import { comment } from '../parse/thread-fixture';
import { corpusPages, readTruthFile, withParsedPage } from '../../corpus/corpus-pages';
import { sharedOrNotice } from '../../shared-material';

const NOW = Date.UTC(2025, 0, 1);
const UTC = { timeZone: 'UTC', weekStartsOn: 1, now: NOW } as const;
let nextId = 100;
const at = (date: string, extra: { isPostAuthor?: boolean; type?: 'pingback' } = {}): ThreadComment =>
  comment(String(nextId++), null, 'Ann', { date, ...extra });

describe('buildTimeline: the unit fits the span', () => {
  it('hours for a discussion within two days', () => {
    const timeline = buildTimeline([at('2024-12-03T09:15:00Z'), at('2024-12-03T09:40:00Z'), at('2024-12-04T08:05:00Z')], UTC)!;
    expect(timeline.unit).toBe('hour');
    expect(timeline.bins).toHaveLength(24);
    expect(timeline.bins[0]).toMatchObject({ start: '2024-12-03T09', count: 2 });
    expect(timeline.bins[23]).toMatchObject({ start: '2024-12-04T08', count: 1 });
  });

  it('days for a week or a month, empty days included', () => {
    const timeline = buildTimeline([at('2024-12-01T10:00:00Z'), at('2024-12-05T10:00:00Z'), at('2024-12-09T23:59:00Z')], UTC)!;
    expect(timeline.unit).toBe('day');
    expect(timeline.bins.map((bin) => `${bin.start}:${bin.count}`)).toEqual([
      '2024-12-01:1', '2024-12-02:0', '2024-12-03:0', '2024-12-04:0', '2024-12-05:1',
      '2024-12-06:0', '2024-12-07:0', '2024-12-08:0', '2024-12-09:1',
    ]);
  });

  it('weeks for months, starting on the chosen first day', () => {
    const comments = [at('2024-06-05T10:00:00Z'), at('2024-06-09T10:00:00Z'), at('2024-10-20T10:00:00Z')];
    const monday = buildTimeline(comments, UTC)!;
    expect(monday.unit).toBe('week');
    // 2024-06-05 is a Wednesday; 2024-06-09 a Sunday: the same Monday week.
    expect(monday.bins[0]).toMatchObject({ start: '2024-06-03', count: 2 });
    expect(monday.bins[monday.bins.length - 1]).toMatchObject({ start: '2024-10-14', count: 1 });
    const sunday = buildTimeline(comments, { ...UTC, weekStartsOn: 0 })!;
    expect(sunday.bins[0]).toMatchObject({ start: '2024-06-02', count: 1 });
    expect(sunday.bins[1]).toMatchObject({ start: '2024-06-09', count: 1 });
    expect(sunday.weekStartsOn).toBe(0);
  });

  it('months for years, years beyond', () => {
    const months = buildTimeline([at('2021-03-15T10:00:00Z'), at('2023-11-02T10:00:00Z')], UTC)!;
    expect(months.unit).toBe('month');
    expect(months.bins[0]!.start).toBe('2021-03-01');
    expect(months.bins).toHaveLength(33);
    const years = buildTimeline([at('2008-03-15T10:00:00Z'), at('2024-11-02T10:00:00Z')], UTC)!;
    expect(years.unit).toBe('year');
    expect(years.bins.map((bin) => bin.start)).toEqual(Array.from({ length: 17 }, (_, i) => `${2008 + i}-01-01`));
  });

  it('respects maxBins', () => {
    const timeline = buildTimeline([at('2024-12-01T10:00:00Z'), at('2024-12-09T10:00:00Z')], { ...UTC, maxBins: 5 })!;
    expect(timeline.unit).toBe('week');
    expect(timeline.bins.length).toBeLessThanOrEqual(5);
  });
});

describe('buildTimeline: what goes in the bars', () => {
  it('counts author comments and new ones, and points each bar at its earliest comment', () => {
    const late = at('2024-12-02T18:00:00Z');
    const early = at('2024-12-02T08:00:00Z', { isPostAuthor: true });
    const other = at('2024-12-04T12:00:00Z');
    const timeline = buildTimeline([late, early, other], { ...UTC, newIds: [late.id, other.id] })!;
    expect(timeline.bins[0]).toEqual({ start: '2024-12-02', count: 2, authorCount: 1, newCount: 1, firstId: early.id });
    expect(timeline.bins[1]).toEqual({ start: '2024-12-03', count: 0, authorCount: 0, newCount: 0, firstId: null });
    expect(timeline.bins[2]).toMatchObject({ count: 1, newCount: 1, firstId: other.id });
    // 08:00 on the first of three days: a third of a day in.
    expect(timeline.authorTicks).toEqual([{ id: early.id, position: (8 / 24) / 3 }]);
  });

  it('places the last visit on the axis, or nowhere when it falls outside', () => {
    const comments = [at('2024-12-01T00:00:00Z'), at('2024-12-04T12:00:00Z')];
    const inside = buildTimeline(comments, { ...UTC, lastVisit: Date.UTC(2024, 11, 3, 0) })!;
    expect(inside.lastVisit).toBeCloseTo(2 / 4, 10);
    expect(buildTimeline(comments, { ...UTC, lastVisit: Date.UTC(2024, 11, 20) })!.lastVisit).toBeNull();
    expect(buildTimeline(comments, { ...UTC, lastVisit: Date.UTC(2024, 10, 20) })!.lastVisit).toBeNull();
    expect(buildTimeline(comments, { ...UTC, lastVisit: null })!.lastVisit).toBeNull();
  });

  it('leaves out pingbacks, and counts comments without a usable date apart instead of inventing one', () => {
    const timeline = buildTimeline(
      [
        at('2024-12-01T10:00:00Z'),
        at('2024-12-02T10:00:00Z', { type: 'pingback' }),
        comment('u1', null, 'No date'),
        comment('u2', null, 'Bad date', { date: 'yesterday' }),
        comment('u3', null, 'Null date', { date: '0000-00-00T00:00:00+00:00' }),
        comment('u4', null, 'Future', { date: '2031-01-01T00:00:00Z' }),
      ],
      UTC,
    )!;
    expect(timeline).toMatchObject({ dated: 1, undated: 4 });
    expect(timeline.bins).toHaveLength(1);
  });

  it('is null when no comment has a usable date', () => {
    expect(buildTimeline([comment('1', null, 'A'), comment('2', null, 'B', { date: 'soon' })], UTC)).toBeNull();
    expect(buildTimeline([], UTC)).toBeNull();
  });
});

describe('buildTimeline: the reader\u2019s time zone', () => {
  const lateEvening = [at('2024-12-03T23:30:00Z'), at('2024-12-01T12:00:00Z')];

  it('puts a comment on the calendar day of the reader, not of UTC', () => {
    const paris = buildTimeline(lateEvening, { ...UTC, timeZone: 'Europe/Paris' })!;
    expect(paris.bins.find((bin) => bin.start === '2024-12-04')?.count).toBe(1);
    const newYork = buildTimeline(lateEvening, { ...UTC, timeZone: 'America/New_York' })!;
    expect(newYork.bins.find((bin) => bin.start === '2024-12-03')?.count).toBe(1);
    expect(newYork.bins.map((bin) => bin.start)).toEqual(['2024-12-01', '2024-12-02', '2024-12-03']);
  });

  it('keeps days consecutive across a daylight-saving change', () => {
    const timeline = buildTimeline([at('2024-03-29T12:00:00Z'), at('2024-04-02T12:00:00Z')], { ...UTC, timeZone: 'Europe/Paris' })!;
    expect(timeline.bins.map((bin) => bin.start)).toEqual(['2024-03-29', '2024-03-30', '2024-03-31', '2024-04-01', '2024-04-02']);
  });

  it('falls back to the runtime time zone for an unknown zone name', () => {
    expect(buildTimeline([at('2024-12-03T12:00:00Z')], { ...UTC, timeZone: 'Mars/Olympus' })!.bins).toHaveLength(1);
  });

  it("takes the locale's first day of the week (Monday when unknown)", () => {
    expect(firstDayOfWeek('fr-FR')).toBe(1);
    expect([0, 1]).toContain(firstDayOfWeek('en-US')); // Sunday where the engine knows week info
    expect(firstDayOfWeek('not a locale!')).toBe(1);
  });
});

describe.skipIf(!sharedOrNotice('timelines of corpus threads (../shared/corpus)'))('buildTimeline on the corpus', () => {
  it.each(['seed-004', 'big-300'])('twentytwentyone/%s: every dated comment in one bar, the author ticks all there', (variant) => {
    const corpusPage = corpusPages().find((p) => p.label === `corpus/twentytwentyone/${variant}`)!;
    const truth = readTruthFile(corpusPage.truthPath);
    withParsedPage(corpusPage, ({ comments }) => {
      const timeline = buildTimeline(comments, UTC)!;
      const own = truth.comments.filter((c) => c.type === 'comment');
      expect(timeline.dated + timeline.undated).toBe(own.length);
      expect(timeline.bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(timeline.dated);
      expect(timeline.authorTicks).toHaveLength(own.filter((c) => c.is_post_author).length - countUndatedAuthors(comments));
      expect(timeline.bins.length).toBeLessThanOrEqual(48);
      expect(timeline.authorTicks.every((tick) => tick.position >= 0 && tick.position <= 1)).toBe(true);
      if (variant === 'seed-004') {
        // June 15 to June 20, 2010: six days.
        expect(timeline.unit).toBe('day');
        expect(timeline.bins.map((bin) => bin.start)).toEqual(['2010-06-15', '2010-06-16', '2010-06-17', '2010-06-18', '2010-06-19', '2010-06-20']);
        expect(timeline.undated).toBe(0);
      } else {
        // March 1 to March 6, 2023: six days.
        expect(timeline.unit).toBe('day');
        expect(timeline.bins).toHaveLength(6);
      }
    });
  });
});

function countUndatedAuthors(comments: ThreadComment[]): number {
  return comments.filter((c) => c.type === 'comment' && c.isPostAuthor && !c.date).length;
}
