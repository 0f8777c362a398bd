import { describe, expect, it } from 'vitest';
import { formatPeriod, formatPeriodShort, formatVisitTime, newSincePhrase } from '@/utils/visits/format';
import { popupVisitFields, withNewCounts } from '@/utils/visits/page-state';
import { setTestLanguage } from '../../setup/i18n';
import { comment, thread } from '../parse/thread-fixture';

const NOW = Date.UTC(2024, 11, 9, 15, 30);
const UTC = 'UTC';

describe('formatVisitTime', () => {
  it('says the time for today, the day for this year, the full date before', () => {
    expect(formatVisitTime(Date.UTC(2024, 11, 9, 8, 5), NOW, UTC)).toEqual({ text: '8:05 AM', isTime: true });
    expect(formatVisitTime(Date.UTC(2024, 11, 3, 8, 5), NOW, UTC)).toEqual({ text: 'Dec 3', isTime: false });
    expect(formatVisitTime(Date.UTC(2023, 11, 3, 8, 5), NOW, UTC)).toEqual({ text: 'Dec 3, 2023', isTime: false });
  });

  it('decides "today" in the reader\u2019s time zone', () => {
    // 23:30 UTC on Dec 8 is already Dec 9 in Paris.
    expect(formatVisitTime(Date.UTC(2024, 11, 8, 23, 30), NOW, 'Europe/Paris').isTime).toBe(true);
    expect(formatVisitTime(Date.UTC(2024, 11, 8, 23, 30), NOW, 'America/New_York').isTime).toBe(false);
  });

  it('speaks French', () => {
    setTestLanguage('fr');
    expect(formatVisitTime(Date.UTC(2024, 11, 9, 8, 5), NOW, UTC).text).toBe('08:05');
    expect(formatVisitTime(Date.UTC(2024, 11, 3, 8, 5), NOW, UTC).text).toBe('3 déc.');
    expect(formatVisitTime(Date.UTC(2023, 11, 3, 8, 5), NOW, UTC).text).toBe('3 déc. 2023');
  });
});

describe('newSincePhrase', () => {
  it('is the one wording of the toolbar and the popup', () => {
    expect(newSincePhrase(7, Date.UTC(2024, 11, 3), NOW, UTC)).toBe('7 new since Dec 3');
    expect(newSincePhrase(1, Date.UTC(2024, 11, 9, 14, 5), NOW, UTC)).toBe('1 new since 2:05 PM');
    expect(newSincePhrase(0, Date.UTC(2024, 11, 3), NOW, UTC)).toBe('Nothing new since Dec 3');
  });

  it('in French: "le" before a date, not before a time; plural from 2', () => {
    setTestLanguage('fr');
    expect(newSincePhrase(7, Date.UTC(2024, 11, 3), NOW, UTC)).toBe('7 nouveaux depuis le 3 déc.');
    expect(newSincePhrase(1, Date.UTC(2024, 11, 3), NOW, UTC)).toBe('1 nouveau depuis le 3 déc.');
    expect(newSincePhrase(3, Date.UTC(2024, 11, 9, 14, 5), NOW, UTC)).toBe('3 nouveaux depuis 14:05');
    expect(newSincePhrase(0, Date.UTC(2024, 11, 9, 14, 5), NOW, UTC)).toBe('Rien de nouveau depuis 14:05');
  });
});

describe('formatPeriod', () => {
  it.each([
    ['2024-12-03T14', 'hour', 'Dec 3, 2:00 PM', '2:00 PM'],
    ['2024-12-03', 'day', 'Tue, Dec 3, 2024', 'Dec 3'],
    ['2024-12-02', 'week', 'Week of Dec 2, 2024', 'Dec 2'],
    ['2024-12-01', 'month', 'December 2024', 'Dec 2024'],
    ['2024-01-01', 'year', '2024', '2024'],
  ] as const)('%s (%s) → %s / %s', (start, unit, long, short) => {
    expect(formatPeriod(start, unit)).toBe(long);
    expect(formatPeriodShort(start, unit)).toBe(short);
  });

  it('in French', () => {
    setTestLanguage('fr');
    expect(formatPeriod('2024-12-03', 'day')).toBe('mar. 3 déc. 2024');
    expect(formatPeriod('2024-12-02', 'week')).toBe('Semaine du 2 déc. 2024');
    expect(formatPeriod('2024-12-01', 'month')).toBe('décembre 2024');
  });

  it('returns what it cannot read as it is', () => {
    expect(formatPeriod('soon', 'day')).toBe('soon');
  });
});

describe('popupVisitFields', () => {
  const sample = thread([
    comment('1', null, 'Ann', { date: '2024-12-01T10:00:00Z' }),
    comment('2', '1', 'Marguerite', { date: '2024-12-02T10:00:00Z', isPostAuthor: true, depth: 2 }),
    comment('3', null, 'Bob', { date: '2024-12-04T10:00:00Z' }),
    comment('4', '3', 'Ann', { date: '2024-12-05T10:00:00Z', depth: 2 }),
  ]);

  it('gives the popup one set of figures: the count, the date, the timeline and each person\u2019s new comments', () => {
    const baseline = { seen: new Set(['1', '2']), at: Date.UTC(2024, 11, 3) };
    const fields = popupVisitFields(sample, { status: 'return', baseline, newIds: ['3', '4', 'gone'] }, { timeZone: UTC, now: NOW });
    expect(fields.visit).toEqual({ status: 'return', lastVisit: baseline.at, newCount: 2 });
    expect(fields.timeline!.bins.map((bin) => bin.newCount)).toEqual([0, 0, 0, 1, 1]);
    expect(fields.timeline!.lastVisit).toBeCloseTo(2 / 5, 10);
    expect(fields.newByParticipant).toEqual(new Map([['ann|', 1], ['bob|', 1]]));
    const people = withNewCounts([{ key: 'ann|', name: 'Ann', url: null, isPostAuthor: false, count: 2 }, { key: 'marguerite|', name: 'Marguerite', url: null, isPostAuthor: true, count: 1 }], fields.newByParticipant);
    expect(people.map((p) => p.newCount)).toEqual([1, 0]);
  });

  it('on a first visit: no date, nothing new, the timeline all the same', () => {
    const fields = popupVisitFields(sample, { status: 'first', baseline: null, newIds: [] }, { timeZone: UTC, now: NOW });
    expect(fields.visit).toEqual({ status: 'first', lastVisit: null, newCount: 0 });
    expect(fields.timeline!.lastVisit).toBeNull();
    expect(fields.timeline!.dated).toBe(4);
  });
});
