/**
 * The view on every page the parser is judged on (corpus, real-world captures, markup fixtures, the demo blog), with the real
 * detector and parser: it mounts on each section found, survives being used, and destroy() gives the document
 * back byte for byte. First the core alone, then every feature plugged in.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, type ThreadlightOptions } from '@/utils/storage/options';
import { SYNC_SCHEDULER } from '@/utils/view/core/scheduler';
import type { ViewFeature } from '@/utils/view/core/types';
import { ATTR_ENHANCED } from '@/utils/view/dom-contract';
import { VIEW_FEATURES } from '@/utils/view/features';
import { mountThreadView, type ViewController } from '@/utils/view/mount-thread-view';
import { corpusPages, demoPages, fixturePages, loadDocument, parseDocument, readTruthFile, realworldPages, sharedOrNotice, type CorpusPage } from '../../corpus/corpus-pages';

/** Pages above this are left to the performance tests (jsdom parses them slowly). */
const MAX_BYTES = 1_500_000;

function exercise(view: ViewController, options: ThreadlightOptions): void {
  const ids = view.parsed.thread.comments.map((comment) => comment.id);
  view.collapseAll();
  view.select(ids[ids.length - 1] ?? null, { scroll: false });
  view.expandAll();
  for (const id of ids.slice(0, 5)) view.toggle(id);
  view.setFocus(ids.filter((_, i) => i % 3 === 0));
  view.applyOptions({ ...options, pingbacks: 'hidden', autoCollapseDepth: 2, inferReplies: 'renest', highlightAuthor: false });
  view.applyOptions(options);
}

/** Mounts on every section of the page with comments, uses each view, destroys them; returns how many it mounted. */
function checkRestore(page: CorpusPage, features: readonly ViewFeature[]): number {
  const doc = loadDocument(page);
  const { detection, sections } = parseDocument(doc);
  // The page's truth holds comments: the detector must find them (a miss would make this test pass on nothing).
  expect(detection.status, `${page.label}: detection`).toBe('found');
  if (detection.status !== 'found') return 0;
  const before = doc.documentElement.outerHTML;
  const options: ThreadlightOptions = { ...DEFAULT_OPTIONS, bigThreadThreshold: 0 };
  const errors: string[] = [];
  // Each parse with the section it came from: filtering first would pair a parse with the wrong root.
  const withComments = sections.map((parsed, index) => ({ parsed, section: detection.sections[index]! })).filter(({ parsed }) => parsed.parts.size > 0);
  const views = withComments.map(({ parsed, section }, index) =>
    mountThreadView(parsed, options, features, {
      root: section.root,
      primary: index === 0,
      scheduler: SYNC_SCHEDULER,
      onError: (error, where) => errors.push(`${where}: ${(error as Error)?.message ?? error}`),
    }),
  );
  expect(views.length, `${page.label}: sections with comments`).toBeGreaterThan(0);
  expect(doc.querySelectorAll(`[${ATTR_ENHANCED}="enhanced"]`).length).toBe(views.length);
  for (const [i, view] of views.entries()) expect(view.root).toBe(withComments[i]!.section.root);
  for (const view of views) exercise(view, options);
  for (const view of views) view.destroy();
  expect(errors, `${page.label}: errors`).toEqual([]);
  const after = doc.documentElement.outerHTML;
  if (after !== before) {
    let i = 0;
    while (after[i] === before[i]) i++;
    expect.fail(`${page.label}: not restored; at ${i}: now ${JSON.stringify(after.slice(i - 80, i + 120))}, before ${JSON.stringify(before.slice(i - 80, i + 120))}`);
  }
  return views.length;
}

/** Pages whose truth holds comments (pages without any are the detector's business, not the view's). */
const withThreads = (page: CorpusPage) => page.bytes <= MAX_BYTES && readTruthFile(page.truthPath).comments.length > 0;
const shared = sharedOrNotice('exact restore on ../shared/corpus and ../shared/realworld (the demo pages and fixtures still run)');
const pages = [...corpusPages(), ...realworldPages(), ...fixturePages(), ...demoPages()].filter(withThreads);

describe('exact restore on real pages (view core)', () => {
  it('has pages of every set to check', () => {
    expect(new Set(pages.map((page) => page.set))).toEqual(new Set(shared ? ['corpus', 'demo', 'fixtures', 'realworld'] : ['demo', 'fixtures']));
  });

  it.each(pages.map((page) => [page.label, page] as const))('%s', (_label, page) => {
    expect(checkRestore(page, [])).toBeGreaterThan(0);
  });
});

describe('exact restore on real pages with every feature', () => {
  // The seed pages of the corpus and the demo blog (the big threads are covered by the core test above), the
  // real-world threads, the fixtures.
  const featurePages = pages.filter((page) => !/\/big-|the-big-/.test(page.label));
  it('has pages to check', () => expect(featurePages.length).toBeGreaterThan(shared ? 40 : 25));
  it.each(featurePages.map((page) => [page.label, page] as const))('%s', (_label, page) => {
    expect(checkRestore(page, VIEW_FEATURES)).toBeGreaterThan(0);
  });
});
