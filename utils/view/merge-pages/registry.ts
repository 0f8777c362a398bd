/**
 * The merge feature of each enhanced section, for the content script (PageState.merge, the popup's "Show all pages"):
 * the view keeps its features to itself, so the feature registers what the page session may ask of it here.
 */
import type { PageMergeState } from '@/utils/messaging/protocol';

export interface MergeHandle {
  /** What the popup shows: available, loading, done (with each page's problem), or declined for the dialect. */
  snapshot(): PageMergeState;
  /** Start loading (or retry the missing pages); false when there is nothing to do. */
  start(): boolean;
}

const handles = new WeakMap<Element, MergeHandle>();

/** Register the handle of the section at `root`; returns its removal. */
export function registerMergeHandle(root: Element, handle: MergeHandle): () => void {
  handles.set(root, handle);
  return () => {
    if (handles.get(root) === handle) handles.delete(root);
  };
}

export function mergeHandleOf(root: Element): MergeHandle | null {
  return handles.get(root) ?? null;
}
