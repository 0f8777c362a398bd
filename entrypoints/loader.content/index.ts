/**
 * The only script the browser injects into every page: a loader of a few KB. It runs the cheap comment-signal check
 * and, only when the page may hold a thread, asks the background to inject the rest of Threadlight
 * (entrypoints/content, registered at runtime). Pages without threads pay for this file alone. docs/architecture.md.
 */
import { defineContentScript } from '#imports';
import { startLoader } from './start-loader';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // WXT's "a newer copy started" notice travels as a DOM event only: no window.postMessage into every page.
  noScriptStartedPostMessage: true,
  main(ctx) {
    startLoader({ ctx });
  },
});
