import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_OPTIONS,
  isActiveOn,
  normalizeOptions,
  optionsItem,
  updateOptions,
  withSiteEnabled,
  type ThreadlightOptions,
} from '@/utils/storage/options';

beforeEach(() => fakeBrowser.reset());

/** Put raw data in storage the way an older build (or a corrupted profile) would have left it. */
async function seedStorage(value: unknown, meta?: { v: number }): Promise<void> {
  await fakeBrowser.storage.local.set({ options: value, ...(meta && { options$: meta }) });
}

/** A fresh copy of the options module, so its storage item runs its migrations against the seeded storage. */
async function freshOptionsModule() {
  vi.resetModules();
  return import('@/utils/storage/options');
}

describe('normalizeOptions', () => {
  it('keeps a complete valid value as is', () => {
    const custom: ThreadlightOptions = {
      enabled: false,
      disabledSites: ['blog.example', 'xn--caf-dma.fr'],
      autoCollapseDepth: 3,
      bigThreadThreshold: 0,
      highlightAuthor: false,
      authorColor: '#c0392b',
      pingbacks: 'hidden',
      inferReplies: 'renest',
      keyboardShortcuts: false,
      rememberVisits: false,
      foldWithoutNew: true,
      highlightRecent: 20,
      autoMergePages: true,
    };
    expect(normalizeOptions(custom)).toEqual(custom);
  });

  it.each([undefined, null, 'yes', 42, [], ['enabled']])('falls back to the defaults for %j', (stored) => {
    expect(normalizeOptions(stored)).toEqual(DEFAULT_OPTIONS);
  });

  it('replaces each corrupted field by its default and keeps the valid ones', () => {
    const options = normalizeOptions({
      enabled: 'false',
      disabledSites: 'blog.example',
      autoCollapseDepth: 9,
      bigThreadThreshold: -5,
      highlightAuthor: false,
      authorColor: 'red; background: url(https://evil.example/)',
      pingbacks: 'hide',
      inferReplies: 'renest',
      keyboardShortcuts: null,
    });
    expect(options).toEqual({
      ...DEFAULT_OPTIONS,
      highlightAuthor: false,
      inferReplies: 'renest',
    });
  });

  it('rejects non-integer numbers and accepts the bounds', () => {
    expect(normalizeOptions({ autoCollapseDepth: 2.5, bigThreadThreshold: Number.NaN })).toMatchObject({
      autoCollapseDepth: 0,
      bigThreadThreshold: 200,
    });
    expect(normalizeOptions({ autoCollapseDepth: 6, bigThreadThreshold: 0 })).toMatchObject({
      autoCollapseDepth: 6,
      bigThreadThreshold: 0,
    });
    expect(normalizeOptions({ autoCollapseDepth: 7 }).autoCollapseDepth).toBe(0);
  });

  it('keeps the visit options within their bounds', () => {
    expect(normalizeOptions({ foldWithoutNew: true, highlightRecent: 500 })).toMatchObject({ foldWithoutNew: true, highlightRecent: 500 });
    expect(normalizeOptions({ foldWithoutNew: 'yes', highlightRecent: 501 })).toMatchObject({ foldWithoutNew: false, highlightRecent: 0 });
    expect(normalizeOptions({ highlightRecent: -1 }).highlightRecent).toBe(0);
    expect(normalizeOptions({ highlightRecent: 2.5 }).highlightRecent).toBe(0);
  });

  it('cleans the disabled-sites list entry by entry', () => {
    const { disabledSites } = normalizeOptions({
      disabledSites: ['Blog.Example', 'blog.example', '', 42, null, 'https://x.example/path', ' other.example ', '[::1]'],
    });
    expect(disabledSites).toEqual(['blog.example', 'other.example', '[::1]']);
  });

  it('accepts only hex colours for the author highlight', () => {
    expect(normalizeOptions({ authorColor: '#ABC' }).authorColor).toBe('#ABC');
    expect(normalizeOptions({ authorColor: 'rebeccapurple' }).authorColor).toBe('');
    expect(normalizeOptions({ authorColor: '#12345' }).authorColor).toBe('');
  });
});

