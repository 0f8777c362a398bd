/** Keyboard navigation: j/k walk the visible comments in page order, p climbs to the parent, typing is left alone. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { E2EPage } from './lib/browsers.ts';
import { englishThreadPage } from './lib/pages.ts';
import { pressAndExpectSelection, readComments, readSelectedIds } from './lib/probes.ts';
import { inEachBrowser, TEST_TIMEOUT } from './lib/session.ts';

const testPage = englishThreadPage();
const { truth } = testPage;
const parentOf = new Map(truth.comments.map((c) => [String(c.wp_id), c.parent_wp_id === 0 ? null : String(c.parent_wp_id)]));

inEachBrowser('keyboard', (session) => {
  /** Truth ids in page order, kept to those the page shows (a pingback group may fold pingbacks away). */
  async function visibleInTruthOrder(page: E2EPage): Promise<string[]> {
    const visible = new Set((await page.run(readComments)).filter((c) => c.visible).map((c) => c.id));
    const order = truth.comments.map((c) => String(c.wp_id)).filter((id) => visible.has(id));
    const realComments = truth.comments.filter((c) => c.type === 'comment').map((c) => String(c.wp_id));
    assert.deepEqual(realComments.filter((id) => !visible.has(id)), [], 'every real comment starts visible');
    return order;
  }

  it('j selects each visible comment in truth order, stops at the last; k walks back', { timeout: 2 * TEST_TIMEOUT }, async () => {
    const page = await session().openTestPage(testPage);
    const order = await visibleInTruthOrder(page);
    assert.deepEqual(await page.run(readSelectedIds), [], 'nothing selected at first');
    for (const id of order) await pressAndExpectSelection(page, 'j', id);
    await pressAndExpectSelection(page, 'j', order.at(-1)!);
    for (const id of order.slice(-4, -1).reverse()) await pressAndExpectSelection(page, 'k', id);
    await page.close();
  });

  it('p climbs from the deepest comment to its thread root, one parent at a time', { timeout: TEST_TIMEOUT }, async () => {
    const page = await session().openTestPage(testPage);
    const order = await visibleInTruthOrder(page);
    const deepest = truth.comments.reduce((a, b) => (b.depth > a.depth ? b : a));
    const deepestId = String(deepest.wp_id);
    assert.ok(deepest.depth >= 3, `${testPage.label} nests deep enough`);
    for (const id of order.slice(0, order.indexOf(deepestId) + 1)) await pressAndExpectSelection(page, 'j', id);
    let current = deepestId;
    for (let parent = parentOf.get(current); parent; parent = parentOf.get(current)) {
      await pressAndExpectSelection(page, 'p', parent);
      current = parent;
    }
    await page.press('p'); // a top-level comment has no parent: the cursor stays
    await page.run(() => new Promise((resolve) => setTimeout(resolve, 200)));
    assert.deepEqual(await page.run(readSelectedIds), [current]);
    await page.screenshot('keyboard-selected'); // framed as the view scrolls the cursor into view
    await page.close();
  });

  it('keys typed in the comment form stay text: no move, no collapse', { timeout: TEST_TIMEOUT }, async () => {
    const page = await session().openTestPage(testPage);
    const order = await visibleInTruthOrder(page);
    await pressAndExpectSelection(page, 'j', order[0]!);
    await pressAndExpectSelection(page, 'j', order[1]!);
    const before = await page.run(readComments);

    await page.focus('#comment');
    await page.type('jjkp nc');
    await page.press('Shift+C');
    await page.press('Shift+J');
    await page.press('Enter');
    assert.equal(await page.run(() => (document.querySelector('#comment') as HTMLTextAreaElement).value), 'jjkp ncCJ\n');
    assert.equal(await page.run(() => document.activeElement?.id), 'comment', 'focus stays in the form');
    assert.deepEqual(await page.run(readComments), before, 'selection, collapse and visibility unchanged');
    await page.close();
  });
});
