/**
 * ../shared (the WordPress corpus, the real-world captures, the seed threads) beside the repository. A clone alone
 * does not have it: the tests that need it skip with a one-line notice, everything else runs on the repository's
 * own pages (demo/site, tests/fixtures). CI always has it (.ci/run fails without it).
 * THREADLIGHT_SHARED_DIR points elsewhere (e.g. a missing folder, to try the skip path with ../shared present).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED_DIR = path.resolve(REPO_ROOT, process.env.THREADLIGHT_SHARED_DIR ?? '../shared');
export const SHARED_AVAILABLE = fs.existsSync(path.join(SHARED_DIR, 'corpus', 'manifest.json'));

const noticed = new Set<string>();

/** True when ../shared is there; otherwise says once, in one line, what is skipped for want of it. */
export function sharedOrNotice(what: string): boolean {
  if (!SHARED_AVAILABLE && !noticed.has(what)) {
    noticed.add(what);
    console.warn(`skipped (needs ../shared, absent): ${what}`);
  }
  return SHARED_AVAILABLE;
}
