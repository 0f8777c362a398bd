import type { ToolbarItem } from '@/utils/view/core/types';
import { ATTR_ACTION, ATTR_STATUS } from '@/utils/view/dom-contract';

export interface ToolbarProps {
  /** The region's accessible name. */
  label: string;
  /** A labelled region (pages that use landmarks), else a labelled group. */
  landmark: boolean;
  items: ToolbarItem[];
  /** Text for screen readers (polite live region): what the last action did. */
  announcement: string;
}

function Item({ item }: { item: ToolbarItem }) {
  if (item.kind === 'status') {
    const text = item.text();
    if (!text) return null;
    return (
      <span class="status" {...{ [ATTR_STATUS]: item.id }}>
        {text}
      </span>
    );
  }
  if (item.kind === 'custom') return <span class="custom">{item.render()}</span>;
  if (item.hidden?.()) return null;
  const text = item.label();
  const pressed = item.pressed?.();
  return (
    <button
      type="button"
      class={item.iconOnly ? 'icon-only' : undefined}
      {...{ [ATTR_ACTION]: item.id }}
      aria-label={item.iconOnly ? text : undefined}
      aria-pressed={pressed}
      title={text}
      disabled={item.disabled?.() ?? false}
      onClick={() => item.run()}
    >
      {item.icon && (
        <span aria-hidden="true" class="icon">
          {item.icon}
        </span>
      )}
      {!item.iconOnly && text}
    </button>
  );
}

/**
 * The floating toolbar of an enhanced thread (rendered in a shadow root by utils/view/toolbar): a labelled region
 * holding every feature's items, in order, and a polite live region.
 */
export function Toolbar({ label, landmark, items, announcement }: ToolbarProps) {
  const Container = landmark ? 'section' : 'div';
  return (
    <Container class="bar" aria-label={label} role={landmark ? undefined : 'group'}>
      {items.map((item) => (
        <Item key={item.id} item={item} />
      ))}
      <span class="sr-only" role="status" aria-live="polite">
        {announcement}
      </span>
    </Container>
  );
}

/** Styles of the toolbar, inside its shadow root (the palette comes from OVERLAY_PALETTE_CSS and the page's look). */
export const TOOLBAR_CSS = `
.bar {
  position: fixed; right: 16px; bottom: 16px; z-index: 2147483646;
  display: flex; align-items: center; gap: 2px; padding: 3px;
  font-family: var(--tl-font, system-ui, sans-serif); font-size: 13px; line-height: 1.4;
  color: var(--tl-text, var(--tl-text-default)); background: var(--tl-surface, var(--tl-surface-default));
  border: 1px solid var(--tl-line, currentColor); border-radius: 999px; box-shadow: var(--tl-shadow);
  max-width: calc(100vw - 32px); overflow-x: auto; box-sizing: border-box;
}
.bar > * { flex-shrink: 0; }
button {
  all: unset; box-sizing: border-box; cursor: pointer; white-space: nowrap;
  display: inline-flex; align-items: center; justify-content: center; min-width: 28px; min-height: 28px;
  padding: 3px 10px; border-radius: 999px; font: inherit; color: inherit;
}
button:hover:not(:disabled) { background: var(--tl-line); }
button:focus-visible { outline: 2px solid currentColor; outline-offset: 1px; }
button:disabled { opacity: 0.4; cursor: default; }
button[aria-pressed="true"] { background: var(--tl-line); }
button.icon-only { padding: 3px 8px; font-size: 15px; line-height: 1.2; }
.icon { display: inline-block; margin-inline-end: 4px; }
.icon-only .icon { margin: 0; }
.status { padding: 0 8px; color: var(--tl-muted, currentColor); white-space: nowrap; }
.status + button, button + .status { margin-inline-start: 2px; }
.status[${ATTR_STATUS}="figures"] { padding-inline-end: 10px; border-inline-start: 1px solid var(--tl-line); margin-inline-start: 4px; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
@media (max-width: 600px) { button:not(.icon-only) { font-size: 0; } button:not(.icon-only) .icon { font-size: 13px; margin: 0; } .status[${ATTR_STATUS}="figures"], .status[${ATTR_STATUS}="author"] { display: none; } }
@media (prefers-reduced-motion: no-preference) { button { transition: background-color 0.12s ease; } }
@media print { .bar { display: none; } }
`;
