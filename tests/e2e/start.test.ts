/**
 * `npm start`, as the README promises: without a display it builds and packages Threadlight, runs the demo headless
 * and writes the screenshots; with a display (Xvfb here) it opens a real Chromium window on a demo page, with
 * Threadlight loaded, says how to stop it, and stops on Ctrl+C.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { repoRoot } from './lib/paths.ts';

/** What `npm start` runs (tsx with the e2e tsconfig, through TSX_TSCONFIG_PATH). */
const DEMO = ['--import', 'tsx', 'scripts/demo.ts'];
const outputDir = path.join(repoRoot, 'demo-output');
const environment = (extra: Record<string, string | undefined>): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, TSX_TSCONFIG_PATH: 'tests/e2e/tsconfig.json', ...extra };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  return env;
};

/** PNG width and height, from its IHDR chunk. */
function pngSize(file: string): [number, number] {
  const header = fs.readFileSync(file).subarray(0, 24);
  assert.equal(header.toString('latin1', 1, 4), 'PNG', `${file} is a PNG`);
  return [header.readUInt32BE(16), header.readUInt32BE(20)];
}

it('without a display: builds, packages, and writes the before/after/popup screenshots', { timeout: 240_000 }, () => {
  fs.rmSync(outputDir, { recursive: true, force: true });
  const run = spawnSync(process.execPath, DEMO, { cwd: repoRoot, env: environment({ DISPLAY: undefined, WAYLAND_DISPLAY: undefined }), encoding: 'utf8', timeout: 230_000 });
  assert.equal(run.status, 0, `npm start failed:\n${run.stdout}\n${run.stderr}`);
  assert.match(run.stdout, /running headless on http:\/\/127\.0\.0\.1:\d+\/forty-broken-radios\//);
  for (const name of ['before', 'after', 'popup']) {
    const file = path.join(outputDir, `${name}.png`);
    assert.ok(run.stdout.includes(file), `prints ${file}`);
    assert.ok(pngSize(file)[0] > 300, `${name}.png has a width`);
  }
  for (const zip of ['chrome', 'firefox', 'sources']) assert.match(run.stdout, new RegExp(`threadlight-[\\d.]+-${zip}\\.zip`));
});

/** Every process below `pid` (Playwright starts the browser in a process group of its own). */
function descendants(pid: number): { id: number; args: string }[] {
  const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map(([, id, parent, args]) => ({ id: Number(id), parent: Number(parent), args: args! }));
  const below = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const row of rows) if (below.has(row.parent) && !below.has(row.id)) (below.add(row.id), (grew = true));
  }
  return rows.filter((row) => row.id !== pid && below.has(row.id));
}

const xvfbRun = spawnSync('sh', ['-c', 'command -v xvfb-run'], { encoding: 'utf8' }).stdout.trim();

it('with a display: a Chromium window with Threadlight on a demo page, until Ctrl+C', { timeout: 120_000, skip: xvfbRun ? false : 'xvfb-run is not installed (.ci/run installs it)' }, async () => {
  // Its own process group, so Ctrl+C (SIGINT) reaches the demo under xvfb-run as it would from a terminal.
  const child = spawn(xvfbRun, ['-a', process.execPath, ...DEMO, '--no-build'], { cwd: repoRoot, env: environment({ DISPLAY: undefined }), detached: true });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    const deadline = Date.now() + 90_000;
    while (!output.includes('To stop:') && Date.now() < deadline && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 250));
    assert.match(output, /Chromium is open on http:\/\/127\.0\.0\.1:\d+\/forty-broken-radios\/ with Threadlight loaded/, output);
    assert.match(output, /To stop: close the browser window, or press Ctrl\+C here\./);
    // A real window: the browser runs without --headless, under the X display xvfb-run made.
    const below = descendants(child.pid!);
    const browsers = below.filter(({ args }) => /chrom/.test(args) && /--load-extension=/.test(args));
    assert.equal(browsers.length, 1, below.map(({ args }) => args).join('\n'));
    assert.doesNotMatch(browsers[0]!.args, /--headless/);
    // Ctrl+C: the demo closes the browser and exits (130, the shell's code for "ended by Ctrl+C", when Playwright's
    // own SIGINT handler gets there first), and xvfb-run with it.
    const demo = below.find(({ args }) => args.includes('scripts/demo.ts'));
    assert.ok(demo, 'the demo process');
    process.kill(demo.id, 'SIGINT');
    const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('still running'), 20_000))]);
    // xvfb-run itself may fail to remove its own temporary directory once the demo has exited (exit 5 with
    // "problem while cleaning up temporary directory", seen once in a clean clone): the wrapper's, not the demo's.
    const xvfbCleanup = code === 5 && output.includes('xvfb-run: error: problem while cleaning up temporary directory');
    assert.ok(code === 0 || code === 130 || xvfbCleanup, `exit after Ctrl+C: ${String(code)}\n${output}`);
    assert.deepEqual(descendants(browsers[0]!.id), [], 'the browser is gone');
  } finally {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
  }
});
