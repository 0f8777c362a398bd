/**
 * A WordPress post whose comments span N pages, written with the hostile pages' markup writer (html5 walker,
 * Twenty Twenty-One style): page k holds `perPage` top-level threads (ids 100k+1…), each with one reply, and the
 * comment navigation WordPress prints (numbered paginate_comments_links, or previous/next links only).
 */
import type { CommentSpec } from '../../hostile/wp-markup';
import { renderComments, renderPage } from '../../hostile/wp-markup';

export const ORIGIN = 'https://blog.example';
export const POST_PATH = '/2024/05/a-post/';
export const POST_URL = `${ORIGIN}${POST_PATH}`;

export interface SiteOptions {
  pages: number;
  perPage?: number;
  /** `numbers`: paginate_comments_links; `prevnext`: previous_comments_link / next_comments_link only. */
  nav?: 'numbers' | 'prevnext';
  /** WordPress's `comment_order`: `desc` reverses the top-level threads within each page. */
  order?: 'asc' | 'desc';
  /** Top-level threads on a given page, when it differs from perPage (the last page holds the rest). */
  topLevelOn?: Record<number, number>;
  /** JSON-LD commentCount announced by every page. */
  announced?: number;
}

/** URL of page n: WordPress gives the newest page (default_comments_page = newest) no segment. */
export function pageUrl(n: number, pages: number): string {
  return n === pages ? POST_URL : `${POST_URL}comment-page-${n}/`;
}

function topIds(n: number, options: SiteOptions): number[] {
  const count = options.topLevelOn?.[n] ?? options.perPage ?? 3;
  return Array.from({ length: count }, (_, i) => n * 100 + i * 2 + 1);
}

function threads(n: number, options: SiteOptions): CommentSpec[] {
  const specs = topIds(n, options).map((id) => ({
    id,
    depth: 1,
    permalink: `${pageUrl(n, options.pages)}#comment-${id}`,
    contentHtml: `<p>Comment ${id} on page ${n}, a réponse with an œuvre.</p>`,
    children: [{ id: id + 1, depth: 2, permalink: `${pageUrl(n, options.pages)}#comment-${id + 1}`, contentHtml: `<p>Reply ${id + 1}.</p>` }],
  }));
  return options.order === 'desc' ? specs.reverse() : specs;
}

function navigation(n: number, options: SiteOptions): string {
  const { pages } = options;
  const link = (k: number, text: string, cls = 'page-numbers') => `<a class="${cls}" href="${pageUrl(k, pages)}#comments">${text}</a>`;
  const parts: string[] = [];
  if (n > 1) parts.push(link(n - 1, 'Older comments', 'prev page-numbers'));
  if (options.nav !== 'prevnext') {
    for (let k = 1; k <= pages; k++) {
      // paginate_links: first, last, and one either side of the current page.
      if (k === n) parts.push(`<span aria-current="page" class="page-numbers current">${k}</span>`);
      else if (k === 1 || k === pages || Math.abs(k - n) <= 1) parts.push(`<a class="page-numbers" href="${ORIGIN}${POST_PATH}comment-page-${k}/#comments">${k}</a>`);
    }
  }
  if (n < pages) parts.push(link(n + 1, 'Newer comments', 'next page-numbers'));
  return `<nav class="navigation comments-pagination" aria-label="Comments"><div class="nav-links">${parts.join(' ')}</div></nav>`;
}

/** The HTML of page n (its `ol.comment-list` followed by its navigation). */
export function pageHtml(n: number, options: SiteOptions, listHtml?: string): string {
  const html = renderPage({ title: 'A post', postPath: POST_PATH, listHtml: listHtml ?? renderComments(threads(n, options), POST_PATH) });
  const announced = options.announced === undefined ? '' : `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"Article","commentCount":${options.announced}}]}</script>`;
  return html
    .replace('</ol><!-- .comment-list -->', `</ol><!-- .comment-list -->\n${navigation(n, options)}`)
    .replace('</head>', `<link rel="canonical" href="${pageUrl(n, options.pages)}#comments" />\n<link rel='shortlink' href='${ORIGIN}/?p=7' />${announced}\n</head>`);
}

/** Every page at its URL (page n also at `comment-page-n/` when it is the newest). */
export function buildSite(options: SiteOptions): Map<string, string> {
  const routes = new Map<string, string>();
  for (let n = 1; n <= options.pages; n++) {
    routes.set(pageUrl(n, options.pages), pageHtml(n, options));
    routes.set(`${POST_URL}comment-page-${n}/`, pageHtml(n, options));
  }
  return routes;
}

/** `id parent depth` of every comment, pages in `order` (WordPress numbers), each page as printed. */
export function siteLines(options: SiteOptions, order: number[]): string[] {
  return order.flatMap((n) => threads(n, options).flatMap((spec) => [`${spec.id} - 1`, `${Number(spec.id) + 1} ${spec.id} 2`]));
}

/** Any post page (a hostile one) made page `n` of the synthetic post: its comment navigation added after its list. */
export function asCommentPage(html: string, n: number, options: SiteOptions): string {
  return html.replace('</ol><!-- .comment-list -->', `</ol><!-- .comment-list -->\n${navigation(n, options)}`);
}
