import { classTokens } from '@/utils/detect/comment-items';
import type { ScannedItem } from '@/utils/parse/scan-items';
import { collapseWhitespace, textWithout } from '@/utils/parse/text';
import type { CommentAuthor } from '@/utils/thread/types';

/**
 * Reading one comment's fields from its own elements (never from its replies), by role.
 * Roles come from class names that core, block themes, classic callbacks and plugins use
 * (wordpress-markup.md §1–§3), tried most specific first; visible text is never matched.
 */

type Role = 'name' | 'authorBox' | 'content' | 'date' | 'pending' | 'meta' | 'body';

const ROLE_BY_CLASS = new Map<string, Role>([
  // author name: core `.fn` (b/cite/span), block theme, wpDiscuz 7 and 5
  ['fn', 'name'],
  ['wp-block-comment-author-name', 'name'],
  ['wpd-comment-author', 'name'],
  ['wc-comment-author', 'name'],
  ['comment-author-name', 'name'],
  ['comment-author-link', 'name'],
  // the author block (avatar + name + "says"); `comment-author-{nicename}` on items is a different token
  ['comment-author', 'authorBox'],
  ['vcard', 'authorBox'],
  ['author', 'authorBox'],
  // content
  ['comment-content', 'content'],
  ['wp-block-comment-content', 'content'],
  ['wpd-comment-text', 'content'],
  ['wc-comment-text', 'content'],
  ['comment-text', 'content'],
  ['comment_text', 'content'],
  ['comment-entry', 'content'],
  // dates
  ['comment-date', 'date'],
  ['wp-block-comment-date', 'date'],
  ['wpd-comment-date', 'date'],
  ['wc-comment-date', 'date'],
  ['comment-time', 'date'],
  ['comment-metadata', 'date'],
  ['commentmetadata', 'date'],
  // moderation notes
  ['comment-awaiting-moderation', 'pending'],
  ['wpd-unapproved', 'pending'],
  ['moderation-notice', 'pending'],
  ['moderation', 'pending'],
  // Genesis prints its moderation note as `p.alert` (comment text never keeps classes: kses strips them)
  ['alert', 'pending'],
  // blocks that are never the comment's text
  ['comment-meta', 'meta'],
  ['reply', 'meta'],
  ['comment-reply', 'meta'],
  ['wp-block-comment-reply-link', 'meta'],
  ['wp-block-comment-edit-link', 'meta'],
  ['edit-link', 'meta'],
  ['says', 'meta'],
  ['comment-footer', 'meta'],
  ['wpd-comment-footer', 'meta'],
  ['wpd-comment-header', 'meta'],
  ['wc-comment-footer', 'meta'],
  // the element holding the comment's own content
  ['comment-body', 'body'],
  ['wpd-comment-wrap', 'body'],
  ['comment-container', 'body'],
]);

/** Class-name patterns for themes that coin their own (`c-comment__author-name`, `comment__content`, …). */
const ROLE_PATTERNS: ReadonlyArray<readonly [RegExp, Role]> = [
  [/(?:^|[-_])author[-_]{0,2}name$/, 'name'],
  // `comment_author`, `c-comment__author` (core's `comment-author` is the author block, mapped above)
  [/^(?:[a-z0-9]+[-_]{1,2})?comment[-_]{1,2}author$/, 'name'],
  [/^(?:[a-z0-9]+[-_]{1,2})?comment[-_]{1,2}(?:content|text)$/, 'content'],
  [/^(?:[a-z0-9]+[-_]{1,2})?comment[-_]{1,2}(?:date|time)$/, 'date'],
  [/awaiting[-_]moderation/, 'pending'],
];

function roleOf(tokens: string[]): Role | null {
  for (const token of tokens) {
    const role = ROLE_BY_CLASS.get(token);
    if (role) return role;
  }
  for (const token of tokens) {
    for (const [pattern, role] of ROLE_PATTERNS) if (pattern.test(token)) return role;
  }
  return null;
}

/** What one pass over a comment's own elements finds: the first element of each role, and a few by tag. */
export interface OwnIndex {
  /** The native Reply link (`.comment-reply-link`, `.comment-reply-login`, a `data-commentid` link). */
  replyLink: Element | null;
  roles: Map<Role, Element>;
  /** Every element with a role (to skip meta blocks when reading text). */
  roled: Map<Element, Role>;
  time: Element | null;
  permalink: Element | null;
  avatar: Element | null;
  /** `a.url`: core's author link (content links never carry the class). */
  urlLink: Element | null;
  cite: Element | null;
  heading: Element | null;
  firstLink: Element | null;
  /** The core walkers' `#div-comment-N` body. */
  divCommentId: Element | null;
  /** Every class token of the comment's own elements (plugin flags such as `wpd-blog-post_author`). */
  classes: Set<string>;
}

