import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onMessage } from '@/utils/messaging/protocol';
import background from '@/entrypoints/background';

vi.mock('@/utils/messaging/protocol', () => ({ onMessage: vi.fn() }));

type BadgeHandler = (message: { data: { count: number | null }; sender: { tab?: { id?: number }; frameId?: number } }) => unknown;

/** Badge calls, recorded: fakeBrowser does not implement the action API. */
function fakeAction() {
  return {
    setBadgeText: vi.fn(async (_: { tabId: number; text: string }) => {}),
    setBadgeBackgroundColor: vi.fn(async (_: { tabId: number; color: string }) => {}),
    setBadgeTextColor: vi.fn(async (_: { tabId: number; color: string }) => {}),
  };
}

function startBackground(): BadgeHandler {
  let handler: BadgeHandler | undefined;
  vi.mocked(onMessage).mockImplementation(((type: string, fn: BadgeHandler) => {
    if (type === 'setBadge') handler = fn;
    return () => {};
  }) as never);
  background.main();
  if (!handler) throw new Error('no setBadge handler registered');
  return handler;
}

let action: ReturnType<typeof fakeAction>;
beforeEach(() => {
  fakeBrowser.reset();
  action = fakeAction();
  Object.assign(fakeBrowser, { action, browserAction: undefined });
});

describe('toolbar badge', () => {
  it('shows the compact comment count on the sender tab, in a quiet colour', async () => {
    const setBadge = startBackground();
    await setBadge({ data: { count: 1234 }, sender: { tab: { id: 9 }, frameId: 0 } });
    expect(action.setBadgeText).toHaveBeenCalledWith({ tabId: 9, text: '1.2k' });
    expect(action.setBadgeBackgroundColor).toHaveBeenCalledWith({ tabId: 9, color: '#5f6b7a' });
    expect(action.setBadgeTextColor).toHaveBeenCalledWith({ tabId: 9, color: '#ffffff' });
  });

  it('clears the badge of the tab for a null or zero count', async () => {
    const setBadge = startBackground();
    await setBadge({ data: { count: null }, sender: { tab: { id: 3 } } });
    await setBadge({ data: { count: 0 }, sender: { tab: { id: 4 } } });
    expect(action.setBadgeText.mock.calls).toEqual([[{ tabId: 3, text: '' }], [{ tabId: 4, text: '' }]]);
    expect(action.setBadgeBackgroundColor).not.toHaveBeenCalled();
  });

  it('ignores messages without a tab, from sub-frames, or with a bogus count', async () => {
    const setBadge = startBackground();
    await setBadge({ data: { count: 5 }, sender: {} });
    await setBadge({ data: { count: 5 }, sender: { tab: { id: 2 }, frameId: 3 } });
    expect(action.setBadgeText).not.toHaveBeenCalled();
    await setBadge({ data: { count: 'many' as never }, sender: { tab: { id: 2 } } });
    expect(action.setBadgeText).toHaveBeenCalledWith({ tabId: 2, text: '' });
  });

  it('uses browserAction where there is no action (Firefox MV2)', async () => {
    const legacy = fakeAction();
    Object.assign(fakeBrowser, { action: undefined, browserAction: legacy });
    const setBadge = startBackground();
    await setBadge({ data: { count: 58 }, sender: { tab: { id: 1 } } });
    expect(legacy.setBadgeText).toHaveBeenCalledWith({ tabId: 1, text: '58' });
  });

  it('works without setBadgeTextColor and never throws when the tab is gone', async () => {
    const setBadge = startBackground();
    Object.assign(action, { setBadgeTextColor: undefined });
    await setBadge({ data: { count: 7 }, sender: { tab: { id: 1 } } });
    expect(action.setBadgeBackgroundColor).toHaveBeenCalled();
    action.setBadgeText.mockRejectedValueOnce(new Error('No tab with id: 1.'));
    await expect(setBadge({ data: { count: 7 }, sender: { tab: { id: 1 } } })).resolves.toBeUndefined();
  });
});
