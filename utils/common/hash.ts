/**
 * 32-bit FNV-1a of a string's UTF-16 code units, in base 36: a short, stable, non-cryptographic digest. Used where a
 * name must be derived from content and stay the same across runs and machines: the ids of comments the page gives
 * none (utils/parse/build-thread.ts), the suffix of over-long visit keys (utils/visits/post-key.ts). Changing it
 * changes those stored ids and keys.
 */
export function fnv1a36(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}
