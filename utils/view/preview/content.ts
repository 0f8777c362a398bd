/**
 * What a preview shows of a comment: the inner HTML of its content element as the parser found it (CommentParts
 * .content), cut to a length worth sanitizing, or null (the card then shows the comment's text). Read as a string
 * on purpose: nothing of the page is cloned, so no id or handler gets copied; ./sanitize.ts makes it safe.
 */
import type { CommentParts } from '@/utils/parse/types';

/** A preview shows the start of a comment; no need to sanitize a novel to show its first lines. */
export const MAX_PREVIEW_HTML = 20_000;

export function previewHtml(parts: CommentParts | undefined): string | null {
  const html = parts?.content?.innerHTML;
  return html === undefined || html.trim() === '' ? null : html.slice(0, MAX_PREVIEW_HTML);
}
