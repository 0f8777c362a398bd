/** The popup's connection to the content script of its tab: ask, retry, poll while the page is still loading. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from '#imports';
import { sendMessage, type PageState } from '@/utils/messaging/protocol';
import { probeLoaderBailOut } from './loader-probe';
import { readPageState } from './page-state';

export type Connection =
  | { kind: 'connecting' }
  /** No content script answers: browser pages, the store, a tab opened before install, no tab at all. */
  | { kind: 'unreachable' }
  | { kind: 'ready'; state: PageState };

/** Waits before asking again when nobody answered: the content script registers its listener at document_idle. */
const RETRY_DELAYS_MS = [200, 600, 1200];
/** After a reload the page needs time to load before its content script can answer. */
const AFTER_RELOAD_DELAYS_MS = [500, 1000, 1500, 2000, 3000];
/** How often to ask again while the content script reports 'loading'. */
const LOADING_POLL_MS = 500;

async function askPageState(tabId: number): Promise<PageState | null> {
  try {
    return readPageState(await sendMessage('getPageState', undefined, tabId));
  } catch {
    // "No response" / "Receiving end does not exist": nobody listens in that tab. The loader keeps quiet on pages
    // without comment signals; its marks tell.
    return probeLoaderBailOut(tabId);
  }
}

/**
 * The page's state for `tabId` (undefined while the tab is being resolved, null when there is none),
 * with `refresh` (after an option change) and `reloadPage` (the unreachable state's remedy).
 */
export function usePageState(tabId: number | null | undefined) {
  const [connection, setConnection] = useState<Connection>({ kind: 'connecting' });
  // Each new round of asking bumps the generation; answers and timers of older rounds are ignored.
  const generation = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const ask = useCallback(
    (retryDelays: number[]) => {
      clearTimeout(timer.current);
      const round = ++generation.current;
      if (tabId === null) {
        setConnection({ kind: 'unreachable' });
        return;
      }
      if (tabId === undefined) return;
      const attempt = async (failures: number) => {
        const state = await askPageState(tabId);
        if (round !== generation.current) return;
        if (state) {
          setConnection({ kind: 'ready', state });
          if (state.status === 'loading') timer.current = setTimeout(() => attempt(0), LOADING_POLL_MS);
        } else if (failures < retryDelays.length) {
          timer.current = setTimeout(() => attempt(failures + 1), retryDelays[failures]);
        } else {
          setConnection({ kind: 'unreachable' });
        }
      };
      void attempt(0);
    },
    [tabId],
  );

  useEffect(() => {
    ask(RETRY_DELAYS_MS);
    return () => {
      generation.current++;
      clearTimeout(timer.current);
    };
  }, [ask]);

  const refresh = useCallback(() => ask(RETRY_DELAYS_MS), [ask]);

  const reloadPage = useCallback(async () => {
    if (typeof tabId !== 'number') return;
    setConnection({ kind: 'connecting' });
    try {
      await browser.tabs.reload(tabId);
    } catch {
      // The tab is gone or cannot be reloaded: asking again ends in 'unreachable', which is the truth.
    }
    ask(AFTER_RELOAD_DELAYS_MS);
  }, [ask, tabId]);

  return { connection, refresh, reloadPage };
}
