/**
 * What a page says about itself, from structure only (never localized text): which post it is, how many comments
 * it announces, whether it is a login or paywall page. Pure functions of a Document (or a URL).
 */
import { normalizePostUrl } from '@/utils/visits/post-key';

/**
 * The post a URL shows, as a comparable key: the visit memory's post key (utils/visits/post-key.ts: no scheme,
 * fragment, `comment-page-N`, WordPress view parameters or trackers; the identifying query such as `?p=8` kept).
 * Null for anything but an http(s) URL.
 */
export function postKeyOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? normalizePostUrl(parsed) : null;
  } catch {
    return null;
  }
}

/** WordPress's post id as the page prints it: shortlink `?p=N`, `postid-N`/`page-id-N` body class, the comment form. */
export function postIdOf(doc: Document): string | null {
  const shortlink = doc.querySelector('link[rel~="shortlink"][href]')?.getAttribute('href') ?? '';
  const fromShortlink = /[?&]p=(\d+)\b/.exec(shortlink)?.[1];
  if (fromShortlink) return fromShortlink;
  const bodyClass = doc.body?.getAttribute('class') ?? '';
  const fromBody = /(?:^|\s)(?:postid|page-id)-(\d+)(?:\s|$)/.exec(bodyClass)?.[1];
  if (fromBody) return fromBody;
  const field = doc.querySelector('input[name="comment_post_ID"]')?.getAttribute('value') ?? '';
  return /^\d+$/.test(field) ? field : null;
}

/** The page's canonical URL (absolute), or null. */
export function canonicalUrlOf(doc: Document, pageUrl: string): string | null {
  const href = doc.querySelector('link[rel~="canonical"][href]')?.getAttribute('href');
  if (!href) return null;
  try {
    return new URL(href, pageUrl).href;
  } catch {
    return null;
  }
}

/** What identifies the post of a page: compared between the page on screen and each fetched page. */
export interface PostIdentity {
  postId: string | null;
  /** postKeyOf the canonical URL, else of the page URL. */
  key: string | null;
}

export function postIdentityOf(doc: Document, pageUrl: string): PostIdentity {
  const canonical = canonicalUrlOf(doc, pageUrl);
  const canonicalKey = canonical ? postKeyOf(canonical) : null;
  // A canonical on another origin (a syndicated copy) says nothing about this site's URLs.
  const sameOrigin = canonicalKey !== null && canonicalKey.startsWith(new URL(pageUrl).origin);
  return { postId: postIdOf(doc), key: sameOrigin ? canonicalKey : postKeyOf(pageUrl) };
}

/** Same post: by WordPress's post id when both pages print one, else by canonical (or final) URL. */
export function isSamePost(expected: PostIdentity, found: PostIdentity): boolean {
  if (expected.postId !== null && found.postId !== null) return expected.postId === found.postId;
  return expected.key !== null && expected.key === found.key;
}

/** Every object of the page's JSON-LD (top level, arrays, `@graph`, nested values), breadth first, bounded. */
function* jsonLdObjects(doc: Document): Generator<Record<string, unknown>> {
  const queue: unknown[] = Array.from(doc.querySelectorAll('script[type="application/ld+json"]'), (script) => {
    try {
      return JSON.parse(script.textContent ?? '') as unknown;
    } catch {
      return null; // a broken block says nothing
    }
  });
  for (let seen = 0; queue.length > 0 && seen < 5000; seen++) {
    const node = queue.shift();
    if (Array.isArray(node)) queue.push(...node);
    else if (node && typeof node === 'object') {
      yield node as Record<string, unknown>;
      for (const value of Object.values(node)) if (value && typeof value === 'object') queue.push(value);
    }
  }
}

function wholeNumber(value: unknown): number | null {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(number) && number >= 0 ? number : null;
}

/**
 * The comment count the page announces in structured data (Yoast and most SEO plugins: JSON-LD `commentCount`;
 * microdata `itemprop="commentCount"`), or null. WordPress's count: approved comments, pingbacks included.
 */
export function announcedCommentCount(doc: Document): number | null {
  for (const node of jsonLdObjects(doc)) {
    const count = wholeNumber(node.commentCount);
    if (count !== null) return count;
  }
  const item = doc.querySelector('[itemprop="commentCount"]');
  if (!item) return null;
  return wholeNumber(item.getAttribute('content') ?? item.textContent ?? '');
}

/** WordPress's login screen (where a members-only post redirects a reader who is not logged in). */
export function isLoginUrl(url: string): boolean {
  return /\/wp-login\.php$/.test(new URL(url).pathname);
}

/** A login form: WordPress's (`#loginform`, wp_login_form), WooCommerce's or a membership plugin's. */
export function hasLoginForm(doc: Document): boolean {
  return doc.querySelector('#loginform, form[action*="wp-login.php"], form.woocommerce-form-login, form.login-form, form#login-form') !== null;
}

/** Paywall markup: schema.org `isAccessibleForFree: false` (Google's paywall markup) or a paywall plugin's container. */
export function isPaywallPage(doc: Document): boolean {
  for (const node of jsonLdObjects(doc)) {
    const free = node.isAccessibleForFree;
    if (free === false || (typeof free === 'string' && free.trim().toLowerCase() === 'false')) return true;
  }
  return (
    doc.querySelector(
      '.paywall, #paywall, .leaky_paywall_message_wrap, .mepr-unauthorized-message, .rcp_restricted, .pmpro_content_message, .swpm-post-not-logged-in-msg, .wc-memberships-restriction-message',
    ) !== null
  );
}
