/**
 * The corpus's paged post (seed-004, 20 top-level threads a page, 2 pages) as a site in memory: each saved page at
 * the URL WordPress served it from (truth `url`), the newest page also at the post's own URL, and a fake fetch
 * that answers from them. Pages open in their own JSDOM window at their URL.
 */
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { detectCommentSections } from '@/utils/detect/detect-comment-sections';
import type { CommentSection } from '@/utils/detect/types';
import type { PageFetch } from '@/utils/merge/fetch-page';
import { insertionPoint } from '@/utils/merge/insert-point';
import type { MergedPageEvent } from '@/utils/merge/load-all-pages';
import { parseSection } from '@/utils/parse/parse-section';
import type { CommentParts, ParsedSection } from '@/utils/parse/types';
import { SHARED_DIR, type TruthFile } from '../../corpus/corpus-pages';

export const PAGED_THEMES = ['twentytwentyone', 'twentytwentytwo', 'twentytwentythree'] as const;
export type PagedTheme = (typeof PAGED_THEMES)[number];
export const SITE_ORIGIN = 'http://127.0.0.1:8089';
export const POST_URL = `${SITE_ORIGIN}/lettre-ouverte-charlatans-managers/`;

interface PagedTruth extends TruthFile {
  url: string;
  settings: { cpage: number; comment_pages: number; comments_per_page: number };
}

export interface SavedPage {
  variant: string;
  number: number;
  url: string;
  html: string;
  truth: PagedTruth;
}

export function savedPages(theme: PagedTheme): SavedPage[] {
  return ['seed-004-paged-p1', 'seed-004-paged-last'].map((variant) => {
    const file = path.join(SHARED_DIR, 'corpus', theme, variant);
    const truth = JSON.parse(fs.readFileSync(`${file}.truth.json`, 'utf8')) as PagedTruth;
    return { variant, number: truth.settings.cpage, url: truth.url, html: fs.readFileSync(`${file}.html`, 'utf8'), truth };
  });
}

/** URL (without fragment) → HTML: every saved page at its own URL, the newest one also at the post URL. */
export function siteRoutes(theme: PagedTheme): Map<string, string> {
  const pages = savedPages(theme);
  const routes = new Map(pages.map((page) => [page.url, page.html]));
  const newest = pages.reduce((a, b) => (a.number > b.number ? a : b));
  routes.set(POST_URL, newest.html);
  return routes;
}

export interface FakeCall {
  url: string;
  init: RequestInit;
}

/** A fetch over `routes` (404 elsewhere) that records its calls; `respond` overrides an answer. */
export function fakeFetch(routes: Map<string, string>, respond?: (url: string) => Response | Promise<Response> | undefined): PageFetch & { calls: FakeCall[] } {
  const calls: FakeCall[] = [];
  const fetch = async (url: string, init: RequestInit): Promise<Response> => {
    calls.push({ url, init });
    const custom = await respond?.(url);
    if (custom) return custom;
    const html = routes.get(url);
    if (html === undefined) return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    return new Response(html, { status: 200, headers: { 'content-type': 'text/html; charset=UTF-8' } });
  };
  return Object.assign(fetch, { calls });
}

/** A Response that claims to come from `url` (after redirects), as fetch's own responses do. */
export function responseFrom(url: string, body: string, init: ResponseInit = { headers: { 'content-type': 'text/html; charset=UTF-8' } }): Response {
  const response = new Response(body, init);
  Object.defineProperty(response, 'url', { value: url });
  Object.defineProperty(response, 'redirected', { value: true });
  return response;
}

export interface OpenedPage {
  dom: JSDOM;
  doc: Document;
  section: CommentSection;
  parsed: ParsedSection;
}

/** A page of the site in its own window at `url`, detected and parsed like the content script does. */
export function openPage(html: string, url: string): OpenedPage {
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  const doc = dom.window.document;
  const detection = detectCommentSections(doc);
  if (detection.status !== 'found') throw new Error(`no comment section at ${url}`);
  const section = detection.sections[0]!;
  return { dom, doc, section, parsed: parseSection(section) };
}

/** The comments of both pages in reading order (page 1 first), as `id parent depth` lines. */
export function truthLines(theme: PagedTheme): string[] {
  return savedPages(theme)
    .sort((a, b) => a.number - b.number)
    .flatMap((page) => page.truth.comments.map((c) => `${c.wp_id} ${c.parent_wp_id === 0 ? '-' : c.parent_wp_id} ${c.depth}`));
}

/**
 * What a view feature does with a page event: its units inserted next to the anchor comment's element (from the
 * page's own parts or the merged ones so far), its parts added to `merged`.
 */
export function insertMergedPage(page: Pick<OpenedPage, 'section' | 'parsed'>, merged: Map<string, CommentParts>, event: MergedPageEvent): void {
  const anchor = page.parsed.parts.get(event.insert.anchorId)?.element ?? merged.get(event.insert.anchorId)?.element;
  if (!anchor) throw new Error(`no element for the anchor comment ${event.insert.anchorId}`);
  const point = insertionPoint(page.section.list, anchor, event.insert.position);
  if (!point) throw new Error(`the anchor comment ${event.insert.anchorId} is not in the list`);
  for (const unit of event.units) point.parent.insertBefore(unit, point.before);
  for (const [id, parts] of event.parts) merged.set(id, parts);
}
