import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { decodePostVisits, encodePostVisits, readPostVisits } from '@/utils/storage/visits';
import { isPrivateContext } from '@/utils/visits/private-context';
import { openVisit } from '@/utils/visits/visit-tracker';
import { VISIT_IDLE_MS, recordDisplayed } from '@/utils/visits/visit-record';

const POST = 'blog.example/2024/05/my-post';
const T0 = Date.UTC(2024, 11, 3, 9, 0);
const HOUR = 3_600_000;
let clock = T0;
const now = () => clock;
const normal = { now, privateContext: false } as const;

beforeEach(() => {
  fakeBrowser.reset();
  clock = T0;
});

/** Let storage change listeners (and the repairs they start) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const stored = async () => decodePostVisits((await fakeBrowser.storage.local.get(`visit:${POST}`))[`visit:${POST}`]);

describe('isPrivateContext', () => {
  it('reads extension.inIncognitoContext, and says null when the browser does not tell', () => {
    expect(isPrivateContext()).toBe(false);
    const extension = fakeBrowser.extension as { inIncognitoContext: boolean };
    extension.inIncognitoContext = true;
    try {
      expect(isPrivateContext()).toBe(true);
      (extension as { inIncognitoContext: unknown }).inIncognitoContext = undefined;
      expect(isPrivateContext()).toBeNull();
    } finally {
      extension.inIncognitoContext = false;
    }
  });
});

describe('openVisit', () => {
  it('in a private window: reads and stores nothing', async () => {
    await fakeBrowser.storage.local.set({
      [`visit:${POST}`]: encodePostVisits({ seen: new Set(['1']), seenAt: T0 - 5 * HOUR, current: null }),
    });
    const before = await fakeBrowser.storage.local.get(null);
    const extension = fakeBrowser.extension as { inIncognitoContext: boolean };
    extension.inIncognitoContext = true;
    try {
      const visit = await openVisit(POST, ['1', '2'], { now });
      expect(visit.status()).toBe('private');
      expect(visit.baseline()).toBeNull();
      await visit.noteDisplayed(['3']);
      await visit.touch();
      await visit.markAllRead(['1', '2', '3']);
      visit.close();
    } finally {
      extension.inIncognitoContext = false;
    }
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });

  it('when the window cannot be told private or not, or there is no post key: remembers nothing', async () => {
    expect((await openVisit(POST, ['1'], { now, privateContext: null })).status()).toBe('unavailable');
    expect((await openVisit(null, ['1'], normal)).status()).toBe('unavailable');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('first visit, reload, return: new is measured against the previous visit, also after a reload', async () => {
    const first = await openVisit(POST, ['1', '2'], normal);
    expect(first.status()).toBe('first');
    expect(first.baseline()).toBeNull();
    first.close();

    clock += 10 * 60_000; // reload 10 minutes later: the same visit, still a first one
    const reload = await openVisit(POST, ['1', '2', '3'], normal);
    expect(reload.status()).toBe('first');
    reload.close();

    clock += 5 * HOUR; // back in the afternoon: a return visit
    const back = await openVisit(POST, ['1', '2', '3', '4', '5'], normal);
    expect(back.status()).toBe('return');
    expect(back.baseline()).toEqual({ seen: new Set(['1', '2', '3']), at: T0 + 10 * 60_000 });
    back.close();

    clock += 60_000; // and reloads: what was new is still measured against the morning
    const again = await openVisit(POST, ['1', '2', '3', '4', '5'], normal);
    expect(again.baseline()).toEqual({ seen: new Set(['1', '2', '3']), at: T0 + 10 * 60_000 });
    again.close();
  });

  it('remembers arrivals, extends the visit on activity, and moves the baseline on "mark all as read"', async () => {
    await fakeBrowser.storage.local.set({
      [`visit:${POST}`]: encodePostVisits({ seen: new Set(['1']), seenAt: T0 - 5 * HOUR, current: null }),
    });
    const visit = await openVisit(POST, ['1', '2'], normal);
    expect(visit.baseline()).toEqual({ seen: new Set(['1']), at: T0 - 5 * HOUR });

    clock += 60_000;
    await visit.noteDisplayed(['2', '3']);
    expect((await stored())?.current?.ids).toEqual(new Set(['1', '2', '3']));

    clock += 20 * 60_000;
    await visit.touch();
    expect((await stored())?.current?.last).toBe(clock);

    clock += 60_000;
    await visit.markAllRead(['4']);
    expect(visit.status()).toBe('return');
    expect(visit.baseline()).toEqual({ seen: new Set(['1', '2', '3', '4']), at: clock });
    expect(await stored()).toEqual({ seen: new Set(['1', '2', '3', '4']), seenAt: clock, current: null });
    visit.close();

    // A reload right after: nothing is new any more.
    clock += 60_000;
    const reload = await openVisit(POST, ['1', '2', '3', '4'], normal);
    expect(reload.baseline()?.seen).toEqual(new Set(['1', '2', '3', '4']));
    reload.close();
  });

  it('two tabs of the same post: neither loses the other\u2019s comments', async () => {
    const a = await openVisit(POST, ['1', '2'], normal);
    const b = await openVisit(POST, ['1', '2', '3'], normal);
    await Promise.all([a.noteDisplayed(['4']), b.noteDisplayed(['5'])]);
    expect((await stored())?.current?.ids).toEqual(new Set(['1', '2', '3', '4', '5']));
    a.close();
    b.close();
  });

  it('puts back its comments when another context overwrites the record with an older copy (last writer loses nothing)', async () => {
    const visit = await openVisit(POST, ['1', '2', '3'], normal);
    // Another browser context read the record before our write and now writes its own version.
    const stale = recordDisplayed(null, ['9'], T0);
    await fakeBrowser.storage.local.set({ [`visit:${POST}`]: encodePostVisits(stale) });
    await settle();
    expect((await stored())?.current?.ids).toEqual(new Set(['1', '2', '3', '9']));
    visit.close();
  });

  it('puts back its "mark all as read" when an older copy overwrites it', async () => {
    const visit = await openVisit(POST, ['1', '2'], normal);
    clock += 60_000;
    await visit.markAllRead([]);
    await fakeBrowser.storage.local.set({ [`visit:${POST}`]: encodePostVisits(recordDisplayed(null, ['1', '2', '7'], T0)) });
    await settle();
    const record = await stored();
    expect(record?.seenAt).toBe(T0 + 60_000);
    expect(record?.seen).toEqual(new Set(['1', '2', '7']));
    visit.close();
  });

  it('leaves a record the reader forgot forgotten, and stops following storage once closed', async () => {
    const visit = await openVisit(POST, ['1'], normal);
    await fakeBrowser.storage.local.remove(`visit:${POST}`);
    await settle();
    await visit.touch();
    expect(await stored()).toBeNull();
    visit.close();

    const other = await openVisit(POST, ['5'], normal);
    other.close();
    await fakeBrowser.storage.local.set({ [`visit:${POST}`]: encodePostVisits(recordDisplayed(null, ['8'], T0)) });
    await settle();
    expect((await stored())?.current?.ids).toEqual(new Set(['8']));
  });

  it('keeps working from memory when storage fails, and reports it', async () => {
    const onError = vi.fn();
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('Extension context invalidated.'));
    const visit = await openVisit(POST, ['1'], { ...normal, onError });
    expect(visit.status()).toBe('first');
    await expect(visit.noteDisplayed(['2'])).resolves.toBeUndefined();
    await expect(visit.markAllRead([])).resolves.toBeUndefined();
    expect(visit.baseline()?.seen).toEqual(new Set(['1', '2']));
    expect(onError).toHaveBeenCalled();
    visit.close();
  });

  it('a visit idle for longer than VISIT_IDLE_MS closes when the post is opened again', async () => {
    (await openVisit(POST, ['1'], normal)).close();
    clock += VISIT_IDLE_MS + 1;
    const back = await openVisit(POST, ['1', '2'], normal);
    expect(back.baseline()).toEqual({ seen: new Set(['1']), at: T0 });
    back.close();
    await expect(readPostVisits(POST)).resolves.toEqual({
      seen: new Set(['1']),
      seenAt: T0,
      current: { ids: new Set(['1', '2']), start: clock, last: clock },
    });
  });
});
