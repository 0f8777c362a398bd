/**
 * The demo blog shipped in the repository (demo/site), in both browsers, whether ../shared is there or not: every
 * thread page is enhanced exactly as its truth says, the pages without a thread are left alone (the loader bails
 * out at once), and the two comment pages link to each other as WordPress's comment-page-N URLs.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { demoPage, demoPagesOfKind } from './lib/pages.ts';
import { readComments, readMarks, readThreadlightTraces } from './lib/probes.ts';
import { inEachBrowser, TEST_TIMEOUT, waitForContentScript } from './lib/session.ts';

const threadPages = ['nested', 'flat', 'paged', 'big'].flatMap(demoPagesOfKind);
const quietPages = demoPagesOfKind('none');

inEachBrowser('demo blog', (session) => {
  it('has thread pages of every shape and pages without a thread', () => {
    assert.ok(threadPages.length >= 7, `${threadPages.length} thread pages`);
    assert.deepEqual(quietPages.map((page) => page.label).sort(), ['demo/article', 'demo/home', 'demo/no-comments']);
  });

  for (const testPage of threadPages) {
    it(`enhances ${testPage.label}: one element per truth comment, in page order, with its depth`, { timeout: 2 * TEST_TIMEOUT }, async () => {
      const page = await session().openTestPage(testPage);
      await page.waitUntil(() => document.querySelector('[data-threadlight="enhanced"]') !== null, undefined, { what: 'the view', timeout: 30_000 });
      const marked = await page.run(readComments);
      assert.equal(marked.length, testPage.truth.comments.length, 'comment elements = truth comments');
      assert.deepEqual(
        marked.map((comment) => [comment.id, comment.depth]),
        testPage.truth.comments.map((comment) => [String(comment.wp_id), comment.depth]),
        'ids and depths in page order',
      );
      assert.deepEqual(await page.run(readMarks), { 'threadlight:start': 1, 'threadlight:ready': 1, 'threadlight:bail': 0 });
      await page.close();
    });
  }

  for (const testPage of quietPages) {
    it(`leaves ${testPage.label} untouched: the loader bails out at once`, { timeout: TEST_TIMEOUT }, async () => {
      const page = await session().openTestPage(testPage);
      assert.deepEqual(await page.run(readMarks), { 'threadlight:start': 1, 'threadlight:ready': 0, 'threadlight:bail': 1 });
      // The loader's own bail-out, in the same task as its start: no round trip to the background happened.
      const gap = await page.run(() => performance.getEntriesByName('threadlight:bail')[0]!.startTime - performance.getEntriesByName('threadlight:start')[0]!.startTime);
      assert.ok(gap >= 0 && gap < 50, `start → bail in ${gap} ms`);
      assert.deepEqual(await page.run(readThreadlightTraces), []);
      assert.equal(await page.run(() => document.querySelectorAll('[class*="threadlight-"]').length), 0, 'no Threadlight element');
      await page.close();
    });
  }

  it('comment page 1 links to comment page 2 and back (comment-page-N), each enhanced', { timeout: 2 * TEST_TIMEOUT }, async () => {
    const first = demoPage('paged-1');
    const second = demoPage('paged-2');
    const page = await session().openTestPage(first);
    const next = await page.run(() => (document.querySelector('.comments-pagination a.next') as HTMLAnchorElement | null)?.href ?? null);
    assert.equal(next, session().server.url(`${second.path}#comments`));
    await page.click('.comments-pagination a.next');
    await page.waitUntil((want) => location.pathname === want, `/${second.path}`, { what: 'comment page 2' });
    await waitForContentScript(page);
    await page.waitUntil(() => document.querySelector('[data-threadlight="enhanced"]') !== null, undefined, { what: 'page 2 enhanced' });
    assert.deepEqual((await page.run(readComments)).map((comment) => comment.id), second.truth.comments.map((comment) => String(comment.wp_id)));
    await page.click('.comments-pagination a.prev');
    await page.waitUntil((want) => location.pathname === want, `/${first.path}`, { what: 'comment page 1 again' });
    await waitForContentScript(page);
    await page.waitUntil(() => document.querySelector('[data-threadlight="enhanced"]') !== null, undefined, { what: 'page 1 enhanced' });
    assert.equal((await page.run(readComments)).length, first.truth.comments.length);
    await page.close();
  });
});
