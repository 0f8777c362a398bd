/**
 * `npm run store:screenshots`: the store screenshots (1280 × 800 PNG, what the Chrome Web Store and
 * addons.mozilla.org take), made from the demo blog with the built extension in Chromium:
 *   1-thread.png      a nested thread with its fold controls, the author's replies marked (English)
 *   2-big-thread.png  1,600 comments opened folded to their threads, with the floating toolbar
 *   3-popup.png       the thread in figures: the popup beside the page it describes
 *   4-french-dark.png a French blog in dark mode
 * Written to store/screenshots/ (committed; `npm run zip` packs them into the store-listing zip). Builds first.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, type E2EBrowser, type E2EPage } from '../tests/e2e/lib/browsers.ts';
import { repoRoot } from '../tests/e2e/lib/paths.ts';
import { startServer, type StaticServer } from '../tests/e2e/lib/server.ts';

const SIZE = { width: 1280, height: 800 };
const outputDir = path.join(repoRoot, 'store/screenshots');

const enhanced = () => document.querySelector('[data-threadlight="enhanced"]') !== null;

async function open(browser: E2EBrowser, url: string): Promise<E2EPage> {
  const page = await browser.newPage();
  await page.setViewport(SIZE);
  await page.goto(url);
  await page.waitUntil(enhanced, undefined, { what: `Threadlight on ${url}`, timeout: 30_000 });
  return page;
}

/** Scroll so that `selector` sits `offset` px below the top of the viewport. */
async function scrollToElement(page: E2EPage, selector: string, offset = 24): Promise<void> {
  await page.run(
    ({ selector, offset }) => {
      const target = document.querySelector(selector);
      if (!target) throw new Error(`nothing matches ${selector}`);
      window.scrollTo(0, target.getBoundingClientRect().top + window.scrollY - offset);
    },
    { selector, offset },
  );
  await page.run(() => new Promise((resolve) => setTimeout(resolve, 400))); // the toolbar shows, fonts settle
}

/** The popup beside the page it describes, as the browser shows it: composed in a page of our own. */
async function popupBesidePage(browser: E2EBrowser, server: StaticServer, page: E2EPage): Promise<string> {
  const pageShot = await page.screenshot('.page-for-popup');
  const popup = await browser.openPopup(page);
  await popup.waitUntil(() => document.body.innerText.includes('Hollis'), undefined, { what: 'the popup figures' });
  const popupShot = await popup.screenshot('.popup');
  await popup.close();
  const dataUrl = (file: string) => `data:image/png;base64,${fs.readFileSync(file).toString('base64')}`;
  const html = `<!doctype html><html><body style="margin:0;width:${SIZE.width}px;height:${SIZE.height}px;overflow:hidden;position:relative">
<img src="${dataUrl(pageShot)}" style="position:absolute;inset:0;width:${SIZE.width}px;height:${SIZE.height}px;filter:brightness(.96)">
<img src="${dataUrl(popupShot)}" style="position:absolute;top:8px;right:16px;width:400px;height:640px;border-radius:8px;box-shadow:0 8px 28px rgba(0,0,0,.28),0 0 0 1px rgba(0,0,0,.12)">
</body></html>`;
  fs.rmSync(pageShot);
  fs.rmSync(popupShot);
  const composite = await browser.newPage();
  await composite.setViewport(SIZE);
  await composite.goto(server.addPage('store-popup', html));
  await composite.run(() => Promise.all(Array.from(document.images, (image) => image.decode())));
  const file = await composite.screenshot('3-popup');
  await composite.close();
  return file;
}

async function main(): Promise<void> {
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
  fs.mkdirSync(outputDir, { recursive: true });
  const server = await startServer();
  const files: string[] = [];
  try {
    const light = await launchBrowser('chromium', { screenshotDir: outputDir });
    try {
      const thread = await open(light, server.url('forty-broken-radios/'));
      await scrollToElement(thread, '.comments-title');
      files.push(await thread.screenshot('1-thread'));

      const big = await open(light, server.url('the-big-radio-thread/'));
      await scrollToElement(big, '.comments-title');
      files.push(await big.screenshot('2-big-thread'));

      await scrollToElement(thread, '[data-threadlight-comment="3015"]', 40);
      files.push(await popupBesidePage(light, server, thread));
    } finally {
      await light.close();
    }
    const dark = await launchBrowser('chromium', { screenshotDir: outputDir, colorScheme: 'dark', language: 'fr' });
    try {
      const french = await open(dark, server.url('apprendre-la-reliure/'));
      await scrollToElement(french, '.comments-title');
      files.push(await french.screenshot('4-french-dark'));
    } finally {
      await dark.close();
    }
  } finally {
    await server.close();
  }
  console.log(`Store screenshots (${SIZE.width} × ${SIZE.height}):\n  ${files.join('\n  ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
