/**
 * The nodes of the comments merged from another comment page. They are not the page's nodes: each top-level unit of
 * the fetched list is serialized from the inert document and passed through the one DOMPurify door
 * (sanitizeCommentHtml, `comment` mode), which rebuilds it as brand-new nodes of the reader's document. Nothing of
 * the fetched document is adopted, cloned or inserted.
 *
 * The parser's parts (item, body, content, name, reply link) are found again in the rebuilt nodes through marker
 * classes with a per-merge random prefix, added to the inert document before serializing and removed after.
 */
import type { ParsedCommentPage } from '@/utils/merge/parse-page';
import { sameOriginUrl } from '@/utils/merge/page-plan';
import type { CommentParts } from '@/utils/parse/types';
import type { ThreadComment } from '@/utils/thread/types';
import { sanitizeCommentHtml } from '@/utils/view/preview/sanitize';

export interface BuiltComments {
  /** The rebuilt children of the page's comment list that hold merged comments, in page order: what gets inserted. */
  units: Element[];
  /** Each merged comment's rebuilt parts (the same shape as the page's own, utils/parse/types.ts). */
  parts: Map<string, CommentParts>;
  /** Comments kept by the merge whose item did not survive sanitizing (an item tag outside the allow-list). */
  unbuilt: string[];
}

type Role = 'item' | 'body' | 'content' | 'name' | 'reply';
const ROLE_CODES: Record<Role, string> = { item: 'i', body: 'b', content: 'c', name: 'n', reply: 'r' };
const ROLE_BY_CODE = new Map(Object.entries(ROLE_CODES).map(([role, code]) => [code, role as Role]));

