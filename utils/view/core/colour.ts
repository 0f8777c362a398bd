/**
 * The one colour rule of the view: WCAG 2's relative luminance and contrast ratio. Every colour we choose for
 * text we add (the author accent, the toolbar's muted text, dark or light overlay surfaces) goes through here, so
 * that what we write reads at 4.5:1 or better on the page's own background.
 */

export interface Rgba {
  r: number;
  g: number;
  b: number;
  /** 0..1 */
  a: number;
}

/** AA contrast for normal text. */
export const MIN_TEXT_CONTRAST = 4.5;

/** Parses `rgb()`/`rgba()` (comma or space syntax, alpha as a number or a percentage) and #rgb/#rrggbb; else null. */
export function parseColour(value: string): Rgba | null {
  const text = value.trim();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text);
  if (hex) {
    const digits = hex[1]!.length === 3 ? [...hex[1]!].map((d) => d + d).join('') : hex[1]!;
    return { r: parseInt(digits.slice(0, 2), 16), g: parseInt(digits.slice(2, 4), 16), b: parseInt(digits.slice(4, 6), 16), a: 1 };
  }
  const match = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/i.exec(text);
  if (!match) return null;
  const alpha = match[4] === undefined ? 1 : match[4].endsWith('%') ? parseFloat(match[4]) / 100 : parseFloat(match[4]);
  return { r: Number(match[1]), g: Number(match[2]), b: Number(match[3]), a: Math.min(Math.max(alpha, 0), 1) };
}

/** WCAG 2 relative luminance, 0 (black) … 1 (white). */
export function luminance({ r, g, b }: Rgba): number {
  const channel = (value: number) => {
    const s = value / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG 2 contrast ratio of two opaque colours, 1 … 21. */
export function contrast(a: Rgba, b: Rgba): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

/** A background reads as dark when white text contrasts with it better than black text does. */
export function isDark(background: Rgba): boolean {
  return luminance(background) < 0.179;
}

/** `colour` composited over an opaque `background` (what the eye sees of a translucent colour). */
export function over(colour: Rgba, background: Rgba): Rgba {
  const mixOf = (fg: number, bg: number) => fg * colour.a + bg * (1 - colour.a);
  return { r: mixOf(colour.r, background.r), g: mixOf(colour.g, background.g), b: mixOf(colour.b, background.b), a: 1 };
}

/** `weight` (0..1) of `a` mixed with `b`, in sRGB (as CSS color-mix(in srgb) does). */
export function mix(a: Rgba, b: Rgba, weight: number): Rgba {
  const channel = (x: number, y: number) => x * weight + y * (1 - weight);
  return { r: channel(a.r, b.r), g: channel(a.g, b.g), b: channel(a.b, b.b), a: 1 };
}

/**
 * `colour` made readable on `background`: unchanged when it already reaches `ratio`, else moved toward black (on a
 * light background) or white (on a dark one) just enough. The hue stays recognisable; the text stays legible.
 */
export function readableOn(colour: Rgba, background: Rgba, ratio = MIN_TEXT_CONTRAST): Rgba {
  const solid = over(colour, background);
  if (contrast(solid, background) >= ratio) return solid;
  const target: Rgba = isDark(background) ? { r: 255, g: 255, b: 255, a: 1 } : { r: 0, g: 0, b: 0, a: 1 };
  // Binary search on the share of the target: a few steps find the least change that reaches the ratio.
  let low = 0;
  let high = 1;
  for (let step = 0; step < 12; step++) {
    const middle = (low + high) / 2;
    if (contrast(mix(target, solid, middle), background) >= ratio) high = middle;
    else low = middle;
  }
  return mix(target, solid, high);
}

/** A CSS colour string (rgb(), rounded) for an opaque colour. */
export function toCss({ r, g, b }: Rgba): string {
  return `rgb(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)})`;
}
