/**
 * The view on every page the parser is judged on (corpus, real-world captures, markup fixtures), with the real
 * detector and parser: it mounts on each section found, survives being used, and destroy() gives the document
 * back byte for byte. Then the same on the corpus with every feature plugged in (keyboard, previews, inferred links).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, type ThreadlightOptions } from '@/utils/storage/options';
import { createInferredLinksFeature } from '@/utils/view/inferred-links';
import { createKeyboardFeature } from '@/utils/view/keyboard';
import { mountThreadView } from '@/utils/view/mount-thread-view';
import { createPreviewFeature } from '@/utils/view/preview';
import type { ViewController, ViewFeatureFactory } from '@/utils/view/types';
import {
  corpusPages,
  demoPages,
  fixturePages,
  loadDocument,
  parseDocument,
  readTruthFile,
  realworldPages,
  sharedOrNotice,
  type CorpusPage,
} from '../../corpus/corpus-pages';

/** Pages above this are left to the performance tests (jsdom parses them slowly). */
const MAX_BYTES = 1_500_000;

function exercise(view: ViewController, options: ThreadlightOptions): void {
  const ids = view.parsed.thread.comments.map((comment) => comment.id);
  view.collapseAll();
  view.select(ids[ids.length - 1] ?? null, { scroll: false });
  view.expandAll();
  for (const id of ids.slice(0, 5)) view.toggle(id);
  view.setFocus(ids.filter((_, i) => i % 3 === 0));
  view.applyOptions({ ...options, pingbacks: 'hidden', autoCollapseDepth: 2, inferReplies: 'renest' });
  view.applyOptions(options);
}

function checkRestore(page: CorpusPage, features: readonly ViewFeatureFactory[]): number {
  const doc = loadDocument(page);
  const { detection, sections } = parseDocument(doc);
  if (detection.status !== 'found') return 0;
  const before = doc.documentElement.outerHTML;
  const options: ThreadlightOptions = { ...DEFAULT_OPTIONS, bigThreadThreshold: 0 };
  const views = sections
    .filter((parsed) => parsed.elements.size > 0)
    .map((parsed, i) =>
      mountThreadView(parsed, options, features, {
        root: detection.sections[i]!.root,
        toolbar: i === 0,
        onError: (error) => {
          throw error;
        },
      }),
    );
  expect(doc.querySelectorAll('[data-threadlight="enhanced"]').length).toBe(views.length);
  for (const view of views) exercise(view, options);
  for (const view of views) view.destroy();
  const after = doc.documentElement.outerHTML;
  if (after !== before) {
    let i = 0;
    while (after[i] === before[i]) i++;
    expect.fail(`${page.label}: not restored; at ${i}: now ${JSON.stringify(after.slice(i - 80, i + 120))}, before ${JSON.stringify(before.slice(i - 80, i + 120))}`);
  }
  return views.length;
}

/** Pages whose truth holds comments (pages without any are the detector's business, not the view's). */
const shared = sharedOrNotice('exact restore on ../shared/corpus and ../shared/realworld (the demo pages and fixtures still run)');
const pages = [...corpusPages(), ...realworldPages(), ...fixturePages(), ...demoPages()].filter(
  (page) => page.bytes <= MAX_BYTES && readTruthFile(page.truthPath).comments.length > 0,
);

describe('exact restore on real pages (view core)', () => {
  const enhanced = new Set<string>();
  it.each(pages.map((page) => [page.label, page] as const))('%s', (_label, page) => {
    if (checkRestore(page, []) > 0) enhanced.add(page.set);
  });

  it('covered pages with threads in every set', () => {
    expect([...enhanced].sort()).toEqual(shared ? ['corpus', 'demo', 'fixtures', 'realworld'] : ['demo', 'fixtures']);
  });
});

describe('exact restore on the corpus and the demo pages with every feature', () => {
  const features = [createInferredLinksFeature, createPreviewFeature, createKeyboardFeature];
  // The seed and demo pages (the big threads are covered by the core test above).
  const seedAndDemo = [...corpusPages(), ...demoPages()].filter((page) => !/\/big-|the-big-/.test(page.label) && readTruthFile(page.truthPath).comments.length > 0);
  it.each(seedAndDemo.map((page) => [page.label, page] as const))('%s', (_label, page) => {
    checkRestore(page, features);
  });
});
