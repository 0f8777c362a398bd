/**
 * The find highlights, through the CSS Custom Highlight API (Chromium 105+, Firefox 140+: both browsers we ship to):
 * ranges are registered by name and styled with `::highlight(name)`, and the comments' DOM is never touched. A thin
 * adapter over `CSS.highlights` and `Highlight`, injectable, because jsdom has neither.
 */

/** What the adapter needs of the platform. */
export interface HighlightPlatform {
  /** `CSS.highlights` (a HighlightRegistry). */
  registry: { set(name: string, highlight: unknown): unknown; delete(name: string): boolean };
  /** `new Highlight(...ranges)`, with its priority. */
  create(ranges: Range[], priority: number): unknown;
}

/** The window's Highlight API, or null where there is none (an old browser: matches are then only counted and scrolled to). */
export function platformHighlights(win: Window): HighlightPlatform | null {
  const css = (win as unknown as { CSS?: { highlights?: HighlightPlatform['registry'] } }).CSS;
  const HighlightClass = (win as unknown as { Highlight?: new (...ranges: Range[]) => { priority: number } }).Highlight;
  if (!css?.highlights || typeof HighlightClass !== 'function') return null;
  return {
    registry: css.highlights,
    create(ranges, priority) {
      const highlight = new HighlightClass(...ranges);
      highlight.priority = priority;
      return highlight;
    },
  };
}

/** Highlight names (the `::highlight()` selectors of FIND_HIGHLIGHT_CSS). */
export const FIND_HIGHLIGHTS = { all: 'threadlight-find', current: 'threadlight-find-current' } as const;

/**
 * The styles, for the view's stylesheet in the document (a `::highlight()` rule applies to the text of the tree its
 * stylesheet belongs to: not from a shadow root). System colours follow the reader's light or dark theme; the current
 * match takes the orange of the browsers' own find.
 */
export const FIND_HIGHLIGHT_CSS = `
::highlight(${FIND_HIGHLIGHTS.all}) { background-color: Mark; color: MarkText; }
::highlight(${FIND_HIGHLIGHTS.current}) { background-color: #ff9632; color: #000; }
`;

export interface FindHighlighter {
  /** Whether highlights are drawn at all here. */
  readonly supported: boolean;
  /** Highlights `ranges`, `current` above them; replaces what was shown. */
  show(ranges: readonly Range[], current: Range | null): void;
  clear(): void;
}

export function createFindHighlighter(platform: HighlightPlatform | null): FindHighlighter {
  return {
    supported: platform !== null,
    show(ranges, current) {
      if (!platform) return;
      platform.registry.set(FIND_HIGHLIGHTS.all, platform.create([...ranges], 0));
      if (current) platform.registry.set(FIND_HIGHLIGHTS.current, platform.create([current], 1));
      else platform.registry.delete(FIND_HIGHLIGHTS.current);
    },
    clear() {
      platform?.registry.delete(FIND_HIGHLIGHTS.all);
      platform?.registry.delete(FIND_HIGHLIGHTS.current);
    },
  };
}
