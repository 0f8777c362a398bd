/** Where the e2e harness finds the repository, the built extension, the shared corpus and its own output. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** Shared material lives beside the repository (read-only); THREADLIGHT_SHARED_DIR points elsewhere. */
export const sharedDir = path.resolve(repoRoot, process.env.THREADLIGHT_SHARED_DIR ?? '../shared');
export const corpusDir = path.join(sharedDir, 'corpus');
/** Whether ../shared is beside the repository (a clone alone has only the demo site; CI always has it). */
export const sharedAvailable = fs.existsSync(path.join(corpusDir, 'manifest.json'));
/** The demo blog shipped in the repository (demo/build/generate.mjs), served at the root of the test servers. */
export const demoSiteDir = path.join(repoRoot, 'demo/site');
/** The built extensions (`npm run build:all`); THREADLIGHT_BUILD_DIR points elsewhere (a private build). */
export const buildDir = path.resolve(repoRoot, process.env.THREADLIGHT_BUILD_DIR ?? '.output');
export const chromeBuildDir = path.join(buildDir, 'chrome-mv3');
export const firefoxBuildDir = path.join(buildDir, 'firefox-mv2');
export const localesDir = path.join(repoRoot, 'public/_locales');
/** Screenshots land in e2e-results/<browser>/. */
export const resultsDir = path.join(repoRoot, 'e2e-results');

/** True when ../shared is there; otherwise says in one line what is skipped for want of it (the unit tests' rule). */
export function sharedOrNotice(what: string): boolean {
  if (!sharedAvailable) console.warn(`skipped (needs ../shared, absent): ${what}`);
  return sharedAvailable;
}
