/**
 * yieldToPage: how detection and parsing in slices give the page its turn. scheduler.yield() where the browser has
 * it (the work resumes ahead of the page's other queued tasks), else a fresh task; a rejected yield (an aborted
 * frame) still resumes.
 */
import { describe, expect, it, vi } from 'vitest';
import { yieldToPage } from '@/utils/view/core/scheduler';

describe('yieldToPage', () => {
  it('uses scheduler.yield when the window has it', async () => {
    const calls: string[] = [];
    const scheduler = {
      yield: vi.fn(async function (this: unknown) {
        calls.push(this === scheduler ? 'yield on the scheduler' : 'yield unbound');
      }),
    };
    await yieldToPage({ scheduler } as unknown as Window);
    expect(calls).toEqual(['yield on the scheduler']);
  });

  it('resumes in a later task without it, and when the yield is rejected', async () => {
    for (const view of [{} as Window, { scheduler: { yield: () => Promise.reject(new Error('aborted')) } } as unknown as Window]) {
      let resumed = false;
      const done = yieldToPage(view).then(() => {
        resumed = true;
      });
      // Not a microtask: still waiting after the current microtasks ran.
      await Promise.resolve();
      await Promise.resolve();
      expect(resumed).toBe(false);
      await done;
      expect(resumed).toBe(true);
    }
  });
});
