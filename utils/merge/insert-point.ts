/**
 * Where a merged page's units go in the section's comment list: next to the list child that holds the anchor
 * comment's element (the item itself, or the wrapper or sibling reply list around it).
 */
import type { InsertAt } from '@/utils/merge/load-all-pages';

export interface InsertionPoint {
  parent: Element;
  /** Insert before this node (null: append). */
  before: Node | null;
}

/** The point for `insert`, given the anchor comment's element; null when the element is not in `list`. */
export function insertionPoint(list: Element, anchor: Element, position: InsertAt['position']): InsertionPoint | null {
  let unit: Element | null = anchor;
  while (unit && unit.parentElement !== list) unit = unit.parentElement;
  if (!unit) return null;
  return { parent: list, before: position === 'before' ? unit : unit.nextSibling };
}
