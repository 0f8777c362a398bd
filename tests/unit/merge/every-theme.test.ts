/**
 * Every theme and plugin markup we have a truth file for (the corpus, third-party theme fixtures, live captures), cut
 * into three comment pages the way WordPress pages comments: merged from the middle page, the thread is the page's
 * whole thread again, same order, parents and depths; and the section, parsed again after insertion, says the same.
 * Not tuned to a theme: the merge rebuilds whatever structure the page has.
 */
import fs from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectCommentSections } from '@/utils/detect/detect-comment-sections';
import { loadAllCommentPages } from '@/utils/merge/load-all-pages';
import { parseSection } from '@/utils/parse/parse-section';
import type { CommentParts } from '@/utils/parse/types';
import { corpusPages, fixturePages, readTruthFile, realworldPages, type CorpusPage } from '../../corpus/corpus-pages';
import { cutPageUrl, cutThread } from './cut-pages';
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

function fullThread(html: string): string[] {
  const dom = new JSDOM(html, { url: BASE, virtualConsole: new VirtualConsole() });
  const detection = detectCommentSections(dom.window.document);
  const result = detection.status === 'found' ? lines(parseSection(detection.sections[0]!).thread.comments) : [];
  dom.window.close();
  return result;
}

const pages = threadPages();

describe('a thread cut into comment pages merges back to itself, on every theme', () => {
  it('has pages to check', () => {
    expect(pages.length).toBeGreaterThanOrEqual(25);
  });

  it.each(pages.map((page) => [page.label, page] as const))('%s', async (_, page) => {
    const html = fs.readFileSync(page.htmlPath, 'utf8');
    const expected = fullThread(html);
    const cut = cutThread(html, BASE, PAGES);
    expect(expected.length).toBeGreaterThan(0);
    expect(cut).not.toBeNull();
    if (cut === null) return; // skip: asserted not null on the line above (narrows the type)
    const routes = new Map(cut.map((pageHtml, i) => [cutPageUrl(BASE, i + 1, PAGES), pageHtml]));
    for (let n = 1; n < PAGES; n++) routes.set(`${BASE}comment-page-${n}/`, cut[n - 1]!);
    routes.set(`${BASE}comment-page-${PAGES}/`, cut[PAGES - 1]!);
    const opened = openPage(cut[1]!, cutPageUrl(BASE, 2, PAGES));
    const merged = new Map<string, CommentParts>();
    const result = await loadAllCommentPages({
      document: opened.doc,
      section: opened.section,
      parsed: opened.parsed,
      fetch: fakeFetch(routes),
      yieldToPage: () => Promise.resolve(),
      onPage: (event) => insertMergedPage(opened, merged, event),
    });
    expect(result.outcome, JSON.stringify(result.pages.map((p) => [p.number, p.status, p.failure]))).toBe('complete');
    expect(lines(result.thread.comments)).toEqual(expected);
    const again = detectCommentSections(opened.doc);
    const sections = again.status === 'found' ? again.sections : [];
    const reparsed = sections.map((section) => lines(parseSection(section).thread.comments)).find((found) => found.length === expected.length);
    expect(reparsed).toEqual(expected);
    opened.dom.window.close();
  });
});
