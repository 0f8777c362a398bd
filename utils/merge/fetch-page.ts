/**
 * Fetches one comment page of the post the reader is on: same origin only, one request, a timeout, cancellable,
 * a size cap, the charset honoured. Every way it can go wrong is one `PageFailure`; nothing here throws.
 *
 * Which fetch (docs/merge-and-find.md, "Fetching"): the content script's. In Chrome (MV3) a content script's
 * requests already carry the page's origin, cookies and CORS rules. In Firefox (MV2) the content script's own
 * `fetch` runs with the extension's privileges (no Origin/Referer, SameSite cookies treated as cross-site), so the
 * page's `content.fetch` is used when it exists: the request is then the one the page itself would make.
 */
import { sameOriginUrl } from '@/utils/merge/page-plan';

/** The fetch function used (injectable: tests pass a fake, the content script `pageContextFetch()`). */
export type PageFetch = (url: string, init: RequestInit) => Promise<Response>;

/** Why one page could not be merged (docs/merge-and-find.md, "Failure classification"). */
export type PageFailure =
  /** The server answered with an error status (404, 500, 403…). */
  | { kind: 'http'; status: number }
  | { kind: 'timeout' }
  /** No answer: offline, DNS, TLS, a redirect to another origin (refused by `mode: 'same-origin'`), a blocked request. */
  | { kind: 'network' }
  /** The page's link leads to another origin: never requested. */
  | { kind: 'cross-origin' }
  /** Redirected to another post (or the home page), or the page is about another post (id, canonical). */
  | { kind: 'other-post' }
  /** A login page or a 401 instead of the post. */
  | { kind: 'login' }
  /** A paywall or members-only page (402, or the page's own paywall markup) instead of the comments. */
  | { kind: 'paywall' }
  | { kind: 'not-html'; contentType: string }
  | { kind: 'too-large'; bytes: number }
  /** An HTML page of the post without a comment section like the one on screen. */
  | { kind: 'no-comments' }
  /** The server gave another comment page than the one asked for (its navigation says so). */
  | { kind: 'wrong-page'; found: number }
  /** Markup the parser or the rebuild could not get through (an exception, contained: the other pages go on). */
  | { kind: 'unreadable' }
  | { kind: 'cancelled' };

export interface FetchedHtml {
  /** The final URL (after redirects), without fragment. */
  url: string;
  html: string;
  contentType: string;
}

export type FetchOutcome = { ok: true; page: FetchedHtml } | { ok: false; failure: PageFailure };

export interface FetchPageOptions {
  /** The page the reader is on: only URLs of its origin are fetched. */
  pageUrl: string;
  fetch?: PageFetch;
  signal?: AbortSignal;
  /** Per page, from the request to the last byte. */
  timeoutMs?: number;
  maxBytes?: number;
}

export const FETCH_DEFAULTS = { timeoutMs: 20_000, maxBytes: 15_000_000 } as const;

/**
 * The fetch that makes requests as the page would: Firefox's `content.fetch` in a content script, else the global
 * fetch (Chrome's content scripts, tests). Bound at call time, so a test can swap the global.
 */
export function pageContextFetch(): PageFetch {
  const content = (globalThis as { content?: { fetch?: typeof fetch } }).content;
  if (content && typeof content.fetch === 'function') return (url, init) => content.fetch!(url, init);
  return (url, init) => globalThis.fetch(url, init);
}

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;
const LOOKS_LIKE_HTML = /^\s*(?:<!doctype\s+html|<html|<head|<body|<!--)/i;

function charsetOf(contentType: string): string | null {
  return /;\s*charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1]?.toLowerCase() ?? null;
}

/** Bytes to text in the declared charset (a WordPress `blog_charset` other than UTF-8), UTF-8 when unknown. */
function decode(bytes: ArrayBuffer, charset: string): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Rejects with the signal's reason as soon as it aborts: a fetch (or a fake) that ignores its signal still stops. */
function whenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

const TIMEOUT = Symbol('timeout');
const CANCEL = Symbol('cancel');

/** One comment page, or why not. */
export async function fetchCommentPage(url: string, options: FetchPageOptions): Promise<FetchOutcome> {
  const target = sameOriginUrl(url, options.pageUrl);
  if (target === null) return { ok: false, failure: { kind: 'cross-origin' } };
  if (options.signal?.aborted) return { ok: false, failure: { kind: 'cancelled' } };

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(TIMEOUT), options.timeoutMs ?? FETCH_DEFAULTS.timeoutMs);
  const cancel = () => controller.abort(CANCEL);
  options.signal?.addEventListener('abort', cancel, { once: true });
  const aborted = whenAborted(controller.signal);
  aborted.catch(() => {}); // observed below; never an unhandled rejection
  const maxBytes = options.maxBytes ?? FETCH_DEFAULTS.maxBytes;
  const fetchFn = options.fetch ?? pageContextFetch();

  try {
    let response: Response;
    try {
      response = await Promise.race([
        fetchFn(target, {
          method: 'GET',
          // Same-origin requests carry the reader's cookies (logged in, or the `comment_author_*` cookies that show
          // their own comments awaiting moderation); 'same-origin' never sends them anywhere else.
          credentials: 'same-origin',
          // A redirect to another origin fails the request instead of following it.
          mode: 'same-origin',
          redirect: 'follow',
          headers: { Accept: 'text/html,application/xhtml+xml' },
          signal: controller.signal,
        }),
        aborted,
      ]);
    } catch (error) {
      return { ok: false, failure: abortFailure(controller.signal) ?? failureOf(error) };
    }

    const finalUrl = response.url ? sameOriginUrl(response.url, options.pageUrl) : target;
    if (finalUrl === null) return { ok: false, failure: { kind: 'cross-origin' } };
    if (response.status === 401) return { ok: false, failure: { kind: 'login' } };
    if (response.status === 402) return { ok: false, failure: { kind: 'paywall' } };
    if (!response.ok) return { ok: false, failure: { kind: 'http', status: response.status } };

    const contentType = response.headers.get('content-type') ?? '';
    if (contentType && !HTML_TYPES.test(contentType)) return { ok: false, failure: { kind: 'not-html', contentType } };
    const declaredLength = Number(response.headers.get('content-length'));
    if (Number.isFinite(declaredLength) && declaredLength > maxBytes) return { ok: false, failure: { kind: 'too-large', bytes: declaredLength } };

    const charset = charsetOf(contentType);
    let html: string;
    try {
      // text() decodes UTF-8 (and gives a plain string across Firefox's compartments); other charsets are decoded here.
      html =
        charset === null || charset === 'utf-8' || charset === 'utf8'
          ? await Promise.race([response.text(), aborted])
          : decode(await Promise.race([response.arrayBuffer(), aborted]), charset);
    } catch (error) {
      return { ok: false, failure: abortFailure(controller.signal) ?? failureOf(error) };
    }
    if (html.length > maxBytes) return { ok: false, failure: { kind: 'too-large', bytes: html.length } };
    if (!contentType && !LOOKS_LIKE_HTML.test(html)) return { ok: false, failure: { kind: 'not-html', contentType: '' } };
    return { ok: true, page: { url: finalUrl, html, contentType } };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', cancel);
  }
}

function abortFailure(signal: AbortSignal): PageFailure | null {
  if (!signal.aborted) return null;
  return signal.reason === TIMEOUT ? { kind: 'timeout' } : { kind: 'cancelled' };
}

function failureOf(error: unknown): PageFailure {
  if (error instanceof DOMException && error.name === 'AbortError') return { kind: 'cancelled' };
  return { kind: 'network' };
}
