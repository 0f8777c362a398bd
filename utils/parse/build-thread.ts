import { fnv1a36 } from '@/utils/common/hash';
import { runSteps, type Steps } from '@/utils/common/steps';
import { walkCommentItemsSteps, type CommentItem } from '@/utils/detect/comment-items';
import { findCommentForms, takeDetectedWalk } from '@/utils/detect/detect-comment-sections';
import type { CommentSection } from '@/utils/detect/types';
import type { DialectProfile } from '@/utils/dialects/types';
import { classTokens } from '@/utils/dom/class-tokens';
import { safeDom, type SafeDom } from '@/utils/dom/safe-dom';
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
import { findByline } from '@/utils/parse/post-author';
import { scannedItemsOf, type ScannedItem } from '@/utils/parse/scan-items';
import { scanSectionChrome, type SectionChrome } from '@/utils/parse/section-chrome';
import type { CommentParts, ParsedSection } from '@/utils/parse/types';
import { personName } from '@/utils/thread/participants';
import type { CommentType, PostAuthor, ThreadComment } from '@/utils/thread/types';

interface Draft {
  scanned: ScannedItem;
  index: OwnIndex;
  comment: ThreadComment;
  body: Element;
  content: Element | null;
}

const CHILD_LIST_TAGS = new Set(['OL', 'UL']);

/** The element holding the comment's own content but none of its replies (CommentParts.body). */
function findBody(scanned: ScannedItem, index: OwnIndex, content: Element | null, items: ScannedItem[], dom: SafeDom): Element {
  const { item } = scanned;
  const nested = scanned.domChildren.map((i) => items[i]!.item.element);
  // A body holds the comment's text and none of its replies (wpDiscuz 5's `#comment-N` holds only the avatar).
  const isBody = (el: Element): boolean => (content === null || dom.contains(el, content)) && !nested.some((child) => dom.contains(el, child));
  const bodyByClass = index.roles.get('body') ?? null;
  // `.comment-body` / `.wpd-comment-wrap` around the inner `#comment-N` (wpDiscuz) is the larger, better body;
  // inside it (twentyten's text-only `.comment-body`) it is not.
  const wrapsInnerId = bodyByClass !== null && item.innerIdHost !== null && dom.contains(bodyByClass, item.innerIdHost);
  const candidates = [
    index.divCommentId,
    wrapsInnerId ? bodyByClass : null,
    item.innerIdHost,
    item.classHost !== item.element ? item.classHost : null,
    bodyByClass,
  ];
  for (const candidate of candidates) {
    if (candidate && candidate !== item.element && dom.contains(item.element, candidate) && isBody(candidate)) return candidate;
  }
  // Block themes: the item's one content child next to the bare `<ol>` of replies.
  const contentChildren: Element[] = [];
  for (let child = dom.firstElement(item.element); child; child = dom.nextElement(child)) {
    if (!CHILD_LIST_TAGS.has(dom.tag(child)) && !nested.includes(child)) contentChildren.push(child);
  }
  const only = contentChildren.length === 1 ? contentChildren[0]! : null;
  if (only && isBody(only)) return only;
  // Else the largest block around the text that is not the item and holds no reply (wpDiscuz 5's `.wc-comment-right`).
  let around: Element | null = content && dom.contains(item.element, content) ? content : null;
  while (around) {
    const parent = dom.parentElement(around);
    if (!parent || parent === item.element || !isBody(parent)) break;
    around = parent;
  }
  return around && dom.parentElement(around) === item.element ? around : item.element;
}

function classHostsOf(item: CommentItem): Element[] {
  return item.classHost && item.classHost !== item.element ? [item.element, item.classHost] : [item.element];
}

function hasAnyClass(elements: Element[], classes: readonly string[], patterns: readonly RegExp[] = []): boolean {
  return elements.some((el) => {
    const tokens = classTokens(el);
    return classes.some((name) => tokens.includes(name)) || (patterns.length > 0 && tokens.some((token) => patterns.some((pattern) => pattern.test(token))));
  });
}

