/** Is this script running in a private (incognito) window? Nothing is remembered there. */
import { browser } from '#imports';

/**
 * true in a private window, false in a normal one, null when the browser does not say. Chrome and Firefox both
 * expose `extension.inIncognitoContext` to content scripts (checked in both: false in a normal window); in Chrome's
 * default "spanning" mode an incognito tab shares the normal profile's `storage.local`, so this is the only guard.
 */
export function isPrivateContext(): boolean | null {
  try {
    const flag = (browser as { extension?: { inIncognitoContext?: unknown } }).extension?.inIncognitoContext;
    return typeof flag === 'boolean' ? flag : null;
  } catch {
    return null;
  }
}
