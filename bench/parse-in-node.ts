/**
 * Parse time of the big corpus pages in Node (jsdom), DOM build reported apart: median of a few runs.
 *   npm run bench:parse -- [--runs N] [--theme twentytwentyone]
 * Detection + parsing is what the extension pays in the page; the DOM build is jsdom's cost (the browser's own
 * parser has already built the page by document_idle). Then once more in slices, as the content script runs it
 * (utils/common/steps.ts): how many slices of 10 ms, the longest slice (a slice ends at the first checkpoint past
 * 10 ms) and the longest step between two checkpoints (what a slice may overrun by).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { Steps } from '@/utils/common/steps';
import { detectCommentSections, detectCommentSectionsSteps } from '@/utils/detect/detect-comment-sections';
import { parseSection, parseSectionSteps } from '@/utils/parse/parse-section';

/** The content script's slice (utils/view/core/scheduler.ts SLICE_MS). */
const SLICE_MS = 10;

const CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/corpus');
const SIZES = ['big-300', 'big-1500', 'big-5000'];
const THEMES = ['twentytwentyone', 'twentytwentytwo', 'twentytwentythree'];

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(name);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

const runs = Math.max(1, Number(option('--runs', '3')));
const themes = option('--theme', 'all') === 'all' ? THEMES : [option('--theme', 'all')];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

interface Row {
  page: string;
  comments: number;
  megabytes: string;
  dom: number;
  detect: number;
  parse: number;
  /** The sliced run (as the content script runs it, pauses driven synchronously): checkpoints, slices, longest. */
  checkpoints: number;
  slices: number;
  longestGap: number;
  longestSlice: number;
}

interface SliceStats {
  checkpoints: number;
  slices: number;
  longestGap: number;
  longestSlice: number;
}

/** Drives steps to the end as runStepsInSlices does (a slice ends at the first checkpoint past SLICE_MS), timing each piece. */
function drive<T>(steps: Steps<T>, stats: SliceStats): T {
  let sliceStart = performance.now();
  let last = sliceStart;
  for (;;) {
    const next = steps.next();
    const now = performance.now();
    stats.longestGap = Math.max(stats.longestGap, now - last);
    last = now;
    if (next.done) {
      stats.longestSlice = Math.max(stats.longestSlice, now - sliceStart);
      stats.slices++;
      return next.value;
    }
    stats.checkpoints++;
    if (now - sliceStart >= SLICE_MS) {
      stats.longestSlice = Math.max(stats.longestSlice, now - sliceStart);
      stats.slices++;
      sliceStart = last = performance.now();
    }
  }
}

async function measure(theme: string, size: string): Promise<Row> {
  const html = fs.readFileSync(path.join(CORPUS, theme, `${size}.html`), 'utf8');
  const dom: number[] = [];
  const detect: number[] = [];
  const parse: number[] = [];
  let comments = 0;
  for (let run = 0; run < runs; run++) {
    let started = performance.now();
    const { window } = new JSDOM(html, { virtualConsole: new VirtualConsole() });
    const { document } = window;
    dom.push(performance.now() - started);
    started = performance.now();
    const detection = detectCommentSections(document);
    detect.push(performance.now() - started);
    if (detection.status !== 'found') throw new Error(`${theme}/${size}: no comment section detected`);
    started = performance.now();
    comments = detection.sections.map(parseSection).reduce((total, parsed) => total + parsed.thread.comments.length, 0);
    parse.push(performance.now() - started);
    // jsdom keeps a window alive until it is closed, and frees it only once the event loop turns:
    // an 8 MB page weighs about half a gigabyte.
    window.close();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  // Once more in slices: the same steps, paused at the first checkpoint past SLICE_MS (the pause itself not timed).
  const stats: SliceStats = { checkpoints: 0, slices: 0, longestGap: 0, longestSlice: 0 };
  const { window } = new JSDOM(html, { virtualConsole: new VirtualConsole() });
  const detection = drive(detectCommentSectionsSteps(window.document), stats);
  if (detection.status === 'found') for (const section of detection.sections) drive(parseSectionSteps(section), stats);
  window.close();
  await new Promise((resolve) => setTimeout(resolve, 0));
  return {
    page: `${theme}/${size}`,
    comments,
    megabytes: (Buffer.byteLength(html) / 1e6).toFixed(1),
    dom: median(dom),
    detect: median(detect),
    parse: median(parse),
    ...stats,
  };
}

const rows: Row[] = [];
for (const theme of themes) for (const size of SIZES) rows.push(await measure(theme, size));

const ms = (value: number): string => `${Math.round(value)} ms`;
const table = [
  ['page', 'comments', 'HTML', 'DOM build (jsdom)', 'detect', 'parse', 'detect + parse', `slices of ${SLICE_MS} ms`, 'longest slice', 'longest step'],
  ...rows.map((row) => [
    row.page,
    String(row.comments),
    `${row.megabytes} MB`,
    ms(row.dom),
    ms(row.detect),
    ms(row.parse),
    ms(row.detect + row.parse),
    String(row.slices),
    `${row.longestSlice.toFixed(1)} ms`,
    `${row.longestGap.toFixed(1)} ms`,
  ]),
];
const widths = table[0]!.map((_, column) => Math.max(...table.map((line) => line[column]!.length)));
const format = (line: string[]) => `| ${line.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`;
console.log(`Node ${process.version}, jsdom, median of ${runs} run${runs > 1 ? 's' : ''}`);
console.log(format(table[0]!));
console.log(`|${widths.map((width, column) => (column === 0 ? `${'-'.repeat(width + 1)}-` : `${'-'.repeat(width + 1)}:`)).join('|')}|`);
for (const line of table.slice(1)) console.log(format(line));
