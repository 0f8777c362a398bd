/**
 * The loader on a synthetic 4-page post: reading order and insertion anchors, a page failing on its own (the rest
 * kept, a retry fills the gap), cancel, both caps, previous/next-only navigation, newest-first sites, count warnings.
 */
import { describe, expect, it } from 'vitest';
import { detectCommentSections } from '@/utils/detect/detect-comment-sections';
import { loadAllCommentPages, type LoadAllPagesOptions, type MergedPageEvent, type MergeProgress, type MergeResult } from '@/utils/merge/load-all-pages';
import { parseSection } from '@/utils/parse/parse-section';
import type { CommentParts } from '@/utils/parse/types';
import { fakeFetch, insertMergedPage, openPage, type OpenedPage } from './paged-site';
import { buildSite, pageHtml, pageUrl, POST_URL, siteLines, type SiteOptions } from './synthetic-site';

const lines = (comments: { id: string; parentId: string | null; depth: number }[]) => comments.map((c) => `${c.id} ${c.parentId ?? '-'} ${c.depth}`);

interface Run {
  page: OpenedPage;
  result: MergeResult;
  events: MergedPageEvent[];
  progress: MergeProgress[];
  fetched: string[];
  merged: Map<string, CommentParts>;
  /** The section re-parsed after every insertion, as `id parent depth`. */
  sectionLines: () => string[];
}

async function run(
  site: SiteOptions,
  open: number,
  extra: Partial<LoadAllPagesOptions> & { routes?: Map<string, string>; respond?: Parameters<typeof fakeFetch>[1]; into?: Run } = {},
): Promise<Run> {
  const routes = extra.routes ?? buildSite(site);
  const page = extra.into?.page ?? openPage(routes.get(pageUrl(open, site.pages))!, pageUrl(open, site.pages));
  const fetch = fakeFetch(routes, extra.respond);
  const merged = extra.into?.merged ?? new Map<string, CommentParts>();
  const events: MergedPageEvent[] = [];
  const progress: MergeProgress[] = [];
  const { routes: _routes, respond: _respond, into: _into, onPage: _onPage, ...options } = extra;
  const result = await loadAllCommentPages({
    ...options,
    document: page.doc,
    section: page.section,
    parsed: page.parsed,
    fetch,
    onProgress: (p) => progress.push(p),
    onPage: (event) => {
      events.push(event);
      insertMergedPage(page, merged, event);
      extra.onPage?.(event);
    },
  });
  const sectionLines = () => {
    const detection = detectCommentSections(page.doc);
    if (detection.status !== 'found') return [];
    return lines(parseSection(detection.sections[0]!).thread.comments);
  };
  return { page, result, events, progress, fetched: fetch.calls.map((call) => call.url), merged, sectionLines };
}

const FOUR: SiteOptions = { pages: 4, perPage: 3 };

