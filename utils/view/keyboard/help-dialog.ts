/**
 * The keyboard help as a native modal <dialog> (in a shadow root on <body>): showModal() puts it in the top layer
 * (no z-index contest with the page), makes the page inert behind it and closes on Escape. Focus goes to its close
 * button and back to where it was. Where <dialog> is not implemented (jsdom), it opens without the top layer,
 * with the same keys and a Tab trap of its own.
 */
import { h, render } from 'preact';
import { HELP_DIALOG_CSS, HelpDialog } from '@/components/view/HelpDialog';
import { applyPageLook, createOverlayHost, OVERLAY_PALETTE_CSS } from '@/utils/view/core/overlay';
import type { PageLook } from '@/utils/view/core/theme';
import type { KeyCommand } from '@/utils/view/core/types';

export interface HelpDialogHandle {
  close(): void;
  readonly isOpen: boolean;
}

const FOCUSABLE = 'button, a[href], [tabindex]:not([tabindex="-1"])';

/** The element that really has focus, looking inside open shadow roots. */
function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Opens the help; `onClosed` runs once when it goes (its button, Escape, the backdrop, ? again or close()). */
export function openHelpDialog(
  doc: Document,
  groups: { group: string; commands: KeyCommand[] }[],
  look: PageLook,
  onClosed?: () => void,
): HelpDialogHandle {
  const returnFocusTo = deepActiveElement(doc);
  const overlay = createOverlayHost('help', doc);
  applyPageLook(overlay.host, look);
  const style = doc.createElement('style');
  style.textContent = OVERLAY_PALETTE_CSS + HELP_DIALOG_CSS;
  const dialog = doc.createElement('dialog');
  dialog.className = 'tl-surface';
  dialog.setAttribute('aria-labelledby', 'title');
  overlay.root.append(style, dialog);
  const native = typeof (dialog as HTMLDialogElement).showModal === 'function';

  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    if (native && dialog.open) dialog.close();
    render(null, dialog);
    overlay.remove();
    if (returnFocusTo && returnFocusTo.isConnected && returnFocusTo !== doc.body) {
      (returnFocusTo as HTMLElement).focus?.({ preventScroll: true });
    }
    onClosed?.();
  };

  render(h(HelpDialog, { groups, onClose: close }), dialog);
  // Escape: the native dialog's cancel; our own key handling covers the fallback.
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    close();
  });
  dialog.addEventListener('close', close);
  // A click on the backdrop lands on the dialog element itself, outside its content box.
  dialog.addEventListener('click', (event) => {
    if (event.target !== dialog) return;
    const box = dialog.getBoundingClientRect();
    const { clientX: x, clientY: y } = event as MouseEvent;
    const inside = x >= box.left && x <= box.right && y >= box.top && y <= box.bottom && box.width > 0;
    if (!inside || (x === 0 && y === 0)) close();
  });
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
      return;
    }
    if (native || event.key !== 'Tab') return;
    const focusable = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (focusable.length === 0) return;
    const position = focusable.indexOf(overlay.root.activeElement as HTMLElement);
    const next = event.shiftKey
      ? focusable[position <= 0 ? focusable.length - 1 : position - 1]
      : focusable[position < 0 || position === focusable.length - 1 ? 0 : position + 1];
    event.preventDefault();
    next?.focus();
  });
  if (native) dialog.showModal();
  else dialog.setAttribute('open', '');
  dialog.querySelector<HTMLElement>('.close')?.focus({ preventScroll: true });
  return {
    close,
    get isOpen() {
      return open;
    },
  };
}
