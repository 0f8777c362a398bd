/**
 * How new (and most recent) comments look: a quiet rule in the theme's accent beside the comment and a small
 * filled "New" / "Recent" label after the author's name, so the mark is never carried by colour alone. The accent is
 * the theme's own (its link colour, else a warm default: utils/view/core/theme.ts), whatever colour the reader chose
 * for the author highlight, and the label's text is black or white, whichever reads better on it.
 */
import { contrast, parseColour, toCss, type Rgba } from '@/utils/view/core/colour';
import { ROOT } from '@/utils/view/core/core-styles';
import { label } from '@/utils/view/core/labels';
import { importantRule as rule } from '@/utils/view/core/style-registry';
import { accentFor, type PageLook } from '@/utils/view/core/theme';
import type { CommentSlot } from '@/utils/view/core/types';
import { ATTR_BODY, ATTR_UI } from '@/utils/view/dom-contract';

/** The view-state fields of the feature: data-threadlight-new, data-threadlight-recent. */
export const FIELD_NEW = 'new';
export const FIELD_RECENT = 'recent';

const accent = 'var(--threadlight-new-accent, var(--threadlight-accent))';

export const MARK_CSS = [
  rule(
    `${ROOT} .threadlight-new-mark`,
    `display: inline-block; margin: 0 0.5em; padding: 0 0.55em; border: 1px solid ${accent}; border-radius: 999px;
     background: ${accent}; color: var(--threadlight-new-on-accent, #fff); font-size: 0.75rem; font-weight: 600;
     font-style: normal; line-height: 1.5; letter-spacing: 0.02em; text-transform: none; text-decoration: none;
     vertical-align: middle; white-space: nowrap`,
  ),
  // The author highlight's rule (more specific) wins on the author's own new replies: their "New" label stays.
  rule(`${ROOT} [${ATTR_BODY}~="${FIELD_NEW}"], ${ROOT} [${ATTR_BODY}~="${FIELD_RECENT}"]`, `border-inline-start: 3px solid ${accent}; padding-inline-start: 0.75em`),
].join('\n');

const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 1 };
const NEAR_BLACK: Rgba = { r: 17, g: 17, b: 17, a: 1 };

/**
 * The CSS custom properties of the marks for this page: the theme's accent (`link`: a link of the comments' own
 * text, whose colour is the theme's link colour) and the text colour that reads best on it (≥ 4.5:1: any opaque
 * colour reaches that against white or against near-black).
 */
export function markColoursCss(link: Element | null, look: PageLook): string {
  const theme = accentFor('', link, look);
  const fill = parseColour(theme.accent) ?? WHITE;
  const onAccent = contrast(WHITE, fill) >= contrast(NEAR_BLACK, fill) ? WHITE : NEAR_BLACK;
  return `${ROOT} { --threadlight-new-accent: ${theme.accent}; --threadlight-new-on-accent: ${toCss(onAccent)}; }`;
}

/** Put the "New" or "Recent" label after the author's name (else before the text). */
export function decorateMark(slot: CommentSlot, doc: Document, kind: 'new' | 'recent', recentCount: number): void {
  const mark = doc.createElement('span');
  mark.className = 'threadlight-new-mark';
  mark.setAttribute(ATTR_UI, kind === 'new' ? 'new-mark' : 'recent-mark');
  mark.textContent = label(kind === 'new' ? 'view_new_mark' : 'view_recent_mark');
  mark.title = kind === 'new' ? label('view_new_mark_title') : label('view_recent_mark_title', recentCount);
  if (!slot.afterName(mark)) slot.beforeContent(mark);
}
