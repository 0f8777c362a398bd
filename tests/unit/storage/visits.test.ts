import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_OPTIONS, optionsItem } from '@/utils/storage/options';
import {
  MAX_REMEMBERED_POSTS,
  MAX_VISIT_BYTES,
  POST_VISITS_MIGRATIONS,
  VISIT_RETENTION_MS,
  decodePostVisits,
  encodePostVisits,
  forgetAllVisits,
  forgetPost,
  isQuotaError,
  migrateRecord,
  normalizeVisitIndex,
  postsToForget,
  readPostVisits,
  updatePostVisits,
  visitIndexItem,
  type VisitIndex,
} from '@/utils/storage/visits';
import { recordAllRead, recordDisplayed, type PostVisits } from '@/utils/visits/visit-record';

const NOW = Date.UTC(2024, 11, 3, 12, 0);
const DAY = 86_400_000;
const POST = 'blog.example/2024/05/my-post';

beforeEach(() => fakeBrowser.reset());

const raw = async (key: string) => (await fakeBrowser.storage.local.get(key))[key];
const display = (ids: string[], at = NOW) => (current: PostVisits | null) => recordDisplayed(current, ids, at);

/** Put `count` old posts straight into storage (records and index), the i-th last visited `ageOf(i)` ago. */
async function seedPosts(count: number, ageOf: (i: number) => number, size = 100): Promise<string[]> {
  const keys = Array.from({ length: count }, (_, i) => `old.example/post-${i}`);
  const records: Record<string, unknown> = {};
  const posts: VisitIndex['posts'] = {};
  keys.forEach((key, i) => {
    const at = NOW - ageOf(i);
    records[`visit:${key}`] = encodePostVisits({ seen: new Set([String(i)]), seenAt: at, current: null });
    posts[key] = { at, size };
  });
  await fakeBrowser.storage.local.set({ ...records, visits: { posts, sweptAt: NOW } });
  return keys;
}

