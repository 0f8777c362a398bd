/**
 * Features declared as data (defineViewFeature) and the host that turns them on and off with the options:
 * each enabled feature gets a FeatureContext whose every registration (listeners through ctx.signal, journal
 * writes, styles, decorations, toolbar items, keys, fields, mask, added comments) is undone on cleanup. A feature
 * that throws is cleaned up and reported (the popup's diagnostics); the view and the other features go on.
 */
import type { ParsedSection } from '@/utils/parse/types';
import type { ThreadlightOptions } from '@/utils/storage/options';
import type { ThreadIndex } from '@/utils/thread/thread-index';
import type { ThreadStats } from '@/utils/thread/types';
import type { DomJournal } from './dom-journal';
import type { KeyRegistry, ToolbarRegistry } from './registries';
import type { Decorator } from './renderer';
import type { Scheduler } from './scheduler';
import type { StyleRegistry } from './style-registry';
import type { PageLook } from './theme';
import type {
  CommentAddition,
  FeatureContext,
  FeatureState,
  FieldHandle,
  SectionInfo,
  ViewChange,
  ViewController,
  ViewFeature,
} from './types';
import { FIELD_FOCUS, FIELD_SELECTED, type ChangeKind } from './view-state';

const FEATURE_ID = /^[a-z][a-z0-9-]*$/;

/** Declare a feature (see ViewFeature). Checks the declaration once, at module load. */
export function defineViewFeature(feature: ViewFeature): ViewFeature {
  if (!FEATURE_ID.test(feature.id)) throw new Error(`view feature id "${feature.id}": kebab-case expected`);
  for (const field of feature.fields ?? []) {
    if (!FEATURE_ID.test(field) || field === FIELD_SELECTED || field === FIELD_FOCUS) {
      throw new Error(`view feature ${feature.id}: field "${field}" must be kebab-case and not a core field`);
    }
  }
  return Object.freeze({ ...feature, fields: Object.freeze([...(feature.fields ?? [])]) });
}

/** What the view gives the host (mount-thread-view.ts implements it). */
export interface ViewCore {
  readonly doc: Document;
  readonly root: Element;
  readonly section: SectionInfo;
  readonly journal: DomJournal;
  readonly styles: StyleRegistry;
  readonly scheduler: Scheduler;
  readonly toolbar: ToolbarRegistry;
  readonly keys: KeyRegistry;
  readonly controller: ViewController;
  options(): ThreadlightOptions;
  look(): PageLook;
  index(): ThreadIndex;
  page(): ParsedSection;
  stats(): ThreadStats;
  setField(name: string, ids: Iterable<string>): void;
  dropField(name: string): void;
  setMask(owner: string, ids: Iterable<string> | null): void;
  collapseMany(ids: Iterable<string>, collapsed: boolean): void;
  reshape(owner: string, parsed: ParsedSection | null): void;
  addComments(owner: string, addition: CommentAddition): void;
  removeComments(owner: string): void;
  addDecorator(key: string, decorator: Decorator): void;
  removeDecorator(key: string): void;
  redecorate(key: string, ids?: Iterable<string>): void;
  ensureRendered(id: string): void;
  onScreen(): string | null;
  onChange(listener: (change: ViewChange) => void): () => void;
  ownWrites<T>(write: () => T): T;
  report(error: unknown, where: string): void;
}

interface Running {
  feature: ViewFeature;
  controller: AbortController;
  journal: DomJournal;
  cleanups: (() => void)[];
}

export class FeatureHost {
  private readonly running = new Map<string, Running>();
  private readonly failed = new Set<string>();

  constructor(
    private readonly core: ViewCore,
    private readonly features: readonly ViewFeature[],
  ) {}

  /** Turn each feature on or off for `options` (in list order; cleanup in reverse). */
  apply(options: ThreadlightOptions, previous: ThreadlightOptions | null): void {
    const wanted = this.features.filter((feature) => !this.failed.has(feature.id) && this.isEnabled(feature, options));
    for (const feature of [...this.features].reverse()) {
      const running = this.running.get(feature.id);
      if (!running) continue;
      const restart = previous !== null && (feature.restartOn ?? []).some((name) => previous[name] !== options[name]);
      if (!wanted.includes(feature) || restart) this.stop(feature.id);
    }
    for (const feature of wanted) if (!this.running.has(feature.id)) this.start(feature);
  }

  /** Clean every feature up, newest first. */
  stopAll(): void {
    for (const id of [...this.running.keys()].reverse()) this.stop(id);
  }

  isRunning(id: string): boolean {
    return this.running.has(id);
  }

  private isEnabled(feature: ViewFeature, options: ThreadlightOptions): boolean {
    try {
      return feature.enabled(options, this.core.section);
    } catch (error) {
      this.core.report(error, `${feature.id}: enabled`);
      return false;
    }
  }

  private start(feature: ViewFeature): void {
    const running: Running = { feature, controller: abortControllerFor(this.core.doc), journal: this.core.journal.scope(), cleanups: [] };
    this.running.set(feature.id, running);
    try {
      const cleanup = this.core.ownWrites(() => feature.setup(this.context(running)));
      if (typeof cleanup === 'function') running.cleanups.push(cleanup);
    } catch (error) {
      this.core.report(error, `${feature.id}: setup`);
      this.failed.add(feature.id);
      this.stop(feature.id);
    }
  }

