/** The page's own Reply link keeps working on the enhanced thread (WordPress's comment-reply.js moves #respond). */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { E2EPage } from './lib/browsers.ts';
import { descendantIds, readTruth, THEMES, type Theme } from './lib/corpus.ts';
import { toggleSays } from './lib/probes.ts';
import { inEachBrowser, TEST_TIMEOUT } from './lib/session.ts';

/** In-page: where #respond sits (the comment element holding it) and whether the form shows. */
const readRespond = () => {
  const respond = document.querySelector('#respond');
  return {
    inComment: respond?.closest('[data-threadlight-comment]')?.getAttribute('data-threadlight-comment') ?? null,
    visible: respond?.checkVisibility() ?? false,
    cancelVisible: document.querySelector('#cancel-comment-reply-link')?.checkVisibility() ?? false,
  };
};

/** Click comment `id`'s own Reply link (WordPress tags it data-commentid). */
async function clickReply(page: E2EPage, id: string): Promise<void> {
  await page.click(`.comment-reply-link[data-commentid="${id}"]`);
  await page.waitUntil((target) => document.querySelector('#respond')?.closest(`[data-threadlight-comment="${target}"]`), id, {
    what: `#respond to move under comment ${id}`,
  });
}

/** A comment of seed-004 with replies that can still be answered (below WordPress's thread depth limit). */
function replyTarget(theme: Theme): string {
  const truth = readTruth(theme, 'seed-004');
  const target = truth.comments.find((c) => c.depth < truth.summary.max_depth && descendantIds(truth, String(c.wp_id)).length >= 2);
  assert.ok(target, 'seed-004 has a thread to answer');
  return String(target.wp_id);
}

inEachBrowser('native reply link', (session) => {
  for (const theme of THEMES) {
    const id = replyTarget(theme);

    it(`Reply moves the form under the comment and Cancel puts it back (${theme})`, { timeout: TEST_TIMEOUT }, async () => {
      const page = await session().openCorpusPage(theme, 'seed-004');
      assert.deepEqual(await page.run(readRespond), { inComment: null, visible: true, cancelVisible: false });
      await clickReply(page, id);
      assert.deepEqual(await page.run(readRespond), { inComment: id, visible: true, cancelVisible: true });
      await page.click('#cancel-comment-reply-link');
      await page.waitUntil(() => !document.querySelector('#respond')?.closest('[data-threadlight-comment]'), undefined, {
        what: '#respond to go back below the thread',
      });
      await page.close();
    });
  }

  it('a collapsed thread that receives the reply form expands', { timeout: TEST_TIMEOUT }, async () => {
    const id = replyTarget('twentytwentyone');
    const page = await session().openCorpusPage('twentytwentyone', 'seed-004');
    await page.click(`[data-threadlight-toggle="${id}"]`);
    await page.waitUntil(toggleSays, { id, expanded: false }, { what: `comment ${id} to collapse` });

    await clickReply(page, id);
    await page.waitUntil(toggleSays, { id, expanded: true }, { what: `comment ${id} to expand when the form arrives` });
    assert.equal(await page.run((c) => document.querySelector(`[data-threadlight-comment="${c}"]`)?.hasAttribute('data-threadlight-collapsed'), id), false);
    assert.deepEqual(await page.run(readRespond), { inComment: id, visible: true, cancelVisible: true });
    await page.run(() => document.querySelector('#respond')?.scrollIntoView({ block: 'center', behavior: 'instant' }));
    await page.screenshot('reply-form-in-thread');
    await page.close();
  });
});
