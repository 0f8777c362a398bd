/**
 * Who answers whom when the markup does not say: readers of flat threads (threading off) write "@ Eric :",
 * "Bonjour Camille," or quote the comment they answer. inferReplies reads that evidence, and only that
 * evidence: a wrong link is worse than none. Rules, scope and measured precision: docs/reply-inference.md.
 */
import { findAddresses, type Address } from '@/utils/thread/inference/addresses';
import { foldName, loginFromUrl, PeopleIndex } from '@/utils/thread/inference/names';
import { identifyPeople, POST_AUTHOR_KEY } from '@/utils/thread/participants';
import { quotePieces, QuoteSources } from '@/utils/thread/inference/quotes';
import type { Thread, ThreadComment } from '@/utils/thread/types';

export interface InferredLink {
  /** The comment that probably answers… */
  childId: string;
  /** …this earlier comment. */
  parentId: string;
  /** 'high': one person addressed explicitly, or a quote that opens the reply; 'medium': the rest we accept. */
  confidence: 'high' | 'medium';
  /**
   * 'mention': "@Name", "@ Name :" or "Name :" → that person's latest earlier comment;
   * 'reciprocal-mention': the same, but to the comment in which that person had addressed the replier;
   * 'name': a vocative opening ("Bonjour Camille,"); 'quote': words quoted from the parent.
   */
  evidence: 'mention' | 'reciprocal-mention' | 'name' | 'quote';
  /** Why, in plain English (inspector, tests, debugging; never shown in the page). */
  detail: string;
}

/**
 * "Fair point, Delphine." answers Delphine's latest comment only if it is one of the last few, or her only one:
 * on flattened synthetic threads, "her latest" was wrong 4 times in 34 beyond that window.
 */
const RECENT_COMMENTS = 3;

/** The person key of every comment by the post author, whatever name they signed (the one identity rule). */
const POST_AUTHOR = POST_AUTHOR_KEY;

/** One comment during inference. */
interface Entry {
  comment: ThreadComment;
  /** Position in writing order. */
  order: number;
  /** Position in page order. */
  pageIndex: number;
  person: string;
}

/** What one person wrote so far, and, per person they addressed, the comments in which they did. */
interface PersonState {
  name: string;
  comments: Entry[];
  addressed: Map<string, Entry[]>;
}

interface Decision {
  parent: Entry;
  confidence: InferredLink['confidence'];
  evidence: InferredLink['evidence'];
  detail: string;
}

interface Context {
  entries: Entry[];
  persons: Map<string, PersonState>;
  quotes: QuoteSources;
  /** The ids the parent may have (overflow siblings), or null when any earlier comment may be it. */
  eligible: Set<string> | null;
}

/**
 * The reply links the evidence justifies, for the comments whose parent the markup does not give: every comment
 * of a flat thread, and in a nested thread the later siblings at its deepest level (WordPress's overflow). Pure;
 * linear in the thread's size (quotes aside: each quotation is looked up in the comments before it).
 */
export function inferReplies(thread: Thread): InferredLink[] {
  const entries = inWritingOrder(thread);
  const flat = thread.comments.every((comment) => comment.parentId === null);
  const overflow = flat ? null : overflowCandidates(entries);
  if (overflow !== null && overflow.size === 0) return [];

  const people = new PeopleIndex();
  const persons = new Map<string, PersonState>();
  const postAuthorName = registerPostAuthor(thread, people);
  if (postAuthorName !== null) persons.set(POST_AUTHOR, { name: postAuthorName, comments: [], addressed: new Map() });
  const quotes = new QuoteSources(entries.map((entry) => entry.comment.text));
  const found: { child: Entry; decision: Decision }[] = [];

  const deepest = overflow === null ? 0 : maxDepth(entries);
  for (const entry of entries) {
    if (entry.comment.type !== 'comment') continue;
    // Overflow: only the deepest comments can be children or parents, so only theirs are worth reading.
    const readable = overflow === null || entry.comment.depth === deepest;
    const addresses = (readable ? findAddresses(entry.comment.text, people) : []).filter(
      // Self-mentions ("merci @jyv" signed by jyv) address nobody; "Bonjour Benoît," to the post author greets
      // the author of the post, and answers the post.
      (address) => address.person !== entry.person && !(address.kind === 'vocative' && address.person === POST_AUTHOR),
    );
    const eligible = overflow === null ? null : overflow.get(entry.comment.id);
    if (eligible !== undefined) {
      const decision = decide(entry, addresses, { entries, persons, quotes, eligible });
      if (decision) found.push({ child: entry, decision });
    }
    record(entry, addresses, people, persons);
  }
  return found
    .sort((a, b) => a.child.pageIndex - b.child.pageIndex)
    .map(({ child, decision }) => ({
      childId: child.comment.id,
      parentId: decision.parent.comment.id,
      confidence: decision.confidence,
      evidence: decision.evidence,
      detail: decision.detail,
    }));
}

