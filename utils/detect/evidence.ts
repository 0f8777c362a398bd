/**
 * The detection rule (docs/parser.md "The rule"): a group of comment items becomes a section only with comment
 * evidence per item AND per section, and nothing that says it is something else. Precision first: when unsure,
 * do not enhance.
 *
 * Per item: every item is a mark (comment-items.ts): a comment id, comment_class() output with a comment type or
 * thread alternation, a plugin's id, Drupal's structure, or (fallback) a reply link or a permalink to THIS page.
 *
 * Per section, one of:
 * - a section root around the items (`#comments`, `.comments-area`, `#wpdcom`, Drupal's `.comment-wrapper`…);
 * - a comment list (`ol.commentlist`, `.comment-list`, `.wpd-thread-list`…);
 * - the comment form inside that root (or next to the list): a form elsewhere on the page proves nothing here;
 * - a reply link or button in an item;
 * - or items whose own markup is unmistakable: the walker's comment classes with `thread-even/odd`, an outer and
 *   inner id of one comment (`li-comment-N > #comment-N`), wpDiscuz's ids, Drupal's `data-comment-user-id`.
 *
 * Vetoes, whatever the evidence: the items sit in navigation (`nav`, `role=navigation|menu|menubar|tree`, menu
 * classes), a sitemap, a category/page tree, a widget area or sidebar, related or recent posts, product reviews
 * (`#reviews`, all items of type `review`), a forum; the items are menu items (`menu-item`, `page_item`,
 * `cat-item`, Drupal's `leaf`/`expanded`, Joomla's `item-N`); or every item's permalink leads to ANOTHER page
 * (a list of references to other posts' comments, whatever its class names).
 */
import type { CommentItem, ItemWalk } from '@/utils/detect/comment-items';
import { findCommentForms } from '@/utils/detect/comment-forms';
import { pageAddresses, placeOf, type PageAddresses } from '@/utils/detect/page-address';
import { markTables, profileOf, type MarkTables } from '@/utils/dialects/index';
import { classTokens } from '@/utils/dom/class-tokens';
import type { SafeDom } from '@/utils/dom/safe-dom';
import type { MarkupDialect } from '@/utils/thread/types';

/** Items grouped by their section root (or list), top-level first. Indexes into the walk. */
export interface Group {
  root: Element | null;
  /** The dialect whose root it is (`#wpdcom` → wpdiscuz), or null for shared roots (`#comments`). */
  rootDialect: MarkupDialect | null;
  top: number[];
  all: number[];
}

export interface Verdict {
  accepted: boolean;
  /** Why (for the inspector and tests): the evidence found, or the veto. */
  reason: string;
  dialect: MarkupDialect;
  list: Element | null;
}

/** What a page gives every group's judgement (read once, on first need). */
export class PageContext {
  private addresses: PageAddresses | null = null;
  private forms: Element[] | null = null;
  readonly tables: MarkTables = markTables();

  constructor(
    readonly doc: Document,
    readonly dom: SafeDom,
  ) {}

  get page(): PageAddresses {
    return (this.addresses ??= pageAddresses(this.doc));
  }

  get commentForms(): Element[] {
    return (this.forms ??= findCommentForms(this.doc));
  }
}

/** Class tokens of containers that are not comment threads. */
const VETO_CLASSES = new Set([
  // navigation and menus (WordPress nav menus and blocks, Bootstrap, mega menus, Drupal, Joomla)
  'menu', 'sub-menu', 'submenu', 'nav-menu', 'navbar', 'navbar-nav', 'mega-menu', 'megamenu', 'max-mega-menu', 'dropdown-menu',
  'nav', 'navigation', 'main-navigation', 'wp-block-navigation', 'wp-block-page-list', 'breadcrumb', 'breadcrumbs', 'mod-menu',
  'menu-block-wrapper', 'block-menu', 'block-menu-block',
  // sitemaps, page, category and archive trees
  'sitemap', 'site-map', 'wsp-container', 'simple-sitemap', 'page-list', 'cat-item', 'wp-block-categories', 'wp-block-archives',
  'wp-block-latest-posts', 'wp-block-tag-cloud', 'tagcloud',
  // widget areas and widgets (Recent Comments/Posts, Categories, Archives, Pages, nav menus, plugins' widgets)
  'widget', 'widget-area', 'sidebar', 'widget_recent_comments', 'widget_recent_entries', 'widget_categories', 'widget_archive',
  'widget_pages', 'widget_nav_menu', 'widget_meta',
  // related and popular posts
  'related-posts', 'jp-relatedposts', 'yarpp-related', 'crp_related', 'wp-block-jetpack-related-posts',
  // product reviews and questions, forums
  'woocommerce-Reviews', 'woocommerce-tabs', 'product-reviews', 'bbp-replies', 'bbp-topics', 'bbp-forums',
]);

