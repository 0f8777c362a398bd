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
  hashes: Int32Array;
  starts: Int32Array;
}

/** A growable pair of typed arrays: no garbage per word, even over a whole thread. */
class WordBuffer {
  hashes: Int32Array;
  starts: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.hashes = new Int32Array(capacity);
    this.starts = new Int32Array(capacity);
  }

  push(hash: number, start: number): void {
    if (this.length === this.hashes.length) {
      const hashes = new Int32Array(this.length * 2);
      const starts = new Int32Array(this.length * 2);
      hashes.set(this.hashes);
      starts.set(this.starts);
      this.hashes = hashes;
      this.starts = starts;
    }
    this.hashes[this.length] = hash;
    this.starts[this.length++] = start;
  }
}

/**
 * Char code → its lower-case code when it belongs to a word (letters, digits), 0 when it separates words.
 * Built on first use, not at load: the content script is evaluated on every page, most of which have no thread.
 */
let wordCodeTable: Uint16Array | null = null;
function wordCodes(): Uint16Array {
  return (wordCodeTable ??= buildWordCodes());
}

function buildWordCodes(): Uint16Array {
  const table = new Uint16Array(65536);
  for (let code = 0; code < 65536; code++) {
    let lower = code;
    if (code >= 65 && code <= 90) lower = code + 32;
    else if (code >= 0xc0 && code <= 0xde && code !== 0xd7) lower = code + 32;
    const inWord =
      (lower >= 97 && lower <= 122) ||
      (lower >= 48 && lower <= 57) ||
      (lower >= 0xc0 && lower !== 0xd7 && lower !== 0xf7 && lower < 0x2000) ||
      (lower >= 0x3040 && lower < 0xd800) ||
      lower >= 0xf900;
    table[code] = inWord ? lower : 0;
  }
  return table;
}

/**
 * Appends the words of `text` (letters and digits; everything else, emoji included, separates), lower-cased
 * and hashed (FNV-1a), with their offsets. Accents are kept: a quotation is copied, not retyped.
 */
function appendWords(text: string, buffer: WordBuffer): void {
  const codes = wordCodes();
  let hash = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const code = codes[text.charCodeAt(i)]!;
    if (code !== 0) {
      if (start < 0) {
        start = i;
        hash = 0x811c9dc5;
      }
      hash = Math.imul(hash ^ code, 0x01000193);
    } else if (start >= 0) {
      buffer.push(hash, start);
      start = -1;
    }
  }
  if (start >= 0) buffer.push(hash, start);
}

/** The words of `text`, hashed (see appendWords). */
export function hashWords(text: string): Words {
  const buffer = new WordBuffer(Math.max(8, text.length >> 3));
  appendWords(text, buffer);
  return { hashes: buffer.hashes.subarray(0, buffer.length), starts: buffer.starts.subarray(0, buffer.length) };
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
    if (segment.inner.length < 2 * MIN_QUOTE_WORDS) continue; // cannot hold MIN_QUOTE_WORDS words
    for (const part of segment.inner.split(ELLIPSIS)) {
      const words = hashWords(part);
      if (words.hashes.length >= MIN_QUOTE_WORDS) pieces.push({ start: segment.start, words });
    }
  }
  return pieces;
}

function windowKey(hashes: Int32Array, at: number): number {
  let key = 0x811c9dc5;
  for (let i = at; i < at + WINDOW; i++) key = Math.imul(key ^ (hashes[i] ?? 0), 0x01000193);
  return key | 0;
}

/** Which comments contain a quotation, over texts given in writing order. */
export class QuoteSources {
  /** Every text's words, end to end; text t owns words firstWord[t] … firstWord[t + 1] - 1. */
  private words: WordBuffer | null = null;
  private firstWord = new Int32Array(0);
  /** Open-addressing table of window keys: key, first position + 1 (0 = empty slot), occurrences. */
  private keys = new Int32Array(0);
  private firstAt = new Int32Array(0);
  private counts = new Uint8Array(0);
  /** Slot → the other positions of its window. */
  private readonly moreAt = new Map<number, number[]>();
  private readonly quotations = new Map<number, QuotedSegment[]>();

