/**
 * The one place where comment HTML is re-rendered: the parent preview. DOMPurify with a strict allow-list
 * (text formatting, links, lists, quotes, code, images over http/https), returned as a DOM fragment so the
 * result is never serialized and parsed again (the classic mutation-XSS path).
 */
import DOMPurify, { type Config, type DOMPurify as Purifier } from 'dompurify';
import { ATTR_UI } from '@/utils/view/dom-contract';

const ALLOWED_TAGS = [
  'a', 'abbr', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'cite', 'code', 'dd', 'del', 'dfn', 'div', 'dl', 'dt', 'em',
  'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol',
  'p', 'pre', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'u', 'ul', 'var',
];

// No id, name, class or style: a preview must not clash with the page's ids nor pick up its rules.
const ALLOWED_ATTR = ['href', 'src', 'alt', 'title', 'width', 'height', 'datetime', 'cite', 'dir', 'lang'];

// Belt and braces: already outside the allow-list, named so a future edit of the list cannot let them in.
const FORBID_TAGS = [
  'script', 'style', 'link', 'meta', 'base', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form',
  'input', 'button', 'textarea', 'select', 'option', 'template', 'noscript', 'svg', 'math', 'video', 'audio',
  'source', 'track', 'portal', 'dialog', 'slot',
];
const FORBID_ATTR = ['style', 'id', 'name', 'class', 'srcset', 'action', 'formaction', 'xlink:href', 'xmlns'];

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const IMAGE_PROTOCOLS = new Set(['http:', 'https:']);
/** Our own inserted UI (toggles, badges, reply lines) never shows up in a preview. */
const OWN_UI_ATTRIBUTE = ATTR_UI;

const CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  FORBID_TAGS,
  FORBID_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOW_SELF_CLOSE_IN_ATTR: false,
  // First gate on URLs; the hooks below then resolve each one and check its real protocol.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  KEEP_CONTENT: true,
  RETURN_DOM_FRAGMENT: true,
};

/** Resolves `value` against the page and returns it when its protocol is allowed, else null. */
function safeUrl(value: string | null, base: string, protocols: Set<string>): string | null {
  if (value === null) return null;
  try {
    const url = new URL(value.trim(), base);
    return protocols.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function createPurifier(view: Window & typeof globalThis): Purifier {
  const purifier = DOMPurify(view);
  const base = () => view.document.baseURI;
  purifier.addHook('uponSanitizeElement', (node) => {
    if (node.nodeType === 1 && (node as Element).hasAttribute(OWN_UI_ATTRIBUTE)) node.parentNode?.removeChild(node);
  });
  purifier.addHook('afterSanitizeAttributes', (node) => {
    const tag = node.nodeName.toLowerCase();
    if (node.hasAttribute('cite')) {
      const cite = safeUrl(node.getAttribute('cite'), base(), LINK_PROTOCOLS);
      if (cite === null) node.removeAttribute('cite');
      else node.setAttribute('cite', cite);
    }
    if (tag === 'a') {
      const href = safeUrl(node.getAttribute('href'), base(), LINK_PROTOCOLS);
      if (href === null) node.removeAttribute('href');
      else node.setAttribute('href', href);
      node.setAttribute('rel', 'noopener noreferrer nofollow');
      node.setAttribute('target', '_blank');
    } else if (tag === 'img') {
      const src = safeUrl(node.getAttribute('src'), base(), IMAGE_PROTOCOLS);
      if (src === null) node.removeAttribute('src');
      else node.setAttribute('src', src);
    }
  });
  return purifier;
}

const purifiers = new WeakMap<Window, Purifier>();
const KEPT_TAGS = new Set(ALLOWED_TAGS);
const KEPT_ATTRIBUTES = new Set([...ALLOWED_ATTR, 'rel', 'target']);

/**
 * Copies DOMPurify's verdict into brand-new nodes of `doc`: elements created here, attributes set one by one
 * from the allow-lists. Never adopt DOMPurify's own nodes: in a content script (Chromium's isolated world) the
 * parser gave each on* attribute a MAIN-world handler that removing the attribute from our world does not clear,
 * so an adopted `<img onerror>` still fires once the image loads (seen in Chromium 156). Fresh nodes never had one.
 */
function rebuild(source: Node, doc: Document, into: Node): void {
  for (const child of source.childNodes) {
    if (child.nodeType === 3) {
      into.appendChild(doc.createTextNode(child.nodeValue ?? ''));
    } else if (child.nodeType === 1) {
      const element = child as Element;
      const tag = element.localName;
      if (!KEPT_TAGS.has(tag)) {
        rebuild(element, doc, into);
        continue;
      }
      if (tag === 'img' && !element.hasAttribute('src')) {
        // An image whose source was refused keeps its alt text, as the browser shows for a broken image.
        into.appendChild(doc.createTextNode(element.getAttribute('alt') ?? ''));
        continue;
      }
      const copy = doc.createElement(tag);
      for (const { name, value } of element.attributes) {
        if (KEPT_ATTRIBUTES.has(name)) copy.setAttribute(name, value);
      }
      rebuild(element, doc, copy);
      into.appendChild(copy);
    }
  }
}

/** A fragment of safe nodes from untrusted comment HTML, owned by `doc` (nothing executable, no ids, no styles). */
export function sanitizeCommentHtml(html: string, doc: Document = document): DocumentFragment {
  const result = doc.createDocumentFragment();
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (!view) return result;
  let purifier = purifiers.get(view);
  if (!purifier) {
    purifier = createPurifier(view);
    purifiers.set(view, purifier);
  }
  rebuild(purifier.sanitize(html, CONFIG), doc, result);
  return result;
}