const VETO_IDS = new Set(['sitemap', 'menu', 'nav', 'navigation', 'site-navigation', 'main-menu', 'reviews', 'bbpress-forums', 'secondary', 'sidebar']);
const VETO_ROLES = new Set(['navigation', 'menu', 'menubar', 'tree']);
const VETO_TAGS = new Set(['NAV']);

/** Class tokens of menu and tree items (WordPress nav menus and page lists, Drupal menus, Joomla mod_menu). */
const MENU_ITEM_TOKEN = /^(?:menu-item|menu-mlid-\d+|menu-item-\d+|nav-item|page_item|page-item-\d+|cat-item|cat-item-\d+|leaf|expanded|collapsed|item-\d+|deeper)$/;

function ancestorVeto(list: Element, ctx: PageContext): string | null {
  const { dom } = ctx;
  for (let node: Element | null = list; node; node = dom.parentElement(node)) {
    const tag = dom.tag(node);
    if (tag === 'BODY' || tag === 'HTML') break;
    if (VETO_TAGS.has(tag)) return `inside <${tag.toLowerCase()}>`;
    const role = dom.attr(node, 'role');
    if (role && VETO_ROLES.has(role.trim().toLowerCase())) return `inside role=${role}`;
    const id = dom.id(node);
    if (id && VETO_IDS.has(id)) return `inside #${id}`;
    for (const token of classTokens(node, dom)) if (VETO_CLASSES.has(token)) return `inside .${token}`;
  }
  return null;
}

function itemVeto(items: CommentItem[], ctx: PageContext): string | null {
  for (const item of items) {
    for (const token of classTokens(item.element, ctx.dom)) if (MENU_ITEM_TOKEN.test(token)) return `menu item .${token}`;
  }
  const reviews = ctx.tables.depthCompanions.has('review') ? items.filter((item) => classTokens(item.classHost ?? item.element, ctx.dom).includes('review')) : [];
  if (items.length > 0 && reviews.length === items.length) return 'product reviews';
  return null;
}

const PERMALINK = /#comment-(\d+)$/;

/** Every item whose permalink can be placed leads to another page: references (a widget), not a thread. */
function referenceVeto(group: Group, walk: ItemWalk, ctx: PageContext): string | null {
  let elsewhere = 0;
  let here = 0;
  for (const index of group.top) {
    const item = walk.items[index]!;
    const own = walk.own[index]!;
    const tags = walk.ownTags[index]!;
    for (let i = 0; i < own.length; i++) {
      if (tags[i] !== 'A') continue;
      const href = ctx.dom.attr(own[i]!, 'href') ?? '';
      const number = PERMALINK.exec(href)?.[1];
      if (!number || (item.id !== null && number !== item.id)) continue;
      const place = placeOf(href, ctx.page);
      if (place === 'this-page') here++;
      else if (place === 'other-page') elsewhere++;
      break;
    }
  }
  return elsewhere > 0 && here === 0 ? `permalinks lead to other pages (${elsewhere})` : null;
}

function hasReplyControl(group: Group, walk: ItemWalk, ctx: PageContext): boolean {
  const { tables, dom } = ctx;
  for (const index of group.top) {
    const own = walk.own[index]!;
    const tokensList = walk.ownTokens[index]!;
    const tags = walk.ownTags[index]!;
    for (let i = 0; i < own.length; i++) {
      const tokens = tokensList[i]!;
      if (tokens.length > 0 && (tables.replyLinkClasses.some((name) => tokens.includes(name)) || tables.replyButtonClasses.some((name) => tokens.includes(name)))) return true;
      if (tags[i] !== 'A') continue;
      const el = own[i]!;
      if (tables.replyLinkAttributes.some((attribute) => dom.hasAttr(el, attribute))) return true;
      const href = dom.attr(el, 'href') ?? '';
      if (href && tables.replyLinkHrefs.some((pattern) => pattern.test(href))) return true;
    }
  }
  return false;
}

function listEvidence(list: Element, root: Element | null, ctx: PageContext): boolean {
  const { tables, dom } = ctx;
  for (let node: Element | null = list; node; node = dom.parentElement(node)) {
    if (tables.listIds.has(dom.id(node))) return true;
    if (classTokens(node, dom).some((token) => tables.listClasses.has(token))) return true;
    if (node === root || dom.tag(node) === 'BODY') break;
  }
  return false;
}

