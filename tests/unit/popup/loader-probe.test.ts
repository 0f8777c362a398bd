/** The popup tells "no thread" from "cannot reach the page" by the loader's marks when nobody answers. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { probeLoaderBailOut } from '@/components/popup/loader-probe';

let executeScript: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fakeBrowser.reset();
  executeScript = vi.fn();
  Object.assign(fakeBrowser, { scripting: { executeScript } });
});

describe('probeLoaderBailOut', () => {
  it('says "none" for the tab whose loader marked start and bail, with the page host', async () => {
    executeScript.mockResolvedValue([{ frameId: 0, result: { start: 1, bail: 1, hostname: 'blog.example' } }]);
    expect(await probeLoaderBailOut(7)).toEqual({ status: 'none', hostname: 'blog.example', errors: [] });
    expect(executeScript).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: 7 }, args: [{ start: 'threadlight:start', bail: 'threadlight:bail' }] }));
  });

  it('cannot tell when the loader has not run or not bailed (loading, or a page opened before install)', async () => {
    executeScript.mockResolvedValueOnce([{ frameId: 0, result: { start: 0, bail: 0, hostname: 'a.example' } }]);
    expect(await probeLoaderBailOut(7)).toBeNull();
    executeScript.mockResolvedValueOnce([{ frameId: 0, result: { start: 1, bail: 0, hostname: 'a.example' } }]);
    expect(await probeLoaderBailOut(7)).toBeNull();
    executeScript.mockResolvedValueOnce([]);
    expect(await probeLoaderBailOut(7)).toBeNull();
  });

  it('cannot tell without access to the tab (browser pages, stores)', async () => {
    executeScript.mockRejectedValue(new Error('Cannot access a chrome:// URL'));
    expect(await probeLoaderBailOut(7)).toBeNull();
  });
});
