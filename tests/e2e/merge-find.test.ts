/**
 * "Show all pages" and "find in thread" with the built extension, in real Chromium and Firefox, on the corpus's paged
 * post served at its own paths (issue #13): opened on page 1 or on the post URL, one click shows all 58 comments in
 * reading order with exact parents and depths; turning Threadlight off restores the page exactly; a hostile page
 * merged as page 2 runs nothing; find (`/`) opens the folded thread that holds the current match, highlighted with
 * the CSS Custom Highlight API, and Escape restores the view.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { buildXssPage, PWNED_RECORDER } from '../hostile/hostile-pages.ts';
import { asCommentPage, pageHtml, ORIGIN, POST_PATH, type SiteOptions } from '../unit/merge/synthetic-site.ts';
import { openOffThenOn } from './a11y-checks.ts';
import { addedFindings, describeFindings, ourSmallTargets, runAxe } from './lib/axe.ts';
import type { E2EBrowser, E2EPage } from './lib/browsers.ts';
import { THEMES } from './lib/corpus.ts';
import { servePagedPost } from './lib/paged-site.ts';
import { documentHTML, locateSectionRoot, sectionHTML, sectionHTMLIn, waitForBailOut } from './lib/section-html.ts';
import { lookThroughPage } from './lib/probes.ts';
import { startServer } from './lib/server.ts';
import { inEachBrowser, TEST_TIMEOUT, waitForContentScript } from './lib/session.ts';
import { sharedOrNotice } from './lib/paths.ts';

/** In-page: every comment the view marked, in document order, as `id parent depth` (the parent from the nesting). */
const readThread = (): string[] =>
  Array.from(document.querySelectorAll('[data-threadlight-comment]')).map((element) => {
    const parent = element.parentElement?.closest('[data-threadlight-comment]');
    return `${element.getAttribute('data-threadlight-comment')} ${parent ? parent.getAttribute('data-threadlight-comment') : '-'} ${element.getAttribute('data-threadlight-depth')}`;
  });

/** In-page: a toolbar control or status (in the toolbar's shadow root), as text; null when absent. */
const toolbarText = (name: string): string | null => {
  const shadow = document.querySelector('threadlight-toolbar')?.shadowRoot;
  const element = shadow?.querySelector(`[data-threadlight-action="${name}"], [data-threadlight-status="${name}"]`);
  return element ? (element.textContent ?? '') : null;
};

/** In-page: click a toolbar control. */
const clickToolbar = (name: string): boolean => {
  const button = document.querySelector('threadlight-toolbar')?.shadowRoot?.querySelector<HTMLElement>(`[data-threadlight-action="${name}"]`);
  button?.click();
  return !!button;
};

/** In-page: the toolbar's live region text. */
const announced = (): string => document.querySelector('threadlight-toolbar')?.shadowRoot?.querySelector('[aria-live]')?.textContent ?? '';

const pwnedCalls = () => ((window as unknown as { __pwnedCalls?: string[] }).__pwnedCalls ?? []).slice();

/** Click "Show all pages" once, wait for the outcome. */
async function showAllPages(page: E2EPage, browser?: E2EBrowser): Promise<string> {
  await page.waitUntil(toolbarText, 'load-all-pages', { what: 'the "show all pages" control' });
  assert.equal(await page.run(clickToolbar, 'load-all-pages'), true);
  try {
    await page.waitUntil(
      () => {
        // Done: the control is gone (every page shown), or back with the outcome beside it (a page missing).
        const shadow = document.querySelector('threadlight-toolbar')?.shadowRoot;
        const control = shadow?.querySelector('[data-threadlight-action="load-all-pages"]');
        return control?.getAttribute('aria-pressed') !== 'true' && (!control || !!shadow?.querySelector('[data-threadlight-status="merge-progress"]'));
      },
      undefined,
      { what: 'the merge to end', timeout: 30_000 },
    );
  } catch (error) {
    const control = await page.run(toolbarText, 'load-all-pages');
    const status = await page.run(toolbarText, 'merge-progress');
    // What the content script recorded (the popup's diagnostics).
    const popup = browser ? await browser.openPopup(page).catch(() => null) : null;
    const errors = popup ? await popup.run(() => Array.from(document.querySelectorAll('.diagnostics code')).map((code) => code.textContent)) : [];
    await popup?.close();
    throw new Error(`${(error as Error).message}; control: ${control}; status: ${status}; errors: ${JSON.stringify(errors)}`);
  }
  const status = await page.run(toolbarText, 'merge-progress');
  if (status !== null) return status;
  // Every page shown: the outcome is announced (the toolbar's live region), the figures say the count.
  await page.waitUntil(() => /pages shown/.test(document.querySelector('threadlight-toolbar')?.shadowRoot?.querySelector('[aria-live]')?.textContent ?? ''), undefined, { what: 'the outcome announced' });
  return page.run(announced);
}

