import type { CommentItem, ItemWalk } from '@/utils/detect/comment-items';
import { safeDom } from '@/utils/dom/safe-dom';

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
  /** Index of the item whose following reply list (`div.indented`, a sibling `.children`) holds this one, or -1. */
  afterParent: number;
  /** Indexes of the items directly nested in this one. */
  domChildren: number[];
}

/**
 * The scanned items of one section out of a walk (of the section root, or of the whole page when detection hands
 * its walk over): the items inside `root`, in page order, their parent indexes remapped to that list.
 */
export function scannedItemsOf(walk: ItemWalk, root: Element): ScannedItem[] {
  const dom = safeDom(root);
  const positions = new Map<number, number>();
  const scanned: ScannedItem[] = [];
  walk.items.forEach((item, i) => {
    if (item.element === root || !dom.contains(root, item.element)) return;
    positions.set(i, scanned.length);
    scanned.push({
      item,
      own: walk.own[i]!,
      ownTokens: walk.ownTokens[i]!,
      ownTags: walk.ownTags[i]!,
      divCommentHost: walk.divCommentHosts[i] ?? null,
      domParent: positions.get(walk.domParent[i]!) ?? -1,
      afterParent: positions.get(walk.afterParent[i]!) ?? -1,
      domChildren: [],
    });
  });
  scanned.forEach((entry, i) => {
    if (entry.domParent >= 0) scanned[entry.domParent]!.domChildren.push(i);
  });
  return scanned;
}
