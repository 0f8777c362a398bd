/**
 * Finding comment items by structure: the element a comment engine prints for one comment. One depth-first walk of
 * the page serves detection (which groups the outermost items into sections) and parsing (which reads each item's
 * own elements): detection hands its walk to parseSection (utils/detect/detect-comment-sections.ts).
 *
 * An item is announced by one or more "marks", taken from the dialect profiles (utils/dialects/):
 * - an id: `comment-N` on a non-empty element that is not a link, `li-comment-N`, wpDiscuz's `wpd-comm-N_P` /
 *   `wc-comm-A_B`;
 * - WordPress's `comment_class()` output: a `depth-N` token plus a comment type or `thread-even/odd`, `byuser`,
 *   `bypostauthor` (plain `odd`/`even` are not enough: Drupal menus print `leaf depth-2 odd`);
 * - `li.pingback` / `li.trackback` (themes that print pings without id);
 * - Drupal: an element carrying `data-comment-user-id`, or a `.comment` right after an empty `<a id="comment-N">`
 *   (which gives it its id; an empty anchor alone is a jump target, never a comment).
 * Marks of one comment nest (`li#li-comment-5 > div#comment-5`, `li#comment-5 > article.depth-1`,
 * `div#wpd-comm-5_0 … div#comment-5`): a mark inside an open item is merged into it when it carries the same id, or
 * when one side has no id and no list (`ol`, `ul`, `.children`) lies between them; otherwise it is a reply.
 * A comment may also be split across siblings (Thesis: `dt#comment-N` then its `dd`): the `dd` joins the `dt`'s item.
 * Replies may follow their parent in a sibling list (Drupal's `div.indented`, Neve's `li.children`): `afterParent`.
 * When a page has no mark at all, reply links (`data-commentid`) and permalinks to THIS page (`#comment-N`) are the
 * fallback; a `#comment-N` link to another page is a reference (a widget), never a comment.
 *
 * The walk uses `firstElementChild`/`nextElementSibling` through clobbering-proof accessors (utils/dom/safe-dom.ts),
 * no selector engine, no `contains`: jsdom runs selector lists with attribute tests many times slower, and a walk can
 * skip what it need not read (forms, widgets, templates).
 */
import { PageChanged, runSteps, type Steps } from '@/utils/common/steps';
import { markTables, type MarkTables } from '@/utils/dialects/index';
import { NO_TOKENS, classTokens, depthIn, splitClasses } from '@/utils/dom/class-tokens';
import { safeDom, type SafeDom } from '@/utils/dom/safe-dom';
import { pageAddresses, placeOf } from '@/utils/detect/page-address';
import type { MarkupDialect } from '@/utils/thread/types';

export { classTokens, depthFromClass } from '@/utils/dom/class-tokens';

/** One comment item found in the page. */
export interface CommentItem {
  /** The outermost element of the comment (contains its replies when the markup nests them). */
  element: Element;
  /** The platform's comment id ("30" for #comment-30), or null when the markup has none. */
  id: string | null;
  /** Parent id declared by the markup itself (wpDiscuz `wpd-comm-N_P`), "0" at top level; null when not declared. */
  declaredParentId: string | null;
  /** wpDiscuz's `wc-comm-A_B` numbers while their meaning is not settled (comment_parent or post_comment). */
  idPair: [string, string] | null;
  /** The element carrying WordPress's `comment_class()` output (depth-N, bypostauthor, pingback…), if any. */
  classHost: Element | null;
  /** The inner element carrying `id="comment-N"` when it is not the item element itself (li-comment pattern). */
  innerIdHost: Element | null;
  /** How the item was found. */
  source: 'id' | 'class' | 'plugin' | 'structure' | 'anchor' | 'permalink';
  /** The dialect whose mark announced it (`wordpress` for the generic `comment-N` id and comment classes). */
  dialect: MarkupDialect;
  /** An outer id (`li-comment-N`, `wpd-comm-…`) and the inner `comment-N` of the same comment were both found. */
  pairedIds: boolean;
  /** Further element of the comment printed as its next sibling (Thesis's `dd` after its `dt`), or null. */
  continuation: Element | null;
}

/** The items of a scope with, for each, the elements that belong to it alone. */
export interface ItemWalk {
  items: CommentItem[];
  /**
   * Each item's own elements in document order, the item element first: its subtree (and its continuation's)
   * minus the subtrees of the comments nested in it.
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
  /** Index of the item whose following reply list (`div.indented`, a sibling `.children`) holds this one, or -1. */
  afterParent: number[];
}

