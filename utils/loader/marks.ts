/**
 * Performance marks read by the benchmark and the e2e suite (and visible from the page's main world):
 * `start` when Threadlight begins on a page (the loader's first line), `bail` when it leaves the page untouched
 * (no comment signals, nothing found, off for the site, failure), `ready` when the thread view is mounted.
 * Kept in their own module so the loader can set them without bundling the rest of Threadlight.
 */
export const MARK_START = 'threadlight:start';
export const MARK_READY = 'threadlight:ready';
export const MARK_BAIL = 'threadlight:bail';
/** Detection done (the first of the content script's tasks on a page with comments). */
export const MARK_DETECTED = 'threadlight:detected';
/** Parsing done. */
export const MARK_PARSED = 'threadlight:parsed';
/** The view's mount begins (options read): from here to threadlight:ready is one task, the mount's. */
export const MARK_MOUNTING = 'threadlight:mounting';
/** Every comment rendered: the last idle-time slice of the view is done (after threadlight:ready). */
export const MARK_RENDERED = 'threadlight:rendered';

export function mark(name: string): void {
  try {
    performance.mark(name);
  } catch {
    // Marks are diagnostics only.
  }
}
