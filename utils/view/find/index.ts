/**
 * Find in thread (issue #13): `/` (or the toolbar's ⌕) opens a search field in the toolbar. It matches the comments'
 * text and author names, ignoring case and accents (utils/find/), merged pages included; "3 / 12" beside it, the
 * toolbar's live region says "12 matches in 5 comments" / "Match 3 of 12". Enter / Shift+Enter step through the
 * matches, unfolding what hides the current one and scrolling to it. Matches are drawn with the CSS Custom Highlight
 * API (the comments' DOM is never rewritten) and marked with the `match` field; "only matching comments" is this
 * feature's mask (matches and their parents). Escape (or ×) puts the view back as it was when the field opened:
 * folds, masks, cursor and scroll position.
 */
import { createRef, h } from 'preact';
import { FindField } from '@/components/view/FindField';
import { withAncestors } from '@/utils/find/context';
import { createFindIndex, stepMatch, type FindIndex, type FindResults } from '@/utils/find/find-index';
import { createFindHighlighter, FIND_HIGHLIGHT_CSS, platformHighlights, type FindHighlighter } from '@/utils/find/highlight';
import { findCountText, findStatusText } from '@/utils/find/messages';
import { label } from '@/utils/view/core/labels';
import { defineViewFeature } from '@/utils/view/core/feature';
import { key } from '@/utils/view/core/registries';
import { scrollToElement } from '@/utils/view/core/scroll-anchor';
import type { FeatureContext } from '@/utils/view/core/types';

/** The view as it was when the field opened (what Escape restores). */
interface SavedView {
  collapsed: Set<string>;
  selected: string | null;
  scroll: { x: number; y: number } | null;
  focus: Element | null;
}

const FIELD_MATCH = 'match';

function buildIndex(ctx: FeatureContext): FindIndex {
  const sources = ctx.thread.parsed.thread.comments.flatMap((comment) => {
    const parts = ctx.thread.parts(comment.id);
    if (!parts) return [];
    return [{ id: comment.id, name: parts.name, text: parts.content ?? parts.body, exclude: parts.replyLink ? [parts.replyLink] : [] }];
  });
  return createFindIndex(sources);
}

