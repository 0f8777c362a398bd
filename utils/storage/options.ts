/**
 * The reader's options: one storage item, versioned, watched live by every open tab.
 * Add a field: give it a fallback here and a check in normalizeOptions; change a field's meaning:
 * bump `version` and add a migration.
 */
import { storage, type WxtStorageItem } from '#imports';

export type PingbackDisplay = 'shown' | 'collapsed' | 'hidden';
export type ReplyInference = 'links' | 'renest' | 'off';

export interface ThreadlightOptions {
  /** Global switch. */
  enabled: boolean;
  /** Hostnames where the reader turned Threadlight off. */
  disabledSites: string[];
  /** Collapse every comment at this depth or deeper (its replies hidden); 0 = off. */
  autoCollapseDepth: number;
  /** Threads with more comments than this start with replies collapsed; 0 = off. */
  bigThreadThreshold: number;
  highlightAuthor: boolean;
  /** Accent colour of the post author's replies (CSS colour); '' = the theme's link colour. */
  authorColor: string;
  pingbacks: PingbackDisplay;
  inferReplies: ReplyInference;
  keyboardShortcuts: boolean;
  /** Remember what the reader has seen of each post, to mark what is new (docs/new-since-last-visit.md). */
  rememberVisits: boolean;
  /** On a return visit with new comments, fold the threads with nothing new and open the ones with new replies. */
  foldWithoutNew: boolean;
  /** When there is no previous visit to compare with, mark this many most recent comments; 0 = off. */
  highlightRecent: number;
  /** Put a paginated thread's comment pages together as soon as the page opens (docs/merge-and-find.md). */
  autoMergePages: boolean;
}

export const DEFAULT_OPTIONS: ThreadlightOptions = {
  enabled: true,
  disabledSites: [],
  autoCollapseDepth: 0,
  bigThreadThreshold: 200,
  highlightAuthor: true,
  authorColor: '',
  pingbacks: 'collapsed',
  inferReplies: 'links',
  keyboardShortcuts: true,
  rememberVisits: true,
  foldWithoutNew: false,
  highlightRecent: 0,
  autoMergePages: false,
};

/** Deepest level the popup offers for auto-collapse (WordPress's own default nesting limit is 5). */
export const MAX_AUTO_COLLAPSE_DEPTH = 6;
/** Above this, a "big thread" threshold is a typo: a page never holds that many comments. */
export const MAX_BIG_THREAD_THRESHOLD = 100_000;
/** The choices the popup offers for "mark the N most recent" (0 = off); any integer up to the last is accepted. */
export const HIGHLIGHT_RECENT_CHOICES: readonly number[] = [0, 5, 10, 20, 50];
export const MAX_HIGHLIGHT_RECENT = 500;
/** A stored list longer than this is corrupted, not a reader's choice. */
const MAX_DISABLED_SITES = 5_000;
const PINGBACK_DISPLAYS: readonly PingbackDisplay[] = ['shown', 'collapsed', 'hidden'];
const REPLY_INFERENCES: readonly ReplyInference[] = ['links', 'renest', 'off'];
/** Only hex colours: the value ends up in the page's CSS, so nothing that could close a declaration. */
const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
/** A hostname as `URL` gives it (lower case, punycode, optional port); no scheme, path or spaces. */
const HOSTNAME = /^[a-z0-9.\-[\]:]{1,260}$/;

/** Is `value` a colour the author highlight accepts ('' = the theme's colour)? */
export function isAuthorColor(value: unknown): value is string {
  return value === '' || (typeof value === 'string' && HEX_COLOR.test(value));
}

function pick<T>(value: unknown, isValid: (v: unknown) => v is T, fallback: T): T {
  return isValid(value) ? value : fallback;
}

const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isIntegerIn =
  (min: number, max: number) =>
  (v: unknown): v is number =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const isOneOf =
  <T extends string>(values: readonly T[]) =>
  (v: unknown): v is T =>
    values.includes(v as T);

/** The hostnames of a stored list that are usable, lower-cased and de-duplicated; anything else is dropped. */
function normalizeSites(value: unknown): string[] {
  if (!Array.isArray(value)) return [...DEFAULT_OPTIONS.disabledSites];
  const sites = new Set<string>();
  for (const entry of value.slice(0, MAX_DISABLED_SITES)) {
    if (typeof entry !== 'string') continue;
    const site = entry.trim().toLowerCase();
    if (HOSTNAME.test(site)) sites.add(site);
  }
  return [...sites];
}

