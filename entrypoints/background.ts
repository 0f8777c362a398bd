/**
 * The background only keeps the toolbar badge: the comment count of each tab, as its content script reports it.
 * No network, no remote code, no state of its own (an MV3 service worker may be stopped at any time).
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

export default defineBackground(() => {
  onMessage('setBadge', ({ data, sender }) => {
    const tabId = sender.tab?.id;
    // Only a tab's top frame speaks for the tab (an embedded frame with its own comments must not overwrite it).
    if (typeof tabId !== 'number' || tabId < 0 || (sender.frameId ?? 0) !== 0) return;
    const count = typeof data?.count === 'number' && Number.isFinite(data.count) ? data.count : null;
    return setTabBadge(tabId, count);
  });
});
