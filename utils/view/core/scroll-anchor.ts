/**
 * Keep the reader's place: run a DOM change and scroll so that an anchor element stays where it was on screen.
 * Two layout reads per call (before and after), never one per comment.
 */

/**
 * Run `change` keeping `anchor`'s top edge at the same viewport position (or at `minTop`, when it was above
 * that). The position before is read now
 * (layout is clean); the one after is read in the next animation frame, before it paints: the browser lays the
 * page out once, for the frame, instead of once more inside our click handler.
 */
export function keepInPlace(anchor: Element | null, change: () => void, minTop = -Infinity): void {
  const view = anchor?.ownerDocument.defaultView;
  if (!anchor || !view || !anchor.isConnected) {
    change();
    return;
  }
  const before = Math.max(anchor.getBoundingClientRect().top, minTop);
  change();
  const settle = () => {
    if (!anchor.isConnected) return;
    const rect = anchor.getBoundingClientRect();
    // A hidden anchor has an empty box: nothing sensible to keep.
    if (rect.width === 0 && rect.height === 0) return;
    const shift = rect.top - before;
    if (Math.abs(shift) >= 1) view.scrollBy({ top: shift, behavior: 'instant' as ScrollBehavior });
  };
  if (typeof view.requestAnimationFrame === 'function') view.requestAnimationFrame(settle);
  else settle();
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

/**
 * The comment under the top of the viewport inside `section` (the one being read), found by hit-testing a few
 * points instead of measuring comments: comments far off screen are never laid out (content-visibility) and
 * measuring them would force that work. `commentOf` maps a hit element to its comment id (climbing to the
 * comment's own element). Null when the section starts on screen (then nothing above the reader moves) or when
 * no comment is there.
 */
export function commentAtViewportTop(section: Element, commentOf: (element: Element) => string | null): string | null {
  const doc = section.ownerDocument;
  const view = doc.defaultView;
  if (!view || typeof doc.elementFromPoint !== 'function') return null;
  const box = section.getBoundingClientRect();
  if (box.top >= 0 || box.bottom <= 0 || box.width === 0) return null;
  const x = Math.min(Math.max(box.left + box.width / 2, 0), view.innerWidth - 1);
  // A few heights: a sticky header may cover the very top.
  for (const y of [4, 48, 96, 160, 240]) {
    if (y >= view.innerHeight) break;
    const hit = doc.elementFromPoint(x, y);
    const id = hit && section.contains(hit) ? commentOf(hit) : null;
    if (id !== null) return id;
  }
  return null;
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
