/** Run the real pipeline (signals → detection → parse) on page HTML in jsdom, timing it. */
import { detectCommentSections } from '@/utils/detect/detect-comment-sections';
import { hasCommentSignals } from '@/utils/detect/has-comment-signals';
import type { Detection } from '@/utils/detect/types';
import { parseSection } from '@/utils/parse/parse-section';
import type { ParsedSection } from '@/utils/parse/types';

export interface PageParse {
  doc: Document;
  signals: boolean;
  detection: Detection;
  sections: ParsedSection[];
  /** Wall time of signals + detection + parsing, in ms. */
  ms: number;
}

/** Parse `html` as a page (scripts never run: DOMParser documents have scripting disabled). */
export function parseHtmlPage(html: string): PageParse {
  return parseDocument(new DOMParser().parseFromString(html, 'text/html'));
}

/** The pipeline on an existing document (for DOMs crafted node by node). */
export function parseDocument(doc: Document): PageParse {
  const start = performance.now();
  const signals = hasCommentSignals(doc);
  const detection = detectCommentSections(doc);
  const sections = detection.status === 'found' ? detection.sections.map((section) => parseSection(section)) : [];
  return { doc, signals, detection, sections, ms: performance.now() - start };
}

/** Every comment of every section, in order. */
export function allComments(result: PageParse) {
  return result.sections.flatMap((section) => section.thread.comments);
}
