/**
 * Parent previews, quiet by default. Where the markup shows the nesting, a reply gets only a small "parent" link
 * after its author's name; where it does not (flat threads, replies printed past the depth cap), an "↳ In reply
 * to NAME" line before its text. Hovering or focusing either (or any [data-threadlight-preview] link, such as an
 * inferred reply's note) previews the parent, sanitized, in a floating card; clicking selects the parent; Shift+P
 * previews the selected comment's parent.
 */
import { label } from '@/utils/view/core/labels';
import type { ThreadComment } from '@/utils/thread/types';
import { ROOT } from '@/utils/view/core/core-styles';
import { defineViewFeature } from '@/utils/view/core/feature';
import { key } from '@/utils/view/core/registries';
import { readPageLook } from '@/utils/view/core/theme';
import type { FeatureContext } from '@/utils/view/core/types';
import { ATTR_PREVIEW, ATTR_UI } from '@/utils/view/dom-contract';
import { previewHtml } from './content';
import { createPreviewCard, type PreviewCard } from './preview-card';
import { sanitizeCommentHtml } from './sanitize';

/** ATTR_UI value of the "In reply to" lines, and of the quiet links. */
export const REPLY_CONTEXT_UI = 'reply-context';
export const PARENT_LINK_UI = 'parent-link';
/** The inferred-links feature's field: replies whose parent only inference knows (its note says so already). */
const INFERRED_FIELD = 'inferred';
const HOVER_DELAY_MS = 250;
const LEAVE_DELAY_MS = 200;

const LINE_CSS = `
${ROOT} .threadlight-reply-context { display: block; margin: 0 0 0.5em; font-size: 0.85em; line-height: 1.5; }
${ROOT} .threadlight-reply-to, ${ROOT} .threadlight-parent-link { color: inherit !important; text-decoration: underline dotted !important; text-underline-offset: 0.2em; }
${ROOT} .threadlight-reply-to:hover, ${ROOT} .threadlight-parent-link:hover { text-decoration-style: solid !important; }
${ROOT} .threadlight-parent-link { margin-inline: 0.5em; font-size: 0.85em; font-weight: normal; font-style: normal; display: inline-block; max-width: 100%; min-width: 1.6em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; vertical-align: bottom; }
/* On a phone the nesting already shows the parent and hover previews do not exist: the quiet link would only crowd
   an author line that many themes make a flex row that does not wrap (tests/e2e/phone.test.ts). */
@media (max-width: 30em) { ${ROOT} .threadlight-parent-link { display: none !important; } }
@media print { ${ROOT} .threadlight-reply-context, ${ROOT} .threadlight-parent-link { display: none !important; } }
`;

/** A link to the parent's own element: it works even without us (the fragment), and previews with us. */
function parentLink(ctx: FeatureContext, parent: ThreadComment, className: string): HTMLAnchorElement {
  const link = ctx.doc.createElement('a');
  link.className = className;
  const elementId = ctx.thread.parts(parent.id)?.element.id;
  link.href = elementId ? `#${elementId}` : (parent.permalink ?? '#');
  link.setAttribute(ATTR_PREVIEW, parent.id);
  return link;
}

/** The quiet form: "↑ parent" after the author's name; its accessible name says whose comment it is. */
function quietLink(ctx: FeatureContext, parent: ThreadComment): HTMLElement {
  const link = parentLink(ctx, parent, 'threadlight-parent-link');
  link.setAttribute(ATTR_UI, PARENT_LINK_UI);
  const name = parent.author.name || label('view_preview_unknown_author');
  link.setAttribute('aria-label', label('view_parent_link_label', name));
  const arrow = ctx.doc.createElement('span');
  arrow.setAttribute('aria-hidden', 'true');
  // A theme's author line is often a flex row that does not wrap: on a phone the link shrinks to its arrow (an
  // ellipsis; its accessible name is the label) rather than widen the page (tests/e2e/phone.test.ts).
  arrow.textContent = '↑ ';
  link.append(arrow, label('view_parent_link'));
  return link;
}

/** The explicit form, where the markup does not show the nesting: "↳ In reply to NAME". */
function replyLine(ctx: FeatureContext, parent: ThreadComment): HTMLElement {
  const line = ctx.doc.createElement('div');
  line.className = 'threadlight-reply-context';
  line.setAttribute(ATTR_UI, REPLY_CONTEXT_UI);
  const arrow = ctx.doc.createElement('span');
  arrow.setAttribute('aria-hidden', 'true');
  arrow.textContent = '↳ ';
  // A link, not a button: it is one (it works without us), and themes style links sensibly.
  const link = parentLink(ctx, parent, 'threadlight-reply-to');
  link.textContent = label('view_preview_in_reply_to', parent.author.name || label('view_preview_unknown_author'));
  line.append(arrow, link);
  return line;
}

