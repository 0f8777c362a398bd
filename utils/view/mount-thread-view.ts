/**
 * The in-page thread view: enhances one comment section IN PLACE (the page's own nodes, never clones), keeps
 * every change in a DomJournal so destroy() restores the section's outerHTML exactly, and implements the
 * ViewController the other features (keyboard, previews, inferred links, popup focus) drive.
 *
 * Collapse is attributes + CSS: a collapsed comment gets data-threadlight-collapsed, its replies (nested in it
 * or, in flat markup, its siblings: the model's parent links decide) get data-threadlight-hidden. One pass over
 * the thread writes only the attributes that change; one delegated click listener serves every toggle.
 */
import type { ParsedSection } from '@/utils/parse/types';
import type { ThreadlightOptions } from '@/utils/storage/options';
import type { ThreadComment } from '@/utils/thread/types';
import {
  badgeInsertionPoint,
  barInsertionPoint,
  createAuthorBadge,
  createPingbackGroup,
  createRepliedMarker,
  createToggleBar,
  type InsertionPoint,
  type ToggleBar,
} from './controls';
import {
  ATTR_AUTHOR_REPLIED,
  ATTR_BODY,
  ATTR_COLLAPSED,
  ATTR_COMMENT,
  ATTR_DEPTH,
  ATTR_ENHANCED,
  ATTR_FOCUS,
  ATTR_GROUP,
  ATTR_HIDDEN,
  ATTR_ROLE,
  ATTR_SELECTED,
  ATTR_TOGGLE,
  ATTR_UI,
} from './dom-contract';
import { DomJournal } from './dom-journal';
import { countLabel, label, resetLabels, triageText } from './labels';
import { elementAtViewportTop, keepInPlace, scrollToElement } from './scroll-anchor';
import { ThreadIndex } from './thread-index';
import { mountToolbar, type Toolbar } from './toolbar';
import type { ViewChange, ViewController, ViewFeature, ViewFeatureFactory } from './types';
import { acquireStyles, ATTR_HIGHLIGHT, ATTR_LARGE, LARGE_THREAD } from './view-styles';

export interface MountContext {
  /** The section root (CommentSection.root). Default: the nearest element holding every comment. */
  root?: Element;
  /** Show the floating toolbar (one per page: give it to the main section only). Default true. */
  toolbar?: boolean;
  /**
   * Re-parses the section when the page adds or removes comments (load more, wpDiscuz, a posted comment).
   * Without it the view does not watch for new comments (it still watches where the reply form lands).
   */
  reparse?: () => ParsedSection;
  /** Errors the view contained. `fatal`: the view can no longer be trusted (the caller should destroy it). */
  onError?: (error: unknown, where: string, fatal: boolean) => void;
  /** Debounce of dynamic updates, ms. */
  updateDelay?: number;
}

/** The view's bookkeeping for one enhanced comment. */
interface CommentRecord {
  id: string;
  element: Element;
  body: Element;
  bodyTokens: Set<string>;
  bar: ToggleBar | null;
  badge: HTMLElement | null;
  marker: HTMLElement | null;
  /** The lists nested inside `element` that hold its replies (hidden with them when it collapses). */
  replyLists: Element[];
}

const MUTATION_IGNORED_IDS = new Set(['respond', 'wp-temp-form-div']);