function formNear(list: Element, root: Element | null, ctx: PageContext): boolean {
  const { dom } = ctx;
  // Items inside a comment area: the page's comment form (Twenty Twenty prints `#respond` after `#comments`).
  if (root) return ctx.commentForms.length > 0;
  // A rootless list: its form sits next to it, in its parent or grandparent (a form elsewhere proves nothing here).
  const parent = dom.parentElement(list);
  const grandparent = parent ? dom.parentElement(parent) : null;
  const scope = grandparent && dom.tag(grandparent) !== 'BODY' ? grandparent : parent && dom.tag(parent) !== 'BODY' ? parent : null;
  return scope !== null && ctx.commentForms.some((form) => scope === form || dom.contains(scope, form));
}

/** The item's id is an outer wrapper's (`li-comment-N`): a WordPress callback's structure. */
function isOuterId(item: CommentItem, ctx: PageContext): boolean {
  return ctx.dom.id(item.element).startsWith('li-comment-');
}

/** Items whose own markup is unmistakably a comment thread's, without any section around them. */
function unmistakable(items: CommentItem[], ctx: PageContext): string | null {
  for (const item of items) {
    if (item.source === 'plugin') return 'wpDiscuz ids';
    if (item.source === 'structure' && item.dialect === 'drupal') return 'Drupal comment attribute';
    if (item.pairedIds) return 'outer and inner comment ids';
    if (item.classHost) {
      const tokens = classTokens(item.classHost, ctx.dom);
      if (tokens.some((token) => token === 'thread-even' || token === 'thread-odd' || token === 'thread-alt')) return 'comment classes of the walker';
    }
  }
  return null;
}

function dialectOf(group: Group, items: CommentItem[], list: Element, ctx: PageContext): MarkupDialect {
  if (group.rootDialect === 'wpdiscuz' || items.some((item) => item.dialect === 'wpdiscuz')) return 'wpdiscuz';
  if (items.some((item) => item.dialect === 'drupal' && item.source === 'structure')) return 'drupal';
  if (items.some((item) => item.dialect === 'drupal')) {
    // Drupal 7 items are told by their anchor alone: the section must say Drupal too (root, or Drupal's form).
    const drupal = profileOf('drupal');
    const scope = group.root ?? list;
    const drupalForm = findCommentForms(ctx.doc, drupal).some((form) => ctx.dom.contains(scope, form));
    if (group.rootDialect === 'drupal' || drupalForm) return 'drupal';
  }
  return 'wordpress';
}

/** Lowest common ancestor of the parents of `elements` (all in one document). */
export function lowestCommonContainer(elements: Element[], dom: SafeDom): Element | null {
  let lca: Element | null = elements[0] ? dom.parentElement(elements[0]) : null;
  for (const el of elements) {
    while (lca && !dom.contains(lca, el)) lca = dom.parentElement(lca);
    if (lca === el) lca = dom.parentElement(el);
  }
  return lca;
}

/** The rule: accept or reject one group, saying why. */
export function judgeGroup(group: Group, walk: ItemWalk, ctx: PageContext): Verdict {
  const top = group.top.map((index) => walk.items[index]!);
  const list = lowestCommonContainer(top.map((item) => item.element), ctx.dom);
  if (!list) return { accepted: false, reason: 'no list', dialect: 'wordpress', list: null };
  const dialect = dialectOf(group, top, list, ctx);
  const reject = (reason: string): Verdict => ({ accepted: false, reason, dialect, list });
  const veto = ancestorVeto(list, ctx) ?? itemVeto(top, ctx);
  if (veto) return reject(veto);
  const strong = unmistakable(top, ctx) ?? (hasReplyControl(group, walk, ctx) ? 'reply link' : null);
  const list_ = listEvidence(list, group.root, ctx) ? 'comment list' : null;
  // References to other pages' comments (a widget under any class name), unless the items are unmistakably this
  // thread's or sit in a comment list. Drupal's permalinks always lead to `/comment/N`, another path: they place nothing.
  const references = strong || list_ || dialect === 'drupal' ? null : referenceVeto(group, walk, ctx);
  if (references) return reject(references);
  // A section root is enough for items that carry comment classes; a bare `comment-N` id needs more.
  const classed = top.some((item) => item.classHost !== null || item.source === 'anchor' || (item.source === 'id' && isOuterId(item, ctx)));
  const evidence =
    strong ??
    list_ ??
    (group.root && classed ? 'section root' : null) ??
    (formNear(list, group.root, ctx) ? 'comment form' : null);
  return evidence ? { accepted: true, reason: evidence, dialect, list } : reject('no section evidence');
}
