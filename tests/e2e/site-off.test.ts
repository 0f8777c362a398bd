/** Turning Threadlight off for the site, from the extension's storage, restores the page live and exactly. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { englishThreadPage, nestedThreadPages } from './lib/pages.ts';
import { readThreadlightTraces } from './lib/probes.ts';
import { documentHTML, locateSectionRoot, sectionHTML, sectionHTMLIn, waitForBailOut } from './lib/section-html.ts';
import { inEachBrowser, TEST_TIMEOUT } from './lib/session.ts';

inEachBrowser('turning Threadlight off for the site', (session) => {
  for (const testPage of nestedThreadPages()) {
    it(`restores the section's outerHTML exactly, without reload (${testPage.label})`, { timeout: TEST_TIMEOUT }, async () => {
      const { browser, server } = session();
      const url = server.url(testPage.path);
      try {
        // The section as the page made it: a tab opened while the site is off.
        await browser.setOptions({ disabledSites: ['127.0.0.1'] });
        const original = await session().openPage(url);
        await waitForBailOut(original);
        assert.deepEqual(await original.run(readThreadlightTraces), [], 'the reference copy was not enhanced');
        // Captured whole now: once the site is back on, this tab may get enhanced live.
        const originalDocument = await original.run(documentHTML);
        await original.close();

        await browser.setOptions({ disabledSites: [] });
        const page = await session().openTestPage(testPage);
        const where = await page.run(locateSectionRoot);
        assert.ok(where, 'the page got enhanced');
        const originalHTML = await page.run(sectionHTMLIn, { html: originalDocument, where });
        assert.ok(originalHTML, `the reference copy has the section (${where.selector})`);
        assert.notEqual(await page.run(sectionHTML, where), originalHTML, 'enhancement changed the section');
        await page.run(() => ((globalThis as { threadlightE2eSentinel?: boolean }).threadlightE2eSentinel = true));

        await browser.setOptions({ disabledSites: ['127.0.0.1'] });
        await page.waitUntil(() => !document.querySelector('[data-threadlight]'), undefined, { what: 'the view to be removed' });
        assert.equal(await page.run(() => (globalThis as { threadlightE2eSentinel?: boolean }).threadlightE2eSentinel), true, 'no reload');
        assert.equal(await page.run(sectionHTML, where), originalHTML, 'section outerHTML restored exactly');
        assert.deepEqual(await page.run(readThreadlightTraces), [], 'no data-threadlight* attribute left');
        assert.equal(await page.run(() => document.querySelectorAll('[class*="threadlight-"]').length), 0, 'no Threadlight element left');
        await page.close();
      } finally {
        await browser.setOptions({ disabledSites: [] });
      }
    });
  }

  it('a page opened while the site is off stays as it was', { timeout: TEST_TIMEOUT }, async () => {
    const { browser } = session();
    try {
      await browser.setOptions({ disabledSites: ['127.0.0.1'] });
      const page = await session().openPage(session().server.url(englishThreadPage().path));
      await waitForBailOut(page);
      assert.deepEqual(await page.run(readThreadlightTraces), []);
      await page.close();
    } finally {
      await browser.setOptions({ disabledSites: [] });
    }
  });
});
