/**
 * A set of comment ids written compactly for storage. WordPress ids are site-wide integers: sorted, they are
 * written as runs, each run as the gap since the previous run and its length, in base 36:
 *
 *   ids 30…87, 90, 92…93   →   "u.1l,2,1.1"     (gap 30 then 57 more; gap 2; gap 1 then 1 more)
 *
 * A post's comments are mostly near-consecutive ids, so 5,000 ids take a few kilobytes (figures in
 * docs/new-since-last-visit.md). Ids that are not plain integers (the parser's content-hashed `anon-…`/`ping-…`,
 * other dialects' ids) follow after a `|`, literally. Pure; `decodeIdSet` never throws.
 */

/** A plain non-negative integer id, as WordPress writes it (no sign, no leading zero). */
const NUMERIC_ID = /^(?:0|[1-9]\d{0,15})$/;
/** Other ids are stored as they are when they are short and cannot be confused with the separators. */
const LITERAL_ID = /^[A-Za-z0-9_:.-]{1,64}$/;
const RUN_TOKEN = /^([0-9a-z]{1,11})(?:\.([0-9a-z]{1,11}))?$/;

/** More ids than this in one stored set is corruption (a thread of 100,000 comments does not exist). */
export const MAX_STORED_IDS = 100_000;

function isNumericId(id: string): boolean {
  return NUMERIC_ID.test(id) && Number(id) <= Number.MAX_SAFE_INTEGER;
}

/** Is `id` one the set can hold? (Anything else is dropped on encoding.) */
export function isStorableId(id: string): boolean {
  return isNumericId(id) || LITERAL_ID.test(id);
}

/** The compact text of a set of ids. Ids that cannot be stored are dropped; order and duplicates do not matter. */
export function encodeIdSet(ids: Iterable<string>): string {
  const numbers: number[] = [];
  const literals = new Set<string>();
  for (const id of ids) {
    if (isNumericId(id)) numbers.push(Number(id));
    else if (LITERAL_ID.test(id)) literals.add(id);
  }
  numbers.sort((a, b) => a - b);
  const tokens: string[] = [];
  let previousEnd = -1;
  for (let i = 0; i < numbers.length; ) {
    const start = numbers[i]!;
    let end = start;
    i++;
    while (i < numbers.length && numbers[i]! <= end + 1) end = Math.max(end, numbers[i++]!);
    const gap = start - previousEnd - 1;
    tokens.push(end > start ? `${gap.toString(36)}.${(end - start).toString(36)}` : gap.toString(36));
    previousEnd = end;
  }
  const numeric = tokens.join(',');
  return literals.size > 0 ? `${numeric}|${[...literals].sort().join(',')}` : numeric;
}

/** The ids of an encoded set; null when `encoded` is not one (corrupted or hostile storage). */
export function decodeIdSet(encoded: unknown): Set<string> | null {
  if (typeof encoded !== 'string') return null;
  const bar = encoded.indexOf('|');
  const numeric = bar === -1 ? encoded : encoded.slice(0, bar);
  const literal = bar === -1 ? '' : encoded.slice(bar + 1);
  const ids = new Set<string>();
  let previousEnd = -1;
  if (numeric !== '') {
    for (const token of numeric.split(',')) {
      const match = RUN_TOKEN.exec(token);
      if (!match) return null;
      const start = previousEnd + 1 + parseInt(match[1]!, 36);
      const extra = match[2] === undefined ? 0 : parseInt(match[2], 36);
      const end = start + extra;
      if (!Number.isSafeInteger(end) || ids.size + extra + 1 > MAX_STORED_IDS) return null;
      for (let id = start; id <= end; id++) ids.add(String(id));
      previousEnd = end;
    }
  }
  if (literal !== '') {
    for (const id of literal.split(',')) {
      if (!LITERAL_ID.test(id) || isNumericId(id) || ids.size >= MAX_STORED_IDS) return null;
      ids.add(id);
    }
  }
  return ids;
}

/** The highest plain-integer id of a set, or -1 when it holds none. */
export function highestNumericId(ids: Iterable<string>): number {
  let highest = -1;
  for (const id of ids) if (isNumericId(id)) highest = Math.max(highest, Number(id));
  return highest;
}

/** The integer value of `id` when it is a plain integer id, else null. */
export function numericIdValue(id: string): number | null {
  return isNumericId(id) ? Number(id) : null;
}
