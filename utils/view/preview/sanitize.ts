/**
 * The one place where comment HTML is re-rendered: the parent preview, and the comments merged from other comment
 * pages (utils/merge). DOMPurify with a strict allow-list (text formatting, links, lists, quotes, code, images over
 * http/https), returned as a DOM fragment so the result is never serialized and parsed again (the classic
 * mutation-XSS path).
 *
 * Two modes: `preview` (a card in a shadow root: no classes, links open in a new tab) and `comment` (a whole comment
 * item shown in the page among the page's own: its structural tags and its classes are kept, filtered, so the
 * theme styles it like its neighbours; still no id, name, style, data-* or handler).
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

/** `comment` mode: the structure of a comment item (WordPress's html5 walker, block themes, plugins). */
const COMMENT_EXTRA_TAGS = ['article', 'aside', 'footer', 'header', 'section'];
/** `comment` mode: classes (filtered by safeClassTokens) and the reply link's accessible name. */
const COMMENT_EXTRA_ATTR = ['class', 'aria-label'];

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

const COMMENT_CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  ...CONFIG,
  ALLOWED_TAGS: [...ALLOWED_TAGS, ...COMMENT_EXTRA_TAGS],
  ALLOWED_ATTR: [...ALLOWED_ATTR, ...COMMENT_EXTRA_ATTR],
  FORBID_ATTR: FORBID_ATTR.filter((name) => name !== 'class'),
};

export type SanitizeMode = 'preview' | 'comment';

export interface SanitizeOptions {
  /** `preview` (default) or `comment` (see the file's head). */
  mode?: SanitizeMode;
  /** The URL relative links resolve against: the page the HTML came from (default: `doc`'s base URL). */
  baseUrl?: string;
}

/** What the running sanitize call asked for (the hooks are shared by both modes; calls are synchronous). */
let active: { mode: SanitizeMode; baseUrl: string | null } = { mode: 'preview', baseUrl: null };

const CLASS_TOKEN = /^-?[_a-zA-Z][_a-zA-Z0-9-]{0,63}$/;
const MAX_CLASS_TOKENS = 32;

/**
 * The class tokens kept on a rebuilt node: plain CSS identifiers, none in Threadlight's own namespace (our styles and
 * the parser key off `threadlight-*`), at most 32. Classes run nothing: they let the theme's rules apply.
 */
export function safeClassTokens(value: string | null): string[] {
  if (!value) return [];
  const tokens = value.split(/[\t\n\f\r ]+/).filter((token) => CLASS_TOKEN.test(token) && !/^threadlight/i.test(token));
  return [...new Set(tokens)].slice(0, MAX_CLASS_TOKENS);
}

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
  const base = () => active.baseUrl ?? view.document.baseURI;
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
      if (active.mode === 'preview') {
        node.setAttribute('rel', 'noopener noreferrer nofollow');
        node.setAttribute('target', '_blank');
      } else {
        // In the page among the page's own comments: links open where the page's own do, and say they are ugc.
        node.setAttribute('rel', 'nofollow ugc noopener noreferrer');
        node.removeAttribute('target');
      }
    } else if (tag === 'img') {
      const src = safeUrl(node.getAttribute('src'), base(), IMAGE_PROTOCOLS);
      if (src === null) node.removeAttribute('src');
      else node.setAttribute('src', src);
    }
  });
  return purifier;
}

const purifiers = new WeakMap<Window, Purifier>();
const KEPT: Record<SanitizeMode, { tags: Set<string>; attributes: Set<string> }> = {
  preview: { tags: new Set(ALLOWED_TAGS), attributes: new Set([...ALLOWED_ATTR, 'rel', 'target']) },
  comment: { tags: new Set([...ALLOWED_TAGS, ...COMMENT_EXTRA_TAGS]), attributes: new Set([...ALLOWED_ATTR, ...COMMENT_EXTRA_ATTR, 'rel']) },
};

/**
 * Copies DOMPurify's verdict into brand-new nodes of `doc`: elements created here, attributes set one by one
 * from the allow-lists. Never adopt DOMPurify's own nodes: in a content script (Chromium's isolated world) the
 * parser gave each on* attribute a MAIN-world handler that removing the attribute from our world does not clear,
 * so an adopted `<img onerror>` still fires once the image loads (seen in Chromium 156). Fresh nodes never had one.
 */
function rebuild(source: Node, doc: Document, into: Node, kept: (typeof KEPT)[SanitizeMode]): void {
  for (const child of source.childNodes) {
    if (child.nodeType === 3) {
      into.appendChild(doc.createTextNode(child.nodeValue ?? ''));
    } else if (child.nodeType === 1) {
      const element = child as Element;
      const tag = element.localName;
      if (!kept.tags.has(tag)) {
        rebuild(element, doc, into, kept);
        continue;
      }
      if (tag === 'img' && !element.hasAttribute('src')) {
        // An image whose source was refused keeps its alt text, as the browser shows for a broken image.
        into.appendChild(doc.createTextNode(element.getAttribute('alt') ?? ''));
        continue;
      }
      const copy = doc.createElement(tag);
      for (const { name, value } of element.attributes) {
        if (!kept.attributes.has(name)) continue;
        if (name !== 'class') copy.setAttribute(name, value);
        else {
          const tokens = safeClassTokens(value);
          if (tokens.length > 0) copy.setAttribute('class', tokens.join(' '));
        }
      }
      rebuild(element, doc, copy, kept);
      into.appendChild(copy);
    }
  }
}

/**
 * `comment` mode, for the structure of a comment item that is rebuilt around its sanitized parts (the item element, a
 * reply list): a brand-new element of `doc` with the source's tag when the comment mode keeps it (else `div`) and its
 * classes filtered by safeClassTokens. Nothing else of the source: no attribute, no child.
 */
export function shallowCommentElement(source: Element, doc: Document): Element {
  const tag = KEPT.comment.tags.has(source.localName) && source.localName !== 'img' && source.localName !== 'a' ? source.localName : 'div';
  const copy = doc.createElement(tag);
  const tokens = safeClassTokens(source.getAttribute('class'));
  if (tokens.length > 0) copy.setAttribute('class', tokens.join(' '));
  return copy;
}

/** A fragment of safe nodes from untrusted comment HTML, owned by `doc` (nothing executable, no ids, no styles). */
export function sanitizeCommentHtml(html: string, doc: Document = document, options: SanitizeOptions = {}): DocumentFragment {
  const result = doc.createDocumentFragment();
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (!view) return result;
  let purifier = purifiers.get(view);
  if (!purifier) {
    purifier = createPurifier(view);
    purifiers.set(view, purifier);
  }
  const mode = options.mode ?? 'preview';
  const previous = active;
  active = { mode, baseUrl: options.baseUrl ?? null };
  try {
    rebuild(purifier.sanitize(html, mode === 'comment' ? COMMENT_CONFIG : CONFIG), doc, result, KEPT[mode]);
  } finally {
    active = previous;
  }
  return result;
}
