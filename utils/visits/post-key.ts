/**
 * The identity of a blog post, the key under which the reader's visits are remembered: the same post across its
 * comment pages (`/comment-page-2/`, `?cpage=2`), `#comment-N` fragments, `?replytocom=N`, tracking parameters,
 * trailing slashes, `www.` and http/https. Pure: a function of a Document and its URL.
 *
 * Sources, most trusted first: `<link rel=canonical>`, `<meta property=og:url>`, WordPress's `<link rel=shortlink>`
 * (`/?p=N`), the page's own URL. A page can claim anything in its head, so a claimed address counts only when it is
 * on the page's own site (same host but for `www.`, same port): otherwise a page on one blog could read or pollute
 * what the reader has seen on another (docs/new-since-last-visit.md, "Post identity").
 */

import { fnv1a36 } from '@/utils/common/hash';

export type PostKeySource = 'canonical' | 'og:url' | 'shortlink' | 'url';

export interface PostIdentity {
  /** `host[:port]/path[?query]`, scheme-less and normalized: "example.com/2024/05/my-post", "example.com?p=8". */
  key: string;
  /** Where the key came from. */
  source: PostKeySource;
}

/** Query parameters that never change which post a URL shows: trackers, and WordPress's own view parameters. */
const IGNORED_PARAMS = new Set([
  // WordPress: comment page, reply form target, the commenter's own pending comment, AMP switch.
  'cpage',
  'replytocom',
  'unapproved',
  'moderation-hash',
  'amp',
  'noamp',
  'doing_wp_cron',
  // Jetpack sharing buttons and its `nb` newsletter marker.
  'share',
  'nb',
  // Click ids and campaign trackers.
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'igshid',
  'li_fat_id',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'hsctatracking',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'wickedid',
  'rb_clickid',
  's_cid',
  'ref_src',
  'ref_url',
  '__twitter_impression',
  'spm',
]);
/** Tracker families named by prefix: Google (utm_), Matomo/Piwik (mtm_, pk_), HubSpot ads (hsa_). */
const IGNORED_PARAM_PREFIXES = ['utm_', 'mtm_', 'pk_', 'hsa_'];

/** `/comment-page-3` at the end of a path (WordPress's pretty comment pages). */
const COMMENT_PAGE_SEGMENT = /\/comment-page-\d+\/?$/i;
/** `/amp` at the end of a path below at least one other segment (the AMP plugin's endpoint). */
const AMP_SEGMENT = /(?<=.)\/amp\/?$/i;
/** Keys longer than this are shortened with a hash: storage keys stay small and unique enough. */
const MAX_KEY_LENGTH = 400;

function isIgnoredParam(name: string): boolean {
  const lower = name.toLowerCase();
  return IGNORED_PARAMS.has(lower) || IGNORED_PARAM_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

function parseWebUrl(href: string, base?: string): URL | null {
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** The host as the key writes it: lower case (URL already does), without a leading `www.`. */
function siteOf(url: URL): string {
  return url.hostname.replace(/^www\./, '') + (url.port ? `:${url.port}` : '');
}

/** Same site for the purpose of trusting a claimed address: same host but for `www.`, same port. */
export function isSameSite(a: URL, b: URL): boolean {
  return siteOf(a) === siteOf(b);
}

/** The key of a URL: scheme, fragment, comment page, trackers and trailing slashes removed; parameters sorted. */
export function normalizePostUrl(url: URL): string {
  let path = url.pathname.replace(COMMENT_PAGE_SEGMENT, '/').replace(AMP_SEGMENT, '/');
  path = path.replace(/\/+$/, '');
  // forEach and append, not the iterators: in a Firefox content script, searchParams.entries() is not iterable.
  const params: [string, string][] = [];
  url.searchParams.forEach((value, name) => {
    if (!isIgnoredParam(name)) params.push([name, value]);
  });
  params.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const sorted = new URLSearchParams();
  for (const [name, value] of params) sorted.append(name, value);
  const query = params.length > 0 ? `?${sorted.toString()}` : '';
  const key = `${siteOf(url)}${path}${query}`;
  return key.length > MAX_KEY_LENGTH ? `${key.slice(0, MAX_KEY_LENGTH - 9)}#${fnv1a36(key)}` : key;
}

/** The values of the head's `<link rel=…>` (rel is a token list, case-insensitive). */
function linkHrefs(doc: Document, rel: string): string[] {
  const head = doc.head;
  if (!head) return [];
  return Array.from(head.querySelectorAll('link[rel][href]'))
    .filter((link) => (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes(rel))
    .map((link) => link.getAttribute('href') ?? '');
}

function metaContents(doc: Document, property: string): string[] {
  const head = doc.head;
  if (!head) return [];
  return Array.from(head.querySelectorAll('meta[property][content]'))
    .filter((meta) => (meta.getAttribute('property') ?? '').trim().toLowerCase() === property)
    .map((meta) => meta.getAttribute('content') ?? '');
}

/**
 * The one key a set of claimed addresses agree on, or null: none usable, several that disagree (search engines
 * ignore conflicting canonicals too), another site's, or the site's home page claimed by a page that is not the
 * home page (a common SEO-plugin misconfiguration that would merge every post into one).
 */
function agreedKey(claims: string[], page: URL, accept: (url: URL) => boolean = () => true): string | null {
  const keys = new Set<string>();
  for (const claim of claims) {
    // An empty claim would resolve to the page itself: it says nothing.
    const url = claim.trim() ? parseWebUrl(claim.trim(), page.href) : null;
    if (!url || !isSameSite(url, page) || !accept(url)) continue;
    const key = normalizePostUrl(url);
    const pageKey = normalizePostUrl(page);
    if (isHomeKey(key) && !isHomeKey(pageKey)) continue;
    keys.add(key);
  }
  return keys.size === 1 ? [...keys][0]! : null;
}

const isHomeKey = (key: string): boolean => !key.includes('/') && !key.includes('?');

/** WordPress shortlinks are `/?p=N` on the site itself (Jetpack's wp.me links fail the same-site test). */
const isPostShortlink = (url: URL): boolean => /^\d+$/.test(url.searchParams.get('p') ?? '');

/**
 * The post shown by `doc`, loaded from `pageUrl`; null for pages that are not on the web (file:, about:,
 * extension pages), where nothing is remembered.
 */
export function postIdentity(doc: Document, pageUrl: string): PostIdentity | null {
  const page = parseWebUrl(pageUrl);
  if (!page) return null;
  const canonical = agreedKey(linkHrefs(doc, 'canonical'), page);
  if (canonical) return { key: canonical, source: 'canonical' };
  const ogUrl = agreedKey(metaContents(doc, 'og:url'), page);
  if (ogUrl) return { key: ogUrl, source: 'og:url' };
  const shortlink = agreedKey(linkHrefs(doc, 'shortlink'), page, isPostShortlink);
  if (shortlink) return { key: shortlink, source: 'shortlink' };
  return { key: normalizePostUrl(page), source: 'url' };
}
