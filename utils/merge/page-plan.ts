/**
 * The comment pages of a paginated thread: every page in reading order, which one is on screen, which to fetch.
 * Pure: from the parser's PaginationInfo and the page URL (docs/merge-and-find.md, "The plan").
 *
 * How WordPress numbers pages (comments_template, get_comments_pagenum_link, paginate_comments_links):
 * - page 1 always holds the OLDEST top-level threads (the comment query runs oldest first, offset by page);
 *   a page holds `comments_per_page` top-level threads with all their replies: threads never split;
 * - `default_comments_page` only says which page the post's own URL shows: `newest` (the default) the last one,
 *   `oldest` page 1. That page's links carry no `comment-page-N` segment; every other page's do (or `cpage=N`);
 * - `comment_order = desc` only reverses the top-level threads inside each page. Reading order then runs from
 *   the last page to the first, so the merged thread reads newest first throughout, as the site shows it.
 */
import { mergeSupportOf } from '@/utils/merge/dialect-support';
import { pageNumberOf } from '@/utils/parse/pagination';
import type { MarkupDialect, PaginationInfo, ThreadComment } from '@/utils/thread/types';

/** The cap of one merge (issue #13): past it the plan (pages) or the loader (comments) stops, and says so. */
export const MERGE_LIMITS = { maxPages: 20, maxComments: 5000 } as const;

/** Order of the top-level threads as the site prints them (WordPress's `comment_order`). */
export type CommentOrder = 'oldest-first' | 'newest-first';

export interface PlannedPage {
  /** WordPress's page number: 1 holds the oldest top-level threads. */
  number: number;
  /** Same-origin URL of the page, without fragment (the page's own URL for the page on screen). */
  url: string;
  onScreen: boolean;
}

/** A page of the thread that will not be fetched. */
export interface SkippedPage {
  number: number;
  /** `cross-origin`: its only link leads to another origin; `cap`: past the page cap; `no-url`: no link to it. */
  reason: 'cross-origin' | 'cap' | 'no-url';
}

/** `${prefix}${n}${suffix}` is the URL of page n (`…/comment-page-` n `/`, or `…?p=8&cpage=` n). */
export interface PageUrlPattern {
  prefix: string;
  suffix: string;
}

export interface ReadyPlan {
  status: 'ready';
  /** The page on screen. */
  current: number;
  /** Pages of the thread (a lower bound while `totalKnown` is false). */
  total: number;
  /** False when the page only links to the next page: the loader learns the rest from the pages it fetches. */
  totalKnown: boolean;
  order: CommentOrder;
  /** The pages that will be shown, on-screen one included, in reading order (at most `maxPages`). */
  pages: PlannedPage[];
  /** Pages of the thread left out, in reading order. */
  skipped: SkippedPage[];
  /** True when the thread has more pages than `maxPages` (some were left out, or may be once `total` is known). */
  capped: boolean;
  maxPages: number;
  pageUrl: string;
  pattern: PageUrlPattern | null;
  /** Same-origin URLs the pages link to, by page number (without fragment). */
  linked: Record<number, string>;
}

export type CommentPagePlan =
  | { status: 'single' }
  /** Paginated, but this page's number or the page count cannot be told: nothing can be placed. */
  | { status: 'unplaceable' }
  /** Paginated, in a dialect whose comment pages the merge does not put together (utils/merge/dialect-support.ts). */
  | { status: 'unsupported'; dialect: MarkupDialect }
  | ReadyPlan;

