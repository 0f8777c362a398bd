/**
 * Bundled (tests/e2e/lib/page-bundle.ts) and loaded into a test page's main world: runs the merge and find engines
 * the way a view feature will, in a real browser (DOMParser, DOMPurify, fetch, Range, the Highlight API), and reports
 * plain data. Not part of the extension.
 */
import { detectCommentSections } from '@/utils/detect/detect-comment-sections';
import { withAncestors } from '@/utils/find/context';
import { createFindIndex } from '@/utils/find/find-index';
import { createFindHighlighter, FIND_HIGHLIGHT_CSS, FIND_HIGHLIGHTS, platformHighlights } from '@/utils/find/highlight';
import { insertionPoint } from '@/utils/merge/insert-point';
import { loadAllCommentPages, type MergeResult } from '@/utils/merge/load-all-pages';
import { parseSection } from '@/utils/parse/parse-section';
import type { CommentParts, ParsedSection } from '@/utils/parse/types';

export interface MergeProbeReport {
  outcome: MergeResult['outcome'];
  pages: [number, string, string | null][];
  /** `id parent depth` of the merged thread, and of the section parsed again after insertion. */
  merged: string[];
  reparsed: string[];
  insertedComments: number;
  /** Wall time of the whole merge (fetch, parse, rebuild, insertion), and the longest task seen meanwhile (Chromium). */
  mergeMs: number;
  longestTaskMs: number | null;
  /** Script-like elements, handlers, script URLs, styles, data-*, names or non-structural ids in what was inserted. */
  leftovers: string[];
}

export interface FindProbeReport {
  supported: boolean;
  highlightSelector: boolean;
  total: number;
  commentIds: string[];
  rangeTexts: string[];
  registered: string[];
  onlyMatching: number;
  /** Index build (text read and folded) and one search, in ms. */
  indexMs: number;
  searchMs: number;
}

const lines = (comments: { id: string; parentId: string | null; depth: number }[]) => comments.map((c) => `${c.id} ${c.parentId ?? '-'} ${c.depth}`);

const EXECUTABLE = 'script, iframe, frame, object, embed, base, meta, link, form, input, button, svg, math, template, noscript, style, textarea';

function leftoversIn(roots: Element[]): string[] {
  const found: string[] = [];
  for (const root of roots) {
    for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
      if (el.matches(EXECUTABLE)) found.push(`<${el.localName}>`);
      for (const attr of Array.from(el.attributes)) {
        if (/^on|^srcdoc$|^style$|^name$|^data-/.test(attr.name)) found.push(`<${el.localName} ${attr.name}>`);
        if (attr.name === 'id' && !/^(?:li-comment|div-comment|comment)-\d+$/.test(attr.value)) found.push(`<${el.localName} id=${attr.value}>`);
        if (['href', 'src', 'cite', 'action'].includes(attr.name) && !/^(?:https?:|mailto:)/i.test(attr.value.trim())) found.push(`<${el.localName} ${attr.name}=${attr.value}>`);
      }
    }
  }
  return found;
}

let state: { parsed: ParsedSection; merged: Map<string, CommentParts>; result: MergeResult } | null = null;

async function merge(): Promise<MergeProbeReport> {
  const detection = detectCommentSections(document);
  if (detection.status !== 'found') throw new Error(`no section: ${detection.status}`);
  const section = detection.sections[0]!;
  const parsed = parseSection(section);
  const merged = new Map<string, CommentParts>();
  const inserted: Element[] = [];
  let longestTaskMs: number | null = null;
  const observer = PerformanceObserver.supportedEntryTypes?.includes('longtask')
    ? new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longestTaskMs = Math.max(longestTaskMs ?? 0, entry.duration);
      })
    : null;
  observer?.observe({ type: 'longtask' });
  const started = performance.now();
  const result = await loadAllCommentPages({
    document,
    section,
    parsed,
    fetch: (url, init) => window.fetch(url, init),
    onPage(event) {
      const anchor = parsed.parts.get(event.insert.anchorId)?.element ?? merged.get(event.insert.anchorId)?.element;
      if (!anchor) throw new Error(`no anchor ${event.insert.anchorId}`);
      const point = insertionPoint(section.list, anchor, event.insert.position);
      if (!point) throw new Error('no insertion point');
      for (const unit of event.units) point.parent.insertBefore(unit, point.before);
      inserted.push(...event.units);
      for (const [id, parts] of event.parts) merged.set(id, parts);
    },
  });
  const mergeMs = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer?.disconnect();
  state = { parsed, merged, result };
  const again = detectCommentSections(document);
  const reparsed = again.status === 'found' ? lines(parseSection(again.sections[0]!).thread.comments) : [];
  return {
    outcome: result.outcome,
    pages: result.pages.map((page) => [page.number, page.status, page.failure?.kind ?? null]),
    merged: lines(result.thread.comments),
    reparsed,
    insertedComments: merged.size,
    mergeMs,
    longestTaskMs,
    leftovers: leftoversIn(inserted),
  };
}

function find(query: string): FindProbeReport {
  if (!state) throw new Error('merge first');
  const { parsed, merged, result } = state;
  const partsOf = (id: string) => parsed.parts.get(id) ?? merged.get(id)!;
  let started = performance.now();
  const index = createFindIndex(result.thread.comments.map((c) => ({ id: c.id, name: partsOf(c.id).name, text: partsOf(c.id).content ?? partsOf(c.id).body })));
  const indexMs = performance.now() - started;
  started = performance.now();
  const results = index.search(query);
  const searchMs = performance.now() - started;
  const ranges = results.matches.map((match) => match.toRange()).filter((range): range is Range => range !== null);
  const style = document.createElement('style');
  style.textContent = FIND_HIGHLIGHT_CSS;
  document.head.append(style);
  const platform = platformHighlights(window);
  createFindHighlighter(platform).show(ranges, ranges[0] ?? null);
  const registry = (window as unknown as { CSS: { highlights?: Map<string, unknown> } }).CSS.highlights;
  ranges[0]?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  return {
    supported: platform !== null,
    highlightSelector: CSS.supports('selector(::highlight(threadlight-find))'),
    total: results.total,
    commentIds: results.commentIds,
    rangeTexts: ranges.map((range) => range.toString()),
    registered: registry ? [FIND_HIGHLIGHTS.all, FIND_HIGHLIGHTS.current].filter((name) => registry.has(name)) : [],
    onlyMatching: withAncestors(results.commentIds, result.thread.comments).size,
    indexMs,
    searchMs,
  };
}

(window as unknown as { threadlightMergeProbe: unknown }).threadlightMergeProbe = { merge, find };