const PING_LABEL = /^(pingback|trackback)\b/i;
/** A separate list of pings (`wp_list_comments('type=pings')`): `ol.pinglist`, `#trackbacks`, `#pings`… */
const PING_CONTAINER = /(?:^|[-_])(?:pings?|pingbacks?|trackbacks?|pinglist)(?:[-_]|$)/i;

function inPingList(item: CommentItem, root: Element, dom: SafeDom): boolean {
  for (let node = dom.parentElement(item.element); node; node = dom.parentElement(node)) {
    if (PING_CONTAINER.test(dom.id(node)) || classTokens(node, dom).some((token) => PING_CONTAINER.test(token))) return true;
    if (node === root) break;
  }
  return false;
}

function readType(
  item: CommentItem,
  index: OwnIndex,
  textOf: () => string,
  labelsAllowed: boolean,
  root: Element,
  profile: DialectProfile,
  dom: SafeDom,
): CommentType {
  const hosts = classHostsOf(item);
  const { types } = profile.items;
  if (hasAnyClass(hosts, types.pingback)) return 'pingback';
  if (hasAnyClass(hosts, types.trackback)) return 'trackback';
  // Items without WordPress's classes in a list of their own for pings (Divi's `ol.pinglist`).
  if (item.classHost === null && types.pingback.length > 0 && inPingList(item, root, dom)) return 'pingback';
  // wpDiscuz 5 prints no type class: a ping shows the plugin's trackback picture instead of an avatar.
  if (index.pingAvatar) return 'pingback';
  // Themes that drop WordPress's classes: the visible label is all there is (weak, used only then).
  if (labelsAllowed) {
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

/** A stable id for a comment the page gives none: a digest of its author and first words (docs/parser.md). */
function synthesizeId(comment: ThreadComment, taken: Set<string>): string {
  const prefix = comment.type === 'comment' ? 'anon' : 'ping';
  const base = `${prefix}-${fnv1a36(`${comment.author.url ?? ''}|${comment.author.name}|${comment.text.slice(0, 200)}`)}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * Parent and depth (wordpress-markup.md §8.3), in page order. Candidates, first usable wins: the parent the markup
 * declares (wpDiscuz `_P`), the enclosing comment (DOM nesting), for an item whose `depth-N` says it is a reply the
 * last preceding item of depth N-1, the comment whose following reply list holds it (Drupal's `div.indented`).
 * A candidate is usable only when it is on the path from the root to the previous comment: the thread stays in
 * pre-order (replies right after their parent's subtree), whatever a lying declaration or id says. `lastAtDepth`
 * is that path (`lastAtDepth[d]` the comment of depth d on it).
 */
function linkParents(drafts: Draft[], profile: DialectProfile): void {
  const { adapter } = profile;
  const byId = new Map<string, Draft>();
  const lastAtDepth: Draft[] = [];
  const onPath = (draft: Draft): boolean => lastAtDepth[draft.comment.depth] === draft;
  for (const draft of drafts) {
    const { scanned, comment } = draft;
    const declared = adapter.declaredParentId(scanned.item);
    let parent: Draft | null = null;
    if (declared !== '0') {
      const markupDepth = adapter.markupDepth(scanned.item);
      const candidates: Array<Draft | null | undefined> = [
        declared !== null ? byId.get(declared) : null,
        scanned.domParent >= 0 ? drafts[scanned.domParent] : null,
        markupDepth !== null && markupDepth > 1 ? lastAtDepth[markupDepth - 1] : null,
        markupDepth === null && scanned.afterParent >= 0 ? drafts[scanned.afterParent] : null,
      ];
      for (const candidate of candidates) {
        // Duplicate ids can make a comment declare itself (or its twin) as parent: that is no parent.
        if (!candidate || candidate === draft || candidate.comment.id === comment.id || !onPath(candidate)) continue;
        parent = candidate;
        break;
      }
    }
    comment.parentId = parent?.comment.id ?? null;
    // Depth follows the parent chain, so the tree stays consistent even where depth-N classes lie or jump;
    // on well-formed pages the two agree (every truth file holds depth = parent's depth + 1).
    comment.depth = parent ? parent.comment.depth + 1 : 1;
    lastAtDepth.length = comment.depth;
    lastAtDepth[comment.depth] = draft;
    if (!byId.has(comment.id)) byId.set(comment.id, draft);
  }
}

/** Post author from the profile's classes; for WordPress themes without comment classes, from the post byline. */
function markPostAuthor(drafts: Draft[], doc: Document, root: Element, base: string, bylineAllowed: boolean): PostAuthor | null {
  const flagged = drafts.find((draft) => draft.comment.isPostAuthor);
  if (flagged) return { name: flagged.comment.author.name, url: flagged.comment.author.url, source: 'bypostauthor' };
  if (!bylineAllowed) return null;
  const byline = findByline(doc, root, base);
  if (!byline) return null;
  const name = personName(byline.name);
  let found = false;
  for (const { comment } of drafts) {
    if (comment.type !== 'comment') continue;
    const sameUrl = byline.url !== null && comment.author.url === byline.url;
    if (personName(comment.author.name) === name || sameUrl) {
      comment.isPostAuthor = true;
      found = true;
    }
  }
  return found ? { name: byline.name, url: byline.url, source: 'byline' } : null;
}

/** A form (or Jetpack's iframe) a reader can type in: `#respond` alone may only hold a "log in to comment" note. */
function isUsableForm(el: Element | null, dom: SafeDom): boolean {
  if (!el) return false;
  const isForm = (node: Element): boolean => {
    const tag = dom.tag(node);
    return tag === 'FORM' || tag === 'IFRAME';
  };
  return isForm(el) || dom.find(el, isForm) !== null;
}

/** The form next to the list, else none if the section says comments are closed, else the page's form. */
function isCommentsOpen(doc: Document, chrome: SectionChrome, profile: DialectProfile, dom: SafeDom): boolean {
  if (chrome.forms.length > 0) return chrome.forms.some((form) => isUsableForm(form, dom));
  if (chrome.closedNote) return false;
  return findCommentForms(doc, profile).some((form) => isUsableForm(form, dom));
}

/** Page URL usable as a base for relative links (documents parsed from files have none). */
function baseUrlOf(doc: Document): string {
  const base = doc.baseURI;
  return base && /^https?:/i.test(base) ? base : 'http://localhost/';
}

/**
 * The element that holds a comment's replies in the page: its reply list inside it (`ol.children`, Thesis's
 * `dl.children` in its `dd`), the item itself (style=div, wpDiscuz), or the list that follows it (Drupal's
 * `div.indented`, Hestia's sibling `ul.children`). Null when the replies sit among other comments (max-depth
 * overflow) or there is none.
 */
function replyListOf(parent: Draft, firstReply: Draft, dom: SafeDom): Element | null {
  const element = parent.scanned.item.element;
  const list = dom.parentElement(firstReply.scanned.item.element);
  if (!list) return null;
  if (list === element || dom.contains(element, list)) return list;
  const continuation = parent.scanned.item.continuation;
  if (continuation && dom.contains(continuation, list)) return list;
  if (dom.previousElement(list) === element) return list;
  const outer = dom.parentElement(list);
  return outer && dom.previousElement(outer) === element ? list : null;
}

/** Parses one detected section with its dialect's profile. */
export function buildThread(section: CommentSection, profile: DialectProfile): ParsedSection {
  return runSteps(buildThreadSteps(section, profile));
}

/** Comments read between two checkpoints of the steps (a mask: 16). */
const COMMENT_CHECKPOINT = 15;

/** buildThread as steps that pause every few comments (utils/common/steps.ts). */
export function* buildThreadSteps(section: CommentSection, profile: DialectProfile): Steps<ParsedSection> {
  const dom = safeDom(section.root);
  const doc = dom.ownerDocument(section.root)!;
  const base = baseUrlOf(doc);
  // Detection's walk of the page, handed over once; a later parse (the page changed) walks the section again.
  const walk = takeDetectedWalk(section);
  const scanned = walk ? scannedItemsOf(walk, section.root) : scannedItemsOf(yield* walkCommentItemsSteps(section.root), section.root);
  yield;
  const items = scanned.map((entry) => entry.item);
  profile.adapter.settleIds?.(items);
  const itemElements = new Set(items.map((item) => item.element));
  const isItemElement = (el: Element): boolean => itemElements.has(el);
  const themeHasCommentClasses = items.some((item) => item.classHost !== null);
  // The post byline and the "Pingback:" label are read only for WordPress themes without comment classes.
  const bylineAllowed = profile.postAuthor.byline && !themeHasCommentClasses;

  const drafts: Draft[] = [];
  for (const entry of scanned) {
    if ((drafts.length & COMMENT_CHECKPOINT) === COMMENT_CHECKPOINT) yield;
    const index = indexOwnElements(entry, entry.item.id, profile);
    const content = findContent(entry, index);
    const body = findBody(entry, index, content, scanned, dom);
    const textOf = () => readText(content, body, index, (el) => el !== entry.item.element && isItemElement(el));
    const { date, dateText } = readDate(index, content, profile, dom);
    const hosts = classHostsOf(entry.item);
    const type = readType(entry.item, index, textOf, bylineAllowed, section.root, profile, dom);
    const { classes, patterns } = profile.postAuthor;
    const ownFlag = classes.some((name) => index.classes.has(name)) || (patterns.length > 0 && [...index.classes].some((token) => patterns.some((pattern) => pattern.test(token))));
    const comment: ThreadComment = {
      id: entry.item.id ?? '',
      parentId: null,
      depth: 1,
      author: readAuthor(index, content, body, base, type !== 'comment'),
      isPostAuthor: ownFlag || hasAnyClass(hosts, classes, patterns),
      type,
      date,
      dateText,
      permalink: absoluteHref(index.permalink, base),
      pending: readPending(index, hosts, profile),
      text: '',
    };
    defineLazyText(comment, textOf);
    drafts.push({ scanned: entry, index, comment, body, content });
  }

  const taken = new Set(drafts.map((draft) => draft.comment.id).filter((id) => id !== ''));
  for (const { comment } of drafts) {
    if (comment.id !== '') continue;
    comment.id = synthesizeId(comment, taken);
    taken.add(comment.id);
  }
  linkParents(drafts, profile);
  yield;

  // One comment per id: a repeated id (a theme printing an item twice) keeps its first, outermost element.
  const parts = new Map<string, CommentParts>();
  const kept: Draft[] = [];
  const byId = new Map<string, Draft>();
  for (const draft of drafts) {
    if ((kept.length & COMMENT_CHECKPOINT) === COMMENT_CHECKPOINT) yield;
    if (parts.has(draft.comment.id)) continue;
    const element = draft.scanned.item.element;
    parts.set(draft.comment.id, {
      element,
      body: draft.body,
      content: draft.content,
      name: findNameElement(draft.index, draft.content, dom),
      replyLink: draft.index.replyLink,
      replies: null,
      continuation: draft.scanned.item.continuation,
    });
    kept.push(draft);
    byId.set(draft.comment.id, draft);
  }
  for (const draft of kept) {
    const parentId = draft.comment.parentId;
    const parent = parentId === null ? undefined : byId.get(parentId);
    const parentParts = parentId === null ? undefined : parts.get(parentId);
    if (!parent || !parentParts || parentParts.replies) continue;
    parentParts.replies = replyListOf(parent, draft, dom);
  }
  yield;
  const comments = kept.map((draft) => draft.comment);
  const postAuthor = markPostAuthor(kept, doc, section.root, base, bylineAllowed);
  // The section's own chrome (form, pagination, closed note) around the comments, never inside them.
  const commentElements = new Set<Element>(itemElements);
  for (const parts_ of parts.values()) {
    if (parts_.continuation) commentElements.add(parts_.continuation);
    if (parts_.replies && parts_.replies !== parts_.element && !dom.contains(parts_.element, parts_.replies)) commentElements.add(parts_.replies);
  }
  yield;
  const chrome = scanSectionChrome(section.root, section.list, profile, (el) => commentElements.has(el));
  return {
    thread: {
      dialect: profile.dialect,
      postAuthor,
      comments,
      pagination: findPagination(chrome.navs, dom.documentUrl(doc), profile),
      commentsOpen: isCommentsOpen(doc, chrome, profile, dom),
    },
    parts,
    section: { profile, root: section.root, list: section.list, forms: chrome.forms },
  };
}
