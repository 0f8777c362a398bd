/**
 * Reading the content script's answer defensively: the popup must show a clear state whatever comes back
 * (an older content script in a tab opened before an update, a half-built reply, nothing at all).
 */
import type { PageMergeState, PageState, PageStatus, PageVisitState, ParticipantSummary } from '@/utils/messaging/protocol';
import { PROFILES } from '@/utils/dialects/index';
import type { MarkupDialect, ThreadStats } from '@/utils/thread/types';
import type { TimelineData, TimelineUnit } from '@/utils/visits/timeline';
import type { VisitStatus } from '@/utils/visits/visit-record';

const STATUSES: readonly PageStatus[] = ['loading', 'enhanced', 'found-disabled', 'none', 'unreadable', 'error'];

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const count = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.floor(v) : 0);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const textOrNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function readStats(v: unknown): ThreadStats | undefined {
  if (!isRecord(v)) return undefined;
  return {
    comments: count(v.comments),
    participants: count(v.participants),
    postAuthorReplies: count(v.postAuthorReplies),
    pingbacks: count(v.pingbacks),
    trackbacks: count(v.trackbacks),
    maxDepth: count(v.maxDepth),
    topLevelThreads: count(v.topLevelThreads),
    topLevelThreadsWithAuthorReply: count(v.topLevelThreadsWithAuthorReply),
    firstDate: textOrNull(v.firstDate),
    lastDate: textOrNull(v.lastDate),
    largestThreads: (Array.isArray(v.largestThreads) ? v.largestThreads : [])
      .filter(isRecord)
      .map((thread) => ({ id: text(thread.id), author: text(thread.author), size: count(thread.size) })),
  };
}

function readParticipants(v: unknown): ParticipantSummary[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((p): p is Record<string, unknown> => isRecord(p) && typeof p.key === 'string')
    .map((p) => ({
      key: p.key as string,
      name: text(p.name),
      url: textOrNull(p.url),
      isPostAuthor: p.isPostAuthor === true,
      count: count(p.count),
      ...(p.newCount !== undefined && { newCount: Math.min(count(p.newCount), count(p.count)) }),
    }));
}

function readPings(v: unknown): NonNullable<PageState['pings']> {
  if (!Array.isArray(v)) return [];
  return v.filter(isRecord).map((ping, i) => ({
    id: text(ping.id) || `ping-${i}`,
    title: text(ping.title),
    url: textOrNull(ping.url),
    type: ping.type === 'trackback' ? 'trackback' : 'pingback',
  }));
}

function readPagination(v: unknown): PageState['pagination'] {
  if (!isRecord(v)) return null;
  const page = (n: unknown) => (typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : null);
  return { current: page(v.current), total: page(v.total) };
}

const VISIT_STATUSES: readonly VisitStatus[] = ['first', 'return', 'private', 'unavailable'];
const UNITS: readonly TimelineUnit[] = ['hour', 'day', 'week', 'month', 'year'];
/** More bars than this is not a timeline the content script built. */
const MAX_BINS = 400;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;
const fraction = (v: unknown): number | null => (typeof v === 'number' && v >= 0 && v <= 1 ? v : null);

function readVisit(v: unknown): PageVisitState | undefined {
  if (!isRecord(v) || !VISIT_STATUSES.includes(v.status as VisitStatus)) return undefined;
  const lastVisit = isTime(v.lastVisit) ? v.lastVisit : null;
  // A return visit without its date cannot say "since when": read it as a first visit.
  const status = v.status === 'return' && lastVisit === null ? 'first' : (v.status as VisitStatus);
  return { status, lastVisit: status === 'return' ? lastVisit : null, newCount: status === 'return' ? count(v.newCount) : 0 };
}

/** The timeline: undefined when absent, null when the page said there is none, else a checked copy. */
function readTimeline(v: unknown): TimelineData | null | undefined {
  if (v === null) return null;
  if (!isRecord(v) || !UNITS.includes(v.unit as TimelineUnit) || !Array.isArray(v.bins)) return undefined;
  if (v.bins.length === 0 || v.bins.length > MAX_BINS) return undefined;
  const bins = v.bins.filter(isRecord).map((bin) => {
    const total = count(bin.count);
    return {
      start: text(bin.start),
      count: total,
      authorCount: Math.min(count(bin.authorCount), total),
      newCount: Math.min(count(bin.newCount), total),
      firstId: total > 0 ? textOrNull(bin.firstId) : null,
    };
  });
  if (bins.length !== v.bins.length || bins.some((bin) => !bin.start)) return undefined;
  const ticks = (Array.isArray(v.authorTicks) ? v.authorTicks : [])
    .filter(isRecord)
    .flatMap((tick) => {
      const position = fraction(tick.position);
      return position === null ? [] : [{ id: text(tick.id), position }];
    });
  const weekStartsOn = count(v.weekStartsOn);
  return {
    unit: v.unit as TimelineUnit,
    bins,
    authorTicks: ticks,
    lastVisit: fraction(v.lastVisit),
    dated: count(v.dated),
    undated: count(v.undated),
    weekStartsOn: weekStartsOn <= 6 ? weekStartsOn : 1,
  };
}

const MERGE_STATUSES: readonly PageMergeState['status'][] = ['available', 'loading', 'done', 'unsupported'];
/** More problems than pages the merge ever loads (20) with their warnings is not a reply the content script built. */
const MAX_MERGE_PROBLEMS = 100;

function readMerge(v: unknown): PageMergeState | undefined {
  if (!isRecord(v) || !MERGE_STATUSES.includes(v.status as PageMergeState['status'])) return undefined;
  const problems = (Array.isArray(v.problems) ? v.problems : []).filter((p): p is string => typeof p === 'string' && p !== '');
  return { status: v.status as PageMergeState['status'], text: text(v.text), problems: problems.slice(0, MAX_MERGE_PROBLEMS) };
}

function readDialect(v: unknown): MarkupDialect | undefined {
  return PROFILES.find((profile) => profile.dialect === v)?.dialect;
}

/** A usable PageState from the content script's reply, or null when the reply is not one. */
export function readPageState(reply: unknown): PageState | null {
  if (!isRecord(reply) || !STATUSES.includes(reply.status as PageStatus)) return null;
  const postAuthor = isRecord(reply.postAuthor) && typeof reply.postAuthor.name === 'string' ? reply.postAuthor : null;
  return {
    status: reply.status as PageStatus,
    hostname: typeof reply.hostname === 'string' && reply.hostname ? reply.hostname : undefined,
    system: typeof reply.system === 'string' ? (reply.system as PageState['system']) : undefined,
    stats: readStats(reply.stats),
    dialect: readDialect(reply.dialect),
    postAuthor: postAuthor as PageState['postAuthor'],
    participants: readParticipants(reply.participants),
    pings: readPings(reply.pings),
    pagination: readPagination(reply.pagination),
    errors: (Array.isArray(reply.errors) ? reply.errors : []).map((e) => (typeof e === 'string' ? e : String(e))),
    ...optional('visit', readVisit(reply.visit)),
    ...optional('timeline', readTimeline(reply.timeline)),
    ...optional('merge', readMerge(reply.merge)),
  };
}

/** `{ [key]: value }`, or nothing when value is undefined (absent fields stay absent). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}