const AVATAR_HINT = /avatar/i;
const REPLY_LINK_CLASSES = ['comment-reply-link', 'comment-reply-login'];

function isReplyLink(el: Element, tokens: string[]): boolean {
  return tokens.some((token) => REPLY_LINK_CLASSES.includes(token)) || el.hasAttribute('data-commentid');
}
const HEADING_TAGS = new Set(['H2', 'H3', 'H4', 'H5', 'H6', 'STRONG']);

function isAvatarImage(el: Element, tokens: string[]): boolean {
  if (tokens.some((token) => AVATAR_HINT.test(token))) return true;
  const parent = el.parentElement;
  return parent !== null && AVATAR_HINT.test(parent.getAttribute('class') ?? '');
}

/** Indexes a comment's own elements by role (one pass). */
export function indexOwnElements(scanned: ScannedItem, id: string | null): OwnIndex {
  const index: OwnIndex = {
    replyLink: null,
    roles: new Map(),
    roled: new Map(),
    time: null,
    permalink: null,
    avatar: null,
    urlLink: null,
    cite: null,
    heading: null,
    firstLink: null,
    divCommentId: null,
    classes: new Set(),
  };
  const permalinkSuffix = id ? `#comment-${id}` : null;
  scanned.own.forEach((el, position) => {
    const tokens = scanned.ownTokens[position] ?? classTokens(el);
    const tag = scanned.ownTags[position] ?? el.tagName;
    for (const token of tokens) index.classes.add(token);
    const role = roleOf(tokens);
    if (role) {
      index.roled.set(el, role);
      if (!index.roles.has(role)) index.roles.set(role, el);
    }
    switch (tag) {
      case 'A': {
        const href = el.getAttribute('href') ?? '';
        if (!index.replyLink && isReplyLink(el, tokens)) index.replyLink = el;
        if (permalinkSuffix && !index.permalink && href.endsWith(permalinkSuffix)) index.permalink = el;
        if (!index.urlLink && tokens.includes('url')) index.urlLink = el;
        if (!index.firstLink && href && !href.startsWith('#')) index.firstLink = el;
        break;
      }
      case 'TIME':
        if (!index.time && el.hasAttribute('datetime')) index.time = el;
        break;
      case 'IMG':
        if (!index.avatar && isAvatarImage(el, tokens)) index.avatar = el;
        break;
      case 'CITE':
        index.cite ??= el;
        break;
      default:
        if (!index.heading && HEADING_TAGS.has(tag)) index.heading = el;
    }
  });
  index.divCommentId = scanned.divCommentHost;
  return index;
}

/** The comment's content element: the innermost of nested content wrappers (OceanWP nests two). */
export function findContent(scanned: ScannedItem, index: OwnIndex): Element | null {
  let content: Element | null = null;
  for (const [el, role] of index.roled) {
    if (role !== 'content') continue;
    if (content === null || content.contains(el)) content = el;
    else break;
  }
  // `.comment-content` sometimes wraps the author block too: then it is a body, not the text.
  if (content && index.roles.get('name') && content.contains(index.roles.get('name')!)) {
    return scanned.own.find((el) => index.roled.get(el) === 'content' && el !== content && content!.contains(el)) ?? null;
  }
  return content;
}

