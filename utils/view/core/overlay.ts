/**
 * Overlays (the toolbar, the help dialog, the parent preview) live in shadow roots hung on <body>, so the page's
 * CSS does not reach them and theirs does not reach the page. They borrow the page's font and colours explicitly,
 * through a palette whose every text colour reads at 4.5:1 or better on its surface (./theme.ts).
 */
import { ATTR_OVERLAY, ATTR_UI } from '../dom-contract';
import type { DomJournal } from './dom-journal';
import { overlayPalette, type PageLook } from './theme';

export interface OverlayHost {
  host: HTMLElement;
  root: ShadowRoot;
  remove(): void;
}

/**
 * Inline style of an overlay host: zero-sized at the top left, above the page. Inline (and !important for where it
 * sits) because the page's rules (even `* {…}` or `body > * {…}`) beat `:host` rules written from inside. The reset
 * of inherited text properties is not !important: a reader's own style for letter, word and line spacing must be
 * able to win (WCAG 1.4.12; Firefox spells `all` out, and axe reads each property).
 */
export function overlayHostStyle(zIndex = 2147483647): string {
  return [
    'all: initial',
    'position: absolute !important',
    'top: 0 !important',
    'left: 0 !important',
    'width: 0 !important',
    'height: 0 !important',
    'overflow: visible !important',
    `z-index: ${zIndex} !important`,
    'display: block !important',
  ].join('; ');
}

/**
 * A fresh shadow-root host at the end of <body> (custom tag: no page rule written for div or span applies),
 * inserted through `journal` when given (then the view's restore removes it too).
 */
export function createOverlayHost(name: 'help' | 'preview' | 'toolbar', doc: Document, journal?: DomJournal, zIndex?: number): OverlayHost {
  const host = doc.createElement(`threadlight-${name}`);
  host.setAttribute(ATTR_OVERLAY, name);
  host.setAttribute(ATTR_UI, name);
  host.style.cssText = overlayHostStyle(zIndex);
  const parent = doc.body ?? doc.documentElement;
  if (journal) journal.insert(host, parent);
  else parent.appendChild(host);
  const root = host.attachShadow({ mode: 'open' });
  return {
    host,
    root,
    remove: () => (journal ? journal.removeInserted(host) : host.remove()),
  };
}

/** Puts the page's look on an overlay host: its font and a readable palette, as custom properties. */
export function applyPageLook(host: HTMLElement, look: PageLook): void {
  const palette = overlayPalette(look);
  host.setAttribute('data-scheme', palette.dark ? 'dark' : 'light');
  const set = (name: string, value: string | null) => {
    if (value) host.style.setProperty(name, value);
    else host.style.removeProperty(name);
  };
  set('--tl-font', look.fontFamily || null);
  set('--tl-font-size', look.fontSize || null);
  set('--tl-surface', palette.surface);
  set('--tl-text', palette.text);
  set('--tl-muted', palette.muted);
  set('--tl-line', palette.line);
}

/** Shared CSS for overlay surfaces (`.tl-surface`), with defaults when no look was applied. */
export const OVERLAY_PALETTE_CSS = `
:host {
  --tl-surface-default: #ffffff;
  --tl-text-default: #1e1e1e;
  --tl-shadow: 0 6px 24px rgba(0, 0, 0, 0.18), 0 1px 3px rgba(0, 0, 0, 0.12);
}
:host([data-scheme='dark']) {
  --tl-surface-default: #1f1f1f;
  --tl-text-default: #ececec;
  --tl-shadow: 0 6px 24px rgba(0, 0, 0, 0.55), 0 1px 3px rgba(0, 0, 0, 0.4);
}
.tl-surface {
  box-sizing: border-box;
  background: var(--tl-surface, var(--tl-surface-default));
  color: var(--tl-text, var(--tl-text-default));
  border: 1px solid var(--tl-line, currentColor);
  border-radius: 8px;
  box-shadow: var(--tl-shadow);
}
`;

/** Landmarks of the page (its light DOM; our own overlays are not in it). */
const LANDMARKS = [
  'main',
  'nav',
  'aside',
  'header',
  'footer',
  'section[aria-label]',
  'section[aria-labelledby]',
  'form[aria-label]',
  'form[aria-labelledby]',
  '[role="main"]',
  '[role="banner"]',
  '[role="navigation"]',
  '[role="complementary"]',
  '[role="contentinfo"]',
  '[role="search"]',
  '[role="region"][aria-label]',
  '[role="region"][aria-labelledby]',
].join(', ');

/**
 * Does the page use landmarks? Then what an overlay shows must sit in one (a labelled region); on a page without
 * any, a region of ours would be its only landmark, and every part of the page would suddenly be "outside" one.
 */
export function pageHasLandmarks(doc: Document): boolean {
  try {
    return doc.querySelector(LANDMARKS) !== null;
  } catch {
    return true;
  }
}
