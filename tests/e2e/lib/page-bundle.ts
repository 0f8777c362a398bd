/**
 * Bundles a module of the repository into one script for a test page's main world (esbuild, which the toolchain
 * already carries through tsx and Vite; not a dependency of the extension). `@/` resolves to the repository root,
 * as in the sources.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { repoRoot } from './paths.ts';

export async function bundleForPage(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [path.resolve(repoRoot, entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    alias: { '@': repoRoot },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
