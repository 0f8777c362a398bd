/**
 * The inspector CLI (tools/inspect.ts) as a user runs it: its --json lines match the truth, bad inputs give a clear
 * error without stopping the other inputs, and URLs are fetched. On the repository's own pages (demo/site and
 * tests/fixtures/markup), so it runs in a clone alone.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DIR, FIXTURES_DIR, REPO_ROOT, readTruthFile, truthRow } from './corpus-pages';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI asynchronously (the test's own HTTP server must keep answering meanwhile). */
function runCli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(REPO_ROOT, 'tools/inspect.ts'), ...args],
      { cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const jsonLines = (stdout: string) => stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

/** Demo pages with a truth: a classic nested thread, a flat French one with pings, a block theme's. */
const TRUTH_PAGES = ['forty-broken-radios/index', 'carnet-papier/index', 'shared-tool-shed/index'];

describe('inspect --json', () => {
  it('prints one line per page whose comments equal the truth', async () => {
    const files = TRUTH_PAGES.map((page) => path.join(DEMO_DIR, `${page}.html`));
    const run = await runCli(['--json', ...files]);
    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines).toHaveLength(TRUTH_PAGES.length);
    lines.forEach((line, i) => {
      const truth = readTruthFile(path.join(DEMO_DIR, `${TRUTH_PAGES[i]}.truth.json`));
      expect(Object.keys(line)).toEqual(['file', 'detected', 'source', 'postAuthor', 'comments', 'summary']);
      expect(line).toMatchObject({ file: files[i], detected: true, source: 'wordpress', postAuthor: truth.post_author ?? null });
      expect(line.comments).toEqual(truth.comments.map(truthRow));
      expect(line.summary).toMatchObject({
        comments: truth.comments.length,
        postAuthorReplies: truth.summary!.post_author_replies,
        pingbacks: truth.summary!.pingbacks,
        maxDepth: truth.summary!.max_depth,
      });
      // The truth counts participants as WordPress does (every distinct name, pinging sites included).
      expect(line.summary).toMatchObject({ participants: truth.summary!.participants });
    });
  }, 120_000);

  it('reports pages without a thread, and embedded systems as the source', async () => {
    const none = path.join(DEMO_DIR, 'workbench-lighting/index.html');
    const disqus = path.join(FIXTURES_DIR, 'disqus.html');
    const run = await runCli(['--json', none, disqus]);
    expect(run.code).toBe(0);
    expect(jsonLines(run.stdout)).toEqual([
      { file: none, detected: false, source: null, postAuthor: null, comments: [], summary: { comments: 0, participants: 0, people: 0, postAuthorReplies: 0, pingbacks: 0, maxDepth: 0 } },
      { file: disqus, detected: false, source: 'disqus', postAuthor: null, comments: [], summary: { comments: 0, participants: 0, people: 0, postAuthorReplies: 0, pingbacks: 0, maxDepth: 0 } },
    ]);
  }, 120_000);
});

describe('inspect: bad input', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'threadlight-cli-'));
    fs.writeFileSync(path.join(dir, 'data.json'), '{"comments": []}');
    fs.writeFileSync(path.join(dir, 'image.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x3c, 0x70, 0x3e]));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives each bad input an error line and a stderr message, still processes the good ones, exits non-zero', async () => {
    const good = path.join(DEMO_DIR, 'carnet-papier/index.html');
    const missing = path.join(dir, 'missing.html');
    const inputs = [missing, good, dir, path.join(dir, 'data.json'), path.join(dir, 'image.html')];
    const run = await runCli(['--json', ...inputs]);
    expect(run.code).toBe(1);
    const lines = jsonLines(run.stdout);
    expect(lines.map((line) => line.file)).toEqual(inputs);
    expect(lines[0]).toEqual({ file: missing, error: `no such file: ${missing}` });
    expect(lines[1]).toMatchObject({ detected: true, summary: { comments: 18 } });
    expect(lines[2]!.error).toMatch(/is a directory/);
    expect(lines[3]!.error).toMatch(/not an HTML file/);
    expect(lines[4]!.error).toMatch(/not an HTML file/);
    expect(run.stderr.trim().split('\n')).toHaveLength(4);
    expect(run.stderr).toContain(`inspect: no such file: ${missing}`);
  }, 120_000);

  it('prints a readable summary by default, and usage errors exit with 2', async () => {
    const readable = await runCli([path.join(DEMO_DIR, 'forty-broken-radios/index.html')]);
    expect(readable.code).toBe(0);
    expect(readable.stdout).toContain('36 comments · 13 people · 11 by the post author · 1 pingbacks · depth 5');
    expect(readable.stdout).toContain('post author: Hollis Marchetti (from bypostauthor)');
    const usage = await runCli(['--nope']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('unknown option: --nope');
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: npm run parse -- [--json]');
  }, 120_000);
});

describe('inspect: URLs', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    const page = fs.readFileSync(path.join(DEMO_DIR, 'shared-tool-shed/index.html'));
    server = http.createServer((request, response) => {
      if (request.url === '/post/') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      else if (request.url === '/feed.json') response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      else response.writeHead(404, { 'content-type': 'text/html' }).end('<p>Not found</p>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fetches a page; a 404, a non-HTML response and an unreachable host are errors', async () => {
    // A port that was just released: nothing listens there (connection refused).
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const unreachable = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const run = await runCli(['--json', `${base}/post/`, `${base}/gone/`, `${base}/feed.json`, unreachable]);
    expect(run.code).toBe(1);
    const [page, gone, feed, down] = jsonLines(run.stdout);
    expect(page).toMatchObject({ file: `${base}/post/`, detected: true, summary: { comments: 24, pingbacks: 1, postAuthorReplies: 2 } });
    expect(gone!.error).toMatch(/HTTP 404/);
    expect(feed!.error).toMatch(/not an HTML page.*application\/json/);
    expect(down!.error).toMatch(/cannot fetch/);
  }, 120_000);
});
