/**
 * The "probably in reply to NAME" note shown on an inferred reply: quiet (italic, dashed rule, the theme's font and
 * colours at full strength), clearly ours, with a link that previews the probable parent (data-threadlight-preview,
 * read by the preview feature) and selects it on click.
 */
import { label } from '@/utils/view/core/labels';
import { ROOT } from '@/utils/view/core/core-styles';
import { ATTR_INFERRED_PARENT, ATTR_PREVIEW, ATTR_UI } from '@/utils/view/dom-contract';

/** ATTR_UI value of the note (the view's watcher and the parsers skip ATTR_UI elements). */
export const UI_NOTE = 'inferred-reply';

export const NOTE_CSS = `
${ROOT} .threadlight-inferred { margin: 0.25em 0 0.5em; padding-inline-start: 0.6em; border-inline-start: 2px dashed currentColor; font-size: 0.875em; font-style: italic; line-height: 1.5; }
${ROOT} .threadlight-inferred a { color: inherit !important; text-decoration: underline dashed !important; }
@media print { ${ROOT} .threadlight-inferred { display: none !important; } }
`;

// Marks the spot where the link goes in the translated sentence ("probably in reply to $1").
const NAME_SLOT = '\uE000';

export interface NoteOptions {
  parentId: string;
  parentName: string;
  /** Where the link points (the parent's #anchor or permalink). */
  href: string;
  /** The reply was moved under its parent ('renest'), not just annotated. */
  moved: boolean;
}

/** A new note element (not inserted). */
export function createReplyNote(doc: Document, options: NoteOptions): HTMLElement {
  const note = doc.createElement('div');
  note.className = 'threadlight-inferred';
  note.setAttribute(ATTR_UI, UI_NOTE);
  note.setAttribute(ATTR_INFERRED_PARENT, options.parentId);
  const link = doc.createElement('a');
  link.href = options.href;
  link.textContent = options.parentName;
  link.setAttribute(ATTR_PREVIEW, options.parentId);
  link.setAttribute('aria-label', label('view_inferred_go_to', options.parentName));
  const sentence = label(options.moved ? 'view_inferred_moved' : 'view_inferred_reply_to', NAME_SLOT);
  const [before, after = ''] = sentence.includes(NAME_SLOT) ? sentence.split(NAME_SLOT) : [`${sentence} `];
  note.append(before ?? '', link, after);
  return note;
}
