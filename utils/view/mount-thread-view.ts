/**
 * The view's composition root: state → renderer → page, with features around it (docs/architecture.md).
 *
 * mountThreadView enhances one comment section IN PLACE (the page's own nodes, never clones): a pure ViewState
 * decides what is folded, hidden, selected and marked; the Renderer writes it through the DomJournal in slices
 * (the comments on screen first, the rest in idle time); features (utils/view/features.ts) plug in through
 * FeatureContext. destroy() restores the section's outerHTML exactly.
 */
import type { CommentParts, ParsedSection } from '@/utils/parse/types';
import type { ThreadlightOptions } from '@/utils/storage/options';
import { summarizeThread } from '@/utils/thread/stats';
import { ThreadIndex } from '@/utils/thread/thread-index';
import type { ThreadComment, ThreadStats } from '@/utils/thread/types';
import { ATTR_ENHANCED, ATTR_LARGE, ATTR_OVERLAY, ATTR_TOGGLE, ATTR_UI } from './dom-contract';
import { accentCss, CORE_CSS, DEFAULT_ACCENT, LARGE_THREAD } from './core/core-styles';
import { DomJournal } from './core/dom-journal';
import { abortControllerFor, FeatureHost, type ViewCore } from './core/feature';
import { resetLabels } from './core/labels';
import { KeyRegistry, ToolbarRegistry } from './core/registries';
import { Renderer, type Decorator } from './core/renderer';
import { browserScheduler, type Scheduler } from './core/scheduler';
import { commentAtViewportTop, firstOnScreen, keepInPlace, scrollToElement } from './core/scroll-anchor';
import { stylesOf } from './core/style-registry';
import { accentFor, readPageLook, type PageLook } from './core/theme';
import type { CommentAddition, SectionInfo, ViewChange, ViewController, ViewFeature } from './core/types';
import { EMPTY_DELTA, FIELD_FOCUS, ViewState, type ChangeKind, type Delta } from './core/view-state';

export type { ViewController, ViewChange, ViewFeature } from './core/types';

export interface MountContext {
  /** The section root (CommentSection.root). Default: the nearest element holding every comment. */
  root?: Element;
  /** The page's main section (toolbar, popup). Default true. */
  primary?: boolean;
  /**
   * Re-parses the section when the page adds or removes comments (load more, wpDiscuz, a posted comment).
   * Without it the view does not watch for new comments (it still watches where the reply form lands).
   */
  reparse?: () => ParsedSection;
  /** Errors the view contained. `fatal`: the view can no longer be trusted (the caller should destroy it). */
  onError?: (error: unknown, where: string, fatal: boolean) => void;
  /** Debounce of dynamic updates, ms. */
  updateDelay?: number;
  /** When deferred work runs (tests pass SYNC_SCHEDULER). Default: idle time, ~10 ms chunks. */
  scheduler?: Scheduler;
}

/** Ids of WordPress's reply form and its placeholder: comment-reply.js moves them, which is not a comment change. */
const REPLY_FORM_IDS = new Set(['respond', 'wp-temp-form-div']);
const CHANGE_ORDER: ChangeKind[] = ['thread', 'options', 'collapse', 'mask', 'select', 'field'];

