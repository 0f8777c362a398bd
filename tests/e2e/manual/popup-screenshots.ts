/**
 * Ad-hoc check of the popup's visit line and timeline in real Chromium (not part of the e2e suite): the popup
 * components rendered with states computed from corpus pages exactly as the content script will compute them
 * (parse → findNewComments → popupVisitFields), light and dark, English and French, one bar hovered.
 *
 * The content-script side of visits is not wired yet (docs/new-since-last-visit.md, "Integration"), so the
 * built extension cannot show these states: this script builds the popup alone with Vite, with WXT's `#imports`
 * and the messaging protocol replaced by small stand-ins that answer with the computed state.
 *
 *   npx tsx --tsconfig tests/e2e/tsconfig.json tests/e2e/manual/popup-screenshots.ts [output dir]
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import preact from '@preact/preset-vite';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import type { PageState } from '@/utils/messaging/protocol';
import { listParticipants } from '@/utils/thread/participants';
import { summarizeThread } from '@/utils/thread/stats';
import type { Thread } from '@/utils/thread/types';
import { commentTime, findNewComments } from '@/utils/visits/new-comments';
import { popupVisitFields, withNewCounts } from '@/utils/visits/page-state';
import { corpusPages, loadDocument, parseDocument } from '../../corpus/corpus-pages';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const outDir = path.resolve(process.argv[2] ?? path.join(repoRoot, 'e2e-results/manual'));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TIME_ZONE = 'Europe/Paris';

function threadOf(label: string): Thread {
  const page = corpusPages().find((p) => p.label === label);
  if (!page) throw new Error(`no corpus page ${label}`);
  const doc = loadDocument(page);
  const thread = parseDocument(doc).sections[0]!.thread;
  doc.defaultView?.close();
  return thread;
}

/** The popup's state for `thread`, on a return visit whose previous visit ended at `lastVisit` (null: first visit). */
function stateFor(thread: Thread, lastVisit: number | null): PageState {
  const baseline =
    lastVisit === null
      ? null
      : { seen: new Set(thread.comments.filter((c) => (commentTime(c) ?? 0) <= lastVisit).map((c) => c.id)), at: lastVisit };
  const newIds = findNewComments(thread, baseline);
  const fields = popupVisitFields(thread, { status: baseline ? 'return' : 'first', baseline, newIds }, { timeZone: TIME_ZONE });
  const participants = listParticipants(thread)
    .map((p) => ({ key: p.key, name: p.name, url: p.url, isPostAuthor: p.isPostAuthor, count: p.commentIds.length }))
    .sort((a, b) => b.count - a.count);
  return {
    status: 'enhanced',
    hostname: 'blog.example',
    stats: summarizeThread(thread),
    postAuthor: thread.postAuthor,
    participants: withNewCounts(participants, fields.newByParticipant),
    pings: [],
    pagination: null,
    errors: [],
    visit: fields.visit,
    timeline: fields.timeline,
  };
}

