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
 *
 * One depth-first walk does it all (no selector engine, no `contains`): jsdom runs selector lists with attribute
 * tests many times slower, and a walk can skip what it need not read (forms, widgets, and for detection the inside
 * of each top-level comment).
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

/** Subtrees that never hold a comment item: not worth walking. */
const UNREAD_TAGS = ['HEAD', 'SCRIPT', 'STYLE', 'SVG', 'svg', 'IFRAME', 'TEXTAREA', 'SELECT', 'THREADLIGHT-TOOLBAR'];

/**
 * Threadlight's own inserted elements (docs/dom-contract.md: `data-threadlight-ui`, always with a `threadlight-`
 * class): a re-parse after the view mounted must see the page's comments only.
 */
export function isThreadlightUi(tokens: string[]): boolean {
  return tokens.some((token) => token.startsWith('threadlight-'));
}

function isExcludedContainer(tag: string, id: string, tokens: string[]): boolean {
  if (EXCLUDED_TAGS.includes(tag) || EXCLUDED_IDS.includes(id)) return true;
  return tokens.length > 0 && EXCLUDED_CLASSES.some((name) => tokens.includes(name));
}

/** The element's class tokens (a string split: much faster than DOMTokenList indexing in jsdom). */
export function classTokens(el: Element): string[] {
  return splitClasses(el.getAttribute('class'));
}

function splitClasses(value: string | null): string[] {
  if (!value) return NO_TOKENS;
  const trimmed = value.trim();
  return trimmed === '' ? NO_TOKENS : trimmed.split(/\s+/);
}

/** Substrings without which a class attribute cannot matter to detection (most class strings are then not split). */
const DETECTION_CLASS_HINTS = ['depth-', 'widget', 'recentcomments', 'latest-comments', 'pingback', 'trackback', 'threadlight-'];

function detectionTokens(el: Element): string[] {
  const value = el.getAttribute('class');
  return value && DETECTION_CLASS_HINTS.some((hint) => value.includes(hint)) ? splitClasses(value) : NO_TOKENS;
}

/** Shared by every element without classes (most of a page): one array, not one per element. Never mutated. */
const NO_TOKENS: string[] = [];

/** The N of a `depth-N` token, or null. */
function depthIn(tokens: string[]): number | null {
  for (const token of tokens) {
    const match = DEPTH_TOKEN.exec(token);
    if (match) return Number(match[1]);
  }
  return null;
}

/** True when class tokens are WordPress `comment_class()` output (a `depth-N` token plus a companion). */
function isCommentClass(tokens: string[]): boolean {
  return depthIn(tokens) !== null && tokens.some((token) => COMMENT_CLASS_COMPANIONS.includes(token));
}

