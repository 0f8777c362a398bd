/**
 * Hostile comments in real browsers: the payload pages of tests/hostile, enhanced, collapsed, expanded, previewed,
 * navigated and listed in the popup; then Threadlight is turned off. Nothing may run because of us.
 *
 * How we tell our doing from the page's: every payload calls __pwned('<id>'), which the page records. The same
 * page is first loaded with Threadlight off for the site (the baseline: the page's own live payloads run there),
 * then with the view on and exercised. With the view, no payload may run more often than in the baseline, and the
 * inert ones (entity-encoded text, attribute values, raw-text elements) never at all.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { AS_PINGBACK_IDS, buildClobberingPage, buildXssPage, type HostilePage } from '../hostile/hostile-pages.ts';
import type { Payload } from '../hostile/payloads.ts';
import type { E2EPage } from './lib/browsers.ts';
import { message, readCatalog } from './lib/corpus.ts';
import { inEachBrowser, TEST_TIMEOUT, type Session } from './lib/session.ts';
import {
  auditExtensionDom,
  blurActive,
  collapsedCount,
  commentsAreaHtml,
  contentScriptDone,
  isEnhanced,
  readCalls,
  readPopupParticipants,
  readPreviewCard,
  scrollThrough,
} from './hostile-probes.ts';

const HOST = '127.0.0.1';
/** Threads open at start (the hostile page is above the big-thread threshold): every reply line is focusable. */
const ALL_OPEN = { bigThreadThreshold: 0, autoCollapseDepth: 0 };

