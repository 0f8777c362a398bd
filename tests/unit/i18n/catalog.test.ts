/**
 * The string catalogs protect the whole project: every key in both languages, the same placeholders on both
 * sides, and every key the code names present in the catalog.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import fr from '../../../public/_locales/fr/messages.json';

type Entry = { message: string; description?: string; placeholders?: Record<string, { content: string }> };
type Catalog = Record<string, Entry>;
const catalogs: Record<'en' | 'fr', Catalog> = { en, fr };
const repoRoot = path.resolve(__dirname, '../../..');

/** `$1`…`$9` and named `$NAME$` placeholders of a message, sorted (a literal dollar is written `$$`). */
function placeholdersOf(message: string): string[] {
  const withoutEscapes = message.replace(/\$\$/g, '');
  const numbered = withoutEscapes.match(/\$[1-9](?!\d)/g) ?? [];
  const named = (withoutEscapes.match(/\$[A-Za-z_][A-Za-z0-9_]*\$/g) ?? []).map((p) => p.toLowerCase());
  return [...new Set([...numbered, ...named])].sort();
}

/** Source files that may name catalog keys. */
function sourceFiles(dir: string): string[] {
  const absolute = path.join(repoRoot, dir);
  if (!fs.existsSync(absolute)) return [];
  return fs.readdirSync(absolute, { recursive: true, withFileTypes: true }).flatMap((entry) => {
    const file = path.join(entry.parentPath, entry.name);
    return entry.isFile() && /\.(ts|tsx)$/.test(entry.name) && !/\.d\.ts$/.test(entry.name) ? [file] : [];
  });
}

describe('message catalogs', () => {
  it('have the same keys in English and French', () => {
    const enKeys = Object.keys(en).sort();
    const frKeys = Object.keys(fr).sort();
    expect(frKeys.filter((k) => !(k in en)), 'keys only in fr').toEqual([]);
    expect(enKeys.filter((k) => !(k in fr)), 'keys only in en').toEqual([]);
  });

  it('have a non-empty message for every key', () => {
    for (const [lang, catalog] of Object.entries(catalogs)) {
      const empty = Object.entries(catalog).filter(([, entry]) => typeof entry.message !== 'string' || !entry.message.trim());
      expect(empty.map(([key]) => `${lang}:${key}`)).toEqual([]);
    }
  });

  it('use the same placeholders in both languages', () => {
    const mismatches = Object.keys(en)
      .filter((key) => key in fr)
      .filter((key) => placeholdersOf(en[key as keyof typeof en].message).join() !== placeholdersOf((fr as Catalog)[key]!.message).join())
      .map((key) => `${key}: en ${placeholdersOf((en as Catalog)[key]!.message)} / fr ${placeholdersOf((fr as Catalog)[key]!.message)}`);
    expect(mismatches).toEqual([]);
  });

  it('define every named placeholder they use', () => {
    for (const [lang, catalog] of Object.entries(catalogs)) {
      const undefinedNamed = Object.entries(catalog).flatMap(([key, entry]) =>
        placeholdersOf(entry.message)
          .filter((p) => p.endsWith('$') && p.length > 2)
          .filter((p) => !entry.placeholders || !(p.slice(1, -1) in entry.placeholders))
          .map((p) => `${lang}:${key} ${p}`),
      );
      expect(undefinedNamed).toEqual([]);
    }
  });

  it('keep plural pairs whole (every _one has its _other)', () => {
    const keys = new Set(Object.keys(en));
    const broken = [...keys].filter((k) => k.endsWith('_one') && !keys.has(k.replace(/_one$/, '_other')));
    expect(broken).toEqual([]);
  });

  it('hold every key the code names', () => {
    const keys = new Set(Object.keys(en));
    const missing: string[] = [];
    for (const file of ['components', 'entrypoints', 'utils'].flatMap(sourceFiles)) {
      const source = fs.readFileSync(file, 'utf8');
      // Whole string literals only: keys built at run time (`view_${x}`) cannot be checked here.
      for (const [, key] of source.matchAll(/['"`]((?:popup|view|help)_[A-Za-z0-9_]+)['"`]/g)) {
        const isPluralBase = keys.has(`${key}_one`) && keys.has(`${key}_other`);
        if (!keys.has(key!) && !isPluralBase) missing.push(`${path.relative(repoRoot, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
