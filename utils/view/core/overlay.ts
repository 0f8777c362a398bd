/**
 * Overlays (the help dialog, the parent preview) live in shadow roots hung on <body>, so the page's CSS does not
 * reach them and theirs does not reach the page. They borrow the page's font and colours explicitly.
 */

import { ATTR_UI } from '@/utils/view/dom-contract';

/** Marks every overlay host, so a cleanup (or a test) can find them. */
export const OVERLAY_ATTRIBUTE = 'data-threadlight-overlay';

export interface OverlayHost {
  host: HTMLElement;
  root: ShadowRoot;
  remove(): void;
}

/**
 * Inline style of an overlay host: zero-sized at the top left, above the page. Inline and !important because
 * the page's rules (even `* {…}` or `body > * {…}`) beat `:host` rules written from inside.
 */
export function overlayHostStyle(zIndex = 2147483647): string {
  return [
    'all: initial !important',
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

/** A fresh shadow-root host at the end of <body> (custom tag: no page rule written for div or span applies). */
export function createOverlayHost(name: 'help' | 'preview', doc: Document = document): OverlayHost {
  const host = doc.createElement(`threadlight-${name}`);
  host.setAttribute(OVERLAY_ATTRIBUTE, name);
  host.setAttribute(ATTR_UI, name);
  host.style.cssText = overlayHostStyle();
  (doc.body ?? doc.documentElement).appendChild(host);
  const root = host.attachShadow({ mode: 'open' });
  return {
    host,
    root,
    remove: () => host.remove(),
  };
}

/** The page's look where an overlay appears: font and colours, and whether it reads as dark. */
export interface PageLook {
  fontFamily: string;
  /** Computed font size (px), or '' when unknown. */
  fontSize: string;
  color: string | null;
  background: string | null;
  dark: boolean;
}

interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

function parseColor(value: string): Rgba | null {
  const match = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/i.exec(value.trim());
  if (!match) return null;
  const alpha = match[4] === undefined ? 1 : match[4].endsWith('%') ? parseFloat(match[4]) / 100 : parseFloat(match[4]);
  return { r: Number(match[1]), g: Number(match[2]), b: Number(match[3]), a: alpha };
}

function luminance({ r, g, b }: Rgba): number {
  const channel = (value: number) => {
    const s = value / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function prefersDark(view: Window | null): boolean {
  try {
    return view?.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  } catch {
    return false;
  }
}

/** Reads the computed font and colours at `from`; the background is the first opaque one among its ancestors. */
export function readPageLook(from: Element): PageLook {
  const view = from.ownerDocument.defaultView;
  const fallback: PageLook = { fontFamily: '', fontSize: '', color: null, background: null, dark: prefersDark(view) };
  if (!view) return fallback;
  try {
    const style = view.getComputedStyle(from);
    let background: Rgba | null = null;
    let backgroundText: string | null = null;
    for (let element: Element | null = from; element; element = element.parentElement) {
      const value = view.getComputedStyle(element).backgroundColor;
      const parsed = parseColor(value);
      if (parsed && parsed.a >= 0.9) {
        background = parsed;
        backgroundText = value;
        break;
      }
    }
    const color = parseColor(style.color) ? style.color : null;
    return {
      fontFamily: style.fontFamily,
      fontSize: style.fontSize,
      color: background ? color : null, // a text colour without its background could be unreadable on ours
      background: backgroundText,
      dark: background ? luminance(background) < 0.25 : fallback.dark,
    };
  } catch {
    return fallback;
  }
}

/** Puts a PageLook on an overlay host as custom properties and a `data-scheme` the overlay's CSS reads. */
export function applyPageLook(host: HTMLElement, look: PageLook): void {
  host.setAttribute('data-scheme', look.dark ? 'dark' : 'light');
  const set = (name: string, value: string | null) => {
    if (value) host.style.setProperty(name, value);
    else host.style.removeProperty(name);
  };
  set('--tl-font', look.fontFamily || null);
  set('--tl-font-size', look.fontSize || null);
  set('--tl-fg', look.color);
  set('--tl-bg', look.background);
}

/** Shared CSS for overlay surfaces: the palette (from the page when known, else light/dark defaults) and `.tl-surface`. */
export const OVERLAY_PALETTE_CSS = `
:host {
  --tl-surface: var(--tl-bg, #ffffff);
  --tl-text: var(--tl-fg, #1e1e1e);
  --tl-muted: color-mix(in srgb, var(--tl-text) 65%, var(--tl-surface));
  --tl-line: color-mix(in srgb, var(--tl-text) 18%, var(--tl-surface));
  --tl-shadow: 0 6px 24px rgba(0, 0, 0, 0.18), 0 1px 3px rgba(0, 0, 0, 0.12);
}
:host([data-scheme='dark']) {
  --tl-surface: var(--tl-bg, #1f1f1f);
  --tl-text: var(--tl-fg, #ececec);
  --tl-shadow: 0 6px 24px rgba(0, 0, 0, 0.55), 0 1px 3px rgba(0, 0, 0, 0.4);
}
.tl-surface {
  box-sizing: border-box;
  background: var(--tl-surface);
  color: var(--tl-text);
  border: 1px solid var(--tl-line);
  border-radius: 8px;
  box-shadow: var(--tl-shadow);
}
`;
