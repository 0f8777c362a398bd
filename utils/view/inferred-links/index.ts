/**
 * Inferred replies in the page (options.inferReplies): 'links' writes "probably in reply to NAME" on each reply
 * inferReplies finds (utils/thread/infer-replies.ts); 'renest' also moves the reply's own element under its
 * probable parent and tells the view core the new parents; 'off' does nothing. apply() switches modes live;
 * destroy() (and every switch) puts the page back exactly as it was.
 */
import type { ParsedSection } from '@/utils/parse/types';
import type { ReplyInference, ThreadlightOptions } from '@/utils/storage/options';
import { inferReplies, type InferredLink } from '@/utils/thread/infer-replies';
import type { Thread, ThreadComment } from '@/utils/thread/types';
import type { ViewController, ViewFeature } from '@/utils/view/types';
import { createReplyNote, noteInsertionPoint } from './reply-note';
import { RenestJournal, renestedThreadComments } from './renest';

/** The inferred-links feature of one view. */
export function createInferredLinksFeature(controller: ViewController): ViewFeature {
  let mode: ReplyInference = 'off';
  let destroyed = false;
  let notes: Element[] = [];
  let renest: { journal: RenestJournal; originalParents: Map<string, string | null> } | null = null;
  /** The ParsedSection we last gave the core, and the one it replaced (our own updates are not page changes). */
  let ownUpdate: { given: ParsedSection; replaced: ParsedSection } | null = null;
  let updating = false;

  const doc = controller.root.ownerDocument;

  /** The page's own thread: what the parser says, not what we told the core after moving comments. */
  const pageThread = (): Thread =>
    (ownUpdate && controller.parsed === ownUpdate.given ? ownUpdate.replaced : controller.parsed).thread;

  const updateCore = (parsed: ParsedSection, replaced: ParsedSection | null) => {
    updating = true;
    try {
      controller.update(parsed);
      ownUpdate = replaced ? { given: parsed, replaced } : null;
    } finally {
      updating = false;
    }
  };

  function showNotes(links: InferredLink[], moved: boolean): void {
    const { elements, bodies } = controller.parsed;
    const foreign = new Set(elements.values());
    const byId = new Map(pageThread().comments.map((comment) => [comment.id, comment]));
    for (const link of links) {
      const parent = byId.get(link.parentId);
      const body = bodies.get(link.childId) ?? elements.get(link.childId);
      if (!parent || !body || !elements.has(link.parentId)) continue;
      const note = createReplyNote(doc, {
        parentId: link.parentId,
        parentName: parent.author.name,
        href: hrefOf(elements.get(link.parentId)!, parent),
        moved,
        onFollow: () => controller.select(link.parentId, { scroll: true }),
      });
      const point = noteInsertionPoint(body, withoutSelf(foreign, elements.get(link.childId)));
      point.parent.insertBefore(note, point.before);
      notes.push(note);
    }
  }

  function renestReplies(links: InferredLink[]): InferredLink[] {
    const before = controller.parsed;
    const journal = new RenestJournal(before);
    const originalParents = new Map(before.thread.comments.map((comment) => [comment.id, comment.parentId]));
    const moved = links.filter((link) => journal.move(link.childId, link.parentId));
    renest = { journal, originalParents };
    if (moved.length > 0) {
      const parents = new Map(moved.map((link) => [link.childId, link.parentId]));
      updateCore(withComments(before, inDomOrder(controller.root, before, parents)), before);
    }
    return moved;
  }

  function undoRenest(): void {
    if (!renest) return;
    const { journal, originalParents } = renest;
    renest = null;
    const hadMoves = journal.size > 0;
    journal.undo();
    if (!hadMoves) return;
    if (ownUpdate && controller.parsed === ownUpdate.given) {
      updateCore(ownUpdate.replaced, null);
    } else {
      // The core re-read the page meanwhile: give back the original parents of what we moved.
      const current = controller.parsed;
      const parents = new Map<string, string | null>();
      for (const comment of current.thread.comments) {
        if (originalParents.has(comment.id)) parents.set(comment.id, originalParents.get(comment.id) ?? null);
      }
      updateCore(withComments(current, inDomOrder(controller.root, current, parents)), null);
    }
  }

  function removeNotes(): void {
    for (const note of notes) note.remove();
    notes = [];
  }

  function teardown(): void {
    removeNotes();
    undoRenest();
  }

  function setup(next: ReplyInference): void {
    if (next === 'off') return;
    const links = inferReplies(pageThread());
    if (next === 'renest') showNotes(renestReplies(links), true);
    else showNotes(links, false);
  }

  function safely(where: string, run: () => void): void {
    try {
      run();
    } catch (error) {
      // Never throw into the page: drop what was done and stay off.
      console.debug(`[threadlight] inferred links (${where}):`, error);
      try {
        teardown();
      } catch {
        // Nothing more can be done safely.
      }
      mode = 'off';
    }
  }

  const unsubscribe = controller.onChange((change) => {
    // The page added or removed comments: infer again (moved comments stay where they are until the next switch).
    if (change.type !== 'thread' || updating || destroyed || mode !== 'links') return;
    safely('thread change', () => {
      removeNotes();
      setup('links');
    });
  });

  return {
    apply(options: ThreadlightOptions) {
      if (destroyed || options.inferReplies === mode) return;
      safely('apply', () => {
        teardown();
        mode = options.inferReplies;
        setup(mode);
      });
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      unsubscribe();
      safely('destroy', teardown);
      mode = 'off';
    },
  };
}

function withoutSelf(elements: ReadonlySet<Element>, self: Element | undefined): ReadonlySet<Element> {
  if (!self) return elements;
  const others = new Set(elements);
  others.delete(self);
  return others;
}

function hrefOf(element: Element, comment: ThreadComment): string {
  if (element.id) return `#${element.id}`;
  return comment.permalink ?? '#';
}

function withComments(parsed: ParsedSection, comments: ThreadComment[]): ParsedSection {
  return { ...parsed, thread: { ...parsed.thread, comments } };
}

/** The comments with `parents` overriding their parent, in the page's current document order (pre-order). */
function inDomOrder(root: Element, parsed: ParsedSection, parents: ReadonlyMap<string, string | null>): ThreadComment[] {
  const position = new Map<Element, number>();
  const all = root.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) position.set(all[i]!, i);
  const place = (comment: ThreadComment) => {
    const element = parsed.elements.get(comment.id);
    return (element && position.get(element)) ?? Number.MAX_SAFE_INTEGER;
  };
  const sorted = [...parsed.thread.comments].sort((a, b) => place(a) - place(b));
  const overridden = sorted.map((comment) =>
    parents.has(comment.id) ? { ...comment, parentId: parents.get(comment.id) ?? null } : comment,
  );
  return renestedThreadComments(overridden, new Map());
}
