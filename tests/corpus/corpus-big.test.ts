/**
 * The big generated pages of ../shared/corpus (300, 1500, 5000 comments): each DOM is built once (jsdom needs
 * seconds for 8 MB) and shared by its assertions. Speed is measured by `npm run bench:parse`, not asserted here.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { closeDocument, corpusPages, loadDocument, parseDocument, readTruthFile, sharedOrNotice, type PageParse, type TruthFile } from './corpus-pages';
import { expectPageMatchesTruth } from './expect-truth';

const shared = sharedOrNotice('the big corpus threads (../shared/corpus big-300, big-1500, big-5000)');
const pages = corpusPages().filter((page) => page.label.includes('/big-'));
const SLOW = 300_000;

describe.skipIf(!shared)('big corpus threads', () => {
  describe.each(pages)('$label', (page) => {
  let doc: Document | null = null;
  let parse: PageParse | null = null;
  let truth: TruthFile;

  beforeAll(() => {
    truth = readTruthFile(page.truthPath);
    doc = loadDocument(page);
    parse = parseDocument(doc);
  }, SLOW);
  afterAll(() => {
    // Each 8 MB page weighs about half a gigabyte in jsdom: free it before the next one.
    if (doc) closeDocument(doc);
    doc = null;
    parse = null;
  });

  it('parses exactly as WordPress rendered it', () => {
    expectPageMatchesTruth(parse!, truth);
  });
});
});
