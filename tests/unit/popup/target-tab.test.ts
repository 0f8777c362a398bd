import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { findTargetTabId } from '@/components/popup/target-tab';

beforeEach(() => fakeBrowser.reset());

describe('findTargetTabId', () => {
  it('takes ?tabId=N when given', async () => {
    await expect(findTargetTabId('?tabId=12')).resolves.toBe(12);
    await expect(findTargetTabId('?lang=fr&tabId=0')).resolves.toBe(0);
    await expect(findTargetTabId('?tabId=2137809690')).resolves.toBe(2137809690); // a real Chromium id
  });

  it('refuses a malformed ?tabId rather than sending to NaN', async () => {
    for (const search of ['?tabId=', '?tabId=abc', '?tabId=1.5', '?tabId=-3', '?tabId=99999999999', '?tabId=2147483648']) {
      await expect(findTargetTabId(search)).resolves.toBeNull();
    }
  });

  it('falls back to the active tab of the current window', async () => {
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => [{ id: 42 }]) as never);
    await expect(findTargetTabId('')).resolves.toBe(42);
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
  });

  it('is null when there is no active tab or the query fails', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query')
      .mockImplementationOnce((async () => []) as never)
      .mockImplementationOnce((async () => {
        throw new Error('no window');
      }) as never);
    await expect(findTargetTabId('')).resolves.toBeNull();
    await expect(findTargetTabId('')).resolves.toBeNull();
  });
});
