import { findCommentForms } from '@/utils/detect/detect-comment-sections';
import { classTokens, type CommentItem } from '@/utils/detect/comment-items';
import type { CommentSection } from '@/utils/detect/types';
import {
  absoluteHref,
  findContent,
  findNameElement,
  indexOwnElements,
  readAuthor,
  readDate,
  readPending,
  readText,
  type OwnIndex,
} from '@/utils/parse/fields';
import { findPagination } from '@/utils/parse/pagination';
import { findByline, normalizeName } from '@/utils/parse/post-author';
import { scanSection, type ScannedItem } from '@/utils/parse/scan-items';
import { scanSectionChrome, type SectionChrome } from '@/utils/parse/section-chrome';
import type { CommentParts, ParsedSection } from '@/utils/parse/types';
import type { CommentType, MarkupDialect, PostAuthor, ThreadComment } from '@/utils/thread/types';

/** What differs between markup dialects; everything else (fields by role, pagination, form) is shared. */
export interface DialectAdapter {
  dialect: MarkupDialect;
  /** Depth as printed by the markup (`depth-N`, a plugin's level class), or null. */
  markupDepth(item: CommentItem): number | null;
  /** Parent id declared by the markup itself ("0" = top level), or null when it declares none. */
  declaredParentId(item: CommentItem): string | null;
  /** Classes marking the post author's comments, on the item, its class host or any own element. */
  postAuthorClasses: readonly string[];
}

interface Draft {
  scanned: ScannedItem;
  index: OwnIndex;
  comment: ThreadComment;
  body: Element;
  content: Element | null;
}

const CHILD_LIST_TAGS = new Set(['OL', 'UL']);

/** The element holding the comment's own content but none of its replies (ParsedSection.bodies). */
function findBody(scanned: ScannedItem, index: OwnIndex, content: Element | null, items: ScannedItem[]): Element {
  const { item } = scanned;
  const nested = scanned.domChildren.map((i) => items[i]!.item.element);
  // A body holds the comment's text and none of its replies (wpDiscuz 5's `#comment-N` holds only the avatar).
  const isBody = (el: Element): boolean => (content === null || el.contains(content)) && !nested.some((child) => el.contains(child));
  const bodyByClass = index.roles.get('body') ?? null;
  // `.comment-body` / `.wpd-comment-wrap` around the inner `#comment-N` (wpDiscuz) is the larger, better body;
  // inside it (twentyten's text-only `.comment-body`) it is not.
  const wrapsInnerId = bodyByClass !== null && item.innerIdHost !== null && bodyByClass.contains(item.innerIdHost);
  const candidates = [
    index.divCommentId,
    wrapsInnerId ? bodyByClass : null,
    item.innerIdHost,
    item.classHost !== item.element ? item.classHost : null,
    bodyByClass,
  ];
  for (const candidate of candidates) {
    if (candidate && candidate !== item.element && isBody(candidate)) return candidate;
  }
  // Block themes: the item's one content child next to the bare `<ol>` of replies.
  const contentChildren: Element[] = [];
  for (let child = item.element.firstElementChild; child; child = child.nextElementSibling) {
    if (!CHILD_LIST_TAGS.has(child.tagName) && !nested.includes(child)) contentChildren.push(child);
  }
  const only = contentChildren.length === 1 ? contentChildren[0]! : null;
  if (only && isBody(only)) return only;
  // Else the largest block around the text that is not the item and holds no reply (wpDiscuz 5's `.wc-comment-right`).
  let around: Element | null = content;
  while (around && around.parentElement && around.parentElement !== item.element && isBody(around.parentElement)) around = around.parentElement;
  return around && around.parentElement === item.element ? around : item.element;
}

function classHostsOf(item: CommentItem): Element[] {
  return item.classHost && item.classHost !== item.element ? [item.element, item.classHost] : [item.element];
}

function hasAnyClass(elements: Element[], classes: readonly string[]): boolean {
  return elements.some((el) => {
    const tokens = classTokens(el);
    return classes.some((name) => tokens.includes(name));
  });
}

const PING_LABEL = /^(pingback|trackback)\b/i;
/** A separate list of pings (`wp_list_comments('type=pings')`): `ol.pinglist`, `#trackbacks`, `#pings`… */
const PING_CONTAINER = /(?:^|[-_])(?:pings?|pingbacks?|trackbacks?|pinglist)(?:[-_]|$)/i;

