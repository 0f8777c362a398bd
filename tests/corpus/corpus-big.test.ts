/**
 * The big generated pages of ../shared/corpus (300, 1500, 5000 comments): each DOM is built once (jsdom needs
 * seconds for 8 MB) and shared by its assertions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDocument, corpusPages, loadDocument, parseDocument, readTruthFile, type PageParse, type TruthFile } from './corpus-pages';
import { expectPageMatchesTruth } from './expect-truth';

const pages = corpusPages().filter((page) => page.label.includes('/big-'));
const SLOW = 300_000;

describe.each(pages)('$label', (page) => {
  let doc: Document | null = null;
  let parse: PageParse | null = null;
  let truth: TruthFile;
  let parseMs = 0;
  let domMs = 0;

  beforeAll(() => {
    truth = readTruthFile(page.truthPath);
    let started = performance.now();
    doc = loadDocument(page);
    domMs = performance.now() - started;
    started = performance.now();
    parse = parseDocument(doc);
    parseMs = performance.now() - started;
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

  it('detects and parses without a pathological slowdown', () => {
    // 0.05-1 s alone (npm run bench:parse, docs/parser.md); Vitest runs files in parallel on a shared machine, so
    // only a gross regression (a selector engine scan per comment, a quadratic walk) is asserted here.
    expect({ parseMs: Math.round(parseMs), domMs: Math.round(domMs), withinBound: parseMs < 60_000 }).toMatchObject({ withinBound: true });
  });
});
