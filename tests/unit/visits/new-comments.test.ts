import { describe, expect, it } from 'vitest';
import { commentTime, findNewComments, mostRecentComments } from '@/utils/visits/new-comments';
import type { PaginationInfo, ThreadComment } from '@/utils/thread/types';
import { comment, thread } from '../parse/thread-fixture';

const VISIT = Date.UTC(2024, 11, 3, 12, 0);
const before = (hours: number) => new Date(VISIT - hours * 3_600_000).toISOString();
const after = (hours: number) => new Date(VISIT + hours * 3_600_000).toISOString();
const baseline = (...seen: string[]) => ({ seen: new Set(seen), at: VISIT });
const paginated: PaginationInfo = { current: 2, total: 3, previousUrl: null, nextUrl: null, pageUrls: [] };
const paged = (comments: ThreadComment[]) => ({ ...thread(comments), pagination: paginated });

describe('findNewComments', () => {
  const whole = thread([
    comment('10', null, 'Ann', { date: before(30) }),
    comment('11', '10', 'Bob', { date: before(20), depth: 2 }),
    comment('14', '10', 'Cy', { date: after(2), depth: 2 }),
    comment('12', null, 'Dee', { date: before(10) }),
    // Approved late: an old id and an old date, but it was not on the page at the visit.
    comment('9', null, 'Eve', { date: before(40) }),
    comment('15', null, 'Fay', { date: after(5) }),
    comment('16', '15', 'Ann', { date: after(6), depth: 2 }),
  ]);

  it('marks nothing on a first visit', () => {
    expect(findNewComments(whole, null)).toEqual([]);
  });

  it('on a whole thread, marks every comment that was not shown, in page order (late approvals included)', () => {
    expect(findNewComments(whole, baseline('10', '11', '12'))).toEqual(['14', '9', '15', '16']);
  });

  it('marks nothing when everything was seen', () => {
    expect(findNewComments(whole, baseline('9', '10', '11', '12', '14', '15', '16'))).toEqual([]);
  });

  it('does not depend on dates on a whole thread (undated comments)', () => {
    const undated = thread([comment('1', null, 'A'), comment('2', '1', 'B', { depth: 2 }), comment('3', null, 'C')]);
    expect(findNewComments(undated, baseline('1', '3'))).toEqual(['2']);
  });

  describe('on one page of a paginated thread', () => {
    it('marks comments dated after the visit, even on a page never opened', () => {
      const neverOpened = paged([
        comment('40', null, 'A', { date: before(100) }),
        comment('41', '40', 'B', { date: before(90), depth: 2 }),
        comment('50', null, 'C', { date: after(1) }),
      ]);
      expect(findNewComments(neverOpened, baseline('1', '2', '3'))).toEqual(['50']);
    });

    it('marks undated comments with an id above every id seen, not older ones', () => {
      const undated = paged([comment('40', null, 'A'), comment('70', null, 'B'), comment('71', '70', 'C', { depth: 2 })]);
      expect(findNewComments(undated, baseline('60', '61'))).toEqual(['70', '71']);
    });

    it('marks an old comment approved late among comments the reader saw: a reply to a seen comment', () => {
      const page = paged([
        comment('20', null, 'A', { date: before(50) }),
        // Written before the visit, approved after it: an old date, an id below the highest seen.
        comment('25', '20', 'B', { date: before(49), depth: 2 }),
        comment('30', null, 'C', { date: before(10) }),
      ]);
      expect(findNewComments(page, baseline('20', '30'))).toEqual(['25']);
    });

    it('marks a top-level comment approved late between two seen ones, and its replies', () => {
      const page = paged([
        comment('20', null, 'A', { date: before(50) }),
        comment('21', null, 'B', { date: before(45) }),
        comment('22', '21', 'C', { date: before(44), depth: 2 }),
        comment('30', null, 'D', { date: before(10) }),
      ]);
      expect(findNewComments(page, baseline('20', '30'))).toEqual(['21', '22']);
    });

    it('does not mark old comments that merely shifted onto this page from one never opened', () => {
      // Newest-first comment pages: new comments pushed comments 30 and 31 (seen on page 1) onto page 2,
      // above older ones the reader never opened.
      const page = paged([
        comment('31', null, 'A', { date: before(5) }),
        comment('30', null, 'B', { date: before(6) }),
        comment('25', null, 'C', { date: before(60) }),
        comment('26', '25', 'D', { date: before(59), depth: 2 }),
        comment('24', null, 'E', { date: before(70) }),
      ]);
      expect(findNewComments(page, baseline('30', '31', '40', '41'))).toEqual([]);
    });
  });
});

describe('mostRecentComments', () => {
  it('orders by date, then id, most recent first, pingbacks apart', () => {
    const comments = [
      comment('5', null, 'A', { date: '2024-12-01T10:00:00Z' }),
      comment('7', null, 'B', { date: '2024-12-03T10:00:00Z' }),
      comment('6', null, 'C', { date: '2024-12-03T10:00:00Z' }),
      comment('8', null, 'Blog', { type: 'pingback', date: '2024-12-09T10:00:00Z' }),
      comment('9', '5', 'D', { date: '2024-12-02T10:00:00Z', depth: 2 }),
    ];
    expect(mostRecentComments(comments, 3)).toEqual(['7', '6', '9']);
    expect(mostRecentComments(comments, 10)).toEqual(['7', '6', '9', '5']);
  });

  it('orders by id when some comments have no usable date; ids that are not numbers last', () => {
    const comments = [
      comment('5', null, 'A', { date: '2024-12-01T10:00:00Z' }),
      comment('anon-x', null, 'B'),
      comment('12', null, 'C', { date: 'not a date' }),
      comment('9', null, 'D', { date: '2024-12-09T10:00:00Z' }),
    ];
    expect(mostRecentComments(comments, 4)).toEqual(['12', '9', '5', 'anon-x']);
  });

  it('is empty for no count or a bad count', () => {
    const comments = [comment('1', null, 'A')];
    expect(mostRecentComments(comments, 0)).toEqual([]);
    expect(mostRecentComments(comments, Number.NaN)).toEqual([]);
    expect(mostRecentComments(comments, 2.7)).toEqual(['1']);
  });
});

describe('commentTime', () => {
  it('accepts ISO dates and refuses missing, invalid and implausible ones', () => {
    expect(commentTime({ date: '2010-06-15T07:45:00+00:00' })).toBe(Date.UTC(2010, 5, 15, 7, 45));
    expect(commentTime({ date: null })).toBeNull();
    expect(commentTime({ date: 'hier' })).toBeNull();
    expect(commentTime({ date: '0000-00-00T00:00:00+00:00' })).toBeNull();
    expect(commentTime({ date: '1970-01-01T00:00:00Z' })).toBeNull();
  });
});
