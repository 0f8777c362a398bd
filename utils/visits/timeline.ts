/**
 * The discussion over time, as data for the popup's chart: comments per hour, day, week, month or year (the finest
 * unit that keeps the chart within `maxBins` bars), the post author's replies as ticks, the reader's last visit as
 * a mark. Periods are calendar periods in the reader's time zone. Comments without a usable machine date are
 * counted apart (`undated`), never placed on a guessed date. Pure and JSON-serializable: the content script builds
 * it, the popup draws it (components/popup/Timeline.tsx).
 */
import { commentTime } from '@/utils/visits/new-comments';
import type { ThreadComment } from '@/utils/thread/types';

export type TimelineUnit = 'hour' | 'day' | 'week' | 'month' | 'year';

export interface TimelineBin {
  /** The period's first moment as a local calendar value: "2024-12-03" (day, week, month: its first day;
   *  year: Jan 1), "2024-12-03T14" for an hour. */
  start: string;
  /** Comments in the period (pingbacks and trackbacks apart). */
  count: number;
  /** Of which written by the post's author. */
  authorCount: number;
  /** Of which new since the last visit (when the new ids were given). */
  newCount: number;
  /** The period's earliest comment (page order breaks ties): where a click on the bar scrolls. Null when empty. */
  firstId: string | null;
}

export interface TimelineData {
  unit: TimelineUnit;
  /** Consecutive periods from the first comment's to the last one's, empty periods included. */
  bins: TimelineBin[];
  /** The author's comments: where they fall along the axis (0 = start of the first period, 1 = end of the last). */
  authorTicks: { id: string; position: number }[];
  /** Where the reader's last visit falls along the axis; null when there was none or it falls outside. */
  lastVisit: number | null;
  /** Comments placed on the chart, and comments left out for lack of a usable date. */
  dated: number;
  undated: number;
  /** First day of the week used for weekly periods (0 = Sunday … 6 = Saturday). */
  weekStartsOn: number;
}

export interface TimelineOptions {
  /** The reader's last visit, ms since the epoch. */
  lastVisit?: number | null;
  /** Ids of the comments new since then. */
  newIds?: Iterable<string>;
  /** IANA time zone of the reader; defaults to the runtime's. */
  timeZone?: string;
  /** First day of the week, 0 = Sunday; defaults to the locale's (Monday when unknown). */
  weekStartsOn?: number;
  /** Locale for the default first day of the week. */
  locale?: string;
  /** At most this many bars. */
  maxBins?: number;
  /** Dates later than this (ms) are not believed: a comment is not written in the future. Default: now + 1 day. */
  now?: number;
}

export const DEFAULT_MAX_BINS = 48;
const DAY_MS = 86_400_000;
const UNITS: TimelineUnit[] = ['hour', 'day', 'week', 'month', 'year'];

/** A moment's calendar fields in a time zone. */
interface LocalTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function localFormatter(timeZone: string | undefined): (time: number) => LocalTime {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    // An unknown time zone name: the runtime's own.
    return localFormatter(undefined);
  }
  const fieldsOf = (time: number): LocalTime => {
    const fields: Record<string, number> = {};
    for (const part of format.formatToParts(time)) if (part.type !== 'literal') fields[part.type] = Number(part.value);
    return {
      year: fields.year!,
      month: fields.month!,
      day: fields.day!,
      hour: fields.hour! % 24,
      minute: fields.minute!,
      second: fields.second!,
    };
  };
  /** The zone's offset at `time`, ms (local calendar time read as UTC, minus the instant). */
  const offsetAt = (time: number): number => {
    const f = fieldsOf(time);
    return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - Math.floor(time / 1000) * 1000;
  };
  // formatToParts is slow (~10 µs): ask for the offset twice per UTC day, and per comment only on a day the
  // offset changes (daylight saving). 5,000 comments: ~60 ms → a few ms.
  const offsetsByDay = new Map<number, [number, number]>();
  return (time) => {
    const day = Math.floor(time / DAY_MS);
    let offsets = offsetsByDay.get(day);
    if (!offsets) {
      offsets = [offsetAt(day * DAY_MS), offsetAt(day * DAY_MS + DAY_MS - 1000)];
      offsetsByDay.set(day, offsets);
    }
    const offset = offsets[0] === offsets[1] ? offsets[0] : offsetAt(time);
    const local = new Date(Math.floor(time / 1000) * 1000 + offset);
    return {
      year: local.getUTCFullYear(),
      month: local.getUTCMonth() + 1,
      day: local.getUTCDate(),
      hour: local.getUTCHours(),
      minute: local.getUTCMinutes(),
      second: local.getUTCSeconds(),
    };
  };
}

/** Days since 1970-01-01 of a calendar date (no time zone involved: calendar arithmetic only). */
const dayNumber = (year: number, month: number, day: number): number => Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
/** 0 = Sunday. */
const weekdayOf = (days: number): number => (((days + 4) % 7) + 7) % 7;
/** Day numbers falling on weekday `weekday` are ≡ this (mod 7) (day 0, 1970-01-01, was a Thursday). */
const weekResidue = (weekday: number): number => (((weekday - 4) % 7) + 7) % 7;
const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
const daysInYear = (year: number): number => dayNumber(year + 1, 1, 1) - dayNumber(year, 1, 1);

