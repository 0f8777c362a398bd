/**
 * New since the last visit, in real browsers: a post is visited with its latest comments held back (the page as it
 * was served before they were posted), then, after the visit has ended, again in full. Exactly the held-back
 * comments carry data-threadlight-new, none on the first visit; u walks them in page order; "fold the threads with
 * nothing new" folds exactly the top-level threads without them; the popup shows the count, its timeline scrolls the
 * page, and its "Mark all as read" clears the marks. Screenshots of the marked page and of the popup, light and dark,
 * go to e2e-results/<browser>/ (and SHOTS_DIR when set).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { JSDOM } from 'jsdom';
import type { E2EBrowser, E2EPage, ExtensionGlobals } from './lib/browsers.ts';
import type { Truth } from './lib/corpus.ts';
import { demoPage, englishThreadPage, type TestPage } from './lib/pages.ts';
import { demoSiteDir, corpusDir, sharedAvailable } from './lib/paths.ts';
import { describeFindings, runAxe } from './lib/axe.ts';
import { pressAndExpectSelection, readComments } from './lib/probes.ts';
import { inEachBrowser, TEST_TIMEOUT, waitForContentScript, type Session } from './lib/session.ts';

const { truth } = englishThreadPage();
const HOUR = 3_600_000;

/**
 * Which comments the first visit does not see: four leaves, the two latest top-level ones (where the thread has any
 * without replies: the demo's classic thread has none) and the latest replies, each in a different thread.
 */
function heldBackIds(thread: Truth): string[] {
  const comments = thread.comments.filter((c) => c.type === 'comment');
  const hasReplies = new Set(thread.comments.map((c) => c.parent_wp_id));
  const leaves = comments.filter((c) => !hasReplies.has(c.wp_id)).sort((a, b) => b.wp_id - a.wp_id);
  const parentOf = new Map(thread.comments.map((c) => [c.wp_id, c.parent_wp_id]));
  const rootOf = (id: number): number => (parentOf.get(id) ? rootOf(parentOf.get(id)!) : id);
  const topLevel = leaves.filter((c) => c.parent_wp_id === 0).slice(0, 2);
  const replies: typeof leaves = [];
  for (const reply of leaves.filter((c) => c.parent_wp_id !== 0)) {
    if (replies.length < 4 - topLevel.length && !replies.some((r) => rootOf(r.wp_id) === rootOf(reply.wp_id))) replies.push(reply);
  }
  return [...topLevel, ...replies].map((c) => String(c.wp_id));
}

/** A post of the test site, as served in full and with its latest comments held back. */
interface Post {
  page: TestPage;
  held: string[];
  /** The held-back ids in page order. */
  heldInPageOrder: string[];
  fullHtml: string;
  heldBackHtml: string;
}

function postOf(page: TestPage): Post {
  const held = heldBackIds(page.truth);
  const file = path.join(sharedAvailable && !page.label.startsWith('demo/') ? corpusDir : demoSiteDir, page.path.endsWith('/') ? `${page.path}index.html` : page.path);
  const fullHtml = fs.readFileSync(file, 'utf8');
  return {
    page,
    held,
    heldInPageOrder: page.truth.comments.map((c) => String(c.wp_id)).filter((id) => held.includes(id)),
    fullHtml,
    heldBackHtml: withoutComments(fullHtml, held, page.label),
  };
}

/** The page as it was before comments `held` were posted (their items out, and a reply list they leave empty). */
function withoutComments(html: string, held: readonly string[], label: string): string {
  const dom = new JSDOM(html);
  const { document } = dom.window;
  for (const id of held) {
    const item = document.getElementById(`comment-${id}`);
    if (!item) throw new Error(`#comment-${id} is not on ${label}`);
    const list = item.parentElement!;
    item.remove();
    if (list.matches('.children') && list.children.length === 0) list.remove();
  }
  return dom.serialize();
}

const post = postOf(englishThreadPage());
const { held: HELD_BACK, heldInPageOrder } = post;