describe('loadAllCommentPages on a 4-page post', () => {
  it('opened on page 2: fetches 1, 3, 4 in reading order and inserts each where it belongs', async () => {
    const r = await run(FOUR, 2);
    expect(r.result.outcome).toBe('complete');
    expect(r.fetched).toEqual([pageUrl(1, 4), pageUrl(3, 4), `${POST_URL}comment-page-4/`]);
    expect(r.events.map((e) => [e.page.number, e.insert.position])).toEqual([
      [1, 'before'],
      [3, 'after'],
      [4, 'after'],
    ]);
    expect(lines(r.result.thread.comments)).toEqual(siteLines(FOUR, [1, 2, 3, 4]));
    expect(r.sectionLines()).toEqual(siteLines(FOUR, [1, 2, 3, 4]));
    expect(r.progress.map((p) => `${p.page}/${p.total} ${p.step}/${p.steps}`)).toEqual(['1/4 1/3', '3/4 2/3', '4/4 3/3']);
    expect(r.progress.map((p) => p.comments)).toEqual([6, 12, 18]);
  });

  it('a page that fails is said and the others are kept; a retry inserts it between its neighbours', async () => {
    const routes = buildSite(FOUR);
    const broken = new Map(routes);
    broken.delete(pageUrl(3, 4));
    const first = await run(FOUR, 2, { routes: broken });
    expect(first.result.outcome).toBe('partial');
    expect(first.result.pages.map((p) => [p.number, p.status, p.failure?.kind ?? null])).toEqual([
      [1, 'merged', null],
      [2, 'on-screen', null],
      [3, 'failed', 'http'],
      [4, 'merged', null],
    ]);
    expect(first.result.pages[2]!.failure).toEqual({ kind: 'http', status: 404 });
    expect(first.sectionLines()).toEqual(siteLines(FOUR, [1, 2, 4]));

    const retry = await run(FOUR, 2, { routes, previous: first.result, into: first });
    expect(retry.fetched).toEqual([pageUrl(3, 4)]);
    expect(retry.events.map((e) => [e.page.number, e.insert])).toEqual([[3, { position: 'before', anchorId: '401' }]]);
    expect(retry.result.outcome).toBe('complete');
    expect(lines(retry.result.thread.comments)).toEqual(siteLines(FOUR, [1, 2, 3, 4]));
    expect(first.sectionLines()).toEqual(siteLines(FOUR, [1, 2, 3, 4]));
  });

  it('classifies each page on its own: timeout, another post, login, not HTML', async () => {
    const other = pageHtml(1, FOUR).replace("?p=7'", "?p=9'").replace('postid-7', 'postid-9').replace("value='7'", "value='9'");
    const r = await run({ ...FOUR, pages: 4 }, 4, {
      timeoutMs: 40,
      respond: (url) => {
        if (url === pageUrl(1, 4)) return new Response(other, { headers: { 'content-type': 'text/html' } });
        if (url === pageUrl(2, 4)) return new Promise<Response>(() => {}); // never answers
        if (url === pageUrl(3, 4)) return new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } });
        return undefined;
      },
    });
    expect(r.result.pages.map((p) => p.failure?.kind ?? p.status)).toEqual(['other-post', 'timeout', 'not-html', 'on-screen']);
    expect(r.result.outcome).toBe('partial');
    expect(r.events).toHaveLength(0);
    expect(lines(r.result.thread.comments)).toEqual(siteLines(FOUR, [4]));
  });

  it('stops when cancelled: nothing more is fetched or inserted', async () => {
    const controller = new AbortController();
    const r = await run(FOUR, 1, { signal: controller.signal, onPage: () => controller.abort() });
    expect(r.result.outcome).toBe('cancelled');
    expect(r.events.map((e) => e.page.number)).toEqual([2]);
    expect(r.fetched).toHaveLength(1);
    expect(r.result.pages.map((p) => [p.number, p.status, p.reason ?? null])).toEqual([
      [1, 'on-screen', null],
      [2, 'merged', null],
      [3, 'not-loaded', 'cancelled'],
      [4, 'not-loaded', 'cancelled'],
    ]);
    expect(r.sectionLines()).toEqual(siteLines(FOUR, [1, 2]));
  });

  it('cancelled while a page is in flight: that page is not inserted', async () => {
    const controller = new AbortController();
    const r = await run(FOUR, 1, {
      signal: controller.signal,
      respond: (url) => (url === pageUrl(2, 4) ? (controller.abort(), new Promise<Response>(() => {})) : undefined),
    });
    expect(r.result.outcome).toBe('cancelled');
    expect(r.events).toHaveLength(0);
    expect(r.result.pages[1]).toMatchObject({ number: 2, status: 'not-loaded', reason: 'cancelled' });
  });

  it('caps the comments: the page that would pass the limit is not merged, and the cap is said', async () => {
    const r = await run(FOUR, 1, { maxComments: 13 });
    expect(r.result.outcome).toBe('capped');
    expect(r.result.cap).toEqual({ kind: 'comments', limit: 13 });
    expect(r.result.pages.map((p) => [p.number, p.status, p.reason ?? null])).toEqual([
      [1, 'on-screen', null],
      [2, 'merged', null],
      [3, 'not-loaded', 'cap-comments'],
      [4, 'not-loaded', 'cap-comments'],
    ]);
    expect(r.result.thread.comments).toHaveLength(12);
  });

  it('caps the pages: a window around the page on screen, the others said', async () => {
    const r = await run(FOUR, 4, { maxPages: 3 });
    expect(r.result.outcome).toBe('capped');
    expect(r.result.cap).toEqual({ kind: 'pages', limit: 3 });
    expect(r.result.pages.map((p) => [p.number, p.status, p.reason ?? null])).toEqual([
      [1, 'not-loaded', 'cap-pages'],
      [2, 'merged', null],
      [3, 'merged', null],
      [4, 'on-screen', null],
    ]);
    expect(r.sectionLines()).toEqual(siteLines(FOUR, [2, 3, 4]));
  });

  it('previous/next links only: walks page after page and learns the count', async () => {
    const site: SiteOptions = { pages: 4, perPage: 2, nav: 'prevnext' };
    const r = await run(site, 1);
    expect(r.result.outcome).toBe('complete');
    expect(r.progress.map((p) => [p.page, p.total, p.totalKnown])).toEqual([
      [2, 2, false],
      [3, 3, false],
      [4, 4, true],
    ]);
    expect(r.sectionLines()).toEqual(siteLines(site, [1, 2, 3, 4]));
  });

  it('newest first (comment_order = desc): the pages read from the last to the first', async () => {
    const site: SiteOptions = { pages: 3, perPage: 3, order: 'desc' };
    const r = await run(site, 3);
    expect(r.result.plan.status === 'ready' && r.result.plan.order).toBe('newest-first');
    expect(r.fetched).toEqual([pageUrl(2, 3), pageUrl(1, 3)]);
    expect(lines(r.result.thread.comments)).toEqual(siteLines(site, [3, 2, 1]));
    expect(r.sectionLines()).toEqual(siteLines(site, [3, 2, 1]));
  });

  it('warns when a full page holds another number of threads, or the post announces another count', async () => {
    const site: SiteOptions = { pages: 3, perPage: 3, topLevelOn: { 2: 2 }, announced: 99 };
    const r = await run(site, 1);
    expect(r.result.outcome).toBe('complete');
    expect(r.result.pages[1]!.warnings).toEqual([{ kind: 'count-mismatch', expected: 3, found: 2 }]);
    expect(r.result.pages[2]!.warnings).toEqual([]);
    expect(r.result.announced).toBe(99);
    expect(r.result.countMismatch).toEqual({ announced: 99, shown: 16 });
    const exact = await run({ ...FOUR, announced: 24 }, 1);
    expect(exact.result.countMismatch).toBeNull();
  });

  it('keeps comments already on screen where they are (pages shifted between two loads)', async () => {
    const routes = buildSite(FOUR);
    // Page 3 now starts with page 2's last thread (a comment of page 2 was deleted meanwhile).
    const shifted = pageHtml(3, FOUR).replace('<ol class="comment-list">', `<ol class="comment-list">\n<li id="comment-205" class="comment even depth-1"><article id="div-comment-205" class="comment-body"><div class="comment-content"><p>again</p></div></article></li>`);
    routes.set(pageUrl(3, 4), shifted);
    const r = await run(FOUR, 2, { routes });
    expect(r.result.pages[2]!.warnings).toEqual([
      { kind: 'count-mismatch', expected: 3, found: 4 },
      { kind: 'duplicates', count: 1 },
    ]);
    expect(r.sectionLines()).toEqual(siteLines(FOUR, [1, 2, 3, 4]));
  });
});
