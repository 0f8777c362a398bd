/** Errors the content script recorded on this page: the reader can copy them into a bug report. */
import { formatNumber, t } from '@/utils/i18n';

export function Diagnostics({ errors, open }: { errors: string[]; open?: boolean }) {
  if (errors.length === 0) return null;
  return (
    <details class="diagnostics" open={open}>
      <summary>{t('popup_diagnostics', formatNumber(errors.length))}</summary>
      <p class="hint">{t('popup_diagnosticsHint')}</p>
      <ol>
        {errors.map((error, i) => (
          <li key={i}>
            <code>{error}</code>
          </li>
        ))}
      </ol>
    </details>
  );
}
