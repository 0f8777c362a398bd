/** The page's own Reply link keeps working on the enhanced thread (WordPress's comment-reply.js moves #respond). */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { E2EPage } from './lib/browsers.ts';
import { descendantIds, type Truth } from './lib/corpus.ts';
import { englishThreadPage, nestedThreadPages } from './lib/pages.ts';
import { toggleSays } from './lib/probes.ts';
import { inEachBrowser, TEST_TIMEOUT } from './lib/session.ts';

/** In-page: where #respond sits (the element it follows, the comment holding it) and whether the form shows. */
const readRespond = () => {
  const respond = document.querySelector('#respond');
  return {
    after: respond?.previousElementSibling?.id ?? null,
    inComment: respond?.parentElement?.closest('[data-threadlight-comment]')?.getAttribute('data-threadlight-comment') ?? null,
    visible: respond?.checkVisibility() ?? false,
    cancelVisible: document.querySelector('#cancel-comment-reply-link')?.checkVisibility() ?? false,
  };
};

/** In-page: #respond's parent and its index among the parent's children (where Cancel must put it back). */
const respondPlace = (): string => {
  const respond = document.querySelector('#respond');
  const parent = respond?.parentElement;
  if (!respond || !parent) return 'no #respond';
  return `${parent.tagName.toLowerCase()}#${parent.id}.${parent.className} @${Array.prototype.indexOf.call(parent.children, respond)}`;
};

/** In-page: the element comment-reply.js puts the form after, for comment `id` (data-belowelement of its link). */
const belowElementOf = (id: string): string | null =>
  document.querySelector<HTMLElement>(`.comment-reply-link[data-commentid="${id}"]`)?.dataset.belowelement ?? null;

/**
 * Click comment `id`'s own Reply link (WordPress tags it data-commentid) and wait for comment-reply.js to move
 * the form after the link's data-belowelement: `div-comment-N` inside the comment (classic themes) or the comment
 * item itself (block themes). Returns that element's id.
 */
async function clickReply(page: E2EPage, id: string): Promise<string> {
  const below = await page.run(belowElementOf, id);
  assert.ok(below, `comment ${id} has a Reply link with data-belowelement`);
  await page.click(`.comment-reply-link[data-commentid="${id}"]`);
  await page.waitUntil((target) => document.querySelector('#respond')?.previousElementSibling?.id === target, below, {
    what: `#respond to move after #${below}`,
  });
  return below;
}

/** A comment with replies that can still be answered (below WordPress's thread depth limit). */
function replyTarget(truth: Truth): string {
  const target = truth.comments.find((c) => c.depth < truth.summary.max_depth && descendantIds(truth, String(c.wp_id)).length >= 2);
  assert.ok(target, 'the page has a thread to answer');
  return String(target.wp_id);
}

inEachBrowser('native reply link', (session) => {
  for (const testPage of nestedThreadPages()) {
    const id = replyTarget(testPage.truth);

    it(`Reply moves the form under the comment and Cancel puts it back (${testPage.label})`, { timeout: TEST_TIMEOUT }, async () => {
      const page = await session().openTestPage(testPage);
      const start = await page.run(readRespond);
      const startPlace = await page.run(respondPlace);
      assert.deepEqual([start.inComment, start.visible, start.cancelVisible], [null, true, false], 'the form starts below the thread');
      const below = await clickReply(page, id);
      const moved = await page.run(readRespond);
      assert.deepEqual([moved.after, moved.visible, moved.cancelVisible], [below, true, true], 'the form shows after the comment');
      if (below !== `comment-${id}`) assert.equal(moved.inComment, id, 'the form sits inside the comment');
      await page.click('#cancel-comment-reply-link');
      await page.waitUntil(() => !document.querySelector('#respond')?.closest('[data-threadlight-comment]'), undefined, {
        what: '#respond to go back below the thread',
      });
      // Back exactly where it started: after the same element, outside every comment, shown, Cancel hidden again.
      assert.deepEqual(await page.run(readRespond), start, 'the form is back in its first place');
      assert.equal(await page.run(respondPlace), startPlace, 'the form is back in its first parent, at its first index');
      await page.close();
    });
  }

  it('a collapsed thread that receives the reply form expands', { timeout: TEST_TIMEOUT }, async () => {
    const testPage = englishThreadPage();
    const id = replyTarget(testPage.truth);
    const page = await session().openTestPage(testPage);
    await page.click(`[data-threadlight-toggle="${id}"]`);
    await page.waitUntil(toggleSays, { id, expanded: false }, { what: `comment ${id} to collapse` });

    const below = await clickReply(page, id);
    assert.equal(below, `div-comment-${id}`, `${testPage.label}'s classic theme puts the form inside the comment`);
    await page.waitUntil(toggleSays, { id, expanded: true }, { what: `comment ${id} to expand when the form arrives` });
    assert.equal(await page.run((c) => document.querySelector(`[data-threadlight-comment="${c}"]`)?.hasAttribute('data-threadlight-collapsed'), id), false);
    assert.deepEqual(await page.run(readRespond), { after: below, inComment: id, visible: true, cancelVisible: true });
    await page.run(() => document.querySelector('#respond')?.scrollIntoView({ block: 'center', behavior: 'instant' }));
    await page.screenshot('reply-form-in-thread');
    await page.close();
  });
});
