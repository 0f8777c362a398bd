/**
 * Ad-hoc look at "show all pages" and "find in thread" with the built extension (not part of the e2e suite): the demo
 * blog's paged post (demo/site/first-kiln-firing), light and dark, in Chromium: the toolbar before, during (a slow
 * server: "Loading page 2 of 3…") and after the merge, and the find field with matches. Screenshots of the toolbar
 * region and of the page.
 *
 *   npx wxt build && npx tsx --tsconfig tests/e2e/tsconfig.json tests/e2e/manual/merge-find-screenshots.ts [output dir]
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { launchBrowser, type E2EPage } from '../lib/browsers.ts';
import { repoRoot } from '../lib/paths.ts';
import { startServer } from '../lib/server.ts';

const outDir = path.resolve(process.argv[2] ?? path.join(repoRoot, 'e2e-results/manual'));
const SIZE = { width: 1280, height: 800 };

/** The static server behind a proxy that answers comment pages after 2 s, so that the progress can be seen. */
async function slowProxy(upstream: string): Promise<{ origin: string; close(): void }> {
  const server = http.createServer((request, response) => {
    void (async () => {
      if (/comment-page-\d/.test(request.url ?? '') || request.headers['sec-fetch-mode'] === 'same-origin') await new Promise((resolve) => setTimeout(resolve, 2000));
      const answer = await fetch(upstream + (request.url ?? '/'));
      response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/html' });
      response.end(Buffer.from(await answer.arrayBuffer()));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

const clickToolbar = (name: string) => document.querySelector('threadlight-toolbar')?.shadowRoot?.querySelector<HTMLElement>(`[data-threadlight-action="${name}"]`)?.click();
const status = (name: string) => document.querySelector('threadlight-toolbar')?.shadowRoot?.querySelector(`[data-threadlight-status="${name}"]`)?.textContent ?? '';

async function shoot(scheme: 'light' | 'dark'): Promise<void> {
  const browser = await launchBrowser('chromium', { screenshotDir: outDir, colorScheme: scheme });
  const server = await startServer();
  const proxy = await slowProxy(new URL(server.url('')).origin);
  try {
    const page: E2EPage = await browser.newPage();
    await page.setViewport(SIZE);
    await page.goto(`${proxy.origin}/first-kiln-firing/`);
    await page.waitUntil(() => performance.getEntriesByName('threadlight:rendered').length > 0, undefined, { what: 'the view', timeout: 30_000 });
    await page.run(() => document.querySelector('.comment-list, ol.commentlist, #comments')?.scrollIntoView({ block: 'start' }));
    await page.run(() => new Promise((resolve) => setTimeout(resolve, 500)));
    await page.screenshot(`${scheme}-1-control`);
    await page.run(clickToolbar, 'load-all-pages');
    await page.waitUntil(() => /Loading page/.test(document.querySelector('threadlight-toolbar')?.shadowRoot?.querySelector('[data-threadlight-status="merge-progress"]')?.textContent ?? ''), undefined, { what: 'progress' });
    await page.screenshot(`${scheme}-2-progress`);
    await page.waitUntil(() => !document.querySelector('threadlight-toolbar')?.shadowRoot?.querySelector('[aria-pressed="true"][data-threadlight-action="load-all-pages"]'), undefined, { what: 'the merge', timeout: 30_000 });
    await page.run(() => new Promise((resolve) => setTimeout(resolve, 300)));
    console.log(scheme, 'after merge:', await page.run(status, 'merge-progress'), '|', await page.run(status, 'figures'));
    await page.screenshot(`${scheme}-3-merged`);
    await page.press('/');
    await page.run(() => new Promise((resolve) => setTimeout(resolve, 300)));
    await page.type('kiln');
    await page.press('Enter');
    await page.press('Enter');
    await page.run(() => new Promise((resolve) => setTimeout(resolve, 800)));
    console.log(scheme, 'find:', await page.run(status, 'find-count'));
    await page.screenshot(`${scheme}-4-find`);
    await page.run(clickToolbar, 'find-only-matches');
    await page.run(() => new Promise((resolve) => setTimeout(resolve, 500)));
    await page.screenshot(`${scheme}-5-only-matches`);
    await page.setViewport({ width: 600, height: 800 });
    await page.run(() => new Promise((resolve) => setTimeout(resolve, 500)));
    await page.screenshot(`${scheme}-6-narrow`);
  } finally {
    proxy.close();
    await server.close();
    await browser.close();
  }
}

await shoot('light');
await shoot('dark');
console.log(`screenshots in ${outDir}`);
