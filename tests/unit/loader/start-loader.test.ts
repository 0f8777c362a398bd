/**
 * The loader (the only script every page receives): it bails out on pages without comment signals and answers the
 * popup for them, asks for the full content script only where signals are, and records a failed request.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startLoader as start, type Loader, type LoaderConfig, type LoaderContext } from '@/utils/loader/start-loader';
import { MARK_BAIL, MARK_START } from '@/utils/loader/marks';
import { sendMessage } from '@/utils/messaging/protocol';
import { ARTICLE, commentsArea, documentFrom, html5Item } from '../parse/markup';

/** A context whose navigations the test triggers; timers run at once. */
function fakeContext() {
  const listeners = new Set<() => void>();
  const context: LoaderContext = {
    setTimeout: (handler) => void handler(),
    watchNavigation(listener) {
      listeners.add(listener);
      return { stop: () => listeners.delete(listener) };
    },
  };
  return { context, navigate: () => listeners.forEach((listener) => listener()), watching: () => listeners.size };
}

let ctx: ReturnType<typeof fakeContext>;
const started: Loader[] = [];
const startLoader = (config: LoaderConfig): Loader => {
  const loader = start(config);
  started.push(loader);
  return loader;
};

afterEach(() => started.splice(0).forEach((loader) => loader.stop()));

beforeEach(() => {
  fakeBrowser.reset();
  ctx = fakeContext();
  performance.clearMarks();
});

const marks = () => ({ start: performance.getEntriesByName(MARK_START).length, bail: performance.getEntriesByName(MARK_BAIL).length });

describe('loader', () => {
  it('on a page without signals: marks start and bail, loads nothing, registers no message listener', async () => {
    const load = vi.fn(async () => {});
    const loader = startLoader({ context: ctx.context, doc: documentFrom(ARTICLE), load });
    await loader.ready;
    expect(load).not.toHaveBeenCalled();
    expect(loader.status()).toBe('none');
    expect(marks()).toEqual({ start: 1, bail: 1 });
    // The popup reads the marks instead (components/popup/loader-probe.ts).
    await expect(sendMessage('getPageState', undefined)).rejects.toThrow();
  });

  it('on a page with a thread: asks once for the full script, then stops answering for the page', async () => {
    let finish!: () => void;
    const load = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const loader = startLoader({ context: ctx.context, doc: documentFrom(commentsArea(html5Item({ id: 1, depth: 1, author: 'A' }))), load });
    expect(load).toHaveBeenCalledTimes(1);
    // While the full script loads, the popup hears 'loading' (it polls again).
    expect(await sendMessage('getPageState', undefined)).toMatchObject({ status: 'loading' });
    finish();
    await loader.ready;
    expect(loader.status()).toBe('loaded');
    expect(marks()).toEqual({ start: 1, bail: 0 }); // ready or bail is the full script's to mark
    await expect(sendMessage('getPageState', undefined)).rejects.toThrow();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('a failed request is an error the popup can show, and the page is left alone', async () => {
    const doc = documentFrom(commentsArea(html5Item({ id: 1, depth: 1, author: 'A' })));
    const before = doc.documentElement.outerHTML;
    const loader = startLoader({ context: ctx.context, doc, load: () => Promise.reject(new Error('Missing host permission for the tab')) });
    await loader.ready;
    expect(loader.status()).toBe('error');
    expect(marks()).toEqual({ start: 1, bail: 1 });
    expect(await sendMessage('getPageState', undefined)).toMatchObject({ status: 'error', errors: ['load: Missing host permission for the tab'] });
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('looks again after an SPA navigation and loads once the new page has a thread, then stops watching', async () => {
    const doc = documentFrom(ARTICLE);
    const load = vi.fn(async () => {});
    const loader = startLoader({ context: ctx.context, doc, load, navigationDelay: 0 });
    await loader.ready;
    expect(load).not.toHaveBeenCalled();
    expect(ctx.watching()).toBe(1);
    ctx.navigate(); // still no thread
    expect(load).not.toHaveBeenCalled();
    doc.body.innerHTML = commentsArea(html5Item({ id: 1, depth: 1, author: 'A' }));
    ctx.navigate();
    expect(load).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(loader.status()).toBe('loaded'));
    expect(ctx.watching()).toBe(0);
    ctx.navigate();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('watches no navigation on a page that has signals from the start', async () => {
    const loader = startLoader({ context: ctx.context, doc: documentFrom(commentsArea(html5Item({ id: 1, depth: 1, author: 'A' }))), load: async () => {} });
    await loader.ready;
    expect(ctx.watching()).toBe(0);
  });
});
