/**
 * Every theme and plugin markup we have a truth file for (the corpus, third-party theme fixtures, live captures), cut
 * into three comment pages the way its engine pages comments. Per dialect (utils/merge/dialect-support.ts):
 * - supported (WordPress, wpDiscuz): merged from the middle page, the thread is the page's whole thread again, same
 *   order, parents and depths; and the section, parsed again after insertion, says the same. Not tuned to a theme:
 *   the merge rebuilds whatever structure the page has;
 * - declined (Drupal, paged by `?page=N`): the page is read as paginated in its own dialect, the outcome is
 *   'unsupported', nothing is fetched and the section is left exactly as it was.
 */
import fs from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectCommentSections } from '@/utils/detect/detect-comment-sections';
import { mergeSupportOf } from '@/utils/merge/dialect-support';
import { loadAllCommentPages } from '@/utils/merge/load-all-pages';
import { parseSection } from '@/utils/parse/parse-section';
import type { CommentParts } from '@/utils/parse/types';
import { corpusPages, fixturePages, readTruthFile, realworldPages, type CorpusPage } from '../../corpus/corpus-pages';
import type { MarkupDialect } from '@/utils/thread/types';
import { cutPageUrl, cutThread, drupalPageUrl } from './cut-pages';
import { fakeFetch, insertMergedPage, openPage } from './paged-site';

const BASE = 'https://cut.example/post/';
const PAGES = 3;
const lines = (comments: { id: string; parentId: string | null; depth: number }[]) => comments.map((c) => `${c.id} ${c.parentId ?? '-'} ${c.depth}`);

function threadPages(): CorpusPage[] {
  // At least three top-level threads: something to page.
  const withThread = (page: CorpusPage) => readTruthFile(page.truthPath).comments.filter((c) => String(c.parent_wp_id) === '0').length >= PAGES;
  const corpus = corpusPages().filter((page) => /\/(seed-004|seed-001-flat|seed-003|deep)$/.test(page.label));
  const realworld = realworldPages().filter((page) => page.bytes < 300_000);
  return [...corpus, ...fixturePages(), ...realworld].filter(withThread);
}

function fullThread(html: string): { lines: string[]; dialect: MarkupDialect | null } {
  const dom = new JSDOM(html, { url: BASE, virtualConsole: new VirtualConsole() });
  const detection = detectCommentSections(dom.window.document);
  const section = detection.status === 'found' ? detection.sections[0]! : null;
  const result = { lines: section ? lines(parseSection(section).thread.comments) : [], dialect: section?.dialect ?? null };
  dom.window.close();
  return result;
}

const pages = threadPages();
const dialects = new Map(pages.map((page) => [page.label, fullThread(fs.readFileSync(page.htmlPath, 'utf8')).dialect]));

describe('a thread cut into comment pages merges back to itself, or is declined, per dialect', () => {
  it('has pages to check, in every dialect', () => {
    expect(pages.length).toBeGreaterThanOrEqual(25);
    expect(new Set(dialects.values())).toEqual(new Set(['wordpress', 'wpdiscuz', 'drupal']));
  });

  it.each(pages.map((page) => [page.label, page] as const))('%s', async (label, page) => {
    const html = fs.readFileSync(page.htmlPath, 'utf8');
    const { lines: expected, dialect } = fullThread(html);
    const cut = cutThread(html, BASE, PAGES);
    expect(expected.length).toBeGreaterThan(0);
    expect(dialect).toBe(dialects.get(label));
    expect(cut).not.toBeNull();
    if (cut === null || dialect === null) return; // skip: both asserted on the lines above (narrows the types)
    const supported = mergeSupportOf(dialect).supported;
    const urlOf = (n: number) => (dialect === 'drupal' ? drupalPageUrl(BASE, n) : cutPageUrl(BASE, n, PAGES));
    const routes = new Map(cut.map((pageHtml, i) => [urlOf(i + 1), pageHtml]));
    for (let n = 1; n < PAGES; n++) routes.set(`${BASE}comment-page-${n}/`, cut[n - 1]!);
    routes.set(`${BASE}comment-page-${PAGES}/`, cut[PAGES - 1]!);
    const opened = openPage(cut[1]!, urlOf(2));
    const before = opened.section.root.outerHTML;
    const merged = new Map<string, CommentParts>();
    const fetch = fakeFetch(routes);
    const result = await loadAllCommentPages({
      document: opened.doc,
      section: opened.section,
      parsed: opened.parsed,
      fetch,
      yieldToPage: () => Promise.resolve(),
      onPage: (event) => insertMergedPage(opened, merged, event),
    });
    // The page is read as page 2 of 3 in its own dialect's paging, whatever the merge then does with it.
    expect(opened.parsed.thread.pagination?.current).toBe(2);
    if (!supported) {
      expect(result.outcome).toBe('unsupported');
      expect(result.plan).toEqual({ status: 'unsupported', dialect });
      expect(fetch.calls).toEqual([]);
      expect(opened.section.root.outerHTML).toBe(before);
      opened.dom.window.close();
      return; // skip: a declined dialect has nothing merged to compare (asserted above)
    }
    expect(result.outcome, JSON.stringify(result.pages.map((p) => [p.number, p.status, p.failure]))).toBe('complete');
    expect(lines(result.thread.comments)).toEqual(expected);
    const again = detectCommentSections(opened.doc);
    const sections = again.status === 'found' ? again.sections : [];
    const reparsed = sections.map((section) => lines(parseSection(section).thread.comments)).find((found) => found.length === expected.length);
    expect(reparsed).toEqual(expected);
    opened.dom.window.close();
  });
});