/** Comments in the order they were written: by date when every comment has one, else in page order. */
function inWritingOrder(thread: Thread): Entry[] {
  const { comments } = thread;
  const { keyOf } = identifyPeople(thread);
  const times = comments.map((comment) => (comment.date ? Date.parse(comment.date) : Number.NaN));
  const indices = comments.map((_, index) => index);
  if (times.every((time) => !Number.isNaN(time))) indices.sort((a, b) => (times[a] ?? 0) - (times[b] ?? 0) || a - b);
  return indices.flatMap((pageIndex, order) => {
    const comment = comments[pageIndex];
    return comment ? [{ comment, order, pageIndex, person: personOf(comment, keyOf) }] : [];
  });
}

/** The one identity of utils/thread/participants.ts; a nameless comment is nobody anyone can address. */
function personOf(comment: ThreadComment, keyOf: ReadonlyMap<string, string>): string {
  const key = keyOf.get(comment.id);
  return key !== undefined && comment.author.name.trim() !== '' ? key : `anonymous:${comment.id}`;
}

/**
 * WordPress prints replies to the deepest comments as their siblings (no Reply link at the maximum depth), so
 * at the deepest level of a nested thread a comment may answer an earlier sibling. Child id → the ids of its
 * earlier siblings, the only parents allowed for it.
 */
function overflowCandidates(entries: Entry[]): Map<string, Set<string>> {
  const deepest = maxDepth(entries);
  const candidates = new Map<string, Set<string>>();
  if (deepest < 2) return candidates;
  const siblings = new Map<string, string[]>();
  for (const { comment } of entries) {
    if (comment.depth !== deepest || comment.parentId === null || comment.type !== 'comment') continue;
    const earlier = siblings.get(comment.parentId) ?? [];
    if (earlier.length > 0) candidates.set(comment.id, new Set(earlier));
    siblings.set(comment.parentId, [...earlier, comment.id]);
  }
  return candidates;
}

function maxDepth(entries: Entry[]): number {
  return entries.reduce((max, entry) => Math.max(max, entry.comment.depth), 0);
}

function decide(entry: Entry, addresses: Address[], context: Context): Decision | null {
  const quoted = quotedSource(entry, context);
  const [first, ...others] = distinctAddressees(addresses);
  if (!first) {
    return quoted && { parent: quoted.source, confidence: quoted.opening ? 'high' : 'medium', evidence: 'quote', detail: quoted.detail };
  }
  // Several people addressed: only a comment that opens by addressing one of them is taken as its reply.
  if (others.length > 0 && !first.opening) return null;
  if (first.person === null) return null; // the name fits two people
  const person = context.persons.get(first.person);
  if (!person) return null;
  const also = others.length ? `; also addresses ${others.map((other) => `"${other.typed}"`).join(', ')}` : '';
  const lowered = others.length > 0 || first.tier === 'initials' || first.kind === 'vocative';
  const confidence = lowered ? 'medium' : 'high';
  const how = `"${first.typed}" (${first.kind === 'at' ? '@' : first.kind})`;

  if (quoted && quoted.source.person === first.person) {
    return { parent: quoted.source, confidence, evidence: 'quote', detail: `addresses ${how} and ${quoted.detail}${also}` };
  }
  const reciprocal = latestEligible(person.addressed.get(entry.person) ?? [], context);
  if (reciprocal) {
    const detail = `addresses ${how}, answering the comment in which ${person.name} addressed ${entry.comment.author.name}${also}`;
    return { parent: reciprocal, confidence, evidence: 'reciprocal-mention', detail };
  }
  const latest = latestEligible(person.comments, context);
  if (!latest) return null; // the post author, addressed about the post itself
  // Which of several comments by that person? The latest is a guess unless it is one of the last few.
  const guess = !isRecent(latest, entry) && person.comments.filter((c) => isEligible(c, context)).length > 1;
  if (guess && first.kind === 'vocative') return null;
  const evidence = first.kind === 'vocative' ? 'name' : 'mention';
  const detail = `addresses ${how}: ${person.name}'s latest earlier comment${guess ? ' (of several, not recent)' : ''}${also}`;
  return { parent: latest, confidence: guess ? 'medium' : confidence, evidence, detail };
}

