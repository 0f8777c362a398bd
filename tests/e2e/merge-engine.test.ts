/**
 * The merge and find engines (utils/merge, utils/find) in real Chromium and Firefox, before any view feature uses
 * them: a probe bundle in the page's main world merges the corpus's paged post served at its own paths (opened on
 * page 1 and on the post's URL), rebuilds hostile comments that then run nothing, and highlights matches with the
 * CSS Custom Highlight API. Threadlight is off for the site here: the page is the engines' alone.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { buildXssPage, PWNED_RECORDER } from '../hostile/hostile-pages.ts';
import { asCommentPage, pageHtml, ORIGIN, POST_PATH, type SiteOptions } from '../unit/merge/synthetic-site.ts';
import { THEMES } from './lib/corpus.ts';
import { bundleForPage } from './lib/page-bundle.ts';
import { servePagedPost } from './lib/paged-site.ts';
import { lookThroughPage } from './lib/probes.ts';
import { startServer } from './lib/server.ts';
import { inEachBrowser, TEST_TIMEOUT } from './lib/session.ts';
import type { FindProbeReport, MergeProbeReport } from './probes/merge-probe.ts';
import { sharedOrNotice } from './lib/paths.ts';

const PROBE_PATH = '/__probe/merge-probe.js';
const withProbe = (html: string) => html.replace('</body>', `<script src="${PROBE_PATH}"></script></body>`);
let probe = '';

before(async () => {
  probe = await bundleForPage('tests/e2e/probes/merge-probe.ts');
});

type Probe = { threadlightMergeProbe?: { merge(): Promise<MergeProbeReport>; find(query: string): FindProbeReport } };
const probeLoaded = () => 'threadlightMergeProbe' in window;
const runMerge = () => (window as unknown as Probe).threadlightMergeProbe!.merge();
const runFind = (query: string) => (window as unknown as Probe).threadlightMergeProbe!.find(query);
const pwnedCalls = () => ((window as unknown as { __pwnedCalls?: string[] }).__pwnedCalls ?? []).slice();

if (sharedOrNotice('the merge and find engines on the paged corpus post')) inEachBrowser('merge and find engines in a real page', (session) => {
  for (const theme of THEMES) {
    it(`${theme}: both comment pages in reading order with exact depths, from page 1 and from the post URL`, { timeout: TEST_TIMEOUT * 2 }, async () => {
      const { browser } = session();
      const server = await startServer();
      try {
        await browser.setOptions({ disabledSites: ['127.0.0.1'] });
        server.serveAt(PROBE_PATH, probe, 'text/javascript; charset=utf-8');
        const post = servePagedPost(server, theme, withProbe);
        const expected = post.pages.flatMap((page) => page.truth.comments.map((c) => `${c.wp_id} ${c.parent_wp_id === 0 ? '-' : c.parent_wp_id} ${c.depth}`));
        assert.equal(expected.length, 58);
        for (const url of [post.pages[0]!.url, post.postUrl]) {
          const page = await session().openPage(url);
          await page.waitUntil(probeLoaded, undefined, { what: 'the probe bundle' });
          const report = await page.run(runMerge);
          assert.equal(report.outcome, 'complete', `${url}: ${JSON.stringify(report.pages)}`);
          assert.deepEqual(report.merged, expected, url);
          assert.deepEqual(report.reparsed, expected, `${url}: the section parsed again after insertion`);
          assert.equal(report.insertedComments, url === post.postUrl ? 25 : 33);
          assert.deepEqual(report.leftovers, [], url);
          if (url === post.postUrl) {
            // The post author's name, accent and case ignored, on both pages; highlighted through CSS.highlights.
            const found = await page.run(runFind, 'BENOIT faverial');
            assert.equal(found.supported, true, 'the CSS Custom Highlight API exists');
            assert.equal(found.highlightSelector, true, '::highlight() is supported');
            assert.deepEqual(found.registered, ['threadlight-find', 'threadlight-find-current']);
            const authored = post.pages.flatMap((p) => p.truth.comments).filter((c) => c.author === 'Benoît Faverial');
            assert.ok(found.total >= authored.length, `${found.total} matches for ${authored.length} comments by the author`);
            assert.ok(found.rangeTexts.every((text) => /^beno[iî]t faverial$/i.test(text)), found.rangeTexts.join(' | '));
            assert.ok(found.onlyMatching >= found.commentIds.length);
            await page.screenshot(`merge-find-${theme}`);
          }
          await page.close();
        }
      } finally {
        await server.close();
        await browser.setOptions({ disabledSites: [] });
      }
    });
  }

  it('a hostile page merged as page 2: every payload rebuilt, none runs', { timeout: TEST_TIMEOUT * 2 }, async () => {
    const { browser } = session();
    const server = await startServer();
    const site: SiteOptions = { pages: 2, perPage: 2 };
    const local = (html: string) => html.replaceAll(ORIGIN, server.origin);
    try {
      await browser.setOptions({ disabledSites: ['127.0.0.1'] });
      server.serveAt(PROBE_PATH, probe, 'text/javascript; charset=utf-8');
      const first = local(withProbe(pageHtml(1, site).replace('<head>', `<head>\n${PWNED_RECORDER}`)));
      const hostile = local(asCommentPage(buildXssPage().html, 2, site));
      const pageOne = server.serveAt(`${POST_PATH}comment-page-1/`, first);
      server.serveAt(POST_PATH, hostile);
      server.serveAt(`${POST_PATH}comment-page-2/`, hostile);
      const page = await session().openPage(pageOne);
      await page.waitUntil(probeLoaded, undefined, { what: 'the probe bundle' });
      const report = await page.run(runMerge);
      assert.equal(report.outcome, 'complete', JSON.stringify(report.pages));
      assert.ok(report.insertedComments > 150, `${report.insertedComments} hostile comments merged`);
      assert.deepEqual(report.leftovers, []);
      // Give images time to fail and anything scheduled time to run, then look through the page.
      await page.run(lookThroughPage);
      assert.deepEqual(await page.run(pwnedCalls), [], 'no payload ran');
      await page.close();
    } finally {
      await server.close();
      await browser.setOptions({ disabledSites: [] });
    }
  });
});
