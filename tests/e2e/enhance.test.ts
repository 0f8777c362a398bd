/** The content script enhances a real thread in place, exactly as WordPress wrote it, and leaves other pages alone. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { nestedThreadPages, postsWithoutComments } from './lib/pages.ts';
import { readComments, readMarks, readThreadlightTraces, scrollToComment } from './lib/probes.ts';
import { inEachBrowser, TEST_TIMEOUT } from './lib/session.ts';

inEachBrowser('enhancement', (session) => {
  for (const testPage of nestedThreadPages()) {
    it(`enhances ${testPage.label}: one element per truth comment, same ids, depths and post-author replies`, { timeout: TEST_TIMEOUT }, async () => {
      const { truth } = testPage;
      const page = await session().openTestPage(testPage);

      assert.equal(await page.run(() => document.querySelectorAll('[data-threadlight="enhanced"]').length), 1, 'one enhanced section');
      const marked = await page.run(readComments);
      assert.equal(marked.length, truth.comments.length, 'comment elements = truth comments');
      assert.deepEqual(
        marked.map((comment) => comment.id),
        truth.comments.map((comment) => String(comment.wp_id)),
        'ids in page order',
      );
      assert.deepEqual(
        marked.map((comment) => comment.depth),
        truth.comments.map((comment) => comment.depth),
        'depths',
      );
      const authorIds = marked.filter((comment) => comment.role === 'post-author').map((comment) => comment.id);
      assert.equal(authorIds.length, truth.summary.post_author_replies, 'post-author elements = truth post_author_replies');
      assert.deepEqual(
        authorIds,
        truth.comments.filter((comment) => comment.is_post_author).map((comment) => String(comment.wp_id)),
        'post-author ids',
      );
      // Nothing collapsed or selected on a thread of a few dozen comments under the default options.
      assert.deepEqual(marked.filter((comment) => comment.collapsed || comment.selected), []);
      assert.deepEqual(await page.run(readMarks), { 'threadlight:start': 1, 'threadlight:ready': 1, 'threadlight:bail': 0 });

      await page.run(scrollToComment, null);
      await page.screenshot(`enhanced-${testPage.label.replace(/\//g, '-')}`);
      await page.close();
    });
  }

  for (const testPage of postsWithoutComments()) {
    it(`leaves ${testPage.label} (no comments) untouched and bails out`, { timeout: TEST_TIMEOUT }, async () => {
      assert.equal(testPage.truth.comments.length, 0);
      const page = await session().openTestPage(testPage);
      assert.deepEqual(await page.run(readThreadlightTraces), [], 'no data-threadlight* attribute anywhere');
      assert.equal(await page.run(() => document.querySelectorAll('[class*="threadlight-"]').length), 0, 'no Threadlight element');
      assert.deepEqual(await page.run(readMarks), { 'threadlight:start': 1, 'threadlight:ready': 0, 'threadlight:bail': 1 });
      await page.close();
    });
  }
});