describe('the record of a post', () => {
  it('is written compactly under visit:<key>, with the post listed in the index', async () => {
    const written = await updatePostVisits(POST, display(['30', '31', '32', '40']), { now: NOW });
    expect(written?.current?.ids).toEqual(new Set(['30', '31', '32', '40']));
    expect(await raw(`visit:${POST}`)).toEqual({ v: 1, seen: '', seenAt: 0, cur: { ids: 'u.2,7', start: NOW, last: NOW } });
    const index = await visitIndexItem.getValue();
    expect(index.posts[POST]).toEqual({ at: NOW, size: expect.any(Number) });
    expect(index.posts[POST]!.size).toBe(`visit:${POST}`.length + JSON.stringify(await raw(`visit:${POST}`)).length);
    await expect(readPostVisits(POST)).resolves.toEqual(written);
  });

  it('applies each operation to what is stored now: writes from elsewhere are kept (merge on write)', async () => {
    await updatePostVisits(POST, display(['1', '2']), { now: NOW });
    // Another tab (another context) wrote the record meanwhile with its own comments.
    const other = recordDisplayed(decodePostVisits(await raw(`visit:${POST}`)), ['3'], NOW + 1000);
    await fakeBrowser.storage.local.set({ [`visit:${POST}`]: encodePostVisits(other) });
    const merged = await updatePostVisits(POST, display(['4'], NOW + 2000), { now: NOW + 2000 });
    expect(merged?.current?.ids).toEqual(new Set(['1', '2', '3', '4']));
  });

  it('serializes updates from one context: quick successive operations all land', async () => {
    await Promise.all(['1', '2', '3', '4', '5'].map((id, i) => updatePostVisits(POST, display([id], NOW + i), { now: NOW + i })));
    expect((await readPostVisits(POST))?.current?.ids).toEqual(new Set(['1', '2', '3', '4', '5']));
  });

  it('writes nothing for an operation that leaves nothing to remember', async () => {
    await expect(updatePostVisits(POST, (current) => current ?? { seen: new Set(), seenAt: 0, current: null }, { now: NOW })).resolves.toEqual({
      seen: new Set(),
      seenAt: 0,
      current: null,
    });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('reads a corrupted record as none, and overwrites it on the next write', async () => {
    for (const corrupted of ['garbage', 42, [], { v: 1 }, { v: 1, seen: 'u.1l', seenAt: -5, cur: null }, { v: 1, seen: 'U!', seenAt: 1, cur: null },
      { v: 1, seen: '', seenAt: 1, cur: { ids: 'x,,', start: 1, last: 2 } }, { v: 1, seen: '', seenAt: 1, cur: 'now' }]) {
      await fakeBrowser.storage.local.set({ [`visit:${POST}`]: corrupted });
      await expect(readPostVisits(POST)).resolves.toBeNull();
    }
    await updatePostVisits(POST, display(['7']), { now: NOW });
    await expect(readPostVisits(POST)).resolves.toEqual({ seen: new Set(), seenAt: 0, current: { ids: new Set(['7']), start: NOW, last: NOW } });
  });

  it('stays local: nothing is written to storage.sync', async () => {
    await updatePostVisits(POST, display(['1']), { now: NOW });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });
});

describe('bounds', () => {
  it('forgets posts not visited for 30 days on the next write', async () => {
    const [stale, fresh] = await seedPosts(2, (i) => (i === 0 ? VISIT_RETENTION_MS + 1 : VISIT_RETENTION_MS - DAY));
    await updatePostVisits(POST, display(['1']), { now: NOW });
    expect(await raw(`visit:${stale}`)).toBeUndefined();
    expect(decodePostVisits(await raw(`visit:${fresh}`))?.seenAt).toBe(NOW - VISIT_RETENTION_MS + DAY);
    expect(Object.keys((await visitIndexItem.getValue()).posts).sort()).toEqual([POST, fresh].sort());
  });

  it(`remembers at most ${MAX_REMEMBERED_POSTS} posts, evicting the least recently visited`, async () => {
    const keys = await seedPosts(MAX_REMEMBERED_POSTS, (i) => (i + 1) * 60_000);
    await updatePostVisits(POST, display(['1']), { now: NOW });
    const index = await visitIndexItem.getValue();
    expect(Object.keys(index.posts)).toHaveLength(MAX_REMEMBERED_POSTS);
    const oldest = keys[keys.length - 1]!;
    expect(index.posts[oldest]).toBeUndefined();
    expect(await raw(`visit:${oldest}`)).toBeUndefined();
    expect(decodePostVisits(await raw(`visit:${keys[0]}`))?.seen).toEqual(new Set(['0']));
    expect(index.posts[POST]?.at).toBe(NOW);
  });

  it('keeps the records within the byte budget, oldest first out', async () => {
    const keys = await seedPosts(10, (i) => (i + 1) * 60_000, MAX_VISIT_BYTES / 8);
    await updatePostVisits(POST, display(['1']), { now: NOW });
    const index = await visitIndexItem.getValue();
    const total = Object.values(index.posts).reduce((sum, entry) => sum + entry.size, 0);
    expect(total).toBeLessThanOrEqual(MAX_VISIT_BYTES);
    expect(Object.keys(index.posts).sort()).toEqual([POST, ...keys.slice(0, 7)].sort());
  });

  it('postsToForget never picks the post being written', () => {
    const index: VisitIndex = { posts: { a: { at: 0, size: 10 }, b: { at: NOW, size: 10 } }, sweptAt: NOW };
    expect(postsToForget(index, NOW, 'a')).toEqual([]);
    expect(postsToForget(index, NOW, null)).toEqual(['a']);
    expect(postsToForget(index, NOW, null, { maxPosts: 0 })).toEqual(['a', 'b']);
  });

  it('finds records the index lost (two contexts writing it at once) on the daily sweep, and drops dead entries', async () => {
    await fakeBrowser.storage.local.set({
      'visit:lost.example/recent': encodePostVisits({ seen: new Set(['1']), seenAt: NOW - DAY, current: null }),
      'visit:lost.example/ancient': encodePostVisits({ seen: new Set(['1']), seenAt: NOW - 60 * DAY, current: null }),
      'visit:lost.example/garbage': 'not a record',
      visits: { posts: { 'gone.example/post': { at: NOW, size: 10 } }, sweptAt: NOW - 2 * DAY },
    });
    await updatePostVisits(POST, display(['1']), { now: NOW });
    const index = await visitIndexItem.getValue();
    expect(Object.keys(index.posts).sort()).toEqual([POST, 'lost.example/recent']);
    expect(index.posts['lost.example/recent']!.at).toBe(NOW - DAY);
    expect(index.sweptAt).toBe(NOW);
    expect(await raw('visit:lost.example/ancient')).toBeUndefined();
    expect(await raw('visit:lost.example/garbage')).toBeUndefined();
  });
});

describe('quota', () => {
  const quotaError = () => new Error('Resource::kQuotaBytes quota exceeded');

  it('recognizes quota errors from Chrome and Firefox', () => {
    expect(isQuotaError(quotaError())).toBe(true);
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError(new Error('Extension context invalidated.'))).toBe(false);
  });

  it('evicts the oldest posts and retries when a write is refused for quota; the options item stays', async () => {
    await optionsItem.setValue({ ...DEFAULT_OPTIONS, autoCollapseDepth: 3 });
    const keys = await seedPosts(8, (i) => (i + 1) * 60_000);
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    let refusals = 0;
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
      if (`visit:${POST}` in items && refusals < 1) {
        refusals++;
        throw quotaError();
      }
      return set(items);
    });
    const onError = vi.fn();
    const written = await updatePostVisits(POST, display(['1']), { now: NOW, onError });
    expect(written?.current?.ids).toEqual(new Set(['1']));
    expect(onError).not.toHaveBeenCalled();
    // The oldest quarter (2 of 8) went.
    expect(Object.keys((await visitIndexItem.getValue()).posts).sort()).toEqual([POST, ...keys.slice(0, 6)].sort());
    expect(await raw(`visit:${keys[7]}`)).toBeUndefined();
    await expect(optionsItem.getValue()).resolves.toEqual({ ...DEFAULT_OPTIONS, autoCollapseDepth: 3 });
  });

  it('gives up after a few evictions without throwing, and never removes the options item', async () => {
    await optionsItem.setValue({ ...DEFAULT_OPTIONS, keyboardShortcuts: false });
    await seedPosts(3, (i) => (i + 1) * 60_000);
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
      if (`visit:${POST}` in items) throw quotaError();
      return set(items);
    });
    const onError = vi.fn();
    await expect(updatePostVisits(POST, display(['1']), { now: NOW, onError })).resolves.toBeNull();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringMatching(/quota/) }), 'visits (write)');
    await expect(optionsItem.getValue()).resolves.toEqual({ ...DEFAULT_OPTIONS, keyboardShortcuts: false });
    expect(Object.keys((await visitIndexItem.getValue()).posts)).toEqual([]);
  });

  it('reports other storage failures and returns null (never throws into the page)', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('Extension context invalidated.'));
    const onError = vi.fn();
    await expect(updatePostVisits(POST, display(['1']), { now: NOW, onError })).resolves.toBeNull();
    await expect(readPostVisits(POST, { onError })).resolves.toBeNull();
    expect(onError).toHaveBeenCalledTimes(2);
    // The failed write did not block the queue.
    vi.mocked(fakeBrowser.storage.local.get).mockRestore();
    await expect(updatePostVisits(POST, display(['1']), { now: NOW })).resolves.not.toBeNull();
  });
});