  constructor(private readonly texts: readonly string[]) {}

  /** Indices (< `before`) of the texts whose own words contain the piece, oldest first. */
  find(piece: Words, before: number): number[] {
    this.index();
    const found = new Set<number>();
    const { hashes } = piece;
    // A source where the piece starts at word s has its windows indexed where (s + j) % STRIDE === 0: for each
    // alignment, the first window of the piece that is not a stock phrase finds every such source.
    for (let alignment = 0; alignment < STRIDE; alignment++) {
      for (let j = alignment; j + WINDOW <= hashes.length; j += STRIDE) {
        const slot = this.slotOf(windowKey(hashes, j));
        if (slot >= 0 && this.counts[slot]! > MAX_WINDOW_SOURCES) continue; // a stock phrase: try the next one
        if (slot >= 0) {
          for (const at of [this.firstAt[slot]! - 1, ...(this.moreAt.get(slot) ?? [])]) {
            const text = this.textOf(at);
            if (text < before && this.holds(text, hashes, at - j)) found.add(text);
          }
        }
        break;
      }
    }
    return [...found].sort((a, b) => a - b);
  }

  /** Text `text` has the piece at global word `start`, outside any passage it was itself quoting. */
  private holds(text: number, piece: Int32Array, start: number): boolean {
    const words = this.words!;
    if (start < this.firstWord[text]! || start + piece.length > this.firstWord[text + 1]!) return false;
    for (let i = 0; i < piece.length; i++) if (words.hashes[start + i] !== piece[i]) return false;
    const from = words.starts[start]!;
    const to = words.starts[start + piece.length - 1]!;
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

  /** The text holding global word `at` (binary search). */
  private textOf(at: number): number {
    let low = 0;
    let high = this.texts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.firstWord[middle]! <= at) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** The table slot of `key`, or -1. */
  private slotOf(key: number): number {
    const mask = this.keys.length - 1;
    for (let slot = Math.imul(key, 0x9e3779b1) & mask; this.firstAt[slot] !== 0; slot = (slot + 1) & mask) {
      if (this.keys[slot] === key) return slot;
    }
    return -1;
  }

  private index(): void {
    if (this.words) return;
    const words = new WordBuffer(1024);
    this.firstWord = new Int32Array(this.texts.length + 1);
    this.texts.forEach((text, index) => {
      this.firstWord[index] = words.length;
      appendWords(text, words);
    });
    this.firstWord[this.texts.length] = words.length;
    this.words = words;

    let capacity = 16;
    while (capacity < (2 * words.length) / STRIDE) capacity *= 2;
    this.keys = new Int32Array(capacity);
    this.firstAt = new Int32Array(capacity);
    this.counts = new Uint8Array(capacity);
    const mask = capacity - 1;
    for (let text = 0; text < this.texts.length; text++) {
      const end = this.firstWord[text + 1]!;
      for (let at = this.firstWord[text]!; at + WINDOW <= end; at += STRIDE) {
        const key = windowKey(words.hashes, at);
        let slot = Math.imul(key, 0x9e3779b1) & mask;
        while (this.firstAt[slot] !== 0 && this.keys[slot] !== key) slot = (slot + 1) & mask;
        if (this.firstAt[slot] === 0) {
          this.keys[slot] = key;
          this.firstAt[slot] = at + 1;
          this.counts[slot] = 1;
        } else if (this.counts[slot]! <= MAX_WINDOW_SOURCES) {
          const count = ++this.counts[slot]!;
          if (count > MAX_WINDOW_SOURCES) this.moreAt.delete(slot);
          else {
            const more = this.moreAt.get(slot);
            if (more) more.push(at);
            else this.moreAt.set(slot, [at]);
          }
        }
      }
    }
  }
}
