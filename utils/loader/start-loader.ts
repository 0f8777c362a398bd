/**
 * What the loader does on one page (entrypoints/loader.ts): the signal check, the request for the full content script
 * when it says yes, and until that script runs the popup's answers ('loading', or 'error'). No WXT content-script context here:
 * its constructor alone costs about 2 ms of CPU per page in Chromium (it reads the runtime API and sets up listeners),
 * more than the whole check; the loader needs only a navigation watcher, below.
 */
import { hasCommentSignals } from '@/utils/detect/has-comment-signals';
import { MARK_BAIL, MARK_START, mark } from '@/utils/loader/marks';
import { onMessage, sendMessage, type PageState } from '@/utils/messaging/protocol';

/** What the loader needs from its surroundings (the page in the browser; fakes in tests). */
export interface LoaderContext {
  /** Calls `listener` after each same-document navigation (an SPA changing its URL), until `stop()`. */
  watchNavigation(listener: () => void): { stop(): void };
  setTimeout(handler: () => void, ms: number): void;
}

export interface LoaderConfig {
  context: LoaderContext;
  doc?: Document;
  /** Asks for the full content script in this frame; resolves once it has run. */
  load?: () => Promise<unknown>;
  /** Delay before checking again after an SPA navigation, ms (the new page needs time to render). */
  navigationDelay?: number;
}

export type LoaderStatus = 'none' | 'loading' | 'loaded' | 'error';

export interface Loader {
  status(): LoaderStatus;
  /** Resolves when the first check is done: bailed out, or the full script loaded (or failed to). */
  readonly ready: Promise<void>;
  /** Stops answering the popup and watching navigations (tests; a page keeps its loader for its lifetime). */
  stop(): void;
}

/** The browser's own: the Navigation API where there is one (Chromium), else a 1 s look at location.href. */
export function pageLoaderContext(win: Window = window): LoaderContext {
  return {
    setTimeout: (handler, ms) => void win.setTimeout(handler, ms),
    watchNavigation(listener) {
      const navigation = (win as Window & { navigation?: EventTarget }).navigation;
      if (navigation && typeof navigation.addEventListener === 'function') {
        const controller = new AbortController();
        navigation.addEventListener('navigatesuccess', listener, { signal: controller.signal });
        return { stop: () => controller.abort() };
      }
      let last = win.location.href;
      const timer = win.setInterval(() => {
        if (win.location.href === last) return;
        last = win.location.href;
        listener();
      }, 1000);
      return { stop: () => win.clearInterval(timer) };
    },
  };
}

/** Never throws into the page: a failed request is recorded and reported to the popup. */
export function startLoader(config: LoaderConfig): Loader {
  const { context } = config;
  const doc = config.doc ?? document;
  const load = config.load ?? (() => sendMessage('loadThreadlight', undefined));
  let status: LoaderStatus = 'none';
  const errors: string[] = [];
  mark(MARK_START);

  // From the signals on until the full script takes over, the loader answers the popup for the page ('loading',
  // or 'error' when the request failed). On a page without signals it answers nothing: the popup reads its marks
  // (components/popup/loader-probe.ts), and the page pays nothing for the runtime API.
  const state = (): PageState => ({
    status: status === 'error' ? 'error' : 'loading',
    hostname: doc.defaultView?.location.hostname ?? '',
    errors: [...errors],
  });
  let stopAnswering = () => {};
  let watcher: { stop(): void } | null = null;

  async function check(): Promise<void> {
    if (status !== 'none') return;
    if (!hasCommentSignals(doc)) {
      mark(MARK_BAIL);
      return;
    }
    status = 'loading';
    watcher?.stop();
    stopAnswering = onMessage('getPageState', state);
    try {
      await load();
      status = 'loaded';
      // The full script answers from now on (it registered its own listener when it ran).
      stopAnswering();
      stopAnswering = () => {};
    } catch (error) {
      status = 'error';
      errors.push(`load: ${error instanceof Error ? error.message || error.name : String(error)}`);
      mark(MARK_BAIL);
    }
  }

  const ready = check();
  // An SPA may navigate from a page without comments to one with: look again after each navigation, until loaded.
  if (status === 'none') {
    watcher = context.watchNavigation(() => {
      if (status === 'none') context.setTimeout(() => void check(), config.navigationDelay ?? 500);
    });
  }
  return {
    status: () => status,
    ready,
    stop() {
      stopAnswering();
      watcher?.stop();
    },
  };
}
