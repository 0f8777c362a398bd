import type { CommentItem } from '@/utils/detect/comment-items';

/** A comment item with the elements that belong to it alone. */
export interface ScannedItem {
  item: CommentItem;
  /**
   * The item's own elements in document order, the item element first: its subtree minus the subtrees of the
   * comments nested in it. Fields are read from here only, so a parent never picks up a reply's author, and the
   * whole section is read once (linear, whatever the nesting depth).
   */
  own: Element[];
  /** Index of the nearest enclosing item (DOM nesting), or -1. */
  domParent: number;
  /** Indexes of the items directly nested in this one. */
  domChildren: number[];
}

function pushChildrenReversed(stack: Element[], el: Element): void {
  for (let child = el.lastElementChild; child; child = child.previousElementSibling) stack.push(child);
}

/** Splits the section's DOM between its items (items in document order). */
export function scanItems(items: CommentItem[]): ScannedItem[] {
  const indexOf = new Map<Element, number>();
  items.forEach((item, i) => indexOf.set(item.element, i));
  const scanned: ScannedItem[] = items.map((item) => ({ item, own: [], domParent: -1, domChildren: [] }));
  scanned.forEach((entry, i) => {
    const own: Element[] = [entry.item.element];
    const stack: Element[] = [];
    pushChildrenReversed(stack, entry.item.element);
    while (stack.length > 0) {
      const el = stack.pop()!;
      const nested = indexOf.get(el);
      if (nested !== undefined) {
        const child = scanned[nested]!;
        if (child.domParent === -1) {
          child.domParent = i;
          entry.domChildren.push(nested);
        }
        continue;
      }
      own.push(el);
      pushChildrenReversed(stack, el);
    }
    entry.own = own;
  });
  return scanned;
}
