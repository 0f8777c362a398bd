/**
 * Text folded for find-in-thread: case, accents and typographic variants ignored, with a map from every folded
 * character back to the source, so a match in the folded text becomes a DOM Range over the original.
 *
 * Folding (docs/merge-and-find.md, "Find"): Unicode compatibility decomposition (NFKD: ligatures ﬁ → fi, full-width
 * and superscript forms), lower case, combining marks removed ("réponse" → "reponse"); then the letters that do not
 * decompose: œ → oe, æ → ae, ß/ẞ → ss, ø → o, ł → l, đ/ð → d, þ → th, ı → i; typographic apostrophes and quotes
 * (’ ‘ ‛ ′ → ', “ ” „ ″ → ") and dashes (‐ ‑ ‒ – — ― → -) as their ASCII forms, so "l'homme" finds "l’homme"; every
 * run of white space (no-break and thin spaces included: French typography) is one space; soft hyphens and
 * zero-width characters vanish.
 */

const SPECIAL: Record<string, string> = {
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  '’': "'",
  '‘': "'",
  '‛': "'",
  '′': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '″': '"',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '–': '-',
  '—': '-',
  '―': '-',
};
const INVISIBLE = /^[\u00ad\u200b-\u200d\u2060\ufeff]$/;
const SPACE = /^\s$/;
const MARKS = /\p{M}/gu;

const cache = new Map<string, string>();

/** One source character (a code point), folded: '' for what search ignores, ' ' for white space. */
export function foldChar(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 128) {
    if (code >= 65 && code <= 90) return String.fromCharCode(code + 32);
    return code === 9 || code === 10 || code === 12 || code === 13 ? ' ' : char;
  }
  let folded = cache.get(char);
  if (folded === undefined) {
    if (SPACE.test(char)) folded = ' ';
    else if (INVISIBLE.test(char)) folded = '';
    else {
      const lower = char.normalize('NFKD').toLowerCase().replace(MARKS, '');
      folded = Array.from(lower, (part) => SPECIAL[part] ?? part).join('');
    }
    if (cache.size < 10_000) cache.set(char, folded);
  }
  return folded;
}

export interface FoldedText {
  text: string;
  /** For each UTF-16 unit of `text`: where its source character starts and ends in the source string. */
  starts: Uint32Array;
  ends: Uint32Array;
}

/** The folded text and its map back to `source` (white-space runs collapse, onto the first of them). */
export function foldWithMap(source: string): FoldedText {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < source.length) {
    const code = source.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const folded = foldChar(source.slice(i, i + width));
    const end = i + width;
    const last = text.length - 1;
    if (folded === '' || (folded === ' ' && last >= 0 && text[last] === ' ')) {
      // Nothing of its own: the previous character's range grows over it (an accent typed apart stays in the match).
      if (last >= 0) ends[last] = end;
    } else {
      text += folded;
      for (let k = 0; k < folded.length; k++) {
        starts.push(i);
        ends.push(end);
      }
    }
    i = end;
  }
  return { text, starts: Uint32Array.from(starts), ends: Uint32Array.from(ends) };
}

/** A query folded like the text it is looked for in, trimmed. */
export function foldQuery(query: string): string {
  return foldWithMap(query).text.trim();
}
