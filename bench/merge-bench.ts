/**
 * Cost of "show all pages" on a 5-page thread, and of find over the merged thread.
 *   npm run bench:merge -- [--size big-1500|big-300|big-5000] [--theme twentytwentyone] [--runs 3] [--no-browser]
 *
 * The thread: a corpus big page (WordPress-rendered) cut into 5 comment pages of whole top-level threads, each with
 * WordPress's comment navigation, served from 127.0.0.1 at `/post/comment-page-N/` (the newest at `/post/`).
 * - Node (jsdom): per fetched page, the DOM build, detect + parse, and the rebuild through the sanitizer; then the
 *   find index over the merged thread and one search. jsdom is many times slower than a browser: read the shares.
 * - Chromium (headless, no extension): the engines bundled into the page (tests/e2e/probes/merge-probe.ts), the
 *   reader on page 1: wall time of the whole merge (4 fetches over loopback, parse, rebuild, insertion), the longest
 *   task meanwhile (the page's responsiveness), find index and search.
 */
import path from 'node:path';
import fs from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { chromium } from 'playwright-core';
import { detectCommentSections } from '@/utils/detect/detect-comment-sections';
import { createFindIndex } from '@/utils/find/find-index';
import { loadAllCommentPages } from '@/utils/merge/load-all-pages';
import { parseSection } from '@/utils/parse/parse-section';
import type { CommentParts } from '@/utils/parse/types';
import { corpusDir } from '../tests/e2e/lib/paths.ts';
import { bundleForPage } from '../tests/e2e/lib/page-bundle.ts';
import { startServer } from '../tests/e2e/lib/server.ts';
import type { FindProbeReport, MergeProbeReport } from '../tests/e2e/probes/merge-probe.ts';
import { cutPageUrl, cutThread } from '../tests/unit/merge/cut-pages.ts';
import { insertMergedPage } from '../tests/unit/merge/paged-site.ts';

const PAGES = 5;
const ORIGIN = 'http://bench.example';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(name);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}
const size = option('--size', 'big-1500');
const theme = option('--theme', 'twentytwentyone');
const runs = Math.max(1, Number(option('--runs', '3')));
const withBrowser = !process.argv.includes('--no-browser');

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;

/** Page n of the cut thread at `origin` (pages 1…5; the newest at the post URL). */
const pageUrl = (origin: string, n: number) => cutPageUrl(`${origin}/post/`, n, PAGES);

