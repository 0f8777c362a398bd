/**
 * The pages the parser is judged on, with their truth: ../shared/corpus (WordPress-rendered, truth from WordPress's
 * own data), ../shared/realworld (live captures, hand-checked truth), tests/fixtures/markup (third-party themes and
 * plugins; globbed, so fixtures added later are picked up) and demo/site (the demo blog, generated). Shared by the
 * corpus tests and `report.ts`. Without ../shared the first two lists are empty.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { SHARED_AVAILABLE, SHARED_DIR } from '../shared-material';
import { detectCommentSections } from '@/utils/detect/detect-comment-sections';
import { hasCommentSignals } from '@/utils/detect/has-comment-signals';
import type { Detection } from '@/utils/detect/types';
import { parseSection } from '@/utils/parse/parse-section';
import type { ParsedSection } from '@/utils/parse/types';
import type { ThreadComment } from '@/utils/thread/types';

export { SHARED_AVAILABLE, SHARED_DIR, sharedOrNotice } from '../shared-material';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES_DIR = path.join(REPO_ROOT, 'tests/fixtures/markup');
export const DEMO_DIR = path.join(REPO_ROOT, 'demo/site');

export interface TruthComment {
  wp_id: number | string;
  parent_wp_id: number | string;
  author: string;
  is_post_author: boolean;
  type: string;
  depth: number;
  author_url?: string | null;
  pending?: boolean;
  markup_depth?: number;
  markup_parent_wp_id?: number | string;
  markup_type?: string;
  id_in_markup?: boolean;
}

export interface TruthFile {
  comments: TruthComment[];
  url?: string;
  system?: string;
  comments_exist?: boolean;
  comments_open?: boolean;
  post_author?: string | null;
  notes?: string;
  summary?: { comments: number; participants?: number; post_author_replies: number; pingbacks: number; max_depth: number };
}

export interface CorpusPage {
  /** `corpus/twentytwentyone/seed-004`, `realworld/readability/ars-1`, `fixtures/astra`, `demo/forty-broken-radios/index` */
  label: string;
  set: 'corpus' | 'realworld' | 'fixtures' | 'demo';
  htmlPath: string;
  truthPath: string;
  /** The URL the page was served from, when known (relative links resolve against it). */
  url: string | null;
  /** Size of the HTML in bytes (big pages are parsed once and shared). */
  bytes: number;
}

interface ManifestPage {
  html: string;
  truth: string;
  url?: string;
}

function pagesFromManifest(set: 'corpus' | 'realworld' | 'demo', dir = path.join(SHARED_DIR, set)): CorpusPage[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { pages: ManifestPage[] };
  return manifest.pages.map((page) => {
    const htmlPath = path.join(dir, page.html);
    return {
      label: `${set}/${page.html.replace(/\.html$/, '')}`,
      set,
      htmlPath,
      truthPath: path.join(dir, page.truth),
      url: page.url ?? null,
      bytes: fs.statSync(htmlPath).size,
    };
  });
}

/** Every `<name>.html` + `<name>.truth.json` pair in tests/fixtures/markup. */
export function fixturePages(): CorpusPage[] {
  if (!fs.existsSync(FIXTURES_DIR)) return [];
  return fs
    .readdirSync(FIXTURES_DIR)
    .filter((file) => file.endsWith('.html') && fs.existsSync(path.join(FIXTURES_DIR, file.replace(/\.html$/, '.truth.json'))))
    .sort()
    .map((file) => {
      const htmlPath = path.join(FIXTURES_DIR, file);
      const truthPath = htmlPath.replace(/\.html$/, '.truth.json');
      const truth = readTruthFile(truthPath);
      return { label: `fixtures/${file.replace(/\.html$/, '')}`, set: 'fixtures', htmlPath, truthPath, url: truth.url ?? null, bytes: fs.statSync(htmlPath).size };
    });
}

/** ../shared/corpus (empty without ../shared). */
export function corpusPages(): CorpusPage[] {
  return SHARED_AVAILABLE ? pagesFromManifest('corpus') : [];
}

/** ../shared/realworld (empty without ../shared). */
export function realworldPages(): CorpusPage[] {
  return SHARED_AVAILABLE ? pagesFromManifest('realworld') : [];
}

/** The demo blog's pages (demo/site/manifest.json), always there. */
export function demoPages(): CorpusPage[] {
  return pagesFromManifest('demo', DEMO_DIR);
}

export function readTruthFile(truthPath: string): TruthFile {
  return JSON.parse(fs.readFileSync(truthPath, 'utf8')) as TruthFile;
}

export function loadDocument(page: CorpusPage): Document {
  const html = fs.readFileSync(page.htmlPath, 'utf8');
  // A silent console: jsdom reports every stylesheet it cannot parse, which says nothing about comments.
  const virtualConsole = new VirtualConsole();
  return new JSDOM(html, { virtualConsole, ...(page.url ? { url: page.url } : {}) }).window.document;
}