/** Enhance `parsed` in place and return its controller. Features are set up in list order. */
export function mountThreadView(
  parsed: ParsedSection,
  options: ThreadlightOptions,
  featureList: readonly ViewFeature[] = [],
  context: MountContext = {},
): ViewController {
  const foundRoot = context.root ?? commonAncestor([...parsed.parts.values()].map((parts) => parts.element));
  if (!foundRoot) throw new Error('mountThreadView: the section has no comment elements');
  const root: Element = foundRoot;
  const doc = root.ownerDocument;
  const view = doc.defaultView;
  const scheduler = context.scheduler ?? browserScheduler(view);
  const journal = new DomJournal();
  const styles = stylesOf(doc);
  const toolbar = new ToolbarRegistry();
  const keys = new KeyRegistry();
  const listeners = new Set<(change: ViewChange) => void>();
  const lifetime = abortControllerFor(doc);
  const report = (error: unknown, where: string, fatal = false) => context.onError?.(error, where, fatal);

  let page = parsed;
  const reshapes = new Map<string, ParsedSection>();
  /** Features that reshaped the thread (moved the page's nodes) and have not gone back yet. */
  const reshapers = new Set<string>();
  const additions = new Map<string, CommentAddition>();
  let current = parsed;
  let index = ThreadIndex.of(parsed.thread);
  let currentOptions = options;
  let stats: ThreadStats | null = null;
  let destroyed = false;
  let updateTimer: ReturnType<typeof setTimeout> | undefined;
  let observer: MutationObserver | null = null;
  /** Element → comment id, for clicks and page mutations: made on first use, not in the mount. */
  let elementIds: Map<Element, string> | null = null;
  resetLabels();

  // The page's look (computed colours and font). Reading it forces a style pass when style is dirty: after our first
  // write (a stylesheet, an attribute on 5,000 comments) that is a restyle of the whole thread, hundreds of ms in one
  // task. So it is read first, before anything of ours is written: detection and parsing ran in slices, the page has
  // been styled meanwhile and the read is cheap (docs/performance.md).
  let look: PageLook | null = null;
  const pageLook = () => (look ??= readPageLook(root));
  const accentLink = () => {
    for (const parts of [...current.parts.values()].slice(0, 40)) {
      const link = parts.content?.querySelector('a[href]');
      if (link) return link;
    }
    return null;
  };
  const accentOf = (authorColor: string): string => {
    try {
      return accentCss(accentFor(authorColor, accentLink(), pageLook()));
    } catch (error) {
      report(error, 'theme');
      return accentCss(DEFAULT_ACCENT);
    }
  };
  let releaseAccent = styles.add(`accent:${options.authorColor}`, accentOf(options.authorColor));
  const updateAccent = (authorColor: string) => {
    const release = releaseAccent;
    releaseAccent = styles.add(`accent:${authorColor}`, accentOf(authorColor));
    release();
  };
  const releaseCore = styles.add('core', CORE_CSS);

  const state = new ViewState(index, currentOptions);
  const renderer = new Renderer({
    doc,
    journal,
    state: () => state,
    parts: (id) => current.parts.get(id),
    scheduler,
    ownWrites,
    report: (error, where) => report(error, where),
  });

  // ---- changes -----------------------------------------------------------------------------------------

  function emit(delta: Delta, only?: ChangeKind): void {
    for (const type of CHANGE_ORDER) {
      if (only ? type !== only : !delta.kinds.has(type)) continue;
      for (const listener of [...listeners]) {
        try {
          listener({ type, delta });
        } catch (error) {
          report(error, `onChange listener (${type})`);
        }
      }
    }
  }

  /** Render a state change (near `centre` first) and tell the listeners. */
  function commit(delta: Delta, centre: string | null = null): void {
    if (delta.ids.size === 0 && delta.kinds.size === 0 && delta.removed.size === 0) return;
    renderer.invalidate([...delta.ids, ...delta.removed], centre);
    renderer.run();
    emit(delta);
  }

  /** Run a batch of our own DOM writes: page mutations queued before are handled first, ours are dropped. */
  function ownWrites<T>(write: () => T): T {
    const pending = observer?.takeRecords() ?? [];
    if (pending.length > 0) onMutations(pending);
    try {
      return write();
    } finally {
      observer?.takeRecords();
    }
  }

  function commentOf(element: Element): string | null {
    for (let node: Element | null = element; node && node !== root.parentElement; node = node.parentElement) {
      const id = (elementIds ??= elementIdMap(current.parts)).get(node);
      if (id !== undefined) return id;
    }
    return null;
  }

  /** The comment the reader is looking at (under the top of the viewport), or null. */
  function commentOnScreen(): string | null {
    try {
      return commentAtViewportTop(root, commentOf);
    } catch {
      return null;
    }
  }

  function bodyOf(id: string): Element | null {
    return current.parts.get(id)?.body ?? null;
  }

  /**
   * Change the folds, keeping a comment in place on screen: `anchorId`'s, else the one being read (or, with
   * `toRoot`, the top-level comment of its thread, which is what stays visible after a collapse-all).
   */
  function changeFolds(change: () => Delta, anchorId: string | null, toRoot = false): void {
    let anchored = anchorId ?? commentOnScreen();
    if (toRoot && anchored !== null && state.has(anchored)) anchored = index.rootOf(anchored);
    let delta: Delta = EMPTY_DELTA;
    // A thread root scrolled above the screen comes back to its top: the reader was reading that thread.
    keepInPlace(
      anchored === null ? null : bodyOf(anchored),
      () => {
        delta = change();
        renderer.invalidate([...delta.ids], anchored);
        renderer.run();
      },
      toRoot ? 0 : -Infinity,
    );
    emit(delta);
  }

  // ---- the thread --------------------------------------------------------------------------------------

  /** The thread as shown: the page's parse, or a feature's reshape of it, plus the comments features added. */
  function effectiveThread(): ParsedSection {
    const base = [...reshapes.values()].pop() ?? page;
    if (additions.size === 0) return base;
    const comments = new Map<string, ThreadComment>(base.thread.comments.map((comment) => [comment.id, comment]));
    const parts = new Map(base.parts);
    for (const addition of additions.values()) {
      for (const comment of addition.comments) {
        if (comments.has(comment.id) || !addition.parts.has(comment.id)) continue;
        comments.set(comment.id, comment);
        parts.set(comment.id, addition.parts.get(comment.id)!);
      }
    }
    const ordered = inDocumentOrder(root, [...comments.values()], parts);
    return {
      thread: { ...base.thread, comments: ordered },
      parts,
    };
  }

  function rebuild(): void {
    current = effectiveThread();
    index = ThreadIndex.of(current.thread);
    stats = null;
    elementIds = null;
    const delta = state.setIndex(index);
    journal.toggle(root, ATTR_LARGE, index.ids.length >= LARGE_THREAD);
    // No layout read here (the page just changed): near the cursor, else from the top.
    const centre = state.selectedId();
    ownWrites(() => {
      renderer.invalidate([...delta.ids, ...delta.removed], centre);
      renderer.run();
    });
    emit(delta);
  }

  // ---- the page ----------------------------------------------------------------------------------------

  function onMutations(mutations: MutationRecord[]): void {
    if (destroyed) return;
    try {
      let respondMoved = false;
      let commentsChanged = false;
      for (const mutation of mutations) {
        if (isInsideIgnored(mutation.target)) continue;
        for (const list of [mutation.addedNodes, mutation.removedNodes]) {
          for (const node of list) {
            if (!isElement(node)) continue;
            if (REPLY_FORM_IDS.has(node.id)) respondMoved = true;
            else if (!node.hasAttribute(ATTR_UI) && !node.hasAttribute(ATTR_OVERLAY)) commentsChanged = true;
          }
        }
      }
      if (respondMoved) revealRespond();
      if (commentsChanged && context.reparse) {
        clearTimeout(updateTimer);
        updateTimer = setTimeout(reparseNow, context.updateDelay ?? 150);
      }
    } catch (error) {
      report(error, 'mutation observer', true);
    }
  }

  function isInsideIgnored(target: Node): boolean {
    for (let node: Element | null = isElement(target) ? target : target.parentElement; node; node = node.parentElement) {
      if (REPLY_FORM_IDS.has(node.id) || node.hasAttribute(ATTR_UI)) return true;
    }
    return false;
  }

  function reparseNow(): void {
    if (destroyed || !context.reparse) return;
    try {
      controller.update(context.reparse());
    } catch (error) {
      report(error, 'dynamic update', true);
    }
  }

  /**
   * comment-reply.js moved the form: the comment that now holds it must be visible and unfolded (in a folded
   * thread the form would be hidden, or sit above replies the reader cannot see).
   */
  function revealRespond(): void {
    const respond = doc.getElementById('respond');
    if (!respond || !root.contains(respond) || !respond.parentElement) return;
    const id = commentOf(respond.parentElement);
    if (id === null) return;
    if (!state.isVisible(id)) controller.reveal(id);
    if (state.isCollapsed(id)) controller.setCollapsed(id, false);
  }

  /** A #comment-N link (page load or hashchange) must not point into a folded thread. */
  function revealHashTarget(scroll: boolean): string | null {
    const hash = view?.location.hash ?? '';
    if (hash.length < 2) return null;
    let target: Element | null = null;
    try {
      target = doc.getElementById(decodeURIComponent(hash.slice(1)));
    } catch {
      return null;
    }
    if (!target || !root.contains(target)) return null;
    const id = commentOf(target);
    if (id === null) return null;
    if (!state.isVisible(id)) {
      controller.reveal(id);
      if (scroll) scrollToElement(target, 'start');
    }
    return id;
  }

  function onClick(event: Event): void {
    try {
      const target = isElement(event.target) ? event.target : null;
      const toggle = target?.closest(`[${ATTR_TOGGLE}]`);
      if (toggle && root.contains(toggle)) {
        const id = toggle.getAttribute(ATTR_TOGGLE)!;
        changeFolds(() => state.toggle(id), id);
      }
    } catch (error) {
      report(error, 'click', true);
    }
  }

  // ---- controller --------------------------------------------------------------------------------------

  const guarded =
    <A extends unknown[]>(where: string, fn: (...args: A) => void) =>
    (...args: A): void => {
      if (destroyed) return;
      try {
        fn(...args);
      } catch (error) {
        report(error, where, true);
      }
    };

  const controller: ViewController = {
    get parsed() {
      return current;
    },
    root,
    state,
    isCollapsed: (id) => state.isCollapsed(id),
    setCollapsed: guarded('setCollapsed', (id: string, value: boolean) => {
      if (index.hasReplies(id) && state.isCollapsed(id) !== value) changeFolds(() => state.setCollapsed(id, value), id);
    }),
    toggle: guarded('toggle', (id: string) => {
      if (index.hasReplies(id)) changeFolds(() => state.toggle(id), id);
    }),
    collapseAll: guarded('collapseAll', () => changeFolds(() => state.collapseAll(), null, true)),
    expandAll: guarded('expandAll', () => changeFolds(() => state.expandAll(), null)),
    reveal: guarded('reveal', (id: string) => ownWrites(() => commit(state.reveal(id), id))),
    isVisible: (id) => state.isVisible(id),
    selectedId: () => state.selectedId(),
    select: guarded('select', (id: string | null, selectOptions: { scroll?: boolean } = {}) => {
      ownWrites(() => {
        const delta = state.select(id);
        if (id !== null) renderer.setCentre(id);
        commit(delta, id);
        if (id !== null) renderer.ensure(id);
      });
      if (id !== null && state.selectedId() === id && selectOptions.scroll !== false) {
        const body = bodyOf(id);
        if (body) scrollToElement(body);
      }
    }),
    applyOptions: guarded('applyOptions', (next: ThreadlightOptions) => {
      const previous = currentOptions;
      currentOptions = next;
      ownWrites(() => {
        if (previous.authorColor !== next.authorColor) updateAccent(next.authorColor);
        const delta = state.setRules(next);
        renderer.invalidate(delta.ids);
        renderer.run();
        // The features running hear of the change first; then features turn on, off, or start again.
        emit(delta, 'options');
        if (delta.kinds.has('collapse')) emit(delta, 'collapse');
        features.apply(next, previous);
      });
    }),
    currentOptions: () => currentOptions,
    visibleIds: () => state.visibleIds(),
    setFocus: guarded('setFocus', (ids: readonly string[]) => ownWrites(() => commit(state.setField(FIELD_FOCUS, ids)))),
    update: guarded('update', (next: ParsedSection) => {
      page = next;
      // A feature's reshape was computed from the old page: it hears of the change and reshapes again.
      reshapes.clear();
      rebuild();
    }),
    stats: () => (stats ??= summarizeThread(index)),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    flush: guarded('flush', () => renderer.flush()),
    whenRendered: () => renderer.whenIdle(),
    destroy() {
      if (destroyed) return;
      try {
        features.stopAll();
      } catch (error) {
        report(error, 'features');
      }
      destroyed = true;
      clearTimeout(updateTimer);
      observer?.disconnect();
      observer = null;
      lifetime.abort();
      renderer.destroy();
      journal.restore();
      releaseAccent();
      releaseCore();
      listeners.clear();
    },
  };

  // ---- features ------------------------------------------------------------------------------------------

  const section: SectionInfo = {
    primary: context.primary !== false,
    flat: parsed.thread.comments.length > 0 && parsed.thread.comments.every((comment) => comment.parentId === null),
    comments: parsed.thread.comments.length,
  };
  const core: ViewCore = {
    doc,
    root,
    section,
    journal,
    styles,
    scheduler,
    toolbar,
    keys,
    controller,
    options: () => currentOptions,
    look: pageLook,
    index: () => index,
    page: () => page,
    stats: () => controller.stats(),
    setField: (name, ids) => ownWrites(() => commit(state.setField(name, ids))),
    dropField: (name) => ownWrites(() => commit(state.dropField(name))),
    setMask: (owner, ids) => ownWrites(() => commit(state.setMask(owner, ids), state.selectedId())),
    collapseMany: (ids, value) => changeFolds(() => state.setCollapsedMany(ids, value), null),
    reshape(owner, next) {
      if (next) {
        reshapes.set(owner, next);
        reshapers.add(owner);
      } else {
        reshapes.delete(owner);
        if (!reshapers.delete(owner)) return;
        // Going back after moving the page's nodes: read the page again, it may have been parsed while they were
        // moved (a page update drops the reshape, not the moves).
        if (context.reparse) page = context.reparse();
      }
      rebuild();
    },
    addComments(owner, addition) {
      additions.set(owner, addition);
      rebuild();
    },
    removeComments(owner) {
      if (additions.delete(owner)) rebuild();
    },
    addDecorator: (key: string, decorator: Decorator) => {
      renderer.addDecorator(key, decorator);
      renderer.run();
    },
    removeDecorator: (key) => renderer.removeDecorator(key),
    redecorate: (key, ids) => {
      renderer.redecorate(key, ids);
      ownWrites(() => renderer.run());
    },
    ensureRendered: (id) => renderer.ensure(id),
    onScreen: () => {
      const visible = state.visibleIds().filter((id) => current.parts.has(id));
      const bodies = visible.map((id) => current.parts.get(id)!.body);
      const found = firstOnScreen(bodies);
      return found === null ? (visible[0] ?? null) : visible[bodies.indexOf(found)]!;
    },
    onChange: (listener) => controller.onChange(listener),
    ownWrites,
    report: (error, where) => report(error, where),
  };
  const features = new FeatureHost(core, featureList);

  // ---- mount -------------------------------------------------------------------------------------------

  // One first slice, once the features are set up: their fields and decorations are in it, and however many of
  // them write, the mount renders for one budget (renderer.batch).
  renderer.batch(() => {
    try {
      ownWrites(() => {
        journal.set(root, ATTR_ENHANCED, 'enhanced');
        journal.toggle(root, ATTR_LARGE, index.ids.length >= LARGE_THREAD);
        // The comments near the screen first: the #comment-N target, else the first comments. Nothing is measured
        // here: on a page still loading even reading scrollY forces a layout of the whole thread (a second on 5,000
        // comments). Once a frame is done, the renderer re-centres on what the reader looks at (below).
        const target = revealHashTarget(true);
        const centre = target;
        renderer.invalidate(index.ids, centre);
      });
      root.addEventListener('click', onClick, { signal: lifetime.signal });
      view?.addEventListener('hashchange', guarded('hashchange', () => revealHashTarget(true)), { signal: lifetime.signal });
      if (typeof MutationObserver === 'function') {
        observer = new MutationObserver(onMutations);
        observer.observe(root, { childList: true, subtree: true });
      }
    } catch (error) {
      controller.destroy();
      throw error;
    }
    features.apply(currentOptions, null);
  });
  // A reload or a step back restores the reader's position: the slices go there next. Only then: reading scrollY
  // forces a layout of the whole thread (hundreds of ms on 5,000 comments), and on a fresh load the reader starts at
  // the top or at the #comment-N target, which the first slice already centred on.
  if (restoresScroll(view)) {
    afterNextFrame(view, () => {
      if (destroyed) return;
      try {
        const onScreen = renderer.pending > 0 && (view?.scrollY ?? 0) > 0 ? commentOnScreen() : null;
        if (onScreen !== null) renderer.setCentre(onScreen);
      } catch (error) {
        report(error, 'scroll position');
      }
    });
  }
  return controller;
}