describe('optionsItem', () => {
  it('reads the defaults from empty storage', async () => {
    await expect(optionsItem.getValue()).resolves.toEqual(DEFAULT_OPTIONS);
  });

  it('round-trips a value and normalizes what it writes', async () => {
    await optionsItem.setValue({ ...DEFAULT_OPTIONS, autoCollapseDepth: 2, pingbacks: 'bogus' as never });
    const stored = (await fakeBrowser.storage.local.get('options')).options;
    expect(stored).toEqual({ ...DEFAULT_OPTIONS, autoCollapseDepth: 2 });
    await expect(optionsItem.getValue()).resolves.toEqual({ ...DEFAULT_OPTIONS, autoCollapseDepth: 2 });
  });

  it('reads a corrupted stored value field by field instead of crashing', async () => {
    await seedStorage({ enabled: 0, keyboardShortcuts: false, disabledSites: [{}, 'a.example'] });
    await expect(optionsItem.getValue()).resolves.toEqual({
      ...DEFAULT_OPTIONS,
      keyboardShortcuts: false,
      disabledSites: ['a.example'],
    });
  });

  it('hands watchers valid options, also when the item is removed', async () => {
    const seen: ThreadlightOptions[] = [];
    const unwatch = optionsItem.watch((next) => seen.push(next));
    await optionsItem.setValue({ ...DEFAULT_OPTIONS, enabled: false });
    await fakeBrowser.storage.local.set({ options: { enabled: 'garbage', autoCollapseDepth: 4 } });
    await optionsItem.removeValue();
    unwatch();
    expect(seen).toEqual([
      { ...DEFAULT_OPTIONS, enabled: false },
      { ...DEFAULT_OPTIONS, autoCollapseDepth: 4 },
      DEFAULT_OPTIONS,
    ]);
  });

  it('updateOptions applies quick successive changes one after the other', async () => {
    await Promise.all([
      updateOptions({ autoCollapseDepth: 2 }),
      updateOptions({ keyboardShortcuts: false }),
      updateOptions((current) => ({ disabledSites: withSiteEnabled(current, 'a.example', false) })),
      updateOptions((current) => ({ disabledSites: withSiteEnabled(current, 'b.example', false) })),
    ]);
    await expect(optionsItem.getValue()).resolves.toEqual({
      ...DEFAULT_OPTIONS,
      autoCollapseDepth: 2,
      keyboardShortcuts: false,
      disabledSites: ['a.example', 'b.example'],
    });
  });

  it('updateOptions changes one field and keeps the others', async () => {
    await optionsItem.setValue({ ...DEFAULT_OPTIONS, highlightAuthor: false });
    const next = await updateOptions({ autoCollapseDepth: 3 });
    expect(next).toEqual({ ...DEFAULT_OPTIONS, highlightAuthor: false, autoCollapseDepth: 3 });
    await updateOptions((current) => ({ disabledSites: withSiteEnabled(current, 'Blog.Example', false) }));
    await expect(optionsItem.getValue()).resolves.toMatchObject({ disabledSites: ['blog.example'], autoCollapseDepth: 3 });
  });
});

describe('migrations', () => {
  it('brings a v0 legacy value to v1 and persists it with its version', async () => {
    // A pre-release build stored strings and a comma-separated site list, and tagged the item v0.
    await seedStorage({ enabled: 'true', disabledSites: 'a.example,b.example', highlightAuthor: false, theme: 'x' }, { v: 0 });
    const { optionsItem: item } = await freshOptionsModule();
    await expect(item.getValue()).resolves.toEqual({ ...DEFAULT_OPTIONS, highlightAuthor: false });
    const stored = await fakeBrowser.storage.local.get(['options', 'options$']);
    expect(stored.options$).toEqual({ v: 1 });
    expect(stored.options).toEqual({ ...DEFAULT_OPTIONS, highlightAuthor: false });
  });

  it('reads an unversioned value (no meta) as v1, field by field', async () => {
    await seedStorage({ enabled: false, autoCollapseDepth: 2 });
    const { optionsItem: item } = await freshOptionsModule();
    await expect(item.getValue()).resolves.toEqual({ ...DEFAULT_OPTIONS, enabled: false, autoCollapseDepth: 2 });
  });

  it('survives a value from a newer version (extension rolled back) without crashing', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    await seedStorage({ enabled: false, sites: { 'a.example': 'off' }, pingbacks: 'folded' }, { v: 2 });
    const { optionsItem: item } = await freshOptionsModule();
    await expect(item.getValue()).resolves.toEqual({ ...DEFAULT_OPTIONS, enabled: false });
    expect(error).toHaveBeenCalled(); // WXT reports the downgrade; reads still work.
  });

  it('stamps the version on the first write to empty storage', async () => {
    const { optionsItem: item } = await freshOptionsModule();
    await item.setValue({ ...DEFAULT_OPTIONS, enabled: false });
    expect((await fakeBrowser.storage.local.get('options$')).options$).toEqual({ v: 1 });
  });
});

describe('site switch', () => {
  it('adds and removes a hostname, case-insensitively, without duplicates', () => {
    const off = { ...DEFAULT_OPTIONS, disabledSites: withSiteEnabled(DEFAULT_OPTIONS, 'Blog.Example', false) };
    expect(off.disabledSites).toEqual(['blog.example']);
    expect(withSiteEnabled(off, 'blog.example', false)).toEqual(['blog.example']);
    expect(isActiveOn(off, 'BLOG.example')).toBe(false);
    expect(isActiveOn(off, 'other.example')).toBe(true);
    expect(withSiteEnabled(off, 'blog.example', true)).toEqual([]);
  });
});
