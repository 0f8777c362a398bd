/**
 * The view's localized strings (public/_locales/<lang>/messages.json, keys view_*), with plurals. Each message is
 * read from the browser once per view and filled in here: a page with 5,000 comments asks for a few strings,
 * not for ten thousand (browser.i18n.getMessage costs a fraction of a millisecond per call).
 */
import type { Steps } from '@/utils/common/steps';
import { t, uiLanguage } from '@/utils/i18n';
import type { ReplySummary } from '@/utils/thread/thread-index';

/** Stand-ins passed as $1…$9 so the browser returns the template; replaced by the real values below. */
const MARKERS = Array.from({ length: 9 }, (_, i) => `\u0001${i + 1}`);
const templates = new Map<string, string>();
/** The UI language's plural rules and number format, each made on first use (see prepareLabelsSteps). */
type Formats = { language: string; rules: Intl.PluralRules | null; numbers: Intl.NumberFormat | null };
let formatters: Formats | null = null;
/** Whether the formats' language was checked since the last reset (asking the browser on every count is not free). */
let languageChecked = false;

/**
 * Forget the cached strings (the view calls it on mount: the language may have changed); the number formats are
 * made again only if the language did change.
 */
export function resetLabels(): void {
  templates.clear();
  languageChecked = false;
}

/** t(key, ...substitutions), with the message template cached. */
export function label(key: string, ...substitutions: (string | number)[]): string {
  let template = templates.get(key);
  if (template === undefined) {
    template = t(key, ...MARKERS);
    templates.set(key, template);
  }
  if (!template.includes('\u0001')) return template;
  return template.replace(/\u0001(\d)/g, (_, n: string) => String(substitutions[Number(n) - 1] ?? ''));
}

/**
 * Make the plural rules and the number format of the UI language, and read a first message, one step each. The first
 * of each in a page loads the language's data and the extension's catalog: 15–40 ms apiece in Chromium, measured. The
 * content script runs these steps in slices of their own before the mount (docs/performance.md, "The mount in one
 * budget").
 */
export function* prepareLabelsSteps(): Steps<void> {
  pluralRules();
  yield;
  numberFormat();
  yield;
  // The first message read loads the extension's catalog.
  label('view_toggle_hide');
}

function formats(): Formats {
  if (formatters && languageChecked) return formatters;
  const language = uiLanguage();
  languageChecked = true;
  if (formatters?.language !== language) formatters = { language, rules: null, numbers: null };
  return formatters;
}

/** The language's formatter of one kind, made on first use (English when the language is not supported). */
function formatter<K extends 'rules' | 'numbers'>(kind: K, make: (language: string) => NonNullable<Formats[K]>): NonNullable<Formats[K]> {
  const current = formats();
  if (!current[kind]) {
    try {
      current[kind] = make(current.language);
    } catch {
      current[kind] = make('en');
    }
  }
  return current[kind]!;
}

const pluralRules = () => formatter('rules', (language) => new Intl.PluralRules(language));
const numberFormat = () => formatter('numbers', (language) => new Intl.NumberFormat(language));

/** `<key>_one` or `<key>_other` for `count` in the UI language, with the formatted count as $1. */
export function countLabel(key: string, count: number): string {
  const form = pluralRules().select(count) === 'one' ? 'one' : 'other';
  return label(`${key}_${form}`, numberFormat().format(count));
}

/** "12 replies · 4 people · author replied". */
export function triageText(summary: ReplySummary): string {
  const parts = [countLabel('view_replies', summary.replies)];
  if (summary.people > 0) parts.push(countLabel('view_people', summary.people));
  if (summary.authorReplied) parts.push(label('view_author_replied'));
  return parts.join(' · ');
}
