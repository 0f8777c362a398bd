/**
 * The page's look where the view lives: font, text and background colours, light or dark, and the accent of the
 * author highlight. Read once per section (each read costs a style pass) and turned into colours that keep every
 * text we add at 4.5:1 or better (./colour.ts).
 */
import { contrast, isDark, MIN_TEXT_CONTRAST, mix, over, parseColour, readableOn, toCss, type Rgba } from './colour';

export interface PageLook {
  fontFamily: string;
  /** Computed font size (px), or '' when unknown. */
  fontSize: string;
  /** Text colour (opaque), or null when unknown. */
  text: Rgba | null;
  /** The first opaque background behind the element, or the scheme's default. */
  background: Rgba;
  /** True when a background was found (else `background` is a guess from prefers-color-scheme). */
  backgroundKnown: boolean;
  dark: boolean;
}

const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 1 };
const NEAR_BLACK: Rgba = { r: 31, g: 31, b: 31, a: 1 };

function prefersDark(view: Window | null): boolean {
  try {
    return view?.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  } catch {
    return false;
  }
}

/** Reads the computed font and colours at `from`; the background is the first (nearly) opaque one among its ancestors. */
export function readPageLook(from: Element): PageLook {
  const view = from.ownerDocument.defaultView;
  const darkGuess = prefersDark(view);
  const fallback: PageLook = {
    fontFamily: '',
    fontSize: '',
    text: null,
    background: darkGuess ? NEAR_BLACK : WHITE,
    backgroundKnown: false,
    dark: darkGuess,
  };
  if (!view) return fallback;
  try {
    const style = view.getComputedStyle(from);
    let background: Rgba | null = null;
    for (let element: Element | null = from; element; element = element.parentElement) {
      const parsed = parseColour(view.getComputedStyle(element).backgroundColor);
      if (parsed && parsed.a >= 0.9) {
        background = { ...parsed, a: 1 };
        break;
      }
    }
    const base = background ?? fallback.background;
    const text = parseColour(style.color);
    return {
      fontFamily: style.fontFamily,
      fontSize: style.fontSize,
      text: text ? over(text, base) : null,
      background: base,
      backgroundKnown: background !== null,
      dark: isDark(base),
    };
  } catch {
    return fallback;
  }
}

/** The colours an overlay (toolbar, help, preview card) uses, each readable on its surface. */
export interface OverlayPalette {
  surface: string;
  text: string;
  /** Secondary text: lighter than `text`, still 4.5:1 on the surface. */
  muted: string;
  line: string;
  dark: boolean;
}

/** The page's colours when they read well together, else a neutral light or dark pair; muted text at ≥ 4.5:1. */
export function overlayPalette(look: PageLook): OverlayPalette {
  const surface = look.background;
  const readable = look.text !== null && contrast(look.text, surface) >= MIN_TEXT_CONTRAST;
  const text = readable ? look.text! : look.dark ? { r: 236, g: 236, b: 236, a: 1 } : { r: 30, g: 30, b: 30, a: 1 };
  const muted = readableOn(mix(text, surface, 0.7), surface);
  return {
    surface: toCss(surface),
    text: toCss(text),
    muted: toCss(muted),
    line: toCss(mix(text, surface, 0.22)),
    dark: look.dark,
  };
}

/** Fallback accents (orange 700 / 400) when the theme's link colour does not stand out. */
const FALLBACK_ACCENT = { light: { r: 194, g: 65, b: 12, a: 1 }, dark: { r: 251, g: 146, b: 60, a: 1 } };

/** A colour with visible hue that differs from the text: max-min channel spread and distance, in 0..255 units. */
function standsOut(link: Rgba, text: Rgba | null): boolean {
  const saturation = Math.max(link.r, link.g, link.b) - Math.min(link.r, link.g, link.b);
  const distance = text ? Math.abs(link.r - text.r) + Math.abs(link.g - text.g) + Math.abs(link.b - text.b) : 255;
  return saturation >= 40 && distance >= 60;
}

export interface Accent {
  /** The author colour as chosen (borders, tints, the replied dot). */
  accent: string;
  /** The same hue, readable as text on the section's background (the "Author" badge). */
  text: string;
}

/**
 * The accent of the author highlight: the reader's colour (#hex from the options), else the theme's link colour —
 * unless that is a grey or the text's own colour (Twenty Twenty-One links are the text colour), where it would not
 * stand out: then a warm accent. `link` is a link of the comments' own text (the theme's link colour). Its text form
 * is made readable on the section's background.
 */
export function accentFor(authorColor: string, link: Element | null, look: PageLook): Accent {
  let chosen: Rgba | null = /^#[0-9a-f]{3}(?:[0-9a-f]{3})?$/i.test(authorColor) ? parseColour(authorColor) : null;
  if (!chosen) {
    chosen = look.dark ? FALLBACK_ACCENT.dark : FALLBACK_ACCENT.light;
    try {
      const view = link?.ownerDocument.defaultView;
      const linkColour = link && view ? parseColour(view.getComputedStyle(link).color) : null;
      if (linkColour && linkColour.a > 0.5 && standsOut(linkColour, look.text)) chosen = { ...linkColour, a: 1 };
    } catch {
      // Keep the fallback: a style read must never break the view.
    }
  }
  return { accent: toCss(over(chosen, look.background)), text: toCss(readableOn(chosen, look.background)) };
}
