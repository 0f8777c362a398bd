/**
 * fakeBrowser has no i18n: serve the real messages.json files. Tests pick the language with
 * `setTestLanguage('fr')`; it resets to English before every test.
 */
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../../public/_locales/en/messages.json';
import fr from '../../public/_locales/fr/messages.json';

type Messages = Record<string, { message: string }>;
const catalogs: { en: Messages; fr: Messages } = { en, fr };
let language: 'en' | 'fr' = 'en';

export function setTestLanguage(lang: 'en' | 'fr'): void {
  language = lang;
}

function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = catalogs[language][key] ?? catalogs.en[key];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

const i18n = { getMessage, getUILanguage: () => language };
Object.assign(fakeBrowser, { i18n });

beforeEach(() => {
  language = 'en';
  Object.assign(fakeBrowser, { i18n });
});
