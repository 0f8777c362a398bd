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
const NAVS = '.comments-pagination, .comment-navigation, .navigation, .wp-block-comments-pagination, #comment-nav-above, #comment-nav-below, .wpd-comment-pagination, .pager';

/** Page n of `pages` at `base` (…/post/): the newest page at the post URL, as WordPress's default shows it. */
export function cutPageUrl(base: string, n: number, pages: number): string {
  return n === pages ? base : `${base}comment-page-${n}/`;
}

/** Drupal's comment pager: page 1 at the node's URL, page n at `?page=n-1` (0-based). */
export function drupalPageUrl(base: string, n: number): string {
  return n === 1 ? base : `${base}?page=${n - 1}`;
}

/** Drupal 8–11's pager (Classy/Olivero `pager.html.twig`), which Drupal 7's `ul.pager` also answers to (`.pager`). */
function drupalNavigation(base: string, n: number, pages: number): string {
  const link = (k: number, text: string, extra = '') => `<a href="${base}?page=${k - 1}"${extra}>${text}</a>`;
  const items: string[] = [];
  if (n > 1) items.push(`<li class="pager__item pager__item--previous">${link(n - 1, '‹‹', ' rel="prev"')}</li>`);
  for (let k = 1; k <= pages; k++) {
    items.push(k === n ? `<li class="pager__item is-active">${link(k, String(k), ' aria-current="page"')}</li>` : `<li class="pager__item">${link(k, String(k))}</li>`);
  }
  if (n < pages) items.push(`<li class="pager__item pager__item--next">${link(n + 1, '››', ' rel="next"')}</li>`);
  return `<nav class="pager" role="navigation" aria-labelledby="pagination-heading"><h4 id="pagination-heading" class="visually-hidden">Pagination</h4><ul class="pager__items js-pager__items">${items.join('')}</ul></nav>`;
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
  // Groups of list children: a child holding a top-level comment starts one; the others holding comments (reply
  // lists printed after their parent) or a comment's continuation (Thesis's `dd` after its `dt`) follow the group
  // before them. Children holding none (a title, a form or a pager inside a list that is also the section, Drupal's)
  // stay on every page (group -1).
  const children = Array.from(section.list.children);
  const commentElements = [...parsed.parts.values()].flatMap((parts) => (parts.continuation ? [parts.element, parts.continuation] : [parts.element]));
  const holdsComment = (child: Element) => commentElements.some((element) => child === element || child.contains(element));
  const groupOf: number[] = [];
  let group = -1;
  const startsThread = (child: Element | null) => child !== null && [...topElements].some((top) => child === top || child.contains(top));
  let anchored = false;
  for (const child of children) {
    // Drupal 7–10 print each comment's id on an empty anchor right before it: it goes with the thread it names.
    const isAnchor = child.localName === 'a' && child.childNodes.length === 0 && startsThread(child.nextElementSibling);
    if (isAnchor || (startsThread(child) && !anchored)) group++;
    anchored = isAnchor;
    groupOf.push(isAnchor || holdsComment(child) ? Math.max(group, 0) : -1);
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
      if (groupOf[i]! >= 0 && pageOfGroup(groupOf[i]!) !== n) child.remove();
    });
    const scope = root === list ? (list.parentElement ?? list) : root;
    for (const nav of Array.from(scope.querySelectorAll(NAVS))) if (!nav.contains(list)) nav.remove();
    if (again.sections[0]!.dialect === 'drupal') list.insertAdjacentHTML('beforeend', drupalNavigation(base, n, pages));
    else list.insertAdjacentHTML('afterend', navigation(base, n, pages));
    result.push(dom.serialize());
    dom.window.close();
  }
  return result;
}
