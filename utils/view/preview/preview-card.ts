/**
 * The floating card that previews a parent comment: one per view, in a shadow root on <body>, positioned next
 * to what asked for it. It only ever shows sanitized nodes (./sanitize.ts) and text.
 */
import { t } from '@/utils/i18n';
import type { ThreadComment } from '@/utils/thread/types';
import { applyPageLook, createOverlayHost, OVERLAY_PALETTE_CSS, pageHasLandmarks, type OverlayHost } from '@/utils/view/core/overlay';
import type { PageLook } from '@/utils/view/core/theme';

const GAP = 6;
const MARGIN = 8;

const CARD_CSS = `
.card {
  position: fixed;
  top: 0;
  left: 0;
  width: max-content;
  max-width: min(32rem, calc(100vw - ${2 * MARGIN}px));
  padding: 0.6rem 0.85rem 0.7rem;
  font-family: var(--tl-font, system-ui, sans-serif);
  font-size: calc(var(--tl-font-size, 16px) * 0.9);
  line-height: 1.5;
  text-align: start;
  overflow-wrap: anywhere;
}
.card[hidden] { display: none; }
.meta { margin: 0 0 0.3rem; font-size: 0.85em; color: var(--tl-muted, currentColor); }
.author { font-weight: 600; color: var(--tl-text, currentColor); }
.content { max-height: 14em; overflow: hidden; }
.content.clipped { mask-image: linear-gradient(to bottom, #000 75%, transparent); }
.content > :first-child { margin-top: 0; }
.content > :last-child { margin-bottom: 0; }
.content p, .content ul, .content ol, .content blockquote, .content pre, .content figure { margin: 0 0 0.5em; }
.content ul, .content ol { padding-inline-start: 1.4em; }
.content blockquote { padding-inline-start: 0.75em; border-inline-start: 3px solid var(--tl-line, currentColor); margin-inline: 0; }
.content h1, .content h2, .content h3, .content h4, .content h5, .content h6 { font-size: 1em; margin: 0 0 0.4em; }
.content a { color: inherit; text-decoration: underline; }
.content a:not([href]) { text-decoration: none; }
.content img { max-width: 100%; max-height: 6em; height: auto; width: auto; vertical-align: middle; }
.content pre, .content code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; }
.content pre { white-space: pre-wrap; }
.empty { font-style: italic; color: var(--tl-muted, currentColor); }
@media (prefers-reduced-motion: no-preference) {
  .card:not([hidden]) { animation: threadlight-preview-in 100ms ease-out; }
  @keyframes threadlight-preview-in { from { opacity: 0; } }
}
`;

export interface PreviewCard {
  /** Shows `comment` (its sanitized content, else its text) beside `anchor`, in the look found where it is read. */
  show(anchor: Element, comment: ThreadComment, content: DocumentFragment | null, look: PageLook): void;
  hide(): void;
  readonly shownFor: Element | null;
  /** Is `node` inside the card (pointer moves from the link into the card keep it open)? */
  contains(node: EventTarget | null): boolean;
  /** The card's element, to listen for the pointer entering and leaving it. */
  readonly element: HTMLElement;
  destroy(): void;
}

/** Creates the (hidden) card for one view in `doc`. */
export function createPreviewCard(doc: Document): PreviewCard {
  let overlay: OverlayHost | null = createOverlayHost('preview', doc);
  const style = doc.createElement('style');
  style.textContent = OVERLAY_PALETTE_CSS + CARD_CSS;
  const card = doc.createElement('div');
  card.className = 'card tl-surface';
  card.setAttribute('role', 'tooltip');
  card.hidden = true;
  // On a page that uses landmarks, everything a reader can perceive sits in one (axe's "region").
  if (pageHasLandmarks(doc)) {
    const region = doc.createElement('section');
    region.setAttribute('aria-label', t('view_preview_region'));
    region.append(card);
    overlay.root.append(style, region);
  } else {
    overlay.root.append(style, card);
  }
  const view = doc.defaultView;
  let anchor: Element | null = null;

  const place = () => {
    if (!anchor || !view) return;
    const rect = anchor.getBoundingClientRect();
    const width = card.offsetWidth;
    const height = card.offsetHeight;
    const below = rect.bottom + GAP;
    const above = rect.top - GAP - height;
    const top = below + height <= view.innerHeight - MARGIN || above < MARGIN ? below : above;
    const left = Math.max(MARGIN, Math.min(rect.left, view.innerWidth - width - MARGIN));
    card.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
  };

  const onScroll = () => place();

  const hide = () => {
    if (!anchor) return;
    anchor = null;
    card.hidden = true;
    card.replaceChildren();
    view?.removeEventListener('scroll', onScroll, true);
    view?.removeEventListener('resize', onScroll);
  };

  return {
    show(target, comment, content, look) {
      if (!overlay) return;
      const wasShown = anchor !== null;
      anchor = target;
      applyPageLook(overlay.host, look);
      const meta = doc.createElement('p');
      meta.className = 'meta';
      const author = doc.createElement('span');
      author.className = 'author';
      author.textContent = comment.author.name || t('view_preview_unknown_author');
      meta.append(author);
      if (comment.dateText) meta.append(' · ', comment.dateText);
      const body = doc.createElement('div');
      body.className = 'content';
      if (content && content.childNodes.length > 0) body.append(content);
      else if (comment.text) body.textContent = comment.text;
      else {
        body.className = 'content empty';
        body.textContent = t('view_preview_empty');
      }
      card.replaceChildren(meta, body);
      card.hidden = false;
      body.classList.toggle('clipped', body.scrollHeight > body.clientHeight + 1);
      place();
      if (!wasShown) {
        view?.addEventListener('scroll', onScroll, { capture: true, passive: true });
        view?.addEventListener('resize', onScroll, { passive: true });
      }
    },
    hide,
    get shownFor() {
      return anchor;
    },
    contains(node) {
      return node !== null && overlay !== null && (node === overlay.host || card.contains(node as Node));
    },
    element: card,
    destroy() {
      hide();
      overlay?.remove();
      overlay = null;
    },
  };
}
