/**
 * Every WordPress-rendered page of ../shared/corpus (except the big generated ones, in corpus-big.test.ts):
 * the parse equals WordPress's own data, exactly.
 */
import { describe, expect, it } from 'vitest';
import { corpusPages, loadDocument, parseDocument, readTruthFile } from './corpus-pages';
import { expectPageMatchesTruth } from './expect-truth';

const pages = corpusPages().filter((page) => !page.label.includes('/big-'));

describe.each(pages)('$label', (page) => {
  it('parses exactly as WordPress rendered it (ids, parents, authors, post author, types, depth, order)', () => {
    const truth = readTruthFile(page.truthPath);
    const parse = parseDocument(loadDocument(page));
    expectPageMatchesTruth(parse, truth);
  });
});

describe('comment pagination in the corpus', () => {
  it.each(pages.filter((page) => page.label.includes('-paged-')))('$label knows its page and the page count', (page) => {
    const [section] = parseDocument(loadDocument(page)).sections;
    const pagination = section!.thread.pagination!;
    expect(pagination.total).toBe(2);
    expect(pagination.current).toBe(page.label.endsWith('-p1') ? 1 : 2);
    expect(pagination.pageUrls.length).toBeGreaterThan(0);
    expect(page.label.endsWith('-p1') ? pagination.nextUrl : pagination.previousUrl).not.toBeNull();
  });

  it.each(pages.filter((page) => page.label.endsWith('/seed-004')))('$label is not paginated', (page) => {
    expect(parseDocument(loadDocument(page)).sections[0]!.thread.pagination).toBeNull();
  });
});
