import { roleTable, type RoleTable } from '@/utils/dialects/index';
import type { DialectProfile, FieldRole } from '@/utils/dialects/types';
import { classTokens } from '@/utils/dom/class-tokens';
import { safeDom, type SafeDom } from '@/utils/dom/safe-dom';
import type { ScannedItem } from '@/utils/parse/scan-items';
import { collapseWhitespace, textWithout } from '@/utils/parse/text';
import type { CommentAuthor } from '@/utils/thread/types';

/**
 * Reading one comment's fields from its own elements (never from its replies), by role. Roles come from the class
 * names of the section's dialect profile (utils/dialects/<dialect>.ts `fields`), tried most specific first; visible
 * text is never matched. Every DOM read goes through clobbering-proof accessors (utils/dom/safe-dom.ts).
 */

type Role = FieldRole;

function roleOf(tokens: readonly string[], table: RoleTable): Role | null {
  for (const token of tokens) {
    const role = table.byClass.get(token);
    if (role) return role;
  }
  for (const token of tokens) {
    for (const [pattern, role] of table.patterns) if (pattern.test(token)) return role;
  }
  return null;
}

/** What one pass over a comment's own elements finds: the first element of each role, and a few by tag. */
export interface OwnIndex {
  /** The native reply control: a link (`.comment-reply-link`, `data-commentid`, Drupal's reply link) or a plugin's button. */
  replyLink: Element | null;
  roles: Map<Role, Element>;
  /** Every element with a role (to skip meta blocks when reading text). */
  roled: Map<Element, Role>;
  time: Element | null;
  permalink: Element | null;
  avatar: Element | null;
  /** The avatar is a plugin's ping picture (wpDiscuz 5's `alt="trackback"`). */
  pingAvatar: boolean;
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
const HEADING_TAGS = new Set(['H2', 'H3', 'H4', 'H5', 'H6', 'STRONG']);

function isAvatarImage(el: Element, tokens: readonly string[], dom: SafeDom): boolean {
  if (tokens.some((token) => AVATAR_HINT.test(token))) return true;
  const parent = dom.parentElement(el);
  return parent !== null && AVATAR_HINT.test(dom.attr(parent, 'class') ?? '');
}

/** Indexes a comment's own elements by role (one pass). */
export function indexOwnElements(scanned: ScannedItem, id: string | null, profile: DialectProfile): OwnIndex {
  const dom = safeDom(scanned.item.element);
  const table = roleTable(profile);
  const reply = profile.fields.replyLink;
  const index: OwnIndex = {
    replyLink: null,
    roles: new Map(),
    roled: new Map(),
    time: null,
    permalink: null,
    avatar: null,
    pingAvatar: false,
    urlLink: null,
    cite: null,
    heading: null,
    firstLink: null,
    divCommentId: null,
    classes: new Set(),
  };
  const permalinkSuffix = id ? `#comment-${id}` : null;
  /** An element around the reply link (Drupal's `li.comment-reply`): the first link inside it is the reply link. */
  let replyHost: Element | null = null;
  scanned.own.forEach((el, position) => {
    const tokens = scanned.ownTokens[position] ?? classTokens(el, dom);
    const tag = scanned.ownTags[position] ?? dom.tag(el);
    for (const token of tokens) index.classes.add(token);
    const role = roleOf(tokens, table);
    if (role) {
      index.roled.set(el, role);
      if (!index.roles.has(role)) index.roles.set(role, el);
    }
    if (!replyHost && tokens.length > 0 && reply.hostClasses.some((name) => tokens.includes(name))) replyHost = el;
    if (!index.replyLink && tokens.length > 0 && reply.buttonClasses.some((name) => tokens.includes(name))) index.replyLink = el;
    switch (tag) {
      case 'A': {
        const href = dom.attr(el, 'href') ?? '';
        if (!index.replyLink && isReplyLink(el, tokens, href, replyHost, profile, dom)) index.replyLink = el;
        if (permalinkSuffix && !index.permalink && href.endsWith(permalinkSuffix)) index.permalink = el;
        if (!index.urlLink && tokens.includes('url')) index.urlLink = el;
        if (!index.firstLink && href && !href.startsWith('#')) index.firstLink = el;
        break;
      }
      case 'TIME':
        if (!index.time && dom.hasAttr(el, 'datetime')) index.time = el;
        break;
      case 'IMG':
        if (!index.avatar && isAvatarImage(el, tokens, dom)) {
          index.avatar = el;
          const alt = (dom.attr(el, 'alt') ?? '').trim().toLowerCase();
          index.pingAvatar = alt !== '' && profile.items.pingAvatarAlts.includes(alt);
        }
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

function isReplyLink(el: Element, tokens: readonly string[], href: string, host: Element | null, profile: DialectProfile, dom: SafeDom): boolean {
  const reply = profile.fields.replyLink;
  if (tokens.length > 0 && reply.classes.some((name) => tokens.includes(name))) return true;
  if (reply.attributes.some((attribute) => dom.hasAttr(el, attribute))) return true;
  if (href && reply.hrefs.some((pattern) => pattern.test(href))) return true;
  return host !== null && dom.contains(host, el);
}

/** The comment's content element: the innermost of nested content wrappers (OceanWP nests two). */
export function findContent(scanned: ScannedItem, index: OwnIndex): Element | null {
  const dom = safeDom(scanned.item.element);
  let content: Element | null = null;
  for (const [el, role] of index.roled) {
    if (role !== 'content') continue;
    if (content === null || dom.contains(content, el)) content = el;
    else break;
  }
  // `.comment-content` sometimes wraps the author block too: then it is a body, not the text.
  const name = index.roles.get('name');
  if (content && name && dom.contains(content, name)) {
    const outer = content;
    return scanned.own.find((el) => index.roled.get(el) === 'content' && el !== outer && dom.contains(outer, el)) ?? null;
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
  const raw = el ? safeDom(el).attr(el, 'href')?.trim() : undefined;
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

function isInside(el: Element, container: Element | null | undefined, dom: SafeDom): boolean {
  return container != null && container !== el && dom.contains(container, el);
}

/** First descendant element (document order) passing `test`; for the small subtrees of a comment's header. */
function firstDescendant(root: Element, test: (el: Element) => boolean, dom: SafeDom): Element | null {
  const stack: Element[] = [];
  for (let child = dom.lastElement(root); child; child = dom.previousElement(child)) stack.push(child);
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (test(el)) return el;
    for (let child = dom.lastElement(el); child; child = dom.previousElement(child)) stack.push(child);
  }
  return null;
}

function linkOf(nameEl: Element, dom: SafeDom): Element | null {
  const isLink = (el: Element): boolean => dom.tag(el) === 'A' && dom.hasAttr(el, 'href');
  if (dom.tag(nameEl) === 'A') return nameEl;
  const inner = firstDescendant(nameEl, isLink, dom);
  if (inner) return inner;
  // twentytwenty wraps `.fn` in the author link
  const outer = dom.parentElement(nameEl);
  return outer && dom.tag(outer) === 'A' ? outer : null;
}

const INLINE_NAME_TAGS = new Set(['A', 'B', 'STRONG', 'EM', 'I', 'SPAN', 'BDI', 'CITE', 'FONT', 'SMALL', 'BDO']);

/**
 * The name inside a name element: its text up to a line break, leaving out badges a theme appends after the name
 * (`Martina Berg<br><span class="author-badge">Author</span>`) and avatars.
 */
export function nameText(nameEl: Element): string {
  const dom = safeDom(nameEl);
  const parts: string[] = [];
  let done = false;
  const hasText = (): boolean => parts.join('').trim() !== '';
  const visit = (node: Node): void => {
    for (let child = dom.firstChild(node); child && !done; child = dom.nextSibling(child)) {
      const type = dom.nodeType(child);
      if (type === 3) {
        parts.push(dom.nodeValue(child) ?? '');
        continue;
      }
      if (type !== 1) continue;
      const el = child as Element;
      const tag = dom.tag(el);
      if (tag === 'BR' && hasText()) {
        done = true;
        return;
      }
      if (!INLINE_NAME_TAGS.has(tag) || dom.hasAttr(el, 'data-threadlight-ui')) continue;
      // After the name: badges (classed spans) and dates (`<small>· 18 septembre</small>`) are not part of it.
      if (hasText() && tag !== 'A' && (dom.hasAttr(el, 'class') || tag === 'SMALL')) continue;
      visit(el);
    }
  };
  visit(nameEl);
  return collapseWhitespace(parts.join(''));
}

const EMPHASIS_TAGS = new Set(['STRONG', 'B', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** In an author block without `.fn`: its emphasized name (`<strong>Ben</strong> on <a>date</a> said:`). */
function emphasizedName(box: Element, index: OwnIndex, dom: SafeDom): Element | null {
  const stack: Element[] = [];
  for (let child = dom.lastElement(box); child; child = dom.previousElement(child)) stack.push(child);
  while (stack.length > 0) {
    const el = stack.pop()!;
    const role = index.roled.get(el);
    if (role === 'meta' || role === 'date' || role === 'pending') continue;
    if (EMPHASIS_TAGS.has(dom.tag(el)) && nameText(el) !== '') return el;
    for (let child = dom.lastElement(el); child; child = dom.previousElement(child)) stack.push(child);
  }
  return null;
}

/** In a "Submitted by <name> on <date>" line (Drupal Classy, Drupal 7): the first inline element, the username. */
function submittedName(line: Element, dom: SafeDom): Element | null {
  for (let child = dom.firstElement(line); child; child = dom.nextElement(child)) {
    const tag = dom.tag(child);
    if ((tag === 'A' || tag === 'SPAN') && nameText(child) !== '') return child;
  }
  return null;
}

function authorBoxText(box: Element, index: OwnIndex, dom: SafeDom): string {
  return textWithout(box, (el) => {
    const role = index.roled.get(el);
    const tag = dom.tag(el);
    return role === 'meta' || role === 'date' || role === 'pending' || tag === 'IMG' || tag === 'TIME' || isPermalinkOrReply(el, dom);
  });
}

function isPermalinkOrReply(el: Element, dom: SafeDom): boolean {
  if (dom.tag(el) !== 'A') return false;
  const href = dom.attr(el, 'href') ?? '';
  return /#comment-\d+$|replytocom=|#respond$/.test(href) || classTokens(el, dom).includes('comment-reply-link');
}

/** The element holding the author's name, most reliable signal first. */
export function findNameElement(index: OwnIndex, content: Element | null, dom: SafeDom): Element | null {
  const usable = (el: Element | null | undefined): Element | null => (el && !isInside(el, content, dom) ? el : null);
  const named = usable(index.roles.get('name'));
  if (named) return named;
  const link = usable(index.urlLink);
  if (link) return link;
  const submitted = usable(index.roles.get('submitted'));
  const fromSubmitted = submitted ? submittedName(submitted, dom) : null;
  if (fromSubmitted) return fromSubmitted;
  const box = usable(index.roles.get('authorBox'));
  const cite = usable(index.cite);
  if (cite) return cite;
  if (!box) return null;
  // schema.org microdata names the person (Genesis: `p.comment-author[itemprop=creator] > span[itemprop=name]`).
  const microdata = firstDescendant(box, (el) => dom.attr(el, 'itemprop') === 'name' && nameText(el) !== '', dom);
  if (microdata) return microdata;
  // An inline author block holding only the name (`<span class="author">Chris</span>`) is the name.
  if (INLINE_NAME_TAGS.has(dom.tag(box)) && dom.firstElement(box) === null && nameText(box) !== '') return box;
  return emphasizedName(box, index, dom);
}

/** Core's ping output starts with a translated label ("Pingback:", "Ping :"): drop it, keep the title. */
function withoutPingLabel(text: string): string {
  return text.replace(/^[^:\uff1a]{1,24}[:\uff1a]\s*/, '');
}

/** Author name, URL and avatar of one comment. */
export function readAuthor(index: OwnIndex, content: Element | null, body: Element, base: string, isPing: boolean): CommentAuthor {
  const dom = safeDom(body);
  const avatar = isPing && index.pingAvatar ? null : readAvatar(index.avatar, base);
  const author = (name: string, link: Element | null | undefined): CommentAuthor => ({
    name,
    url: normalizeAuthorUrl(link ? dom.attr(link, 'href') : null, base),
    avatar,
  });
  const nameEl = findNameElement(index, content, dom);
  if (nameEl) return author(nameText(nameEl), linkOf(nameEl, dom));
  const box = index.roles.get('authorBox');
  if (box && !isInside(box, content, dom)) {
    const name = authorBoxText(box, index, dom);
    if (name) return author(name, firstDescendant(box, (el) => dom.tag(el) === 'A' && dom.hasAttr(el, 'href') && !isPermalinkOrReply(el, dom), dom));
  }
  const heading = index.heading && !isInside(index.heading, content, dom) ? index.heading : null;
  if (heading) return author(nameText(heading), linkOf(heading, dom));
  if (isPing) {
    // Pings without a theme callback: the linking page's title (its link, or the text after the label).
    const link = index.firstLink && dom.contains(body, index.firstLink) && !isPermalinkOrReply(index.firstLink, dom) ? index.firstLink : null;
    return link ? author(textWithout(link), link) : author(withoutPingLabel(textWithout(body)), null);
  }
  return author('', null);
}

const LAZY_SOURCE_ATTRIBUTES = ['data-lazy-src', 'data-src', 'data-original', 'src'];
const LAZY_SRCSET_ATTRIBUTES = ['data-lazy-srcset', 'data-srcset', 'srcset'];

/** Avatar URL, honouring lazy-loading attributes; placeholders (`data:` URIs) are skipped. */
export function readAvatar(img: Element | null, base: string): string | null {
  if (!img) return null;
  const dom = safeDom(img);
  for (const attribute of LAZY_SOURCE_ATTRIBUTES) {
    const value = dom.attr(img, attribute)?.trim();
    if (value && !value.startsWith('data:')) return absoluteUrl(value, base);
  }
  for (const attribute of LAZY_SRCSET_ATTRIBUTES) {
    const first = dom.attr(img, attribute)?.trim().split(/\s+/)[0];
    if (first && !first.startsWith('data:')) return absoluteUrl(first, base);
  }
  return null;
}

/** An ISO 8601 date or date-time, nothing else (Date.parse alone accepts "2020-01-01 (<img …>)"). */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Machine date (ISO, from `time[datetime]`) and the visible date text. */
export function readDate(index: OwnIndex, content: Element | null, profile: DialectProfile, dom: SafeDom): { date: string | null; dateText: string | null } {
  if (index.time && !isInside(index.time, content, dom)) {
    const datetime = dom.attr(index.time, 'datetime')?.trim() ?? '';
    const text = textWithout(index.time);
    return { date: ISO_DATE.test(datetime) && !Number.isNaN(Date.parse(datetime)) ? datetime : null, dateText: text || null };
  }
  const dateEl = index.roles.get('date');
  if (profile.fields.permalinkIsDate && index.permalink && !isInside(index.permalink, content, dom)) {
    const text = textWithout(index.permalink);
    if (text) return { date: null, dateText: text };
  }
  if (dateEl) {
    const text = dom.attr(dateEl, 'title')?.trim() || textWithout(dateEl, (el) => index.roled.get(el) === 'meta');
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

/** True when the comment shows an "awaiting moderation" marker (its profile's note, or classes on the item). */
export function readPending(index: OwnIndex, classHosts: Element[], profile: DialectProfile): boolean {
  if (index.roles.has('pending')) return true;
  const pendingClasses = profile.items.pendingClasses;
  if (classHosts.some((el) => classTokens(el).some((token) => pendingClasses.includes(token)))) return true;
  const permalink = index.permalink;
  return permalink !== null && /[?&]unapproved=/.test(safeDom(permalink).attr(permalink, 'href') ?? '');
}
