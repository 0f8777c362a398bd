/** The background injects the full content script into the frame whose loader asked, and nowhere else. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onMessage } from '@/utils/messaging/protocol';
import background from '@/entrypoints/background';

vi.mock('@/utils/messaging/protocol', () => ({ onMessage: vi.fn() }));

type LoadHandler = (message: { data: undefined; sender: { tab?: { id?: number }; frameId?: number } }) => Promise<unknown>;

function startBackground(): LoadHandler {
  let handler: LoadHandler | undefined;
  vi.mocked(onMessage).mockImplementation(((type: string, fn: LoadHandler) => {
    if (type === 'loadThreadlight') handler = fn;
    return () => {};
  }) as never);
  background.main();
  if (!handler) throw new Error('no loadThreadlight handler registered');
  return handler;
}

let executeScript: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fakeBrowser.reset();
  // fakeBrowser does not implement the scripting API.
  executeScript = vi.fn(async (_: unknown) => [{ frameId: 0, result: undefined }]);
  Object.assign(fakeBrowser, { scripting: { executeScript } });
});

describe('loadThreadlight', () => {
  it('injects the runtime-registered content script into the sender frame', async () => {
    const load = startBackground();
    await load({ data: undefined, sender: { tab: { id: 12 }, frameId: 0 } });
    expect(executeScript).toHaveBeenCalledTimes(1);
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 12, frameIds: [0] }, files: ['/content-scripts/content.js'] });
  });

  it('refuses a sender without a tab (not a page)', async () => {
    const load = startBackground();
    await expect(load({ data: undefined, sender: {} })).rejects.toThrow(/not a tab/);
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('passes an injection failure back to the loader', async () => {
    executeScript.mockRejectedValueOnce(new Error('Cannot access contents of the page'));
    const load = startBackground();
    await expect(load({ data: undefined, sender: { tab: { id: 3 }, frameId: 0 } })).rejects.toThrow('Cannot access contents of the page');
  });
});
