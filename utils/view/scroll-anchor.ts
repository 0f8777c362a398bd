/**
 * Keep the reader's place: run a DOM change and scroll so that an anchor element stays where it was on screen.
 * Two layout reads per call (before and after), never one per comment.
 */

/** Run `change` keeping `anchor`'s top edge at the same viewport position. */
export function keepInPlace(anchor: Element | null, change: () => void): void {
  const view = anchor?.ownerDocument.defaultView;
  if (!anchor || !view || !anchor.isConnected) {
    change();
    return;
  }
  const before = anchor.getBoundingClientRect().top;
  change();
  if (!anchor.isConnected) return;
  const rect = anchor.getBoundingClientRect();
  // A hidden anchor has an empty box: nothing sensible to keep.
  if (rect.width === 0 && rect.height === 0) return;
  const shift = rect.top - before;
  if (Math.abs(shift) >= 1) view.scrollBy({ top: shift, behavior: 'instant' as ScrollBehavior });
}

/**
 * The first of `elements` (in page order, visible ones only) whose box reaches below the viewport's top edge:
 * the one the reader is looking at. Binary search, so a handful of layout reads on 5,000 comments.
 */
export function firstOnScreen(elements: readonly Element[]): Element | null {
  if (elements.length === 0) return null;
  let low = 0;
  let high = elements.length - 1;
  let found: Element | null = null;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const element = elements[middle]!;
    if (element.getBoundingClientRect().bottom > 0) {
      found = element;
      high = middle - 1;
    } else {
      low = middle + 1;
    }
  }
  return found;
}

/** Does the reader prefer less motion? */
export function prefersReducedMotion(view: Window | null): boolean {
  try {
    return view?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  } catch {
    return false;
  }
}

/** Bring an element into view (quietly does nothing where scrolling is not implemented, e.g. jsdom). */
export function scrollToElement(element: Element, block: ScrollLogicalPosition = 'nearest'): void {
  if (typeof element.scrollIntoView !== 'function') return;
  const smooth = !prefersReducedMotion(element.ownerDocument.defaultView);
  element.scrollIntoView({ block, inline: 'nearest', behavior: smooth ? 'smooth' : 'auto' });
}
