import { walkCommentItems, type CommentItem } from '@/utils/detect/comment-items';

/** A comment item with the elements that belong to it alone. */
export interface ScannedItem {
  item: CommentItem;
  /**
   * The item's own elements in document order, the item element first: its subtree minus the subtrees of the
   * comments nested in it. Fields are read from here only, so a parent never picks up a reply's author, and the
   * whole section is read once (linear, whatever the nesting depth).
   */
  own: Element[];
  /** Class tokens of each own element (parallel to `own`). */
  ownTokens: string[][];
  /** Tag name of each own element (parallel to `own`). */
  ownTags: string[];
  /** The core walkers' `#div-comment-N` body, when the markup has one. */
  divCommentHost: Element | null;
  /** Index of the nearest enclosing item (DOM nesting), or -1. */
  domParent: number;
  /** Indexes of the items directly nested in this one. */
  domChildren: number[];
}

/** Splits a section's DOM between its comment items (in document order), in one walk. */
export function scanSection(root: Element): ScannedItem[] {
  const walk = walkCommentItems(root);
  const scanned: ScannedItem[] = walk.items.map((item, i) => ({ item, own: walk.own[i]!, ownTokens: walk.ownTokens[i]!, ownTags: walk.ownTags[i]!, divCommentHost: walk.divCommentHosts[i] ?? null, domParent: walk.domParent[i]!, domChildren: [] }));
  scanned.forEach((entry, i) => {
    if (entry.domParent >= 0) scanned[entry.domParent]!.domChildren.push(i);
  });
  return scanned;
}
