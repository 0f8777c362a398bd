/** Every state that is not "here is your thread", said plainly, with the remedy next to it when there is one. */
import type { ComponentChildren } from 'preact';
import type { EmbeddedSystem } from '@/utils/detect/types';
import { t } from '@/utils/i18n';

/** Product names are not translated. */
const SYSTEM_NAMES: Record<Exclude<EmbeddedSystem, 'other'>, string> = {
  disqus: 'Disqus',
  jetpack: 'Jetpack Comments',
  facebook: 'Facebook Comments',
  livefyre: 'Livefyre',
  spotim: 'OpenWeb (Spot.IM)',
  ghost: 'Ghost',
  hyvor: 'Hyvor Talk',
  commento: 'Commento',
};

function Notice(props: { tone?: 'info' | 'warning' | 'error'; children: ComponentChildren }) {
  return (
    <div class={`notice ${props.tone ?? 'info'}`} role="status">
      {props.children}
    </div>
  );
}

export function LoadingNotice() {
  return (
    <Notice>
      <p>{t('popup_loading')}</p>
    </Notice>
  );
}

export function UnreachableNotice(props: { canReload: boolean; onReload(): void; onRetry(): void }) {
  return (
    <Notice tone="warning">
      <p>
        <strong>{t('popup_unreachableTitle')}</strong>
      </p>
      <p>{t('popup_unreachableBody')}</p>
      <p class="actions">
        {props.canReload && (
          <button type="button" class="primary" onClick={props.onReload}>
            {t('popup_reload')}
          </button>
        )}
        <button type="button" onClick={props.onRetry}>
          {t('popup_retry')}
        </button>
      </p>
    </Notice>
  );
}

export function NoThreadNotice() {
  return (
    <Notice>
      <p>
        <strong>{t('popup_noThread')}</strong>
      </p>
      <p class="muted">{t('popup_noThreadHint')}</p>
    </Notice>
  );
}

export function UnreadableNotice({ system }: { system: EmbeddedSystem | undefined }) {
  const name = system && system !== 'other' ? SYSTEM_NAMES[system] : undefined;
  return (
    <Notice>
      <p>{name ? t('popup_unreadable', name) : t('popup_unreadableOther')}</p>
    </Notice>
  );
}

export function ErrorNotice() {
  return (
    <Notice tone="error">
      <p>{t('popup_error')}</p>
    </Notice>
  );
}

/** Threadlight is off here: say why (this site, or everywhere) and offer the switch right there. */
export function OffNotice(props: { scope: 'site' | 'global'; onTurnOn(): void }) {
  return (
    <Notice tone="warning">
      <p>
        <strong>{props.scope === 'site' ? t('popup_offSite') : t('popup_offGlobal')}</strong>
      </p>
      <p class="actions">
        <button type="button" class="primary" onClick={props.onTurnOn}>
          {props.scope === 'site' ? t('popup_turnOnSite') : t('popup_turnOn')}
        </button>
      </p>
    </Notice>
  );
}
