/**
 * Pages and sections for the view tests: corpus pages in their own JSDOM window with a ParsedSection built from the
 * page's truth file (WordPress's own data, so the view is tested independently of the parser), hand-built
 * WordPress-like sections, and the real view mounted on them with a synchronous scheduler (every slice at once).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { detectCommentSections } from '@/utils/detect/detect-comment-sections';
import { parseSection } from '@/utils/parse/parse-section';
import type { CommentParts, ParsedSection } from '@/utils/parse/types';
import { DEFAULT_OPTIONS, type ThreadlightOptions } from '@/utils/storage/options';
import type { CommentType, ThreadComment } from '@/utils/thread/types';
import { SYNC_SCHEDULER } from '@/utils/view/core/scheduler';
import type { ViewFeature } from '@/utils/view/core/types';
import { mountThreadView, type MountContext, type ViewController } from '@/utils/view/mount-thread-view';
import { SHARED_DIR } from '../../shared-material';

export { SHARED_DIR };
export const CORPUS_DIR = path.resolve(SHARED_DIR, 'corpus');
export const THEMES = ['twentytwentyone', 'twentytwentytwo', 'twentytwentythree'] as const;
export type Theme = (typeof THEMES)[number];

export interface TruthComment {
  wp_id: number;
  parent_wp_id: number;
  author: string;
  is_post_author: boolean;
  type: CommentType;
  depth: number;
  author_url?: string;
}

export interface Truth {
  url: string;
  post_author: string;
  comments: TruthComment[];
}

export interface CorpusFixture {
  dom: JSDOM;
  doc: Document;
  truth: Truth;
  parsed: ParsedSection;
  root: Element;
}

const htmlCache = new Map<string, string>();

export function readTruth(theme: Theme, variant: string): Truth {
  return JSON.parse(fs.readFileSync(path.join(CORPUS_DIR, theme, `${variant}.truth.json`), 'utf8')) as Truth;
}

/** A fresh JSDOM window on a corpus page (the HTML is read once per test file). */
export function openCorpusPage(theme: Theme, variant: string, hash = ''): { dom: JSDOM; doc: Document; truth: Truth } {
  const file = path.join(CORPUS_DIR, theme, `${variant}.html`);
  let html = htmlCache.get(file);
  if (html === undefined) {
    html = fs.readFileSync(file, 'utf8');
    htmlCache.set(file, html);
  }
  const truth = readTruth(theme, variant);
  const dom = new JSDOM(html, { url: truth.url + hash });
  return { dom, doc: dom.window.document, truth };
}

/** The section root the detector would report on the three corpus themes. */
export function sectionRootOf(doc: Document): Element {
  const root = doc.querySelector('#comments.comments-area, .wp-block-post-comments, .wp-block-comments');
  if (!root) throw new Error('no comment section on this page');
  return root;
}

/** The first element of `body` matching `selector` that is not inside a nested comment item. */
function own(body: Element, selector: string, items: ReadonlySet<Element>, item: Element): Element | null {
  for (const candidate of body.querySelectorAll(selector)) {
    let inside = false;
    for (let node = candidate.parentElement; node && node !== item; node = node.parentElement) if (items.has(node)) inside = true;
    if (!inside) return candidate;
  }
  return null;
}

/**
 * Each comment's parts as the parser would give them on the corpus themes (the tests know these themes' classes;
 * the view does not: it takes whatever the parser hands it). Replies nest in the item's own `ol.children`.
 */
export function partsFor(bodies: Map<string, { element: Element; body: Element }>): Map<string, CommentParts> {
  const items = new Set([...bodies.values()].map(({ element }) => element));
  return new Map(
    [...bodies].map(([id, { element, body }]) => [
      id,
      {
        element,
        body,
        content: own(body, '.comment-content, .wp-block-comment-content', items, element),
        name: own(body, '.fn, .wp-block-comment-author-name', items, element),
        replyLink: own(body, '.comment-reply-link', items, element),
        replies: element.querySelector(':scope > ol.children, :scope > ol:not([class])'),
        continuation: null,
      },
    ]),
  );
}