function inPingList(item: CommentItem, root: Element): boolean {
  for (let node = item.element.parentElement; node; node = node.parentElement) {
    if (PING_CONTAINER.test(node.id) || classTokens(node).some((token) => PING_CONTAINER.test(token))) return true;
    if (node === root) break;
  }
  return false;
}

function readType(item: CommentItem, textOf: () => string, themeHasCommentClasses: boolean, root: Element): CommentType {
  const hosts = classHostsOf(item);
  if (hasAnyClass(hosts, ['pingback'])) return 'pingback';
  if (hasAnyClass(hosts, ['trackback'])) return 'trackback';
  // Items without WordPress's classes in a list of their own for pings (Divi's `ol.pinglist`).
  if (item.classHost === null && inPingList(item, root)) return 'pingback';
  // Themes that drop WordPress's classes: the visible label is all there is (weak, used only then).
  if (!themeHasCommentClasses) {
    const label = PING_LABEL.exec(textOf())?.[1]?.toLowerCase();
    if (label === 'pingback' || label === 'trackback') return label;
  }
  return 'comment';
}

/**
 * `ThreadComment.text` is read on first use (search, reply inference), not for every comment at parse time: an
 * enumerable memoized getter, so the comment still serializes, clones and compares as plain data.
 */
function defineLazyText(comment: ThreadComment, read: () => string): void {
  let value = '';
  let reader: (() => string) | null = read;
  Object.defineProperty(comment, 'text', {
    enumerable: true,
    configurable: true,
    get: () => {
      if (reader) {
        value = reader();
        reader = null;
      }
      return value;
    },
    set: (next: string) => {
      value = next;
      reader = null;
    },
  });
}

/** FNV-1a, base 36: short stable ids for comments the page gives none. */
function stableHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

