/**
 * A saved thread cut into N comment pages the way WordPress pages comments: whole top-level threads per page (a
 * list child that only holds replies printed after their parent stays with it), each page the whole HTML with its
 * slice of the list and WordPress's numbered comment navigation (paginate_comments_links + previous/next links).
 * On a site that prints newest first, page 1 holds the list's last threads, as WordPress numbers them.
 * Used by the merge tests on every theme and by bench/merge-bench.ts.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { detectCommentSections } from '@/utils/detect/detect-comment-sections';
import { detectCommentOrder } from '@/utils/merge/page-plan';
import { parseSection } from '@/utils/parse/parse-section';

/** Navigation blocks a theme prints around the list (removed before ours is added). */
const NAVS = '.comments-pagination, .comment-navigation, .navigation, .wp-block-comments-pagination, #comment-nav-above, #comment-nav-below, .wpd-comment-pagination';

/** Page n of `pages` at `base` (…/post/): the newest page at the post URL, as WordPress's default shows it. */
export function cutPageUrl(base: string, n: number, pages: number): string {
  return n === pages ? base : `${base}comment-page-${n}/`;
}

function navigation(base: string, n: number, pages: number): string {
  const numbers = Array.from({ length: pages }, (_, i) => i + 1)
    .map((k) => (k === n ? `<span aria-current="page" class="page-numbers current">${k}</span>` : `<a class="page-numbers" href="${base}comment-page-${k}/#comments">${k}</a>`))
    .join(' ');
  const prev = n > 1 ? `<a class="prev page-numbers" href="${cutPageUrl(base, n - 1, pages)}#comments">Older comments</a> ` : '';
  const next = n < pages ? ` <a class="next page-numbers" href="${cutPageUrl(base, n + 1, pages)}#comments">Newer comments</a>` : '';
  return `<nav class="navigation comments-pagination" aria-label="Comments"><div class="nav-links">${prev}${numbers}${next}</div></nav>`;
}

/**
 * The pages' HTML (page 1 first), or null when the thread has fewer top-level threads than pages. `base` is the post
 * URL the pages link to (`https://…/post/`).
 */
export function cutThread(html: string, base: string, pages: number): string[] | null {
  const first = new JSDOM(html, { url: base, virtualConsole: new VirtualConsole() });
  const detection = detectCommentSections(first.window.document);
  if (detection.status !== 'found') return null;
  const section = detection.sections[0]!;
  const parsed = parseSection(section);
  const topElements = new Set(parsed.thread.comments.filter((c) => c.parentId === null).map((c) => parsed.parts.get(c.id)!.element));
  // Groups of list children: a child holding a top-level comment starts one; the others (reply lists printed after
  // their parent, non-comment children) follow the group before them.
  const children = Array.from(section.list.children);
  const groupOf: number[] = [];
  let group = -1;
  for (const child of children) {
    const startsThread = [...topElements].some((top) => child === top || child.contains(top));
    if (startsThread || group < 0) group++;
    groupOf.push(group);
  }
  first.window.close();
  const groups = group + 1;
  if (groups < pages) return null;
  // Page of each group: as even as whole threads allow, none empty. Page 1 holds the oldest threads: on a site that
  // prints newest first (comment_order = desc), the list's first threads are the last page's.
  const newestFirst = detectCommentOrder(parsed.thread.comments) === 'newest-first';
  const pageOfGroup = (g: number) => {
    const slice = Math.floor((g * pages) / groups) + 1;
    return newestFirst ? pages - slice + 1 : slice;
  };

  const result: string[] = [];
  for (let n = 1; n <= pages; n++) {
    const dom = new JSDOM(html, { url: base, virtualConsole: new VirtualConsole() });
    const doc = dom.window.document;
    const again = detectCommentSections(doc);
    if (again.status !== 'found') return null;
    const { root, list } = again.sections[0]!;
    Array.from(list.children).forEach((child, i) => {
      if (pageOfGroup(groupOf[i]!) !== n) child.remove();
    });
    const scope = root === list ? (list.parentElement ?? list) : root;
    for (const nav of Array.from(scope.querySelectorAll(NAVS))) if (!nav.contains(list)) nav.remove();
    list.insertAdjacentHTML('afterend', navigation(base, n, pages));
    result.push(dom.serialize());
    dom.window.close();
  }
  return result;
}
