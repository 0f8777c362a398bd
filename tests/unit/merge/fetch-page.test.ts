import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchCommentPage, pageContextFetch, type PageFetch } from '@/utils/merge/fetch-page';
import { responseFrom } from './paged-site';

const PAGE = 'https://blog.example/a-post/comment-page-2/';
const TARGET = 'https://blog.example/a-post/comment-page-1/';
const HTML = '<!doctype html><html><body><p>réponse</p></body></html>';

const answer = (response: Response | (() => Promise<Response>)): PageFetch & { calls: number } => {
  const fetch = Object.assign(
    async () => {
      fetch.calls++;
      return typeof response === 'function' ? response() : response;
    },
    { calls: 0 },
  );
  return fetch;
};

/** A response; bytes rather than a string body, so that no headers means no content type at all. */
const html = (body = HTML, headers: Record<string, string> = { 'content-type': 'text/html; charset=UTF-8' }, status = 200) =>
  new Response(new TextEncoder().encode(body), { status, headers });

async function failureOf(fetch: PageFetch, extra: Partial<Parameters<typeof fetchCommentPage>[1]> = {}, url = TARGET) {
  const outcome = await fetchCommentPage(url, { pageUrl: PAGE, fetch, ...extra });
  return outcome.ok ? null : outcome.failure;
}

describe('fetchCommentPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('returns the page’s HTML and final URL (fragment dropped)', async () => {
    const outcome = await fetchCommentPage(`${TARGET}#comments`, { pageUrl: PAGE, fetch: answer(html()) });
    expect(outcome).toEqual({ ok: true, page: { url: TARGET, html: HTML, contentType: 'text/html; charset=UTF-8' } });
  });

  it('never requests another origin', async () => {
    const fetch = answer(html());
    expect(await failureOf(fetch, {}, 'https://evil.example/a-post/comment-page-1/')).toEqual({ kind: 'cross-origin' });
    expect(await failureOf(fetch, {}, 'http://blog.example:81/x')).toEqual({ kind: 'cross-origin' });
    expect(await failureOf(fetch, {}, 'javascript:alert(1)')).toEqual({ kind: 'cross-origin' });
    expect(fetch.calls).toBe(0);
    // A response that ended on another origin (a fetch without mode: same-origin would follow) is refused too.
    expect(await failureOf(answer(responseFrom('https://login.example/', HTML)))).toEqual({ kind: 'cross-origin' });
  });

  it('classifies HTTP errors: 404, 500, 401 (login), 402 (paywall)', async () => {
    expect(await failureOf(answer(html('nope', {}, 404)))).toEqual({ kind: 'http', status: 404 });
    expect(await failureOf(answer(html('oops', {}, 500)))).toEqual({ kind: 'http', status: 500 });
    expect(await failureOf(answer(html('who?', {}, 401)))).toEqual({ kind: 'login' });
    expect(await failureOf(answer(html('pay', {}, 402)))).toEqual({ kind: 'paywall' });
  });

  it('times out a page that does not answer, and one whose body does not end', async () => {
    const started = Date.now();
    expect(await failureOf(answer(() => new Promise<Response>(() => {})), { timeoutMs: 30 })).toEqual({ kind: 'timeout' });
    const stalled = new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('<html>')) }), { headers: { 'content-type': 'text/html' } });
    expect(await failureOf(answer(stalled), { timeoutMs: 30 })).toEqual({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('is cancelled by its signal, before or during the request', async () => {
    const before = new AbortController();
    before.abort();
    const fetch = answer(html());
    expect(await failureOf(fetch, { signal: before.signal })).toEqual({ kind: 'cancelled' });
    expect(fetch.calls).toBe(0);
    const during = new AbortController();
    const pending = failureOf(answer(() => new Promise<Response>(() => {})), { signal: during.signal });
    during.abort();
    expect(await pending).toEqual({ kind: 'cancelled' });
  });

  it('passes the signal to fetch: a real fetch stops its request', async () => {
    let seen: AbortSignal | null = null;
    const controller = new AbortController();
    const pending = failureOf(
      (_url, init) => {
        seen = init.signal ?? null;
        return new Promise<Response>(() => {});
      },
      { signal: controller.signal },
    );
    controller.abort();
    await pending;
    expect(seen).not.toBeNull();
    expect(seen!.aborted).toBe(true);
  });

  it('reports a network failure (offline, blocked, cross-origin redirect under mode: same-origin)', async () => {
    expect(await failureOf(() => Promise.reject(new TypeError('Failed to fetch')))).toEqual({ kind: 'network' });
  });

  it('refuses what is not HTML, and pages over the size cap', async () => {
    expect(await failureOf(answer(html('{}', { 'content-type': 'application/json' })))).toEqual({ kind: 'not-html', contentType: 'application/json' });
    expect(await failureOf(answer(html('%PDF-1.7', {})))).toEqual({ kind: 'not-html', contentType: '' });
    expect(await failureOf(answer(html(HTML, {})))).toBeNull();
    expect(await failureOf(answer(html(HTML, { 'content-type': 'text/html', 'content-length': '99999999' })), { maxBytes: 1000 })).toEqual({ kind: 'too-large', bytes: 99999999 });
    expect(await failureOf(answer(html('x'.repeat(2000), { 'content-type': 'text/html' })), { maxBytes: 1000 })).toEqual({ kind: 'too-large', bytes: 2000 });
  });

  it('decodes the declared charset (a blog_charset other than UTF-8)', async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('<p>r'), 0xe9, ...new TextEncoder().encode('ponse</p>')]);
    const outcome = await fetchCommentPage(TARGET, { pageUrl: PAGE, fetch: answer(new Response(latin1, { headers: { 'content-type': 'text/html; charset=ISO-8859-1' } })) });
    expect(outcome.ok && outcome.page.html).toBe('<p>réponse</p>');
  });

  it('asks for the page as the page itself would: same-origin credentials and mode, redirects followed', async () => {
    let init: RequestInit | null = null;
    await fetchCommentPage(TARGET, { pageUrl: PAGE, fetch: async (_url, i) => ((init = i), html()) });
    expect(init).toMatchObject({ method: 'GET', credentials: 'same-origin', mode: 'same-origin', redirect: 'follow' });
  });
});

describe('pageContextFetch', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('uses Firefox’s content.fetch when the content script has one, else the global fetch', async () => {
    const global = vi.fn(async () => html());
    vi.stubGlobal('fetch', global);
    await pageContextFetch()(TARGET, {});
    expect(global).toHaveBeenCalledTimes(1);
    const content = { fetch: vi.fn(async () => html()) };
    vi.stubGlobal('content', content);
    await pageContextFetch()(TARGET, {});
    expect(content.fetch).toHaveBeenCalledWith(TARGET, {});
    expect(global).toHaveBeenCalledTimes(1);
  });
});
