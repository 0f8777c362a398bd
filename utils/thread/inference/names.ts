/**
 * Names as readers type them: "@benoit", "Benoît Faverial", "@ JB", "Céline". Normalization makes matching
 * accent-, case- and whitespace-insensitive; PeopleIndex resolves a typed name to the people who have written
 * so far (incrementally, so "earlier" is free and 5,000 comments stay linear).
 */

// Inference normalizes the same few names and words thousands of times: remember them (bounded).
const normalized = new Map<string, string>();
const MAX_REMEMBERED = 20_000;

/** Lower case, accents stripped, underscores and whitespace runs as one space, punctuation trimmed at both ends. */
export function foldName(name: string): string {
  let result = normalized.get(name);
  if (result === undefined) {
    result = (/^[\x20-\x7e]*$/.test(name) ? name : name.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[’ʼ`]/g, "'"))
      .toLowerCase()
      .replace(/[\s_]+/g, ' ')
      .trim()
      .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (normalized.size >= MAX_REMEMBERED) normalized.clear();
    normalized.set(name, result);
  }
  return result;
}

/** Letters and digits only ("Benoît Faverial" → "benoitfaverial"): how handles and logins are typed. */
export function compactName(name: string): string {
  const full = foldName(name);
  return /^[a-z0-9]*$/.test(full) ? full : full.replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * How well a typed name matches a person: the whole name (or its compact form, or the post author's login),
 * the first name of a multi-word name, or initials ("JB" for "Jean-Baptiste Pennes").
 */
export type NameTier = 'full' | 'first' | 'initials';

export interface NameAlias {
  key: string;
  tier: NameTier;
}

/** Every key under which a display name can be addressed. */
export function aliasesOf(displayName: string): NameAlias[] {
  const full = foldName(displayName);
  if (!full) return [];
  const aliases: NameAlias[] = [{ key: full, tier: 'full' }];
  const compact = compactName(displayName);
  if (compact.length >= 2 && compact !== full) aliases.push({ key: compact, tier: 'full' });
  const words = full.split(' ');
  const firstWord = words[0] ?? '';
  if (words.length >= 2 && firstWord.length >= 2) aliases.push({ key: firstWord, tier: 'first' });
  // Initials of every part ("jean-baptiste pennes" → "jbp") and of a hyphenated first name alone ("jb").
  const parts = words.flatMap((word) => word.split('-')).filter((part) => /^\p{L}/u.test(part));
  if (parts.length >= 2) aliases.push({ key: initials(parts), tier: 'initials' });
  const firstParts = firstWord.split('-').filter((part) => /^\p{L}/u.test(part));
  if (words.length >= 2 && firstParts.length >= 2) aliases.push({ key: initials(firstParts), tier: 'initials' });
  return aliases;
}

function initials(parts: string[]): string {
  return parts.map((part) => part.charAt(0)).join('');
}

/** The login in an author-archive URL (".../author/gregfromparis/"), or null. */
export function loginFromUrl(url: string | null): string | null {
  const login = url ? /\/author\/([^/?#]+)/.exec(url)?.[1] : undefined;
  if (!login) return null;
  try {
    return decodeURIComponent(login);
  } catch {
    return login;
  }
}

export type Resolution =
  | { status: 'none' }
  | { status: 'one'; person: string; tier: NameTier }
  | { status: 'ambiguous'; people: string[] };

/**
 * Typed name → person, over the people seen so far. A name that fits two people (as a full name or a first
 * name) is ambiguous; initials are only tried when no name fits, and must fit one person.
 */
export class PeopleIndex {
  private readonly byAlias = new Map<string, Map<string, NameTier>>();
  /** The last word of every alias: a cheap "could a name end here?" before any lookup. */
  private readonly lastWords = new Set<string>();

  /** Register `displayName` as a way to address `person` (idempotent). */
  add(person: string, displayName: string): void {
    for (const { key, tier } of aliasesOf(displayName)) this.addKey(person, key, tier);
  }

  /** Register an extra key verbatim (a login), at the given tier. */
  addKey(person: string, key: string, tier: NameTier): void {
    const normalized = foldName(key);
    if (!normalized) return;
    let people = this.byAlias.get(normalized);
    if (!people) {
      people = new Map();
      this.byAlias.set(normalized, people);
      this.lastWords.add(normalized.slice(normalized.lastIndexOf(' ') + 1));
    }
    const known = people.get(person);
    if (known === undefined || rank(tier) < rank(known)) people.set(person, tier);
  }

  /** Some alias ends with this word (normalized, or in compact form). */
  mayEndName(word: string): boolean {
    return this.lastWords.has(foldName(word)) || this.lastWords.has(compactName(word));
  }

  /** Who `typed` designates. `allowInitials`: the typed form looks like initials ("JB", "J.B."). */
  resolve(typed: string, allowInitials: boolean): Resolution {
    const key = foldName(typed);
    if (!key) return { status: 'none' };
    const byName = this.candidates(key, (tier) => tier !== 'initials');
    const compact = compactName(typed);
    if (compact !== key) for (const [person, tier] of this.candidates(compact, (t) => t !== 'initials')) byName.set(person, tier);
    if (byName.size > 0) return single(byName);
    if (!allowInitials) return { status: 'none' };
    const byInitials = this.candidates(compact, (tier) => tier === 'initials');
    return byInitials.size > 0 ? single(byInitials) : { status: 'none' };
  }

  private candidates(key: string, keep: (tier: NameTier) => boolean): Map<string, NameTier> {
    const found = new Map<string, NameTier>();
    for (const [person, tier] of this.byAlias.get(key) ?? []) if (keep(tier)) found.set(person, tier);
    return found;
  }
}

function rank(tier: NameTier): number {
  return tier === 'full' ? 0 : tier === 'first' ? 1 : 2;
}

function single(found: Map<string, NameTier>): Resolution {
  const [only, ...others] = found;
  if (!only) return { status: 'none' };
  if (others.length > 0) return { status: 'ambiguous', people: [...found.keys()] };
  return { status: 'one', person: only[0], tier: only[1] };
}
