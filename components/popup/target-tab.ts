/** Which tab the popup talks to. */
import { browser } from '#imports';

/**
 * `?tabId=N` when given (end-to-end tests open popup.html as a tab of its own), else the active tab of the
 * popup's window. Null when there is none (no usable id: the popup then says it cannot reach the page).
 */
export async function findTargetTabId(search: string = location.search): Promise<number | null> {
  const fromQuery = new URLSearchParams(search).get('tabId');
  if (fromQuery !== null) {
    // A NaN id would make tabs.sendMessage throw "No matching signature" (shared/docs/toolchain.md).
    // Chromium's tab ids go up to 2^31 - 1 (ten digits).
    const id = /^\d{1,10}$/.test(fromQuery) ? Number(fromQuery) : Number.NaN;
    return id <= 2 ** 31 - 1 ? id : null;
  }
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return typeof tab?.id === 'number' && tab.id >= 0 ? tab.id : null;
  } catch {
    return null;
  }
}
