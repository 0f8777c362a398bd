/**
 * Parent previews: every reply gets an "In reply to NAME" line at the top of its content; hovering or focusing it
 * previews the parent comment (sanitized) in a floating card, clicking it selects the parent.
 */
import { t } from '@/utils/i18n';
import type { ThreadComment } from '@/utils/thread/types';
import { ATTR_ENHANCED, ATTR_UI } from '@/utils/view/dom-contract';
import { ATTR_INFERRED_PARENT } from '@/utils/view/inferred-links/reply-note';
import { commentContentHtml } from '@/utils/view/preview/parent-content';
import { createPreviewCard, type PreviewCard } from '@/utils/view/preview/preview-card';
import { sanitizeCommentHtml } from '@/utils/view/preview/sanitize';
import type { ViewController, ViewFeature } from '@/utils/view/types';

/** ATTR_UI value of the inserted lines (and of this feature's stylesheet). */
export const REPLY_CONTEXT_UI = 'reply-context';
const LINE_CLASS = 'threadlight-reply-context';
const LINK_CLASS = 'threadlight-reply-to';
const HOVER_DELAY_MS = 250;
const LEAVE_DELAY_MS = 200;
/** Lines inserted per task: a few milliseconds of work, so a 5,000-comment thread never blocks the page. */
const LINES_PER_TASK = 400;
/** A preview shows the start of a comment; no need to sanitize a novel to show its first lines. */
const MAX_HTML_LENGTH = 20_000;

/** Before this element, in a comment's body, the line goes: the content wrapper, else after the meta. */
const CONTENT_ANCHOR = '.comment-content, .wp-block-comment-content, .wpd-comment-text, .comment__content';
const META_ANCHOR = ':scope > :is(.comment-meta, .commentmetadata, .comment-metadata, footer)';

const ROOT = `[${ATTR_ENHANCED}="enhanced"]`;
// Last rule: a reply that the inferred-links feature annotated already says "probably in reply to NAME", and
// our certain-sounding line would repeat it. Its note may come before or after ours, so CSS hides ours.
const LINE_CSS = `
${ROOT} .${LINE_CLASS} { display: block; margin: 0 0 0.5em; font-size: 0.85em; line-height: 1.5; opacity: 0.8; }
${ROOT} .${LINE_CLASS}:hover, ${ROOT} .${LINE_CLASS}:focus-within { opacity: 1; }
${ROOT} .${LINK_CLASS} { color: inherit; text-decoration: underline dotted; text-underline-offset: 0.2em; }
${ROOT} .${LINK_CLASS}:hover { text-decoration-style: solid; }
@media print { ${ROOT} .${LINE_CLASS} { display: none !important; } }
${ROOT} [${ATTR_INFERRED_PARENT}] ~ .${LINE_CLASS}, ${ROOT} .${LINE_CLASS}:has(~ [${ATTR_INFERRED_PARENT}]) { display: none; }
`;

/** Where the line goes inside the body: [parent, before]. */
function insertionPoint(body: Element): [Element, Node | null] {
  // One query per kind: this runs for every reply (thousands on a big thread).
  const content = body.querySelector(CONTENT_ANCHOR);
  if (content?.parentElement) return [content.parentElement, content];
  const meta = body.querySelector(META_ANCHOR);
  if (meta) return [body, meta.nextSibling];
  return [body, body.firstChild];
}

