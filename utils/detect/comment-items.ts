/**
 * Finding comment items by structure: the element WordPress (or a theme, or wpDiscuz) prints for one comment.
 * Shared by detection (scope = the document) and parsing (scope = a section root), so both see the same items.
 *
 * An item is announced by one or more "marks" (wordpress-markup.md §8.1):
 * - `id="comment-N"` on a non-empty element (core walkers, block themes, most callbacks);
 * - `id="li-comment-N"` (twentyten..twentytwelve and many old callbacks; `comment-N` then sits on an inner element);
 * - `id="wpd-comm-N_P"` / `id="wc-comm-N_P"` (wpDiscuz 7 / 5: N the comment, P its parent);
 * - `comment_class()` output without an id (OceanWP puts it on an inner `article`): a `depth-N` token plus a
 *   type or alternation token;
 * - `li.pingback` / `li.trackback` without id nor depth (twentyeleven's ping callback).
 * Marks of one comment nest (`li#li-comment-5 > div#comment-5`, `li#comment-5 > article.depth-1`): they are merged
 * into one item whose element is the outermost mark.
 * When a page has no mark at all, reply links (`data-commentid`) and permalinks (`#comment-N`) are the fallback.
 */

/** One comment item found in the page. */
export interface CommentItem {
  /** The outermost element of the comment (contains its replies when the markup nests them). */
  element: Element;
  /** The platform's comment id ("30" for #comment-30), or null when the markup has none. */
  id: string | null;
  /** Parent id declared by the markup itself (wpDiscuz `wpd-comm-N_P`), "0" at top level; null when not declared. */
  declaredParentId: string | null;
  /** The element carrying WordPress's `comment_class()` output (depth-N, bypostauthor, pingback…), if any. */
  classHost: Element | null;
  /** The inner element carrying `id="comment-N"` when it is not the item element itself (li-comment pattern). */
  innerIdHost: Element | null;
  /** How the item was found. */
  source: 'id' | 'class' | 'plugin' | 'permalink';
}

const COMMENT_ID = /^comment-(\d+)$/;
const LI_COMMENT_ID = /^li-comment-(\d+)$/;
const PLUGIN_ID = /^(?:wpd|wc)-comm-(\d+)_(\d+)$/;
const DEPTH_TOKEN = /^depth-(\d+)$/;
const PERMALINK_FRAGMENT = /#comment-(\d+)$/;

/** Tokens that accompany `depth-N` in `comment_class()` output (type first, alternation always). */
const COMMENT_CLASS_COMPANIONS = ['comment', 'pingback', 'trackback', 'review', 'even', 'odd', 'byuser'];

/**
 * Places whose comment-like markup is not a comment thread: widgets listing comments of other posts
 * (`.widget_recent_comments`, `#recentcomments`, `li.recentcomments`, `.wp-block-latest-comments`), forms, templates.
 */
const EXCLUDED_CLASSES = ['widget_recent_comments', 'recentcomments', 'wp-block-latest-comments', 'widget'];
const EXCLUDED_IDS = ['recentcomments', 'respond'];
const EXCLUDED_TAGS = ['FORM', 'TEMPLATE', 'NOSCRIPT'];

/** True when the element or one of its ancestors is an excluded container (a plain walk up: no selector engine). */
export function isInExcludedContainer(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (EXCLUDED_TAGS.includes(node.tagName) || EXCLUDED_IDS.includes(node.id)) return true;
    const tokens = classTokens(node);
    if (tokens.length > 0 && EXCLUDED_CLASSES.some((name) => tokens.includes(name))) return true;
  }
  return false;
}

const FALLBACK_LINK_SELECTOR = '[data-commentid], a[href*="#comment-"]';

/** The element's class tokens (a string split: much faster than DOMTokenList indexing in jsdom). */
export function classTokens(el: Element): string[] {
  const value = el.getAttribute('class');
  return value ? value.split(/\s+/).filter((token) => token !== '') : [];
}

/** The N of a `depth-N` token, or null. */
function depthIn(tokens: string[]): number | null {
  for (const token of tokens) {
    const match = DEPTH_TOKEN.exec(token);
    if (match) return Number(match[1]);
  }
  return null;
}

/** True when the element's classes are WordPress `comment_class()` output (a `depth-N` token plus a companion). */
export function hasCommentClass(el: Element): boolean {
  const tokens = classTokens(el);
  return depthIn(tokens) !== null && tokens.some((token) => COMMENT_CLASS_COMPANIONS.includes(token));
}

/** The N of a `depth-N` class token, or null. */
export function depthFromClass(el: Element): number | null {
  return depthIn(classTokens(el));
}

interface Mark {
  el: Element;
  id: string | null;
  declaredParentId: string | null;
  isClassMark: boolean;
  kind: CommentItem['source'];
}

function isEmptyAnchor(el: Element): boolean {
  return el.firstElementChild === null && (el.textContent ?? '').trim() === '';
}

function readMark(el: Element): Mark | null {
  const rawId = el.id;
  if (rawId) {
    const plugin = PLUGIN_ID.exec(rawId);
    if (plugin) {
      return { el, id: plugin[1] ?? null, declaredParentId: plugin[2] ?? null, isClassMark: hasCommentClass(el), kind: 'plugin' };
    }
    const idMatch = COMMENT_ID.exec(rawId) ?? LI_COMMENT_ID.exec(rawId);
    // An empty `<a id="comment-N">` is a jump target next to the comment, not the comment.
    if (idMatch && !isEmptyAnchor(el)) {
      return { el, id: idMatch[1] ?? null, declaredParentId: null, isClassMark: hasCommentClass(el), kind: 'id' };
    }
  }
  if (hasCommentClass(el)) return { el, id: null, declaredParentId: null, isClassMark: true, kind: 'class' };
  if (el.tagName === 'LI' && (el.classList.contains('pingback') || el.classList.contains('trackback'))) {
    return { el, id: null, declaredParentId: null, isClassMark: true, kind: 'class' };
  }
  return null;
}