/** Did this page load restore a scroll position (a reload, back or forward)? */
function restoresScroll(view: Window | null): boolean {
  try {
    const entry = view?.performance?.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
    return entry?.type === 'reload' || entry?.type === 'back_forward';
  } catch {
    return false;
  }
}

/** Run `task` once the next frame is done (style and layout computed by the browser anyway, so reading is cheap). */
function afterNextFrame(view: Window | null, task: () => void): void {
  if (typeof view?.requestAnimationFrame === 'function') view.requestAnimationFrame(() => setTimeout(task, 0));
  else setTimeout(task, 0);
}

/** Realm-independent (a page's Element is not the content script's, nor a test document's). */
function isElement(node: unknown): node is Element {
  return (node as Node | null)?.nodeType === 1;
}

/** Each comment's own elements (its item, and the continuation of a comment printed in two siblings) → its id. */
function elementIdMap(parts: ReadonlyMap<string, CommentParts>): Map<Element, string> {
  const map = new Map<Element, string>();
  for (const [id, { element, continuation }] of parts) {
    if (!map.has(element)) map.set(element, id);
    if (continuation && !map.has(continuation)) map.set(continuation, id);
  }
  return map;
}

/** The deepest element containing every one of `elements`. */
function commonAncestor(elements: readonly Element[]): Element | null {
  const [first, ...rest] = elements;
  if (!first) return null;
  let candidate: Element | null = first.parentElement;
  while (candidate && !rest.every((element) => candidate!.contains(element))) candidate = candidate.parentElement;
  return candidate;
}

/** Comments sorted by their elements' order in the document (one walk of the section). */
function inDocumentOrder(root: Element, comments: ThreadComment[], parts: ReadonlyMap<string, CommentParts>): ThreadComment[] {
  const position = new Map<Element, number>();
  const all = root.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) position.set(all[i]!, i);
  const place = (comment: ThreadComment) => {
    const element = parts.get(comment.id)?.element;
    return (element && position.get(element)) ?? Number.MAX_SAFE_INTEGER;
  };
  return [...comments].sort((a, b) => place(a) - place(b));
}
