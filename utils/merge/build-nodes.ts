/**
 * The nodes of the comments merged from another comment page. They are not the page's nodes, and nothing of the
 * fetched document is adopted, cloned or inserted:
 * - the structure (comment items, reply lists, the list children holding them) is rebuilt element by element with
 *   shallowCommentElement (tag and filtered classes only) and ids re-created from the comment's numeric id;
 * - everything else (a comment's body: avatar, meta, text, reply link) is serialized from the inert document and
 *   passed through the one DOMPurify door (sanitizeCommentHtml, `comment` mode), one subtree at a time: a comment's
 *   hostile markup can change its own body when re-parsed (mutation XSS), never swallow its replies or neighbours.
 *
 * The parser's parts (item, body, content, name, reply link, replies, continuation) are found again in the rebuilt nodes through marker
 * classes with a per-merge random prefix, added to the inert document before serializing and removed after.
 */
import type { ParsedCommentPage } from '@/utils/merge/parse-page';
import { sameOriginUrl } from '@/utils/merge/page-plan';
import type { CommentParts } from '@/utils/parse/types';
import type { ThreadComment } from '@/utils/thread/types';
import { sanitizeCommentHtml, shallowCommentElement } from '@/utils/view/preview/sanitize';

export interface BuiltComments {
  /** The rebuilt children of the page's comment list that hold merged comments, in page order: what gets inserted. */
  units: Element[];
  /** Each merged comment's rebuilt parts (the same shape as the page's own, utils/parse/types.ts). */
  parts: Map<string, CommentParts>;
  /** Comments kept by the merge whose item did not survive sanitizing (an item tag outside the allow-list). */
  unbuilt: string[];
}

type Role = 'item' | 'body' | 'content' | 'name' | 'reply' | 'replies' | 'continuation';
const ROLE_CODES: Record<Role, string> = { item: 'i', body: 'b', content: 'c', name: 'n', reply: 'r', replies: 'l', continuation: 'x' };
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
  if (!plugin) return null;
  // wpDiscuz 4–7: the comment id first, then its parent's; wpDiscuz 2–3 (`wc-comm-POST_ID`): the post id first.
  if (plugin[2] === commentId) return `${plugin[1]}-${commentId}_${plugin[3]}`;
  if (plugin[1] === 'wc-comm' && plugin[3] === commentId) return `wc-comm-${plugin[2]}_${commentId}`;
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

/** The reply link of a merged comment leads to that comment on its own page: its permalink there. */
function replyTarget(comment: ThreadComment, pageUrl: string): string {
  if (!comment.permalink) return pageUrl;
  const permalink = sameOriginUrl(comment.permalink, pageUrl);
  return permalink === null ? pageUrl : permalink + new URL(comment.permalink).hash;
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
    mark(parts.replies, 'replies');
    mark(parts.continuation, 'continuation');
    keptElements.push(parts.element);
  }
  // Cut out what is not merged (already on screen): its replies go with it, as the loader decided.
  for (const comment of comments) {
    if (!keep.has(comment.id)) parsed.parts.get(comment.id)?.element.remove();
  }
  promoteLazyImages(section.list);

  // Structural elements: the kept items and every element between them and the list.
  const structural = new Set<Element>();
  for (const element of keptElements) {
    if (!element.isConnected) continue;
    for (let node: Element | null = element; node && node !== section.list; node = node.parentElement) structural.add(node);
  }
  const units = Array.from(section.list.children).filter((child) => structural.has(child));

  const built: BuiltComments = { units: [], parts: new Map(), unbuilt: [] };
  const found = new Map<number, Partial<Record<Role, Element>>>();
  const sliceMs = options.sliceMs ?? 12;
  let sliceStart = performance.now();
  const rebuild = (source: Element): Element => {
    const copy = shallowCommentElement(source, options.doc);
    takeMarkers(copy, source.getAttribute('class'), prefix, found);
    for (const child of Array.from(source.childNodes)) {
      if (child.nodeType === 3) copy.appendChild(options.doc.createTextNode(child.nodeValue ?? ''));
      else if (child.nodeType !== 1) continue;
      else if (structural.has(child as Element)) copy.appendChild(rebuild(child as Element));
      else {
        const fragment = sanitizeCommentHtml((child as Element).outerHTML, options.doc, { mode: 'comment', baseUrl: page.url });
        collectMarkers(fragment, prefix, found);
        copy.appendChild(fragment);
      }
    }
    return copy;
  };
  for (const unit of units) {
    built.units.push(rebuild(unit));
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
    built.parts.set(comment.id, {
      element,
      body,
      content: roles.content ?? null,
      name: roles.name ?? null,
      replyLink,
      replies: roles.replies ?? null,
      continuation: roles.continuation ?? null,
    });
  }
  return built;
}

function setStructuralId(element: Element, original: string | null, commentId: string, doc: Document): void {
  const id = structuralId(original, commentId);
  // Never a second element with an id the reader's page already uses.
  if (id !== null && doc.getElementById(id) === null) element.setAttribute('id', id);
}

/**
 * Records `element` under the marker tokens of `classValue` (by comment index and role) and leaves `element` the
 * other tokens only.
 */
function takeMarkers(element: Element, classValue: string | null, prefix: string, found: Map<number, Partial<Record<Role, Element>>>): void {
  const marker = `${prefix}-`;
  const tokens = (classValue ?? '').split(/\s+/).filter(Boolean);
  if (!tokens.some((token) => token.startsWith(marker))) return;
  for (const token of tokens) {
    if (!token.startsWith(marker)) continue;
    const [code, index] = token.slice(marker.length).split('-');
    const role = ROLE_BY_CODE.get(code ?? '');
    if (!role || !/^\d+$/.test(index ?? '')) continue;
    const entry = found.get(Number(index)) ?? {};
    entry[role] ??= element;
    found.set(Number(index), entry);
  }
  const rest = (element.getAttribute('class') ?? '').split(/\s+/).filter((token) => token && !token.startsWith(marker));
  if (rest.length > 0) element.setAttribute('class', rest.join(' '));
  else element.removeAttribute('class');
}

/** takeMarkers for every marked element of a sanitized fragment. */
function collectMarkers(fragment: DocumentFragment, prefix: string, found: Map<number, Partial<Record<Role, Element>>>): void {
  for (const element of Array.from(fragment.querySelectorAll(`[class*="${prefix}"]`))) takeMarkers(element, element.getAttribute('class'), prefix, found);
}