/** True when a list (ol/ul/.children) lies strictly between `outer` and `inner`: `inner` is then a reply, not a part. */
function listBetween(outer: Element, inner: Element): boolean {
  for (let node = inner.parentElement; node && node !== outer; node = node.parentElement) {
    if (node.tagName === 'OL' || node.tagName === 'UL' || node.classList.contains('children')) return true;
  }
  return false;
}

interface OpenItem {
  item: CommentItem;
  hasIdMark: boolean;
}

function canMerge(open: OpenItem, mark: Mark): boolean {
  const { item } = open;
  if (mark.id !== null && item.id !== null) return mark.id === item.id;
  if (mark.id === null) return item.classHost === null && !listBetween(item.element, mark.el);
  return !open.hasIdMark && !listBetween(item.element, mark.el);
}

function merge(open: OpenItem, mark: Mark): void {
  const { item } = open;
  if (mark.id !== null) {
    if (item.id === null) item.id = mark.id;
    if (mark.el !== item.element && COMMENT_ID.test(mark.el.id)) item.innerIdHost ??= mark.el;
    open.hasIdMark = true;
  }
  if (mark.isClassMark && item.classHost === null) item.classHost = mark.el;
  if (mark.declaredParentId !== null && item.declaredParentId === null) item.declaredParentId = mark.declaredParentId;
  if (mark.kind === 'plugin') item.source = 'plugin';
}

function newOpenItem(mark: Mark): OpenItem {
  return {
    item: {
      element: mark.el,
      id: mark.id,
      declaredParentId: mark.declaredParentId,
      classHost: mark.isClassMark ? mark.el : null,
      innerIdHost: null,
      source: mark.kind,
    },
    hasIdMark: mark.id !== null,
  };
}

/** Merges marks (in document order) into items; a mark inside an open item is either a part of it or a reply. */
function itemsFromMarks(marks: Mark[]): CommentItem[] {
  const items: CommentItem[] = [];
  const stack: OpenItem[] = [];
  for (const mark of marks) {
    while (stack.length > 0 && !stack[stack.length - 1]!.item.element.contains(mark.el)) stack.pop();
    const top = stack[stack.length - 1];
    if (top && canMerge(top, mark)) {
      merge(top, mark);
      continue;
    }
    const open = newOpenItem(mark);
    items.push(open.item);
    stack.push(open);
  }
  return items;
}

/** Fallback when no mark exists: one item per closest `li`/`article` around a reply link or a `#comment-N` permalink. */
function itemsFromLinks(scope: Document | Element): CommentItem[] {
  const items: CommentItem[] = [];
  const seen = new Set<Element>();
  for (const link of Array.from(scope.querySelectorAll(FALLBACK_LINK_SELECTOR))) {
    const id = link.getAttribute('data-commentid') ?? PERMALINK_FRAGMENT.exec(link.getAttribute('href') ?? '')?.[1];
    if (!id || !/^\d+$/.test(id)) continue;
    const host = link.closest('li, article');
    if (!host || seen.has(host)) continue;
    seen.add(host);
    items.push({ element: host, id, declaredParentId: null, classHost: null, innerIdHost: null, source: 'permalink' });
  }
  return items;
}

/** Drops items inside excluded containers (checked once per outermost item; replies follow their ancestor). */
function dropExcluded(items: CommentItem[]): CommentItem[] {
  const kept: CommentItem[] = [];
  let excludedAncestor: Element | null = null;
  let keptAncestor: Element | null = null;
  for (const item of items) {
    if (excludedAncestor?.contains(item.element)) continue;
    if (keptAncestor?.contains(item.element)) {
      kept.push(item);
      continue;
    }
    if (isInExcludedContainer(item.element)) {
      excludedAncestor = item.element;
      continue;
    }
    keptAncestor = item.element;
    kept.push(item);
  }
  return kept;
}

const MARK_ID_PREFIXES = ['comment-', 'li-comment-', 'wpd-comm-', 'wc-comm-'];

/** Cheap test before `readMark`: the element's id or class could be a mark. */
function mayBeMark(el: Element): boolean {
  const id = el.id;
  if (id && MARK_ID_PREFIXES.some((prefix) => id.startsWith(prefix))) return true;
  const className = el.getAttribute('class');
  if (!className) return false;
  return className.includes('depth-') || (el.tagName === 'LI' && (className.includes('pingback') || className.includes('trackback')));
}

/**
 * Marks under `scope`, in document order. One TreeWalker pass: a selector list with attribute-prefix and
 * substring tests is many times slower in jsdom (the CLI, tests) and no faster in browsers.
 */
function collectMarks(scope: Document | Element): Mark[] {
  const isDocument = scope.nodeType === 9;
  const doc = isDocument ? (scope as Document) : (scope as Element).ownerDocument;
  const root = isDocument ? (scope as Document).documentElement : (scope as Element);
  const marks: Mark[] = [];
  if (!root) return marks;
  const walker = doc.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node as Element;
    if (!mayBeMark(el)) continue;
    const mark = readMark(el);
    if (mark) marks.push(mark);
  }
  return marks;
}

/** Every comment item under `scope` (a Document or an Element), in document order. */
export function findCommentItems(scope: Document | Element): CommentItem[] {
  const marks = collectMarks(scope);
  const items = dropExcluded(itemsFromMarks(marks));
  return items.length > 0 ? items : dropExcluded(itemsFromLinks(scope));
}
