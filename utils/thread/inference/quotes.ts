/**
 * Quoted text: a passage between « », “ ”, „ “, " " or ( ) that repeats, word for word, at least
 * MIN_QUOTE_WORDS words of exactly one earlier person's comment. Case, punctuation and emoji are ignored
 * ("… :)" matches "… 🙂"); ellipses split a quotation into pieces that are looked up one by one.
 * Blockquotes are invisible here (ThreadComment.text is flat), so only marked quotations count.
 *
 * Speed: words are hashed in one pass over the text, and windows of WINDOW words starting every STRIDE words
 * are indexed, so any run of WINDOW + STRIDE - 1 = MIN_QUOTE_WORDS words is found by a few map lookups. The
 * index is built on the first quotation only: threads that quote nothing pay nothing.
 */

/** Shorter runs coincide too easily ("je ne sais pas si c'est vrai"). */
export const MIN_QUOTE_WORDS = 8;
const WINDOW = 5;
const STRIDE = MIN_QUOTE_WORDS - WINDOW + 1;
/** A window found in more comments than this is a stock phrase: it identifies nobody. */
const MAX_WINDOW_SOURCES = 16;
/** Packs a (text, word) position in one number: no comment has a million words. */
const HIT_SCALE = 1_000_000;

const QUOTE_PAIRS: [string, string][] = [
  ['«', '»'],
  ['“', '”'],
  ['„', '“'],
  ['"', '"'],
  ['(', ')'],
];
/** What a quoted comment was itself quoting is not its own text (a parenthesis is). */
const QUOTE_MARKS_ONLY = QUOTE_PAIRS.filter(([open]) => open !== '(');
const ANY_QUOTE_MARK = /[«“„"(]/;
const ELLIPSIS = /\[\s*(?:…|\.\.\.)\s*\]|\(\s*(?:…|\.\.\.)\s*\)|…|\.\.\./u;

/** A text as word hashes, with the offset where each word starts. */
export interface Words {
  hashes: number[];
  starts: number[];
}

/**
 * Words of `text` (letters and digits; everything else separates), lower-cased, each hashed (FNV-1a).
 * Accents are kept: a quotation is copied, not retyped.
 */
export function hashWords(text: string): Words {
  const hashes: number[] = [];
  const starts: number[] = [];
  let hash = 0;
  let inWord = false;
  for (let i = 0; i <= text.length; i++) {
    let code = i < text.length ? text.charCodeAt(i) : 32;
    if (code >= 65 && code <= 90) code += 32;
    else if (code >= 0xc0 && code <= 0xde && code !== 0xd7) code += 32;
    const letter =
      (code >= 97 && code <= 122) ||
      (code >= 48 && code <= 57) ||
      (code >= 0xc0 && code !== 0xd7 && code !== 0xf7 && code < 0x2000) ||
      (code >= 0x3040 && code < 0xd800) ||
      code >= 0xf900;
    if (letter) {
      if (!inWord) {
        inWord = true;
        hash = 0x811c9dc5;
        starts.push(i);
      }
      hash = Math.imul(hash ^ code, 0x01000193);
    } else if (inWord) {
      inWord = false;
      hashes.push(hash | 0);
    }
  }
  return { hashes, starts };
}

export interface QuotedSegment {
  /** Offset of the opening mark. */
  start: number;
  /** Offset just after the closing mark. */
  end: number;
  inner: string;
}

/** Passages between matching marks, in text order. */
export function quotedSegments(text: string, pairs: [string, string][] = QUOTE_PAIRS): QuotedSegment[] {
  const segments: QuotedSegment[] = [];
  for (const [open, close] of pairs) {
    let from = 0;
    while (from < text.length) {
      const start = text.indexOf(open, from);
      if (start < 0) break;
      const end = text.indexOf(close, start + 1);
      if (end < 0) break;
      segments.push({ start, end: end + 1, inner: text.slice(start + 1, end) });
      from = end + 1;
    }
  }
  return segments.sort((a, b) => a.start - b.start);
}

/** A quotation piece long enough to identify its source. */
export interface QuotePiece {
  /** Offset of the quotation's opening mark in the quoting text. */
  start: number;
  words: Words;
}

/** The pieces of `text`'s quotations (split at ellipses) that are at least MIN_QUOTE_WORDS words long. */
export function quotePieces(text: string): QuotePiece[] {
  if (!ANY_QUOTE_MARK.test(text)) return [];
  const pieces: QuotePiece[] = [];
  for (const segment of quotedSegments(text)) {
    for (const part of segment.inner.split(ELLIPSIS)) {
      const words = hashWords(part);
      if (words.hashes.length >= MIN_QUOTE_WORDS) pieces.push({ start: segment.start, words });
    }
  }
  return pieces;
}

function windowKey(hashes: readonly number[], at: number): number {
  let key = 0x811c9dc5;
  for (let i = at; i < at + WINDOW; i++) key = Math.imul(key ^ (hashes[i] ?? 0), 0x01000193);
  return key | 0;
}

/** Which comments contain a quotation, over texts given in writing order. */
export class QuoteSources {
  private words: Words[] | null = null;
  /** Window key → where it occurs first, as textIndex * HIT_SCALE + wordIndex (most windows occur once). */
  private readonly firstHit = new Map<number, number>();
  /** Window key → its other occurrences. */
  private readonly moreHits = new Map<number, number[]>();
  private readonly stockPhrases = new Set<number>();
  private readonly quotations = new Map<number, QuotedSegment[]>();

  constructor(private readonly texts: readonly string[]) {}

  /** Indices (< `before`) of the texts whose own words contain the piece, oldest first. */
  find(piece: Words, before: number): number[] {
    const words = this.index();
    const found = new Set<number>();
    const { hashes } = piece;
    const check = (hit: number, j: number) => {
      const text = Math.floor(hit / HIT_SCALE);
      const start = (hit % HIT_SCALE) - j;
      const source = words[text];
      if (text < before && source && start >= 0 && this.holds(text, source, hashes, start)) found.add(text);
    };
    // A source where the piece starts at word s has its windows indexed where (s + j) % STRIDE === 0: for each
    // alignment, the first window of the piece that is not a stock phrase finds every such source.
    for (let alignment = 0; alignment < STRIDE; alignment++) {
      for (let j = alignment; j + WINDOW <= hashes.length; j += STRIDE) {
        const key = windowKey(hashes, j);
        if (this.stockPhrases.has(key)) continue;
        const first = this.firstHit.get(key);
        if (first !== undefined) check(first, j);
        for (const hit of this.moreHits.get(key) ?? []) check(hit, j);
        break;
      }
    }
    return [...found].sort((a, b) => a - b);
  }

  /** `source` has the piece at word `start`, outside any passage it was itself quoting. */
  private holds(text: number, source: Words, piece: readonly number[], start: number): boolean {
    if (start + piece.length > source.hashes.length) return false;
    for (let i = 0; i < piece.length; i++) if (source.hashes[start + i] !== piece[i]) return false;
    const from = source.starts[start] ?? 0;
    const to = source.starts[start + piece.length - 1] ?? from;
    return !this.quotationsIn(text).some((segment) => segment.start < from && to < segment.end);
  }

  /** The passages text `text` quotes from someone else (long enough to be quotations, not emphasis). */
  private quotationsIn(text: number): QuotedSegment[] {
    let segments = this.quotations.get(text);
    if (!segments) {
      segments = quotedSegments(this.texts[text] ?? '', QUOTE_MARKS_ONLY).filter(
        (segment) => hashWords(segment.inner).hashes.length >= MIN_QUOTE_WORDS,
      );
      this.quotations.set(text, segments);
    }
    return segments;
  }

  private index(): Words[] {
    if (this.words) return this.words;
    this.words = this.texts.map((text) => hashWords(text));
    this.words.forEach(({ hashes }, text) => {
      for (let at = 0; at + WINDOW <= hashes.length; at += STRIDE) {
        const key = windowKey(hashes, at);
        if (this.stockPhrases.has(key)) continue;
        const hit = text * HIT_SCALE + at;
        if (!this.firstHit.has(key)) {
          this.firstHit.set(key, hit);
          continue;
        }
        const more = this.moreHits.get(key);
        if (!more) this.moreHits.set(key, [hit]);
        else if (more.length < MAX_WINDOW_SOURCES - 1) more.push(hit);
        else {
          this.firstHit.delete(key);
          this.moreHits.delete(key);
          this.stockPhrases.add(key);
        }
      }
    });
    return this.words;
  }
}
