/**
 * The view's localized strings (public/_locales/<lang>/messages.json, keys view_*), with plurals.
 */
import { t, uiLanguage } from '@/utils/i18n';
import type { ReplySummary } from './thread-index';

let pluralRules: { language: string; rules: Intl.PluralRules; numbers: Intl.NumberFormat } | null = null;

function formatters(): { rules: Intl.PluralRules; numbers: Intl.NumberFormat } {
  const language = uiLanguage();
  if (pluralRules?.language !== language) {
    try {
      pluralRules = { language, rules: new Intl.PluralRules(language), numbers: new Intl.NumberFormat(language) };
    } catch {
      pluralRules = { language, rules: new Intl.PluralRules('en'), numbers: new Intl.NumberFormat('en') };
    }
  }
  return pluralRules;
}

/** `<key>_one` or `<key>_other` for `count` in the UI language, with the formatted count as $1. */
export function countLabel(key: string, count: number): string {
  const { rules, numbers } = formatters();
  const form = rules.select(count) === 'one' ? 'one' : 'other';
  return t(`${key}_${form}`, numbers.format(count));
}

/** "12 replies · 4 people · author replied". */
export function triageText(summary: ReplySummary): string {
  const parts = [countLabel('view_replies', summary.replies)];
  if (summary.people > 0) parts.push(countLabel('view_people', summary.people));
  if (summary.authorReplied) parts.push(t('view_author_replied'));
  return parts.join(' · ');
}
