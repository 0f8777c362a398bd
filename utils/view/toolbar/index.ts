/**
 * The floating toolbar: a Preact tree in its own shadow root on <body>, drawing every feature's items (ctx.toolbar)
 * in a labelled region, with the core's own: collapse all, expand all, previous/next author reply, and the thread's
 * figures from the model (utils/thread/stats.ts headlineFigures, the popup's). On the page's main section only, and
 * shown only while that section is on screen.
 */
import { h, render } from 'preact';
import { TOOLBAR_CSS, Toolbar } from '@/components/view/Toolbar';
import { TOOLBAR_TOUCH_TARGET_CSS } from '@/utils/view/touch-targets';
import { headlineFigures } from '@/utils/thread/stats';
import { isAuthorReply } from '@/utils/thread/thread-index';
import { defineViewFeature } from '@/utils/view/core/feature';
import { countLabel, label } from '@/utils/view/core/labels';
import { adjacentAuthorReply, authorReplyFromScreen } from '@/utils/view/core/navigation';
import { applyPageLook, createOverlayHost, OVERLAY_PALETTE_CSS, pageHasLandmarks } from '@/utils/view/core/overlay';
import type { FeatureContext } from '@/utils/view/core/types';

/** One below the preview card, which must cover the toolbar (the help dialog is in the top layer). */
const TOOLBAR_Z_INDEX = 2147483646;

/** "57 comments · 35 threads · 21 participants": the popup's figures, from the same place. */
export function figuresText(ctx: FeatureContext): string {
  const figures = headlineFigures(ctx.thread.stats());
  return [
    countLabel('view_comments', figures.comments),
    countLabel('view_threads', figures.threads),
    countLabel('view_participants', figures.people),
  ].join(' · ');
}

function addCoreItems(ctx: FeatureContext): void {
  const { state } = ctx;
  const authorReplies = () => ctx.thread.stats().postAuthorReplies;
  const stepAuthor = (step: 1 | -1) => {
    const nav = { index: state.index, isVisible: (id: string) => state.isVisible(id) };
    const selected = state.selectedId();
    const target = selected === null ? authorReplyFromScreen(nav, state.onScreen(), step) : adjacentAuthorReply(nav, selected, step);
    if (target !== null) state.select(target);
  };
  ctx.toolbar.add({
    kind: 'button',
    id: 'collapse-all',
    order: 10,
    icon: '▴',
    label: () => label('view_collapse_all'),
    run: () => {
      state.collapseAll();
      ctx.toolbar.announce(label('view_announce_collapsed_all'));
    },
  });
  ctx.toolbar.add({
    kind: 'button',
    id: 'expand-all',
    order: 20,
    icon: '▾',
    label: () => label('view_expand_all'),
    run: () => {
      state.expandAll();
      ctx.toolbar.announce(label('view_announce_expanded_all'));
    },
  });
  ctx.toolbar.add({
    kind: 'button',
    id: 'previous-author-reply',
    order: 40,
    icon: '‹',
    iconOnly: true,
    label: () => label('view_previous_author_reply'),
    disabled: () => authorReplies() === 0,
    run: () => stepAuthor(-1),
  });
  ctx.toolbar.add({ kind: 'status', id: 'author', order: 45, text: () => label('view_author_badge') });
  ctx.toolbar.add({
    kind: 'button',
    id: 'next-author-reply',
    order: 50,
    icon: '›',
    iconOnly: true,
    label: () => label('view_next_author_reply'),
    disabled: () => authorReplies() === 0,
    run: () => stepAuthor(1),
  });
  ctx.toolbar.add({ kind: 'status', id: 'figures', order: 90, text: () => figuresText(ctx) });
}

export const toolbarFeature = defineViewFeature({
  id: 'toolbar',
  enabled: (_options, section) => section.primary,
  setup(ctx) {
    addCoreItems(ctx);
    const { doc } = ctx;
    let drawn: { container: HTMLElement; host: HTMLElement } | null = null;
    let announcement = '';
    const landmark = pageHasLandmarks(doc);

    const draw = ctx.guard('draw', () => {
      if (!drawn) return;
      render(h(Toolbar, { label: label('view_toolbar_label'), landmark, items: ctx.toolbar.items(), announcement }), drawn.container);
    });

    /**
     * The host reads the page's computed colours and font: after the next frame, when the browser has styled the
     * page anyway, rather than forcing that work into the mount.
     */
    const build = ctx.guard('build', () => {
      if (drawn || ctx.signal.aborted) return;
      const overlay = createOverlayHost('toolbar', doc, ctx.journal, TOOLBAR_Z_INDEX);
      applyPageLook(overlay.host, ctx.look());
      const style = doc.createElement('style');
      style.textContent = OVERLAY_PALETTE_CSS + TOOLBAR_CSS + TOOLBAR_TOUCH_TARGET_CSS;
      const container = doc.createElement('div');
      overlay.root.append(style, container);
      drawn = { container, host: overlay.host };
      draw();
      // Only while the comment section is on screen: the toolbar is about it, not about the article.
      const Observer = doc.defaultView?.IntersectionObserver;
      if (typeof Observer === 'function') {
        const host = overlay.host;
        const visibility = new Observer((entries) => {
          const entry = entries[entries.length - 1];
          if (entry) host.style.setProperty('display', entry.isIntersecting ? 'block' : 'none', 'important');
        });
        visibility.observe(ctx.root);
        ctx.signal.addEventListener('abort', () => visibility.disconnect());
      }
    });

    const unsubscribe = ctx.toolbar.subscribe(draw);
    const stopAnnouncing = ctx.toolbar.onAnnounce((text) => {
      // The same text twice is announced twice: clear, then set in the next frame.
      announcement = '';
      draw();
      setTimeout(() => {
        announcement = text;
        draw();
      }, 50);
    });
    for (const type of ['thread', 'collapse', 'select'] as const) ctx.on(type, draw);

    const view = doc.defaultView;
    if (typeof view?.requestAnimationFrame === 'function') view.requestAnimationFrame(() => setTimeout(build, 0));
    else setTimeout(build, 0);

    return () => {
      unsubscribe();
      stopAnnouncing();
      if (drawn) render(null, drawn.container);
      drawn = null;
    };
  },
});