/** The locale's first day of the week (Intl.Locale week info where the engine has it), else Monday. */
export function firstDayOfWeek(locale: string | undefined): number {
  try {
    const info = new Intl.Locale(locale ?? 'en') as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    const firstDay = info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay;
    // Intl numbers days 1 = Monday … 7 = Sunday.
    if (typeof firstDay === 'number' && firstDay >= 1 && firstDay <= 7) return firstDay % 7;
  } catch {
    // No Intl.Locale: fall through.
  }
  return 1;
}

/** Which period of `unit` a local time falls in (an integer, consecutive periods consecutive) and how far into it (0..1). */
function periodOf(local: LocalTime, unit: TimelineUnit, weekStartsOn: number): { index: number; fraction: number } {
  const days = dayNumber(local.year, local.month, local.day);
  const dayFraction = (local.hour * 3600 + local.minute * 60 + local.second) / 86_400;
  switch (unit) {
    case 'hour':
      return { index: days * 24 + local.hour, fraction: (local.minute * 60 + local.second) / 3600 };
    case 'day':
      return { index: days, fraction: dayFraction };
    case 'week': {
      const offset = (weekdayOf(days) - weekStartsOn + 7) % 7;
      // Every week starts on a day number ≡ weekResidue (mod 7): the index is exact.
      return { index: (days - offset - weekResidue(weekStartsOn)) / 7, fraction: (offset + dayFraction) / 7 };
    }
    case 'month':
      return {
        index: local.year * 12 + local.month - 1,
        fraction: (local.day - 1 + dayFraction) / daysInMonth(local.year, local.month),
      };
    case 'year':
      return {
        index: local.year,
        fraction: (days - dayNumber(local.year, 1, 1) + dayFraction) / daysInYear(local.year),
      };
  }
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function dateText(days: number): string {
  const date = new Date(days * DAY_MS);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The `start` label of period `index` of `unit`. */
function periodStart(index: number, unit: TimelineUnit, weekStartsOn: number): string {
  switch (unit) {
    case 'hour':
      return `${dateText(Math.floor(index / 24))}T${pad(((index % 24) + 24) % 24)}`;
    case 'day':
      return dateText(index);
    case 'week':
      return dateText(index * 7 + weekResidue(weekStartsOn));
    case 'month':
      return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}-01`;
    case 'year':
      return `${pad(index, 4)}-01-01`;
  }
}

interface Dated {
  comment: ThreadComment;
  order: number;
  time: number;
  local: LocalTime;
}

/**
 * The timeline of `comments` (a thread's, in page order). Null when there is nothing to draw: no comment has a
 * usable date (the popup then says so, with `undatedCount`).
 */
export function buildTimeline(comments: readonly ThreadComment[], options: TimelineOptions = {}): TimelineData | null {
  const maxBins = Math.max(1, Math.floor(options.maxBins ?? DEFAULT_MAX_BINS));
  const latest = (options.now ?? Date.now()) + DAY_MS;
  const weekStartsOn = options.weekStartsOn ?? firstDayOfWeek(options.locale);
  const newIds = new Set(options.newIds ?? []);
  const toLocal = localFormatter(options.timeZone);

  const own = comments.filter((comment) => comment.type === 'comment');
  const dated: Dated[] = [];
  own.forEach((comment, order) => {
    const time = commentTime(comment);
    if (time !== null && time <= latest) dated.push({ comment, order, time, local: toLocal(time) });
  });
  if (dated.length === 0) return null;
  dated.sort((a, b) => a.time - b.time || a.order - b.order);
  const first = dated[0]!.local;
  const last = dated[dated.length - 1]!.local;

  // The finest unit whose periods from the first comment to the last fit in maxBins.
  let unit: TimelineUnit = 'year';
  for (const candidate of UNITS) {
    const span = periodOf(last, candidate, weekStartsOn).index - periodOf(first, candidate, weekStartsOn).index + 1;
    if (span <= maxBins) {
      unit = candidate;
      break;
    }
  }
  const firstIndex = periodOf(first, unit, weekStartsOn).index;
  const lastIndex = periodOf(last, unit, weekStartsOn).index;
  const binCount = lastIndex - firstIndex + 1;
  const bins: TimelineBin[] = Array.from({ length: binCount }, (_, i) => ({
    start: periodStart(firstIndex + i, unit, weekStartsOn),
    count: 0,
    authorCount: 0,
    newCount: 0,
    firstId: null,
  }));
  const position = (local: LocalTime): number => {
    const { index, fraction } = periodOf(local, unit, weekStartsOn);
    return (index - firstIndex + fraction) / binCount;
  };

  const authorTicks: TimelineData['authorTicks'] = [];
  for (const { comment, local } of dated) {
    const bin = bins[periodOf(local, unit, weekStartsOn).index - firstIndex]!;
    bin.count++;
    bin.firstId ??= comment.id;
    if (comment.isPostAuthor) {
      bin.authorCount++;
      authorTicks.push({ id: comment.id, position: position(local) });
    }
    if (newIds.has(comment.id)) bin.newCount++;
  }

  let lastVisit: number | null = null;
  if (typeof options.lastVisit === 'number' && Number.isFinite(options.lastVisit) && options.lastVisit > 0) {
    const at = position(toLocal(options.lastVisit));
    if (at >= 0 && at <= 1) lastVisit = at;
  }

  return { unit, bins, authorTicks, lastVisit, dated: dated.length, undated: own.length - dated.length, weekStartsOn };
}
