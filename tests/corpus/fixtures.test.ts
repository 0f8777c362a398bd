/**
 * Third-party theme and plugin markup (tests/fixtures/markup, globbed: fixtures added later are picked up).
 * Where the markup cannot show WordPress's data (replies past the maximum depth, pings without id), the truth's
 * `markup_*` fields say what a structure-only parser can recover, and that is accepted too.
 */
import { describe, expect, it } from 'vitest';
import { fixturePages, readTruthFile, withParsedPage } from './corpus-pages';
import { expectPageMatchesTruth } from './expect-truth';

const pages = fixturePages();

describe('markup fixtures', () => {
  it('are present', () => {
    expect(pages.length).toBeGreaterThan(0);
  });

  it.each(pages)('$label matches its truth', (page) => {
    withParsedPage(page, (parse) => expectPageMatchesTruth(parse, readTruthFile(page.truthPath)));
  });
});
