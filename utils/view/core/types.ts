/**
 * The view's public shapes: the controller the content script (and tests) hold, the changes it reports, and the
 * feature API (defineViewFeature) every feature is written against. docs/architecture.md has a worked example.
 */
import type { ComponentChild } from 'preact';
import type { CommentParts, ParsedSection } from '@/utils/parse/types';
import type { ThreadlightOptions } from '@/utils/storage/options';
import type { ThreadIndex } from '@/utils/thread/thread-index';
import type { ThreadComment, ThreadStats } from '@/utils/thread/types';
import type { DomJournal } from './dom-journal';
import type { PageLook } from './theme';
import type { ChangeKind, Delta, ViewState } from './view-state';

// ---- the controller ---------------------------------------------------------------------------------------

/** One enhanced comment section. Every method is safe with unknown ids (it does nothing) and after destroy(). */
export interface ViewController {
  /** The thread as the view shows it (the page's parse, re-nested or extended by features). */
  readonly parsed: ParsedSection;
  /** The section root, marked data-threadlight="enhanced". */
  readonly root: Element;
  /** The view state (read it; change it through the methods below). */
  readonly state: Pick<ViewState, 'isCollapsed' | 'isVisible' | 'isHidden' | 'selectedId' | 'field' | 'mask' | 'visibleIds' | 'index'>;
  isCollapsed(id: string): boolean;
  setCollapsed(id: string, collapsed: boolean): void;
  toggle(id: string): void;
  collapseAll(): void;
  expandAll(): void;
  /** Unfold every folded ancestor (and lift the masks) so the comment is visible. */
  reveal(id: string): void;
  isVisible(id: string): boolean;
  /** The selected comment (keyboard cursor), or null. Selecting reveals it and scrolls it into view. */
  selectedId(): string | null;
  select(id: string | null, options?: { scroll?: boolean }): void;
  /** Re-apply options live (highlight, folds, pingbacks, inference, keys: features turn on and off). */
  applyOptions(options: ThreadlightOptions): void;
  currentOptions(): ThreadlightOptions;
  /** Visible comment ids, in page order. */
  visibleIds(): string[];
  /** Mark these comments data-threadlight-focus (the popup's participant focus); an empty list clears it. */
  setFocus(ids: readonly string[]): void;
  /** The page changed its comments: re-index, enhance the new ones, keep the folds of the others. */
  update(parsed: ParsedSection): void;
  /** The thread's figures (toolbar, popup, triage all read these). */
  stats(): ThreadStats;
  /** Be told after the view changed; returns the unsubscribe function. */
  onChange(listener: (change: ViewChange) => void): () => void;
  /** Write every pending slice now (the rest of a big thread, normally done in idle time). */
  flush(): void;
  /** Resolves once every comment is rendered (no slice pending). */
  whenRendered(): Promise<void>;
  /** Remove every trace of Threadlight: the section's outerHTML is exactly what it was before. */
  destroy(): void;
}

/** What changed in a view. */
export interface ViewChange {
  type: ChangeKind;
  delta: Delta;
}

// ---- the feature API ----------------------------------------------------------------------------------------

/** What a feature knows about the section it is set up on. */
export interface SectionInfo {
  /** The page's main section (the one the toolbar and the popup speak of). */
  readonly primary: boolean;
  /** The page prints no reply under another (threading off): every comment at top level. */
  readonly flat: boolean;
  /** Comments in the section when the view mounted. */
  readonly comments: number;
}

/** A feature of the view, declared as data (see defineViewFeature in ./feature.ts). */
export interface ViewFeature {
  /** Unique, kebab-case: names its style block, its mask, its errors ("preview: hover"). */
  readonly id: string;
  /**
   * The view-state fields this feature sets (ctx.state.field(name)): each is written as `data-threadlight-<name>`
   * on the comment element and as a token of data-threadlight-body, and must be documented in docs/dom-contract.md.
   */
  readonly fields?: readonly string[];
  /** On for these options and this section? Asked on mount and on every options change. */
  enabled(options: ThreadlightOptions, section: SectionInfo): boolean;
  /**
   * Set the feature up. Everything registered through `ctx` (listeners with ctx.signal, journal writes, styles,
   * decorations, toolbar items, keys, fields, masks, comments added) is undone for it on cleanup; return a
   * function for anything else.
   */
  setup(ctx: FeatureContext): void | (() => void);
  /** Options whose change sets the feature up again (cleanup, then setup) while it stays enabled. */
  readonly restartOn?: readonly (keyof ThreadlightOptions)[];
}