/** Frees a document made by loadDocument (jsdom keeps its window alive until closed). */
export function closeDocument(doc: Document): void {
  doc.defaultView?.close();
}

/** Loads and parses a page, runs `check` on the parse, then frees the page (its DOM stays usable inside `check`). */
export function withParsedPage<T>(page: CorpusPage, check: (parse: PageParse) => T): T {
  const doc = loadDocument(page);
  try {
    return check(parseDocument(doc));
  } finally {
    closeDocument(doc);
  }
}

export interface PageParse {
  /** What the cheap pre-check said. */
  signals: boolean;
  detection: Detection;
  sections: ParsedSection[];
  /** Every section's comments, in page order. */
  comments: ThreadComment[];
}

export function parseDocument(doc: Document): PageParse {
  const signals = hasCommentSignals(doc);
  const detection = detectCommentSections(doc);
  const sections = detection.status === 'found' ? detection.sections.map(parseSection) : [];
  return { signals, detection, sections, comments: sections.flatMap((section) => section.thread.comments) };
}

/** The fields a parse is judged on. */
interface Row {
  id: string;
  parentId: string | null;
  author: string;
  isPostAuthor: boolean;
  type: string;
  depth: number;
}

const idOf = (value: number | string): string | null => (String(value) === '0' ? null : String(value));

/** The truth's view of a comment (ids as strings, 0 parent as null). */
export function truthRow(comment: TruthComment): Row {
  return {
    id: String(comment.wp_id),
    parentId: idOf(comment.parent_wp_id),
    author: comment.author,
    isPostAuthor: comment.is_post_author,
    type: comment.type,
    depth: comment.depth,
  };
}

export function parsedRow(comment: ThreadComment): Row {
  return {
    id: comment.id,
    parentId: comment.parentId,
    author: comment.author.name,
    isPostAuthor: comment.isPostAuthor,
    type: comment.type,
    depth: comment.depth,
  };
}

/**
 * The row as the markup alone can show it, when the fixture truth says the markup differs from WordPress's data:
 * replies past the maximum depth (`markup_depth`, `markup_parent_wp_id`), Twenty Eleven's trackbacks printed as
 * pingbacks (`markup_type`), pings without any id in the page (`id_in_markup: false`: any synthesized id).
 */
function markupRow(comment: TruthComment, parsed: ThreadComment | undefined): Row {
  const row = truthRow(comment);
  if (comment.markup_depth !== undefined) row.depth = comment.markup_depth;
  if (comment.markup_parent_wp_id !== undefined) row.parentId = idOf(comment.markup_parent_wp_id);
  if (comment.markup_type !== undefined) row.type = comment.markup_type;
  if (comment.id_in_markup === false && parsed && !/^\d+$/.test(parsed.id)) row.id = parsed.id;
  return row;
}

/** Author URL as a reader sees it: no trailing slash, "" for none. */
const comparableUrl = (url: string | null | undefined): string => (url ?? '').replace(/\/+$/, '');

/** Human-readable differences between a parse and the truth (empty when they agree exactly). */
export function diffAgainstTruth(comments: ThreadComment[], truth: TruthFile, limit = 12): string[] {
  const problems: string[] = [];
  if (truth.comments.length !== comments.length) problems.push(`count: expected ${truth.comments.length}, got ${comments.length}`);
  const length = Math.max(truth.comments.length, comments.length);
  for (let i = 0; i < length && problems.length < limit; i++) {
    const want = truth.comments[i];
    const got = comments[i];
    if (!want || !got) {
      problems.push(`#${i}: expected ${JSON.stringify(want && truthRow(want))} got ${JSON.stringify(got && parsedRow(got))}`);
      continue;
    }
    const actual = JSON.stringify(parsedRow(got));
    if (actual !== JSON.stringify(truthRow(want)) && actual !== JSON.stringify(markupRow(want, got))) {
      problems.push(`#${i}: expected ${JSON.stringify(truthRow(want))} got ${actual}`);
    }
    // A theme may print no moderation note at all (the fixture's notes say so): then nothing shows it is pending.
    const pendingVisible = !/no moderation note/i.test(truth.notes ?? '');
    if (want.pending !== undefined && pendingVisible && want.pending !== got.pending) problems.push(`#${i} ${got.id}: pending expected ${want.pending}`);
    if (want.author_url !== undefined && comparableUrl(want.author_url) !== comparableUrl(got.author.url)) {
      problems.push(`#${i} ${got.id}: author URL expected ${JSON.stringify(want.author_url)} got ${JSON.stringify(got.author.url)}`);
    }
  }
  return problems;
}
