/**
 * The big generated pages of ../shared/corpus (300, 1500, 5000 comments): each DOM is built once (jsdom needs
 * seconds for 8 MB) and shared by its assertions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusPages, loadDocument, parseDocument, readTruthFile, type PageParse, type TruthFile } from './corpus-pages';
import { expectPageMatchesTruth } from './expect-truth';

const pages = corpusPages().filter((page) => page.label.includes('/big-'));
const SLOW = 300_000;

describe.each(pages)('$label', (page) => {
  let parse: PageParse | null = null;
  let truth: TruthFile;
  let parseMs = 0;

  beforeAll(() => {
    truth = readTruthFile(page.truthPath);
    const doc = loadDocument(page);
    const started = performance.now();
    parse = parseDocument(doc);
    parseMs = performance.now() - started;
  }, SLOW);
  afterAll(() => {
    parse = null;
  });

  it('parses exactly as WordPress rendered it', () => {
    expectPageMatchesTruth(parse!, truth);
  });

  it('detects and parses in linear time', () => {
    // Measured at ~0.3 s (5,000 comments) on an idle machine under jsdom; the bound leaves room for a busy CI.
    expect(parseMs).toBeLessThan(page.label.endsWith('big-5000') ? 15_000 : 5_000);
  });
});