/**
 * Valid options from whatever storage holds: a missing or corrupted field falls back to its default,
 * field by field (one bad value never resets the others). Never throws.
 */
export function normalizeOptions(stored: unknown): ThreadlightOptions {
  const raw: Record<string, unknown> =
    stored !== null && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  const d = DEFAULT_OPTIONS;
  return {
    enabled: pick(raw.enabled, isBoolean, d.enabled),
    disabledSites: normalizeSites(raw.disabledSites),
    autoCollapseDepth: pick(raw.autoCollapseDepth, isIntegerIn(0, MAX_AUTO_COLLAPSE_DEPTH), d.autoCollapseDepth),
    bigThreadThreshold: pick(raw.bigThreadThreshold, isIntegerIn(0, MAX_BIG_THREAD_THRESHOLD), d.bigThreadThreshold),
    highlightAuthor: pick(raw.highlightAuthor, isBoolean, d.highlightAuthor),
    authorColor: pick(raw.authorColor, isAuthorColor, d.authorColor),
    pingbacks: pick(raw.pingbacks, isOneOf(PINGBACK_DISPLAYS), d.pingbacks),
    inferReplies: pick(raw.inferReplies, isOneOf(REPLY_INFERENCES), d.inferReplies),
    keyboardShortcuts: pick(raw.keyboardShortcuts, isBoolean, d.keyboardShortcuts),
    rememberVisits: pick(raw.rememberVisits, isBoolean, d.rememberVisits),
    foldWithoutNew: pick(raw.foldWithoutNew, isBoolean, d.foldWithoutNew),
    highlightRecent: pick(raw.highlightRecent, isIntegerIn(0, MAX_HIGHLIGHT_RECENT), d.highlightRecent),
    autoMergePages: pick(raw.autoMergePages, isBoolean, d.autoMergePages),
  };
}

/**
 * Schema history. v1 is the first shape. A value WXT knows as older than v1 (meta `v: 0`, written by hand or by a
 * pre-release build) is brought to v1 by reading it field by field. Next shape change: bump `version` to 2 and add
 * `2: (v1) => ({ ...v1, renamedField: v1.oldField })`; normalizeOptions still guards whatever comes out.
 */
export const OPTIONS_MIGRATIONS: Record<number, (old: unknown) => ThreadlightOptions> = {
  1: normalizeOptions,
};

const storedOptionsItem = storage.defineItem<ThreadlightOptions>('local:options', {
  fallback: DEFAULT_OPTIONS,
  version: 1,
  migrations: OPTIONS_MIGRATIONS,
});

/**
 * The options item. Reads and watch callbacks always get valid options (see normalizeOptions), even when storage
 * holds a corrupted, partial or newer-than-us value; writes are normalized too.
 */
export const optionsItem: WxtStorageItem<ThreadlightOptions, {}> = {
  ...storedOptionsItem,
  getValue: async () => normalizeOptions(await storedOptionsItem.getValue()),
  setValue: (value) => storedOptionsItem.setValue(normalizeOptions(value)),
  watch: (callback) =>
    storedOptionsItem.watch((next, previous) => callback(normalizeOptions(next), normalizeOptions(previous))),
};

/** Updates from this context, one after the other: two quick clicks must not both start from the same old value. */
let pendingUpdate: Promise<unknown> = Promise.resolve();

/** Read, change and write the options in one step; returns what was stored. */
export function updateOptions(
  change: Partial<ThreadlightOptions> | ((current: ThreadlightOptions) => Partial<ThreadlightOptions>),
): Promise<ThreadlightOptions> {
  const update = pendingUpdate.then(async () => {
    const current = await optionsItem.getValue();
    const next = normalizeOptions({ ...current, ...(typeof change === 'function' ? change(current) : change) });
    await optionsItem.setValue(next);
    return next;
  });
  pendingUpdate = update.catch(() => {});
  return update;
}

/** The disabled-sites list with `hostname` switched on (removed) or off (added). */
export function withSiteEnabled(options: ThreadlightOptions, hostname: string, enabled: boolean): string[] {
  const site = hostname.trim().toLowerCase();
  const others = options.disabledSites.filter((s) => s !== site);
  return enabled || !site ? others : [...others, site];
}

/** Threadlight is active on this hostname under these options. */
export function isActiveOn(options: ThreadlightOptions, hostname: string): boolean {
  return options.enabled && !options.disabledSites.includes(hostname.trim().toLowerCase());
}
