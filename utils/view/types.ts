/**
 * The contract between the in-page view's core (enhance, collapse, restore) and the features that
 * drive it (keyboard navigation, previews, inferred links, the popup's participant focus).
 */
import type { ParsedSection } from '@/utils/parse/types';
import type { ThreadlightOptions } from '@/utils/storage/options';

/** One enhanced comment section. All methods are safe to call with unknown ids (they do nothing). */
export interface ViewController {
  readonly parsed: ParsedSection;
  /** The section root, marked data-threadlight="enhanced". */
  readonly root: Element;
  isCollapsed(id: string): boolean;
  setCollapsed(id: string, collapsed: boolean): void;
  toggle(id: string): void;
  collapseAll(): void;
  expandAll(): void;
  /** Expand every collapsed ancestor so the comment is visible. */
  reveal(id: string): void;
  /** Is the comment currently visible (not inside a collapsed or hidden thread)? */
  isVisible(id: string): boolean;
  /** The selected comment (keyboard cursor), or null. Selecting reveals and scrolls it into view. */
  selectedId(): string | null;
  select(id: string | null, options?: { scroll?: boolean }): void;
  /** Re-apply options live (highlight, auto-collapse, pingbacks, inference, keys). */
  applyOptions(options: ThreadlightOptions): void;
  /** The options last applied. */
  currentOptions(): ThreadlightOptions;
  /** Visible comment ids, in page order. */
  visibleIds(): string[];
  /** Mark these comments data-threadlight-focus (the popup's participant focus); an empty list clears it. */
  setFocus(ids: readonly string[]): void;
  /**
   * The thread changed (comments added or removed by the page, parents inferred by a feature): re-index,
   * enhance the new comments, keep the collapse state of the others. `parsed` replaces `controller.parsed`.
   */
  update(parsed: ParsedSection): void;
  /** Be told after the view changed; returns the unsubscribe function. */
  onChange(listener: (change: ViewChange) => void): () => void;
  /** Remove every trace of Threadlight: the section's outerHTML is exactly what it was before. */
  destroy(): void;
}

/** What changed in a view: collapse/visibility, the selection, the participant focus, the thread, the options. */
export interface ViewChange {
  type: 'collapse' | 'select' | 'focus' | 'thread' | 'options';
}

/** Builds a feature on top of a mounted view (keyboard, previews, inferred links…). */
export type ViewFeatureFactory = (controller: ViewController) => ViewFeature;

/** A feature plugged into a view (keyboard, previews, inferred links…): set up on mount, torn down on destroy. */
export interface ViewFeature {
  /** Called after the view is mounted, and again with new options on every change. */
  apply(options: ThreadlightOptions): void;
  /** Undo everything this feature did to the page. */
  destroy(): void;
}
