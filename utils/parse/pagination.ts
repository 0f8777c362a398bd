import type { DialectProfile } from '@/utils/dialects/types';
import { wordpressProfile } from '@/utils/dialects/wordpress';
import { safeDom, type SafeDom } from '@/utils/dom/safe-dom';
import { absoluteHref } from '@/utils/parse/fields';
import { collapseWhitespace, textWithout } from '@/utils/parse/text';
import type { PaginationInfo } from '@/utils/thread/types';

function hasClassPart(el: Element, part: string, dom: SafeDom): boolean {
  return (dom.attr(el, 'class') ?? '').toLowerCase().includes(part);
}

function direction(link: Element, dom: SafeDom): 'previous' | 'next' | null {
  const rel = dom.attr(link, 'rel') ?? '';
  if (/\bprev\b/.test(rel) || hasClassPart(link, 'prev', dom) || dom.closest(link, '.nav-previous, .alignleft, .pager__item--previous, .pager-previous')) return 'previous';
  if (/\bnext\b/.test(rel) || hasClassPart(link, 'next', dom) || dom.closest(link, '.nav-next, .alignright, .pager__item--next, .pager-next')) return 'next';
  return null;
}

/**
 * Comment pagination of a section, from the navigation blocks found around its list (section-chrome.ts), or null
 * when the section is not paginated. Page numbers are read from links by the dialect's profile (`comment-page-3`,
 * `?cpage=3`, Drupal's 0-based `?page=2`).
 */
export function findPagination(navs: Element[], pageUrl: string, profile: DialectProfile): PaginationInfo | null {
  const base = /^https?:/i.test(pageUrl) ? pageUrl : 'http://localhost/';
  const pageNumberOf = (url: string): number | null => profile.pagination.pageNumber(url);
  const pageUrls: string[] = [];
  let previousUrl: string | null = null;
  let nextUrl: string | null = null;
  let current: number | null = null;
  let highest = 0;

  for (const nav of navs) {
    const dom = safeDom(nav);
    if (dom.closest(nav, '.post-navigation, .posts-navigation')) continue;
    const marker = dom.query(nav, '[aria-current="page"], .page-numbers.current, .current, .pager__item.is-active, .pager-current');
    const markedNumber = marker ? Number(/\d+/.exec(collapseWhitespace(textWithout(marker)))?.[0]) : NaN;
    if (current === null && Number.isFinite(markedNumber) && markedNumber > 0) current = markedNumber;
    for (const link of dom.queryAll(nav, 'a[href]')) {
      const url = absoluteHref(link, base);
      if (!url) continue;
      const number = pageNumberOf(url);
      // A link is a comment-page link when it names a comment page or, in a navigation block, targets the thread.
      if (number === null && !/#comments$/.test(url)) continue;
      if (!pageUrls.includes(url)) pageUrls.push(url);
      highest = Math.max(highest, number ?? 0);
      const way = direction(link, dom);
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

/**
 * The WordPress comment-page number a URL names (`/comment-page-3/`, `?cpage=3`), or null for an unnumbered URL (the
 * post's own: its default page). The comment-pages merge (utils/merge) follows WordPress's paging.
 */
export function pageNumberOf(url: string): number | null {
  return wordpressProfile.pagination.pageNumber(url);
}
