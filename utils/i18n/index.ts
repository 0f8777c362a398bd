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
