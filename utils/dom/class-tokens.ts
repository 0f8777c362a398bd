/**
 * Class tokens read as a string split (much faster than DOMTokenList indexing in jsdom), through the clobbering-proof
 * `getAttribute` (utils/dom/safe-dom.ts): a form's named inputs cannot shadow it.
 */
import { safeDom, type SafeDom } from '@/utils/dom/safe-dom';

/** Shared by every element without classes (most of a page): one array, not one per element. Never mutated. */
export const NO_TOKENS: string[] = [];

export function splitClasses(value: string | null): string[] {
  if (!value) return NO_TOKENS;
  const trimmed = value.trim();
  return trimmed === '' ? NO_TOKENS : trimmed.split(/\s+/);
}

/** The element's class tokens. */
export function classTokens(el: Element, dom: SafeDom = safeDom(el)): string[] {
  return splitClasses(dom.attr(el, 'class'));
}

/** True when the element carries one of `names`. */
export function hasAnyClass(el: Element, names: readonly string[], dom: SafeDom = safeDom(el)): boolean {
  if (names.length === 0) return false;
  const tokens = classTokens(el, dom);
  return tokens.length > 0 && names.some((name) => tokens.includes(name));
}

const DEPTH_TOKEN = /^depth-(\d+)$/;

/** The N of a `depth-N` token, or null. */
export function depthIn(tokens: readonly string[]): number | null {
  for (const token of tokens) {
    const match = DEPTH_TOKEN.exec(token);
    if (match) return Number(match[1]);
  }
  return null;
}

/** The N of a `depth-N` class token, or null. */
export function depthFromClass(el: Element): number | null {
  return depthIn(classTokens(el));
}