/** Top-level comments with replies whose thread holds none of `fresh`: what "fold the threads with nothing new" folds. */
function threadsWithNothingNew(fresh: readonly string[]): string[] {
  const parentOf = new Map(truth.comments.map((c) => [String(c.wp_id), String(c.parent_wp_id)]));
  const rootOf = (id: string): string => (parentOf.get(id) !== '0' ? rootOf(parentOf.get(id)!) : id);
  const withReplies = new Set(truth.comments.filter((c) => c.parent_wp_id).map((c) => String(c.parent_wp_id)));
  const withNew = new Set(fresh.map(rootOf));
  return truth.comments.map((c) => String(c.wp_id)).filter((id) => parentOf.get(id) === '0' && withReplies.has(id) && !withNew.has(id));
}

/** In the extension: move every remembered visit `ms` into the past (the reader comes back later). */
const ageVisits = async (ms: number) => {
  const api = ((globalThis as unknown as ExtensionGlobals).browser ?? (globalThis as unknown as ExtensionGlobals).chrome)!;
  const all = await (api.storage.local as unknown as { get(keys: null): Promise<Record<string, unknown>> }).get(null);
  const aged: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith('visit:')) continue;
    const record = value as { seenAt: number; cur: { start: number; last: number } | null };
    aged[key] = {
      ...record,
      seenAt: record.seenAt > 0 ? record.seenAt - ms : 0,
      cur: record.cur && { ...record.cur, start: record.cur.start - ms, last: record.cur.last - ms },
    };
  }
  await api.storage.local.set(aged);
  return Object.keys(aged);
};

/** In the extension: the post keys remembered. */
const rememberedPosts = async () => {
  const api = ((globalThis as unknown as ExtensionGlobals).browser ?? (globalThis as unknown as ExtensionGlobals).chrome)!;
  const all = await (api.storage.local as unknown as { get(keys: null): Promise<Record<string, unknown>> }).get(null);
  return Object.keys(all).filter((key) => key.startsWith('visit:'));
};

const readNew = (): string[] =>
  Array.from(document.querySelectorAll('[data-threadlight-new]')).map((e) => e.getAttribute('data-threadlight-comment') ?? `(not a comment: ${e.tagName})`);

/** In the page: click the toolbar's control `selector` (inside its shadow root); false when there is none. */
const clickToolbar = (selector: string): boolean => {
  const control = document.querySelector('[data-threadlight-overlay="toolbar"]')?.shadowRoot?.querySelector<HTMLElement>(selector);
  control?.click();
  return !!control;
};

/** A post path of its own per test (the server serves what we say there; the post key is the URL). */
let posts = 0;

/**
 * The held-back page visited, its tab closed, the visit moved two hours back (it has ended), then the full page
 * opened at the same address. Returns that tab.
 */
async function visitTwice(session: Session, label: string, { page: testPage, fullHtml, heldBackHtml, held }: Post = post): Promise<{ page: E2EPage; url: string }> {
  const { server, browser } = session;
  const dir = path.posix.dirname(`/${testPage.path.replace(/\/$/, '/index.html')}`);
  // Same folder as the real page, so its relative assets still load.
  const pathname = `${dir}/new-since-visit-${label}-${++posts}.html`;
  const url = server.serveAt(pathname, heldBackHtml);
  const first = await session.openPage(url);
  await waitForContentScript(first);
  assert.deepEqual(await first.run(readNew), [], 'a first visit marks nothing');
  const shown = await first.run(() => document.querySelectorAll('[data-threadlight-comment]').length);
  assert.equal(shown, testPage.truth.comments.length - held.length, 'the first visit shows the page without the held-back comments');
  await waitForRecord(browser);
  await first.close();
  // Let the closing tab's last write land before the clock is moved.
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.ok((await browser.inExtension(ageVisits, 2 * HOUR)).length > 0, 'a visit was stored');
  server.serveAt(pathname, fullHtml);
  const page = await session.openPage(url);
  await waitForContentScript(page);
  await page.waitUntil(() => document.querySelectorAll('[data-threadlight-new]').length > 0, undefined, { what: 'new comments to be marked' });
  return { page, url };
}

