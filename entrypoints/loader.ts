/**
 * The only script the browser injects into every page: a loader of a few KB. It runs the cheap comment-signal check
 * and, only when the page may hold a thread, asks the background to inject the rest of Threadlight
 * (entrypoints/content, registered at runtime). Pages without threads pay for this file alone.
 *
 * An unlisted script declared in the manifest by wxt.config.ts (content_scripts), not a WXT content script: WXT's
 * content-script wrapper costs more CPU per page than everything the loader does (docs/performance.md).
 */
import { defineUnlistedScript } from '#imports';
import { pageLoaderContext, startLoader } from '@/utils/loader/start-loader';

export default defineUnlistedScript(() => {
  startLoader({ context: pageLoaderContext() });
});
