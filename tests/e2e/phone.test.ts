/**
 * Firefox for Android (which the manifest claims) and phones in general: at 360 CSS px wide, with touch and a
 * pointer that cannot hover, the page keeps its width, every control Threadlight adds is a target of at least
 * 44 × 44 px and works with a tap, the floating toolbar fits the screen, and the popup (a full page on Android)
 * fits too with targets of 44 px. Written against the DOM contract (docs/dom-contract.md), not class names.
 * Chromium runs its mobile emulation; Firefox the same viewport with touch input and a coarse, non-hovering pointer.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { PHONE_VIEWPORT } from './lib/browsers.ts';
import { biggestThread } from './lib/corpus.ts';
import { demoPage } from './lib/pages.ts';
import { readComments, toggleSays } from './lib/probes.ts';
import { inEachBrowser, TEST_TIMEOUT } from './lib/session.ts';

const MIN_TARGET = 44;

/** In-page: the size of every control Threadlight put in the page and in its toolbar's shadow root. */
const readTargets = () => {
  const box = (element: Element, what: string) => {
    const rect = element.getBoundingClientRect();
    return { what, width: Math.round(rect.width * 10) / 10, height: Math.round(rect.height * 10) / 10, left: rect.left, right: rect.right };
  };
  const toggles = Array.from(document.querySelectorAll('[data-threadlight-toggle], [data-threadlight-group]'))
    .filter((element) => element.checkVisibility())
    .map((element) => box(element, `toggle ${element.getAttribute('data-threadlight-toggle') ?? element.getAttribute('data-threadlight-group')}`));
  const toolbarHost = document.querySelector('[data-threadlight-ui="toolbar"]');
  const toolbar = Array.from(toolbarHost?.shadowRoot?.querySelectorAll('button') ?? [])
    .filter((button) => button.checkVisibility())
    .map((button) => box(button, `toolbar button "${button.getAttribute('aria-label') ?? button.textContent?.trim()}"`));
  return { toggles, toolbar, coarse: matchMedia('(pointer: coarse)').matches, hover: matchMedia('(hover: hover)').matches };
};

/** In-page: how wide the document is against the viewport. */
const readWidths = () => ({ scroll: document.documentElement.scrollWidth, viewport: innerWidth });

/** In-page: the popup's controls and their hit areas (a checkbox's is its label). */
const readPopupTargets = () =>
  Array.from(document.querySelectorAll('button, select, summary, input, a[href]'))
    .filter((element) => element.checkVisibility() && !(element instanceof HTMLInputElement && element.type === 'hidden'))
    .map((element) => {
      const target = element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio') ? (element.closest('label') ?? element) : element;
      const rect = target.getBoundingClientRect();
      return { what: `${element.tagName.toLowerCase()} ${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 30)}`, height: Math.round(rect.height), width: Math.round(rect.width), right: rect.right };
    });

const small = (targets: { what: string; width: number; height: number }[]) =>
  targets.filter((target) => target.width < MIN_TARGET || target.height < MIN_TARGET).map((target) => `${target.what}: ${target.width} × ${target.height}`);

inEachBrowser(
  'on a phone (360 px, touch)',
  (session) => {
    const testPage = demoPage('classic');

    it('emulates a touch screen that cannot hover, 360 px wide', { timeout: TEST_TIMEOUT }, async () => {
      const page = await session().openTestPage(testPage);
      const targets = await page.run(readTargets);
      // What the styles see (taps themselves are checked below; desktop Firefox keeps its touch-event API off).
      assert.deepEqual([targets.coarse, targets.hover], [true, false]);
      assert.equal((await page.run(readWidths)).viewport, PHONE_VIEWPORT.width);
      await page.close();
    });

    it('keeps the page its width; fold toggles and toolbar buttons are 44 px targets; the toolbar fits', { timeout: TEST_TIMEOUT }, async () => {
      const page = await session().openTestPage(testPage);
      // The toolbar shows while the thread is on screen.
      await page.run(() => document.querySelector('[data-threadlight-toggle]')?.scrollIntoView({ block: 'center', behavior: 'instant' }));
      await page.waitUntil(
        () => (document.querySelector('[data-threadlight-ui="toolbar"]')?.shadowRoot?.querySelectorAll('button') ?? []).length > 0 && document.querySelector('[data-threadlight-ui="toolbar"]')!.checkVisibility(),
        undefined,
        { what: 'the floating toolbar' },
      );
      const widths = await page.run(readWidths);
      assert.ok(widths.scroll <= widths.viewport, `no horizontal scroll: ${widths.scroll} > ${widths.viewport}`);
      const targets = await page.run(readTargets);
      assert.ok(targets.toggles.length >= 5, `${targets.toggles.length} toggles on screen or below`);
      assert.ok(targets.toolbar.length >= 2, `${targets.toolbar.length} toolbar buttons`);
      assert.deepEqual(small([...targets.toggles, ...targets.toolbar]), [], 'targets smaller than 44 × 44');
      for (const button of targets.toolbar) assert.ok(button.left >= 0 && button.right <= widths.viewport, `${button.what} inside the screen (${button.left}–${button.right})`);
      await page.screenshot('phone-thread');
      await page.close();
    });

    it('folds and unfolds a thread with a tap', { timeout: TEST_TIMEOUT }, async () => {
      const { id, descendants } = biggestThread(testPage.truth);
      const page = await session().openTestPage(testPage);
      const before = await page.run(readComments);
      const visibleBefore = new Set(before.filter((comment) => comment.visible).map((comment) => comment.id));
      await page.run((target) => document.querySelector(`[data-threadlight-toggle="${target}"]`)?.scrollIntoView({ block: 'center', behavior: 'instant' }), id);
      await page.tap(`[data-threadlight-toggle="${id}"]`);
      await page.waitUntil(toggleSays, { id, expanded: false }, { what: `a tap to fold ${id}` });
      const folded = await page.run(readComments);
      assert.deepEqual(folded.filter((comment) => !comment.visible && visibleBefore.has(comment.id)).map((comment) => comment.id), descendants, 'exactly its replies hidden');
      await page.screenshot('phone-folded');
      await page.tap(`[data-threadlight-toggle="${id}"]`);
      await page.waitUntil(toggleSays, { id, expanded: true }, { what: `a tap to unfold ${id}` });
      assert.deepEqual((await page.run(readComments)).map((comment) => [comment.id, comment.visible]), before.map((comment) => [comment.id, comment.visible]));
      await page.close();
    });

    it('the popup fits 360 px and its controls are 44 px targets', { timeout: TEST_TIMEOUT }, async () => {
      const page = await session().openTestPage(testPage);
      const popup = await session().browser.openPopup(page);
      await popup.waitUntil(() => document.querySelector('details') !== null, undefined, { what: 'the popup with its thread summary' });
      await popup.run(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
      const widths = await popup.run(readWidths);
      assert.equal(widths.viewport, PHONE_VIEWPORT.width);
      assert.ok(widths.scroll <= widths.viewport, `popup without horizontal scroll: ${widths.scroll} > ${widths.viewport}`);
      const targets = await popup.run(readPopupTargets);
      assert.ok(targets.length >= 8, `${targets.length} popup controls`);
      assert.deepEqual(targets.filter((target) => target.height < MIN_TARGET).map((target) => `${target.what}: ${target.width} × ${target.height}`), [], 'popup targets lower than 44 px');
      await popup.screenshot('phone-popup');
      await popup.close();
      await page.close();
    });
  },
  'en',
  { phone: true },
);
