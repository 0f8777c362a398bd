/**
 * Where a comment speaks TO someone (an address), as opposed to talking ABOUT them:
 * - "@Name" / "@ Name :" when it opens a sentence or is followed by a colon ("@ Eric : C'est vrai"),
 *   anywhere in the text (paragraph breaks are collapsed, so a sentence start is the best we can see);
 * - "Name :" opening the comment ("Benoît : …");
 * - a vocative opening: "Bonjour Camille,", "Et +1 Céline,", "Fair point, Vesper." — the name ends one of the
 *   first short clauses.
 * "Comme le disait Benoit", "merci à Benoit", "d'accord avec @Eric" are about someone: no address.
 */
import { foldName, PeopleIndex, type NameTier } from './names';

export type AddressKind = 'at' | 'colon' | 'vocative';

export interface Address {
  kind: AddressKind;
  /** Offset of the address in the text. */
  start: number;
  /** The name as typed ("Benoit Faverial", "JB"). */
  typed: string;
  /** The address opens the comment (its first words). */
  opening: boolean;
  /** The person meant, or null when the name fits several people. */
  person: string | null;
  tier: NameTier | null;
}

/** Names are at most this many words ("Jean-Baptiste Pennes", "Lecteur anonyme 1"). */
const MAX_NAME_WORDS = 4;
const WORD = String.raw`[\p{L}\p{N}][\p{L}\p{N}'’._-]*`;
// "@" not glued to a word (an e-mail address), then up to MAX_NAME_WORDS words.
const AT_MENTION = new RegExp(String.raw`(?<![\p{L}\p{N}_.@/:=])@\s?(${WORD}(?:[ \t]${WORD}){0,${MAX_NAME_WORDS - 1}})`, 'gu');
const OPENING_COLON = new RegExp(String.raw`^(${WORD}(?:\s${WORD}){0,${MAX_NAME_WORDS - 1}})\s?:(?!\/)`, 'u');
/** Typed like initials: "JB", "J.B.", "JBP". */
const INITIALS = /^(?:\p{Lu}\.?){2,4}$/u;
/** Words that make "… Name" a phrase about Name rather than a call to them ("merci à Benoit", "comme dit Eric"). */
const ABOUT_WORDS = new Set([
  'a', 'au', 'aux', 'de', 'du', 'des', 'par', 'pour', 'avec', 'comme', 'chez', 'que', 'qu', 'dit', 'disait', 'selon',
  'le', 'la', 'les', 'to', 'for', 'with', 'by', 'like', 'than', 'as', 'from', 'about', 'of', 'said', 'says', 'the',
]);
/** Only the first words of a comment can hold a vocative opening. */
const OPENING_WORDS = 8;
const OPENING_CHARS = 200;
const CLAUSE_ENDS = new Set([',', ';', ':', '!', '?', '.', '…']);

/** The addresses of `text`, in text order, resolved against the people who wrote before it. */
export function findAddresses(text: string, people: PeopleIndex): Address[] {
  const addresses: Address[] = [];
  const colonName = OPENING_COLON.exec(text)?.[1];
  if (colonName) {
    const resolved = resolveExactly(colonName, people);
    if (resolved) addresses.push({ kind: 'colon', start: 0, typed: trimName(colonName), opening: true, ...resolved });
  }
  if (text.includes('@')) {
    for (const match of text.matchAll(AT_MENTION)) {
      const address = resolveAtMention(text, match, people);
      if (address) addresses.push(address);
    }
  }
  if (!addresses[0]?.opening) {
    const vocative = findVocativeOpening(text, people);
    if (vocative) addresses.unshift(vocative);
  }
  return addresses;
}

/** The longest run of words after "@" that names someone; kept when it is an address (see the file comment). */
function resolveAtMention(text: string, match: RegExpMatchArray, people: PeopleIndex): Address | null {
  const start = match.index ?? 0;
  const name = match[1] ?? '';
  const words = name.split(/[ \t]/);
  for (let count = words.length; count >= 1; count--) {
    const typed = trimName(words.slice(0, count).join(' '));
    if (!typed) continue;
    const resolution = people.resolve(typed, INITIALS.test(typed));
    if (resolution.status === 'none') continue;
    const nameEnd = start + match[0].length - name.length + words.slice(0, count).join(' ').length;
    const after = text.slice(nameEnd).trimStart();
    const addressing = /^:(?!\/)/.test(after) || opensSentence(text, start);
    if (!addressing) return null;
    return {
      kind: 'at',
      start,
      typed,
      opening: text.slice(0, start).trim() === '',
      person: resolution.status === 'one' ? resolution.person : null,
      tier: resolution.status === 'one' ? resolution.tier : null,
    };
  }
  return null;
}

/** The whole phrase must be a name (no longest-prefix search: "Ici par exemple :" is not an address). */
function resolveExactly(typed: string, people: PeopleIndex): Pick<Address, 'person' | 'tier'> | null {
  const name = trimName(typed);
  const resolution = people.resolve(name, INITIALS.test(name));
  if (resolution.status === 'none') return null;
  return resolution.status === 'one'
    ? { person: resolution.person, tier: resolution.tier }
    : { person: null, tier: null };
}

/**
 * "Bonjour Camille, …", "Et +1 Céline, …", "Fair point, Vesper. …": within the first words, a clause that is a
 * name after at most two words, none of them a preposition or a verb of saying ("Merci à Benoit", "Comme le
 * disait Eric"), and followed by punctuation.
 */
function findVocativeOpening(text: string, people: PeopleIndex): Address | null {
  // A hand-written scan: this runs on every comment, and a /u regex over the opening costs more than the rest.
  const limit = Math.min(text.length, OPENING_CHARS);
  let clauseStart = 0;
  let wordsSeen = 0;
  for (let i = 0; i < limit && wordsSeen < OPENING_WORDS; i++) {
    if (!CLAUSE_ENDS.has(text.charAt(i))) continue;
    const raw = text.slice(clauseStart, i);
    const rawStart = clauseStart;
    clauseStart = i + 1;
    const words = raw.split(' ').filter(Boolean);
    if (words.length === 0) continue;
    wordsSeen += words.length;
    if (words.length > 5 || raw.includes('@') || !people.mayEndName(words[words.length - 1]!)) continue;
    for (let count = Math.min(words.length, 3); count >= 1; count--) {
      const typed = trimName(words.slice(words.length - count).join(' '));
      if (!typed || !/^\p{Lu}/u.test(typed)) continue;
      const head = words.slice(0, words.length - count);
      if (head.length > 2 || head.some((word) => ABOUT_WORDS.has(normalizeWord(word)))) continue;
      const resolved = resolveExactly(typed, people);
      if (resolved) return { kind: 'vocative', start: rawStart + raw.lastIndexOf(typed), typed, opening: true, ...resolved };
    }
  }
  return null;
}

/** Nothing but punctuation, symbols or emoji between the previous sentence and this point. */
function opensSentence(text: string, index: number): boolean {
  const before = text.slice(0, index).trimEnd();
  if (before === '') return true;
  const last = [...before].pop() ?? '';
  return !/[\p{L}\p{N},'’-]/u.test(last);
}

function trimName(typed: string): string {
  return typed.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

function normalizeWord(word: string): string {
  return foldName(word).replace(/^.*'/, '');
}
