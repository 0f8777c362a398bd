/**
 * `npm start`: build and package Threadlight, serve demo blog pages from ../shared/corpus on 127.0.0.1, and open
 * Chromium with the extension on a long thread. With a display, the browser stays open for you to try it; without
 * one ($DISPLAY unset), it runs headless and writes before/after screenshots to demo-output/.
 *
 * Usage: npm start [-- <corpus page>]   e.g. npm start -- twentytwentythree/seed-004.html
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CHROMIUM_PATH, launchBrowser, type E2EBrowser, type E2EPage } from '../tests/e2e/lib/browsers.ts';
import { buildDir, corpusDir, repoRoot } from '../tests/e2e/lib/paths.ts';
import { startServer } from '../tests/e2e/lib/server.ts';

const DEFAULT_PAGE = 'twentytwentyone/big-300.html';
const outputDir = path.join(repoRoot, 'demo-output');

function fail(message: string): never {
  console.error(`\n✖ ${message}`);
  process.exit(1);
}

function checkPrerequisites(page: string): void {
  if (!fs.existsSync(path.join(corpusDir, page))) {
    fail(`Demo page not found: ${path.join(corpusDir, page)}.\n  The demo serves pages from ../shared/corpus, next to this repository.`);
  }
  if (!fs.existsSync(CHROMIUM_PATH)) {
    fail(`Chromium not found at ${CHROMIUM_PATH}.\n  Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH.`);
  }
}

/** `wxt zip` builds first, so this leaves both the unpacked builds and the installable zips. */
function buildAndPackage(): void {
  console.log('Building and packaging Threadlight (Chrome and Firefox)…');
  for (const args of [['zip'], ['zip', '-b', 'firefox']]) {
    const result = spawnSync('npx', ['wxt', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    if (result.status !== 0) fail(`npx wxt ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  }
}

function packages(): string[] {
  const zips = fs.existsSync(buildDir) ? fs.readdirSync(buildDir).filter((name) => name.endsWith('.zip')) : [];
  return [
    ...zips.sort().map((name) => path.join(buildDir, name)),
    `${path.join(buildDir, 'chrome-mv3')}  (Chrome: chrome://extensions → Developer mode → Load unpacked)`,
    `${path.join(buildDir, 'firefox-mv2')}  (Firefox: about:debugging → This Firefox → Load Temporary Add-on → manifest.json)`,
  ];
}

/** Scroll the comment list to the top of the viewport (the same spot before and after enhancement). */
async function scrollToComments(page: E2EPage): Promise<void> {
  await page.run(() => {
    const list = document.querySelector('[data-threadlight="enhanced"], .comment-list, .wp-block-comment-template, #comments');
    list?.scrollIntoView({ block: 'start', behavior: 'instant' });
    scrollBy(0, -24);
  });
}

/** Headless: the page as its theme renders it, then with Threadlight, then the popup. */
async function screenshots(browser: E2EBrowser, url: string): Promise<string[]> {
  await browser.setOptions({ disabledSites: ['127.0.0.1'] });
  const before = await browser.newPage();
  await before.goto(url);
  await before.run(() => new Promise((resolve) => setTimeout(resolve, 1_000)));
  await scrollToComments(before);
  const files = [await before.screenshot('before')];
  await before.close();

  await browser.setOptions({ disabledSites: [] });
  const after = await browser.newPage();
  await after.goto(url);
  await after.waitUntil(() => document.querySelector('[data-threadlight="enhanced"]'), undefined, {
    what: 'Threadlight to enhance the page',
    timeout: 20_000,
  });
  await scrollToComments(after);
  files.push(await after.screenshot('after'));
  const popup = await browser.openPopup(after);
  await popup.run(() => new Promise((resolve) => setTimeout(resolve, 500)));
  files.push(await popup.screenshot('popup'));
  return files;
}

async function main(): Promise<void> {
  const pagePath = process.argv[2] ?? DEFAULT_PAGE;
  checkPrerequisites(pagePath);
  buildAndPackage();
  const server = await startServer();
  const url = server.url(pagePath);
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const browser = await launchBrowser('chromium', { headless: !hasDisplay, screenshotDir: outputDir });

  if (hasDisplay) {
    const page = await browser.newPage();
    await page.goto(url);
    console.log(`\nChromium is open on ${url} with Threadlight loaded.`);
    console.log('Try j / k to move, p for the parent, Enter to fold a thread, ? for every key; the toolbar icon opens the popup.');
    console.log('Other demo pages: replace the path with any page of ../shared/corpus (e.g. twentytwentythree/seed-004.html).');
    console.log('\nInstallable packages:\n  ' + packages().join('\n  '));
    console.log('\nClose the browser window (or press Ctrl+C) to stop.');
    process.once('SIGINT', () => void browser.close());
    await browser.closed();
  } else {
    console.log(`No display ($DISPLAY unset): running headless on ${url}`);
    try {
      const files = await screenshots(browser, url);
      console.log('\nScreenshots:\n  ' + files.join('\n  '));
      console.log('\nInstallable packages:\n  ' + packages().join('\n  '));
    } finally {
      await browser.close();
    }
  }
  await server.close();
}

main().catch((error: unknown) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