/** Enhance `parsed` in place and return its controller. Features are built on the controller, in order. */
export function mountThreadView(
  parsed: ParsedSection,
  options: ThreadlightOptions,
  features: readonly ViewFeatureFactory[] = [],
  context: MountContext = {},
): ViewController {
  const foundRoot = context.root ?? commonAncestor([...parsed.elements.values()]);
  if (!foundRoot) throw new Error('mountThreadView: the section has no comment elements');
  const root: Element = foundRoot;
  const doc = root.ownerDocument;
  const view = doc.defaultView;
  const journal = new DomJournal();
  const records = new Map<string, CommentRecord>();
  const collapsed = new Set<string>();
  const hidden = new Set<string>();
  const focused = new Set<string>();
  const listeners = new Set<(change: ViewChange) => void>();
  const mountedFeatures: ViewFeature[] = [];
  const report = (error: unknown, where: string, fatal = false) => context.onError?.(error, where, fatal);

  let current = parsed;
  let index = new ThreadIndex(parsed.thread);
  let currentOptions = options;
  let selected: string | null = null;
  let pingbacksExpanded = false;
  let pingbackGroup: { element: HTMLElement; button: HTMLButtonElement } | null = null;
  let destroyed = false;
  let toolbar: Toolbar | null = null;
  let updateTimer: ReturnType<typeof setTimeout> | undefined;
  resetLabels();
  const strings = {
    hide: label('view_toggle_hide'),
    show: label('view_toggle_show'),
  };

  const styles = acquireStyles(doc, accentColor(options, root));

  // ---- enhancement -------------------------------------------------------------------------------------------

  /** Bring the records in line with `index`/`current`: enhance new comments, drop gone ones, fix bars. */
  function syncRecords(): void {
    const elements = new Set<Element>(current.elements.values());
    for (const [id, record] of records) {
      if (index.byId.has(id) && current.elements.get(id) === record.element) continue;
      dropRecord(record);
      records.delete(id);
    }
    // Reads first (where each new control goes), then every write.
    const inserts: { point: InsertionPoint; node: Node }[] = [];
    const fresh: CommentRecord[] = [];
    for (const id of index.ids) {
      const element = current.elements.get(id);
      if (!element) continue;
      let record = records.get(id);
      if (!record) {
        record = {
          id,
          element,
          body: current.bodies.get(id) ?? element,
          bodyTokens: new Set(),
          bar: null,
          badge: null,
          marker: null,
          replyLists: [],
        };
        records.set(id, record);
        fresh.push(record);
        const comment = index.byId.get(id)!;
        if (comment.isPostAuthor && comment.type === 'comment') {
          const badge = createAuthorBadge(doc);
          const point = badgeInsertionPoint(record.body, elements) ?? barInsertionPoint(record.body, element, elements, null);
          record.badge = badge;
          inserts.push({ point, node: badge });
        }
      }
      const replies = index.children.get(id);
      if (replies && !record.bar) {
        const bar = createToggleBar(doc, id);
        const firstReply = current.elements.get(replies[0]!) ?? null;
        record.bar = bar;
        inserts.push({ point: barInsertionPoint(record.body, element, elements, firstReply), node: bar.element });
      } else if (!replies && record.bar) {
        record.bar.element.remove();
        record.bar = null;
      }
      record.replyLists = replies ? replyLists(element, replies) : [];
    }
    for (const record of fresh) {
      const comment = index.byId.get(record.id)!;
      journal.set(record.element, ATTR_COMMENT, record.id);
      if (comment.isPostAuthor && comment.type === 'comment') {
        journal.set(record.element, ATTR_ROLE, 'post-author');
        record.bodyTokens.add('post-author');
      } else if (comment.type !== 'comment') {
        journal.set(record.element, ATTR_ROLE, comment.type);
      }
      writeBodyTokens(record);
    }
    for (const { point, node } of inserts) journal.insert(node, point.parent, point.before);
    for (const id of index.ids) {
      const record = records.get(id);
      if (!record) continue;
      journal.set(record.element, ATTR_DEPTH, String(index.byId.get(id)!.depth));
      if (record.bar) {
        record.bar.triageWritten = false;
        renderBar(record, collapsed.has(id));
      }
    }
    syncRepliedMarkers();
    syncPingbackGroup();
    journal.toggle(root, ATTR_LARGE, index.ids.length >= LARGE_THREAD);
  }

  function dropRecord(record: CommentRecord): void {
    for (const name of [ATTR_COMMENT, ATTR_DEPTH, ATTR_ROLE, ATTR_HIDDEN, ATTR_COLLAPSED, ATTR_SELECTED, ATTR_FOCUS, ATTR_AUTHOR_REPLIED]) {
      journal.remove(record.element, name);
    }
    journal.remove(record.body, ATTR_BODY);
    for (const list of record.replyLists) journal.remove(list, ATTR_HIDDEN);
    record.bar?.element.remove();
    record.badge?.remove();
    record.marker?.remove();
    collapsed.delete(record.id);
    hidden.delete(record.id);
    focused.delete(record.id);
    if (selected === record.id) selected = null;
  }

  /** The lists inside `element` that directly hold some of `replies` (ol.children, bare ol, ul…). */
  function replyLists(element: Element, replies: readonly string[]): Element[] {
    const lists: Element[] = [];
    for (const replyId of replies) {
      const parent = current.elements.get(replyId)?.parentElement;
      if (!parent || parent === element || !element.contains(parent) || lists.includes(parent)) continue;
      if (parent.hasAttribute(ATTR_COMMENT)) continue;
      lists.push(parent);
    }
    return lists;
  }

  function writeBodyTokens(record: CommentRecord): void {
    journal.set(record.body, ATTR_BODY, [...record.bodyTokens].join(' '));
  }

  function setBodyToken(record: CommentRecord, token: string, on: boolean): void {
    if (on === record.bodyTokens.has(token)) return;
    if (on) record.bodyTokens.add(token);
    else record.bodyTokens.delete(token);
    writeBodyTokens(record);
  }

  /** The dot on top-level comments whose thread holds an author reply. */
  function syncRepliedMarkers(): void {
    for (const id of index.roots) {
      const record = records.get(id);
      if (!record) continue;
      const replied = index.hasReplies(id) && index.summary(id).authorReplied;
      journal.toggle(record.element, ATTR_AUTHOR_REPLIED, replied);
      if (replied && record.bar && !record.marker) {
        record.marker = createRepliedMarker(doc);
        journal.insert(record.marker, record.bar.element, record.bar.element.firstChild);
      } else if (!replied && record.marker) {
        record.marker.remove();
        record.marker = null;
      }
    }
  }

  function topLevelPings(): string[] {
    return index.roots.filter((id) => index.byId.get(id)!.type !== 'comment' && records.has(id));
  }

  function syncPingbackGroup(): void {
    const pings = topLevelPings();
    const first = pings[0] === undefined ? null : records.get(pings[0])!.element;
    if (!first?.parentElement) {
      pingbackGroup?.element.remove();
      pingbackGroup = null;
      return;
    }
    if (!pingbackGroup || pingbackGroup.element.nextElementSibling !== first) {
      pingbackGroup?.element.remove();
      pingbackGroup = createPingbackGroup(doc, first.parentElement);
      journal.insert(pingbackGroup.element, first.parentElement, first);
    }
    const { button } = pingbackGroup;
    button.setAttribute('aria-expanded', String(pingbacksExpanded));
    button.lastElementChild!.textContent = countLabel('view_pingbacks', pings.length);
    button.setAttribute(
      'aria-label',
      pingbacksExpanded ? label('view_pingbacks_hide_label') : label('view_pingbacks_show_label', pings.length),
    );
    pingbackGroup.element.toggleAttribute(ATTR_HIDDEN, currentOptions.pingbacks !== 'collapsed');
  }

  function renderBar(record: CommentRecord, isCollapsed: boolean): void {
    const bar = record.bar!;
    const name = index.byId.get(record.id)!.author.name;
    bar.button.setAttribute('aria-expanded', String(!isCollapsed));
    bar.label.textContent = isCollapsed ? strings.show : strings.hide;
    bar.button.setAttribute(
      'aria-label',
      isCollapsed
        ? label('view_toggle_show_label', name, index.summary(record.id).replies)
        : label('view_toggle_hide_label', name),
    );
    if (isCollapsed && !bar.triageWritten) {
      bar.triage.textContent = triageText(index.summary(record.id));
      bar.triageWritten = true;
    }
    bar.triage.hidden = !isCollapsed;
  }

  // ---- collapse and visibility ---------------------------------------------------------------------------

  function isPingHidden(comment: ThreadComment): boolean {
    if (comment.type === 'comment' || index.parent(comment.id) !== null) return false;
    const mode = currentOptions.pingbacks;
    return mode === 'hidden' || (mode === 'collapsed' && !pingbacksExpanded);
  }

  /** One pass in page order (parents first): write the attributes whose value changes, nothing else. */
  function applyVisibility(): void {
    for (const id of index.ids) {
      const record = records.get(id);
      const parent = index.parent(id);
      const isHidden =
        (parent !== null && (hidden.has(parent) || collapsed.has(parent))) || isPingHidden(index.byId.get(id)!);
      if (isHidden) hidden.add(id);
      else hidden.delete(id);
      if (!record) continue;
      journal.toggle(record.element, ATTR_HIDDEN, isHidden);
      const isCollapsed = collapsed.has(id);
      if (record.element.hasAttribute(ATTR_COLLAPSED) !== isCollapsed) {
        journal.toggle(record.element, ATTR_COLLAPSED, isCollapsed);
        if (record.bar) renderBar(record, isCollapsed);
      }
      for (const list of record.replyLists) journal.toggle(list, ATTR_HIDDEN, isCollapsed);
    }
    if (pingbackGroup) {
      pingbackGroup.button.setAttribute('aria-expanded', String(pingbacksExpanded));
      pingbackGroup.button.setAttribute(
        'aria-label',
        pingbacksExpanded ? label('view_pingbacks_hide_label') : label('view_pingbacks_show_label', topLevelPings().length),
      );
    }
    if (selected !== null && hidden.has(selected)) select(null, { scroll: false });
  }

  /** The collapse state the options ask for on a fresh view. */
  function initialCollapse(): void {
    collapsed.clear();
    const { autoCollapseDepth, bigThreadThreshold } = currentOptions;
    const big = bigThreadThreshold > 0 && index.ids.length > bigThreadThreshold;
    for (const id of index.ids) {
      if (!index.hasReplies(id)) continue;
      const depth = index.byId.get(id)!.depth;
      if ((autoCollapseDepth > 0 && depth >= autoCollapseDepth) || (big && index.parent(id) === null)) collapsed.add(id);
    }
  }

  function emit(type: ViewChange['type']): void {
    for (const listener of [...listeners]) {
      try {
        listener({ type });
      } catch (error) {
        report(error, `onChange listener (${type})`);
      }
    }
    if (type === 'thread') toolbar?.update();
  }

  /** Run a batch of our own DOM writes: page mutations queued before are handled first, ours are dropped. */
  function ownWrites(write: () => void): void {
    const pending = observer?.takeRecords() ?? [];
    if (pending.length > 0) onMutations(pending);
    write();
    observer?.takeRecords();
  }

  function bodyOf(id: string): Element | null {
    return records.get(id)?.body ?? null;
  }

  /** The comment the reader is looking at (under the top of the viewport), or null. */
  function commentOnScreen(): string | null {
    const id = elementAtViewportTop(root, `[${ATTR_COMMENT}]`)?.getAttribute(ATTR_COMMENT) ?? null;
    return id !== null && records.has(id) ? id : null;
  }

  /**
   * Change the collapse state, keeping a comment in place on screen: `anchorId`'s, else the one being read (or,
   * with `toRoot`, the top-level comment of its thread, which is what stays visible after a collapse-all).
   */
  function changeCollapse(change: () => boolean, anchorId: string | null, toRoot = false): void {
    let anchored = anchorId ?? commentOnScreen();
    if (toRoot && anchored !== null) anchored = index.rootOf(anchored);
    let changed = false;
    // A thread root scrolled above the screen comes back to its top: the reader was reading that thread.
    keepInPlace(
      anchored === null ? null : bodyOf(anchored),
      () =>
        ownWrites(() => {
          changed = change();
          if (changed) applyVisibility();
        }),
      toRoot ? 0 : -Infinity,
    );
    if (changed) emit('collapse');
  }

  // ---- events ----------------------------------------------------------------------------------------------

  function onClick(event: Event): void {
    try {
      const target = isElement(event.target) ? event.target : null;
      const toggleButton = target?.closest(`[${ATTR_TOGGLE}]`);
      if (toggleButton && root.contains(toggleButton)) {
        const id = toggleButton.getAttribute(ATTR_TOGGLE)!;
        changeCollapse(() => flip(id), id);
        return;
      }
      const groupButton = target?.closest(`[${ATTR_GROUP}]`);
      if (groupButton && root.contains(groupButton)) {
        ownWrites(() => {
          pingbacksExpanded = !pingbacksExpanded;
          applyVisibility();
        });
        emit('collapse');
      }
    } catch (error) {
      report(error, 'click', true);
    }
  }

  function flip(id: string): boolean {
    if (!index.hasReplies(id)) return false;
    if (collapsed.has(id)) collapsed.delete(id);
    else collapsed.add(id);
    return true;
  }

  let observer: MutationObserver | null = null;

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
            if (MUTATION_IGNORED_IDS.has(node.id)) respondMoved = true;
            else if (!node.hasAttribute(ATTR_UI) && !node.hasAttribute('data-threadlight-overlay')) commentsChanged = true;
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
    const element = isElement(target) ? target : target.parentElement;
    return !!element?.closest(`#respond, #wp-temp-form-div, [${ATTR_UI}]`);
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
    if (!respond || !root.contains(respond)) return;
    const id = respond.parentElement?.closest(`[${ATTR_COMMENT}]`)?.getAttribute(ATTR_COMMENT);
    if (!id || !records.has(id)) return;
    if (!controller.isVisible(id)) controller.reveal(id);
    if (collapsed.has(id)) controller.setCollapsed(id, false);
  }

  /** A #comment-N link (page load or hashchange) must not point into a folded thread. */
  function revealHashTarget(): void {
    const hash = view?.location.hash ?? '';
    if (hash.length < 2) return;
    let target: Element | null = null;
    try {
      target = doc.getElementById(decodeURIComponent(hash.slice(1)));
    } catch {
      return;
    }
    if (!target || !root.contains(target)) return;
    const id = target.closest(`[${ATTR_COMMENT}]`)?.getAttribute(ATTR_COMMENT);
    if (!id || controller.isVisible(id)) return;
    controller.reveal(id);
    scrollToElement(target, 'start');
  }

  const onHashChange = () => {
    try {
      revealHashTarget();
    } catch (error) {
      report(error, 'hashchange');
    }
  };

  // ---- controller ------------------------------------------------------------------------------------------

  const controller: ViewController = {
    get parsed() {
      return current;
    },
    root,
    isCollapsed: (id) => collapsed.has(id),
    setCollapsed(id, value) {
      if (destroyed || !index.hasReplies(id) || collapsed.has(id) === value) return;
      changeCollapse(() => flip(id), id);
    },
    toggle(id) {
      if (destroyed || !index.hasReplies(id)) return;
      changeCollapse(() => flip(id), id);
    },
    collapseAll() {
      if (destroyed) return;
      changeCollapse(
        () => {
          let changed = false;
          for (const id of index.roots) {
            if (index.hasReplies(id) && !collapsed.has(id)) {
              collapsed.add(id);
              changed = true;
            }
          }
          return changed;
        },
        null,
        true,
      );
    },
    expandAll() {
      if (destroyed) return;
      changeCollapse(() => {
        const changed = collapsed.size > 0;
        collapsed.clear();
        return changed;
      }, null);
    },
    reveal(id) {
      if (destroyed || !index.byId.has(id)) return;
      let changed = false;
      ownWrites(() => {
        for (let parent = index.parent(id); parent !== null; parent = index.parent(parent)) {
          if (collapsed.delete(parent)) changed = true;
        }
        const top = index.rootOf(id);
        if (isPingHidden(index.byId.get(top)!) && currentOptions.pingbacks === 'collapsed') {
          pingbacksExpanded = true;
          changed = true;
        }
        if (changed) applyVisibility();
      });
      if (changed) emit('collapse');
    },
    isVisible: (id) => index.byId.has(id) && !hidden.has(id),
    selectedId: () => selected,
    select,
    applyOptions(next) {
      if (destroyed) return;
      const previous = currentOptions;
      currentOptions = next;
      ownWrites(() => {
        styles.update(accentColor(next, root));
        journal.toggle(root, ATTR_HIGHLIGHT, next.highlightAuthor);
        if (
          previous.autoCollapseDepth !== next.autoCollapseDepth ||
          previous.bigThreadThreshold !== next.bigThreadThreshold
        ) {
          initialCollapse();
        }
        syncPingbackGroup();
        applyVisibility();
      });
      applyFeatures(next);
      emit('options');
    },
    currentOptions: () => currentOptions,
    visibleIds: () => index.ids.filter((id) => !hidden.has(id)),
    setFocus(ids) {
      if (destroyed) return;
      const next = new Set(ids.filter((id) => records.has(id)));
      ownWrites(() => {
        for (const id of [...focused]) {
          if (next.has(id)) continue;
          focused.delete(id);
          const record = records.get(id);
          if (!record) continue;
          journal.remove(record.element, ATTR_FOCUS);
          setBodyToken(record, 'focus', false);
        }
        for (const id of next) {
          if (focused.has(id)) continue;
          focused.add(id);
          const record = records.get(id)!;
          journal.set(record.element, ATTR_FOCUS);
          setBodyToken(record, 'focus', true);
        }
      });
      emit('focus');
    },
    update(next) {
      if (destroyed) return;
      const autoDepth = currentOptions.autoCollapseDepth;
      ownWrites(() => {
        current = next;
        index = new ThreadIndex(next.thread);
        const known = new Set(records.keys());
        for (const id of [...collapsed]) if (!index.hasReplies(id)) collapsed.delete(id);
        syncRecords();
        // New comments follow the depth rule; the ones the reader already saw keep their state.
        for (const id of index.ids) {
          if (known.has(id) || !index.hasReplies(id)) continue;
          if (autoDepth > 0 && index.byId.get(id)!.depth >= autoDepth) collapsed.add(id);
        }
        applyVisibility();
      });
      emit('thread');
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      clearTimeout(updateTimer);
      observer?.disconnect();
      observer = null;
      for (const feature of mountedFeatures.splice(0).reverse()) {
        try {
          feature.destroy();
        } catch (error) {
          report(error, 'feature destroy');
        }
      }
      toolbar?.destroy();
      toolbar = null;
      root.removeEventListener('click', onClick);
      view?.removeEventListener('hashchange', onHashChange);
      journal.restore();
      styles.release();
      listeners.clear();
    },
  };

  function select(id: string | null, selectOptions: { scroll?: boolean } = {}): void {
    if (destroyed) return;
    if (id !== null && !records.has(id)) return;
    ownWrites(() => {
      if (selected !== null && selected !== id) {
        const previous = records.get(selected);
        if (previous) {
          journal.remove(previous.element, ATTR_SELECTED);
          setBodyToken(previous, 'selected', false);
        }
      }
      selected = id;
      if (id === null) return;
      const record = records.get(id)!;
      journal.set(record.element, ATTR_SELECTED);
      setBodyToken(record, 'selected', true);
    });
    if (id !== null) {
      if (hidden.has(id)) controller.reveal(id);
      if (selectOptions.scroll !== false) scrollToElement(records.get(id)!.body);
    }
    emit('select');
  }

  /**
   * The toolbar reads the page's computed colours and font: after the next frame, when the browser has styled
   * the page anyway, rather than forcing that work into the mount.
   */
  function scheduleToolbar(): void {
    const build = () => {
      if (destroyed || toolbar) return;
      try {
        toolbar = mountToolbar(doc, root, {
          stats: () => ({
            comments: index.ids.length,
            threads: index.roots.filter((id) => index.byId.get(id)!.type === 'comment').length,
            authorReplies: index.ids.filter((id) => isAuthorReply(index.byId.get(id)!)).length,
          }),
          collapseAll: () => controller.collapseAll(),
          expandAll: () => controller.expandAll(),
          stepAuthorReply,
        });
      } catch (error) {
        report(error, 'toolbar');
      }
    };
    if (typeof view?.requestAnimationFrame === 'function') view.requestAnimationFrame(() => setTimeout(build, 0));
    else setTimeout(build, 0);
  }

  /** Select the next (or previous) comment by the post author after the cursor, or after what is on screen. */
  function stepAuthorReply(step: 1 | -1): void {
    const from = selected ?? commentOnScreen();
    const ids = index.ids;
    let position = from === null ? (step === 1 ? -1 : ids.length) : index.position.get(from)!;
    // Without a cursor, the comment on screen itself counts when going forward.
    if (selected === null && from !== null && step === 1) position -= 1;
    for (position += step; position >= 0 && position < ids.length; position += step) {
      const id = ids[position]!;
      if (isAuthorReply(index.byId.get(id)!)) {
        select(id, { scroll: true });
        return;
      }
    }
  }

  function applyFeatures(next: ThreadlightOptions): void {
    for (const feature of [...mountedFeatures]) {
      try {
        feature.apply(next);
      } catch (error) {
        report(error, 'feature apply');
        dropFeature(feature);
      }
    }
  }

  function dropFeature(feature: ViewFeature): void {
    const position = mountedFeatures.indexOf(feature);
    if (position >= 0) mountedFeatures.splice(position, 1);
    try {
      feature.destroy();
    } catch (error) {
      report(error, 'feature destroy');
    }
  }

  // ---- mount -----------------------------------------------------------------------------------------------

  try {
    syncRecords();
    initialCollapse();
    applyVisibility();
    journal.toggle(root, ATTR_HIGHLIGHT, options.highlightAuthor);
    journal.set(root, ATTR_ENHANCED, 'enhanced');
    root.addEventListener('click', onClick);
    view?.addEventListener('hashchange', onHashChange);
    revealHashTarget();
    if (typeof MutationObserver === 'function') {
      observer = new MutationObserver(onMutations);
      observer.observe(root, { childList: true, subtree: true });
    }
    if (context.toolbar !== false) scheduleToolbar();
  } catch (error) {
    controller.destroy();
    throw error;
  }
  for (const factory of features) {
    let feature: ViewFeature | null = null;
    try {
      feature = factory(controller);
      mountedFeatures.push(feature);
      feature.apply(currentOptions);
    } catch (error) {
      report(error, 'feature mount');
      if (feature) dropFeature(feature);
    }
  }
  return controller;
}

