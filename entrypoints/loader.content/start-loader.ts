/**
 * What the loader does on one page, kept out of index.ts so it can be tested: the signal check, the request for the
 * full content script when it says yes, and until then the popup's answers ('none' or 'loading').
 */
import type { ContentScriptContext } from '#imports';
import { hasCommentSignals } from '@/utils/detect/has-comment-signals';
import { MARK_BAIL, MARK_START, mark } from '@/utils/loader/marks';
import { onMessage, sendMessage, type PageState } from '@/utils/messaging/protocol';

/** The part of WXT's ContentScriptContext the loader uses. */
export type LoaderContext = Pick<ContentScriptContext, 'onInvalidated' | 'setTimeout' | 'addEventListener'>;

export interface LoaderConfig {
  ctx: LoaderContext;
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
}

/** Never throws into the page: a failed request is recorded and reported to the popup. */
export function startLoader(config: LoaderConfig): Loader {
  const { ctx } = config;
  const doc = config.doc ?? document;
  const load = config.load ?? (() => sendMessage('loadThreadlight', undefined));
  let status: LoaderStatus = 'none';
  const errors: string[] = [];
  mark(MARK_START);

  // Until the full script takes over, the loader answers the popup for the page.
  const state = (): PageState => ({
    status: status === 'none' ? 'none' : status === 'error' ? 'error' : 'loading',
    hostname: doc.defaultView?.location.hostname ?? '',
    errors: [...errors],
  });
  const stopAnswering = onMessage('getPageState', state);
  ctx.onInvalidated(stopAnswering);

  async function check(): Promise<void> {
    if (status !== 'none') return;
    if (!hasCommentSignals(doc)) {
      mark(MARK_BAIL);
      return;
    }
    status = 'loading';
    try {
      await load();
      status = 'loaded';
      // The full script answers from now on (it registered its own listener when it ran).
      stopAnswering();
    } catch (error) {
      status = 'error';
      errors.push(`load: ${error instanceof Error ? error.message || error.name : String(error)}`);
      mark(MARK_BAIL);
    }
  }

  const ready = check();
  // An SPA may navigate from a page without comments to one with: look again after each navigation, until loaded.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    if (status === 'none') ctx.setTimeout(() => void check(), config.navigationDelay ?? 500);
  });
  return { status: () => status, ready };
}