export interface FeatureContext {
  readonly id: string;
  readonly doc: Document;
  readonly root: Element;
  readonly section: SectionInfo;
  /** Aborted when the feature is cleaned up: pass it to every addEventListener ({ signal }). */
  readonly signal: AbortSignal;
  options(): ThreadlightOptions;
  readonly state: FeatureState;
  readonly thread: FeatureThread;
  readonly comments: FeatureComments;
  /** This feature's DOM writes (restored on cleanup, and with the whole view on destroy). */
  readonly journal: DomJournal;
  /** Add CSS to the page's one Threadlight stylesheet (removed on cleanup). */
  addStyles(css: string): void;
  readonly toolbar: FeatureToolbar;
  readonly keys: FeatureKeys;
  /** The page's look at the section (font, colours, dark or light). */
  look(): PageLook;
  /** Be told of view changes ('*' for all). Removed on cleanup. */
  on(type: ChangeKind | '*', listener: (change: ViewChange) => void): void;
  /**
   * Run `task` in idle time, in chunks of ~10 ms: it gets the deadline (a performance.now() value) and returns
   * true to be called again for more. Cancelled on cleanup.
   */
  idle(task: (deadline: number) => boolean | void): void;
  /** DOM writes that are Threadlight's own (the view's mutation watcher ignores them). */
  write<T>(change: () => T): T;
  /** Record a contained error: it reaches the popup's diagnostics (PageState.errors). */
  report(error: unknown, where: string): void;
  /** `fn` wrapped so that it never throws into the page (errors are reported). */
  guard<A extends unknown[]>(where: string, fn: (...args: A) => void): (...args: A) => void;
}

export interface FeatureState {
  readonly index: ThreadIndex;
  isCollapsed(id: string): boolean;
  isVisible(id: string): boolean;
  selectedId(): string | null;
  visibleIds(): string[];
  toggle(id: string): void;
  setCollapsed(id: string, collapsed: boolean): void;
  /** Fold or unfold many comments at once (one render, one change event). */
  collapse(ids: Iterable<string>, collapsed: boolean): void;
  collapseAll(): void;
  expandAll(): void;
  reveal(id: string): void;
  select(id: string | null, options?: { scroll?: boolean }): void;
  /** A state field: the feature's own (declared in `fields`) to write, any other to read ("selected", "focus"…). */
  field(name: string): FieldHandle;
  /** The first visible comment on screen (where a reader who has not pressed a key yet is looking), or null. */
  onScreen(): string | null;
  /** This feature's mask: the comments it hides (with their replies), e.g. non-matches in "show only matches". */
  readonly mask: MaskHandle;
}

export interface FieldHandle {
  set(ids: Iterable<string>): void;
  clear(): void;
  has(id: string): boolean;
  ids(): ReadonlySet<string>;
}

export interface MaskHandle {
  /** Hide exactly these (null or empty: none). A reveal() takes comments out of it (ctx.on('mask') tells). */
  set(ids: Iterable<string> | null): void;
  has(id: string): boolean;
  ids(): ReadonlySet<string>;
}

/** Comments a feature adds to the thread (merged comment pages): nodes it inserted through its journal. */
export interface CommentAddition {
  comments: ThreadComment[];
  parts: ReadonlyMap<string, CommentParts>;
}

export interface FeatureThread {
  /** The thread as the view shows it. */
  readonly parsed: ParsedSection;
  /** The page's own parse (what the parser read, before any feature re-nested or extended it). */
  readonly page: ParsedSection;
  readonly index: ThreadIndex;
  parts(id: string): CommentParts | undefined;
  stats(): ThreadStats;
  /** Give the thread another shape (re-nested replies), or null to go back to the page's. Undone on cleanup. */
  reshape(parsed: ParsedSection | null): void;
  /** Add comments (placed in document order; folded, selected and decorated like the page's). Undone on cleanup. */
  add(addition: CommentAddition): void;
}

