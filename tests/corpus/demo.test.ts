/**
 * The demo blog of `npm start` (demo/site, written by demo/build/generate.mjs): the committed files are what the
 * generator renders, every page parses exactly as its truth, the pages without a thread give the loader no signal
 * (so they never load the rest of Threadlight), and the two comment pages link to each other.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSite } from '../../demo/build/generate.mjs';
import { DEMO_DIR, demoPages, readTruthFile, withParsedPage } from './corpus-pages';
import { expectPageMatchesTruth } from './expect-truth';

interface ManifestPage {
  key: string;
  kind: 'nested' | 'flat' | 'paged' | 'big' | 'none';
  html: string;
  url: string;
}
const manifest = JSON.parse(fs.readFileSync(path.join(DEMO_DIR, 'manifest.json'), 'utf8')) as { pages: ManifestPage[] };
const pages = demoPages();
const byKey = (key: string) => {
  const entry = manifest.pages.find((page) => page.key === key);
  if (!entry) throw new Error(`no demo page ${key}`);
  return { entry, page: pages.find((page) => page.htmlPath === path.join(DEMO_DIR, entry.html))! };
};

describe('demo site', () => {
  it('is what demo/build/generate.mjs renders (run it after changing the generator)', () => {
    const stale = renderSite()
      .filter(([file, text]) => !fs.existsSync(path.join(DEMO_DIR, file)) || fs.readFileSync(path.join(DEMO_DIR, file), 'utf8') !== text)
      .map(([file]) => file);
    expect(stale).toEqual([]);
  });

  it('has every shape the demo promises', () => {
    const kinds = manifest.pages.map((page) => page.kind);
    for (const kind of ['nested', 'flat', 'paged', 'big', 'none'] as const) expect(kinds).toContain(kind);
    const big = readTruthFile(byKey('big').page.truthPath);
    expect(big.comments.length).toBeGreaterThanOrEqual(1500);
    const locales = new Set(pages.map((page) => readTruthFile(page.truthPath)).filter((truth) => truth.comments.length > 0).map((truth) => (truth as { locale?: string }).locale));
    expect([...locales].sort()).toEqual(['en_US', 'fr_FR']);
    expect(pages).toHaveLength(manifest.pages.length);
  });
});

describe.each(pages)('demo $label', (page) => {
  it('parses exactly as its truth', () => {
    withParsedPage(page, (parse) => expectPageMatchesTruth(parse, readTruthFile(page.truthPath)));
  });
});

describe('demo pages without a thread', () => {
  const quiet = manifest.pages.filter((entry) => entry.kind === 'none');
  it.each(quiet.map((entry) => [entry.key, byKey(entry.key).page] as const))('%s gives the loader no comment signal', (_key, page) => {
    expect(withParsedPage(page, (parse) => [parse.signals, parse.detection.status])).toEqual([false, 'none']);
  });

  it('include a post with an open form, comment-reply.js and a Recent Comments widget', () => {
    const html = fs.readFileSync(byKey('no-comments').page.htmlPath, 'utf8');
    for (const mark of ['id="respond"', 'id="comment-reply-js"', 'widget_recent_comments', '#comment-']) expect(html).toContain(mark);
  });
});

describe('demo comment pages', () => {
  it('page 1 and page 2 know where they are and link to each other (comment-page-N)', () => {
    const one = byKey('paged-1');
    const two = byKey('paged-2');
    const first = withParsedPage(one.page, (parse) => parse.sections[0]!.thread.pagination);
    const second = withParsedPage(two.page, (parse) => parse.sections[0]!.thread.pagination);
    expect(first).toMatchObject({ current: 1, total: 2, previousUrl: null, nextUrl: `${two.entry.url}#comments` });
    expect(second).toMatchObject({ current: 2, total: 2, previousUrl: `${one.entry.url}#comments`, nextUrl: null });
  });
});
