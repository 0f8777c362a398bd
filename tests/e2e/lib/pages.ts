/**
 * Which pages the e2e scenarios run on. With ../shared beside the repository (always in CI): the WordPress corpus,
 * as before (real WordPress output, WordPress's own comment-reply.js). Without it (a clone alone): the demo blog of
 * the repository (demo/site), which has the same shapes: a nested thread in a classic theme, in a block theme and in
 * French, and a post without comments. Both sets are served by the same test server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pagePath, readTruth, THEMES, type Truth } from './corpus.ts';
import { demoSiteDir, sharedAvailable } from './paths.ts';

export interface TestPage {
  /** A short name for test titles and screenshots: `twentytwentyone/seed-004`, `demo/classic`. */
  label: string;
  /** Server path, e.g. `twentytwentyone/seed-004.html` or `forty-broken-radios/`. */
  path: string;
  truth: Truth;
  /** Classic themes put the reply form inside the comment (div-comment-N); block themes after its item. */
  theme: 'classic' | 'block';
}

interface DemoManifestPage {
  key: string;
  kind: string;
  theme: string;
  html: string;
  truth: string;
}

const demoManifest = (): DemoManifestPage[] =>
  (JSON.parse(fs.readFileSync(path.join(demoSiteDir, 'manifest.json'), 'utf8')) as { pages: DemoManifestPage[] }).pages;

/** A page of the demo blog by its manifest key (classic, block, french, flat, paged-1, paged-2, big, no-comments…). */
export function demoPage(key: string): TestPage {
  const entry = demoManifest().find((page) => page.key === key);
  if (!entry) throw new Error(`demo/site/manifest.json has no page "${key}"`);
  return {
    label: `demo/${key}`,
    path: entry.html.replace(/index\.html$/, ''),
    truth: JSON.parse(fs.readFileSync(path.join(demoSiteDir, entry.truth), 'utf8')) as Truth,
    theme: entry.theme === 'block' ? 'block' : 'classic',
  };
}

/** Every demo page of a kind ('nested', 'flat', 'paged', 'big', 'none'), in manifest order. */
export function demoPagesOfKind(kind: string): TestPage[] {
  return demoManifest()
    .filter((page) => page.kind === kind)
    .map((page) => demoPage(page.key));
}

function corpusPage(theme: (typeof THEMES)[number], variant: string): TestPage {
  return { label: `${theme}/${variant}`, path: pagePath(theme, variant), truth: readTruth(theme, variant), theme: theme === 'twentytwentythree' ? 'block' : 'classic' };
}

/** A nested thread with post-author replies and a pingback, per theme: seed-004 in the three corpus themes, or the demo's. */
export function nestedThreadPages(): TestPage[] {
  return sharedAvailable ? THEMES.map((theme) => corpusPage(theme, 'seed-004')) : ['classic', 'block', 'french'].map(demoPage);
}

/** One nested English thread in a classic theme (the form goes inside the comment). */
export function englishThreadPage(): TestPage {
  return sharedAvailable ? corpusPage('twentytwentyone', 'seed-004') : demoPage('classic');
}

/** The same kind of thread on a French blog. */
export function frenchThreadPage(): TestPage {
  return sharedAvailable ? corpusPage('twentytwentyone', 'seed-004-fr') : demoPage('french');
}

/** Blog posts without comments, which Threadlight must leave untouched. */
export function postsWithoutComments(): TestPage[] {
  return sharedAvailable ? THEMES.map((theme) => corpusPage(theme, 'seed-000')) : [demoPage('no-comments')];
}
