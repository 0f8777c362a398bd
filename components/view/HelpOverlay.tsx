import { Fragment } from 'preact';
import { useRef } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { KeyBinding, KeyGroup } from '@/utils/view/keyboard/keymap';

interface HelpOverlayProps {
  groups: KeyGroup[];
  onClose(): void;
}

const FOCUSABLE = 'button, a[href], [tabindex]:not([tabindex="-1"])';

function keyName(binding: KeyBinding): string {
  if (binding.key === 'Enter') return t('help_keyname_enter');
  if (binding.key === 'Escape') return t('help_keyname_escape');
  return binding.shift ? binding.key.toUpperCase() : binding.key;
}

function KeyLabel({ binding }: { binding: KeyBinding }) {
  if (!binding.shift) return <kbd>{keyName(binding)}</kbd>;
  return (
    <span class="chord">
      <kbd>{t('help_keyname_shift')}</kbd>
      <span aria-hidden="true">+</span>
      <kbd>{keyName(binding)}</kbd>
    </span>
  );
}

/** The list of keyboard shortcuts, as a modal dialog (rendered in a shadow root by utils/view/keyboard/help-overlay). */
export function HelpOverlay({ groups, onClose }: HelpOverlayProps) {
  const dialog = useRef<HTMLDivElement>(null);

  // Keep Tab inside the dialog; Escape closes it (and stops there, so the page's cursor stays selected).
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (focusable.length === 0) return;
    const root = dialog.current.getRootNode() as ShadowRoot | Document;
    const active = root.activeElement;
    const index = focusable.indexOf(active as HTMLElement);
    const next = event.shiftKey
      ? focusable[index <= 0 ? focusable.length - 1 : index - 1]
      : focusable[index < 0 || index === focusable.length - 1 ? 0 : index + 1];
    event.preventDefault();
    next?.focus();
  };

  return (
    <div class="backdrop" onClick={(event) => event.target === event.currentTarget && onClose()}>
      <div
        ref={dialog}
        class="dialog tl-surface"
        role="dialog"
        aria-modal="true"
        aria-labelledby="threadlight-help-title"
        onKeyDown={onKeyDown}
      >
        <header>
          <h2 id="threadlight-help-title">{t('help_title')}</h2>
          <button type="button" class="close" onClick={onClose} aria-label={t('help_close')} title={t('help_close')}>
            <span aria-hidden="true">×</span>
          </button>
        </header>
        {groups.map((group) => (
          <section key={group.titleKey}>
            <h3>{t(group.titleKey)}</h3>
            <table>
              <tbody>
                {group.commands.map((command) => (
                  <tr key={command.action}>
                    <th scope="row">
                      {command.keys.map((binding, index) => (
                        <Fragment key={`${binding.key}-${binding.shift}`}>
                          {index > 0 && <span class="or"> {t('help_or')} </span>}
                          <KeyLabel binding={binding} />
                        </Fragment>
                      ))}
                    </th>
                    <td>{t(command.descriptionKey)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
        <p class="note">{t('help_note')}</p>
      </div>
    </div>
  );
}

/** The overlay's stylesheet (inside its shadow root; the palette comes from OVERLAY_PALETTE_CSS). */
export const HELP_OVERLAY_CSS = `
.backdrop {
  position: fixed;
  inset: 0;
  display: flex;
  align-items: center;
  justify-content: center;
  padding: 1rem;
  background: rgba(0, 0, 0, 0.35);
  font-family: var(--tl-font, system-ui, sans-serif);
  font-size: 15px;
  line-height: 1.45;
  color: var(--tl-text);
  box-sizing: border-box;
}
.dialog {
  width: min(34rem, 100%);
  max-height: calc(100vh - 2rem);
  overflow: auto;
  padding: 1rem 1.5rem 1.25rem;
  border-radius: 10px;
}
header { display: flex; align-items: center; justify-content: space-between; gap: 1rem; }
h2 { font-size: 1.15em; margin: 0.25rem 0 0.5rem; font-weight: 600; }
h3 {
  font-size: 0.8em;
  margin: 0.9rem 0 0.3rem;
  font-weight: 600;
  text-transform: uppercase;
  letter-spacing: 0.05em;
  color: var(--tl-muted);
}
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th { text-align: start; font-weight: normal; white-space: nowrap; padding: 0.2rem 1rem 0.2rem 0; width: 10.5em; vertical-align: top; }
td { padding: 0.2rem 0; }
tr + tr th, tr + tr td { border-top: 1px solid color-mix(in srgb, var(--tl-line) 50%, transparent); }
kbd {
  display: inline-block;
  min-width: 1.5em;
  padding: 0.05em 0.4em;
  border: 1px solid var(--tl-line);
  border-bottom-width: 2px;
  border-radius: 4px;
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  font-size: 0.85em;
  text-align: center;
  background: color-mix(in srgb, var(--tl-text) 5%, var(--tl-surface));
}
.chord { white-space: nowrap; }
.chord > span { margin: 0 0.2em; color: var(--tl-muted); }
.or { color: var(--tl-muted); font-size: 0.9em; }
.note { margin: 1rem 0 0; font-size: 0.875em; color: var(--tl-muted); }
.close {
  all: unset;
  box-sizing: border-box;
  width: 2rem;
  height: 2rem;
  border-radius: 6px;
  text-align: center;
  font-size: 1.4rem;
  line-height: 2rem;
  cursor: pointer;
  color: var(--tl-muted);
}
.close:hover { background: color-mix(in srgb, var(--tl-text) 8%, var(--tl-surface)); color: var(--tl-text); }
.close:focus-visible { outline: 2px solid currentColor; outline-offset: 2px; }
@media (prefers-reduced-motion: no-preference) {
  .dialog { animation: threadlight-help-in 120ms ease-out; }
  @keyframes threadlight-help-in { from { opacity: 0; transform: translateY(4px); } }
}
`;
