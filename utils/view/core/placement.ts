/**
 * Where things go in a comment, from the parts the parser found (CommentParts: element, body, content, name,
 * reply link). No selectors of the view's own: the parser owns the knowledge of each markup dialect.
 */
import type { CommentParts } from '@/utils/parse/types';
import { ATTR_UI } from '../dom-contract';

/** Insert before `before` inside `parent` (null = append). */
export interface InsertionPoint {
  parent: Node;
  before: Node | null;
}

/** Elements whose children may only be list items or terms (a div there is invalid HTML, axe's `list` rule). */
const LIST_TAGS = new Set(['UL', 'OL', 'MENU', 'DL']);

/** The direct child of `item` that is or holds `nested`, or null when `nested` is not inside `item`. */
function childHolding(item: Element, nested: Element | null): Element | null {
  for (let node = nested; node; node = node.parentElement) {
    if (node.parentElement === item) return node;
  }
  return null;
}

/**
 * The comment's action row: after its own Reply link (or the wrapper that holds only that link), else after its
 * content, else at the end of its body; in a body that also holds the replies, before the first reply.
 */
export function actionsPoint(parts: CommentParts, firstReply: Element | null): InsertionPoint {
  const { replyLink, content, body, element } = parts;
  if (replyLink?.parentElement && body.contains(replyLink)) {
    const wrapper = replyLink.parentElement;
    let anchor: Element = wrapper !== body && wrapper !== element && wrapper.childElementCount === 1 ? wrapper : replyLink;
    // Never a block inside a list: Drupal's `ul.links > li.comment-reply > a` gets the bar after the list.
    for (let list = anchor.parentElement; list && list !== body && list !== element && LIST_TAGS.has(list.tagName); list = anchor.parentElement) {
      anchor = list;
    }
    if (anchor.parentNode) return { parent: anchor.parentNode, before: anchor.nextSibling };
  }
  if (content?.parentNode && content !== body) return { parent: content.parentNode, before: content.nextSibling };
  if (body !== element) return { parent: body, before: null };
  return { parent: element, before: childHolding(element, firstReply) };
}

/**
 * Right after the author's name, inline (after the link that holds it, so we never nest a link in a link), and
 * after whatever Threadlight already put there; null when the comment has no name element.
 */
export function afterNamePoint(parts: CommentParts): InsertionPoint | null {
  let anchor: Element | null = parts.name;
  // The name may sit outside the body: Drupal's "Submitted by <name>" line above `div.comment-text`.
  const holder = [parts.body, parts.element, parts.continuation].find((element) => element !== null && anchor !== null && element.contains(anchor));
  if (!anchor || !holder) return null;
  for (let node: Element | null = anchor.parentElement; node && node !== holder; node = node.parentElement) {
    if (node.tagName === 'A') anchor = node;
  }
  let last: Node = anchor;
  while (last.nextSibling && (last.nextSibling as Element).nodeType === 1 && (last.nextSibling as Element).hasAttribute(ATTR_UI)) {
    last = last.nextSibling;
  }
  return last.parentNode ? { parent: last.parentNode, before: last.nextSibling } : null;
}

/** Before the comment's text (after its author and date), else first in its body. */
export function beforeContentPoint(parts: CommentParts): InsertionPoint {
  const { content, body } = parts;
  if (content?.parentNode && content !== body && body.contains(content)) return { parent: content.parentNode, before: content };
  return { parent: body, before: body.firstChild };
}
