/**
 * Accessibility: axe-core finds nothing that Threadlight adds, on every corpus theme (light, and dark through a
 * theme-like dark stylesheet), unfolded and folded, and with the help dialog or a preview card open. The markup
 * fixtures are in a11y-fixtures.test.ts. How a page is checked: a11y-checks.ts.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { check, corpusVariant, openOffThenOn, THEMES } from './a11y-checks.ts';
import { addedFindings, AXE_VERSION, describeFindings, ourSmallTargets, runAxe } from './lib/axe.ts';
import { inEachBrowser, TEST_TIMEOUT } from './lib/session.ts';
import { sharedOrNotice } from './lib/paths.ts';

if (sharedOrNotice('axe-core on the corpus themes (the markup fixtures run in a11y-fixtures.test.ts)')) inEachBrowser('accessibility (axe-core)', (session) => {
  it(`axe-core ${AXE_VERSION} runs in the page and finds a known violation (control)`, { timeout: TEST_TIMEOUT }, async () => {
    const url = session().server.addPage('axe-control.html', '<!doctype html><html lang="en"><body><main><img src="x.png"><button></button></main></body></html>');
    const tab = await session().openPage(url);
    const rules = new Set((await runAxe(tab)).map((finding) => finding.rule));
    assert.ok(rules.has('image-alt') && rules.has('button-name'), `axe found ${[...rules].join(', ')}`);
    await tab.close();
  });

  for (const theme of THEMES) {
    for (const dark of [false, true]) {
      it(`adds no violation on ${theme} seed-004${dark ? ' (dark)' : ''}, unfolded and folded`, { timeout: 3 * TEST_TIMEOUT }, async () => {
        const url = corpusVariant(session(), theme, 'seed-004', dark);
        const problems = await check(session(), url, `${theme} seed-004${dark ? ' dark' : ''}`, `${theme}${dark ? '-dark' : ''}`);
        assert.deepEqual(problems, []);
      });
    }
    it(`adds no violation on ${theme} seed-001-flat (reply lines) and seed-003 (pingbacks)`, { timeout: 3 * TEST_TIMEOUT }, async () => {
      const problems = [
        ...(await check(session(), corpusVariant(session(), theme, 'seed-001-flat', false), `${theme} seed-001-flat`, null)),
        ...(await check(session(), corpusVariant(session(), theme, 'seed-003', false), `${theme} seed-003`, null)),
      ];
      assert.deepEqual(problems, []);
    });
  }

  it('adds no violation with the help dialog or a preview card open (light and dark)', { timeout: 3 * TEST_TIMEOUT }, async () => {
    const problems: string[] = [];
    for (const dark of [false, true]) {
      const url = corpusVariant(session(), 'twentytwentyone', 'seed-004', dark);
      const { tab, baseline } = await openOffThenOn(session(), url, `help${dark ? ' dark' : ''}`);
      await tab.press('?');
      await tab.waitUntil(() => !!document.querySelector('threadlight-help')?.shadowRoot?.querySelector('dialog[open]'), undefined, { what: 'the help dialog' });
      const withHelp = addedFindings(await runAxe(tab), baseline);
      if (withHelp.length > 0) problems.push(`help${dark ? ' dark' : ''}:\n${describeFindings(withHelp)}`);
      const small = await tab.run(ourSmallTargets);
      if (small.length > 0) problems.push(`help: controls under 24 × 24 px:\n${small.join('\n')}`);
      await tab.screenshot(`a11y-help${dark ? '-dark' : ''}`);
      await tab.press('Escape');
      await tab.waitUntil(() => document.querySelector('threadlight-help') === null, undefined, { what: 'Escape to close the help' });
      await tab.focus('[data-threadlight-preview]');
      await tab.waitUntil(() => !!document.querySelector('threadlight-preview')?.shadowRoot?.querySelector('.card:not([hidden])'), undefined, {
        what: 'a preview card',
      });
      const withCard = addedFindings(await runAxe(tab), baseline);
      if (withCard.length > 0) problems.push(`preview${dark ? ' dark' : ''}:\n${describeFindings(withCard)}`);
      await tab.screenshot(`a11y-preview${dark ? '-dark' : ''}`);
      await tab.close();
    }
    assert.deepEqual(problems, []);
  });
});
