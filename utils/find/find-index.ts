/**
 * Find in thread: matches of a query in the comments' text and author names, in page order, each one a DOM Range
 * over the comment's own text nodes (for the CSS Custom Highlight API: the comments' DOM is never rewritten).
 * Pure of the view: it reads the elements it is given; the view decides what to show, open and highlight.
 */
import { foldQuery, foldWithMap, type FoldedText } from '@/utils/find/fold';
import { ATTR_UI } from '@/utils/view/dom-contract';

/** One comment, as the view's parts give it. */
export interface FindSource {
  id: string;
  /** The element holding the author's name, or null. */
  name: Element | null;
  /** The element holding the comment's text (CommentParts.content), else its body. */
  text: Element | null;
  /** Elements inside `text` not to search: nested comments, the name, the reply link, meta when `text` is a body. */
  exclude?: readonly Element[];
}

export type FindField = 'name' | 'text';

export interface FindMatch {
  /** Position among all matches (0-based), in page order. */
  index: number;
  commentId: string;
  field: FindField;
  /** The match as a Range over the live text nodes, or null when they changed since the index was built. */
  toRange(): Range | null;
}

export interface FindResults {
  /** The query as searched (folded). */
  query: string;
  matches: FindMatch[];
  /** Every match, even past `maxMatches`. */
  total: number;
  /** Ids of the comments holding a match, in page order. */
  commentIds: string[];
  /** True when more than `maxMatches` matched: `matches` holds the first ones. */
  truncated: boolean;
}

interface Segment {
  node: Text;
  /** Offset of the node's first character in the field's source string. */
  start: number;
}

interface Field {
  commentId: string;
  field: FindField;
  element: Element;
  source: string;
  segments: Segment[];
  folded: FoldedText;
}

/** Never searched: code and raw text, form fields, Threadlight's own inserted UI. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'svg', 'SVG', 'IFRAME', 'OBJECT']);

function readField(element: Element, exclude: readonly Element[]): { source: string; segments: Segment[] } {
  const excluded = new Set(exclude);
  const segments: Segment[] = [];
  let source = '';
  const doc = element.ownerDocument;
  const walker = doc.createTreeWalker(element, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode(node) {
      if (node.nodeType === 3) return 1; // FILTER_ACCEPT
      const el = node as Element;
      if (el === element) return 3;
      // A form's named inputs shadow its DOM properties (docs/security.md): recognized without asking it, skipped.
      if (Object.prototype.toString.call(el) === '[object HTMLFormElement]') return 2; // FILTER_REJECT
      if (excluded.has(el) || SKIPPED.has(el.tagName) || el.hasAttribute(ATTR_UI)) return 2;
      return 3; // FILTER_SKIP: walk its children
    },
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    segments.push({ node: text, start: source.length });
    source += text.data;
  }
  return { source, segments };
}

/** The segment holding `offset` (the last one starting at or before it). */
function segmentAt(segments: Segment[], offset: number): Segment {
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (segments[middle]!.start <= offset) low = middle;
    else high = middle - 1;
  }
  return segments[low]!;
}

function rangeOf(field: Field, start: number, end: number): Range | null {
  if (field.segments.length === 0 || !field.element.isConnected) return null;
  const first = segmentAt(field.segments, start);
  // The end offset is exclusive: the segment holding its last character.
  const last = segmentAt(field.segments, end - 1);
  const startOffset = start - first.start;
  const endOffset = end - last.start;
  if (!first.node.isConnected || !last.node.isConnected || startOffset > first.node.length || endOffset > last.node.length) return null;
  const range = field.element.ownerDocument.createRange();
  range.setStart(first.node, startOffset);
  range.setEnd(last.node, endOffset);
  return range;
}

export interface FindIndex {
  search(query: string, options?: { maxMatches?: number }): FindResults;
  /** Comments indexed, in order. */
  readonly size: number;
}

/**
 * An index of `sources` (in page order: the thread's order, merged pages included). Text is read and folded once,
 * here; build it again when the comments change (pages merged, the page's own comments added).
 */
export function createFindIndex(sources: readonly FindSource[]): FindIndex {
  const byComment: Field[][] = sources.map((source) => {
    const fields: Field[] = [];
    const add = (field: FindField, element: Element | null, exclude: readonly Element[]) => {
      if (!element) return;
      const { source: text, segments } = readField(element, exclude);
      fields.push({ commentId: source.id, field, element, source: text, segments, folded: foldWithMap(text) });
    };
    add('name', source.name, []);
    add('text', source.text, [...(source.exclude ?? []), ...(source.name ? [source.name] : [])]);
    // Page order inside a comment: the name usually comes first, not always (a signature after the text).
    if (fields.length === 2 && fields[1]!.element.compareDocumentPosition(fields[0]!.element) & 4 /* FOLLOWING */) fields.reverse();
    return fields;
  });

  return {
    size: sources.length,
    search(query, options = {}) {
      const folded = foldQuery(query);
      const maxMatches = options.maxMatches ?? 10_000;
      const results: FindResults = { query: folded, matches: [], total: 0, commentIds: [], truncated: false };
      if (folded === '') return results;
      for (const fields of byComment) {
        let found = false;
        for (const field of fields) {
          const { text, starts, ends } = field.folded;
          for (let at = text.indexOf(folded); at !== -1; at = text.indexOf(folded, at + folded.length)) {
            found = true;
            const index = results.total++;
            if (results.matches.length >= maxMatches) {
              results.truncated = true;
              continue;
            }
            const start = starts[at]!;
            const end = ends[at + folded.length - 1]!;
            results.matches.push({ index, commentId: field.commentId, field: field.field, toRange: () => rangeOf(field, start, end) });
          }
        }
        if (found) results.commentIds.push(fields[0]!.commentId);
      }
      return results;
    },
  };
}

/** The match after (`1`) or before (`-1`) `current`, wrapping around; the first one when there is no current. */
export function stepMatch(total: number, current: number | null, direction: 1 | -1): number | null {
  if (total === 0) return null;
  if (current === null) return direction === 1 ? 0 : total - 1;
  return (current + direction + total) % total;
}
