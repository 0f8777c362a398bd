import { describe, expect, it } from 'vitest';
import { detectCommentOrder, extendPlan, planCommentPages, sameOriginUrl, type ReadyPlan } from '@/utils/merge/page-plan';
import type { PaginationInfo, ThreadComment } from '@/utils/thread/types';
import { openPage, POST_URL, savedPages } from './paged-site';
import { sharedOrNotice } from '../../shared-material';

const POST = 'https://blog.example/2024/05/a-post/';
const page = (n: number) => `${POST}comment-page-${n}/#comments`;
const bare = (n: number) => `${POST}comment-page-${n}/`;

function info(partial: Partial<PaginationInfo>): PaginationInfo {
  return { current: null, total: null, previousUrl: null, nextUrl: null, pageUrls: [], ...partial };
}

function ready(plan: ReturnType<typeof planCommentPages>): ReadyPlan {
  expect(plan.status).toBe('ready');
  return plan as ReadyPlan;
}

const numbers = (plan: ReadyPlan) => plan.pages.map((p) => (p.onScreen ? `[${p.number}]` : p.number));

describe('planCommentPages', () => {
  it('has nothing to plan without pagination', () => {
    expect(planCommentPages({ pagination: null, pageUrl: POST })).toEqual({ status: 'single' });
  });

  it('cannot place a page whose number is unknown', () => {
    expect(planCommentPages({ pagination: info({ pageUrls: [page(2)], total: 2 }), pageUrl: POST })).toEqual({ status: 'unplaceable' });
  });

  it.skipIf(!sharedOrNotice('the comment-page plan of the paged corpus post (../shared/corpus)'))('reads the corpus pages: page 1 links to page 2, the post URL shows page 2 and links to page 1', () => {
    for (const saved of savedPages('twentytwentyone')) {
      const opened = openPage(saved.html, saved.number === 1 ? saved.url : POST_URL);
      const plan = ready(planCommentPages({ pagination: opened.parsed.thread.pagination, pageUrl: opened.doc.URL }));
      expect(plan.total).toBe(2);
      // Page 1 links to page 2 only: from PaginationInfo alone, "2 of 2" and "2 of more" look the same, so the
      // loader learns the count from page 2 (no next link there). The last page knows it is the last.
      expect(plan.totalKnown).toBe(saved.number === 2);
      expect(plan.pages.map((p) => [p.number, p.onScreen])).toEqual([
        [1, saved.number === 1],
        [2, saved.number === 2],
      ]);
      const other = plan.pages.find((p) => !p.onScreen)!;
      expect(other.url).toMatch(/^http:\/\/127\.0\.0\.1:8089\/lettre-ouverte-charlatans-managers\/comment-page-\d\/$/);
    }
  });

  it('fills the pages paginate_comments_links leaves out ("1 … 4 5 6 … 12") from the URL pattern', () => {
    const plan = ready(
      planCommentPages({
        pagination: info({ current: 5, total: 12, previousUrl: page(4), nextUrl: page(6), pageUrls: [page(1), page(4), page(6), page(12)] }),
        pageUrl: bare(5),
      }),
    );
    expect(plan.totalKnown).toBe(true);
    expect(numbers(plan)).toEqual([1, 2, 3, 4, '[5]', 6, 7, 8, 9, 10, 11, 12]);
    expect(plan.pages.map((p) => p.url)).toEqual(Array.from({ length: 12 }, (_, i) => bare(i + 1)));
    expect(plan.skipped).toEqual([]);
    expect(plan.capped).toBe(false);
  });

  it('newest page at the post URL (default_comments_page = newest): the post URL is the last page', () => {
    const plan = ready(planCommentPages({ pagination: info({ current: 3, total: 3, previousUrl: page(2), pageUrls: [page(1), page(2)] }), pageUrl: POST }));
    expect(numbers(plan)).toEqual([1, 2, '[3]']);
    expect(plan.pages[2]!.url).toBe(POST);
  });

  it('an unnumbered "newer" link is the last page; an unnumbered "older" link is page 1 (oldest default)', () => {
    const newer = ready(planCommentPages({ pagination: info({ current: 2, total: 3, previousUrl: page(1), nextUrl: `${POST}#comments`, pageUrls: [page(1), `${POST}#comments`] }), pageUrl: bare(2) }));
    expect(newer.total).toBe(3);
    expect(newer.totalKnown).toBe(true);
    expect(newer.pages.map((p) => p.url)).toEqual([bare(1), bare(2), POST]);

    const older = ready(planCommentPages({ pagination: info({ current: 2, total: 3, previousUrl: `${POST}#comments`, nextUrl: page(3), pageUrls: [`${POST}#comments`, page(3)] }), pageUrl: bare(2) }));
    expect(older.pages.map((p) => p.url)).toEqual([POST, bare(2), bare(3)]);
  });

  it('oldest default, read at the post URL (page 1): the other pages from their numbered links', () => {
    const plan = ready(planCommentPages({ pagination: info({ current: 1, total: 3, nextUrl: page(2), pageUrls: [page(2), page(3)] }), pageUrl: POST }));
    expect(plan.pages.map((p) => [p.number, p.url, p.onScreen])).toEqual([
      [1, POST, true],
      [2, bare(2), false],
      [3, bare(3), false],
    ]);
  });

  it('previous/next links only: the count is a lower bound, learned page after page', () => {
    let plan = ready(planCommentPages({ pagination: info({ current: 1, total: 2, nextUrl: page(2), pageUrls: [page(2)] }), pageUrl: bare(1) }));
    expect(plan.totalKnown).toBe(false);
    expect(numbers(plan)).toEqual(['[1]', 2]);
    plan = extendPlan(plan, 2, info({ current: 2, total: 3, previousUrl: page(1), nextUrl: page(3), pageUrls: [page(1), page(3)] }), bare(2));
    expect(plan.totalKnown).toBe(false);
    expect(numbers(plan)).toEqual(['[1]', 2, 3]);
    plan = extendPlan(plan, 3, info({ current: 3, total: 3, previousUrl: page(2), pageUrls: [page(2)] }), bare(3));
    expect(plan.totalKnown).toBe(true);
    expect(numbers(plan)).toEqual(['[1]', 2, 3]);
  });

  it('plain permalinks: ?p=N&cpage=N', () => {
    const base = 'http://blog.example/?p=42';
    const plan = ready(
      planCommentPages({
        pagination: info({ current: 3, total: 4, previousUrl: `${base}&cpage=2#comments`, nextUrl: `${base}&cpage=4#comments`, pageUrls: [`${base}&cpage=1#comments`, `${base}&cpage=2#comments`, `${base}&cpage=4#comments`] }),
        pageUrl: `${base}&cpage=3`,
      }),
    );
    expect(plan.pages.map((p) => p.url)).toEqual([1, 2, 3, 4].map((n) => `${base}&cpage=${n}`));
  });

  it('never plans another origin; an http link to the https page’s own host is upgraded', () => {
    const plan = ready(
      planCommentPages({
        pagination: info({ current: 2, total: 3, previousUrl: 'https://mirror.example/a-post/comment-page-1/', nextUrl: 'http://blog.example/2024/05/a-post/comment-page-3/', pageUrls: ['https://mirror.example/a-post/comment-page-1/', 'http://blog.example/2024/05/a-post/comment-page-3/'] }),
        pageUrl: bare(2),
      }),
    );
    expect(numbers(plan)).toEqual(['[2]', 3]);
    expect(plan.pages[1]!.url).toBe(bare(3));
    expect(plan.skipped).toEqual([{ number: 1, reason: 'cross-origin' }]);
    expect(sameOriginUrl('http://blog.example:8080/x', 'https://blog.example/')).toBeNull();
    expect(sameOriginUrl('javascript:alert(1)', 'https://blog.example/')).toBeNull();
    expect(sameOriginUrl('https://blog.example/x#y', 'http://blog.example/')).toBeNull();
  });

  it('caps at 20 pages: a window that holds the page on screen, as early as it can', () => {
    const links = (n: number) => Array.from({ length: 30 }, (_, i) => page(i + 1)).filter((_, i) => i + 1 !== n);
    const last = ready(planCommentPages({ pagination: info({ current: 30, total: 30, previousUrl: page(29), pageUrls: links(30) }), pageUrl: POST }));
    expect(last.capped).toBe(true);
    expect(last.pages.map((p) => p.number)).toEqual(Array.from({ length: 20 }, (_, i) => i + 11));
    expect(last.skipped.map((p) => p.reason)).toEqual(Array(10).fill('cap'));
    const third = ready(planCommentPages({ pagination: info({ current: 3, total: 30, previousUrl: page(2), nextUrl: page(4), pageUrls: links(3) }), pageUrl: bare(3) }));
    expect(third.pages.map((p) => p.number)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(ready(planCommentPages({ pagination: info({ current: 2, total: 3, pageUrls: [page(1), page(3)] }), pageUrl: bare(2), maxPages: 2 })).pages.map((p) => p.number)).toEqual([1, 2]);
  });

  it('newest first (comment_order = desc): reading order runs from the last page to the first', () => {
    const plan = ready(planCommentPages({ pagination: info({ current: 3, total: 3, previousUrl: page(2), pageUrls: [page(1), page(2)] }), pageUrl: POST, order: 'newest-first' }));
    expect(numbers(plan)).toEqual(['[3]', 2, 1]);
  });
});

describe('detectCommentOrder', () => {
  const comment = (id: string, date: string | null, parentId: string | null = null, type: ThreadComment['type'] = 'comment') =>
    ({ id, date, parentId, type }) as ThreadComment;

  it('reads dates, else WordPress’s increasing ids; oldest first when unsure', () => {
    expect(detectCommentOrder([comment('5', '2024-01-01T10:00:00Z'), comment('6', '2024-01-02T10:00:00Z'), comment('9', '2024-01-03T10:00:00Z')])).toBe('oldest-first');
    expect(detectCommentOrder([comment('9', '2024-01-03T10:00:00Z'), comment('7', '2024-01-02T10:00:00Z', '9'), comment('6', '2024-01-02T10:00:00Z'), comment('5', '2024-01-01T10:00:00Z')])).toBe('newest-first');
    expect(detectCommentOrder([comment('30', null), comment('12', null), comment('4', null)])).toBe('newest-first');
    expect(detectCommentOrder([comment('4', null)])).toBe('oldest-first');
    expect(detectCommentOrder([])).toBe('oldest-first');
  });

  it('leaves pingbacks and trackbacks out: themes list them apart, after the comments', () => {
    const comments = [comment('1218', '2024-09-20T10:00:00Z'), comment('1209', '2024-09-12T10:00:00Z', null, 'pingback')];
    expect(detectCommentOrder(comments)).toBe('oldest-first');
    expect(detectCommentOrder([...comments, comment('1205', '2024-09-10T10:00:00Z', null, 'trackback')])).toBe('oldest-first');
    expect(detectCommentOrder([comment('1218', '2024-09-20T10:00:00Z'), comment('1210', '2024-09-15T10:00:00Z'), comment('1209', '2024-09-12T10:00:00Z', null, 'pingback')])).toBe('newest-first');
  });
});
