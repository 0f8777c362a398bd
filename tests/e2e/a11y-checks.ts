/**
 * The accessibility checks of a11y.test.ts and a11y-fixtures.test.ts: each page checked with Threadlight off for
 * the site (the page's own findings) and then on, in place, unfolded and folded; what axe finds only with the view
 * is Threadlight's. Screenshots of what a person sees land in e2e-results/<browser>/a11y-*.png.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { addedFindings, describeFindings, ourSmallTargets, runAxe } from './lib/axe.ts';
import type { E2EPage } from './lib/browsers.ts';
import { corpusDir, repoRoot } from './lib/paths.ts';
import type { Session } from './lib/session.ts';

export const HOST = '127.0.0.1';
export const THEMES = ['twentytwentyone', 'twentytwentytwo', 'twentytwentythree'];
export const FIXTURES_DIR = path.join(repoRoot, 'tests/fixtures/markup');

/** The markup fixtures whose truth holds a thread (the others are detection's business). */
export const FIXTURES = fs
  .readdirSync(FIXTURES_DIR)
  .filter((file) => file.endsWith('.truth.json'))
  .filter((file) => (JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, file), 'utf8')) as { comments: unknown[] }).comments.length > 0)
  .map((file) => file.replace(/\.truth\.json$/, ''))
  .sort();

/** A theme-like dark scheme: the page's own colours inverted by a stylesheet in its head (before we read them). */
export const DARK_CSS = `<style>
body, .site, .wp-site-blocks { background: #16181d !important; color: #e6e6e6 !important; }
a { color: #8ab4ff !important; }
:root { --global--color-primary: #e6e6e6; --global--color-secondary: #e6e6e6; --global--color-background: #16181d;
  --wp--preset--color--base: #16181d; --wp--preset--color--contrast: #e6e6e6; --wp--preset--color--primary: #8ab4ff; }
</style>`;

/** A corpus page served as an ad-hoc page (dark or not), its assets still found through <base>. */
export function corpusVariant(session: Session, theme: string, variant: string, dark: boolean): string {
  const html = fs.readFileSync(path.join(corpusDir, theme, `${variant}.html`), 'utf8');
  // <base> first in <head>: stylesheets are fetched as their <link> is parsed, against the base known then.
  const base = `<base href="${session.server.origin}/${theme}/">`;
  const withBase = html.replace(/<head([^>]*)>/i, (head) => `${head}${base}`);
  return session.server.addPage(`${theme}-${variant}${dark ? '-dark' : ''}.html`, dark ? withBase.replace(/<\/head>/i, `${DARK_CSS}</head>`) : withBase);
}

export function fixturePage(session: Session, name: string): string {
  return session.server.addPage(`fixture-${name}.html`, fs.readFileSync(path.join(FIXTURES_DIR, `${name}.html`), 'utf8'));
}

export async function open(session: Session, url: string): Promise<E2EPage> {
  const tab = await session.openPage(url);
  await tab.waitUntil(
    () => performance.getEntriesByName('threadlight:rendered').length > 0 || performance.getEntriesByName('threadlight:bail').length > 0,
    undefined,
    { what: 'the content script to finish (threadlight:rendered or :bail)' },
  );
  return tab;
}

/**
 * The page loaded with Threadlight off for the site, checked (the page's own findings), then turned on in place
 * (the options apply live): returns the tab with the view mounted, its toolbar drawn, and the baseline.
 */
export async function openOffThenOn(session: Session, url: string, label: string) {
  await session.browser.setOptions({ disabledSites: [HOST] });
  const tab = await open(session, url);
  assert.equal(await tab.run(() => document.querySelector('[data-threadlight="enhanced"]') === null), true, `${label}: off for the site`);
  const baseline = await runAxe(tab, true);
  await session.browser.setOptions({ disabledSites: [] });
  await tab.waitUntil(
    () =>
      document.querySelector('[data-threadlight="enhanced"]') !== null &&
      performance.getEntriesByName('threadlight:rendered').length > 0 &&
      !!document.querySelector('threadlight-toolbar')?.shadowRoot?.querySelector('section'),
    undefined,
    { what: `${label}: the view and its toolbar once turned on` },
  );
  return { tab, baseline };
}

/** Check `url` with the view, unfolded then folded; returns what was added, per state. */
export async function check(session: Session, url: string, label: string, screenshot: string | null): Promise<string[]> {
  const { tab, baseline } = await openOffThenOn(session, url, label);
  const problems: string[] = [];
  const unfolded = addedFindings(await runAxe(tab), baseline);
  if (unfolded.length > 0) problems.push(`${label}, unfolded:\n${describeFindings(unfolded)}`);
  const small = await tab.run(ourSmallTargets);
  if (small.length > 0) problems.push(`${label}: controls under 24 × 24 px (WCAG 2.5.8):\n${small.join('\n')}`);
  if (screenshot) {
    await tab.run(() => document.querySelector('[data-threadlight-toggle]')?.closest('[data-threadlight-comment]')?.scrollIntoView({ block: 'start' }));
    await tab.screenshot(`a11y-${screenshot}-unfolded`);
  }
  const foldable = await tab.run(() => document.querySelectorAll('[data-threadlight-toggle]').length);
  if (foldable > 0) {
    await tab.press('Shift+C');
    await tab.waitUntil(() => document.querySelectorAll('[data-threadlight-collapsed]').length > 0, undefined, { what: `${label}: Shift+C to fold` });
    const folded = addedFindings(await runAxe(tab), baseline);
    if (folded.length > 0) problems.push(`${label}, folded:\n${describeFindings(folded)}`);
    if (screenshot) {
      await tab.run(() => document.querySelector('[data-threadlight-collapsed]')?.scrollIntoView({ block: 'start' }));
      await tab.screenshot(`a11y-${screenshot}-folded`);
    }
  }
  await tab.close();
  return problems;
}