/** Where a decoration may go in one comment (./placement.ts), and what the decorator knows of it. */
export interface CommentSlot {
  readonly id: string;
  readonly comment: ThreadComment;
  readonly parts: CommentParts;
  /** The parent in the thread model, or null. */
  readonly parent: ThreadComment | null;
  /** The markup shows the nesting: the comment's element sits inside its parent's item, continuation or reply list. */
  readonly nestedInMarkup: boolean;
  readonly hasReplies: boolean;
  /** Inline, right after the author's name (and after earlier decorations there); false when there is no name. */
  afterName(node: Node): boolean;
  /** Before the comment's text, else first in its body. */
  beforeContent(node: Node): void;
  /** Inside the comment's fold bar, first or last; false when it has no bar (no replies). */
  inBar(node: Node, position: 'first' | 'last'): boolean;
}

export interface FeatureComments {
  /**
   * Decorate each comment as the renderer enhances it (the screen first, the rest in idle slices), the comments
   * added later, and again when a comment's place in the thread changes or on refresh(). Insert only through the
   * slot: the core tracks and removes the nodes.
   */
  decorate(decorator: (slot: CommentSlot) => void): void;
  /** Decorate these comments (all when omitted) again. */
  refresh(ids?: Iterable<string>): void;
  /** The comment's element, rendered now if its slice has not come yet. */
  ensureRendered(id: string): void;
}

export interface KeyBinding {
  /** KeyboardEvent.key, lower-cased for letters: 'j', 'Enter', ']', '?'. */
  key: string;
  /** For letters: Shift must be held (true) or not (false). Symbols ignore Shift (it types them on many layouts). */
  shift: boolean;
}

export interface KeyCommand {
  /** Unique among commands: 'next', 'toggleAll', 'previewParent'… */
  id: string;
  /** Heading of the help dialog it is listed under: 'move', 'threads', 'general', or a feature's (i18n help_group_<group>). */
  group: string;
  keys: KeyBinding[];
  /** i18n key of its line in the help dialog. */
  descriptionKey: string;
  /** Do it; return whether something was done (then the key's default action is prevented). */
  run(): boolean;
}

export interface FeatureKeys {
  add(command: KeyCommand): void;
  /** The command (any feature's) a key event triggers, or null. Ctrl, Alt and Meta chords never match. */
  commandFor(event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey'>): KeyCommand | null;
  /** Every feature's commands by help group, in help order. */
  groups(): { group: string; commands: KeyCommand[] }[];
}

export type ToolbarItem =
  | {
      kind: 'button';
      id: string;
      /** Position, lowest first (the core's: 10 collapse-all … 90 figures). */
      order: number;
      label(): string;
      /** A symbol shown before the label (aria-hidden). */
      icon?: string;
      /** Show only the icon; the label stays the accessible name and the tooltip. */
      iconOnly?: boolean;
      disabled?(): boolean;
      /** aria-pressed for on/off buttons. */
      pressed?(): boolean;
      /** Not drawn while true (a control with nothing left to do). */
      hidden?(): boolean;
      run(): void;
    }
  /** A status whose text is empty is not drawn. */
  | { kind: 'status'; id: string; order: number; text(): string }
  | { kind: 'custom'; id: string; order: number; render(): ComponentChild };

export interface FeatureToolbar {
  add(item: ToolbarItem): void;
  /** Draw the toolbar again (a label or a figure changed). */
  refresh(): void;
  /** Say something to screen readers (the toolbar's polite live region). */
  announce(text: string): void;
  /** Every feature's items, in order (what the toolbar feature draws). */
  items(): ToolbarItem[];
  /** Be told when items come, go or refresh(); returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Be told of announce() calls; returns the unsubscribe function. */
  onAnnounce(listener: (text: string) => void): () => void;
}
