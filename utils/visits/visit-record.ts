/**
 * What the reader has seen of one post, and the operations on it. Pure: the store (utils/storage/visits.ts) reads
 * a record, applies one of these operations and writes the result, so two tabs writing the same post merge instead
 * of overwriting each other (every operation only adds ids and moves times forward).
 *
 * A *visit* is the time the reader spends with a post, reloads and short absences included: it starts when the
 * post is opened and ends `VISIT_IDLE_MS` after the reader's last activity on it (a load, comments arriving, the
 * tab hidden), or when the reader marks everything as read. While a visit lasts, what counts as new is measured
 * against what was seen when the PREVIOUS visit ended, so a reload keeps showing what was new
 * (docs/new-since-last-visit.md, "When a visit is recorded").
 */

/**
 * - `first`: no earlier visit of this post is remembered (nothing is marked new; "the N most recent" may be offered);
 * - `return`: there is one; `baseline()` says what was seen and when;
 * - `private`: a private window: nothing is read or stored;
 * - `unavailable`: no post key (not a web page) or the browser does not say whether the window is private.
 */
export type VisitStatus = 'first' | 'return' | 'private' | 'unavailable';

/** A visit ends this long after the reader's last activity on the post. */
export const VISIT_IDLE_MS = 30 * 60_000;

/** What the reader had seen when their previous visit ended: the reference for "new". */
export interface VisitBaseline {
  /** Ids of every comment the reader had been shown. */
  readonly seen: ReadonlySet<string>;
  /** When that visit ended (its last activity), ms since the epoch. */
  readonly at: number;
}

export interface CurrentVisit {
  /** Ids shown during this visit (at load, and arrivals). */
  ids: Set<string>;
  /** When the visit started and when the reader was last active on the post, ms since the epoch. */
  start: number;
  last: number;
}

export interface PostVisits {
  /** Ids seen by the end of the previous visits (empty before the first visit ends). */
  seen: Set<string>;
  /** When the previous visit ended; 0 = there was none. */
  seenAt: number;
  /** The visit in progress (possibly idle for longer than VISIT_IDLE_MS: it is closed on the next operation). */
  current: CurrentVisit | null;
}

export function emptyPostVisits(): PostVisits {
  return { seen: new Set(), seenAt: 0, current: null };
}

/** The time of the reader's last activity on the post (0 for an empty record): what expiry and eviction go by. */
export function lastActivity(record: PostVisits): number {
  return Math.max(record.seenAt, record.current?.last ?? 0);
}

/** What the reader had seen before the visit in progress; null when no visit has ended yet (a first visit). */
export function baselineOf(record: PostVisits | null): VisitBaseline | null {
  if (!record || record.seenAt <= 0) return null;
  return { seen: record.seen, at: record.seenAt };
}

/** A deep copy: operations never change the record they are given. */
function copy(record: PostVisits | null): PostVisits {
  if (!record) return emptyPostVisits();
  return {
    seen: new Set(record.seen),
    seenAt: record.seenAt,
    current: record.current && { ...record.current, ids: new Set(record.current.ids) },
  };
}

/** Close a visit that has been idle for VISIT_IDLE_MS: its ids join `seen`, its last activity becomes `seenAt`. */
function closeIdleVisit(record: PostVisits, now: number): void {
  const current = record.current;
  if (!current || now - current.last <= VISIT_IDLE_MS) return;
  for (const id of current.ids) record.seen.add(id);
  record.seenAt = Math.max(record.seenAt, current.last);
  record.current = null;
}

/**
 * The post is shown (opened, reloaded) or shows more comments (arrivals): `ids` are on screen now. Closes an idle
 * visit first, then starts or continues the current one.
 */
export function recordDisplayed(record: PostVisits | null, ids: Iterable<string>, now: number): PostVisits {
  const next = copy(record);
  closeIdleVisit(next, now);
  const current = (next.current ??= { ids: new Set(), start: now, last: now });
  for (const id of ids) current.ids.add(id);
  current.start = Math.min(current.start, now);
  current.last = Math.max(current.last, now);
  return next;
}

/** The reader is still with the post, or leaving it (tab hidden, page closed): the visit was active until now. */
export function recordActivity(record: PostVisits | null, now: number): PostVisits {
  const next = copy(record);
  closeIdleVisit(next, now);
  if (next.current) next.current.last = Math.max(next.current.last, now);
  return next;
}

/**
 * "Mark all as read": everything shown so far, and `ids`, is seen as of `now`; the visit in progress ends, so
 * nothing on the page counts as new any more (a reload included).
 */
export function recordAllRead(record: PostVisits | null, ids: Iterable<string>, now: number): PostVisits {
  const next = copy(record);
  for (const id of next.current?.ids ?? []) next.seen.add(id);
  for (const id of ids) next.seen.add(id);
  next.seenAt = Math.max(next.seenAt, now, next.current?.last ?? 0);
  next.current = null;
  return next;
}

/** Does `record` hold every id of `ids`, seen or shown in the visit in progress? */
export function holdsAll(record: PostVisits, ids: Iterable<string>): boolean {
  for (const id of ids) if (!record.seen.has(id) && !record.current?.ids.has(id)) return false;
  return true;
}
