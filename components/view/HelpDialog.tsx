import { Fragment } from 'preact';
import { t } from '@/utils/i18n';
import type { KeyBinding, KeyCommand } from '@/utils/view/core/types';

interface HelpDialogProps {
  groups: { group: string; commands: KeyCommand[] }[];
  onClose(): void;
}

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

/** The keyboard shortcuts, every feature's, grouped (the content of the help <dialog>, utils/view/keyboard). */
export function HelpDialog({ groups, onClose }: HelpDialogProps) {
  return (
    <Fragment>
      <div class="header">
        <h2 id="title">{t('help_title')}</h2>
        <button type="button" class="close" onClick={onClose} aria-label={t('help_close')} title={t('help_close')}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {groups.map(({ group, commands }) => (
        <div key={group} role="group" aria-labelledby={`group-${group}`}>
          <h3 id={`group-${group}`}>{t(`help_group_${group}`)}</h3>
          <table>
            <tbody>
              {commands.map((command) => (
                <tr key={command.id}>
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
        </div>
      ))}
      <p class="note">{t('help_note')}</p>
    </Fragment>
  );
}

/** The dialog's stylesheet (inside its shadow root; the palette comes from OVERLAY_PALETTE_CSS). */
export const HELP_DIALOG_CSS = `
dialog {
  width: min(34rem, calc(100vw - 2rem));
  max-height: calc(100vh - 2rem);
  overflow: auto;
  margin: auto;
  padding: 1rem 1.5rem 1.25rem;
  border-radius: 10px;
  font-family: var(--tl-font, system-ui, sans-serif);
  font-size: 15px;
  line-height: 1.45;
}
dialog:not([open]) { display: none; }
dialog::backdrop { background: rgba(0, 0, 0, 0.45); }
.header { display: flex; align-items: center; justify-content: space-between; gap: 1rem; }
h2 { font-size: 1.15em; margin: 0.25rem 0 0.5rem; font-weight: 600; }
h3 { font-size: 0.8em; margin: 0.9rem 0 0.3rem; font-weight: 600; text-transform: uppercase; letter-spacing: 0.05em; color: var(--tl-muted); }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th { text-align: start; font-weight: normal; white-space: nowrap; padding: 0.2rem 1rem 0.2rem 0; width: 10.5em; vertical-align: top; }
td { padding: 0.2rem 0; }
tr + tr th, tr + tr td { border-top: 1px solid var(--tl-line); }
kbd {
  display: inline-block; min-width: 1.5em; padding: 0.05em 0.4em; border: 1px solid var(--tl-line); border-bottom-width: 2px;
  border-radius: 4px; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85em;
  text-align: center; color: var(--tl-text); background: var(--tl-surface);
}
.chord { white-space: nowrap; }
.chord > span { margin: 0 0.2em; color: var(--tl-muted); }
.or { color: var(--tl-muted); font-size: 0.9em; }
.note { margin: 1rem 0 0; font-size: 0.875em; color: var(--tl-muted); }
.close {
  all: unset; box-sizing: border-box; width: 2rem; height: 2rem; border-radius: 6px; text-align: center;
  font-size: 1.4rem; line-height: 2rem; cursor: pointer; color: var(--tl-text);
}
.close:hover { background: var(--tl-line); }
.close:focus-visible { outline: 2px solid currentColor; outline-offset: 2px; }
@media (prefers-reduced-motion: no-preference) {
  dialog[open] { animation: threadlight-help-in 120ms ease-out; }
  @keyframes threadlight-help-in { from { opacity: 0; transform: translateY(4px); } }
}
`;
