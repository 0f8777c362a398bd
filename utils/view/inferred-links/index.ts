/**
 * Inferred replies (options.inferReplies), on flat threads only (a nested thread already says who answers whom),
 * computed in idle time: 'links' writes "probably in reply to NAME" on each reply inferReplies finds
 * (utils/thread/infer-replies.ts); 'renest' also moves the reply's own element under its probable parent and gives
 * the view the thread's new shape. The replies concerned carry the "inferred" field (data-threadlight-inferred),
 * which tells the preview feature that their note already names the parent. Switching modes or turning it off
 * puts the page back exactly as it was.
 */
import type { ParsedSection } from '@/utils/parse/types';
import { inferReplies, type InferredLink } from '@/utils/thread/infer-replies';
import type { ThreadComment } from '@/utils/thread/types';
import { defineViewFeature } from '@/utils/view/core/feature';
import { ATTR_INFERRED_PARENT } from '@/utils/view/dom-contract';
import { createReplyNote, NOTE_CSS } from './reply-note';
import { RenestJournal, renestedThreadComments } from './renest';

const FIELD = 'inferred';

export const inferredLinksFeature = defineViewFeature({
  id: 'inferred-links',
  fields: [FIELD],
  enabled: (options, section) => options.inferReplies !== 'off' && section.flat,
  restartOn: ['inferReplies'],
  setup(ctx) {
    const mode = ctx.options().inferReplies;
    const field = ctx.state.field(FIELD);
    let links = new Map<string, InferredLink>();
    let renest: RenestJournal | null = null;
    let reshaping = false;

    ctx.addStyles(NOTE_CSS);
    ctx.comments.decorate((slot) => {
      const link = links.get(slot.id);
      const parent = link && ctx.state.index.byId.get(link.parentId);
      const parentParts = link && ctx.thread.parts(link.parentId);
      if (!link || !parent || !parentParts) return;
      slot.beforeContent(
        createReplyNote(ctx.doc, {
          parentId: parent.id,
          parentName: parent.author.name,
          href: parentParts.element.id ? `#${parentParts.element.id}` : (parent.permalink ?? '#'),
          moved: renest !== null,
        }),
      );
    });
    // Following the note's link selects the probable parent (the preview feature, when on, does it first).
    ctx.root.addEventListener(
      'click',
      ctx.guard('click', (event: Event) => {
        const link = (event.target as Element | null)?.closest?.(`[${ATTR_INFERRED_PARENT}] a`);
        if (!link || event.defaultPrevented || !ctx.root.contains(link)) return;
        event.preventDefault();
        ctx.state.select(link.closest(`[${ATTR_INFERRED_PARENT}]`)!.getAttribute(ATTR_INFERRED_PARENT));
      }),
      { signal: ctx.signal },
    );

    const show = (found: InferredLink[]) => {
      const before = new Set(links.keys());
      links = new Map(found.map((link) => [link.childId, link]));
      field.set(links.keys());
      ctx.comments.refresh(new Set([...before, ...links.keys()]));
    };

    const infer = () => {
      const page = ctx.thread.page;
      const found = inferReplies(page.thread);
      if (mode !== 'renest') {
        show(found);
        return;
      }
      const journal = new RenestJournal(page);
      renest = journal;
      const moved = ctx.write(() => found.filter((link) => journal.move(link.childId, link.parentId)));
      if (moved.length > 0) {
        const parents = new Map(moved.map((link) => [link.childId, link.parentId]));
        reshaping = true;
        try {
          ctx.thread.reshape({ ...withComments(page, inDomOrder(ctx.root, page, parents)), parts: journal.partsAfter() });
        } finally {
          reshaping = false;
        }
      }
      show(moved);
    };

    // Reading every comment's text is the costly part: in idle time, after the view is on screen.
    ctx.idle(() => {
      infer();
    });
    ctx.on('thread', () => {
      // The page added or removed comments: infer again ('links'; moved replies stay where they are).
      if (reshaping || mode !== 'links') return;
      ctx.idle(() => {
        infer();
      });
    });

    return () => {
      // The view then forgets our reshape and reads the page again, as it now is.
      if (renest) ctx.write(() => renest!.undo());
      renest = null;
    };
  },
});

function withComments(parsed: ParsedSection, comments: ThreadComment[]): ParsedSection {
  return { ...parsed, thread: { ...parsed.thread, comments } };
}

/** The comments with `parents` overriding their parent, in the page's current document order (pre-order). */
function inDomOrder(root: Element, parsed: ParsedSection, parents: ReadonlyMap<string, string | null>): ThreadComment[] {
  const position = new Map<Element, number>();
  const all = root.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) position.set(all[i]!, i);
  const place = (comment: ThreadComment) => {
    const element = parsed.parts.get(comment.id)?.element;
    return (element && position.get(element)) ?? Number.MAX_SAFE_INTEGER;
  };
  const sorted = [...parsed.thread.comments].sort((a, b) => place(a) - place(b));
  const overridden = sorted.map((comment) =>
    parents.has(comment.id) ? { ...comment, parentId: parents.get(comment.id) ?? null } : comment,
  );
  return renestedThreadComments(overridden, new Map());
}
