/** Where the e2e harness finds the repository, the built extension, the shared corpus and its own output. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** Shared material lives beside the repository (read-only). */
export const sharedDir = path.resolve(repoRoot, '../shared');
export const corpusDir = path.join(sharedDir, 'corpus');
export const chromeBuildDir = path.join(repoRoot, '.output/chrome-mv3');
export const firefoxBuildDir = path.join(repoRoot, '.output/firefox-mv2');
export const localesDir = path.join(repoRoot, 'public/_locales');
/** Screenshots land in e2e-results/<browser>/. */
export const resultsDir = path.join(repoRoot, 'e2e-results');
