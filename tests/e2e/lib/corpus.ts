/** Truth files of the shared corpus and the extension's message catalogs, read the way the tests need them. */
import fs from 'node:fs';
import path from 'node:path';
import { corpusDir, localesDir } from './paths.ts';

export const THEMES = ['twentytwentyone', 'twentytwentytwo', 'twentytwentythree'] as const;
export type Theme = (typeof THEMES)[number];

export interface TruthComment {
  wp_id: number;
  parent_wp_id: number;
  author: string;
  is_post_author: boolean;
  type: 'comment' | 'pingback' | 'trackback';
  depth: number;
  author_url: string;
}

export interface Truth {
  variant: string;
  locale: string;
  post_author: string;
  summary: {
    comments: number;
    participants: number;
    post_author_replies: number;
    pingbacks: number;
    trackbacks: number;
    max_depth: number;
  };
  comments: TruthComment[];
}

/** The truth file of a corpus page, e.g. readTruth('twentytwentyone', 'seed-004'). */
export function readTruth(theme: Theme, variant: string): Truth {
  return JSON.parse(fs.readFileSync(path.join(corpusDir, theme, `${variant}.truth.json`), 'utf8')) as Truth;
}

/** Server path of a corpus page. */
export function pagePath(theme: Theme, variant: string): string {
  return `${theme}/${variant}.html`;
}

/**
 * Distinct people among the real comments. The truth's summary.participants also counts the sites behind
 * pingbacks; Threadlight counts people only (pings apart, utils/thread/types.ts ThreadStats.participants).
 */
export function peopleCount(truth: Truth): number {
  const comments = truth.comments.filter((comment) => comment.type === 'comment');
  return new Set(comments.map((comment) => `${comment.author.toLowerCase()}\n${comment.author_url}`)).size;
}

/** Ids (as the DOM contract writes them) of every reply below `id`, at any depth, in page order. */
export function descendantIds(truth: Truth, id: string): string[] {
  const below = new Set([id]);
  const result: string[] = [];
  // Truth lists comments in page (pre-)order, so a parent is always seen before its replies.
  for (const comment of truth.comments) {
    if (below.has(String(comment.parent_wp_id))) {
      below.add(String(comment.wp_id));
      result.push(String(comment.wp_id));
    }
  }
  return result;
}

/** The comment with the most replies below it (the biggest thread to collapse). */
export function biggestThread(truth: Truth): { id: string; descendants: string[] } {
  let best = { id: '', descendants: [] as string[] };
  for (const comment of truth.comments) {
    const descendants = descendantIds(truth, String(comment.wp_id));
    if (descendants.length > best.descendants.length) best = { id: String(comment.wp_id), descendants };
  }
  return best;
}

export type Catalog = Record<string, { message: string }>;

/** The extension's messages.json for a language. */
export function readCatalog(language: 'en' | 'fr'): Catalog {
  return JSON.parse(fs.readFileSync(path.join(localesDir, language, 'messages.json'), 'utf8')) as Catalog;
}

/** A catalog message with its $1..$9 placeholders filled, as browser.i18n.getMessage does. */
export function message(catalog: Catalog, key: string, ...substitutions: (string | number)[]): string {
  const entry = catalog[key];
  if (!entry) throw new Error(`messages.json has no key "${key}"`);
  return entry.message.replace(/\$(\d)/g, (_, n: string) => String(substitutions[Number(n) - 1] ?? ''));
}

/** A count phrase as the extension's `tn` builds it: `<key>_one|_other` by the language's plural rules. */
export function countPhrase(catalog: Catalog, language: 'en' | 'fr', baseKey: string, count: number): string {
  const category = new Intl.PluralRules(language).select(count) === 'one' ? 'one' : 'other';
  return message(catalog, `${baseKey}_${category}`, new Intl.NumberFormat(language).format(count));
}
