/**
 * Ad-hoc check of the enhanced view in real Chromium (not part of the e2e suite): screenshots of seed-004 on each
 * corpus theme (expanded, one thread folded, a dark page) and timings on the big pages.
 *
 *   npx wxt build && npx tsx tests/e2e/manual/view-screenshots.ts [extension dir] [output dir]
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Page } from 'playwright-core';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const corpusDir = path.resolve(repoRoot, '../shared/corpus');
const extensionDir = path.resolve(process.argv[2] ?? path.join(repoRoot, '.output/chrome-mv3'));
const outDir = path.resolve(process.argv[3] ?? path.join(repoRoot, 'e2e-results/manual'));
const THEMES = ['twentytwentyone', 'twentytwentytwo', 'twentytwentythree'];
const TYPES: Record<string, string> = { '.html': 'text/html', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.png': 'image/png' };

function serve(): Promise<{ origin: string; close(): void }> {
  const server = http.createServer((req, res) => {
    const file = path.join(corpusDir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!file.startsWith(corpusDir + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() }),
    ),
  );
}

async function enhanced(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('[data-threadlight="enhanced"]') || performance.getEntriesByName('threadlight:bail').length,
    undefined,
    { timeout: 30_000 },
  );
}

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  await page.screenshot({ path: path.join(outDir, `${name}.png`) });
  console.log(`screenshot ${name}.png`);
}

/** Scroll a comment (or the section) to the top, instantly. */
async function scrollTo(page: Page, selector: string): Promise<void> {
  await page.evaluate((s) => document.querySelector(s)?.scrollIntoView({ block: 'start', behavior: 'instant' }), selector);
  await page.waitForTimeout(150);
}

interface Timing {
  /** Our click handler alone. */
  script: number;
  /** Including the style and layout the change costs the browser. */
  total: number;
}

/** In-page timings (best of 3) of expand all and collapse all (toolbar), and of one toggle. */
async function timeToolbar(page: Page): Promise<Record<'expandAll' | 'collapseAll' | 'toggle', Timing>> {
  await page.waitForFunction(() => document.querySelector('threadlight-toolbar')?.shadowRoot?.querySelector('[data-threadlight-action="collapse-all"]'));
  // A string, not a function: tsx would wrap the inner helper in a `__name` call the page does not have.
  return page.evaluate(`(async () => {
    const shadow = document.querySelector('threadlight-toolbar').shadowRoot;
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const best = { expandAll: null, collapseAll: null, toggle: null };
    const time = async (name, action) => {
      void document.body.offsetHeight;
      const start = performance.now();
      action();
      const script = performance.now() - start;
      void document.body.offsetHeight; // the style and layout the change costs the browser
      const total = performance.now() - start;
      await frame();
      if (!best[name] || script < best[name].script) best[name] = { script, total };
    };
    for (let round = 0; round < 3; round++) {
      await time('expandAll', () => shadow.querySelector('[data-threadlight-action="expand-all"]').click());
      await time('collapseAll', () => shadow.querySelector('[data-threadlight-action="collapse-all"]').click());
      await time('toggle', () => document.querySelector('[data-threadlight-toggle]').click());
      await time('toggle', () => document.querySelector('[data-threadlight-toggle]').click());
    }
    return best;
  })()`);
}

const ms = (timing: Timing) => `${timing.script.toFixed(1)} ms script / ${timing.total.toFixed(1)} ms with layout`;

/**
 * Scroll anchoring: a reader deep inside a thread who collapses everything finds that thread's root at the top;
 * expanding everything again keeps it there; a toggle keeps its own comment in place.
 */
async function checkAnchoring(page: Page): Promise<void> {
  const report = await page.evaluate(`(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
    const top = (id) => document.querySelector('[data-threadlight-comment="' + id + '"]').getBoundingClientRect().top;
    const shadow = document.querySelector('threadlight-toolbar').shadowRoot;
    shadow.querySelector('[data-threadlight-action="expand-all"]').click();
    await frame();
    const deep = [...document.querySelectorAll('[data-threadlight-depth="3"]')][2];
    const id = deep.getAttribute('data-threadlight-comment');
    let root = deep;
    while (root.parentElement.closest('[data-threadlight-comment]')) root = root.parentElement.closest('[data-threadlight-comment]');
    const rootId = root.getAttribute('data-threadlight-comment');
    deep.scrollIntoView({ block: 'start', behavior: 'instant' });
    window.scrollBy(0, 10);
    await frame();
    const result = { reading: id, root: rootId, before: top(id) };
    shadow.querySelector('[data-threadlight-action="collapse-all"]').click();
    await frame();
    result.rootTopAfterCollapseAll = top(rootId);
    shadow.querySelector('[data-threadlight-action="expand-all"]').click();
    await frame();
    result.rootTopAfterExpandAll = top(rootId);
    const toggle = document.querySelector('[data-threadlight-toggle="' + rootId + '"]');
    const rootBody = document.querySelector('[data-threadlight-comment="' + rootId + '"] [data-threadlight-body]');
    rootBody.scrollIntoView({ block: 'start', behavior: 'instant' });
    window.scrollBy(0, 200);
    await frame();
    const bodyBefore = rootBody.getBoundingClientRect().top;
    toggle.click();
    await frame();
    result.toggledBodyShift = rootBody.getBoundingClientRect().top - bodyBefore;
    toggle.click();
    await frame();
    result.toggledBackShift = rootBody.getBoundingClientRect().top - bodyBefore;
    return result;
  })()`);
  console.log(`anchoring: ${JSON.stringify(report)}`);
}

