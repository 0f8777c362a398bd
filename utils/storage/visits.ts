/**
 * The reader's visits: what they have seen of each post (utils/visits/visit-record.ts), in `storage.local` only
 * (never synced, never sent). One small item per post, `local:visit:<post key>`, so a write touches one post and
 * two tabs of different posts never collide; one index item, `local:visits` (versioned like the options item),
 * lists the posts with their last activity and size so that old ones can be forgotten without reading them all.
 *
 * Bounds: a post not visited for 30 days is forgotten; at most MAX_REMEMBERED_POSTS posts and MAX_VISIT_BYTES in
 * all, the least recently visited evicted first; a write refused for quota evicts the oldest posts and retries.
 * Nothing here throws: a failure is reported through `onError` and the operation returns null. Only `visit:` keys
 * and the index are ever removed; the options item is never touched. Design: docs/new-since-last-visit.md.
 */
import { browser, storage, type WxtStorageItem } from '#imports';
import { decodeIdSet, encodeIdSet } from '@/utils/visits/id-set';
import { lastActivity, type PostVisits } from '@/utils/visits/visit-record';

const DAY_MS = 24 * 60 * 60_000;
/** A post not visited for this long is forgotten. */
export const VISIT_RETENTION_MS = 30 * DAY_MS;
/** At most this many posts are remembered; the least recently visited go first. */
export const MAX_REMEMBERED_POSTS = 500;
/** At most this many bytes (JSON) of records in all: well under Chrome's 10 MB `storage.local` quota. */
export const MAX_VISIT_BYTES = 4_000_000;
/** How often the index is checked against the records actually stored (lost index updates, crashes). */
export const SWEEP_INTERVAL_MS = DAY_MS;
/** Prefix of the per-post items in `storage.local` (the driver key, without WXT's `local:` area). */
export const VISIT_KEY_PREFIX = 'visit:';

// ------------------------------------------------------------------------------------------ stored shapes

/** A post's record as stored, version 1. Id sets are compact text (utils/visits/id-set.ts). */
export interface StoredPostVisitsV1 {
  v: 1;
  seen: string;
  seenAt: number;
  cur: { ids: string; start: number; last: number } | null;
}

/** The version of the per-post records this build writes. */
export const POST_VISITS_VERSION = 1;

/**
 * Record schema history: `migrations[n]` turns a version n-1 record into version n. v1 is the first shape. Next
 * change: bump POST_VISITS_VERSION and add `2: (v1) => ({ ...v1, v: 2, … })`; decodePostVisits reads only the
 * current shape, so every older record goes through the chain first (see migrateRecord).
 */
export const POST_VISITS_MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {};

/**
 * A stored record brought to `version` through `migrations`; null when it cannot be (not a record, no version,
 * a version newer than this build knows, a missing step, a step that throws). Exported for the migration tests.
 */