describe('migrations', () => {
  const v1: Record<string, unknown> = { v: 1, seen: 'u.1l', seenAt: NOW, cur: null };

  it('reads the current version as it is', () => {
    expect(migrateRecord(v1)).toEqual(v1);
    expect(decodePostVisits(v1)?.seen.size).toBe(58);
  });

  it('brings a v1 record to a (hypothetical) v2 through the migration chain', () => {
    // v2 might split `seen` into comments and pings; the chain must run each step in order.
    const migrations = {
      2: (old: Record<string, unknown>) => ({ v: 2, comments: old.seen, pings: '', seenAt: old.seenAt, cur: old.cur }),
      3: (old: Record<string, unknown>) => ({ ...old, v: 3, seenAt: Math.floor((old.seenAt as number) / 1000) }),
    };
    expect(migrateRecord(v1, migrations, 2)).toEqual({ v: 2, comments: 'u.1l', pings: '', seenAt: NOW, cur: null });
    expect(migrateRecord(v1, migrations, 3)).toEqual({ v: 3, comments: 'u.1l', pings: '', seenAt: NOW / 1000, cur: null });
    expect(migrateRecord({ ...v1, v: 2, comments: 'x' }, migrations, 3)).toMatchObject({ v: 3, comments: 'x' });
  });

  it('refuses what it cannot migrate: no version, a newer version, a missing or failing step', () => {
    expect(migrateRecord({ seen: 'u', seenAt: 1 })).toBeNull();
    expect(migrateRecord({ ...v1, v: 2 })).toBeNull();
    expect(migrateRecord({ ...v1, v: 0 })).toBeNull();
    expect(migrateRecord(v1, { 2: () => { throw new Error('bad step'); } }, 2)).toBeNull();
    expect(migrateRecord(v1, { 2: (old) => ({ ...old, v: 5 }) }, 2)).toBeNull();
    expect(POST_VISITS_MIGRATIONS).toEqual({});
  });

  it('normalizes the index entry by entry', () => {
    expect(normalizeVisitIndex('junk')).toEqual({ posts: {}, sweptAt: 0 });
    expect(
      normalizeVisitIndex({
        posts: { good: { at: 5, size: 10 }, noSize: { at: 5 }, negative: { at: -1, size: 1 }, '': { at: 1, size: 1 }, arr: [] },
        sweptAt: 'yesterday',
      }),
    ).toEqual({ posts: { good: { at: 5, size: 10 } }, sweptAt: 0 });
  });

  it('reads a corrupted stored index without crashing', async () => {
    await fakeBrowser.storage.local.set({ visits: { posts: { a: 'x', b: { at: NOW, size: 3 } } } });
    await expect(visitIndexItem.getValue()).resolves.toEqual({ posts: { b: { at: NOW, size: 3 } }, sweptAt: 0 });
  });
});

