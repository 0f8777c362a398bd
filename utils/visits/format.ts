/**
 * Visit dates and timeline periods in the reader's language, and the one "N new since …" phrase that the popup and
 * the in-page toolbar share (one set of figures, one wording).
 */
import { t, tn, uiLanguage } from '@/utils/i18n';
import type { TimelineUnit } from '@/utils/visits/timeline';

function format(time: number, options: Intl.DateTimeFormatOptions, fallback: () => string): string {
  try {
    return new Intl.DateTimeFormat(uiLanguage(), options).format(time);
  } catch {
    return fallback();
  }
}

/** The calendar date of `time` in `timeZone` ("2024-12-03"), for same-day and same-year comparisons. */
function calendarDate(time: number, timeZone?: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(time);
  } catch {
    return new Date(time).toISOString().slice(0, 10);
  }
}

export interface VisitTimeText {
  /** "14:05" when the visit was today, "3 Dec" this year, "3 Dec 2023" before. */
  text: string;
  /** Whether `text` is a time of day (the phrases differ: "depuis 14:05" / "depuis le 3 déc."). */
  isTime: boolean;
}

/** When the last visit was, as short as is clear, relative to `now`. */
export function formatVisitTime(time: number, now: number = Date.now(), timeZone?: string): VisitTimeText {
  const day = calendarDate(time, timeZone);
  const today = calendarDate(now, timeZone);
  const iso = () => new Date(time).toISOString().slice(0, 16).replace('T', ' ');
  if (day === today) {
    return { text: format(time, { timeStyle: 'short', timeZone }, iso), isTime: true };
  }
  const sameYear = day.slice(0, 4) === today.slice(0, 4);
  const options: Intl.DateTimeFormatOptions = sameYear
    ? { day: 'numeric', month: 'short', timeZone }
    : { day: 'numeric', month: 'short', year: 'numeric', timeZone };
  return { text: format(time, options, iso), isTime: false };
}

/** "7 new since 3 Dec" / "7 nouveaux depuis le 3 déc.", "Nothing new since 14:05". */
export function newSincePhrase(count: number, lastVisit: number, now: number = Date.now(), timeZone?: string): string {
  const when = formatVisitTime(lastVisit, now, timeZone);
  if (count <= 0) return t(when.isTime ? 'visit_noneSinceTime' : 'visit_noneSinceDate', when.text);
  return tn(when.isTime ? 'visit_newSinceTime' : 'visit_newSinceDate', count, when.text);
}

/** A timeline period's start ("2024-12-03", "2024-12-03T14") as a UTC instant of that calendar value. */
function periodInstant(start: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}))?$/.exec(start);
  if (!match) return null;
  const [, y, m, d, h] = match;
  return Date.UTC(Number(y), Number(m) - 1, Number(d), Number(h ?? 0));
}

/**
 * A period of the timeline in words: "Tue, Dec 3, 2024", "Week of Dec 2, 2024", "December 2024", "2024",
 * "Dec 3, 14:00". Formatted in UTC because `start` is already a calendar value of the reader's time zone.
 */
export function formatPeriod(start: string, unit: TimelineUnit): string {
  const instant = periodInstant(start);
  if (instant === null) return start;
  const utc = (options: Intl.DateTimeFormatOptions) => format(instant, { ...options, timeZone: 'UTC' }, () => start);
  switch (unit) {
    case 'hour':
      return utc({ month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
    case 'day':
      return utc({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
    case 'week':
      return t('popup_timelineWeekOf', utc({ day: 'numeric', month: 'short', year: 'numeric' }));
    case 'month':
      return utc({ month: 'long', year: 'numeric' });
    case 'year':
      return utc({ year: 'numeric' });
  }
}

/** A short axis label for a period: "Dec 3", "Dec 2024", "2024", "14:00". */
export function formatPeriodShort(start: string, unit: TimelineUnit): string {
  const instant = periodInstant(start);
  if (instant === null) return start;
  const options: Intl.DateTimeFormatOptions =
    unit === 'hour'
      ? { hour: 'numeric', minute: '2-digit' }
      : unit === 'day' || unit === 'week'
        ? { day: 'numeric', month: 'short' }
        : unit === 'month'
          ? { month: 'short', year: 'numeric' }
          : { year: 'numeric' };
  return format(instant, { ...options, timeZone: 'UTC' }, () => start);
}
