/**
 * The background keeps the toolbar badge (the comment count of each tab, as its content script reports it) and
 * injects the full content script where the loader found comment signals. No network, no remote code, no state of
 * its own (an MV3 service worker may be stopped at any time).
 */
import { browser, defineBackground } from '#imports';
import { formatBadgeCount } from '@/utils/i18n/format';
import { onMessage } from '@/utils/messaging/protocol';

/** Quiet slate grey with white text: the badge informs, it does not alarm. */
const BADGE_BACKGROUND = '#5f6b7a';
const BADGE_TEXT = '#ffffff';

/** Chrome MV3 and Firefox MV3 have `action`; Firefox MV2 has `browserAction`. */
function toolbarAction() {
  return browser.action ?? browser.browserAction;
}

/**
 * Show `count` on the badge of `tabId` ('' clears it). Tab-specific values are reset by the browser when the tab
 * navigates to another document, so a new page starts blank until its content script reports.
 */
async function setTabBadge(tabId: number, count: number | null): Promise<void> {
  const action = toolbarAction();
  if (!action) return;
  const text = formatBadgeCount(count);
  try {
    await action.setBadgeText({ tabId, text });
    if (text) {
      await action.setBadgeBackgroundColor({ tabId, color: BADGE_BACKGROUND });
      // setBadgeTextColor: Chrome 110+, Firefox 63+; older browsers pick a readable colour themselves.
      await action.setBadgeTextColor?.({ tabId, color: BADGE_TEXT });
    }
  } catch {
    // The tab closed between the message and the call: nothing to show it on.
  }
}

/** The full content script (entrypoints/content, `registration: 'runtime'`), as WXT names it in the build. */
const FULL_CONTENT_SCRIPT = '/content-scripts/content.js';

/**
 * Run the full content script in one frame of a tab, once its loader asked. The scripting API exists in Chrome MV3
 * and in Firefox (MV2 and MV3, desktop and Android) from version 102; it needs host permission for the page, which
 * the runtime-registered content script's `matches` grant (the same sites the loader runs on).
 */
async function injectFullContentScript(tabId: number, frameId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [FULL_CONTENT_SCRIPT] });
}

export default defineBackground(() => {
  onMessage('loadThreadlight', async ({ sender }) => {
    const tabId = sender.tab?.id;
    if (typeof tabId !== 'number' || tabId < 0) throw new Error('loadThreadlight: the sender is not a tab');
    await injectFullContentScript(tabId, sender.frameId ?? 0);
  });

  onMessage('setBadge', ({ data, sender }) => {
    const tabId = sender.tab?.id;
    // Only a tab's top frame speaks for the tab (an embedded frame with its own comments must not overwrite it).
    if (typeof tabId !== 'number' || tabId < 0 || (sender.frameId ?? 0) !== 0) return;
    const count = typeof data?.count === 'number' && Number.isFinite(data.count) ? data.count : null;
    return setTabBadge(tabId, count);
  });
});
