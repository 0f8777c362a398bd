import { classTokens, findCommentItems, type CommentItem } from '@/utils/detect/comment-items';
import { findEmbeddedSystem } from '@/utils/detect/embedded-systems';
import type { CommentSection, Detection } from '@/utils/detect/types';
import type { MarkupDialect } from '@/utils/thread/types';

/** Containers a theme or plugin wraps around a comment list (wordpress-markup.md §8.2); the nearest one wins. */
export const SECTION_ROOT_SELECTOR = [
  '#wpdcom',
  '#wpcomm',
  '#comments',
  '.comments-area',
  '.wp-block-comments',
  '.wp-block-post-comments',
  '.comments',
].join(',');

/** Ids of the comment form's parts: `#respond` (comment-reply.js moves it), `#commentform`, Jetpack's iframe. */
export const COMMENT_FORM_IDS = ['respond', 'commentform', 'jetpack_remote_comment'];

/** wpDiscuz posts through admin-ajax with its own form classes (7: `wpd_comm_form`, 5: `wc_comm_form`). */
const PLUGIN_FORM_CLASSES = ['wpd_comm_form', 'wc_comm_form'];

/** True when `el` is (a container of) the comment form. */
export function isCommentForm(el: Element): boolean {
  if (COMMENT_FORM_IDS.includes(el.id)) return true;
  if (el.tagName !== 'FORM') return false;
  return (el.getAttribute('action') ?? '').includes('wp-comments-post') || classTokens(el).some((token) => PLUGIN_FORM_CLASSES.includes(token));
}

/** The page's own comment form parts (or Jetpack's iframe): proof the page is a comment-enabled WordPress post. */
export function findCommentForms(doc: Document): Element[] {
  const byId = COMMENT_FORM_IDS.map((id) => doc.getElementById(id)).filter((el): el is HTMLElement => el !== null);
  // `document.forms` is a scan of the whole page in jsdom: only when the usual ids are missing.
  return byId.length > 0 ? byId : Array.from(doc.forms).filter(isCommentForm);
}

const REPLY_LINK_SELECTOR = '.comment-reply-link, .comment-reply-login, [data-commentid]';

interface Group {
  root: Element | null;
  top: CommentItem[];
  all: CommentItem[];
}

/** Lowest common ancestor of the parents of `elements` (all in one document). */
function lowestCommonContainer(elements: Element[]): Element | null {
  let lca: Element | null = elements[0]?.parentElement ?? null;
  for (const el of elements) {
    while (lca && !lca.contains(el)) lca = lca.parentElement;
    if (lca === el) lca = el.parentElement;
  }
  return lca;
}

/** Groups top-level items by section root; rootless ones by list, merging lists nested in one another. */
function groupItems(items: CommentItem[]): Group[] {
  const groups: Group[] = [];
  const byRoot = new Map<Element, Group>();
  let current: Group | null = null;
  let currentTop: Element | null = null;
  for (const item of items) {
    // Replies belong to the group of the top-level item that contains them.
    if (current && currentTop?.contains(item.element)) {
      current.all.push(item);
      continue;
    }
    const root = item.element.parentElement?.closest(SECTION_ROOT_SELECTOR) ?? null;
    const key = root ?? item.element.parentElement;
    if (!key) continue;
    let group = byRoot.get(key);
    if (!group) {
      group = { root, top: [], all: [] };
      byRoot.set(key, group);
      groups.push(group);
    }
    group.top.push(item);
    group.all.push(item);
    current = group;
    currentTop = item.element;
  }
  return mergeNestedRootless(groups);
}

/**
 * Rootless groups are keyed by the items' parent element; when one such list sits inside another (replies printed
 * as siblings of their parent, in a `ul.children` next to it), both are one section.
 */
function mergeNestedRootless(groups: Group[]): Group[] {
  const merged: Group[] = [];
  for (const group of groups) {
    if (group.root) {
      merged.push(group);
      continue;
    }
    const parent = group.top[0]?.element.parentElement;
    const host = merged.find((other) => {
      const otherParent = other.top[0]?.element.parentElement;
      return !other.root && otherParent && parent && (otherParent.contains(parent) || parent.contains(otherParent));
    });
    if (host) {
      host.top.push(...group.top);
      host.all.push(...group.all);
    } else {
      merged.push(group);
    }
  }
  return merged;
}

function dialectOf(group: Group): MarkupDialect {
  if (group.root && (group.root.id === 'wpdcom' || group.root.id === 'wpcomm')) return 'wpdiscuz';
  return group.all.some((item) => item.source === 'plugin') ? 'wpdiscuz' : 'wordpress';
}

/**
 * At least one strong sign that this is a comment thread and not a list that merely looks like one
 * (wordpress-markup.md §8.2): WordPress's comment classes, a reply link, wpDiscuz, or the page's comment form.
 */
function isConfirmed(group: Group, dialect: MarkupDialect, pageHasForm: boolean): boolean {
  if (dialect === 'wpdiscuz' || pageHasForm) return true;
  if (group.all.some((item) => item.classHost !== null)) return true;
  return group.top.some((item) => item.element.querySelector(REPLY_LINK_SELECTOR) !== null);
}

/** Finds the readable comment sections of a page, or the embedded system that holds its comments. */
export function detectCommentSections(doc: Document): Detection {
  const items = findCommentItems(doc);
  const sections: CommentSection[] = [];
  if (items.length > 0) {
    const pageHasForm = findCommentForms(doc).length > 0;
    for (const group of groupItems(items)) {
      const dialect = dialectOf(group);
      if (!isConfirmed(group, dialect, pageHasForm)) continue;
      const list = lowestCommonContainer(group.top.map((item) => item.element));
      if (!list) continue;
      sections.push({ root: group.root ?? list, list, dialect });
    }
  }
  if (sections.length > 0) return { status: 'found', sections };
  const system = findEmbeddedSystem(doc);
  return system ? { status: 'unreadable', system } : { status: 'none' };
}