/** The URL with its fragment removed. */
function withoutHash(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

/**
 * `url` if it is on the page's origin (without fragment), else null. An `http:` link to the page's own host from an
 * `https:` page is upgraded (a WordPress `siteurl` left on http behind a TLS proxy): never downgraded, never another
 * host or port.
 */
export function sameOriginUrl(url: string, pageUrl: string): string | null {
  let target: URL;
  let page: URL;
  try {
    target = new URL(url, pageUrl);
    page = new URL(pageUrl);
  } catch {
    return null;
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return null;
  target.hash = '';
  if (target.origin === page.origin) return target.href;
  const upgradable = page.protocol === 'https:' && target.protocol === 'http:' && target.hostname === page.hostname && target.port === '' && page.port === '';
  if (!upgradable) return null;
  target.protocol = 'https:';
  return target.origin === page.origin ? target.href : null;
}

const PATH_NUMBER = /(\/comment-page-)(\d+)(?=\/?(?:[?#]|$))/;
const QUERY_NUMBER = /([?&]cpage=)(\d+)/;

/** The URL pattern of a numbered comment-page URL, or null for an unnumbered one. */
export function pageUrlPattern(url: string): PageUrlPattern | null {
  const href = withoutHash(url);
  const match = PATH_NUMBER.exec(href) ?? QUERY_NUMBER.exec(href);
  if (!match) return null;
  return { prefix: href.slice(0, match.index) + match[1], suffix: href.slice(match.index + match[0].length) };
}

/** Page numbers of the links of one page's navigation: numbered links, and the unnumbered next/previous link. */
function linkedNumbers(info: PaginationInfo, current: number): [number, string][] {
  const found: [number, string][] = [];
  for (const url of info.pageUrls) {
    const number = pageNumberOf(url);
    if (number !== null) found.push([number, url]);
  }
  // The post's own URL: the page after this one when the site shows the newest page there, the one before when
  // it shows the oldest (get_comments_pagenum_link omits the segment for exactly that page).
  if (info.nextUrl && pageNumberOf(info.nextUrl) === null) found.push([current + 1, info.nextUrl]);
  if (info.previousUrl && pageNumberOf(info.previousUrl) === null && current > 1) found.push([current - 1, info.previousUrl]);
  return found;
}

/** How many pages one page's navigation says there are, and whether that is certain. */
function countFrom(info: PaginationInfo, current: number): { total: number; known: boolean } {
  const total = Math.max(info.total ?? 0, current);
  if (!info.nextUrl) return { total, known: true };
  const next = pageNumberOf(info.nextUrl);
  // An unnumbered next link is the post's own URL: the newest page, hence the last one.
  if (next === null) return { total: Math.max(total, current + 1), known: true };
  // Numbered navigation lists pages past the next one (paginate_links always shows the last page).
  if (next < total) return { total, known: true };
  // Previous/next links only: more pages may follow the next one.
  return { total: Math.max(total, next), known: false };
}

interface PlanState {
  current: number;
  total: number;
  totalKnown: boolean;
  order: CommentOrder;
  maxPages: number;
  pageUrl: string;
  pattern: PageUrlPattern | null;
  linked: Record<number, string>;
}

function readingOrder(total: number, order: CommentOrder): number[] {
  const numbers = Array.from({ length: total }, (_, i) => i + 1);
  return order === 'newest-first' ? numbers.reverse() : numbers;
}

function buildPlan(state: PlanState): ReadyPlan {
  const all = readingOrder(state.total, state.order);
  const at = all.indexOf(state.current);
  const size = Math.min(state.maxPages, all.length);
  // The window of pages shown holds the page on screen and starts as early in reading order as it can.
  const start = Math.max(0, at - size + 1);
  const window = new Set(all.slice(start, start + size));
  const pages: PlannedPage[] = [];
  const skipped: SkippedPage[] = [];
  for (const number of all) {
    if (!window.has(number)) {
      skipped.push({ number, reason: 'cap' });
      continue;
    }
    if (number === state.current) {
      pages.push({ number, url: withoutHash(state.pageUrl), onScreen: true });
      continue;
    }
    const linked = state.linked[number];
    const url = linked ?? (state.pattern ? `${state.pattern.prefix}${number}${state.pattern.suffix}` : null);
    const safe = url === null ? null : sameOriginUrl(url, state.pageUrl);
    if (safe === null) skipped.push({ number, reason: url === null ? 'no-url' : 'cross-origin' });
    else pages.push({ number, url: safe, onScreen: false });
  }
  const capped = all.length > state.maxPages || (!state.totalKnown && all.length >= state.maxPages);
  return { status: 'ready', ...state, pages, skipped, capped };
}

function addLinks(state: PlanState, info: PaginationInfo, current: number, ownUrl: string): void {
  for (const [number, url] of [[current, ownUrl] as [number, string], ...linkedNumbers(info, current)]) {
    const safe = sameOriginUrl(url, state.pageUrl);
    // The first same-origin link to a page wins; a cross-origin one is kept only to say why it is skipped.
    if (safe !== null && state.linked[number] === undefined) state.linked[number] = safe;
    if (safe !== null) state.pattern ??= pageUrlPattern(safe);
    else if (state.linked[number] === undefined) state.linked[number] = url;
  }
}

export interface PlanInput {
  pagination: PaginationInfo | null;
  /** The page's URL (document.URL). */
  pageUrl: string;
  /** Order of the top-level threads on screen (detectCommentOrder); oldest first when unknown. */
  order?: CommentOrder;
  maxPages?: number;
  /** The section's markup dialect; without it, WordPress's paging is assumed. */
  dialect?: MarkupDialect;
}

/** Every comment page of the post in reading order, the one on screen marked, the others to fetch (same origin). */
export function planCommentPages(input: PlanInput): CommentPagePlan {
  const { pagination, pageUrl } = input;
  if (!pagination || (pagination.total !== null && pagination.total <= 1 && !pagination.nextUrl && !pagination.previousUrl)) {
    return { status: 'single' };
  }
  if (input.dialect && !mergeSupportOf(input.dialect).supported) return { status: 'unsupported', dialect: input.dialect };
  const current = pagination.current;
  if (current === null || !/^https?:/i.test(pageUrl)) return { status: 'unplaceable' };
  const { total, known } = countFrom(pagination, current);
  if (total <= 1) return { status: 'single' };
  const state: PlanState = {
    current,
    total,
    totalKnown: known,
    order: input.order ?? 'oldest-first',
    maxPages: Math.max(1, input.maxPages ?? MERGE_LIMITS.maxPages),
    pageUrl,
    pattern: null,
    linked: {},
  };
  addLinks(state, pagination, current, pageUrl);
  return buildPlan(state);
}

/**
 * The plan after fetching page `number` at `url`: its navigation may reveal more pages (a theme with only
 * previous/next links shows one page ahead at a time) or other links. Pages already planned keep their URL.
 */
export function extendPlan(plan: ReadyPlan, number: number, pagination: PaginationInfo | null, url: string): ReadyPlan {
  if (!pagination) return plan;
  const state: PlanState = {
    current: plan.current,
    total: plan.total,
    totalKnown: plan.totalKnown,
    order: plan.order,
    maxPages: plan.maxPages,
    pageUrl: plan.pageUrl,
    pattern: plan.pattern,
    linked: { ...plan.linked },
  };
  const seen = pagination.current ?? number;
  const { total, known } = countFrom(pagination, seen);
  state.total = Math.max(state.total, total);
  state.totalKnown = state.totalKnown || known;
  addLinks(state, pagination, seen, url);
  return buildPlan(state);
}

/** -1, 0 or 1: how `b` follows `a` in time, by date, else (no date, or the same minute) by WordPress's increasing ids. */
function timeStep(a: ThreadComment, b: ThreadComment): number {
  const dates = a.date && b.date ? Math.sign(Date.parse(b.date) - Date.parse(a.date)) : NaN;
  if (dates === 1 || dates === -1) return dates;
  return /^\d+$/.test(a.id) && /^\d+$/.test(b.id) ? Math.sign(Number(b.id) - Number(a.id)) : 0;
}

/**
 * The site's `comment_order`, read from the top-level threads on screen: oldest first unless most steps from one
 * thread to the next go back in time. Pingbacks and trackbacks are left out: many themes list them apart, after the
 * comments (`wp_list_comments( 'type=pings' )`), so their place says nothing about the order (hestia's fixture: a
 * page of one comment then an older pingback read as newest first).
 */
export function detectCommentOrder(comments: readonly ThreadComment[]): CommentOrder {
  const tops = comments.filter((comment) => comment.parentId === null && comment.type !== 'pingback' && comment.type !== 'trackback');
  let forward = 0;
  let backward = 0;
  for (let i = 1; i < tops.length; i++) {
    const step = timeStep(tops[i - 1]!, tops[i]!);
    if (step > 0) forward++;
    else if (step < 0) backward++;
  }
  return backward > forward ? 'newest-first' : 'oldest-first';
}