/** One address per person, in text order; a name that fits several people counts as one more person. */
function distinctAddressees(addresses: Address[]): Address[] {
  const seen = new Set<string>();
  const distinct: Address[] = [];
  for (const address of [...addresses].sort((a, b) => a.start - b.start)) {
    const key = address.person ?? `?${foldName(address.typed)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    distinct.push(address);
  }
  return distinct;
}

/** The one earlier person whose words this comment quotes (their first comment holding them), if exactly one. */
function quotedSource(entry: Entry, context: Context): { source: Entry; opening: boolean; detail: string } | null {
  const pieces = quotePieces(entry.comment.text);
  let source: Entry | null = null;
  let opening = false;
  let excerpt = '';
  for (const piece of pieces) {
    const found = context.quotes
      .find(piece.words, entry.order)
      .flatMap((order) => context.entries[order] ?? [])
      .filter((candidate) => candidate.person !== entry.person && isEligible(candidate, context));
    const [earliest] = found;
    if (!earliest) continue;
    if (found.some((candidate) => candidate.person !== earliest.person)) return null;
    if (source && source.person !== earliest.person) return null;
    source ??= earliest;
    excerpt ||= entry.comment.text.slice(piece.start + 1).trim().split(/\s+/).slice(0, 6).join(' ');
    opening ||= entry.comment.text.slice(0, piece.start).trim() === '';
  }
  if (!source) return null;
  return { source, opening, detail: `quotes "${excerpt}…" from ${source.comment.author.name}` };
}

/** `parent` is one of the RECENT_COMMENTS comments written just before `child`. */
function isRecent(parent: Entry, child: Entry): boolean {
  return child.order - parent.order <= RECENT_COMMENTS;
}

/** The latest of `candidates` (in writing order) that may be the parent. */
function latestEligible(candidates: Entry[], context: Context): Entry | null {
  for (let i = candidates.length - 1; i >= 0; i--) {
    const candidate = candidates[i];
    if (candidate && isEligible(candidate, context)) return candidate;
  }
  return null;
}

function isEligible(candidate: Entry, context: Context): boolean {
  return candidate.comment.type === 'comment' && (context.eligible?.has(candidate.comment.id) ?? true);
}

/** After deciding: the comment's author becomes addressable, and whom they addressed is remembered. */
function record(entry: Entry, addresses: Address[], people: PeopleIndex, persons: Map<string, PersonState>): void {
  let state = persons.get(entry.person);
  if (!state) {
    state = { name: entry.comment.author.name, comments: [], addressed: new Map() };
    persons.set(entry.person, state);
  }
  // A reader's person key is their normalized name: their first comment registers every alias they have.
  if (state.comments.length === 0 && entry.person !== POST_AUTHOR) people.add(entry.person, entry.comment.author.name);
  state.comments.push(entry);
  for (const address of addresses) {
    if (address.person === null) continue;
    const addressedIn = state.addressed.get(address.person) ?? [];
    if (addressedIn[addressedIn.length - 1] !== entry) addressedIn.push(entry);
    state.addressed.set(address.person, addressedIn);
  }
}

/** The post author can be addressed by every name they go by: comment signatures, the byline, the login. */
function registerPostAuthor(thread: Thread, people: PeopleIndex): string | null {
  const names = thread.comments.filter((comment) => comment.isPostAuthor).map((comment) => comment.author.name);
  if (thread.postAuthor) names.push(thread.postAuthor.name);
  for (const name of names) people.add(POST_AUTHOR, name);
  const login = loginFromUrl(thread.postAuthor?.url ?? null);
  if (login) people.addKey(POST_AUTHOR, login, 'full');
  return names.find((name) => foldName(name)) ?? null;
}