export const findFeature = defineViewFeature({
  id: 'find',
  fields: [FIELD_MATCH],
  enabled: (_options, section) => section.primary,
  setup(ctx) {
    const { doc, state } = ctx;
    const view = doc.defaultView;
    const matchField = state.field(FIELD_MATCH);
    const inputRef = createRef<HTMLInputElement>();
    let highlighter: FindHighlighter | null = null;
    let index: FindIndex | null = null;
    let open = false;
    let query = '';
    let results: FindResults | null = null;
    let current: number | null = null;
    let onlyMatches = false;
    let saved: SavedView | null = null;
    ctx.addStyles(FIND_HIGHLIGHT_CSS);

    const highlights = () => (highlighter ??= createFindHighlighter(view ? platformHighlights(view) : null));
    const count = () => (results && query.trim() !== '' ? findCountText(current, results.total) : '');

    const draw = () => {
      const ranges: Range[] = [];
      let currentRange: Range | null = null;
      for (const match of results?.matches ?? []) {
        const range = match.toRange();
        if (!range) continue;
        ranges.push(range);
        if (match.index === current) currentRange = range;
      }
      if (ranges.length > 0) highlights().show(ranges, currentRange);
      else highlighter?.clear();
    };

    const applyMask = () => {
      if (!onlyMatches || !results || results.total === 0) {
        state.mask.set(null);
        return;
      }
      const shown = withAncestors(results.commentIds, ctx.thread.parsed.thread.comments);
      state.mask.set(state.index.ids.filter((id) => !shown.has(id)));
    };

    const search = (announce: boolean) => {
      index ??= buildIndex(ctx);
      results = query.trim() === '' ? null : index.search(query);
      current = null;
      matchField.set(results?.commentIds ?? []);
      applyMask();
      draw();
      ctx.toolbar.refresh();
      if (announce && results) ctx.toolbar.announce(findStatusText(null, results));
    };

    const step = (direction: 1 | -1) => {
      if (!results || results.total === 0) return;
      current = stepMatch(results.matches.length, current, direction);
      const match = current === null ? undefined : results.matches[current];
      if (!match) return;
      // Unfold what hides it (and lift a mask over it), then bring it to the middle of the screen.
      if (!state.isVisible(match.commentId)) state.reveal(match.commentId);
      ctx.comments.ensureRendered(match.commentId);
      const range = match.toRange();
      const target = range?.startContainer.parentElement ?? ctx.thread.parts(match.commentId)?.body ?? null;
      if (target) scrollToElement(target, 'center');
      draw();
      ctx.toolbar.refresh();
      ctx.toolbar.announce(findStatusText(current, results));
    };

    const focusField = (tries = 40) => {
      const input = inputRef.current;
      if (input && input.isConnected) {
        input.focus({ preventScroll: true });
        if ((input.getRootNode() as Document | ShadowRoot).activeElement === input) return;
      }
      // The toolbar shows while the section is on screen: it may be drawing, or the page scrolling to the section.
      if (tries > 0) setTimeout(() => !ctx.signal.aborted && open && focusField(tries - 1), 50);
    };

    const openField = () => {
      if (!open) {
        saved = {
          collapsed: new Set(state.index.ids.filter((id) => state.isCollapsed(id))),
          selected: state.selectedId(),
          scroll: view ? { x: view.scrollX, y: view.scrollY } : null,
          focus: doc.activeElement,
        };
        open = true;
        // The field lives in the toolbar, shown while the section is on screen.
        const box = ctx.root.getBoundingClientRect();
        if (view && (box.bottom < 0 || box.top > view.innerHeight)) scrollToElement(ctx.root, 'start');
        ctx.toolbar.refresh();
        if (query) search(false);
      }
      focusField();
      inputRef.current?.select();
      return true;
    };

    /** Close the field and put the view back as it was when it opened. */
    const closeField = () => {
      if (!open) return;
      open = false;
      highlighter?.clear();
      matchField.clear();
      state.mask.set(null);
      results = null;
      current = null;
      const before = saved;
      saved = null;
      if (before) {
        const ids = state.index.ids;
        state.collapse(
          ids.filter((id) => before.collapsed.has(id) && !state.isCollapsed(id)),
          true,
        );
        state.collapse(
          ids.filter((id) => !before.collapsed.has(id) && state.isCollapsed(id)),
          false,
        );
        state.select(before.selected, { scroll: false });
        const scroll = before.scroll;
        if (scroll && view) {
          const back = () => view.scrollTo({ left: scroll.x, top: scroll.y, behavior: 'instant' });
          back();
          // Folding keeps the comment on screen in place at the next frame (keepInPlace): come back after it.
          if (typeof view.requestAnimationFrame === 'function') view.requestAnimationFrame(back);
        }
        const focus = before.focus as HTMLElement | null;
        if (focus && focus !== doc.body && focus.isConnected && typeof focus.focus === 'function') focus.focus({ preventScroll: true });
      }
      ctx.toolbar.refresh();
    };

    ctx.toolbar.add({
      kind: 'custom',
      id: 'find',
      order: 75,
      render: () =>
        h(FindField, {
          open,
          query,
          count: count(),
          found: (results?.total ?? 0) > 0,
          onlyMatches,
          labels: {
            open: label('view_find_open'),
            field: label('view_find_label'),
            next: label('view_find_next'),
            previous: label('view_find_previous'),
            onlyMatches: label('view_find_only_matches'),
            close: label('view_find_close'),
          },
          inputRef,
          onOpen: ctx.guard('open', () => void openField()),
          onInput: ctx.guard('input', (value: string) => {
            query = value;
            search(true);
          }),
          onStep: ctx.guard('step', step),
          onToggleOnly: ctx.guard('only matches', () => {
            onlyMatches = !onlyMatches;
            applyMask();
            ctx.toolbar.refresh();
          }),
          onClose: ctx.guard('close', closeField),
        }),
    });
    ctx.keys.add({ id: 'find', group: 'general', keys: [key('/')], descriptionKey: 'help_key_find', run: openField });
    // Escape anywhere in the page closes the field too (before the keyboard feature's Escape, which clears the cursor).
    doc.addEventListener(
      'keydown',
      ctx.guard('escape', (event: KeyboardEvent) => {
        // The keyboard help, open above it, takes its own Escape first.
        if (!open || event.key !== 'Escape' || event.defaultPrevented || doc.querySelector('threadlight-help')) return;
        closeField();
        event.preventDefault();
      }),
      { capture: true, signal: ctx.signal },
    );
    // Comments came or went (merged pages, the page's own): index again, search again.
    ctx.on('thread', () => {
      index = null;
      if (open && query) search(false);
    });
    return () => highlighter?.clear();
  },
});
