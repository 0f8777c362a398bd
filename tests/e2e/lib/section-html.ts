/**
 * The enhanced section's HTML, read in the page (site-off and merge-pages tests: turning Threadlight off restores it
 * exactly), and the content script's bail-out on a site that is off. In-page functions are serialized.
 */
import assert from 'node:assert/strict';
import type { E2EPage } from './browsers.ts';

/** In-page: a way to find the enhanced section root again in another copy of the page (it may have no id). */
export const locateSectionRoot = (): { selector: string; index: number } | null => {
  const root = document.querySelector('[data-threadlight="enhanced"]');
  if (!root) return null;
  const classes = Array.from(root.classList).filter((name) => !name.startsWith('threadlight-'));
  const selector = root.id ? `#${CSS.escape(root.id)}` : [root.tagName.toLowerCase(), ...classes.map((c) => `.${CSS.escape(c)}`)].join('');
  return { selector, index: Array.from(document.querySelectorAll(selector)).indexOf(root) };
};

/** In-page: outerHTML of the located section root. */
export const sectionHTML = (where: { selector: string; index: number }): string | null =>
  document.querySelectorAll(where.selector)[where.index]?.outerHTML ?? null;

/** In-page: outerHTML of the located section root in another copy of the page, given as HTML. */
export const sectionHTMLIn = (arg: { html: string; where: { selector: string; index: number } }): string | null =>
  new DOMParser().parseFromString(arg.html, 'text/html').querySelectorAll(arg.where.selector)[arg.where.index]?.outerHTML ?? null;

/** In-page: the whole document as HTML. */
export const documentHTML = (): string => `<!DOCTYPE html>${document.documentElement.outerHTML}`;

/**
 * Wait for the content script's verdict on a page of a site that is off: it found the thread and bailed out
 * (`threadlight:bail`, and never `threadlight:ready`). A fixed sleep would also pass if the script never ran.
 */
export async function waitForBailOut(page: E2EPage): Promise<void> {
  await page.waitUntil(() => performance.getEntriesByName('threadlight:bail').length > 0, undefined, {
    what: 'the content script to bail out (threadlight:bail) on a site that is off',
  });
  assert.equal(await page.run(() => performance.getEntriesByName('threadlight:ready').length), 0, 'the view never got ready');
}
