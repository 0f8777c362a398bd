/**
 * Reading the content script's answer defensively: the popup must show a clear state whatever comes back
 * (an older content script in a tab opened before an update, a half-built reply, nothing at all).
 */
import type { PageState, PageStatus, ParticipantSummary } from '@/utils/messaging/protocol';
import { PROFILES } from '@/utils/dialects/index';
import type { MarkupDialect, ThreadStats } from '@/utils/thread/types';

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
  };
}