/** "In reply to NAME" lines and parent previews for one view. */
export function createPreviewFeature(controller: ViewController): ViewFeature {
  const doc = controller.root.ownerDocument;
  const parentOfLink = new WeakMap<Element, ThreadComment>();
  const lines: Element[] = [];
  let style: HTMLStyleElement | null = null;
  let card: PreviewCard | null = null;
  let showTimer: ReturnType<typeof setTimeout> | undefined;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  let mounted = false;
  let destroyed = false;
  let unsubscribe: (() => void) | null = null;
  let drawGeneration = 0;
  let laterTimer: ReturnType<typeof setTimeout> | undefined;

  const linkFrom = (target: EventTarget | null): Element | null => {
    const element = (target as Element | null)?.closest?.(`.${LINK_CLASS}`) ?? null;
    return element && parentOfLink.has(element) ? element : null;
  };

  const clearTimers = () => {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
  };

  const show = (link: Element) => {
    clearTimers();
    const parent = parentOfLink.get(link);
    if (!parent || destroyed) return;
    if (!card) {
      card = createPreviewCard(doc);
      // Moving the pointer from the line into the card keeps it open (to read it, or follow one of its links).
      card.element.addEventListener('mouseenter', () => clearTimeout(hideTimer));
      card.element.addEventListener('mouseleave', () => scheduleHide());
    }
    if (card.shownFor === link) return;
    const html = commentContentHtml(controller.parsed, parent.id);
    const content = html === null ? null : sanitizeCommentHtml(html.slice(0, MAX_HTML_LENGTH), doc);
    // The comment's own text size and colours, not the line's (smaller, dimmed).
    card.show(link, parent, content, link.closest(`.${LINE_CLASS}`)?.parentElement ?? link);
  };

  const hide = () => {
    clearTimers();
    card?.hide();
  };

  const scheduleHide = () => {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, LEAVE_DELAY_MS);
  };

  const listeners: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void } = {
    mouseover(event) {
      const link = linkFrom(event.target);
      if (!link) return;
      clearTimeout(hideTimer);
      if (card?.shownFor === link) return;
      clearTimeout(showTimer);
      showTimer = setTimeout(() => show(link), HOVER_DELAY_MS);
    },
    mouseout(event) {
      const link = linkFrom(event.target);
      if (link && !link.contains(event.relatedTarget as Node | null)) scheduleHide();
    },
    focusin(event) {
      const link = linkFrom(event.target);
      if (link) show(link);
    },
    focusout(event) {
      if (linkFrom(event.target) && !card?.contains(event.relatedTarget)) hide();
    },
    click(event) {
      const link = linkFrom(event.target);
      const parent = link && parentOfLink.get(link);
      if (!parent) return;
      // Ctrl/middle click & co. open the link elsewhere, as on any link.
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      hide();
      controller.select(parent.id);
    },
    keydown(event) {
      // Escape on a line closes its preview, and only that (the keyboard feature sees a handled key).
      if (event.key === 'Escape' && linkFrom(event.target) && card?.shownFor) {
        event.preventDefault();
        hide();
      }
    },
  };

  const insertLine = (comment: ThreadComment, parent: ThreadComment) => {
    const { parsed } = controller;
    const body = parsed.bodies.get(comment.id) ?? parsed.elements.get(comment.id);
    if (!body) return;
    const line = doc.createElement('div');
    line.className = LINE_CLASS;
    line.setAttribute(ATTR_UI, REPLY_CONTEXT_UI);
    const arrow = doc.createElement('span');
    arrow.setAttribute('aria-hidden', 'true');
    arrow.textContent = '↳ ';
    // A link to the parent, not a button: it is one (it works without us), and themes style links sensibly
    // where their button styles (big, filled) would swamp a one-line hint.
    const link = doc.createElement('a');
    link.className = LINK_CLASS;
    const parentElementId = parsed.elements.get(parent.id)?.id;
    link.href = parentElementId ? `#${parentElementId}` : (parent.permalink ?? '#');
    link.textContent = t('view_preview_in_reply_to', parent.author.name || t('view_preview_unknown_author'));
    parentOfLink.set(link, parent);
    line.append(arrow, link);
    const [container, before] = insertionPoint(body);
    container.insertBefore(line, before);
    lines.push(line);
  };

  const removeLines = () => {
    for (const line of lines) line.remove();
    lines.length = 0;
  };

  /**
   * (Re)writes the lines for the thread as the controller knows it now. The first LINES_PER_TASK go in at once
   * (the top of the thread, what the reader sees first); on big threads the rest follow in later tasks so the
   * page never freezes for them.
   */
  const drawLines = () => {
    removeLines();
    const generation = ++drawGeneration;
    const { comments } = controller.parsed.thread;
    const byId = new Map(comments.map((comment) => [comment.id, comment]));
    const pending = comments.filter((comment) => comment.depth > 1 && comment.parentId !== null);
    let next = 0;
    const drawSome = () => {
      if (destroyed || generation !== drawGeneration) return;
      try {
        for (const end = Math.min(pending.length, next + LINES_PER_TASK); next < end; next++) {
          const comment = pending[next]!;
          const parent = byId.get(comment.parentId!);
          if (parent) insertLine(comment, parent);
        }
      } catch (error) {
        console.debug('[threadlight] preview:', error);
        return;
      }
      if (next < pending.length) laterTimer = setTimeout(drawSome, 0);
    };
    drawSome();
  };

  const mount = () => {
    mounted = true;
    style = doc.createElement('style');
    style.setAttribute(ATTR_UI, REPLY_CONTEXT_UI);
    style.textContent = LINE_CSS;
    (doc.head ?? doc.documentElement).appendChild(style);
    drawLines();
    for (const [type, listener] of Object.entries(listeners)) {
      controller.root.addEventListener(type, listener as EventListener);
    }
    unsubscribe = controller.onChange(({ type }) => {
      if (destroyed) return;
      if (type === 'thread' || type === 'collapse') hide();
      try {
        if (type === 'thread') drawLines();
      } catch (error) {
        console.debug('[threadlight] preview:', error);
      }
    });
  };

  return {
    apply() {
      if (mounted || destroyed) return;
      try {
        mount();
      } catch (error) {
        console.debug('[threadlight] preview:', error);
      }
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      clearTimers();
      clearTimeout(laterTimer);
      unsubscribe?.();
      for (const [type, listener] of Object.entries(listeners)) {
        controller.root.removeEventListener(type, listener as EventListener);
      }
      card?.destroy();
      card = null;
      removeLines();
      style?.remove();
      style = null;
    },
  };
}