function randomPrefix(): string {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return `tlm${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The ids WordPress and wpDiscuz give a comment's item and body (`comment-30`, `li-comment-30`, `div-comment-30`,
 * `wpd-comm-30_0`), re-created only from that closed pattern and the comment's own numeric id: a rebuilt comment
 * then answers `#comment-30` links and parses like the page's own, and no page-chosen id ever comes through.
 */
export function structuralId(original: string | null, commentId: string): string | null {
  if (!original || !/^\d+$/.test(commentId)) return null;
  const wordpress = /^(li-comment|div-comment|comment)-(\d+)$/.exec(original);
  if (wordpress) return wordpress[2] === commentId ? `${wordpress[1]}-${commentId}` : null;
  const plugin = /^(wpd-comm|wc-comm)-(\d+)_(\d+)$/.exec(original);
  if (plugin) return plugin[2] === commentId ? `${plugin[1]}-${commentId}_${plugin[3]}` : null;
  return null;
}

const LAZY_SOURCES = ['data-lazy-src', 'data-src', 'data-original'];
const LAZY_SRCSETS = ['srcset', 'data-srcset', 'data-lazy-srcset'];

/** Lazy-loaded images (avatars) get their real source before sanitizing, which keeps `src` only (http/https). */
function promoteLazyImages(scope: Element): void {
  for (const img of Array.from(scope.querySelectorAll('img'))) {
    const src = img.getAttribute('src') ?? '';
    if (src && !/^\s*data:/i.test(src)) continue;
    const lazy = LAZY_SOURCES.map((name) => img.getAttribute(name)).find((value) => value && !/^\s*data:/i.test(value));
    const fromSet = LAZY_SRCSETS.map((name) => img.getAttribute(name)?.trim().split(/\s+/)[0]).find((value) => value && !/^data:/i.test(value));
    const real = lazy ?? fromSet;
    if (real) img.setAttribute('src', real);
  }
}

/** The child of `list` that holds `element` (the unit inserted into the reader's list), or null. */
function unitOf(element: Element, list: Element): Element | null {
  let node: Element | null = element;
  while (node && node.parentElement !== list) node = node.parentElement;
  return node;
}

/** The reply link of a merged comment leads to that comment on its own page: its permalink there. */
function replyTarget(comment: ThreadComment, pageUrl: string): string {
  if (!comment.permalink) return pageUrl;
  const permalink = sameOriginUrl(comment.permalink, pageUrl);
  return permalink === null ? pageUrl : permalink + new URL(comment.permalink).hash;
}

/** The one element a rebuilt unit is, or null when the sanitizer unwrapped it (several nodes, or text beside it). */
function soleElement(fragment: DocumentFragment): Element | null {
  let sole: Element | null = null;
  for (const node of Array.from(fragment.childNodes)) {
    if (node.nodeType === 3 && (node.nodeValue ?? '').trim() === '') continue;
    if (node.nodeType !== 1 || sole !== null) return null;
    sole = node as Element;
  }
  return sole;
}

export interface BuildOptions {
  /** The reader's document: the rebuilt nodes belong to it. */
  doc: Document;
  /** Lets the page breathe between units of a big page (default: none; the loader passes one). */
  yieldToPage?: () => Promise<void>;
  /** Milliseconds of work between two yields. */
  sliceMs?: number;
}

/**
 * Rebuilds, as sanitized nodes of `options.doc`, the comments of `page` whose ids are in `keep` (a kept comment's
 * parent is kept too: the loader's rule). Comments not kept are cut out of the inert document first.
 */
export async function buildMergedComments(page: ParsedCommentPage, keep: ReadonlySet<string>, options: BuildOptions): Promise<BuiltComments> {
  const { parsed, section } = page;
  const prefix = randomPrefix();
  const comments = parsed.thread.comments;
  const keptElements: Element[] = [];
  for (const [index, comment] of comments.entries()) {
    const parts = parsed.parts.get(comment.id);
    if (!parts || !keep.has(comment.id)) continue;
    const mark = (el: Element | null, role: Role) => el?.classList.add(`${prefix}-${ROLE_CODES[role]}-${index}`);
    mark(parts.element, 'item');
    mark(parts.body, 'body');
    mark(parts.content, 'content');
    mark(parts.name, 'name');
    mark(parts.replyLink, 'reply');
    keptElements.push(parts.element);
  }
  // Cut out what is not merged (already on screen): its replies go with it, as the loader decided.
  for (const comment of comments) {
    if (!keep.has(comment.id)) parsed.parts.get(comment.id)?.element.remove();
  }
  promoteLazyImages(section.list);

  const unitSet = new Set<Element>();
  for (const element of keptElements) {
    const unit = element.isConnected ? unitOf(element, section.list) : null;
    if (unit) unitSet.add(unit);
  }
  const units = Array.from(section.list.children).filter((child) => unitSet.has(child));

  const built: BuiltComments = { units: [], parts: new Map(), unbuilt: [] };
  const found = new Map<number, Partial<Record<Role, Element>>>();
  const sliceMs = options.sliceMs ?? 12;
  let sliceStart = performance.now();
  for (const unit of units) {
    const fragment = sanitizeCommentHtml(unit.outerHTML, options.doc, { mode: 'comment', baseUrl: page.url });
    collectMarkers(fragment, prefix, found);
    const sole = soleElement(fragment);
    if (sole) built.units.push(sole);
    else if (fragment.childNodes.length > 0) {
      // The unit's own tag was not kept (its content was): a plain wrapper holds it together.
      const wrapper = options.doc.createElement('div');
      wrapper.append(fragment);
      built.units.push(wrapper);
    }
    if (options.yieldToPage && performance.now() - sliceStart > sliceMs) {
      await options.yieldToPage();
      sliceStart = performance.now();
    }
  }

  for (const [index, comment] of comments.entries()) {
    if (!keep.has(comment.id)) continue;
    const roles = found.get(index);
    const element = roles?.item;
    if (!element) {
      built.unbuilt.push(comment.id);
      continue;
    }
    const original = parsed.parts.get(comment.id)!;
    const body = roles.body ?? element;
    setStructuralId(element, original.element.getAttribute('id'), comment.id, options.doc);
    if (body !== element) setStructuralId(body, original.body.getAttribute('id'), comment.id, options.doc);
    const replyLink = roles.reply ?? null;
    if (replyLink?.localName === 'a') replyLink.setAttribute('href', replyTarget(comment, page.url));
    built.parts.set(comment.id, { element, body, content: roles.content ?? null, name: roles.name ?? null, replyLink });
  }
  return built;
}

function setStructuralId(element: Element, original: string | null, commentId: string, doc: Document): void {
  const id = structuralId(original, commentId);
  // Never a second element with an id the reader's page already uses.
  if (id !== null && doc.getElementById(id) === null) element.setAttribute('id', id);
}

/** Records the marked elements of a rebuilt fragment by comment index and role, and removes the markers. */
function collectMarkers(fragment: DocumentFragment, prefix: string, found: Map<number, Partial<Record<Role, Element>>>): void {
  const marker = `${prefix}-`;
  for (const element of Array.from(fragment.querySelectorAll(`[class*="${prefix}"]`))) {
    const tokens = (element.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
    const rest: string[] = [];
    for (const token of tokens) {
      if (!token.startsWith(marker)) {
        rest.push(token);
        continue;
      }
      const [code, index] = token.slice(marker.length).split('-');
      const role = ROLE_BY_CODE.get(code ?? '');
      if (!role || !/^\d+$/.test(index ?? '')) continue;
      const entry = found.get(Number(index)) ?? {};
      entry[role] ??= element;
      found.set(Number(index), entry);
    }
    if (rest.length > 0) element.setAttribute('class', rest.join(' '));
    else element.removeAttribute('class');
  }
}
