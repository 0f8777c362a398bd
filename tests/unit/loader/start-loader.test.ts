/**
 * The loader (the only script every page receives): it bails out on pages without comment signals and answers the
 * popup for them, asks for the full content script only where signals are, and records a failed request.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startLoader } from '@/entrypoints/loader.content/start-loader';
import { MARK_BAIL, MARK_START } from '@/utils/loader/marks';
import { sendMessage } from '@/utils/messaging/protocol';
import { ARTICLE, commentsArea, documentFrom, html5Item } from '../parse/markup';

let ctx: ContentScriptContext;

beforeEach(() => {
  fakeBrowser.reset();
  ctx = new ContentScriptContext('loader');
  performance.clearMarks();
});

afterEach(() => ctx.notifyInvalidated());

const marks = () => ({ start: performance.getEntriesByName(MARK_START).length, bail: performance.getEntriesByName(MARK_BAIL).length });

describe('loader', () => {
  it('on a page without signals: marks start and bail, loads nothing, tells the popup there is no thread', async () => {
    const load = vi.fn(async () => {});
    const loader = startLoader({ ctx, doc: documentFrom(ARTICLE), load });
    await loader.ready;
    expect(load).not.toHaveBeenCalled();
    expect(loader.status()).toBe('none');
    expect(marks()).toEqual({ start: 1, bail: 1 });
    expect(await sendMessage('getPageState', undefined)).toMatchObject({ status: 'none', errors: [] });
  });

  it('on a page with a thread: asks once for the full script, then stops answering for the page', async () => {
    let finish!: () => void;
    const load = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const loader = startLoader({ ctx, doc: documentFrom(commentsArea(html5Item({ id: 1, depth: 1, author: 'A' }))), load });
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
    const loader = startLoader({ ctx, doc, load: () => Promise.reject(new Error('Missing host permission for the tab')) });
    await loader.ready;
    expect(loader.status()).toBe('error');
    expect(marks()).toEqual({ start: 1, bail: 1 });
    expect(await sendMessage('getPageState', undefined)).toMatchObject({ status: 'error', errors: ['load: Missing host permission for the tab'] });
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('looks again after an SPA navigation and loads once the new page has a thread', async () => {
    const doc = documentFrom(ARTICLE);
    const load = vi.fn(async () => {});
    const loader = startLoader({ ctx, doc, load, navigationDelay: 0 });
    await loader.ready;
    expect(load).not.toHaveBeenCalled();
    doc.body.innerHTML = commentsArea(html5Item({ id: 1, depth: 1, author: 'A' }));
    history.pushState({}, '', '/a-post-with-comments/');
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1), { timeout: 3_000 });
    await vi.waitFor(() => expect(loader.status()).toBe('loaded'));
  });
});