/** The thread as WordPress knows it, mapped onto the page's elements (#comment-N, #div-comment-N or first child). */
export function parsedFromTruth(doc: Document, truth: Truth): ParsedSection {
  const bodies = new Map<string, { element: Element; body: Element }>();
  const comments: ThreadComment[] = truth.comments.map((c) => {
    const id = String(c.wp_id);
    const element = doc.getElementById(`comment-${id}`);
    if (!element) throw new Error(`#comment-${id} not on the page`);
    bodies.set(id, { element, body: doc.getElementById(`div-comment-${id}`) ?? element.firstElementChild ?? element });
    return {
      id,
      parentId: c.parent_wp_id ? String(c.parent_wp_id) : null,
      depth: c.depth,
      author: { name: c.author, url: c.author_url || null, avatar: null },
      isPostAuthor: c.is_post_author,
      type: c.type,
      date: null,
      dateText: null,
      permalink: null,
      pending: false,
      text: '',
    };
  });
  return {
    thread: {
      dialect: 'wordpress',
      postAuthor: { name: truth.post_author, url: null, source: 'bypostauthor' },
      comments,
      pagination: null,
      commentsOpen: true,
    },
    parts: partsFor(bodies),
  };
}

export function openCorpusFixture(theme: Theme, variant: string, hash = ''): CorpusFixture {
  const { dom, doc, truth } = openCorpusPage(theme, variant, hash);
  return { dom, doc, truth, parsed: parsedFromTruth(doc, truth), root: sectionRootOf(doc) };
}

/** Ids of the comments with at least one reply, per the truth. */
export function idsWithReplies(truth: Truth): Set<string> {
  return new Set(truth.comments.filter((c) => c.parent_wp_id).map((c) => String(c.parent_wp_id)));
}

/** Every descendant id of `id`, per the truth. */
export function truthDescendants(truth: Truth, id: string): string[] {
  const children = new Map<string, string[]>();
  for (const c of truth.comments) {
    const parent = String(c.parent_wp_id);
    children.set(parent, [...(children.get(parent) ?? []), String(c.wp_id)]);
  }
  const result: string[] = [];
  const stack = [...(children.get(id) ?? [])];
  while (stack.length) {
    const next = stack.shift()!;
    result.push(next);
    stack.unshift(...(children.get(next) ?? []));
  }
  return result;
}

// ---- hand-built sections ----------------------------------------------------------------------------------

export interface SketchComment {
  id: string;
  parentId?: string | null;
  author?: string;
  isPostAuthor?: boolean;
  type?: ThreadComment['type'];
  /** Inner HTML of the comment's .comment-content. */
  html?: string;
  /** Print it as a sibling of its parent (threading off, depth overflow) instead of nesting it. */
  flat?: boolean;
}

/**
 * Builds WordPress-like markup (li#comment-N > article#div-comment-N, nested ol.children) for `sketch` in
 * `doc.body`, and the ParsedSection a parser would give for it, by hand (no parser involved).
 */
