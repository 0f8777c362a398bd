/**
 * The "probably in reply to NAME" line shown on an inferred reply: quiet (italic, dashed rule, the theme's
 * font and colours), clearly ours, with a link that selects and scrolls to the probable parent.
 */
import { t } from '@/utils/i18n';
import { ATTR_UI } from '@/utils/view/dom-contract';

/** ATTR_UI value of the note (the view core's observer and the parsers skip ATTR_UI elements). */
export const UI_NOTE = 'inferred-reply';
/** On the note: the id of the probable parent. */
export const ATTR_INFERRED_PARENT = 'data-threadlight-inferred-parent';

// Marks the spot where the link goes in the translated sentence ("probably in reply to $1").
const NAME_SLOT = '\uE000';
const CONTENT = ['.comment-content', '.wp-block-comment-content', '.comment-text', '.comment_content', '.wpd-comment-text'];

export interface NoteOptions {
  parentId: string;
  parentName: string;
  /** Where the link points (the parent's #anchor or permalink). */
  href: string;
  /** The reply was moved under its parent ('renest'), not just annotated. */
  moved: boolean;
  onFollow: () => void;
}

/** A new note element (not inserted). Styled through CSSOM, which a page's CSP does not block. */
export function createReplyNote(doc: Document, options: NoteOptions): HTMLElement {
  const note = doc.createElement('div');
  note.className = 'threadlight-inferred';
  note.setAttribute(ATTR_UI, UI_NOTE);
  note.setAttribute(ATTR_INFERRED_PARENT, options.parentId);
  const style = note.style;
  style.setProperty('margin', '0.25em 0 0.5em');
  style.setProperty('padding-inline-start', '0.6em');
  style.setProperty('border-inline-start', '2px dashed currentColor');
  style.setProperty('font-size', '0.875em');
  style.setProperty('font-style', 'italic');
  style.setProperty('line-height', '1.5');
  style.setProperty('opacity', '0.8');

  const link = doc.createElement('a');
  link.href = options.href;
  link.textContent = options.parentName;
  link.setAttribute('aria-label', t('view_inferred_go_to', options.parentName));
  link.style.setProperty('text-decoration-style', 'dashed');
  link.addEventListener('click', (event) => {
    event.preventDefault();
    options.onFollow();
  });

  const sentence = t(options.moved ? 'view_inferred_moved' : 'view_inferred_reply_to', NAME_SLOT);
  const [before, after = ''] = sentence.includes(NAME_SLOT) ? sentence.split(NAME_SLOT) : [`${sentence} `];
  note.append(before ?? '', link, after);
  return note;
}

/** Where the note goes: just before the comment's text (after its author and date), else first in its body. */
export function noteInsertionPoint(body: Element, foreign: ReadonlySet<Element>): { parent: Element; before: Node | null } {
  for (const selector of CONTENT) {
    for (const candidate of body.querySelectorAll(selector)) {
      if (!isInsideOther(candidate, body, foreign) && candidate.parentElement) {
        return { parent: candidate.parentElement, before: candidate };
      }
    }
  }
  return { parent: body, before: body.firstChild };
}

/** `candidate` belongs to another comment nested in `body` (a body that falls back to the whole item). */
function isInsideOther(candidate: Element, body: Element, foreign: ReadonlySet<Element>): boolean {
  for (let node: Element | null = candidate; node && node !== body; node = node.parentElement) {
    if (foreign.has(node)) return true;
  }
  return false;
}
