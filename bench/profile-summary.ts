/**
 * Where the time goes in a CDP CPU profile (Profiler.stop): self time per function, the extension's functions apart,
 * each placed in its source file. The profiled build is unminified (bench/wxt.readable.config.ts), where the bundler
 * heads every module with a `// utils/….ts` comment: the nearest one above a function names its file.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  extensionMs: number;
  /** Self time by kind: extension, page scripts, GC, idle, program (browser work outside JS). */
  byKind: Record<string, number>;
  /** The extension's self time by source area: utils/detect, utils/parse, utils/view, a library… */
  byArea: Record<string, number>;
  top: { name: string; where: string; selfMs: number }[];
}

const EXTENSION_URL = /^chrome-extension:\/\/[^/]+\/(.*)$/;

function kindOf(url: string, name: string): string {
  if (EXTENSION_URL.test(url)) return 'extension';
  if (name === '(garbage collector)') return 'gc';
  if (name === '(idle)') return 'idle';
  if (name === '(program)' || name === '(root)') return 'program';
  return 'page';
}

/** The source module of a built file's line: the nearest `// path/to/module.ts` comment above it. */
function sourceOf(buildDir: string, file: string, line: number, cache: Map<string, string[]>): string {
  let lines = cache.get(file);
  if (!lines) {
    const full = path.join(buildDir, file);
    lines = fs.existsSync(full) ? fs.readFileSync(full, 'utf8').split('\n') : [];
    cache.set(file, lines);
  }
  for (let at = Math.min(line, lines.length - 1); at >= 0; at--) {
    const module = /^\s*\/\/ ((?:[\w@.-]+\/)*[\w@.-]+\.(?:ts|tsx|js|mjs))\s*$/.exec(lines[at]!);
    if (module) return module[1]!;
  }
  return file;
}

/** The area of a source path: `utils/<folder>`, `components/<folder>`, `entrypoints`, or the npm package. */
function areaOf(source: string): string {
  const own = /^(utils|components)\/([^/]+)\//.exec(source);
  if (own) return `${own[1]}/${own[2]}`;
  const pkg = /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source);
  if (pkg) return pkg[1]!;
  return source.startsWith('entrypoints/') ? 'entrypoints' : 'other';
}

/** Self time per function (top `limit` of the extension's), from sample counts and their time deltas. */
export function summarizeProfile(profile: CpuProfile, buildDir: string, limit = 15): ProfileSummary {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfByNode = new Map<number, number>();
  profile.samples.forEach((id, i) => selfByNode.set(id, (selfByNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byKind: Record<string, number> = {};
  const byFunction = new Map<string, { name: string; where: string; selfMs: number }>();
  const byArea: Record<string, number> = {};
  const sources = new Map<string, string[]>();
  for (const [id, ms] of selfByNode) {
    const { functionName, url, lineNumber, columnNumber } = nodes.get(id)!.callFrame;
    const kind = kindOf(url, functionName);
    byKind[kind] = (byKind[kind] ?? 0) + ms;
    if (kind !== 'extension') continue;
    const file = EXTENSION_URL.exec(url)![1]!;
    const key = `${file}:${lineNumber}:${columnNumber}`;
    const source = sourceOf(buildDir, file, lineNumber, sources);
    byArea[areaOf(source)] = (byArea[areaOf(source)] ?? 0) + ms;
    const entry = byFunction.get(key) ?? { name: functionName || '(anonymous)', where: `${source} (${key})`, selfMs: 0 };
    entry.selfMs += ms;
    byFunction.set(key, entry);
  }
  const totalMs = Object.values(byKind).reduce((a, b) => a + b, 0);
  const top = [...byFunction.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, limit);
  return { totalMs, extensionMs: byKind.extension ?? 0, byKind, byArea, top };
}