/** True when the element's classes are WordPress `comment_class()` output. */
export function hasCommentClass(el: Element): boolean {
  return isCommentClass(classTokens(el));
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

const MARK_ID_PREFIXES = ['comment-', 'li-comment-', 'wpd-comm-', 'wc-comm-'];

/** The mark an element carries, if any (`tokens`: its class tokens). */
function readMark(el: Element, tag: string, rawId: string, tokens: string[]): Mark | null {
  if (rawId && MARK_ID_PREFIXES.some((prefix) => rawId.startsWith(prefix))) {
    const plugin = PLUGIN_ID.exec(rawId);
    if (plugin) {
      return { el, id: plugin[1] ?? null, declaredParentId: plugin[2] ?? null, isClassMark: isCommentClass(tokens), kind: 'plugin' };
    }
    const idMatch = COMMENT_ID.exec(rawId) ?? LI_COMMENT_ID.exec(rawId);
    // An empty `<a id="comment-N">` is a jump target next to the comment, not the comment.
    if (idMatch && !isEmptyAnchor(el)) {
      return { el, id: idMatch[1] ?? null, declaredParentId: null, isClassMark: isCommentClass(tokens), kind: 'id' };
    }
  }
  if (tokens.length === 0) return null;
  if (isCommentClass(tokens)) return { el, id: null, declaredParentId: null, isClassMark: true, kind: 'class' };
  if (tag === 'LI' && (tokens.includes('pingback') || tokens.includes('trackback'))) {
    return { el, id: null, declaredParentId: null, isClassMark: true, kind: 'class' };
  }
  return null;
}

/** An item being walked, and how many reply lists are open inside it. */
interface OpenItem {
  index: number;
  item: CommentItem;
  hasIdMark: boolean;
  /** Lists (ol/ul/.children) entered inside this item and not left yet: a mark below one is a reply, not a part. */
  openLists: number;
}

function canMerge(open: OpenItem, mark: Mark): boolean {
  const { item } = open;
  if (mark.id !== null && item.id !== null) return mark.id === item.id;
  if (open.openLists > 0) return false;
  return mark.id === null ? item.classHost === null : !open.hasIdMark;
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

function itemFromMark(mark: Mark): CommentItem {
  return {
    element: mark.el,
    id: mark.id,
    declaredParentId: mark.declaredParentId,
    classHost: mark.isClassMark ? mark.el : null,
    innerIdHost: null,
    source: mark.kind,
  };
}

/** The items of a scope with, for each, the elements that belong to it alone. */
export interface ItemWalk {
  items: CommentItem[];
  /**
   * Each item's own elements in document order, the item element first: its subtree minus the subtrees of the
   * comments nested in it (empty in detection mode, which does not enter comments).
   */
  own: Element[][];
  /** The class tokens of each own element (parallel to `own`: read once, during the walk). */
  ownTokens: string[][][];
  /** The tag name of each own element (parallel to `own`). */
  ownTags: string[][];
  /** Each item's `#div-comment-N` (the core walkers' body), met during the walk. */
  divCommentHosts: Array<Element | null>;
  /** Index of the nearest enclosing item, or -1. */
  domParent: number[];
}

type MarkReader = (el: Element, tag: string, id: string, tokens: string[]) => Mark | null;

interface Frame {
  /** The item this element opened, closed when the walk leaves it. */
  opened: OpenItem | null;
  /** The item whose open-list count this element raised. */
  list: OpenItem | null;
}

const isListElement = (tag: string, tokens: string[]): boolean => tag === 'OL' || tag === 'UL' || tokens.includes('children');

/**
 * Depth-first walk of `root`'s descendants in document order: finds marks, merges the marks of one comment
 * (a mark inside an open item is a part of it, or a reply when a list lies between), and hands every element to
 * the innermost open item. Excluded containers and unread tags are skipped whole; with `outermostOnly`, so is the
 * inside of every comment found.
 */
function walkItems(root: Element, readMarkOf: MarkReader, outermostOnly: boolean): ItemWalk {
  const result: ItemWalk = { items: [], own: [], ownTokens: [], ownTags: [], divCommentHosts: [], domParent: [] };
  const openItems: OpenItem[] = [];
  const frames: Frame[] = [];

  /** Visits an element; false when its subtree is not to be walked. */
  const enter = (el: Element): boolean => {
    const tag = el.tagName;
    if (UNREAD_TAGS.includes(tag)) return false;
    // Detection never enters a comment, so it only needs the classes that mark or exclude one.
    const tokens = outermostOnly ? detectionTokens(el) : classTokens(el);
    const id = el.id;
    if (isExcludedContainer(tag, id, tokens) || (tokens.length > 0 && isThreadlightUi(tokens))) return false;
    const top = openItems[openItems.length - 1] ?? null;
    const frame: Frame = { opened: null, list: null };
    if (top && isListElement(tag, tokens)) {
      top.openLists++;
      frame.list = top;
    }
    const mark = readMarkOf(el, tag, id, tokens);
    if (mark && top && canMerge(top, mark)) {
      merge(top, mark);
    } else if (mark) {
      const open: OpenItem = { index: result.items.length, item: itemFromMark(mark), hasIdMark: mark.id !== null, openLists: 0 };
      result.items.push(open.item);
      result.own.push([]);
      result.ownTokens.push([]);
      result.ownTags.push([]);
      result.divCommentHosts.push(null);
      result.domParent.push(top ? top.index : -1);
      if (outermostOnly) {
        if (frame.list) frame.list.openLists--;
        return false;
      }
      openItems.push(open);
      frame.opened = open;
    }
    const owner = openItems[openItems.length - 1];
    if (owner && !outermostOnly) {
      result.own[owner.index]!.push(el);
      result.ownTokens[owner.index]!.push(tokens);
      result.ownTags[owner.index]!.push(tag);
      if (id !== '' && id === `div-comment-${owner.item.id}`) result.divCommentHosts[owner.index] ??= el;
    }
    frames.push(frame);
    return true;
  };
  const leave = (): void => {
    const frame = frames.pop()!;
    if (frame.list) frame.list.openLists--;
    if (frame.opened) openItems.pop();
  };

  let current: Element | null = root.firstElementChild;
  let depth = 0;
  while (current) {
    const entered = enter(current);
    const firstChild = entered ? current.firstElementChild : null;
    if (firstChild) {
      depth++;
      current = firstChild;
      continue;
    }
    if (entered) leave();
    let next: Element | null = current.nextElementSibling;
    while (!next && depth > 0) {
      depth--;
      current = current.parentElement!;
      leave();
      next = current.nextElementSibling;
    }
    current = next;
  }
  return result;
}

const FALLBACK_LINK_SELECTOR = '[data-commentid], a[href*="#comment-"]';

/** Fallback when no mark exists: one item per closest `li`/`article` around a reply link or a `#comment-N` permalink. */
function fallbackMarks(root: Element): Map<Element, Mark> {
  const marks = new Map<Element, Mark>();
  for (const link of Array.from(root.querySelectorAll(FALLBACK_LINK_SELECTOR))) {
    const id = link.getAttribute('data-commentid') ?? PERMALINK_FRAGMENT.exec(link.getAttribute('href') ?? '')?.[1];
    if (!id || !/^\d+$/.test(id)) continue;
    const host = link.closest('li, article');
    if (!host || marks.has(host)) continue;
    marks.set(host, { el: host, id, declaredParentId: null, isClassMark: false, kind: 'permalink' });
  }
  return marks;
}

function walkScope(scope: Document | Element, outermostOnly: boolean): ItemWalk {
  const root = scope.nodeType === 9 ? (scope as Document).documentElement : (scope as Element);
  if (!root) return { items: [], own: [], ownTokens: [], ownTags: [], divCommentHosts: [], domParent: [] };
  const walk = walkItems(root, readMark, outermostOnly);
  if (walk.items.length > 0) return walk;
  const fallback = fallbackMarks(root);
  if (fallback.size === 0) return walk;
  return walkItems(root, (el) => fallback.get(el) ?? null, outermostOnly);
}

/**
 * The outermost comment items under `scope` (for detection): top-level comments, and replies a theme prints
 * outside their parent. The comments nested in them are not entered.
 */
export function findCommentItems(scope: Document | Element): CommentItem[] {
  return walkScope(scope, true).items;
}

/** Every comment item under `scope` (a section root) with its own elements and DOM parent, in document order. */
export function walkCommentItems(scope: Document | Element): ItemWalk {
  return walkScope(scope, false);
}