/** Stand-ins written next to the harness page. */
function writeHarness(dir: string): void {
  const catalogs = path.join(repoRoot, 'public/_locales');
  fs.writeFileSync(
    path.join(dir, 'imports-stub.ts'),
    `import en from '${catalogs}/en/messages.json';
import fr from '${catalogs}/fr/messages.json';
const lang = new URLSearchParams(location.search).get('lang') === 'fr' ? 'fr' : 'en';
const catalog: Record<string, { message: string }> = lang === 'fr' ? fr : en;
export const browser = {
  i18n: {
    getMessage: (key: string, subs: string[] = []) => (catalog[key]?.message ?? '').replace(/\\$(\\d)/g, (_: string, n: string) => subs[Number(n) - 1] ?? ''),
    getUILanguage: () => lang,
  },
  runtime: { id: 'harness' },
  extension: { inIncognitoContext: false },
  tabs: { query: async () => [], reload: async () => {} },
  storage: { local: { get: async () => ({}) } },
};
const values = new Map<string, unknown>();
export const storage = {
  defineItem: (key: string, options: { fallback?: unknown } = {}) => ({
    key,
    fallback: options.fallback,
    getValue: async () => values.get(key) ?? options.fallback ?? null,
    setValue: async (value: unknown) => void values.set(key, value),
    removeValue: async () => void values.delete(key),
    watch: () => () => {},
  }),
  getItem: async () => null,
  setItem: async () => {},
  getItems: async () => [],
  removeItems: async () => {},
  watch: () => () => {},
};
`,
  );
  fs.writeFileSync(
    path.join(dir, 'protocol-stub.ts'),
    `export async function sendMessage(type: string): Promise<unknown> {
  const state = (window as unknown as { __STATE__: unknown }).__STATE__;
  if (type === 'getPageState') return state;
  if (type === 'scrollToComment') return true;
  if (type === 'markAllRead') return { newCount: 0 };
  if (type === 'focusParticipant') return { index: 0, total: 1 };
  return undefined;
}
export const onMessage = () => () => {};
`,
  );
  fs.writeFileSync(
    path.join(dir, 'main.tsx'),
    `import { render } from 'preact';
import { PopupApp } from '@/components/popup/PopupApp';
import { uiLanguage } from '@/utils/i18n';
import '@/components/popup/popup.css';
document.documentElement.lang = uiLanguage();
render(<PopupApp tabId={1} />, document.getElementById('app')!);
`,
  );
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><title>popup</title></head><body><div id="app"></div><script type="module" src="./main.tsx"></script></body></html>`,
  );
}

function serve(dir: string): Promise<{ origin: string; close(): void }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() }),
    ),
  );
}

async function main(): Promise<void> {
  const seed004 = threadOf('corpus/twentytwentyone/seed-004');
  const big = threadOf('corpus/twentytwentyone/big-1500');
  const states: Record<string, PageState> = {
    // The reader came on June 17 in the evening; the discussion went on until the 20th.
    'seed004-return': stateFor(seed004, Date.UTC(2010, 5, 17, 18, 0)),
    'big1500-return': stateFor(big, Date.UTC(2023, 2, 20, 12, 0)),
    'seed004-first': stateFor(seed004, null),
  };
  for (const [name, state] of Object.entries(states)) {
    const t = state.timeline;
    console.log(`${name}: ${state.visit?.newCount} new, ${t?.unit} × ${t?.bins.length}, ${t?.dated} dated, ${t?.undated} undated`);
  }

  // Inside node_modules so that the harness resolves preact and the rest from the repository's packages.
  const cache = path.join(repoRoot, 'node_modules/.cache');
  fs.mkdirSync(cache, { recursive: true });
  const dir = fs.mkdtempSync(path.join(cache, 'threadlight-popup-'));
  writeHarness(dir);
  await build({
    root: dir,
    logLevel: 'warn',
    configFile: false,
    base: './',
    plugins: [preact()],
    resolve: {
      alias: [
        { find: /^#imports$/, replacement: path.join(dir, 'imports-stub.ts') },
        { find: /^@\/utils\/messaging\/protocol$/, replacement: path.join(dir, 'protocol-stub.ts') },
        { find: /^@\//, replacement: `${repoRoot}/` },
      ],
    },
    build: { outDir: path.join(dir, 'dist'), emptyOutDir: true },
  });
  const server = await serve(path.join(dir, 'dist'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  fs.mkdirSync(outDir, { recursive: true });
  try {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const lang of ['en', 'fr'] as const) {
        for (const [name, state] of Object.entries(states)) {
          if (name === 'seed004-first' && lang === 'fr') continue;
          const context = await browser.newContext({ colorScheme, viewport: { width: 320, height: 600 }, timezoneId: TIME_ZONE, locale: lang });
          const page = await context.newPage();
          await page.addInitScript((value) => ((window as unknown as { __STATE__: unknown }).__STATE__ = value), state);
          await page.goto(`${server.origin}/index.html?lang=${lang}`);
          await page.waitForSelector('.timeline-chart');
          // Point at the busiest bar, as a reader would.
          const busiest = await page.$$eval('.timeline-chart g[role=button]', (bars) =>
            bars.reduce((best, bar, i, all) => (Number(bar.querySelector('.bar')?.getAttribute('height') ?? 0) + Number(bar.querySelector('.bar-new')?.getAttribute('height') ?? 0) >
              Number(all[best]!.querySelector('.bar')?.getAttribute('height') ?? 0) + Number(all[best]!.querySelector('.bar-new')?.getAttribute('height') ?? 0) ? i : best), 0),
          );
          await page.locator('.timeline-chart g[role=button]').nth(busiest).hover();
          const file = path.join(outDir, `popup-${name}-${lang}-${colorScheme}.png`);
          await page.screenshot({ path: file, fullPage: true });
          console.log(`screenshot ${path.relative(repoRoot, file)}`);
          if (name === 'seed004-return' && lang === 'en') {
            // Keyboard focus on a bar (its ring and caption), and the participants' "new only".
            await page.mouse.move(0, 0);
            await page.getByLabel('New only').check();
            await page.locator('.timeline-chart g[role=button]').nth(3).focus();
            const focusFile = path.join(outDir, `popup-${name}-${lang}-${colorScheme}-keyboard.png`);
            await page.screenshot({ path: focusFile, fullPage: true });
            console.log(`screenshot ${path.relative(repoRoot, focusFile)}`);
          }
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