/** The text an HTML-escaped payload shows (the payloads are written with &lt; &gt; &quot; &amp; &#39; only). */
function decodeEscaped(markup: string): string {
  return markup.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** Text a payload shows in a name or text slot, when it is plain escaped text (null when it holds live markup). */
function shownText(payload: Payload): string | null {
  return /<[a-z!/]/i.test(payload.markup) ? null : decodeEscaped(payload.markup).replace(/\s+/g, ' ').trim();
}

/** Where two long strings part, with some context (assert's own diff cuts 260 KB pages short). */
function firstDifference(actual: string, expected: string): string {
  let i = 0;
  while (i < actual.length && actual[i] === expected[i]) i++;
  const around = (text: string) => JSON.stringify(text.slice(Math.max(0, i - 120), i + 200));
  return `first difference at ${i}:\n  now:    ${around(actual)}\n  before: ${around(expected)}`;
}

function counts(calls: string[]): Map<string, number> {
  const result = new Map<string, number>();
  for (const id of calls) result.set(id, (result.get(id) ?? 0) + 1);
  return result;
}

/** Calls seen with the view that the baseline did not make (or made fewer times). */
function extraCalls(withView: string[], baseline: string[]): string[] {
  const allowed = counts(baseline);
  return [...counts(withView)].filter(([id, n]) => n > (allowed.get(id) ?? 0)).map(([id, n]) => `${id} ×${n} (baseline ×${allowed.get(id) ?? 0})`);
}

async function openHostile(session: Session, page: HostilePage): Promise<E2EPage> {
  const tab = await session.openPage(session.server.addPage(page.file, page.html));
  await tab.waitUntil(contentScriptDone, undefined, { what: 'the content script to finish (threadlight:rendered or :bail)' });
  return tab;
}

interface Baseline {
  calls: string[];
  html: string;
}

/** The page with Threadlight off for the site: the calls the page makes by itself, and its comments area. */
async function loadBaseline(session: Session, page: HostilePage): Promise<Baseline> {
  await session.browser.setOptions({ ...ALL_OPEN, disabledSites: [HOST] });
  const tab = await openHostile(session, page);
  assert.equal(await tab.run(isEnhanced), false, 'off for the site: not enhanced');
  await tab.run(scrollThrough);
  const baseline = { calls: await tab.run(readCalls), html: await tab.run(commentsAreaHtml) };
  await tab.close();
  await session.browser.setOptions({ disabledSites: [] });
  return baseline;
}

/** Turn Threadlight off for the site while `tab` is enhanced: the comments area must be the page's own again. */
async function turnOffAndCompare(session: Session, tab: E2EPage, baseline: Baseline): Promise<void> {
  await session.browser.setOptions({ disabledSites: [HOST] });
  await tab.waitUntil(() => Document.prototype.getElementById.call(document, 'comments')?.getAttribute('data-threadlight') !== 'enhanced', undefined, {
    what: 'the view to go away when turned off for the site',
  });
  const after = await tab.run(commentsAreaHtml);
  assert.ok(after === baseline.html, `turned off: the comments area is exactly the page’s own; ${firstDifference(after, baseline.html)}`);
  await session.browser.setOptions({ disabledSites: [] });
}

/**
 * Show the preview of each hostile comment by focusing the preview link of its quiet reply (the "↑ parent" link,
 * or the "In reply to" line where the markup does not nest it). Every comment with a parent must have exactly one
 * preview link, and every hostile comment (pingbacks aside: nobody replies to them) must be previewed: a missing
 * link is a problem, never a skip. Returns the problems and how many previews were exercised.
 */
async function previewEach(tab: E2EPage, page: HostilePage): Promise<{ problems: string[]; exercised: number }> {
  const problems: string[] = [];
  let exercised = 0;
  const withParent = page.comments.filter(({ payload }) => !AS_PINGBACK_IDS.has(payload.id));
  // Every reply and every answer has a parent: each holds exactly one preview link, to that parent.
  const linkCounts = await tab.run(
    (ids) =>
      ids.map((id) => {
        const body = Document.prototype.getElementById.call(document, `div-comment-${id}`);
        return body ? Element.prototype.querySelectorAll.call(body, '[data-threadlight-preview]').length : -1;
      }),
    withParent.flatMap(({ replyId, answerId }) => [replyId, answerId]),
  );
  linkCounts.forEach((count, i) => {
    if (count !== 1) problems.push(`comment ${withParent[Math.floor(i / 2)]![i % 2 === 0 ? 'replyId' : 'answerId']}: ${count} preview links (1 expected)`);
  });
  for (const { id, replyId, payload } of withParent) {
    const link = `#div-comment-${replyId} [data-threadlight-preview="${id}"]`;
    const exists = await tab.run((selector) => Document.prototype.querySelector.call(document, selector) !== null, link);
    if (!exists) {
      problems.push(`${payload.id}: no preview link to comment ${id} in its reply ${replyId}`);
      continue;
    }
    await tab.focus(link);
    try {
      await tab.waitUntil(
        (want) => {
          const host = Document.prototype.querySelector.call(document, 'threadlight-preview');
          const card = host?.shadowRoot ? DocumentFragment.prototype.querySelector.call(host.shadowRoot, '.card') : null;
          return !!card && !(card as HTMLElement).hidden && (card.textContent ?? '').includes(want);
        },
        `Payload ${payload.id}`,
        { what: `the preview of comment ${id} (${payload.id})`, timeout: 3_000 },
      );
    } catch (error) {
      problems.push((error as Error).message);
      if (problems.length > 3) break;
      continue;
    }
    exercised++;
    const card = await tab.run(readPreviewCard);
    problems.push(...card.problems.map((p) => `${payload.id}: ${p}`));
    const text = shownText(payload);
    if (payload.slot === 'name' && text !== null && card.author !== text) problems.push(`${payload.id}: card author "${card.author}" ≠ "${text}"`);
    if (payload.slot === 'content' && text !== null && !card.text.includes(text)) problems.push(`${payload.id}: the card does not show the text "${text}"`);
  }
  await tab.run(blurActive);
  return { problems, exercised };
}

/** Collapse and expand: all threads (Shift+C twice, back to the start), then each hostile thread's own toggle. */
async function foldAndUnfold(tab: E2EPage, page: HostilePage): Promise<void> {
  await tab.run(blurActive);
  // Big threads may start folded (bigThreadThreshold): Shift+C flips between all folded and all open.
  const start = await tab.run(collapsedCount);
  await tab.press('Shift+C');
  await tab.waitUntil((before) => Document.prototype.querySelectorAll.call(document, '[data-threadlight-collapsed]').length !== before, start, {
    what: 'Shift+C to fold or unfold every thread',
  });
  const flipped = await tab.run(collapsedCount);
  await tab.press('Shift+C');
  await tab.waitUntil((before) => Document.prototype.querySelectorAll.call(document, '[data-threadlight-collapsed]').length !== before, flipped, {
    what: 'Shift+C again to flip every thread back',
  });
  for (const { id } of page.comments.filter((_, i) => i % 6 === 0)) {
    const toggle = `[data-threadlight-toggle="${id}"]`;
    if (!(await tab.run((selector) => Document.prototype.querySelector.call(document, selector) !== null, toggle))) continue;
    await tab.click(toggle);
    await tab.click(toggle);
  }
  for (const key of ['j', 'j', 'j', 'k', 'n', 'p']) await tab.press(key);
}

inEachBrowser('hostile comments', (session) => {
  const xss = buildXssPage();

  it('the XSS page: nothing runs because of the view, previews and popup show names and text as text', { timeout: 4 * TEST_TIMEOUT }, async () => {
    const baseline = await loadBaseline(session(), xss);
    // Fixture check: the page really runs its live payloads, and never its inert ones.
    const baseCounts = counts(baseline.calls);
    const inertThatRan = xss.comments.filter((c) => c.payload.kind === 'inert' && baseCounts.has(c.payload.id)).map((c) => c.payload.id);
    assert.deepEqual(inertThatRan, [], 'inert payloads never run in the page itself');
    assert.ok(baseCounts.size >= 8, `the page runs its live payloads (canary): ${[...baseCounts.keys()].join(', ')}`);

    const tab = await openHostile(session(), xss);
    // Checked after every stage, so a failure names the stage that ran a payload.
    const stages: string[] = [];
    const checkpoint = async (stage: string) => {
      const extra = extraCalls(await tab.run(readCalls), baseline.calls);
      if (extra.length > 0 && !stages.some((line) => line.endsWith(extra.join(', ')))) stages.push(`after ${stage}: ${extra.join(', ')}`);
    };
    assert.equal(await tab.run(isEnhanced), true, 'the hostile page is enhanced');
    await checkpoint('mount');
    await tab.run(scrollThrough);
    await checkpoint('scrolling');
    await foldAndUnfold(tab, xss);
    await checkpoint('folding and keys');
    const previews = await previewEach(tab, xss);
    await checkpoint('previews');
    const previewable = xss.comments.filter((c) => !AS_PINGBACK_IDS.has(c.payload.id)).length;
    assert.ok(previewable >= 30, `the XSS page has hostile comments to preview (${previewable})`);
    assert.equal(previews.exercised, previewable, 'every hostile comment with a reply was previewed');
    assert.deepEqual(await tab.run(auditExtensionDom), [], 'nothing executable in what Threadlight inserted');
    await tab.screenshot('hostile-xss');

    const popup = await session().browser.openPopup(tab);
    await popup.waitUntil(() => document.querySelectorAll('.participant-list .participant').length > 0, undefined, {
      what: 'the popup to list participants',
    });
    const listed = await popup.run(readPopupParticipants);
    assert.deepEqual(listed.problems, [], 'nothing executable in the popup');
    const hostileNames = xss.comments.filter((c) => c.payload.slot === 'name' && c.payload.id !== 'n-script-breakout');
    for (const { payload } of hostileNames) {
      const text = shownText(payload);
      if (text !== null) assert.ok(listed.names.includes(text), `popup lists "${text}" (${payload.id}) as text`);
    }
    // Focusing a hostile participant from the popup highlights and scrolls to their comments.
    await popup.click('.participant-list li:first-child .participant');
    await tab.waitUntil(() => Document.prototype.querySelector.call(document, '[data-threadlight-focus]') !== null, undefined, {
      what: 'the popup to focus a participant on the page',
    });
    await popup.close();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await checkpoint('popup');
    assert.deepEqual(previews.problems, [], 'every hostile parent previews as sanitized text');

    await turnOffAndCompare(session(), tab, baseline);
    await checkpoint('turning off');
    assert.deepEqual(stages, [], 'no payload ran more often with the view than without');
    await tab.close();
  });

  it('the clobbering page: enhanced, folded and previewed despite shadowed DOM APIs, then restored exactly', { timeout: 4 * TEST_TIMEOUT }, async () => {
    const clobbering = buildClobberingPage();
    const baseline = await loadBaseline(session(), clobbering);
    const tab = await openHostile(session(), clobbering);
    if (!(await tab.run(isEnhanced))) {
      const popup = await session().browser.openPopup(tab);
      const loading = message(readCatalog('en'), 'popup_loading');
      await popup.waitUntil((text) => !document.body.innerText.includes(text), loading, { what: 'the popup to get the page state' });
      const said = await popup.run(() => document.body.innerText.replace(/\s+/g, ' '));
      await popup.close();
      // Chromium's isolated world sees a form's named inputs (<input name="getAttribute">); detection and parsing read
      // the DOM through the prototypes' accessors (utils/dom/safe-dom.ts), so the page must be enhanced in both browsers.
      assert.fail(`the clobbering page is not enhanced; the popup says: ${said}`);
    }
    await foldAndUnfold(tab, clobbering);
    const previews = await previewEach(tab, clobbering);
    assert.deepEqual(previews.problems, [], 'every comment previews');
    const previewable = clobbering.comments.filter((c) => !AS_PINGBACK_IDS.has(c.payload.id)).length;
    assert.ok(previewable > 0, 'the clobbering page has comments to preview');
    assert.equal(previews.exercised, previewable, 'every clobbering comment with a reply was previewed');
    assert.deepEqual(await tab.run(auditExtensionDom), [], 'nothing executable in what Threadlight inserted');
    assert.deepEqual(extraCalls(await tab.run(readCalls), baseline.calls), []);
    await turnOffAndCompare(session(), tab, baseline);
    await tab.close();
  });
});
