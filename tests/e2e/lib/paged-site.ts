/**
 * The corpus's paged post (`seed-004-paged-p1`, `seed-004-paged-last`) served as its WordPress served it: each page
 * at the path of its truth `url` (`/lettre-ouverte-charlatans-managers/comment-page-1/`), the newest page also at the
 * post's own URL (default_comments_page = newest), and the saved origin (`http://127.0.0.1:8089`) rewritten to the
 * test server's, so the pages' comment-page links lead to served pages. The three themes share the post's path: one
 * server per theme.
 */
import fs from 'node:fs';
import path from 'node:path';
import { corpusDir } from './paths.ts';
import type { StaticServer } from './server.ts';
import type { Theme, Truth } from './corpus.ts';

/** Where the corpus pages were saved from. */
export const SAVED_ORIGIN = 'http://127.0.0.1:8089';
export const PAGED_VARIANTS = ['seed-004-paged-p1', 'seed-004-paged-last'] as const;

export interface PagedTruth extends Truth {
  url: string;
  settings: { cpage: number; comment_pages: number; comments_per_page: number };
}

export interface ServedCommentPage {
  variant: (typeof PAGED_VARIANTS)[number];
  /** WordPress's page number. */
  number: number;
  /** Its URL on the test server (the truth `url` with the origin rewritten, no fragment). */
  url: string;
  truth: PagedTruth;
}

export interface ServedPagedPost {
  /** The post's own URL on the test server: shows the newest page. */
  postUrl: string;
  /** Page 1 first. */
  pages: ServedCommentPage[];
}

/**
 * A saved page as its site would serve it from `origin`: every absolute link to the saved origin (also in its
 * JSON-escaped and protocol-relative forms) points to `origin`, and the page's relative asset paths (`wp-content/…`,
 * saved next to the page in the theme folder) to the theme folder, since the page is no longer served from there.
 */
export function rewriteSavedPage(html: string, theme: Theme, origin: string): string {
  const host = SAVED_ORIGIN.replace(/^http:/, '');
  const newHost = origin.replace(/^https?:/, '');
  return html
    .replaceAll(SAVED_ORIGIN, origin)
    .replaceAll(SAVED_ORIGIN.replaceAll('/', '\\/'), origin.replaceAll('/', '\\/'))
    .replaceAll(`"${host}`, `"${newHost}`)
    .replaceAll(`'${host}`, `'${newHost}`)
    .replace(/\b(href|src)=(["'])(wp-content|wp-includes)\//g, `$1=$2/${theme}/$3/`);
}

function readPagedTruth(theme: Theme, variant: string): PagedTruth {
  return JSON.parse(fs.readFileSync(path.join(corpusDir, theme, `${variant}.truth.json`), 'utf8')) as PagedTruth;
}

/** Serve the paged post of `theme` on `server` (see the file's head); `transform` edits each page (a test's probe). */
export function servePagedPost(server: StaticServer, theme: Theme, transform: (html: string) => string = (html) => html): ServedPagedPost {
  const pages = PAGED_VARIANTS.map((variant) => {
    const truth = readPagedTruth(theme, variant);
    const html = transform(rewriteSavedPage(fs.readFileSync(path.join(corpusDir, theme, `${variant}.html`), 'utf8'), theme, server.origin));
    const pathname = new URL(truth.url).pathname;
    return { variant, number: truth.settings.cpage, html, pathname, truth };
  }).sort((a, b) => a.number - b.number);
  const newest = pages[pages.length - 1]!;
  if (newest.number !== newest.truth.settings.comment_pages) throw new Error(`${theme}: the newest page is not among the saved ones`);
  const postPath = newest.pathname.replace(/comment-page-\d+\/$/, '');
  const postUrl = server.serveAt(postPath, newest.html);
  return {
    postUrl,
    pages: pages.map(({ variant, number, html, pathname, truth }) => ({ variant, number, url: server.serveAt(pathname, html), truth })),
  };
}
