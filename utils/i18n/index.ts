/**
 * Interface strings: the extension's own i18n (public/_locales/<lang>/messages.json), following the
 * browser's language. Keys are prefixed by where they show: `view_*` (in the page), `popup_*`, `help_*`.
 */
import { browser } from '#imports';

/** The translated string for `key`, with $1..$9 placeholders filled from `substitutions`. Falls back to the key. */
export function t(key: string, ...substitutions: (string | number)[]): string {
  try {
    // Keys are checked by the catalog tests, not by WXT's generated key union (strings are built in several places).
    const getMessage = browser.i18n?.getMessage as ((key: string, subs?: string[]) => string) | undefined;
    const message = getMessage?.(key, substitutions.map(String));
    if (message) return message;
  } catch {
    // A content script whose extension was reloaded loses its i18n: show the key rather than throw into the page.
  }
  return key;
}

/** The interface language ('fr', 'en', …) for number and date formatting. */
export function uiLanguage(): string {
  try {
    return browser.i18n?.getUILanguage() || navigator.language || 'en';
  } catch {
    return navigator.language || 'en';
  }
}

/**
 * A count phrase: `${baseKey}_one` or `${baseKey}_other` chosen by the UI language's plural rules
 * (French puts 0 and 1 in "one"), with $1 = the count formatted for that language, $2.. = `more`.
 */
export function tn(baseKey: string, count: number, ...more: (string | number)[]): string {
  const category = pluralCategory(count);
  return t(`${baseKey}_${category}`, formatNumber(count), ...more);
}

function pluralCategory(count: number): 'one' | 'other' {
  try {
    return new Intl.PluralRules(uiLanguage()).select(count) === 'one' ? 'one' : 'other';
  } catch {
    return count === 1 ? 'one' : 'other';
  }
}

/** A whole number in the UI language ("1,234" / "1 234"). */
export function formatNumber(value: number): string {
  try {
    return new Intl.NumberFormat(uiLanguage()).format(value);
  } catch {
    return String(value);
  }
}