export const previewFeature = defineViewFeature({
  id: 'preview',
  enabled: () => true,
  setup(ctx) {
    const { doc, root } = ctx;
    let card: PreviewCard | null = null;
    let showTimer: ReturnType<typeof setTimeout> | undefined;
    let hideTimer: ReturnType<typeof setTimeout> | undefined;
    const inferred = ctx.state.field(INFERRED_FIELD);

    ctx.addStyles(LINE_CSS);
    ctx.comments.decorate((slot) => {
      if (!slot.parent || inferred.has(slot.id)) return;
      if (slot.nestedInMarkup && slot.afterName(quietLink(ctx, slot.parent))) return;
      slot.beforeContent(replyLine(ctx, slot.parent));
    });
    ctx.on('field', (change) => {
      if (change.delta.fields.has(INFERRED_FIELD)) ctx.comments.refresh(change.delta.ids);
    });

    const linkFrom = (target: EventTarget | null): Element | null => {
      const element = (target as Element | null)?.closest?.(`[${ATTR_PREVIEW}]`) ?? null;
      return element && root.contains(element) ? element : null;
    };
    const clearTimers = () => {
      clearTimeout(showTimer);
      clearTimeout(hideTimer);
    };

    /** Preview comment `parentId` next to `anchor`, read in the look of `lookFrom`. */
    const show = (anchor: Element, parentId: string, lookFrom: Element) => {
      clearTimers();
      const parent = ctx.state.index.byId.get(parentId);
      if (!parent || ctx.signal.aborted) return;
      if (!card) {
        card = createPreviewCard(doc);
        // Moving the pointer from the link into the card keeps it open (to read it, or follow one of its links).
        card.element.addEventListener('mouseenter', () => clearTimeout(hideTimer), { signal: ctx.signal });
        card.element.addEventListener('mouseleave', () => scheduleHide(), { signal: ctx.signal });
      }
      if (card.shownFor === anchor) return;
      const html = previewHtml(ctx.thread.parts(parentId));
      const content = html === null ? null : sanitizeCommentHtml(html, doc);
      card.show(anchor, parent, content, readPageLook(lookFrom));
    };
    const showFor = (link: Element) => show(link, link.getAttribute(ATTR_PREVIEW)!, link.parentElement ?? link);
    const hide = () => {
      clearTimers();
      card?.hide();
    };
    const scheduleHide = () => {
      clearTimers();
      hideTimer = setTimeout(hide, LEAVE_DELAY_MS);
    };

    const listen = <K extends keyof HTMLElementEventMap>(type: K, handler: (event: HTMLElementEventMap[K]) => void) =>
      root.addEventListener(type, ctx.guard(type, handler as (event: Event) => void) as EventListener, { signal: ctx.signal });
    listen('mouseover', (event) => {
      const link = linkFrom(event.target);
      if (!link) return;
      clearTimeout(hideTimer);
      if (card?.shownFor === link) return;
      clearTimeout(showTimer);
      showTimer = setTimeout(ctx.guard('hover', () => showFor(link)), HOVER_DELAY_MS);
    });
    listen('mouseout', (event) => {
      const link = linkFrom(event.target);
      if (link && !link.contains(event.relatedTarget as Node | null)) scheduleHide();
    });
    listen('focusin', (event) => {
      const link = linkFrom(event.target);
      if (link) showFor(link);
    });
    listen('focusout', (event) => {
      if (linkFrom(event.target) && !card?.contains(event.relatedTarget)) hide();
    });
    listen('click', (event) => {
      const link = linkFrom(event.target);
      if (!link || event.defaultPrevented) return;
      // Ctrl/middle click & co. open the link elsewhere, as on any link.
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      hide();
      ctx.state.select(link.getAttribute(ATTR_PREVIEW)!);
    });
    // Escape closes a shown preview, and only that (captured before the keyboard feature, which then sees a handled
    // key): a card that appeared on hover must be dismissible without moving the pointer (WCAG 1.4.13).
    doc.addEventListener(
      'keydown',
      ctx.guard('keydown', (event: KeyboardEvent) => {
        if (event.key !== 'Escape' || event.defaultPrevented || !card?.shownFor) return;
        event.preventDefault();
        hide();
      }),
      { signal: ctx.signal, capture: true },
    );
    ctx.on('collapse', hide);
    ctx.on('thread', hide);

    // Shift+P: the selected comment's parent, one key away (press again, or Escape, to close).
    ctx.keys.add({
      id: 'previewParent',
      group: 'move',
      keys: [key('p', true)],
      descriptionKey: 'help_key_preview_parent',
      run: () => {
        const selected = ctx.state.selectedId();
        const parentId = selected === null ? null : ctx.state.index.parent(selected);
        if (selected === null || parentId === null) return false;
        const parts = ctx.thread.parts(selected);
        if (!parts) return false;
        const anchor = parts.body.querySelector(`[${ATTR_PREVIEW}="${CSS_escape(parentId)}"]`) ?? parts.body;
        if (card?.shownFor === anchor) {
          hide();
          return true;
        }
        show(anchor, parentId, parts.body);
        return true;
      },
    });
    return () => {
      clearTimers();
      card?.destroy();
      card = null;
    };
  },
});

/** CSS.escape where it exists (not in every test DOM); ids are digits or plain words. */
function CSS_escape(value: string): string {
  return typeof CSS !== 'undefined' && typeof CSS.escape === 'function' ? CSS.escape(value) : value.replace(/["\\]/g, '\\$&');
}