/** The big page cut into 5 pages of whole top-level threads (tests/unit/merge/cut-pages.ts), assets from the theme folder. */
function cutIntoPages(html: string, origin: string): string[] {
  const pages = cutThread(html, `${origin}/post/`, PAGES);
  if (!pages) throw new Error(`${size}: fewer top-level threads than pages`);
  return pages.map((page) => page.replace(/(href|src)=(["'])(wp-content|wp-includes)\//g, `$1=$2/${theme}/$3/`));
}

async function inNode(pages: string[]) {
  const routes = new Map(pages.map((html, i) => [pageUrl(ORIGIN, i + 1), html]));
  for (let n = 1; n <= PAGES; n++) routes.set(`${ORIGIN}/post/comment-page-${n}/`, pages[n - 1]!);
  const totals: number[] = [];
  const perStep = { fetchAndRead: [] as number[], insert: [] as number[], index: [] as number[], search: [] as number[] };
  let comments = 0;
  let matches = 0;
  for (let run = 0; run < runs; run++) {
    const dom = new JSDOM(pages[0]!, { url: pageUrl(ORIGIN, 1), virtualConsole: new VirtualConsole() });
    const doc = dom.window.document;
    const detection = detectCommentSections(doc);
    if (detection.status !== 'found') throw new Error('no section');
    const section = detection.sections[0]!;
    const parsed = parseSection(section);
    const merged = new Map<string, CommentParts>();
    let insertMs = 0;
    const started = performance.now();
    const result = await loadAllCommentPages({
      document: doc,
      section,
      parsed,
      fetch: async (url) => new Response(routes.get(url) ?? 'missing', { status: routes.has(url) ? 200 : 404, headers: { 'content-type': 'text/html; charset=UTF-8' } }),
      yieldToPage: () => Promise.resolve(),
      onPage(event) {
        const t = performance.now();
        insertMergedPage({ section, parsed }, merged, event);
        insertMs += performance.now() - t;
      },
    });
    const total = performance.now() - started;
    if (result.outcome !== 'complete') throw new Error(`merge: ${result.outcome} ${JSON.stringify(result.pages.map((p) => p.failure))}`);
    comments = result.thread.comments.length;
    totals.push(total);
    perStep.insert.push(insertMs);
    perStep.fetchAndRead.push(total - insertMs);
    const partsOf = (id: string) => parsed.parts.get(id) ?? merged.get(id)!;
    let t = performance.now();
    const index = createFindIndex(result.thread.comments.map((c) => ({ id: c.id, name: partsOf(c.id).name, text: partsOf(c.id).content ?? partsOf(c.id).body })));
    perStep.index.push(performance.now() - t);
    t = performance.now();
    matches = index.search('reponse').total + index.search('the').total;
    perStep.search.push((performance.now() - t) / 2);
    dom.window.close();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { comments, matches, total: median(totals), fetchAndRead: median(perStep.fetchAndRead), insert: median(perStep.insert), index: median(perStep.index), search: median(perStep.search) };
}

async function inChromium(pages: string[]) {
  const server = await startServer();
  const probe = await bundleForPage('tests/e2e/probes/merge-probe.ts');
  server.serveAt('/__probe/merge-probe.js', probe, 'text/javascript; charset=utf-8');
  const local = pages.map((html) => html.replaceAll(ORIGIN, server.origin));
  for (let n = 1; n <= PAGES; n++) {
    const html = n === 1 ? local[0]!.replace('</body>', '<script src="/__probe/merge-probe.js"></script></body>') : local[n - 1]!;
    server.serveAt(`/post/comment-page-${n}/`, html);
    if (n === PAGES) server.serveAt('/post/', html);
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'] });
  const merges: MergeProbeReport[] = [];
  const finds: FindProbeReport[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const page = await browser.newPage();
      await page.goto(`${server.origin}/post/comment-page-1/`, { waitUntil: 'load' });
      await page.waitForFunction(() => 'threadlightMergeProbe' in window);
      type Probe = { threadlightMergeProbe: { merge(): Promise<MergeProbeReport>; find(query: string): FindProbeReport } };
      merges.push(await page.evaluate(() => (window as unknown as Probe).threadlightMergeProbe.merge()));
      finds.push(await page.evaluate(() => (window as unknown as Probe).threadlightMergeProbe.find('reponse')));
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  if (merges.some((m) => m.outcome !== 'complete')) throw new Error(`browser merge: ${JSON.stringify(merges.map((m) => m.pages))}`);
  return {
    version: browser.version(),
    comments: merges[0]!.merged.length,
    merged: merges[0]!.insertedComments,
    total: median(merges.map((m) => m.mergeMs)),
    longestTask: median(merges.map((m) => m.longestTaskMs ?? 0)),
    index: median(finds.map((f) => f.indexMs)),
    search: median(finds.map((f) => f.searchMs)),
  };
}

const html = fs.readFileSync(path.join(corpusDir, theme, `${size}.html`), 'utf8');
const pages = cutIntoPages(html, ORIGIN);
console.log(`${theme}/${size} cut into ${PAGES} comment pages (${pages.map((p) => `${(Buffer.byteLength(p) / 1e6).toFixed(2)} MB`).join(', ')}); median of ${runs} run(s); the reader on page 1, 4 pages merged`);
const node = await inNode(pages);
console.log(`\nNode ${process.version}, jsdom:`);
console.log(`| merged thread | fetch + parse + rebuild (4 pages) | insertion | total | per merged comment | find index | one search |`);
console.log(`|---:|---:|---:|---:|---:|---:|---:|`);
console.log(`| ${node.comments} | ${ms(node.fetchAndRead)} | ${ms(node.insert)} | ${ms(node.total)} | ${ms(node.total / (node.comments * (PAGES - 1) / PAGES))} | ${ms(node.index)} | ${ms(node.search)} |`);
if (withBrowser) {
  const browser = await inChromium(pages);
  console.log(`\nChromium ${browser.version} (headless, loopback server):`);
  console.log(`| merged thread | merged comments | whole merge (wall) | longest task meanwhile | find index | one search |`);
  console.log(`|---:|---:|---:|---:|---:|---:|`);
  console.log(`| ${browser.comments} | ${browser.merged} | ${ms(browser.total)} | ${ms(browser.longestTask)} | ${ms(browser.index)} | ${ms(browser.search)} |`);
}
