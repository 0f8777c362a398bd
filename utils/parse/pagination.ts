import { absoluteHref } from '@/utils/parse/fields';
import { collapseWhitespace } from '@/utils/parse/text';
import type { PaginationInfo } from '@/utils/thread/types';

/** `…/comment-page-3/` (pretty permalinks) or `?cpage=3` (plain). */
const PAGE_NUMBER = /\/comment-page-(\d+)\/?(?:[?#]|$)|[?&]cpage=(\d+)/;

/** The comment-page number a URL names, or null for an unnumbered URL (the post's own: its default page). */
export function pageNumberOf(url: string): number | null {
  const match = PAGE_NUMBER.exec(url);
  const digits = match?.[1] ?? match?.[2];
  return digits ? Number(digits) : null;
}

function hasClassPart(el: Element, part: string): boolean {
  return (el.getAttribute('class') ?? '').toLowerCase().includes(part);
}

function direction(link: Element): 'previous' | 'next' | null {
  const rel = link.getAttribute('rel') ?? '';
  if (/\bprev\b/.test(rel) || hasClassPart(link, 'prev') || link.closest('.nav-previous, .alignleft')) return 'previous';
  if (/\bnext\b/.test(rel) || hasClassPart(link, 'next') || link.closest('.nav-next, .alignright')) return 'next';
  return null;
}

/** A link is a comment-page link when it names a comment page or sits in a comment navigation block and targets the thread. */
function isPageLink(href: string, inNav: boolean): boolean {
  if (pageNumberOf(href) !== null) return true;
  return inNav && /#comments$/.test(href);
}

/**
 * Comment pagination of a section, from the navigation blocks found around its list (section-chrome.ts),
 * or null when the section is not paginated.
 */
export function findPagination(navs: Element[], pageUrl: string): PaginationInfo | null {
  const base = /^https?:/i.test(pageUrl) ? pageUrl : 'http://localhost/';
  const pageUrls: string[] = [];
  let previousUrl: string | null = null;
  let nextUrl: string | null = null;
  let current: number | null = null;
  let highest = 0;

  for (const nav of navs) {
    if (nav.closest('.post-navigation, .posts-navigation')) continue;
    const marker = nav.querySelector('[aria-current="page"], .page-numbers.current, .current');
    const markedNumber = marker ? Number(/\d+/.exec(collapseWhitespace(marker.textContent ?? ''))?.[0]) : NaN;
    if (current === null && Number.isFinite(markedNumber) && markedNumber > 0) current = markedNumber;
    for (const link of Array.from(nav.querySelectorAll('a[href]'))) {
      const url = absoluteHref(link, base);
      if (!url || !isPageLink(url, true)) continue;
      if (!pageUrls.includes(url)) pageUrls.push(url);
      highest = Math.max(highest, pageNumberOf(url) ?? 0);
      const way = direction(link);
      if (way === 'previous') previousUrl ??= url;
      if (way === 'next') nextUrl ??= url;
    }
  }
  if (pageUrls.length === 0) return null;

  const previousNumber = previousUrl ? pageNumberOf(previousUrl) : null;
  const nextNumber = nextUrl ? pageNumberOf(nextUrl) : null;
  current ??= pageNumberOf(pageUrl);
  if (current === null && previousNumber !== null) current = previousNumber + 1;
  if (current === null && nextNumber !== null && nextNumber > 1) current = nextNumber - 1;
  // A first page links forward only; the default (unnumbered) page is then the last one.
  if (current === null && nextUrl && !previousUrl) current = 1;
  let total: number | null = Math.max(highest, current ?? 0) || null;
  if (total !== null && nextUrl && nextNumber === null && current !== null && current >= total) total = current + 1;
  return { current, total, previousUrl, nextUrl, pageUrls };
}