export function migrateRecord(
  raw: unknown,
  migrations: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = POST_VISITS_MIGRATIONS,
  version: number = POST_VISITS_VERSION,
): Record<string, unknown> | null {
  if (!isRecord(raw) || !Number.isInteger(raw.v)) return null;
  let value: Record<string, unknown> = raw;
  for (let from = raw.v as number; from < version; from++) {
    const step = migrations[from + 1];
    if (!step) return null;
    try {
      value = step(value);
    } catch {
      return null;
    }
    if (!isRecord(value)) return null;
  }
  return value.v === version ? value : null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** A record in memory from what storage holds; null when absent, corrupted or of an unknown version. */
export function decodePostVisits(raw: unknown): PostVisits | null {
  const value = migrateRecord(raw);
  if (!value || !isTime(value.seenAt)) return null;
  const seen = decodeIdSet(value.seen);
  if (!seen) return null;
  let current: PostVisits['current'] = null;
  if (value.cur !== null && value.cur !== undefined) {
    const cur = value.cur;
    if (!isRecord(cur) || !isTime(cur.start) || !isTime(cur.last)) return null;
    const ids = decodeIdSet(cur.ids);
    if (!ids) return null;
    current = { ids, start: cur.start, last: Math.max(cur.last, cur.start) };
  }
  return { seen, seenAt: value.seenAt, current };
}

export function encodePostVisits(record: PostVisits): StoredPostVisitsV1 {
  const cur = record.current;
  return {
    v: 1,
    seen: encodeIdSet(record.seen),
    seenAt: record.seenAt,
    cur: cur && { ids: encodeIdSet(cur.ids), start: cur.start, last: cur.last },
  };
}

// ------------------------------------------------------------------------------------------------- index

export interface VisitIndexEntry {
  /** Last activity on the post, ms since the epoch. */
  at: number;
  /** Size of its stored record in bytes (JSON), for the total budget. */
  size: number;
}

export interface VisitIndex {
  posts: Record<string, VisitIndexEntry>;
  /** When the index was last checked against the stored records (0 = never). */
  sweptAt: number;
}

const EMPTY_INDEX: VisitIndex = { posts: {}, sweptAt: 0 };

/** A usable index from whatever storage holds: entries that are not one are dropped, one by one. Never throws. */
export function normalizeVisitIndex(stored: unknown): VisitIndex {
  if (!isRecord(stored)) return { posts: {}, sweptAt: 0 };
  const posts: Record<string, VisitIndexEntry> = {};
  if (isRecord(stored.posts)) {
    for (const [key, entry] of Object.entries(stored.posts)) {
      if (key && isRecord(entry) && isTime(entry.at) && isTime(entry.size)) posts[key] = { at: entry.at, size: entry.size };
    }
  }
  return { posts, sweptAt: isTime(stored.sweptAt) ? stored.sweptAt : 0 };
}

/** Index schema history, as for the options item: v1 is the first shape, read entry by entry. */
export const VISIT_INDEX_MIGRATIONS: Record<number, (old: unknown) => VisitIndex> = { 1: normalizeVisitIndex };

const storedIndexItem = storage.defineItem<VisitIndex>('local:visits', {
  fallback: EMPTY_INDEX,
  version: 1,
  migrations: VISIT_INDEX_MIGRATIONS,
});

/** The index item; reads and writes are normalized (see normalizeVisitIndex). */
export const visitIndexItem: WxtStorageItem<VisitIndex, {}> = {
  ...storedIndexItem,
  getValue: async () => normalizeVisitIndex(await storedIndexItem.getValue()),
  setValue: (value) => storedIndexItem.setValue(normalizeVisitIndex(value)),
  watch: (callback) =>
    storedIndexItem.watch((next, previous) => callback(normalizeVisitIndex(next), normalizeVisitIndex(previous))),
};

/** The storage key of a post's record. */
export function postVisitsKey(postKey: string): `local:${string}` {
  return `local:${VISIT_KEY_PREFIX}${postKey}`;
}

/**
 * The posts to forget under the bounds, least recently visited first: those idle for VISIT_RETENTION_MS, then the
 * oldest beyond MAX_REMEMBERED_POSTS, then the oldest until the total fits MAX_VISIT_BYTES. `keep` is never chosen.
 */
export function postsToForget(
  index: VisitIndex,
  now: number,
  keep: string | null,
  limits: { maxPosts?: number; maxBytes?: number; retention?: number } = {},
): string[] {
  const { maxPosts = MAX_REMEMBERED_POSTS, maxBytes = MAX_VISIT_BYTES, retention = VISIT_RETENTION_MS } = limits;
  const entries = Object.entries(index.posts).sort((a, b) => a[1].at - b[1].at || (a[0] < b[0] ? -1 : 1));
  const forget: string[] = [];
  let count = entries.length;
  let bytes = entries.reduce((sum, [, entry]) => sum + entry.size, 0);
  for (const [key, entry] of entries) {
    if (key === keep) continue;
    const expired = now - entry.at > retention;
    if (!expired && count <= maxPosts && bytes <= maxBytes) continue;
    forget.push(key);
    count--;
    bytes -= entry.size;
  }
  return forget;
}

// ----------------------------------------------------------------------------------------------- writing

export type VisitErrorReporter = (error: unknown, where: string) => void;

export interface VisitWriteOptions {
  now?: number;
  onError?: VisitErrorReporter;
}

/** Storage refused the write for lack of room (Chrome: "QUOTA_BYTES quota exceeded"; Firefox: QuotaExceededError). */
export function isQuotaError(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /quota/i.test(text);
}

/** How many times a write refused for quota is retried, each after evicting more of the oldest posts. */
const QUOTA_RETRIES = 3;

/** Updates from this context, one after the other (the index is shared by every post). */
let pending: Promise<unknown> = Promise.resolve();

function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = pending.then(task, task);
  pending = run.catch(() => {});
  return run;
}

/** Bytes an item takes in storage.local, roughly as Chrome counts them: its key and its JSON. */
function sizeOf(key: string, value: unknown): number {
  return key.replace(/^local:/, '').length + JSON.stringify(value).length;
}

async function removePosts(keys: string[]): Promise<void> {
  if (keys.length > 0) await storage.removeItems(keys.map(postVisitsKey));
}

/** Forget the oldest quarter (at least one) of the posts other than `keep`, to make room. False when none is left. */
async function evictForRoom(keep: string): Promise<boolean> {
  const index = await visitIndexItem.getValue();
  const others = Object.entries(index.posts)
    .filter(([key]) => key !== keep)
    .sort((a, b) => a[1].at - b[1].at)
    .map(([key]) => key);
  if (others.length === 0) return false;
  const victims = others.slice(0, Math.max(1, Math.ceil(others.length / 4)));
  await removePosts(victims);
  for (const key of victims) delete index.posts[key];
  await visitIndexItem.setValue(index);
  return true;
}

/** `write`, retried after evictions while storage says it is full. */
async function writeMakingRoom(keep: string, write: () => Promise<void>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await write();
      return;
    } catch (error) {
      if (!isQuotaError(error) || attempt >= QUOTA_RETRIES || !(await evictForRoom(keep))) throw error;
    }
  }
}

