/** Collapsing and expanding threads: one thread through its toggle, every thread at once through Shift+C. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { biggestThread, descendantIds } from './lib/corpus.ts';
import { englishThreadPage } from './lib/pages.ts';
import { readComments, readToggle, scrollToCenter, toggleSays } from './lib/probes.ts';
import { inEachBrowser, TEST_TIMEOUT } from './lib/session.ts';

const testPage = englishThreadPage();
const { truth } = testPage;

inEachBrowser('collapse', (session) => {
  it('puts one toggle on every comment that has replies, expanded', { timeout: TEST_TIMEOUT }, async () => {
    const page = await session().openTestPage(testPage);
    const withReplies = truth.comments.map((c) => String(c.wp_id)).filter((id) => descendantIds(truth, id).length > 0);
    const toggles = await page.run(() =>
      Array.from(document.querySelectorAll('[data-threadlight-toggle]')).map((toggle) => ({
        id: toggle.getAttribute('data-threadlight-toggle'),
        tag: toggle.tagName,
        expanded: toggle.getAttribute('aria-expanded'),
      })),
    );
    assert.deepEqual(toggles.map((toggle) => toggle.id), withReplies, 'toggle ids = comments with replies, in page order');
    for (const toggle of toggles) assert.deepEqual([toggle.tag, toggle.expanded], ['BUTTON', 'true'], `toggle ${toggle.id}`);
    await page.close();
  });

  it('collapses the biggest thread through its toggle (its whole subtree hidden), then expands it', { timeout: TEST_TIMEOUT }, async () => {
    const { id, descendants } = biggestThread(truth);
    const page = await session().openTestPage(testPage);
    const before = await page.run(readComments);
    assert.ok(descendants.length >= 3, `${testPage.label}'s biggest thread (${id}) has replies to hide`);

    await page.click(`[data-threadlight-toggle="${id}"]`);
    await page.waitUntil(toggleSays, { id, expanded: false }, { what: `toggle ${id} to say aria-expanded=false` });
    const collapsed = await page.run(readComments);
    const byId = new Map(collapsed.map((comment) => [comment.id, comment]));
    assert.equal(byId.get(id)?.collapsed, true, 'the comment is marked data-threadlight-collapsed');
    assert.equal(byId.get(id)?.visible, true, 'the collapsed comment itself stays visible');
    assert.deepEqual((await page.run(readToggle, id))?.visible, true, 'its toggle stays reachable');
    const hidden = collapsed.filter((comment) => !comment.visible && before.find((b) => b.id === comment.id)?.visible);
    assert.deepEqual(hidden.map((comment) => comment.id), descendants, 'exactly the truth subtree got hidden');
    assert.equal(hidden.length, descendants.length);
    await page.run(scrollToCenter, `[data-threadlight-toggle="${id}"]`);
    await page.screenshot('collapsed-thread');

    await page.click(`[data-threadlight-toggle="${id}"]`);
    await page.waitUntil(toggleSays, { id, expanded: true }, { what: `toggle ${id} to say aria-expanded=true` });
    const expanded = await page.run(readComments);
    assert.deepEqual(expanded.map((comment) => [comment.id, comment.visible, comment.collapsed]), before.map((comment) => [comment.id, comment.visible, false]));
    await page.close();
  });

  it('collapses every thread with Shift+C and expands them all with Shift+C again', { timeout: TEST_TIMEOUT }, async () => {
    const page = await session().openTestPage(testPage);
    const before = await page.run(readComments);
    const visibleBefore = new Set(before.filter((comment) => comment.visible).map((comment) => comment.id));
    await page.press('Shift+C');
    await page.waitUntil(() => document.querySelectorAll('[data-threadlight-collapsed]').length > 0, undefined, { what: 'Shift+C to collapse threads' });
    const all = await page.run(readComments);
    const withReplies = new Set(truth.comments.map((c) => String(c.wp_id)).filter((id) => descendantIds(truth, id).length > 0));
    for (const comment of all) {
      const expectVisible = comment.depth === 1 && visibleBefore.has(comment.id);
      assert.equal(comment.visible, expectVisible, `comment ${comment.id} (depth ${comment.depth}) visible after collapse-all`);
      if (comment.visible) assert.equal(comment.collapsed, withReplies.has(comment.id), `comment ${comment.id} collapsed iff it has replies`);
    }
    await page.run(scrollToCenter, '[data-threadlight-collapsed]');
    await page.screenshot('collapsed-all');

    await page.press('Shift+C');
    await page.waitUntil(() => document.querySelectorAll('[data-threadlight-collapsed]').length === 0, undefined, { what: 'Shift+C to expand every thread' });
    const expanded = await page.run(readComments);
    assert.deepEqual(
      expanded.map((comment) => [comment.id, comment.visible]),
      before.map((comment) => [comment.id, comment.visible]),
      'every comment shown as before (a pingback group keeps its own state)',
    );
    await page.close();
  });
});

