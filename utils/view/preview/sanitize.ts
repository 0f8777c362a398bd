/**
 * The one place where comment HTML is re-rendered: the parent preview. DOMPurify with a strict allow-list
 * (text formatting, links, lists, quotes, code, images over http/https), returned as a DOM fragment so the
 * result is never serialized and parsed again (the classic mutation-XSS path).
 */
import DOMPurify, { type Config, type DOMPurify as Purifier } from 'dompurify';

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
const OWN_UI_ATTRIBUTE = 'data-threadlight-ui';

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

/** A fragment of safe nodes from untrusted comment HTML, owned by `doc` (nothing executable, no ids, no styles). */
export function sanitizeCommentHtml(html: string, doc: Document = document): DocumentFragment {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (!view) return doc.createDocumentFragment();
  let purifier = purifiers.get(view);
  if (!purifier) {
    purifier = createPurifier(view);
    purifiers.set(view, purifier);
  }
  const fragment = purifier.sanitize(html, CONFIG);
  // An image whose source was refused keeps its alt text, as the browser would show for a broken image.
  for (const image of [...fragment.querySelectorAll('img:not([src])')]) {
    const alt = image.getAttribute('alt') ?? '';
    image.replaceWith(doc.createTextNode(alt));
  }
  // Adopt, not import: importing would clone every node; the fragment is ours alone, moving it is enough.
  return doc.adoptNode(fragment);
}