/** Every key `storage.local` holds (getKeys where the browser has it, else a full read). */
async function storedKeys(): Promise<string[]> {
  const area = browser.storage.local as typeof browser.storage.local & { getKeys?: () => Promise<string[]> };
  if (typeof area.getKeys === 'function') {
    try {
      return await area.getKeys();
    } catch {
      // Declared but not working (older engines, test doubles): read everything instead.
    }
  }
  return Object.keys(await area.get(null));
}

/**
 * Bring the index in line with the records stored: a record the index lost (two contexts writing the index at
 * once) is added back with its own last activity, so it ages out; an entry without a record is dropped.
 */
async function sweep(index: VisitIndex, now: number): Promise<void> {
  const recordKeys = (await storedKeys()).filter((key) => key.startsWith(VISIT_KEY_PREFIX));
  const postKeys = new Set(recordKeys.map((key) => key.slice(VISIT_KEY_PREFIX.length)));
  for (const key of Object.keys(index.posts)) if (!postKeys.has(key)) delete index.posts[key];
  const orphans = [...postKeys].filter((key) => !(key in index.posts));
  if (orphans.length > 0) {
    const values = await storage.getItems(orphans.map(postVisitsKey));
    for (const { key, value } of values) {
      const postKey = key.slice(`local:${VISIT_KEY_PREFIX}`.length);
      const record = decodePostVisits(value);
      // An unreadable record is given time 0: it is forgotten by this very pass.
      index.posts[postKey] = { at: record ? lastActivity(record) : 0, size: sizeOf(key, value ?? null) };
    }
  }
  index.sweptAt = now;
}

/** Record `postKey`'s new size and activity in the index, and forget what the bounds say to forget. */
async function updateIndex(postKey: string, entry: VisitIndexEntry, now: number): Promise<void> {
  const index = await visitIndexItem.getValue();
  index.posts[postKey] = entry;
  if (now - index.sweptAt > SWEEP_INTERVAL_MS || index.sweptAt > now) await sweep(index, now);
  const forget = postsToForget(index, now, postKey);
  for (const key of forget) delete index.posts[key];
  await writeMakingRoom(postKey, () => visitIndexItem.setValue(index));
  await removePosts(forget);
}

/** A post's record; null when there is none, it is unreadable, or storage failed (reported). Never throws. */
export async function readPostVisits(postKey: string, options: { onError?: VisitErrorReporter } = {}): Promise<PostVisits | null> {
  try {
    return decodePostVisits(await storage.getItem(postVisitsKey(postKey)));
  } catch (error) {
    options.onError?.(error, 'visits (read)');
    return null;
  }
}

/**
 * Read a post's record, apply `operation` to what is stored NOW (not to an older copy: another tab may have written
 * since), write the result and update the index. Returns what was written, or null when storage failed (reported
 * through `onError`; nothing thrown). `operation` must only add (ids, later times): that is what makes concurrent
 * writers merge.
 */
export function updatePostVisits(
  postKey: string,
  operation: (current: PostVisits | null) => PostVisits,
  options: VisitWriteOptions = {},
): Promise<PostVisits | null> {
  return serialized(async () => {
    const now = options.now ?? Date.now();
    try {
      const key = postVisitsKey(postKey);
      const next = operation(decodePostVisits(await storage.getItem(key)));
      // Nothing seen and no visit (an activity on a post that was forgotten meanwhile): nothing to remember.
      if (next.seenAt === 0 && !next.current) return next;
      const stored = encodePostVisits(next);
      await writeMakingRoom(postKey, () => storage.setItem(key, stored));
      await updateIndex(postKey, { at: lastActivity(next), size: sizeOf(key, stored) }, now);
      return next;
    } catch (error) {
      options.onError?.(error, 'visits (write)');
      return null;
    }
  });
}

/** Forget one post. */
export function forgetPost(postKey: string, options: { onError?: VisitErrorReporter } = {}): Promise<boolean> {
  return serialized(async () => {
    try {
      await removePosts([postKey]);
      const index = await visitIndexItem.getValue();
      delete index.posts[postKey];
      await visitIndexItem.setValue(index);
      return true;
    } catch (error) {
      options.onError?.(error, 'visits (forget)');
      return false;
    }
  });
}

/** Forget every visit (the popup's "Forget what I have read"). The options item stays. */
export function forgetAllVisits(options: { onError?: VisitErrorReporter } = {}): Promise<boolean> {
  return serialized(async () => {
    try {
      const keys = (await storedKeys()).filter((key) => key.startsWith(VISIT_KEY_PREFIX));
      await storage.removeItems(keys.map((key) => `local:${key}` as const));
      await visitIndexItem.removeValue();
      return true;
    } catch (error) {
      options.onError?.(error, 'visits (forget)');
      return false;
    }
  });
}

/** Watch one post's record (another tab writing it). The callback gets the decoded record, or null. */
export function watchPostVisits(postKey: string, callback: (record: PostVisits | null) => void): () => void {
  return storage.watch<unknown>(postVisitsKey(postKey), (value) => callback(decodePostVisits(value)));
}