function synthesizeId(comment: ThreadComment, taken: Set<string>): string {
  const prefix = comment.type === 'comment' ? 'anon' : 'ping';
  const base = `${prefix}-${stableHash(`${comment.author.url ?? ''}|${comment.author.name}|${comment.text.slice(0, 200)}`)}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Parent and depth: markup declaration, then DOM nesting, then the depth-N stack (wordpress-markup.md §8.3). */
function linkParents(drafts: Draft[], adapter: DialectAdapter): void {
  const byId = new Map<string, Draft>();
  const lastAtDepth: Draft[] = [];
  for (const draft of drafts) {
    const { scanned, comment } = draft;
    const markupDepth = adapter.markupDepth(scanned.item);
    const declared = adapter.declaredParentId(scanned.item);
    let parent: Draft | null = null;
    if (declared !== null && declared !== '0' && byId.has(declared)) {
      parent = byId.get(declared)!;
    } else if (declared === '0') {
      parent = null;
    } else if (scanned.domParent >= 0) {
      parent = drafts[scanned.domParent] ?? null;
    } else if (markupDepth !== null && markupDepth > 1) {
      parent = lastAtDepth[markupDepth - 1] ?? null;
    }
    // Duplicate ids can make a comment declare itself (or its twin) as parent: that is no parent.
    if (parent !== null && (parent === draft || parent.comment.id === comment.id)) parent = null;
    comment.parentId = parent?.comment.id ?? null;
    // Depth follows the parent chain, so the tree stays consistent even where depth-N classes lie or jump;
    // on well-formed pages the two agree (every truth file holds depth = parent's depth + 1).
    comment.depth = parent ? parent.comment.depth + 1 : 1;
    lastAtDepth.length = comment.depth;
    lastAtDepth[comment.depth] = draft;
    if (!byId.has(comment.id)) byId.set(comment.id, draft);
  }
}

/** Post author from comment classes; for themes without WordPress's classes, from the post byline. */
function markPostAuthor(drafts: Draft[], doc: Document, root: Element, base: string, themeHasCommentClasses: boolean): PostAuthor | null {
  const flagged = drafts.find((draft) => draft.comment.isPostAuthor);
  if (flagged) return { name: flagged.comment.author.name, url: flagged.comment.author.url, source: 'bypostauthor' };
  if (themeHasCommentClasses) return null;
  const byline = findByline(doc, root, base);
  if (!byline) return null;
  const name = normalizeName(byline.name);
  let found = false;
  for (const { comment } of drafts) {
    if (comment.type !== 'comment') continue;
    const sameUrl = byline.url !== null && comment.author.url === byline.url;
    if (normalizeName(comment.author.name) === name || sameUrl) {
      comment.isPostAuthor = true;
      found = true;
    }
  }
  return found ? { name: byline.name, url: byline.url, source: 'byline' } : null;
}

/** A form (or Jetpack's iframe) a reader can type in: `#respond` alone may only hold a "log in to comment" note. */
function isUsableForm(el: Element | null): boolean {
  if (!el) return false;
  return el.tagName === 'FORM' || el.tagName === 'IFRAME' || el.querySelector('form, iframe') !== null;
}

/** The form next to the list, else none if the section says comments are closed, else the page's form. */
function isCommentsOpen(doc: Document, chrome: SectionChrome): boolean {
  if (chrome.forms.length > 0) return chrome.forms.some(isUsableForm);
  if (chrome.closedNote) return false;
  return findCommentForms(doc).some(isUsableForm);
}

/** Page URL usable as a base for relative links (documents parsed from files have none). */
function baseUrlOf(doc: Document): string {
  const base = doc.baseURI;
  return base && /^https?:/i.test(base) ? base : 'http://localhost/';
}

/** Parses one detected section with the given dialect adapter. */
export function buildThread(section: CommentSection, adapter: DialectAdapter): ParsedSection {
  const doc = section.root.ownerDocument;
  const base = baseUrlOf(doc);
  const scanned = scanSection(section.root);
  const items = scanned.map((entry) => entry.item);
  const itemElements = new Set(items.map((item) => item.element));
  const isItemElement = (el: Element): boolean => itemElements.has(el);
  const themeHasCommentClasses = adapter.dialect !== 'wordpress' || items.some((item) => item.classHost !== null);

  const drafts: Draft[] = scanned.map((entry) => {
    const index = indexOwnElements(entry, entry.item.id);
    const content = findContent(entry, index);
    const body = findBody(entry, index, content, scanned);
    const textOf = () => readText(content, body, index, (el) => el !== entry.item.element && isItemElement(el));
    const { date, dateText } = readDate(index, content);
    const hosts = classHostsOf(entry.item);
    const type = readType(entry.item, textOf, themeHasCommentClasses, section.root);
    const ownFlag = adapter.postAuthorClasses.some((name) => index.classes.has(name));
    const comment: ThreadComment = {
      id: entry.item.id ?? '',
      parentId: null,
      depth: 1,
      author: readAuthor(index, content, body, base, type !== 'comment'),
      isPostAuthor: ownFlag || hasAnyClass(hosts, adapter.postAuthorClasses),
      type,
      date,
      dateText,
      permalink: absoluteHref(index.permalink, base),
      pending: readPending(index, hosts),
      text: '',
    };
    defineLazyText(comment, textOf);
    return { scanned: entry, index, comment, body, content };
  });

  const taken = new Set(drafts.map((draft) => draft.comment.id).filter((id) => id !== ''));
  for (const { comment } of drafts) {
    if (comment.id !== '') continue;
    comment.id = synthesizeId(comment, taken);
    taken.add(comment.id);
  }
  linkParents(drafts, adapter);

  // One comment per id: a repeated id (a theme printing an item twice) keeps its first, outermost element.
  const elements = new Map<string, Element>();
  const bodies = new Map<string, Element>();
  const parts = new Map<string, CommentParts>();
  const kept: Draft[] = [];
  for (const draft of drafts) {
    if (elements.has(draft.comment.id)) continue;
    const element = draft.scanned.item.element;
    elements.set(draft.comment.id, element);
    bodies.set(draft.comment.id, draft.body);
    parts.set(draft.comment.id, {
      element,
      body: draft.body,
      content: draft.content,
      name: findNameElement(draft.index, draft.content),
      replyLink: draft.index.replyLink,
    });
    kept.push(draft);
  }
  const comments = kept.map((draft) => draft.comment);
  const postAuthor = markPostAuthor(kept, doc, section.root, base, themeHasCommentClasses);
  const chrome = scanSectionChrome(section.root, section.list);
  return {
    thread: {
      dialect: adapter.dialect,
      postAuthor,
      comments,
      pagination: findPagination(chrome.navs, doc.URL),
      commentsOpen: isCommentsOpen(doc, chrome),
    },
    parts,
    elements,
    bodies,
  };
}
