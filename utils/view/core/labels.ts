/**
 * The view's localized strings (public/_locales/<lang>/messages.json, keys view_*), with plurals. Each message is
 * read from the browser once per view and filled in here: a page with 5,000 comments asks for a few strings,
 * not for ten thousand (browser.i18n.getMessage costs a fraction of a millisecond per call).
 */
import { t, uiLanguage } from '@/utils/i18n';
import type { ReplySummary } from '@/utils/thread/thread-index';

/** Stand-ins passed as $1…$9 so the browser returns the template; replaced by the real values below. */
const MARKERS = Array.from({ length: 9 }, (_, i) => `\u0001${i + 1}`);
const templates = new Map<string, string>();
let formatters: { language: string; rules: Intl.PluralRules; numbers: Intl.NumberFormat } | null = null;
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
 * Make the plural rules and number format of the UI language now, and read a first message. Their first use in a
 * page loads the language's data and the extension's catalog (10–20 ms in Chromium): the content script does it in a task of its own before the mount
 * (docs/performance.md, "The mount in one budget").
 */
export function prepareLabels(): void {
  plural();
  // The first message read loads the extension's catalog.
  label('view_toggle_hide');
}

function plural(): { rules: Intl.PluralRules; numbers: Intl.NumberFormat } {
  if (formatters && languageChecked) return formatters;
  const language = uiLanguage();
  languageChecked = true;
  if (formatters?.language !== language) {
    try {
      formatters = { language, rules: new Intl.PluralRules(language), numbers: new Intl.NumberFormat(language) };
    } catch {
      formatters = { language, rules: new Intl.PluralRules('en'), numbers: new Intl.NumberFormat('en') };
    }
  }
  return formatters;
}

/** `<key>_one` or `<key>_other` for `count` in the UI language, with the formatted count as $1. */
export function countLabel(key: string, count: number): string {
  const { rules, numbers } = plural();
  const form = rules.select(count) === 'one' ? 'one' : 'other';
  return label(`${key}_${form}`, numbers.format(count));
}

/** "12 replies · 4 people · author replied". */
export function triageText(summary: ReplySummary): string {
  const parts = [countLabel('view_replies', summary.replies)];
  if (summary.people > 0) parts.push(countLabel('view_people', summary.people));
  if (summary.authorReplied) parts.push(label('view_author_replied'));
  return parts.join(' · ');
}
