/**
 * The popup's question to a page whose loader bailed out. On a page without comment signals the loader registers no
 * message listener at all (in Firefox the first use of the runtime API in a page costs tens of milliseconds), so
 * nobody answers `getPageState` there. The popup then looks at the page's performance marks itself, with the
 * scripting permission the loader already needs: `threadlight:start` and `threadlight:bail` mean "Threadlight ran
 * here and found no thread"; no marks (or no access: browser pages, the stores) means it cannot reach the page.
 */
import { browser } from '#imports';
import type { PageState } from '@/utils/messaging/protocol';
import { MARK_BAIL, MARK_START } from '@/utils/loader/marks';

interface LoaderMarks {
  start: number;
  bail: number;
  hostname: string;
}

/** Runs in the tab (isolated world): the loader's marks and the page's host name. */
function readLoaderMarks(names: { start: string; bail: string }): LoaderMarks {
  return {
    start: performance.getEntriesByName(names.start).length,
    bail: performance.getEntriesByName(names.bail).length,
    hostname: location.hostname,
  };
}

/** 'none' when the tab's loader ran and bailed out; null when that cannot be told. */
export async function probeLoaderBailOut(tabId: number): Promise<PageState | null> {
  try {
    const [injection] = await browser.scripting.executeScript({
      target: { tabId },
      func: readLoaderMarks,
      args: [{ start: MARK_START, bail: MARK_BAIL }],
    });
    const marks = injection?.result as LoaderMarks | undefined;
    if (!marks || typeof marks.start !== 'number' || marks.start < 1 || marks.bail < 1) return null;
    return { status: 'none', hostname: typeof marks.hostname === 'string' ? marks.hostname : '', errors: [] };
  } catch {
    return null; // no access to the tab (browser pages, the stores, a closed tab)
  }
}