/** An author URL as the page links it, absolute; null for no link, `#`, or core's "no URL" value `http://`. */
export function normalizeAuthorUrl(href: string | null, base: string): string | null {
  const raw = (href ?? '').trim();
  if (raw === '' || raw.startsWith('#') || /^https?:\/*$/i.test(raw)) return null;
  return absoluteUrl(raw, base);
}

/** Absolute URL of a link, or null. */
export function absoluteHref(el: Element | null, base: string): string | null {
  const raw = el?.getAttribute('href')?.trim();
  return raw ? absoluteUrl(raw, base) : null;
}

const ALREADY_ABSOLUTE = /^https?:\/\/[^\s/?#]+[/?#][^\s]*$/i;

/**
 * `value` resolved against `base`, only when it is an http(s) URL: javascript:, vbscript:, data: and the like (in
 * any case, with tabs, newlines or control characters inside, which the URL parser strips) give null. Permalinks
 * and avatars are nearly always absolute already (no URL object then).
 */
function absoluteUrl(value: string, base: string): string | null {
  if (ALREADY_ABSOLUTE.test(value)) return value;
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function isInside(el: Element, container: Element | null | undefined): boolean {
  return container != null && container !== el && container.contains(el);
}

/** First descendant element (document order) passing `test`; for the small subtrees of a comment's header. */
function firstDescendant(root: Element, test: (el: Element) => boolean): Element | null {
  const stack: Element[] = [];
  for (let child = root.lastElementChild; child; child = child.previousElementSibling) stack.push(child);
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (test(el)) return el;
    for (let child = el.lastElementChild; child; child = child.previousElementSibling) stack.push(child);
  }
  return null;
}

const isLink = (el: Element): boolean => el.tagName === 'A' && el.hasAttribute('href');

function linkOf(nameEl: Element): Element | null {
  if (nameEl.tagName === 'A') return nameEl;
  const inner = firstDescendant(nameEl, isLink);
  if (inner) return inner;
  // twentytwenty wraps `.fn` in the author link
  const outer = nameEl.parentElement;
  return outer?.tagName === 'A' ? outer : null;
}

const INLINE_NAME_TAGS = new Set(['A', 'B', 'STRONG', 'EM', 'I', 'SPAN', 'BDI', 'CITE', 'FONT', 'SMALL', 'BDO']);

/**
 * The name inside a name element: its text up to a line break, leaving out badges a theme appends after the name
 * (`Martina Berg<br><span class="author-badge">Author</span>`) and avatars.
 */
export function nameText(nameEl: Element): string {
  const parts: string[] = [];
  let done = false;
  const hasText = (): boolean => parts.join('').trim() !== '';
  const visit = (node: Node): void => {
    for (let child = node.firstChild; child && !done; child = child.nextSibling) {
      if (child.nodeType === 3) {
        parts.push(child.nodeValue ?? '');
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      if (el.tagName === 'BR' && hasText()) {
        done = true;
        return;
      }
      if (!INLINE_NAME_TAGS.has(el.tagName) || el.hasAttribute('data-threadlight-ui')) continue;
      // After the name: badges (classed spans) and dates (`<small>· 18 septembre</small>`) are not part of it.
      if (hasText() && el.tagName !== 'A' && (el.hasAttribute('class') || el.tagName === 'SMALL')) continue;
      visit(el);
    }
  };
  visit(nameEl);
  return collapseWhitespace(parts.join(''));
}

const EMPHASIS_TAGS = new Set(['STRONG', 'B', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** In an author block without `.fn`: its emphasized name (`<strong>Ben</strong> on <a>date</a> said:`). */
function emphasizedName(box: Element, index: OwnIndex): Element | null {
  const stack: Element[] = [];
  for (let child = box.lastElementChild; child; child = child.previousElementSibling) stack.push(child);
  while (stack.length > 0) {
    const el = stack.pop()!;
    const role = index.roled.get(el);
    if (role === 'meta' || role === 'date' || role === 'pending') continue;
    if (EMPHASIS_TAGS.has(el.tagName) && nameText(el) !== '') return el;
    for (let child = el.lastElementChild; child; child = child.previousElementSibling) stack.push(child);
  }
  return null;
}

function authorBoxText(box: Element, index: OwnIndex): string {
  return textWithout(box, (el) => {
    const role = index.roled.get(el);
    return (
      role === 'meta' || role === 'date' || role === 'pending' || el.tagName === 'IMG' || el.tagName === 'TIME' || isPermalinkOrReply(el)
    );
  });
}

function isPermalinkOrReply(el: Element): boolean {
  if (el.tagName !== 'A') return false;
  const href = el.getAttribute('href') ?? '';
  return /#comment-\d+$|replytocom=|#respond$/.test(href) || el.classList.contains('comment-reply-link');
}

/** The element holding the author's name, most reliable signal first. */
export function findNameElement(index: OwnIndex, content: Element | null): Element | null {
  const usable = (el: Element | null | undefined): Element | null => (el && !isInside(el, content) ? el : null);
  const named = usable(index.roles.get('name'));
  if (named) return named;
  const link = usable(index.urlLink);
  if (link) return link;
  const box = usable(index.roles.get('authorBox'));
  const cite = usable(index.cite);
  if (cite) return cite;
  return box ? emphasizedName(box, index) : null;
}

/** Core's ping output starts with a translated label ("Pingback:", "Ping :"): drop it, keep the title. */
function withoutPingLabel(text: string): string {
  return text.replace(/^[^:\uff1a]{1,24}[:\uff1a]\s*/, '');
}

/** Author name, URL and avatar of one comment. */
export function readAuthor(index: OwnIndex, content: Element | null, body: Element, base: string, isPing: boolean): CommentAuthor {
  const avatar = readAvatar(index.avatar, base);
  const author = (name: string, link: Element | null | undefined): CommentAuthor => ({
    name,
    url: normalizeAuthorUrl(link?.getAttribute('href') ?? null, base),
    avatar,
  });
  const nameEl = findNameElement(index, content);
  if (nameEl) return author(nameText(nameEl), linkOf(nameEl));
  const box = index.roles.get('authorBox');
  if (box && !isInside(box, content)) {
    const name = authorBoxText(box, index);
    if (name) return author(name, firstDescendant(box, (el) => isLink(el) && !isPermalinkOrReply(el)));
  }
  const heading = index.heading && !isInside(index.heading, content) ? index.heading : null;
  if (heading) return author(nameText(heading), linkOf(heading));
  if (isPing) {
    // Pings without a theme callback: the linking page's title (its link, or the text after the label).
    const link = index.firstLink && body.contains(index.firstLink) && !isPermalinkOrReply(index.firstLink) ? index.firstLink : null;
    return link ? author(textWithout(link), link) : author(withoutPingLabel(textWithout(body)), null);
  }
  return author('', null);
}

const LAZY_SOURCE_ATTRIBUTES = ['data-lazy-src', 'data-src', 'data-original', 'src'];
const LAZY_SRCSET_ATTRIBUTES = ['data-lazy-srcset', 'data-srcset', 'srcset'];

/** Avatar URL, honouring lazy-loading attributes; placeholders (`data:` URIs) are skipped. */
export function readAvatar(img: Element | null, base: string): string | null {
  if (!img) return null;
  for (const attribute of LAZY_SOURCE_ATTRIBUTES) {
    const value = img.getAttribute(attribute)?.trim();
    if (value && !value.startsWith('data:')) return absoluteUrl(value, base);
  }
  for (const attribute of LAZY_SRCSET_ATTRIBUTES) {
    const first = img.getAttribute(attribute)?.trim().split(/\s+/)[0];
    if (first && !first.startsWith('data:')) return absoluteUrl(first, base);
  }
  return null;
}


/** Machine date (ISO, from `time[datetime]`) and the visible date text. */
/** An ISO 8601 date or date-time, nothing else (Date.parse alone accepts "2020-01-01 (<img …>)"). */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export function readDate(index: OwnIndex, content: Element | null): { date: string | null; dateText: string | null } {
  if (index.time && !isInside(index.time, content)) {
    const datetime = index.time.getAttribute('datetime')?.trim() ?? '';
    const text = textWithout(index.time);
    return { date: ISO_DATE.test(datetime) && !Number.isNaN(Date.parse(datetime)) ? datetime : null, dateText: text || null };
  }
  const dateEl = index.roles.get('date');
  if (index.permalink && !isInside(index.permalink, content)) {
    const text = textWithout(index.permalink);
    if (text) return { date: null, dateText: text };
  }
  if (dateEl) {
    const text = dateEl.getAttribute('title')?.trim() || textWithout(dateEl, (el) => index.roled.get(el) === 'meta');
    return { date: null, dateText: text || null };
  }
  return { date: null, dateText: null };
}

/** The comment's own text: its content wrapper, else its body minus author, meta and reply blocks. */
export function readText(content: Element | null, body: Element, index: OwnIndex, isItemElement: (el: Element) => boolean): string {
  if (content) return textWithout(content, (el) => isItemElement(el) || index.roled.get(el) === 'pending');
  return textWithout(body, (el) => {
    if (isItemElement(el)) return true;
    const role = index.roled.get(el);
    return role !== undefined && role !== 'content' && role !== 'body';
  });
}

/** True when the comment shows WordPress's (or a plugin's) "awaiting moderation" marker. */
export function readPending(index: OwnIndex, classHosts: Element[]): boolean {
  if (index.roles.has('pending')) return true;
  if (classHosts.some((el) => el.classList.contains('wpd-unapproved-comment') || el.classList.contains('unapproved'))) return true;
  return /[?&]unapproved=/.test(index.permalink?.getAttribute('href') ?? '');
}
