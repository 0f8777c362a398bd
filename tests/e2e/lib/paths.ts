/** Where the e2e harness finds the repository, the built extension, the shared corpus and its own output. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** Shared material lives beside the repository (read-only). */
export const sharedDir = path.resolve(repoRoot, '../shared');
export const corpusDir = path.join(sharedDir, 'corpus');
/** The built extensions (`npm run build:all`); THREADLIGHT_BUILD_DIR points elsewhere (a private build). */
export const buildDir = path.resolve(repoRoot, process.env.THREADLIGHT_BUILD_DIR ?? '.output');
export const chromeBuildDir = path.join(buildDir, 'chrome-mv3');
export const firefoxBuildDir = path.join(buildDir, 'firefox-mv2');
export const localesDir = path.join(repoRoot, 'public/_locales');
/** Screenshots land in e2e-results/<browser>/. */
export const resultsDir = path.join(repoRoot, 'e2e-results');
