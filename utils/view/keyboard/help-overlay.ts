/** Opens and closes the keyboard help dialog: a Preact tree in its own shadow root, focus trapped while open. */
import { h, render } from 'preact';
import { HELP_OVERLAY_CSS, HelpOverlay } from '@/components/view/HelpOverlay';
import { KEY_GROUPS } from '@/utils/view/keyboard/keymap';
import { applyPageLook, createOverlayHost, OVERLAY_PALETTE_CSS, readPageLook } from '@/utils/view/preview/overlay-host';

export interface HelpOverlayHandle {
  close(): void;
  readonly isOpen: boolean;
}

/** The element that really has focus, looking inside open shadow roots. */
function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Shows the help dialog; `onClosed` runs once when it goes (button, Escape, backdrop click or close()). */
export function openHelpOverlay(doc: Document = document, onClosed?: () => void): HelpOverlayHandle {
  const returnFocusTo = deepActiveElement(doc);
  const overlay = createOverlayHost('help', doc);
  applyPageLook(overlay.host, readPageLook(doc.body ?? doc.documentElement));
  const style = doc.createElement('style');
  style.textContent = OVERLAY_PALETTE_CSS + HELP_OVERLAY_CSS;
  const container = doc.createElement('div');
  overlay.root.append(style, container);

  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    render(null, container);
    overlay.remove();
    if (returnFocusTo && returnFocusTo.isConnected && returnFocusTo !== doc.body) {
      (returnFocusTo as HTMLElement).focus?.({ preventScroll: true });
    }
    onClosed?.();
  };

  render(h(HelpOverlay, { groups: KEY_GROUPS, onClose: close }), container);
  overlay.root.querySelector<HTMLElement>('.close')?.focus({ preventScroll: true });
  return {
    close,
    get isOpen() {
      return open;
    },
  };
}