describe('forgetting', () => {
  it('forgets one post, or all of them, and leaves the options item alone', async () => {
    await optionsItem.setValue({ ...DEFAULT_OPTIONS, pingbacks: 'hidden' });
    await updatePostVisits(POST, display(['1']), { now: NOW });
    await updatePostVisits('other.example/post', display(['2']), { now: NOW });
    await expect(forgetPost(POST)).resolves.toBe(true);
    expect(await raw(`visit:${POST}`)).toBeUndefined();
    expect(Object.keys((await visitIndexItem.getValue()).posts)).toEqual(['other.example/post']);
    await expect(forgetAllVisits()).resolves.toBe(true);
    const left = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(left).filter((key) => key.startsWith('visit'))).toEqual([]);
    await expect(optionsItem.getValue()).resolves.toEqual({ ...DEFAULT_OPTIONS, pingbacks: 'hidden' });
  });

  it('keeps a post read with "mark all as read" as seen', async () => {
    await updatePostVisits(POST, display(['1', '2']), { now: NOW });
    await updatePostVisits(POST, (current) => recordAllRead(current, ['3'], NOW + 1000), { now: NOW + 1000 });
    await expect(readPostVisits(POST)).resolves.toEqual({ seen: new Set(['1', '2', '3']), seenAt: NOW + 1000, current: null });
  });
});