async function main(): Promise<void> {
  const server = await serve();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'threadlight-manual-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-dev-shm-usage'],
  });
  try {
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') console.log(`[page error] ${message.text()}`);
    });
    for (const theme of THEMES) {
      await page.goto(`${server.origin}/${theme}/seed-004.html`);
      await enhanced(page);
      await scrollTo(page, '[data-threadlight="enhanced"]');
      await shot(page, `${theme}-seed-004`);
      // The biggest thread folded, its triage line showing.
      const folded = await page.evaluate(() => {
        const toggles = [...document.querySelectorAll('[data-threadlight-toggle]')];
        const biggest = toggles
          .map((t) => ({ id: t.getAttribute('data-threadlight-toggle')!, size: t.closest('[data-threadlight-comment]')!.querySelectorAll('[data-threadlight-comment]').length }))
          .sort((a, b) => b.size - a.size)[0]!;
        return biggest.id;
      });
      await scrollTo(page, `[data-threadlight-comment="${folded}"]`);
      await page.click(`[data-threadlight-toggle="${folded}"]`);
      await page.evaluate(() => window.scrollBy(0, -120));
      await page.waitForTimeout(150);
      await shot(page, `${theme}-seed-004-folded`);
      // An author reply, with its badge.
      await scrollTo(page, '[data-threadlight-role="post-author"][data-threadlight-depth="2"]');
      await page.evaluate(() => window.scrollBy(0, -200));
      await shot(page, `${theme}-seed-004-author`);
      await checkAnchoring(page);
    }

    // Grouped pingbacks (seed-003 has several).
    await page.goto(`${server.origin}/twentytwentytwo/seed-003.html`);
    await enhanced(page);
    await scrollTo(page, '.threadlight-pings');
    await page.evaluate(() => window.scrollBy(0, -250));
    await shot(page, 'twentytwentytwo-seed-003-pingbacks');

    // A dark-looking page: the theme's colours inverted by a style present before the content script runs.
    const dark = await context.newPage();
    await dark.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const style = document.createElement('style');
        style.textContent =
          'body, .site { background: #16181d !important; color: #e6e6e6 !important; } a { color: #8ab4ff !important; } :root { --global--color-primary: #e6e6e6; --global--color-secondary: #e6e6e6; --global--color-background: #16181d; }';
        document.head.append(style);
      });
    });
    await dark.goto(`${server.origin}/twentytwentyone/seed-004.html`);
    await enhanced(dark);
    await scrollTo(dark, '[data-threadlight-author-replied]');
    await dark.evaluate(() => window.scrollBy(0, -60));
    await dark.waitForTimeout(300);
    await shot(dark, 'dark-twentytwentyone-seed-004');
    await dark.click('[data-threadlight-author-replied] [data-threadlight-toggle]');
    await shot(dark, 'dark-twentytwentyone-seed-004-folded');
    await dark.close();

    // Bail-out on a page without comments.
    for (const theme of THEMES) {
      await page.goto(`${server.origin}/${theme}/seed-000.html`);
      await enhanced(page);
      const bail = await page.evaluate(
        () => performance.getEntriesByName('threadlight:bail')[0]!.startTime - performance.getEntriesByName('threadlight:start')[0]!.startTime,
      );
      console.log(`${theme}/seed-000: start→bail ${bail.toFixed(2)} ms`);
    }

    // Timings on the big pages.
    for (const variant of ['big-1500', 'big-5000']) {
      for (const theme of ['twentytwentyone', 'twentytwentythree']) {
        await page.goto(`${server.origin}/${theme}/${variant}.html`);
        await enhanced(page);
        const marks = await page.evaluate(() => {
          const start = performance.getEntriesByName('threadlight:start')[0]?.startTime ?? NaN;
          const ready = performance.getEntriesByName('threadlight:ready')[0]?.startTime ?? NaN;
          return { startToReady: ready - start };
        });
        await scrollTo(page, '[data-threadlight="enhanced"]');
        const timings = await timeToolbar(page);
        console.log(
          `${theme}/${variant}: start→ready ${marks.startToReady.toFixed(0)} ms | expand all ${ms(timings.expandAll)} | collapse all ${ms(timings.collapseAll)} | one toggle ${ms(timings.toggle)}`,
        );
        if (variant === 'big-1500' && theme === 'twentytwentyone') await shot(page, `${theme}-${variant}-start`);
      }
    }
  } finally {
    await context.close();
    server.close();
  }
}

await main();