/**
 * Places whose comment-like markup is not a comment thread: widgets listing comments of other posts
 * (`.widget_recent_comments`, `#recentcomments`, `li.recentcomments`, `.wp-block-latest-comments`), forms, templates.
 */
const EXCLUDED_CLASSES = ['widget_recent_comments', 'recentcomments', 'wp-block-latest-comments', 'widget'];
const EXCLUDED_IDS = ['recentcomments', 'respond'];
const EXCLUDED_TAGS = ['FORM', 'TEMPLATE', 'NOSCRIPT'];

/** The walk pauses (a checkpoint of its steps) every this many + 1 elements (a mask: 256). */
const WALK_CHECKPOINT = 255;

/** Subtrees that never hold a comment item: not worth walking. */
const UNREAD_TAGS = ['HEAD', 'SCRIPT', 'STYLE', 'SVG', 'svg', 'IFRAME', 'TEXTAREA', 'SELECT', 'THREADLIGHT-TOOLBAR'];

/**
 * Threadlight's own inserted elements (docs/dom-contract.md: `data-threadlight-ui`, always with a `threadlight-`
 * class): a re-parse after the view mounted must see the page's comments only.
 */
export function isThreadlightUi(tokens: readonly string[]): boolean {
  return tokens.some((token) => token.startsWith('threadlight-'));
}

interface Mark {
  el: Element;
  id: string | null;
  declaredParentId: string | null;
  idPair: [string, string] | null;
  isClassMark: boolean;
  kind: CommentItem['source'];
  dialect: MarkupDialect;
  /** The id sits on the comment's outer wrapper (`li-comment-N`, `wpd-comm-…`). */
  outer: boolean;
}

/** True when class tokens are WordPress `comment_class()` output (a `depth-N` token plus a companion). */
function isCommentClass(tokens: readonly string[], tables: MarkTables): boolean {
  return tokens.length > 1 && depthIn(tokens) !== null && tokens.some((token) => tables.depthCompanions.has(token));
}

/** True when the element's classes are WordPress `comment_class()` output. */
export function hasCommentClass(el: Element): boolean {
  return isCommentClass(classTokens(el), markTables());
}

function isEmpty(el: Element, dom: SafeDom): boolean {
  if (dom.firstElement(el) !== null) return false;
  for (let node = dom.firstChild(el); node; node = dom.nextSibling(node)) {
    if (dom.nodeType(node) === 3 && (dom.nodeValue(node) ?? '').trim() !== '') return false;
  }
  return true;
}

const hasAny = (tokens: readonly string[], names: readonly string[]): boolean => tokens.length > 0 && names.some((name) => tokens.includes(name));