if (sharedOrNotice('show all comment pages and find, on the paged corpus post')) inEachBrowser('show all comment pages and find in them', (session) => {
  for (const theme of THEMES) {
    it(`${theme}: from page 1 and from the post URL, one click shows all 58 comments in reading order; off restores both pages exactly`, { timeout: TEST_TIMEOUT * 3 }, async () => {
      const { browser } = session();
      const server = await startServer();
      try {
        const post = servePagedPost(server, theme);
        const expected = post.pages.flatMap((page) => page.truth.comments.map((c) => `${c.wp_id} ${c.parent_wp_id === 0 ? '-' : c.parent_wp_id} ${c.depth}`));
        assert.equal(expected.length, 58);
        for (const url of [post.pages[0]!.url, post.postUrl]) {
          // The page as its site made it (Threadlight off for the site), to compare with after turning off.
          await browser.setOptions({ disabledSites: ['127.0.0.1'] });
          const reference = await session().openPage(url);
          await waitForBailOut(reference);
          const originalDocument = await reference.run(documentHTML);
          await reference.close();
          await browser.setOptions({ disabledSites: [] });

          const page = await session().openPage(url);
          await waitForContentScript(page);
          const where = await page.run(locateSectionRoot);
          assert.ok(where, `${url} got enhanced`);
          const onePage = await page.run(readThread);
          assert.ok(onePage.length < 58 && onePage.length > 0, `${onePage.length} comments before`);
          const outcome = await showAllPages(page, session().browser);
          assert.match(outcome, /All 2 pages shown/);
          // The view marks comments in slices (the screen first): wait for the last one.
          await page.waitUntil((count) => document.querySelectorAll('[data-threadlight-comment]').length === count, expected.length, { what: 'every comment marked' });
          assert.deepEqual(await page.run(readThread), expected, `${url}: reading order, parents and depths`);
          // The figures count people's comments: the thread's pingback apart.
          const people = post.pages.flatMap((p) => p.truth.comments).filter((c) => c.type === 'comment').length;
          assert.match((await page.run(toolbarText, 'figures')) ?? '', new RegExp(`^${people} comments`));
          assert.equal(await page.run(toolbarText, 'load-all-pages'), null, 'nothing left to load: the control is gone');
          const mergedCount = await page.run(() => document.querySelectorAll('[data-threadlight-merged]').length);
          assert.equal(mergedCount, 58 - onePage.length);
          // No screenshot before the restore check: the driver's screenshot leaves style="" on the form's fields
          // (it hides their caret), which would be the page changing, not us.

          await browser.setOptions({ disabledSites: ['127.0.0.1'] });
          await page.waitUntil(() => !document.querySelector('[data-threadlight]'), undefined, { what: 'the view to be removed' });
          const originalHTML = await page.run(sectionHTMLIn, { html: originalDocument, where });
          assert.ok(originalHTML);
          assert.equal(await page.run(sectionHTML, where), originalHTML, `${url}: section restored exactly`);
          assert.equal(await page.run(() => document.querySelectorAll('[data-threadlight-merged], [class*="threadlight-"]').length), 0);
          await page.close();
          await browser.setOptions({ disabledSites: [] });
        }
        // What the reader sees, merged (after the checks above: see the note on screenshots).
        const shown = await session().openPage(post.postUrl);
        await waitForContentScript(shown);
        await showAllPages(shown, session().browser);
        await shown.screenshot(`merge-${theme}`);
        await shown.close();
      } finally {
        await server.close();
        await browser.setOptions({ disabledSites: [] });
      }
    });
  }

  it('a hostile page merged as page 2: its comments are shown, none of its payloads runs', { timeout: TEST_TIMEOUT * 2 }, async () => {
    const server = await startServer();
    const site: SiteOptions = { pages: 2, perPage: 2 };
    const local = (html: string) => html.replaceAll(ORIGIN, server.origin);
    try {
      const first = local(pageHtml(1, site).replace('<head>', `<head>\n${PWNED_RECORDER}`));
      const hostile = local(asCommentPage(buildXssPage().html, 2, site));
      const pageOne = server.serveAt(`${POST_PATH}comment-page-1/`, first);
      server.serveAt(POST_PATH, hostile);
      server.serveAt(`${POST_PATH}comment-page-2/`, hostile);
      const page = await session().openPage(pageOne);
      await waitForContentScript(page);
      const outcome = await showAllPages(page, session().browser);
      assert.match(outcome, /All 2 pages shown/);
      const merged = await page.run(() => document.querySelectorAll('[data-threadlight-merged]').length);
      assert.ok(merged > 150, `${merged} hostile comments merged`);
      // Give images time to fail and anything scheduled time to run, then look through the page, unfolded.
      await page.run(lookThroughPage);
      assert.deepEqual(await page.run(pwnedCalls), [], 'no payload ran');
      await page.close();
    } finally {
      await server.close();
    }
  });

  it('find: / opens the field, accent- and case-insensitive, Enter opens the folded thread holding the match, Esc restores', { timeout: TEST_TIMEOUT * 2 }, async () => {
    const server = await startServer();
    try {
      const post = servePagedPost(server, 'twentytwentyone');
      const page = await session().openPage(post.pages[0]!.url);
      await waitForContentScript(page);
      await showAllPages(page, session().browser);
      // A merged reply with an accented word: fold its thread, then look for that word without accents, in capitals.
      const target = await page.run(() => {
        for (const element of Array.from(document.querySelectorAll('[data-threadlight-merged]'))) {
          if (Number(element.getAttribute('data-threadlight-depth')) < 2) continue;
          const body = element.querySelector('[data-threadlight-body]') ?? element;
          const word = (body.textContent ?? '').split(/\s+/).map((w) => w.replace(/[^\p{L}]/gu, '')).find((w) => /[éèàç]/.test(w) && w.length >= 7);
          let root: Element = element;
          for (let up = element.parentElement?.closest('[data-threadlight-comment]'); up; up = up.parentElement?.closest('[data-threadlight-comment]')) root = up;
          if (word) return { id: element.getAttribute('data-threadlight-comment')!, rootId: root.getAttribute('data-threadlight-comment')!, word };
        }
        return null;
      });
      assert.ok(target, 'a merged reply with an accented word');
      const query = target.word.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
      await page.run((id) => document.querySelector<HTMLElement>(`[data-threadlight-toggle="${id}"]`)!.click(), target.rootId);
      const visible = (id: string) => document.querySelector(`[data-threadlight-comment="${id}"]`)!.checkVisibility();
      assert.equal(await page.run(visible, target.id), false, 'the reply is folded away');
      const scrollBefore = await page.run(() => window.scrollY);

      await page.press('/');
      await page.waitUntil(() => document.querySelector('threadlight-toolbar')?.shadowRoot?.activeElement?.getAttribute('data-threadlight-action') === 'find-field', undefined, { what: 'the find field to take the focus' });
      await page.type(query);
      await page.waitUntil((text) => (document.querySelector('threadlight-toolbar')?.shadowRoot?.querySelector('[data-threadlight-status="find-count"]')?.textContent ?? '').startsWith('– /') && !!text, query, { what: 'the count' });
      const total = Number(((await page.run(toolbarText, 'find-count')) ?? '').split('/ ')[1]);
      assert.ok(total >= 1, `${total} matches`);
      await page.waitUntil(() => /match/.test(document.querySelector('threadlight-toolbar')?.shadowRoot?.querySelector('[aria-live]')?.textContent ?? ''), undefined, { what: 'the count announced' });
      assert.match(await page.run(announced), /\d+ match(es)? in \d+ comments?/);
      let steps = 0;
      while (!(await page.run(visible, target.id)) && steps < total) {
        await page.press('Enter');
        steps++;
      }
      assert.equal(await page.run(visible, target.id), true, 'Enter opened the folded thread holding the match');
      assert.equal(await page.run(toolbarText, 'find-count'), `${steps} / ${total}`);
      const highlights = await page.run(() => {
        const registry = (CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
        return registry ? [...registry.keys()].sort() : null;
      });
      assert.deepEqual(highlights, ['threadlight-find', 'threadlight-find-current'], 'matches drawn through CSS.highlights');
      await page.screenshot('find-match');

      await page.press('Escape');
      await page.waitUntil(() => !document.querySelector('threadlight-toolbar')?.shadowRoot?.querySelector('[data-threadlight-action="find-field"]'), undefined, { what: 'the field to close' });
      assert.equal(await page.run(visible, target.id), false, 'Escape folded the thread again');
      assert.equal(await page.run(() => document.querySelectorAll('[data-threadlight-match]').length), 0);
      assert.deepEqual(await page.run(() => [...((CSS as unknown as { highlights?: Map<string, unknown> }).highlights?.keys() ?? [])]), []);
      const scrollAfter = await page.run(() => window.scrollY);
      assert.ok(Math.abs(scrollAfter - scrollBefore) < 2, `the scroll position is back (${scrollBefore} → ${scrollAfter})`);
      await page.close();
    } finally {
      await server.close();
    }
  });

  it('adds no accessibility violation: the control, the merged comments, the find field with matches (axe-core)', { timeout: TEST_TIMEOUT * 2 }, async () => {
    const server = await startServer();
    try {
      const post = servePagedPost(server, 'twentytwentyone');
      const { tab, baseline } = await openOffThenOn(session(), post.pages[0]!.url, 'paged page 1');
      const problems: string[] = [];
      const withControl = addedFindings(await runAxe(tab), baseline);
      if (withControl.length > 0) problems.push(`with the control:\n${describeFindings(withControl)}`);
      await showAllPages(tab, session().browser);
      await tab.press('/');
      await tab.waitUntil(() => document.querySelector('threadlight-toolbar')?.shadowRoot?.activeElement?.getAttribute('data-threadlight-action') === 'find-field', undefined, { what: 'the find field' });
      await tab.type('formation');
      await tab.press('Enter');
      const withFind = addedFindings(await runAxe(tab), baseline);
      if (withFind.length > 0) problems.push(`merged, find open:\n${describeFindings(withFind)}`);
      const small = await tab.run(ourSmallTargets);
      if (small.length > 0) problems.push(`controls under 24 × 24 px:\n${small.join('\n')}`);
      assert.deepEqual(problems, []);
      await tab.close();
    } finally {
      await server.close();
    }
  });
});
