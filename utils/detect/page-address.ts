/**
 * Is a `#comment-N` link about a comment on THIS page, or a reference to another page's comment (a "recent
 * comments" widget, a related-posts list)? Only the first is evidence of a thread here.
 *
 * The page is known by up to three addresses: the document URL, `link[rel=canonical]` and `meta[property=og:url]`.
 * A link points to this page when it is a bare fragment (`#comment-5`) or when its path (and query, for plain
 * permalinks `?p=123`) equals one of them, once comment-page segments (`/comment-page-2/`), AMP suffixes and
 * trailing slashes are set aside. Without any http(s) address (a page read from a file) an absolute
 * link cannot be placed: `unknown`.
 */
import { safeDom } from '@/utils/dom/safe-dom';

export interface PageAddresses {
  /** Normalized path+query of each known address of the page. */
  keys: ReadonlySet<string>;
  base: string | null;
}

/** Query parameters that name a post on sites without pretty permalinks (`/?p=123`, `/index.php?page_id=4`). */
const POST_PARAMS = ['p', 'page_id', 'attachment_id', 'post', 'q'];

/**
 * The page a URL names: its path without comment-page segments, AMP suffix or trailing slash, compared without
 * case; the query only where the path names no page (plain permalinks), and then only the post parameters
 * (previews, tracking and reply parameters never tell two pages apart).
 */
function normalizedKey(url: URL): string {
  let path = url.pathname;
  try {
    path = decodeURI(path);
  } catch {
    // keep the raw path
  }
  path = path
    .replace(/\/comment-page-\d+\/?$/i, '/')
    .replace(/\/amp\/?$/i, '/')
    .replace(/\/+$/, '')
    .toLowerCase();
  if (path !== '' && path !== '/index.php') return path;
  const query = POST_PARAMS.flatMap((name) => url.searchParams.getAll(name).map((value) => `${name}=${value}`)).join('&');
  return query ? `${path}?${query}` : path;
}

function httpUrl(value: string | null | undefined, base?: string): URL | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** The page's own addresses (read once per detection). */
export function pageAddresses(doc: Document): PageAddresses {
  const dom = safeDom(doc);
  const documentUrl = httpUrl(dom.documentUrl(doc));
  const base = documentUrl ? documentUrl.href : null;
  // `link[rel=canonical]` and `meta[property=og:url]` live in the head: read there, without a selector engine.
  const head = dom.head(doc);
  const canonical = head ? dom.find(head, (el) => dom.tag(el) === 'LINK' && /(?:^|\s)canonical(?:\s|$)/i.test(dom.attr(el, 'rel') ?? '')) : null;
  const ogUrl = head ? dom.find(head, (el) => dom.tag(el) === 'META' && dom.attr(el, 'property') === 'og:url') : null;
  const candidates = [
    documentUrl,
    httpUrl(canonical ? dom.attr(canonical, 'href') : null, base ?? undefined),
    httpUrl(ogUrl ? dom.attr(ogUrl, 'content') : null, base ?? undefined),
  ].filter((url): url is URL => url !== null);
  return { keys: new Set(candidates.map(normalizedKey)), base: base ?? candidates[0]?.href ?? null };
}

export type PagePlace = 'this-page' | 'other-page' | 'unknown';

/** Where an `href` leads, relative to this page. */
export function placeOf(href: string, page: PageAddresses): PagePlace {
  const value = href.trim();
  if (value.startsWith('#')) return 'this-page';
  if (page.keys.size === 0) return 'unknown';
  const url = httpUrl(value, page.base ?? undefined);
  if (!url) return 'unknown';
  return page.keys.has(normalizedKey(url)) ? 'this-page' : 'other-page';
}
