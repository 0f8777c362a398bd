/**
 * 'renest': the page's own comment element is MOVED (never cloned) into its probable parent's list of replies,
 * so the theme's styles, the native Reply link and comment-reply.js keep working. Every move and every list we
 * create is recorded; undo() puts each node back before its old next sibling, newest move first, and removes
 * the lists: the section's outerHTML is what it was.
 */
import type { CommentParts, ParsedSection } from '@/utils/parse/types';
import type { ThreadComment } from '@/utils/thread/types';
import { ATTR_INFERRED_LIST } from '@/utils/view/dom-contract';

interface Move {
  node: Element;
  parent: Node;
  next: Node | null;
}

export class RenestJournal {
  private readonly moves: Move[] = [];
  private readonly lists: Element[] = [];
  /** The page's own reply lists, to copy (undefined: not looked for yet). */
  private template: Element | null | undefined;

  constructor(private readonly section: ParsedSection) {}

  get size(): number {
    return this.moves.length;
  }

  /** Move comment `childId` to the end of `parentId`'s replies; false (nothing done) when missing or unsafe. */
  move(childId: string, parentId: string): boolean {
    const child = this.section.parts.get(childId)?.element;
    const parent = this.section.parts.get(parentId)?.element;
    if (!child || !parent || child === parent || child.contains(parent) || !child.parentNode) return false;
    const list = this.replyListOf(parent, this.section.parts.get(parentId)?.body ?? null);
    this.moves.push({ node: child, parent: child.parentNode, next: child.nextSibling });
    list.append(child);
    return true;
  }

  /** Put everything back, newest move first (each old next sibling is then where it was). */
  undo(): void {
    for (let i = this.moves.length - 1; i >= 0; i--) {
      const { node, parent, next } = this.moves[i]!;
      parent.insertBefore(node, next && next.parentNode === parent ? next : null);
    }
    this.moves.length = 0;
    for (const list of this.lists.splice(0)) list.remove();
  }

  /** The element that holds `parent`'s replies: its own reply list, or a new one made like the page's. */
  private replyListOf(parent: Element, body: Element | null): Element {
    for (const child of parent.children) {
      if ((child.tagName === 'OL' || child.tagName === 'UL') && child !== body && !(body && child.contains(body))) {
        return child;
      }
    }
    // style=div: WordPress prints replies straight inside the parent item, after its body.
    if (parent.tagName !== 'LI') return parent;
    this.template ??= existingReplyList(this.section);
    const tag = (this.template ?? parent.parentElement)?.tagName === 'UL' ? 'ul' : 'ol';
    const list = parent.ownerDocument.createElement(tag);
    if (this.template) {
      if (this.template.className) list.className = this.template.className;
    } else if (!parent.parentElement?.classList.contains('wp-block-comment-template')) {
      list.className = 'children'; // Walker_Comment's class; block themes nest a bare <ol>
    }
    list.setAttribute(ATTR_INFERRED_LIST, '');
    parent.append(list);
    this.lists.push(list);
    return list;
  }
}

/** A reply list the page already has: the list of a comment item that sits inside another comment item. */
function existingReplyList(section: ParsedSection): Element | null {
  const items = new Set([...section.parts.values()].map((parts: CommentParts) => parts.element));
  for (const item of items) {
    const list = item.parentElement;
    if (list && (list.tagName === 'OL' || list.tagName === 'UL') && list.parentElement && items.has(list.parentElement)) {
      return list;
    }
  }
  return null;
}

/**
 * The thread as it reads after the moves: each moved comment under its parent, depths recomputed, comments in
 * the new page order (pre-order; moved replies follow their parent's earlier replies, in page order).
 */
export function renestedThreadComments(comments: readonly ThreadComment[], parents: ReadonlyMap<string, string>): ThreadComment[] {
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  const parentOf = (comment: ThreadComment) => parents.get(comment.id) ?? comment.parentId;
  const children = new Map<string | null, ThreadComment[]>();
  for (const comment of comments) {
    const parentId = parentOf(comment);
    const key = parentId !== null && byId.has(parentId) ? parentId : null;
    const siblings = children.get(key) ?? [];
    siblings.push(comment);
    children.set(key, siblings);
  }
  const ordered: ThreadComment[] = [];
  const visit = (parentKey: string | null, depth: number) => {
    for (const comment of children.get(parentKey) ?? []) {
      if (ordered.length > comments.length) return; // a cycle in the input: stop rather than loop
      ordered.push({ ...comment, parentId: parentKey, depth });
      visit(comment.id, depth + 1);
    }
  };
  visit(null, 1);
  return ordered;
}
