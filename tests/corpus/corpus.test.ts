/**
 * Every WordPress-rendered page of ../shared/corpus (except the big generated ones, in corpus-big.test.ts):
 * the parse equals WordPress's own data, exactly.
 */
import { describe, expect, it } from 'vitest';
import { corpusPages, readTruthFile, sharedOrNotice, withParsedPage } from './corpus-pages';
import { expectPageMatchesTruth } from './expect-truth';

const shared = sharedOrNotice('the WordPress corpus pages (../shared/corpus)');
const pages = corpusPages().filter((page) => !page.label.includes('/big-'));

it.skipIf(!shared)('finds the corpus pages (every theme, every variant but the big ones)', () => {
  expect(pages.length).toBeGreaterThanOrEqual(30);
});

describe.skipIf(!shared).each(pages)('$label', (page) => {
  it('parses exactly as WordPress rendered it (ids, parents, authors, post author, types, depth, order)', () => {
    const truth = readTruthFile(page.truthPath);
    withParsedPage(page, (parse) => expectPageMatchesTruth(parse, truth));
  });
});

const themes = new Set(pages.map((page) => page.label.split('/')[1]));
const pagedPages = pages.filter((page) => page.label.includes('-paged-'));
const unpagedSeed004 = pages.filter((page) => page.label.endsWith('/seed-004'));

describe.skipIf(!shared)('comment pagination in the corpus', () => {
  it('has the paged variants and seed-004 of every theme', () => {
    expect(themes.size).toBeGreaterThanOrEqual(3);
    expect(pagedPages).toHaveLength(2 * themes.size);
    expect(unpagedSeed004).toHaveLength(themes.size);
  });

  it.each(pagedPages)('$label knows its page and the page count', (page) => {
    const pagination = withParsedPage(page, (parse) => parse.sections[0]!.thread.pagination!);
    expect(pagination.total).toBe(2);
    expect(pagination.current).toBe(page.label.endsWith('-p1') ? 1 : 2);
    expect(pagination.pageUrls.length).toBeGreaterThan(0);
    expect(page.label.endsWith('-p1') ? pagination.nextUrl : pagination.previousUrl).not.toBeNull();
  });

  it.each(unpagedSeed004)('$label is not paginated', (page) => {
    expect(withParsedPage(page, (parse) => parse.sections[0]!.thread.pagination)).toBeNull();
  });
});
