/**
 * 'renest': the page's own comment element is MOVED (never cloned) into its probable parent's list of replies,
 * so the theme's styles, the native Reply link and comment-reply.js keep working. Where the list goes and what it
 * looks like come from the parser (CommentParts.replies, .continuation) and the section's dialect profile
 * (`replies.afterClasses`: Drupal's `div.indented` follows the item; `direct`: style=div items hold their replies),
 * never from selectors of the view's own. Every move and every list we create is recorded; undo() puts each node
 * back before its old next sibling, newest move first, and removes the lists: the section's outerHTML is what it was.
 */
import type { CommentParts, ParsedSection } from '@/utils/parse/types';
import type { ThreadComment } from '@/utils/thread/types';
import { ATTR_INFERRED_LIST } from '@/utils/view/dom-contract';

interface Move {
  node: Element;
  parent: Node;
  next: Node | null;
}

/** A reply list of the page to copy, and where it sits: inside its comment (or its continuation), or after it. */
interface ListTemplate {
  tag: string;
  className: string;
  after: boolean;
}

export class RenestJournal {
  private readonly moves: Move[] = [];
  private readonly lists: Element[] = [];
  /** Reply lists found or made per parent id (the parser's, or ours). */
  private readonly listOf = new Map<string, Element>();
  /** The page's own reply lists, to copy (undefined: not looked for yet). */
  private template: ListTemplate | null | undefined;

  constructor(private readonly section: ParsedSection) {}

  get size(): number {
    return this.moves.length;
  }

  /** Move comment `childId` to the end of `parentId`'s replies; false (nothing done) when missing or unsafe. */
  move(childId: string, parentId: string): boolean {
    const child = this.section.parts.get(childId);
    const parent = this.section.parts.get(parentId);
    if (!child || !parent || !child.element.parentNode) return false;
    // The comment's nodes, in page order: its item, its continuation (Thesis's dd), the list after it (Drupal).
    const nodes = [child.element, child.continuation, child.replies && child.element.parentNode === child.replies.parentNode ? child.replies : null].filter(
      (node): node is Element => node !== null && node.parentNode !== null,
    );
    if (nodes.some((node) => node === parent.element || node.contains(parent.element))) return false;
    const list = this.replyListOf(parentId, parent);
    if (nodes.includes(list) || nodes.some((node) => node.contains(list))) return false;
    for (const node of nodes) {
      this.moves.push({ node, parent: node.parentNode!, next: node.nextSibling });
      list.append(node);
    }
    return true;
  }

  /**
   * The parts as they read after the moves: each parent that got a list of ours now has it as its `replies`
   * (the view folds it with the comment).
   */
  partsAfter(): Map<string, CommentParts> {
    const parts = new Map(this.section.parts);
    for (const [id, list] of this.listOf) {
      const own = parts.get(id);
      if (own && own.replies !== list) parts.set(id, { ...own, replies: list });
    }
    return parts;
  }

  /** Put everything back, newest move first (each old next sibling is then where it was). */
  undo(): void {
    for (let i = this.moves.length - 1; i >= 0; i--) {
      const { node, parent, next } = this.moves[i]!;
      parent.insertBefore(node, next && next.parentNode === parent ? next : null);
    }
    this.moves.length = 0;
    for (const list of this.lists.splice(0)) list.remove();
    this.listOf.clear();
  }

  /** The element that holds the parent's replies: the parser's, or a new one made like the page's. */
  private replyListOf(parentId: string, parent: CommentParts): Element {
    const known = this.listOf.get(parentId) ?? parent.replies;
    if (known) {
      this.listOf.set(parentId, known);
      return known;
    }
    const profile = this.section.section?.profile;
    const host = parent.continuation ?? parent.element;
    this.template ??= listTemplate(this.section);
    const itemList = parent.element.parentElement;
    // style=div: WordPress prints replies straight inside the parent item, after its body (no list to copy).
    if (!this.template && profile?.replies.direct !== false && host.tagName !== 'LI' && host.tagName !== 'DD' && itemList?.tagName !== 'DL') {
      this.listOf.set(parentId, host);
      return host;
    }
    const after = this.template?.after ?? (profile ? profile.replies.insideTags.length === 0 && profile.replies.afterClasses.length > 0 : false);
    const tag = this.template?.tag ?? (itemList && ['OL', 'UL', 'DL'].includes(itemList.tagName) ? itemList.tagName : after ? 'DIV' : 'OL');
    const list = parent.element.ownerDocument.createElement(tag.toLowerCase());
    if (this.template) {
      if (this.template.className) list.className = this.template.className;
    } else if (after && profile) {
      list.className = profile.replies.afterClasses[0] ?? '';
    } else if (!itemList?.classList.contains('wp-block-comment-template')) {
      list.className = 'children'; // Walker_Comment's class; block themes nest a bare <ol>
    }
    list.setAttribute(ATTR_INFERRED_LIST, '');
    if (after) parent.element.after(list);
    else host.append(list);
    this.lists.push(list);
    this.listOf.set(parentId, list);
    return list;
  }
}

/** A reply list the page already has (the parser's `replies` of some comment that holds it apart from its content). */
function listTemplate(section: ParsedSection): ListTemplate | null {
  for (const parts of section.parts.values()) {
    const { replies, element, body, continuation } = parts;
    if (!replies || replies === element || replies === body || replies === continuation) continue;
    const inside = element.contains(replies) || (continuation !== null && continuation.contains(replies));
    return { tag: replies.tagName, className: replies.getAttribute('class') ?? '', after: !inside };
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
