/**
 * The small elements the view inserts into comments (toggle bar, author badge, pingback group) and where they go.
 * Built from templates cloned per comment (cheap on 5,000 comments); they carry no ids, so the page's own ids
 * stay unique.
 */
import { ATTR_GROUP, ATTR_TOGGLE, ATTR_UI } from './dom-contract';
import { label as message } from './labels';

/** The toggle bar of one comment with replies. */
export interface ToggleBar {
  element: HTMLElement;
  button: HTMLButtonElement;
  label: HTMLElement;
  triage: HTMLElement;
  /** Triage text already written (computed lazily, the first time the comment collapses). */
  triageWritten: boolean;
}

const templates = new WeakMap<Document, { bar: HTMLElement; badge: HTMLElement }>();

function templatesFor(doc: Document): { bar: HTMLElement; badge: HTMLElement } {
  let cached = templates.get(doc);
  if (cached) return cached;
  const bar = doc.createElement('div');
  bar.className = 'threadlight-bar';
  bar.setAttribute(ATTR_UI, 'bar');
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'threadlight-toggle';
  const chevron = doc.createElement('span');
  chevron.className = 'threadlight-chevron';
  chevron.setAttribute('aria-hidden', 'true');
  const label = doc.createElement('span');
  label.className = 'threadlight-toggle-label';
  button.append(chevron, label);
  const triage = doc.createElement('span');
  triage.className = 'threadlight-triage';
  triage.hidden = true;
  bar.append(button, triage);

  const badge = doc.createElement('span');
  badge.className = 'threadlight-badge';
  badge.setAttribute(ATTR_UI, 'badge');
  cached = { bar, badge };
  templates.set(doc, cached);
  return cached;
}

/** A new toggle bar for comment `id` (not inserted yet). */
export function createToggleBar(doc: Document, id: string): ToggleBar {
  const element = templatesFor(doc).bar.cloneNode(true) as HTMLElement;
  const button = element.firstElementChild as HTMLButtonElement;
  button.setAttribute(ATTR_TOGGLE, id);
  return {
    element,
    button,
    label: button.lastElementChild as HTMLElement,
    triage: element.lastElementChild as HTMLElement,
    triageWritten: false,
  };
}

/** The "author replied in this thread" dot placed first in a root comment's bar. */
export function createRepliedMarker(doc: Document): HTMLElement {
  const marker = doc.createElement('span');
  marker.className = 'threadlight-replied';
  marker.setAttribute(ATTR_UI, 'marker');
  marker.setAttribute('role', 'img');
  const text = message('view_author_replied_marker');
  marker.setAttribute('aria-label', text);
  marker.title = text;
  return marker;
}

/** The "Author" badge. */
export function createAuthorBadge(doc: Document): HTMLElement {
  const badge = templatesFor(doc).badge.cloneNode(true) as HTMLElement;
  badge.textContent = message('view_author_badge');
  badge.title = message('view_author_badge_title');
  return badge;
}

/** The pingback group's summary: an item of the same kind as its siblings (li in a list, div elsewhere). */
export function createPingbackGroup(doc: Document, parent: Element): { element: HTMLElement; button: HTMLButtonElement } {
  const inList = parent.tagName === 'OL' || parent.tagName === 'UL';
  const element = doc.createElement(inList ? 'li' : 'div');
  element.className = 'threadlight-pings threadlight-bar';
  element.setAttribute(ATTR_UI, 'pings');
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'threadlight-pings-toggle';
  button.setAttribute(ATTR_GROUP, 'pingbacks');
  const chevron = doc.createElement('span');
  chevron.className = 'threadlight-chevron';
  chevron.setAttribute('aria-hidden', 'true');
  const label = doc.createElement('span');
  button.append(chevron, label);
  element.append(button);
  return { element, button };
}

/** Where a place is: insert before `before` inside `parent` (null = append). */
export interface InsertionPoint {
  parent: Element;
  before: Node | null;
}

// Tried in this order (querySelectorAll would return the outer `.comment-author` before the `.fn` it holds).
const REPLY_LINK = ['.comment-reply-link', '.comment-reply-login'];
const CONTENT = ['.comment-content', '.wp-block-comment-content', '.comment-text', '.comment_content', '.wpd-comment-text'];
const AUTHOR_NAME = ['.fn', '.wp-block-comment-author-name', '.comment-author-name', '.wpd-comment-author', '.comment-author'];

/**
 * The first element matching `selector` inside `body` that belongs to this comment, not to a nested reply
 * (`foreign` holds the other comments' elements).
 */
function ownMatch(body: Element, selectors: readonly string[], foreign: ReadonlySet<Element>): Element | null {
  for (const selector of selectors) {
    for (const candidate of body.querySelectorAll(selector)) {
      if (isOwned(candidate, body, foreign)) return candidate;
    }
  }
  return null;
}

function isOwned(candidate: Element, body: Element, foreign: ReadonlySet<Element>): boolean {
  for (let node: Element | null = candidate; node && node !== body; node = node.parentElement) {
    if (foreign.has(node)) return false;
  }
  return true;
}

/**
 * Where the toggle bar goes: after the comment's own reply link (or its wrapper), else after its content,
 * else at the end of its body; in a body that also holds the replies, before the first reply.
 */
export function barInsertionPoint(
  body: Element,
  item: Element,
  foreign: ReadonlySet<Element>,
  firstReply: Element | null,
): InsertionPoint {
  const link = ownMatch(body, REPLY_LINK, foreign);
  if (link?.parentElement) {
    const wrapper = link.parentElement !== body && link.parentElement.childElementCount === 1 ? link.parentElement : link;
    if (wrapper.parentElement) return { parent: wrapper.parentElement, before: wrapper.nextSibling };
  }
  const content = ownMatch(body, CONTENT, foreign);
  if (content?.parentElement) return { parent: content.parentElement, before: content.nextSibling };
  if (body !== item) return { parent: body, before: null };
  return { parent: item, before: childHolding(item, firstReply) };
}

/** Where the author badge goes: after the author's name (inside it when the name is a block of its own). */
export function badgeInsertionPoint(body: Element, foreign: ReadonlySet<Element>): InsertionPoint | null {
  const name = ownMatch(body, AUTHOR_NAME, foreign);
  if (!name) return null;
  if (name.tagName === 'DIV' || name.tagName === 'P' || name.classList.contains('comment-author')) {
    return { parent: name, before: null };
  }
  return name.parentElement ? { parent: name.parentElement, before: name.nextSibling } : null;
}

/** The direct child of `item` that is or holds `nested`, or null when `nested` is not inside `item`. */
function childHolding(item: Element, nested: Element | null): Element | null {
  for (let node = nested; node; node = node.parentElement) {
    if (node.parentElement === item) return node;
  }
  return null;
}
