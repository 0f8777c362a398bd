/**
 * The floating toolbar (collapse all, expand all, previous/next author reply, thread count): a Preact tree in
 * its own shadow root on <body>, outside the comment section. Shown only while the section is on screen.
 */
import { h, render } from 'preact';
import { TOOLBAR_CSS, Toolbar as ToolbarView } from '@/components/view/Toolbar';
import { TOOLBAR_TOUCH_TARGET_CSS } from './touch-targets';
import { applyPageLook, OVERLAY_PALETTE_CSS, overlayHostStyle, readPageLook } from '@/utils/view/preview/overlay-host';
import { ATTR_UI } from './dom-contract';

export interface ToolbarActions {
  stats(): { comments: number; threads: number; authorReplies: number };
  collapseAll(): void;
  expandAll(): void;
  stepAuthorReply(step: 1 | -1): void;
}

export interface Toolbar {
  /** Re-render (the thread changed). */
  update(): void;
  destroy(): void;
}

/** One below the overlays (help, previews), which must cover the toolbar. */
const TOOLBAR_Z_INDEX = 2147483646;

/** Mount the toolbar for the section `root`. */
export function mountToolbar(doc: Document, root: Element, actions: ToolbarActions): Toolbar {
  const host = doc.createElement('threadlight-toolbar');
  host.setAttribute(ATTR_UI, 'toolbar');
  host.style.cssText = overlayHostStyle(TOOLBAR_Z_INDEX);
  const setVisible = (visible: boolean) => host.style.setProperty('display', visible ? 'block' : 'none', 'important');
  setVisible(true);
  (doc.body ?? doc.documentElement).appendChild(host);
  const shadow = host.attachShadow({ mode: 'open' });
  applyPageLook(host, readPageLook(root));
  const style = doc.createElement('style');
  style.textContent = OVERLAY_PALETTE_CSS + TOOLBAR_CSS + TOOLBAR_TOUCH_TARGET_CSS;
  const container = doc.createElement('div');
  shadow.append(style, container);

  const draw = () => {
    const accent = doc.defaultView?.getComputedStyle(root).getPropertyValue('--threadlight-accent').trim();
    if (accent) host.style.setProperty('--tl-accent', accent);
    render(
      h(ToolbarView, {
        ...actions.stats(),
        onCollapseAll: actions.collapseAll,
        onExpandAll: actions.expandAll,
        onAuthorReply: actions.stepAuthorReply,
      }),
      container,
    );
  };
  draw();

  // Only while the comment section is on screen: the toolbar is about it, not about the article.
  let intersection: IntersectionObserver | null = null;
  const IntersectionObserverClass = doc.defaultView?.IntersectionObserver;
  if (typeof IntersectionObserverClass === 'function') {
    intersection = new IntersectionObserverClass((entries) => {
      const entry = entries[entries.length - 1];
      if (entry) setVisible(entry.isIntersecting);
    });
    intersection.observe(root);
  }

  return {
    update: draw,
    destroy() {
      intersection?.disconnect();
      render(null, container);
      host.remove();
    },
  };
}
