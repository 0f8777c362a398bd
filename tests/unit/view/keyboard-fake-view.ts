/**
 * A small stand-in for the view core, for the keyboard and preview tests: a ViewController with real collapse,
 * visibility, selection and reveal semantics over a ParsedSection, and helpers to build sections and load pages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { detectCommentSections } from '@/utils/detect/detect-comment-sections';
import { parseSection } from '@/utils/parse/parse-section';
import type { ParsedSection } from '@/utils/parse/types';
import { DEFAULT_OPTIONS, type ThreadlightOptions } from '@/utils/storage/options';
import type { ThreadComment } from '@/utils/thread/types';
import type { ViewChange, ViewController } from '@/utils/view/types';
import { SHARED_DIR } from '../../shared-material';
import { partsFrom } from './parts';

export { SHARED_DIR } from '../../shared-material';

export class FakeView implements ViewController {
  readonly collapsed = new Set<string>();
  /** Hidden regardless of collapse (the pingback option, say). */
  readonly hidden = new Set<string>();
  readonly selections: (string | null)[] = [];
  private selected: string | null = null;
  private options: ThreadlightOptions = DEFAULT_OPTIONS;
  private listeners = new Set<(change: ViewChange) => void>();
  private byId: Map<string, ThreadComment>;

  constructor(
    public parsed: ParsedSection,
    readonly root: Element,
  ) {
    this.byId = new Map(parsed.thread.comments.map((comment) => [comment.id, comment]));
    root.setAttribute('data-threadlight', 'enhanced');
  }

  private ancestors(id: string): string[] {
    const result: string[] = [];
    let parentId = this.byId.get(id)?.parentId ?? null;
    while (parentId !== null && !result.includes(parentId)) {
      result.push(parentId);
      parentId = this.byId.get(parentId)?.parentId ?? null;
    }
    return result;
  }

  private hasReplies(id: string): boolean {
    return this.parsed.thread.comments.some((comment) => comment.parentId === id);
  }

  private emit(type: ViewChange['type']): void {
    for (const listener of this.listeners) listener({ type });
  }

  isCollapsed(id: string): boolean {
    return this.collapsed.has(id);
  }
  setCollapsed(id: string, collapsed: boolean): void {
    if (!this.byId.has(id)) return;
    if (collapsed) this.collapsed.add(id);
    else this.collapsed.delete(id);
    this.emit('collapse');
  }
  toggle(id: string): void {
    this.setCollapsed(id, !this.collapsed.has(id));
  }
  collapseAll(): void {
    for (const comment of this.parsed.thread.comments) if (this.hasReplies(comment.id)) this.collapsed.add(comment.id);
    this.emit('collapse');
  }
  expandAll(): void {
    this.collapsed.clear();
    this.emit('collapse');
  }
  reveal(id: string): void {
    for (const ancestor of this.ancestors(id)) this.collapsed.delete(ancestor);
  }
  isVisible(id: string): boolean {
    return this.byId.has(id) && !this.hidden.has(id) && this.ancestors(id).every((a) => !this.collapsed.has(a));
  }
  selectedId(): string | null {
    return this.selected;
  }
  select(id: string | null): void {
    if (id !== null && !this.byId.has(id)) return;
    if (id !== null) this.reveal(id);
    this.selected = id;
    this.selections.push(id);
    this.emit('select');
  }
  applyOptions(options: ThreadlightOptions): void {
    this.options = options;
  }
  currentOptions(): ThreadlightOptions {
    return this.options;
  }
  visibleIds(): string[] {
    return this.parsed.thread.comments.filter((comment) => this.isVisible(comment.id)).map((comment) => comment.id);
  }
  setFocus(): void {}
  update(parsed: ParsedSection): void {
    this.parsed = parsed;
    this.byId = new Map(parsed.thread.comments.map((comment) => [comment.id, comment]));
    this.emit('thread');
  }
  onChange(listener: (change: ViewChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  destroy(): void {
    this.root.removeAttribute('data-threadlight');
  }
}

export interface SketchComment {
  id: string;
  parentId?: string | null;
  author?: string;
  isPostAuthor?: boolean;
  type?: ThreadComment['type'];
  /** Inner HTML of the comment's .comment-content. */
  html?: string;
}

/**
 * Builds WordPress-like markup (li#comment-N > article#div-comment-N, nested ol.children) for `sketch` in
 * `document.body`, and the ParsedSection a parser would give for it, by hand (no parser involved).
 */
export function buildSection(sketch: SketchComment[], doc: Document = document): { root: Element; parsed: ParsedSection } {
  const root = doc.createElement('div');
  root.id = 'comments';
  const list = doc.createElement('ol');
  list.className = 'comment-list';
  root.append(list);
  doc.body.append(root);
  const elements = new Map<string, Element>();
  const bodies = new Map<string, Element>();
  const comments: ThreadComment[] = [];
  const depthOf = new Map<string, number>();
  for (const entry of sketch) {
    const parentId = entry.parentId ?? null;
    const depth = parentId === null ? 1 : (depthOf.get(parentId) ?? 0) + 1;
    depthOf.set(entry.id, depth);
    const author = entry.author ?? `Person ${entry.id}`;
    const item = doc.createElement('li');
    item.id = `comment-${entry.id}`;
    item.className = `comment depth-${depth}${entry.isPostAuthor ? ' bypostauthor' : ''}`;
    const body = doc.createElement('article');
    body.id = `div-comment-${entry.id}`;
    body.className = 'comment-body';
    body.innerHTML =
      `<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">${author}</b></div></footer>` +
      `<div class="comment-content">${entry.html ?? `<p>Text of ${entry.id}</p>`}</div>` +
      `<div class="reply"><a class="comment-reply-link" href="#respond">Reply</a></div>`;
    item.append(body);
    if (parentId === null) list.append(item);
    else {
      const parentItem = elements.get(parentId)!;
      let children = parentItem.querySelector(':scope > ol.children');
      if (!children) {
        children = doc.createElement('ol');
        children.className = 'children';
        parentItem.append(children);
      }
      children.append(item);
    }
    elements.set(entry.id, item);
    bodies.set(entry.id, body);
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
  const ordered = [...comments].sort((a, b) =>
    elements.get(a.id)!.compareDocumentPosition(elements.get(b.id)!) & 4 ? -1 : 1,
  );
  return {
    root,
    parsed: {
      thread: { dialect: 'wordpress', postAuthor: null, comments: ordered, pagination: null, commentsOpen: true },
      elements,
      bodies,
      parts: partsFrom(elements, bodies),
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
export function parseFirstSection(): ParsedSection {
  const detection = detectCommentSections(document);
  if (detection.status !== 'found' || !detection.sections[0]) throw new Error(`no comment section: ${detection.status}`);
  return parseSection(detection.sections[0]);
}

/** Dispatches a keydown from `target` (default: the body), as a browser would; returns the event. */
export function press(
  key: string,
  init: KeyboardEventInit & { target?: EventTarget } = {},
): KeyboardEvent {
  const { target = document.body, ...rest } = init;
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true, ...rest });
  target.dispatchEvent(event);
  return event;
}

export const OPTIONS_ON: ThreadlightOptions = { ...DEFAULT_OPTIONS, keyboardShortcuts: true };
export const OPTIONS_OFF: ThreadlightOptions = { ...DEFAULT_OPTIONS, keyboardShortcuts: false };