/** Realm-independent (a page's Element is not the content script's, nor a test document's). */
function isElement(node: unknown): node is Element {
  return (node as Node | null)?.nodeType === 1;
}

function isAuthorReply(comment: ThreadComment): boolean {
  return comment.isPostAuthor && comment.type === 'comment';
}

/**
 * The accent of the author highlight: the reader's colour, else the theme's link colour — unless that colour is
 * a grey or the text's own colour (Twenty Twenty-One links are the text colour), where it would not stand out:
 * then a warm accent readable on the page's background.
 */
function accentColor(options: ThreadlightOptions, root: Element): string {
  if (/^#[0-9a-f]{3}(?:[0-9a-f]{3})?$/i.test(options.authorColor)) return options.authorColor;
  return themeAccent(root);
}

const themeAccents = new WeakMap<Element, string>();
/** Fallback accents (orange 700 / 400): contrast ≥ 4.5 on white and on near-black. */
const FALLBACK_ACCENT = { light: '#c2410c', dark: '#fb923c' };

type Rgba = [number, number, number, number];

function parseRgb(value: string): Rgba | null {
  const match = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(value);
  if (!match) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3]), match[4] === undefined ? 1 : Number(match[4])];
}

function luminance([r, g, b]: Rgba): number {
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

/** A colour with visible hue that differs from the text: max-min channel spread and distance, in 0..255 units. */
function standsOut(link: Rgba, text: Rgba | null): boolean {
  const saturation = Math.max(link[0], link[1], link[2]) - Math.min(link[0], link[1], link[2]);
  const distance = text ? Math.abs(link[0] - text[0]) + Math.abs(link[1] - text[1]) + Math.abs(link[2] - text[2]) : 255;
  return saturation >= 40 && distance >= 60;
}

/** The page background behind `element`: the first ancestor with an opaque-enough background colour. */
function backgroundOf(element: Element, view: Window): Rgba | null {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const color = parseRgb(view.getComputedStyle(node).backgroundColor);
    if (color && color[3] > 0.5) return color;
  }
  return null;
}