/** The mark an element carries, if any (`tokens`: its class tokens). */
function readMark(el: Element, tag: string, rawId: string, tokens: readonly string[], tables: MarkTables, dom: SafeDom): Mark | null {
  const isClassMark = isCommentClass(tokens, tables);
  let dialect: MarkupDialect = 'wordpress';
  for (const mark of tables.attributes) {
    if (hasAny(tokens, mark.classes) && dom.hasAttr(el, mark.attribute)) dialect = mark.dialect;
  }
  if (rawId && tag !== 'A' && tables.idPrefixes.some((prefix) => rawId.startsWith(prefix))) {
    for (const mark of tables.ids) {
      if (!rawId.startsWith(mark.prefix)) continue;
      const match = mark.pattern.exec(rawId);
      if (!match) continue;
      const first = match[1] ?? null;
      const second = match[2] ?? null;
      const base = { el, isClassMark, outer: mark.outer === true, dialect: mark.dialect === 'wordpress' ? dialect : mark.dialect };
      if (mark.numbers === 'pair' && first !== null && second !== null) {
        return { ...base, id: null, declaredParentId: null, idPair: [first, second], kind: 'plugin' };
      }
      if (mark.numbers === 'comment-parent') return { ...base, id: first, declaredParentId: second, idPair: null, kind: 'plugin' };
      // An empty `comment-N` element is a jump target next to the comment, not the comment.
      if (isEmpty(el, dom)) return null;
      return { ...base, id: first, declaredParentId: null, idPair: null, kind: 'id' };
    }
  }
  if (dialect !== 'wordpress') return { el, id: null, declaredParentId: null, idPair: null, isClassMark, kind: 'structure', dialect, outer: false };
  if (tokens.length === 0) return null;
  if (isClassMark) return { el, id: null, declaredParentId: null, idPair: null, isClassMark: true, kind: 'class', dialect, outer: false };
  for (const mark of tables.classOnly) {
    if (mark.tags.includes(tag) && hasAny(tokens, mark.classes)) {
      return { el, id: null, declaredParentId: null, idPair: null, isClassMark: true, kind: 'class', dialect: mark.dialect, outer: false };
    }
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
  // wpDiscuz's `wc-comm-A_B`: the inner `#comment-N` of the same comment is one of the two numbers.
  if (item.idPair !== null && mark.id !== null && mark.idPair === null && open.openLists === 0) return item.idPair.includes(mark.id);
  if (open.openLists > 0) return false;
  return mark.id === null && mark.idPair === null ? item.classHost === null : !open.hasIdMark;
}

const COMMENT_ID = /^comment-\d+$/;

function merge(open: OpenItem, mark: Mark, dom: SafeDom): void {
  const { item } = open;
  if (mark.id !== null) {
    if (item.idPair !== null && item.id === null) {
      // The inner id says which of the pair is the comment: the first (4.x–5.x, then the second is its parent) or
      // the second (2.x–3.x, where the first is the post).
      const [first] = item.idPair;
      item.id = mark.id;
      item.declaredParentId = mark.id === first ? item.idPair[1] : null;
    }
    if (item.id === null) item.id = mark.id;
    if (mark.el !== item.element && COMMENT_ID.test(dom.id(mark.el))) {
      item.innerIdHost ??= mark.el;
      if (open.hasIdMark) item.pairedIds = true;
    }
    open.hasIdMark = true;
  }
  if (mark.isClassMark && item.classHost === null) item.classHost = mark.el;
  if (mark.declaredParentId !== null && item.declaredParentId === null) item.declaredParentId = mark.declaredParentId;
  if (mark.kind === 'plugin') item.source = 'plugin';
  if (mark.dialect !== 'wordpress') item.dialect = mark.dialect;
}

function itemFromMark(mark: Mark): CommentItem {
  return {
    element: mark.el,
    id: mark.id,
    declaredParentId: mark.declaredParentId,
    idPair: mark.idPair,
    classHost: mark.isClassMark ? mark.el : null,
    innerIdHost: null,
    source: mark.kind,
    dialect: mark.dialect,
    pairedIds: false,
    continuation: null,
  };
}

type MarkReader = (el: Element, tag: string, id: string, tokens: readonly string[]) => Mark | null;

interface Frame {
  el: Element;
  /** The item this element opened (or reopened: a continuation), closed when the walk leaves it. */
  opened: OpenItem | null;
  /** The item whose open-list count this element raised. */
  list: OpenItem | null;
  /** This element is a reply list following an item (`div.indented`): the items inside are that item's replies. */
  after: boolean;
}

interface ClosedItem {
  open: OpenItem;
  element: Element;
  tag: string;
}

/**
 * Depth-first walk of `root`'s descendants in document order: finds marks, merges the marks of one comment, and
 * hands every element to the innermost open item. Excluded containers and unread tags are skipped whole.
 */
function* walkItemsSteps(root: Element, readMarkOf: MarkReader, tables: MarkTables, dom: SafeDom): Steps<ItemWalk> {
  const result: ItemWalk = { items: [], own: [], ownTokens: [], ownTags: [], divCommentHosts: [], domParent: [], afterParent: [] };
  const openItems: OpenItem[] = [];
  const frames: Frame[] = [];
  /** Items whose following sibling list is open (`div.indented`), innermost last. */
  const afterOwners: number[] = [];
  let lastClosed: ClosedItem | null = null;
  /** An empty `<a id="comment-N">` just met: the next element may be the comment it names (Drupal). */
  let anchor: { el: Element; id: string } | null = null;
  const hints = tables.classHints;

  /** Class tokens: all of them inside a comment (fields need them), outside only when they can matter. */
  const tokensOf = (el: Element, inside: boolean): string[] => {
    const value = dom.attr(el, 'class');
    if (inside) return splitClasses(value);
    return value && hints.some((hint) => value.includes(hint)) ? splitClasses(value) : NO_TOKENS;
  };

  const isListElement = (tag: string, tokens: readonly string[]): boolean => tag === 'OL' || tag === 'UL' || tokens.includes('children');

  const isExcluded = (tag: string, id: string, tokens: readonly string[]): boolean => {
    if (EXCLUDED_TAGS.includes(tag) || EXCLUDED_IDS.includes(id)) return true;
    if (tokens.length === 0) return false;
    return hasAny(tokens, EXCLUDED_CLASSES) || hasAny(tokens, tables.secondaryFormClasses) || isThreadlightUi(tokens);
  };

  /** Visits an element; false when its subtree is not to be walked. */
  const enter = (el: Element): boolean => {
    const tag = dom.tag(el);
    if (UNREAD_TAGS.includes(tag)) return false;
    const inside = openItems.length > 0;
    let tokens = tokensOf(el, inside);
    const id = dom.id(el);
    if (isExcluded(tag, id, tokens)) return false;
    const top = openItems[openItems.length - 1] ?? null;
    const frame: Frame = { el, opened: null, list: null, after: false };
    if (top && isListElement(tag, tokens)) {
      top.openLists++;
      frame.list = top;
    }
    const previous = lastClosed;
    if (previous && tokens.length > 0 && hasAny(tokens, tables.afterReplyClasses) && dom.previousElement(el) === previous.element) {
      frame.after = true;
      afterOwners.push(previous.open.index);
    }
    // Thesis prints one comment as `dt#comment-N` (author, date) then an id-less `dd` (text, reply link, replies).
    if (tag === 'DD' && previous && previous.tag === 'DT' && dom.previousElement(el) === previous.element) {
      previous.open.item.continuation ??= el;
      openItems.push(previous.open);
      frame.opened = previous.open;
    } else {
      let mark = readMarkOf(el, tag, id, tokens);
      if (anchor && tag !== 'A' && (mark === null || (mark.id === null && mark.idPair === null))) {
        const anchored = anchoredMark(el, tag, tokens, anchor);
        // A mark without id takes the anchor's (Drupal's article with data-comment-user-id); else the anchor makes one.
        if (anchored && mark) mark = { ...mark, id: anchored.id };
        else if (anchored) mark = anchored;
      }
      if (tag === 'A') {
        const anchorId = tables.anchors.length > 0 && id ? anchorNumber(id) : null;
        anchor = anchorId !== null && isEmpty(el, dom) ? { el, id: anchorId } : anchor;
      }
      if (mark && !inside) tokens = classTokens(el, dom);
      if (mark && top && canMerge(top, mark)) {
        merge(top, mark, dom);
      } else if (mark) {
        const open: OpenItem = { index: result.items.length, item: itemFromMark(mark), hasIdMark: mark.id !== null || mark.idPair !== null, openLists: 0 };
        result.items.push(open.item);
        result.own.push([]);
        result.ownTokens.push([]);
        result.ownTags.push([]);
        result.divCommentHosts.push(null);
        result.domParent.push(top ? top.index : -1);
        result.afterParent.push(!top && afterOwners.length > 0 ? afterOwners[afterOwners.length - 1]! : -1);
        openItems.push(open);
        frame.opened = open;
      }
    }
    const owner = openItems[openItems.length - 1];
    if (owner) {
      result.own[owner.index]!.push(el);
      result.ownTokens[owner.index]!.push(tokens);
      result.ownTags[owner.index]!.push(tag);
      if (id !== '' && id === `div-comment-${owner.item.id}`) result.divCommentHosts[owner.index] ??= el;
    }
    frames.push(frame);
    return true;
  };

  const anchorNumber = (id: string): string | null => {
    for (const mark of tables.anchors) {
      if (!id.startsWith(mark.prefix)) continue;
      const rest = id.slice(mark.prefix.length);
      if (/^\d+$/.test(rest)) return rest;
    }
    return null;
  };

  /** The comment right after an empty `<a id="comment-N">` (Drupal 7–10), named by it. */
  const anchoredMark = (el: Element, tag: string, tokens: readonly string[], named: { el: Element; id: string }): Mark | null => {
    if (dom.previousElement(el) !== named.el) return null;
    for (const mark of tables.anchors) {
      const byClass = hasAny(tokens, mark.classes);
      const byAttribute = tag === 'ARTICLE' && tables.attributes.some((attribute) => attribute.dialect === mark.dialect && dom.hasAttr(el, attribute.attribute));
      if (byClass || byAttribute) {
        return { el, id: named.id, declaredParentId: null, idPair: null, isClassMark: false, kind: 'anchor', dialect: mark.dialect, outer: false };
      }
    }
    return null;
  };

  const leave = (): void => {
    const frame = frames.pop()!;
    if (frame.list) frame.list.openLists--;
    if (frame.after) afterOwners.pop();
    if (frame.opened) {
      openItems.pop();
      lastClosed = { open: frame.opened, element: frame.el, tag: dom.tag(frame.el) };
    }
  };

  let current: Element | null = dom.firstElement(root);
  let depth = 0;
  let visited = 0;
  while (current) {
    if ((++visited & WALK_CHECKPOINT) === 0) {
      yield;
      // Paused: the walk stands on `current` and its open ancestors; if the page took it away, start over.
      if (!dom.contains(root, current)) throw new PageChanged('the page walk');
    }
    const entered = enter(current);
    const firstChild = entered ? dom.firstElement(current) : null;
    if (firstChild) {
      depth++;
      current = firstChild;
      continue;
    }
    if (entered) leave();
    let next: Element | null = dom.nextElement(current);
    while (!next && depth > 0) {
      depth--;
      current = dom.parentElement(current)!;
      leave();
      next = dom.nextElement(current);
    }
    current = next;
  }
  return result;
}

const FALLBACK_LINK_SELECTOR = '[data-commentid], a[href*="#comment-"]';
const PERMALINK_FRAGMENT = /#comment-(\d+)$/;

/**
 * Fallback when no mark exists: one item per closest `li`/`article` around a reply link (`data-commentid`) or a
 * permalink to a comment of THIS page. Links to another page's comments are references (widgets), not comments.
 */
function fallbackMarks(root: Element, dom: SafeDom): Map<Element, Mark> {
  const marks = new Map<Element, Mark>();
  const doc = dom.ownerDocument(root);
  let page: ReturnType<typeof pageAddresses> | null = null;
  for (const link of dom.queryAll(root, FALLBACK_LINK_SELECTOR)) {
    const replyId = dom.attr(link, 'data-commentid');
    let id: string | null = null;
    if (replyId !== null) {
      id = replyId;
    } else {
      const href = dom.attr(link, 'href') ?? '';
      const fragment = PERMALINK_FRAGMENT.exec(href)?.[1];
      if (fragment && doc) {
        page ??= pageAddresses(doc);
        if (placeOf(href, page) === 'this-page') id = fragment;
      }
    }
    if (!id || !/^\d+$/.test(id)) continue;
    const host = dom.closest(link, 'li, article');
    if (!host || marks.has(host)) continue;
    marks.set(host, { el: host, id, declaredParentId: null, idPair: null, isClassMark: false, kind: 'permalink', dialect: 'wordpress', outer: false });
  }
  return marks;
}

function rootOf(scope: Document | Element, dom: SafeDom): Element | null {
  return dom.nodeType(scope) === 9 ? dom.documentElement(scope as Document) : (scope as Element);
}

/**
 * Every comment item under `scope` (the document, or a section root) with its own elements and parents, in page
 * order; as steps that pause every few hundred elements (utils/common/steps.ts).
 */
export function* walkCommentItemsSteps(scope: Document | Element): Steps<ItemWalk> {
  const dom = safeDom(scope);
  const tables = markTables();
  const root = rootOf(scope, dom);
  if (!root) return { items: [], own: [], ownTokens: [], ownTags: [], divCommentHosts: [], domParent: [], afterParent: [] };
  const walk = yield* walkItemsSteps(root, (el, tag, id, tokens) => readMark(el, tag, id, tokens, tables, dom), tables, dom);
  if (walk.items.length > 0) return walk;
  const fallback = fallbackMarks(root, dom);
  if (fallback.size === 0) return walk;
  return yield* walkItemsSteps(root, (el) => fallback.get(el) ?? null, tables, dom);
}

/** Every comment item under `scope`, at once (walkCommentItemsSteps run to the end). */
export function walkCommentItems(scope: Document | Element): ItemWalk {
  return runSteps(walkCommentItemsSteps(scope));
}

/** The outermost comment items under `scope`: top-level comments, and replies a theme prints outside their parent. */
export function findCommentItems(scope: Document | Element): CommentItem[] {
  const walk = walkCommentItems(scope);
  return walk.items.filter((_, i) => walk.domParent[i] === -1 && walk.afterParent[i] === -1);
}