async function waitForRecord(browser: E2EBrowser): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await browser.inExtension(rememberedPosts)).length === 0) {
    if (Date.now() > deadline) throw new Error('the first visit was never stored');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** In the page: comment `id` near the top of the screen, with a little of what comes before it. */
const showComment = (id: string): void => {
  document.querySelector(`[data-threadlight-comment="${id}"]`)?.scrollIntoView({ block: 'start', behavior: 'instant' });
  scrollBy({ top: -120, behavior: 'instant' });
};

const SHOTS_DIR = process.env.SHOTS_DIR;
async function shoot(page: E2EPage, name: string): Promise<void> {
  const file = await page.screenshot(name);
  if (SHOTS_DIR) {
    fs.mkdirSync(SHOTS_DIR, { recursive: true });
    fs.copyFileSync(file, path.join(SHOTS_DIR, `${path.basename(path.dirname(file))}-${name}.png`));
  }
}

inEachBrowser('new since the last visit', (session) => {
  it(`holds back ${HELD_BACK.join(', ')} of ${post.page.label}: the full page marks exactly those, in page order with u`, { timeout: 2 * TEST_TIMEOUT }, async () => {
    assert.equal(HELD_BACK.length, 4, 'four comments are held back (top-level ones where there are, replies in different threads)');
    assert.ok(HELD_BACK.some((id) => truth.comments.find((c) => String(c.wp_id) === id)!.parent_wp_id !== 0), 'replies among them');
    await session().browser.setOptions({ foldWithoutNew: false });
    const { page } = await visitTwice(session(), 'marks');
    assert.deepEqual(await page.run(readNew), heldInPageOrder, 'exactly the held-back comments are new, on their comment elements');
    const labels = await page.run(() =>
      Array.from(document.querySelectorAll('[data-threadlight-new]')).map((e) => {
        const mark = e.querySelector('[data-threadlight-ui="new-mark"]');
        return { text: mark?.textContent ?? null, visible: !!mark?.checkVisibility(), border: getComputedStyle(e.querySelector('[data-threadlight-body]')!).borderInlineStartWidth };
      }),
    );
    for (const label of labels) assert.deepEqual(label, { text: 'New', visible: true, border: '3px' }, 'a visible "New" label and a rule beside the comment');
    await page.waitUntil((n) => (document.querySelector('[data-threadlight-overlay="toolbar"]')?.shadowRoot?.querySelector('[data-threadlight-status="new"]')?.textContent ?? '').startsWith(`${n} new since `), HELD_BACK.length, { what: 'the toolbar to count the new comments' });
    // u walks them in page order, Shift+U back.
    for (const id of heldInPageOrder) await pressAndExpectSelection(page, 'u', id);
    await pressAndExpectSelection(page, 'Shift+U', heldInPageOrder[heldInPageOrder.length - 2]!);
    // The toolbar's buttons do the same.
    assert.ok(await page.run(clickToolbar, '[data-threadlight-action="next-new"]'));
    await page.waitUntil((id) => document.querySelector('[data-threadlight-selected]')?.getAttribute('data-threadlight-comment') === id, heldInPageOrder[heldInPageOrder.length - 1]!, { what: 'next-new to select the last new comment' });
    await page.run(showComment, heldInPageOrder[heldInPageOrder.length - 2]!);
    await shoot(page, `new-since-visit-page-${session().name}-light`);
    // axe-core: nothing wrong with what this feature adds (the labels in the page, its toolbar controls).
    const ours = (await runAxe(page)).filter((f) => /threadlight-new-mark|data-threadlight-(action|status)="(previous-new|next-new|mark-all-read|new)"/.test(f.html));
    assert.deepEqual(ours, [], describeFindings(ours));
    // A reload within the same visit keeps the marks.
    await page.goto(await page.run(() => location.href));
    await waitForContentScript(page);
    await page.waitUntil(() => document.querySelectorAll('[data-threadlight-new]').length > 0, undefined, { what: 'the marks after a reload' });
    assert.deepEqual(await page.run(readNew), heldInPageOrder, 'a reload keeps what was new');
    await page.close();
  });

  it('"fold the threads with nothing new" folds exactly the top-level threads without new comments', { timeout: 2 * TEST_TIMEOUT }, async () => {
    await session().browser.setOptions({ foldWithoutNew: false });
    const { page } = await visitTwice(session(), 'fold');
    const expected = threadsWithNothingNew(HELD_BACK);
    assert.ok(expected.length >= 3, `${post.page.label} has threads without new comments to fold`);
    // Turned on from the popup while the page is open: applied live.
    await session().browser.setOptions({ foldWithoutNew: true });
    // The state folds them at once; the page shows it slice by slice (the comments near the screen first).
    await page.waitUntil((n) => document.querySelectorAll('[data-threadlight-collapsed]').length >= n, expected.length, { what: 'threads to fold' });
    const collapsed = (await page.run(readComments)).filter((c) => c.collapsed).map((c) => c.id);
    assert.deepEqual(collapsed, expected, 'folded: exactly the top-level threads with replies and nothing new');
    const visible = new Set((await page.run(readComments)).filter((c) => c.visible).map((c) => c.id));
    for (const id of HELD_BACK) assert.ok(visible.has(id), `new comment ${id} stays in view`);
    // On the next load of the page, the same.
    await page.goto(await page.run(() => location.href));
    await waitForContentScript(page);
    await page.waitUntil((n) => document.querySelectorAll('[data-threadlight-collapsed]').length >= n, expected.length, { what: 'threads folded on load' });
    assert.deepEqual((await page.run(readComments)).filter((c) => c.collapsed).map((c) => c.id), expected, 'folded on load too');
    await session().browser.setOptions({ foldWithoutNew: false });
    await page.waitUntil(() => document.querySelectorAll('[data-threadlight-collapsed]').length === 0, undefined, { what: 'the folds to go with the option' });
    await page.close();
  });

  it('the popup: the new count, a timeline bar scrolls the page to its comment, "Mark all as read" clears the marks', { timeout: 2 * TEST_TIMEOUT }, async () => {
    await session().browser.setOptions({ foldWithoutNew: false });
    const { page } = await visitTwice(session(), 'popup');
    const popup = await session().browser.openPopup(page);
    await popup.waitUntil((n) => document.body.innerText.includes(`${n} new since `), HELD_BACK.length, { what: 'the popup to count the new comments' });
    const bars = await popup.run(() => document.querySelectorAll('.timeline g.bin[role="button"]').length);
    assert.ok(bars > 0, 'the timeline has bars');
    await popup.run(() => document.querySelector<HTMLElement>('.timeline g.bin[role="button"]')?.focus());
    await shoot(popup, `new-since-visit-popup-${session().name}-light`);
    await popup.run(() => document.querySelector<SVGElement>('.timeline g.bin[role="button"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true })));
    const first = String(Math.min(...truth.comments.map((c) => c.wp_id)));
    await page.waitUntil((id) => document.querySelector('[data-threadlight-selected]')?.getAttribute('data-threadlight-comment') === id, first, { what: `the first bar to select comment ${first}` });
    // The popup is a tab here, the page behind it: in front again, its smooth scroll ends on the comment.
    await page.bringToFront();
    await page.waitUntil(
      (id) => {
        const box = document.querySelector(`[data-threadlight-comment="${id}"]`)!.getBoundingClientRect();
        return box.top >= 0 && box.top < innerHeight;
      },
      first,
      { what: `comment ${first} to be scrolled into view` },
    );
    await popup.bringToFront();
    await popup.run(() =>
      Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.includes('Mark all as read'))!.click(),
    );
    await page.waitUntil(() => document.querySelectorAll('[data-threadlight-new]').length === 0, undefined, { what: 'the marks to go' });
    await page.waitUntil(() => (document.querySelector('[data-threadlight-overlay="toolbar"]')?.shadowRoot?.querySelector('[data-threadlight-status="new"]')?.textContent ?? '').startsWith('Nothing new since'), undefined, { what: 'the toolbar to say nothing is new' });
    await popup.close();
    await page.close();
  });
});

inEachBrowser(
  'new since the last visit, dark',
  (session) => {
    it('marks stay readable in a dark scheme, on the demo blog (which follows it): screenshots', { timeout: 2 * TEST_TIMEOUT }, async () => {
      const demo = postOf(demoPage('classic'));
      const { page } = await visitTwice(session(), 'dark', demo);
      assert.deepEqual(await page.run(readNew), demo.heldInPageOrder);
      await page.run(showComment, demo.heldInPageOrder[0]!);
      await shoot(page, `new-since-visit-page-${session().name}-dark`);
      const popup = await session().browser.openPopup(page);
      await popup.waitUntil((n) => document.body.innerText.includes(`${n} new since `), demo.held.length, { what: 'the popup to count the new comments' });
      await shoot(popup, `new-since-visit-popup-${session().name}-dark`);
      await popup.close();
      await page.close();
    });
  },
  'en',
  { colorScheme: 'dark' },
);