/** Read once per section: it costs a style pass. */
function themeAccent(root: Element): string {
  const cached = themeAccents.get(root);
  if (cached) return cached;
  let accent = FALLBACK_ACCENT.light;
  try {
    const view = root.ownerDocument.defaultView;
    if (view) {
      const link = root.querySelector('a[href]:not(.comment-reply-link)') ?? root.querySelector('a[href]');
      const linkValue = link ? view.getComputedStyle(link).color : '';
      const linkColor = parseRgb(linkValue);
      const textColor = parseRgb(view.getComputedStyle(root).color);
      const background = backgroundOf(root, view);
      const darkPage = background ? luminance(background) < 0.4 : false;
      // Only a plain rgb()/rgba() value goes into our stylesheet.
      if (linkColor && standsOut(linkColor, textColor)) accent = linkValue;
      else accent = darkPage ? FALLBACK_ACCENT.dark : FALLBACK_ACCENT.light;
    }
  } catch {
    // Keep the fallback: a style read must never break the view.
  }
  themeAccents.set(root, accent);
  return accent;
}

/** The deepest element containing every one of `elements`. */
function commonAncestor(elements: readonly Element[]): Element | null {
  const [first, ...rest] = elements;
  if (!first) return null;
  let candidate: Element | null = first.parentElement;
  while (candidate && !rest.every((element) => candidate!.contains(element))) candidate = candidate.parentElement;
  return candidate;
}
