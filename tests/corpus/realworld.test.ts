/**
 * The 114 live captures of ../shared/realworld: 25 WordPress-style threads parse exactly as their hand-checked
 * truth, and the 89 pages without a comment list (articles, counts, forms, widgets, embeds) yield no comment.
 */
import { describe, expect, it } from 'vitest';
import { readTruthFile, realworldPages, sharedOrNotice, withParsedPage } from './corpus-pages';
import { expectPageMatchesTruth } from './expect-truth';

const shared = sharedOrNotice('the real-world captures (../shared/realworld)');
const pages = realworldPages();

describe.skipIf(!shared).each(pages)('$label', (page) => {
  it('matches its truth', () => {
    withParsedPage(page, (parse) => expectPageMatchesTruth(parse, readTruthFile(page.truthPath)));
  });
});

it.skipIf(!shared)('finds the 114 real-world pages, 25 of them with a thread', () => {
  expect(pages).toHaveLength(114);
  expect(pages.filter((page) => readTruthFile(page.truthPath).comments_exist)).toHaveLength(25);
});

const embeddedPages = pages.filter((page) => ['disqus', 'livefyre'].includes(readTruthFile(page.truthPath).system ?? ''));

describe.skipIf(!shared)('realworld embedded systems', () => {
  it('has a Disqus and a Livefyre page', () => expect(embeddedPages).toHaveLength(2));

  it.each(embeddedPages)(
    '$label is reported as an unreadable embedded thread',
    (page) => {
      const truth = readTruthFile(page.truthPath);
      expect(withParsedPage(page, (parse) => parse.detection)).toEqual({ status: 'unreadable', system: truth.system });
    },
  );
});
