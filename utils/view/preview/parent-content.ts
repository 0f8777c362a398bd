/**
 * Finds a comment's own content (its text, not its meta, reply link or nested replies) in the page, as an HTML
 * string for the sanitizer. Read as a string on purpose: nothing of the page is cloned, so no id gets copied.
 */
import type { ParsedSection } from '@/utils/parse/types';

/** Content wrappers, most common first: classic themes, block themes, wpDiscuz, Drupal/Staticman-like themes. */
const CONTENT_SELECTORS = [
  '.comment-content',
  '.wp-block-comment-content',
  '.wpd-comment-text',
  '.comment__content',
  '.comment-text',
];

/** What is not content when a comment has no wrapper (xhtml walker: text sits beside the meta in .comment-body). */
const NOT_CONTENT = [
  '.comment-author',
  '.comment-meta',
  '.comment-metadata',
  '.commentmetadata',
  '.reply',
  '.comment-reply-link',
  '.comment-awaiting-moderation',
  '.children',
  'footer',
  'header',
  'ol',
  'ul',
  'form',
  '[data-threadlight-ui]',
].join(', ');

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Is `candidate` inside `item` without being inside another comment nested in it? */
function belongsTo(candidate: Element, item: Element, commentItems: Set<Element>): boolean {
  for (let element: Element | null = candidate; element && element !== item; element = element.parentElement) {
    if (commentItems.has(element)) return false;
  }
  return true;
}

/** The comment's content as an (untrusted) HTML string, or null when none can be told apart from its meta. */
export function commentContentHtml(parsed: ParsedSection, id: string): string | null {
  const item = parsed.elements.get(id);
  const body = parsed.bodies.get(id) ?? item?.querySelector(':scope > .comment-body') ?? item;
  if (!item || !body) return null;
  const commentItems = new Set(parsed.elements.values());
  for (const selector of CONTENT_SELECTORS) {
    for (const candidate of body.querySelectorAll(selector)) {
      if (belongsTo(candidate, item, commentItems)) return candidate.innerHTML;
    }
  }
  let html = '';
  for (const node of body.childNodes) {
    if (node.nodeType === 3) html += escapeText(node.textContent ?? '');
    else if (node.nodeType === 1) {
      const element = node as Element;
      if (commentItems.has(element) || element.matches(NOT_CONTENT)) continue;
      if ([...commentItems].some((comment) => element.contains(comment))) continue;
      html += element.outerHTML;
    }
  }
  return html.trim() === '' ? null : html;
}