  private stop(id: string): void {
    const running = this.running.get(id);
    if (!running) return;
    this.running.delete(id);
    running.controller.abort();
    const { core } = this;
    for (const cleanup of running.cleanups.splice(0).reverse()) {
      try {
        core.ownWrites(cleanup);
      } catch (error) {
        core.report(error, `${id}: cleanup`);
      }
    }
    try {
      core.ownWrites(() => {
        core.removeDecorator(id);
        core.toolbar.removeOwner(id);
        core.keys.removeOwner(id);
        for (const field of running.feature.fields ?? []) core.dropField(field);
        core.setMask(id, null);
        core.removeComments(id);
        core.reshape(id, null);
        running.journal.restore();
      });
    } catch (error) {
      core.report(error, `${id}: cleanup`);
    }
  }

  private context(running: Running): FeatureContext {
    const { core } = this;
    const { feature, controller, journal } = running;
    const id = feature.id;
    const signal = controller.signal;
    const live = () => !signal.aborted;
    const report = (error: unknown, where: string) => core.report(error, `${id}: ${where}`);
    const guard =
      <A extends unknown[]>(where: string, fn: (...args: A) => void) =>
      (...args: A): void => {
        if (!live()) return;
        try {
          fn(...args);
        } catch (error) {
          report(error, where);
        }
      };
    // A feature writes the fields it declared; it may read any (the core's "selected" and "focus", other features').
    const fieldHandle = (name: string): FieldHandle => {
      const own = (feature.fields ?? []).includes(name);
      const writable = () => {
        if (!own) throw new Error(`view feature ${id}: field "${name}" is not declared in its fields`);
        return live();
      };
      return {
        set: (ids) => {
          if (writable()) core.setField(name, ids);
        },
        clear: () => {
          if (writable()) core.setField(name, []);
        },
        has: (commentId) => core.controller.state.field(name).has(commentId),
        ids: () => core.controller.state.field(name),
      };
    };
    const { controller: view } = core;
    const state: FeatureState = {
      get index() {
        return core.index();
      },
      isCollapsed: (commentId) => view.isCollapsed(commentId),
      isVisible: (commentId) => view.isVisible(commentId),
      selectedId: () => view.selectedId(),
      visibleIds: () => view.visibleIds(),
      toggle: (commentId) => live() && view.toggle(commentId),
      setCollapsed: (commentId, value) => live() && view.setCollapsed(commentId, value),
      collapse: (ids, value) => live() && core.collapseMany(ids, value),
      collapseAll: () => live() && view.collapseAll(),
      expandAll: () => live() && view.expandAll(),
      reveal: (commentId) => live() && view.reveal(commentId),
      select: (commentId, options) => live() && view.select(commentId, options),
      field: fieldHandle,
      onScreen: () => core.onScreen(),
      mask: {
        set: (ids) => live() && core.setMask(id, ids),
        has: (commentId) => view.state.mask(id).has(commentId),
        ids: () => view.state.mask(id),
      },
    };
    return {
      id,
      doc: core.doc,
      root: core.root,
      section: core.section,
      signal,
      options: () => core.options(),
      state,
      thread: {
        get parsed() {
          return view.parsed;
        },
        get page() {
          return core.page();
        },
        get index() {
          return core.index();
        },
        parts: (commentId) => view.parsed.parts.get(commentId),
        stats: () => core.stats(),
        reshape: (parsed) => live() && core.reshape(id, parsed),
        add: (addition) => live() && core.addComments(id, addition),
      },
      comments: {
        decorate: (decorator) => live() && core.addDecorator(id, decorator),
        refresh: (ids) => live() && core.redecorate(id, ids),
        ensureRendered: (commentId) => core.ensureRendered(commentId),
      },
      journal,
      addStyles: (css) => {
        if (live()) running.cleanups.push(core.styles.add(`feature:${id}`, css));
      },
      toolbar: {
        add: (item) => live() && core.toolbar.add(id, item),
        refresh: () => core.toolbar.refresh(),
        announce: (text) => core.toolbar.announce(text),
        items: () => core.toolbar.items(),
        subscribe: (listener) => {
          const stop = core.toolbar.subscribe(listener);
          running.cleanups.push(stop);
          return stop;
        },
        onAnnounce: (listener) => {
          const stop = core.toolbar.onAnnounce(listener);
          running.cleanups.push(stop);
          return stop;
        },
      },
      keys: {
        add: (command) => live() && core.keys.add(id, command),
        commandFor: (event) => core.keys.commandFor(event),
        groups: () => core.keys.groups(),
      },
      look: () => core.look(),
      on: (type: ChangeKind | '*', listener: (change: ViewChange) => void) => {
        if (!live()) return;
        const safe = guard(`on ${type}`, listener);
        running.cleanups.push(core.onChange((change) => (type === '*' || change.type === type ? safe(change) : undefined)));
      },
      idle: (task) => {
        if (!live()) return;
        let cancel: (() => void) | null = null;
        const step = (deadline: number) => {
          cancel = null;
          if (!live()) return;
          let again: boolean | void = false;
          try {
            again = core.ownWrites(() => task(deadline));
          } catch (error) {
            report(error, 'idle task');
          }
          if (again === true && live()) cancel = core.scheduler.later(step);
        };
        cancel = core.scheduler.later(step);
        running.cleanups.push(() => cancel?.());
      },
      write: (change) => core.ownWrites(change),
      report,
      guard,
    };
  }
}

/**
 * An AbortController of the document's own realm: a DOM checks that a listener's signal is one of its own
 * (a test window is not the test's global; a page is not a content script's world in every engine).
 */
export function abortControllerFor(doc: Document): AbortController {
  const Controller = (doc.defaultView as (Window & typeof globalThis) | null)?.AbortController ?? AbortController;
  return new Controller();
}
