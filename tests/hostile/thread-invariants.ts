/**
 * What every parsed thread must satisfy, whatever the markup: the view, the popup and the stats all rely on it.
 * Returns readable violations (empty = fine) so a failing test says exactly what broke.
 */
import type { ParsedSection } from '@/utils/parse/types';
import type { Thread } from '@/utils/thread/types';

/** Schemes that run code or documents when navigated to or loaded. */
const SCRIPT_SCHEME = /^(?:javascript|vbscript|data|blob|file):/i;

/** True when `url` is something we may hand to an href/src (absolute http(s) or mailto). */
export function isSafeUrl(url: string): boolean {
  return /^(?:https?:\/\/|mailto:)/i.test(url) && !SCRIPT_SCHEME.test(url);
}

/** ISO 8601 date or date-time, the only shape ThreadComment.date may take. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A broken invariant; `depth` ones (depth ≠ parent depth + 1, not pre-order) are a weaker class, reported apart. */
export interface Violation {
  kind: 'structure' | 'depth';
  message: string;
}

export function threadInvariantViolations(thread: Thread): Violation[] {
  const problems: Violation[] = [];
  const structure = (message: string) => problems.push({ kind: 'structure', message });
  const depth = (message: string) => problems.push({ kind: 'depth', message });
  const seen = new Map<string, number>(); // id → depth, for comments already listed
  // Pre-order: the parent of each comment is on the path from the root to the previous comment.
  const path: string[] = [];

  thread.comments.forEach((c, index) => {
    const where = `comments[${index}] (id ${JSON.stringify(c.id)})`;
    if (typeof c.id !== 'string' || c.id === '') structure(`${where}: empty or non-string id`);
    if (seen.has(c.id)) structure(`${where}: duplicate id`);
    if (!Number.isInteger(c.depth) || c.depth < 1) structure(`${where}: depth ${c.depth} is not an integer ≥ 1`);

    if (c.parentId === null) {
      if (c.depth !== 1) depth(`${where}: top-level comment with depth ${c.depth}`);
      path.length = 0;
    } else if (c.parentId === c.id) {
      structure(`${where}: is its own parent`);
    } else if (!seen.has(c.parentId)) {
      structure(`${where}: parent ${c.parentId} is not an earlier comment`);
    } else {
      const parentDepth = seen.get(c.parentId)!;
      if (c.depth !== parentDepth + 1) depth(`${where}: depth ${c.depth}, parent ${c.parentId} has depth ${parentDepth}`);
      const at = path.lastIndexOf(c.parentId);
      if (at === -1) depth(`${where}: parent ${c.parentId} is not an ancestor of the previous comment (not pre-order)`);
      path.length = at + 1;
    }
    path.push(c.id);
    if (!seen.has(c.id)) seen.set(c.id, c.depth);

    if (typeof c.author?.name !== 'string') structure(`${where}: author name is not a string`);
    if (typeof c.text !== 'string') structure(`${where}: text is not a string`);
    for (const [field, value] of [
      ['author.url', c.author?.url],
      ['author.avatar', c.author?.avatar],
      ['permalink', c.permalink],
    ] as const) {
      if (value === null) continue;
      // An image data URL is harmless as an <img> source (lazy-loading placeholders use them).
      const isImageData = field === 'author.avatar' && typeof value === 'string' && /^data:image\//i.test(value);
      if (typeof value !== 'string' || (SCRIPT_SCHEME.test(value.trim()) && !isImageData))
        structure(`${where}: ${field} ${JSON.stringify(value)?.slice(0, 120)} is not null nor a safe URL`);
    }
    if (c.date !== null && !(typeof c.date === 'string' && ISO_DATE.test(c.date) && !Number.isNaN(Date.parse(c.date))))
      structure(`${where}: date ${JSON.stringify(c.date).slice(0, 120)} is not ISO 8601`);
    if (!['comment', 'pingback', 'trackback'].includes(c.type)) structure(`${where}: unknown type ${c.type}`);
  });
  return problems;
}

/** The thread invariants plus the id → element maps: one distinct page element per comment. */
export function parsedInvariantViolations(parsed: ParsedSection): Violation[] {
  const problems = threadInvariantViolations(parsed.thread);
  const structure = (message: string) => problems.push({ kind: 'structure', message });
  const elements = new Set<Element>();
  for (const c of parsed.thread.comments) {
    const parts = parsed.parts.get(c.id);
    const element = parts?.element;
    if (!element) structure(`id ${c.id}: no parts (element) in ParsedSection.parts`);
    else if (elements.has(element)) structure(`id ${c.id}: shares its element with another comment`);
    else elements.add(element);
    const body = parts?.body;
    if (!body) structure(`id ${c.id}: no body in ParsedSection.parts`);
    else if (element && !element.contains(body)) structure(`id ${c.id}: body is outside the item element`);
  }
  if (parsed.parts.size !== parsed.thread.comments.length)
    structure(`parts has ${parsed.parts.size} entries for ${parsed.thread.comments.length} comments`);
  return problems;
}
