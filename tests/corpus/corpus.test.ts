/**
 * Every WordPress-rendered page of ../shared/corpus (except the big generated ones, in corpus-big.test.ts):
 * the parse equals WordPress's own data, exactly.
 */
import { describe, expect, it } from 'vitest';
import { corpusPages, readTruthFile, sharedOrNotice, withParsedPage } from './corpus-pages';
import { expectPageMatchesTruth } from './expect-truth';

const shared = sharedOrNotice('the WordPress corpus pages (../shared/corpus)');
const pages = corpusPages().filter((page) => !page.label.includes('/big-'));

describe.skipIf(!shared).each(pages)('$label', (page) => {
  it('parses exactly as WordPress rendered it (ids, parents, authors, post author, types, depth, order)', () => {
    const truth = readTruthFile(page.truthPath);
    withParsedPage(page, (parse) => expectPageMatchesTruth(parse, truth));
  });
});

describe.skipIf(!shared)('comment pagination in the corpus', () => {
  it.each(pages.filter((page) => page.label.includes('-paged-')))('$label knows its page and the page count', (page) => {
    const pagination = withParsedPage(page, (parse) => parse.sections[0]!.thread.pagination!);
    expect(pagination.total).toBe(2);
    expect(pagination.current).toBe(page.label.endsWith('-p1') ? 1 : 2);
    expect(pagination.pageUrls.length).toBeGreaterThan(0);
    expect(page.label.endsWith('-p1') ? pagination.nextUrl : pagination.previousUrl).not.toBeNull();
  });

  it.each(pages.filter((page) => page.label.endsWith('/seed-004')))('$label is not paginated', (page) => {
    expect(withParsedPage(page, (parse) => parse.sections[0]!.thread.pagination)).toBeNull();
  });
});
