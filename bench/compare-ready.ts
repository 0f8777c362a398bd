/**
 * Two builds of Threadlight, A/B in one run: when is the view ready (navigation start → threadlight:ready) and when
 * does the page finish loading, in two Chromium instances side by side, alternating which goes first, 7 rounds,
 * medians. Used to check that the loader did not make pages with threads slower (docs/performance.md).
 *
 *   npx tsx bench/compare-ready.ts <other build's chrome-mv3 dir> [server paths…]
 * (this build: .output/chrome-mv3; pages: served from ../shared/corpus and demo/site)
 */
import { chromium, type BrowserContext } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromeBuildDir } from '../tests/e2e/lib/paths.ts';
import { startServer } from '../tests/e2e/lib/server.ts';
async function launch(dir: string): Promise<BrowserContext> {
  const ctx = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), 'ab-')), { executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1280, height: 900 }, args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, '--no-sandbox', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'] });
  if (!ctx.serviceWorkers().length) await ctx.waitForEvent('serviceworker');
  return ctx;
}
const [other, ...paths] = process.argv.slice(2);
if (!other) throw new Error('usage: npx tsx bench/compare-ready.ts <other build dir> [pages…]');
const builds = { base: path.resolve(other), loader: chromeBuildDir };
const ctxs = { base: await launch(builds.base), loader: await launch(builds.loader) };
const server = await startServer();
const pages = paths.length ? paths : ['twentytwentyone/big-300.html', 'forty-broken-radios/', 'twentytwentyone/seed-004.html'];
/** page → '<build> ready' | '<build> load' → samples (ms since navigation start). */
const out: Record<string, Record<string, number[]>> = {};
for (let round = 0; round < 7; round++) {
  for (const p of pages) {
    const order = round % 2 ? ['base', 'loader'] : ['loader', 'base'];
    for (const b of order as ('base' | 'loader')[]) {
      const page = await ctxs[b].newPage();
      await page.goto(server.url(p), { waitUntil: 'load' });
      await page.waitForFunction("performance.getEntriesByName('threadlight:ready').length > 0", undefined, { timeout: 60000, polling: 20 });
      const t = await page.evaluate(() => ({ ready: performance.getEntriesByName('threadlight:ready')[0]!.startTime, load: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd, dcl: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd }));
      ((out[p] ??= {})[b + ' ready'] ??= []).push(t.ready);
      ((out[p] ??= {})[b + ' load'] ??= []).push(t.load);
      await page.close();
    }
  }
}
const med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1]!;
for (const [p, r] of Object.entries(out)) console.log(p, Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Math.round(med(v))])));
console.log('load average', os.loadavg()[0]);
await ctxs.base.close(); await ctxs.loader.close(); await server.close();