export function buildSection(sketch: SketchComment[], doc: Document = document): { root: Element; parsed: ParsedSection } {
  const root = doc.createElement('div');
  root.id = 'comments';
  const list = doc.createElement('ol');
  list.className = 'comment-list';
  root.append(list);
  doc.body.append(root);
  const parts = new Map<string, CommentParts>();
  const comments: ThreadComment[] = [];
  const depthOf = new Map<string, number>();
  for (const entry of sketch) {
    const parentId = entry.parentId ?? null;
    const depth = parentId === null ? 1 : (depthOf.get(parentId) ?? 0) + 1;
    depthOf.set(entry.id, depth);
    const author = entry.author ?? `Person ${entry.id}`;
    const item = doc.createElement('li');
    item.id = `comment-${entry.id}`;
    item.className = `comment depth-${entry.flat ? 1 : depth}${entry.isPostAuthor ? ' bypostauthor' : ''}`;
    const body = doc.createElement('article');
    body.id = `div-comment-${entry.id}`;
    body.className = 'comment-body';
    body.innerHTML =
      `<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">${author}</b></div></footer>` +
      `<div class="comment-content">${entry.html ?? `<p>Text of ${entry.id}</p>`}</div>` +
      `<div class="reply"><a class="comment-reply-link" href="#respond">Reply</a></div>`;
    item.append(body);
    if (parentId === null || entry.flat) list.append(item);
    else {
      const parentParts = parts.get(parentId)!;
      let children = parentParts.element.querySelector(':scope > ol.children');
      if (!children) {
        children = doc.createElement('ol');
        children.className = 'children';
        parentParts.element.append(children);
        // The replies' list, as the parser says it (replies printed as siblings are among other comments: none).
        parentParts.replies ??= children;
      }
      children.append(item);
    }
    parts.set(entry.id, {
      element: item,
      body,
      content: body.querySelector('.comment-content'),
      name: body.querySelector('.fn'),
      replyLink: body.querySelector('.comment-reply-link'),
      replies: null,
      continuation: null,
    });
    comments.push({
      id: entry.id,
      parentId,
      depth,
      author: { name: author, url: null, avatar: null },
      isPostAuthor: entry.isPostAuthor ?? false,
      type: entry.type ?? 'comment',
      date: null,
      dateText: `Day ${entry.id}`,
      permalink: null,
      pending: false,
      text: body.querySelector('.comment-content')!.textContent ?? '',
    });
  }
  // Page order is pre-order: sort by document position, as the parser reports it.
  const elementOf = (id: string) => parts.get(id)!.element;
  const ordered = [...comments].sort((a, b) => (elementOf(a.id).compareDocumentPosition(elementOf(b.id)) & 4 ? -1 : 1));
  return {
    root,
    parsed: {
      thread: { dialect: 'wordpress', postAuthor: null, comments: ordered, pagination: null, commentsOpen: true },
      parts,
    },
  };
}

/** Replaces the global document's content with a shared corpus page (jsdom: no scripts run). */
export function loadSharedPage(relative: string): void {
  const html = fs.readFileSync(path.join(SHARED_DIR, relative), 'utf8');
  const parsedDocument = new DOMParser().parseFromString(html, 'text/html');
  document.replaceChild(document.adoptNode(parsedDocument.documentElement), document.documentElement);
}

/** Detects and parses the first comment section of the global document with the real parser. */
export function parseFirstSection(): { parsed: ParsedSection; root: Element } {
  const detection = detectCommentSections(document);
  if (detection.status !== 'found' || !detection.sections[0]) throw new Error(`no comment section: ${detection.status}`);
  return { parsed: parseSection(detection.sections[0]), root: detection.sections[0].root };
}

/** Dispatches a keydown from `target` (default: the body), as a browser would; returns the event. */
export function press(key: string, init: KeyboardEventInit & { target?: EventTarget } = {}): KeyboardEvent {
  const { target = document.body, ...rest } = init;
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true, ...rest });
  target.dispatchEvent(event);
  return event;
}

export const OPTIONS_ON: ThreadlightOptions = { ...DEFAULT_OPTIONS, keyboardShortcuts: true, bigThreadThreshold: 0 };
export const OPTIONS_OFF: ThreadlightOptions = { ...OPTIONS_ON, keyboardShortcuts: false };

const mounted: ViewController[] = [];

/** The real view, every slice rendered at once (SYNC_SCHEDULER); destroyed by destroyMounted(). */
export function mountView(
  parsed: ParsedSection,
  root: Element,
  options: ThreadlightOptions = OPTIONS_ON,
  features: readonly ViewFeature[] = [],
  extra: MountContext = {},
): ViewController {
  const errors: string[] = [];
  const view = mountThreadView(parsed, options, features, {
    root,
    primary: false,
    scheduler: SYNC_SCHEDULER,
    onError: (error, where) => errors.push(`${where}: ${(error as Error)?.message ?? error}`),
    ...extra,
  });
  mounted.push(view);
  reportedErrors.set(view, errors);
  return view;
}

const reportedErrors = new WeakMap<ViewController, string[]>();

/** The errors the view reported (they reach the popup's diagnostics in the browser). */
export function errorsOf(view: ViewController): string[] {
  return reportedErrors.get(view) ?? [];
}

export function destroyMounted(): void {
  for (const view of mounted.splice(0)) view.destroy();
}
