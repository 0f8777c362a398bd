/** The reader's options. Every change is written at once; open tabs apply it live. */
import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import {
  DEFAULT_OPTIONS,
  HIGHLIGHT_RECENT_CHOICES,
  MAX_AUTO_COLLAPSE_DEPTH,
  MAX_BIG_THREAD_THRESHOLD,
  isActiveOn,
  type PingbackDisplay,
  type ReplyInference,
  type ThreadlightOptions,
} from '@/utils/storage/options';

export type OptionsChange = (change: Partial<ThreadlightOptions>) => void;

/** Swatches for the author highlight: mid tones that read on light and dark themes. '' = the theme's colour. */
export const AUTHOR_SWATCHES: { color: string; labelKey: string }[] = [
  { color: '', labelKey: 'popup_color_theme' },
  { color: '#2271b1', labelKey: 'popup_color_blue' },
  { color: '#1e8a3c', labelKey: 'popup_color_green' },
  { color: '#c45500', labelKey: 'popup_color_orange' },
  { color: '#d63638', labelKey: 'popup_color_red' },
  { color: '#8e44ad', labelKey: 'popup_color_purple' },
];

const PINGBACK_LABELS: Record<PingbackDisplay, string> = {
  shown: 'popup_pingDisplay_shown',
  collapsed: 'popup_pingDisplay_collapsed',
  hidden: 'popup_pingDisplay_hidden',
};

const INFERENCE_LABELS: Record<ReplyInference, string> = {
  links: 'popup_infer_links',
  renest: 'popup_infer_renest',
  off: 'popup_infer_off',
};

/** The two switches: everywhere, and this site (when the page told us its hostname). */
export function SiteSwitches(props: { options: ThreadlightOptions; hostname?: string; onSiteChange(on: boolean): void; onChange: OptionsChange }) {
  const { options, hostname } = props;
  return (
    <div class="switches">
      <label class="check">
        <input type="checkbox" checked={options.enabled} onChange={(e) => props.onChange({ enabled: e.currentTarget.checked })} />
        {t('popup_switchGlobal')}
      </label>
      {hostname && (
        <label class="check">
          <input
            type="checkbox"
            checked={isActiveOn({ ...options, enabled: true }, hostname)}
            disabled={!options.enabled}
            onChange={(e) => props.onSiteChange(e.currentTarget.checked)}
          />
          <span class="site">{t('popup_switchSite', hostname)}</span>
        </label>
      )}
    </div>
  );
}

export function OptionsPanel({
  options,
  onChange,
  onForgetVisits,
}: {
  options: ThreadlightOptions;
  onChange: OptionsChange;
  /** Forget every remembered visit (utils/storage/visits.ts); resolves to false when storage failed. */
  onForgetVisits?: () => Promise<boolean>;
}) {
  // The last threshold used, so turning "big threads" off and on again restores it.
  const [threshold, setThreshold] = useState(options.bigThreadThreshold || DEFAULT_OPTIONS.bigThreadThreshold);
  const bigThreadsOn = options.bigThreadThreshold > 0;

  function commitThreshold(input: HTMLInputElement) {
    const value = Number(input.value);
    if (Number.isInteger(value) && value >= 1 && value <= MAX_BIG_THREAD_THRESHOLD) {
      setThreshold(value);
      onChange({ bigThreadThreshold: value });
    } else {
      input.value = String(threshold); // Out of range: show the value still in force.
    }
  }

  return (
    <details class="options">
      <summary>{t('popup_optionsTitle')}</summary>
      <div class="option-grid">
        <label class="field" for="opt-collapse">
          {t('popup_autoCollapse')}
        </label>
        <select
          id="opt-collapse"
          value={String(options.autoCollapseDepth)}
          onChange={(e) => onChange({ autoCollapseDepth: Number(e.currentTarget.value) })}
        >
          <option value="0">{t('popup_autoCollapseOff')}</option>
          {Array.from({ length: MAX_AUTO_COLLAPSE_DEPTH }, (_, i) => i + 1).map((depth) => (
            <option key={depth} value={String(depth)}>
              {depth === 1 ? t('popup_autoCollapseTop') : String(depth)}
            </option>
          ))}
        </select>
        <p class="hint">{t('popup_autoCollapseHint')}</p>

        <label class="check">
          <input
            type="checkbox"
            checked={bigThreadsOn}
            onChange={(e) => onChange({ bigThreadThreshold: e.currentTarget.checked ? threshold : 0 })}
          />
          {t('popup_bigThreads')}
        </label>
        <label class="field indent" for="opt-threshold">
          {t('popup_bigThreadsThreshold')}
        </label>
        <input
          id="opt-threshold"
          type="number"
          class="indent"
          min={1}
          max={MAX_BIG_THREAD_THRESHOLD}
          step={1}
          value={String(bigThreadsOn ? options.bigThreadThreshold : threshold)}
          disabled={!bigThreadsOn}
          onChange={(e) => commitThreshold(e.currentTarget)}
        />

        <label class="check">
          <input
            type="checkbox"
            checked={options.highlightAuthor}
            onChange={(e) => onChange({ highlightAuthor: e.currentTarget.checked })}
          />
          {t('popup_highlightAuthor')}
        </label>
        <fieldset class="swatches indent" disabled={!options.highlightAuthor}>
          <legend>{t('popup_authorColor')}</legend>
          {AUTHOR_SWATCHES.map(({ color, labelKey }) => (
            <label class="swatch" title={t(labelKey)} key={labelKey}>
              <input
                type="radio"
                name="author-color"
                value={color}
                checked={options.authorColor.toLowerCase() === color}
                aria-label={t(labelKey)}
                onChange={() => onChange({ authorColor: color })}
              />
              <span class={color ? 'chip' : 'chip theme'} style={color ? { background: color } : undefined} aria-hidden="true" />
            </label>
          ))}
        </fieldset>

        <ChoiceField
          id="opt-pingbacks"
          labelKey="popup_pingbacksOption"
          value={options.pingbacks}
          labels={PINGBACK_LABELS}
          onChange={(pingbacks) => onChange({ pingbacks })}
        />
        <ChoiceField
          id="opt-infer"
          labelKey="popup_inferReplies"
          value={options.inferReplies}
          labels={INFERENCE_LABELS}
          onChange={(inferReplies) => onChange({ inferReplies })}
        />
        <p class="hint">{t('popup_inferRepliesHint')}</p>

        <label class="check">
          <input
            type="checkbox"
            checked={options.keyboardShortcuts}
            onChange={(e) => onChange({ keyboardShortcuts: e.currentTarget.checked })}
          />
          {t('popup_keyboard')}
        </label>

        <label class="check">
          <input
            type="checkbox"
            checked={options.rememberVisits}
            onChange={(e) => onChange({ rememberVisits: e.currentTarget.checked })}
          />
          {t('popup_rememberVisits')}
        </label>
        <p class="hint indent">{t('popup_rememberVisitsHint')}</p>
        <label class="check indent">
          <input
            type="checkbox"
            checked={options.foldWithoutNew}
            disabled={!options.rememberVisits}
            onChange={(e) => onChange({ foldWithoutNew: e.currentTarget.checked })}
          />
          {t('popup_foldWithoutNew')}
        </label>
        <p class="hint indent">{t('popup_foldWithoutNewHint')}</p>
        <label class="field indent" for="opt-recent">
          {t('popup_highlightRecent')}
        </label>
        <select
          id="opt-recent"
          class="indent"
          value={String(options.highlightRecent)}
          onChange={(e) => onChange({ highlightRecent: Number(e.currentTarget.value) })}
        >
          {recentChoices(options.highlightRecent).map((count) => (
            <option key={count} value={String(count)}>
              {count === 0 ? t('popup_highlightRecentOff') : String(count)}
            </option>
          ))}
        </select>
        {onForgetVisits && <ForgetVisits onForget={onForgetVisits} />}

        <label class="check">
          <input
            type="checkbox"
            checked={options.autoMergePages}
            onChange={(e) => onChange({ autoMergePages: e.currentTarget.checked })}
          />
          {t('popup_autoMergePages')}
        </label>
        <p class="hint indent">{t('popup_autoMergePagesHint')}</p>
      </div>
    </details>
  );
}

/** The popup's choices for "mark the most recent", and the stored value when it is another (set elsewhere). */
function recentChoices(current: number): number[] {
  return HIGHLIGHT_RECENT_CHOICES.includes(current) ? [...HIGHLIGHT_RECENT_CHOICES] : [...HIGHLIGHT_RECENT_CHOICES, current].sort((a, b) => a - b);
}

/** "Forget what I have read", with its outcome said next to it. */
function ForgetVisits({ onForget }: { onForget: () => Promise<boolean> }) {
  const [outcome, setOutcome] = useState<'done' | 'failed' | null>(null);
  async function forget() {
    let done = false;
    try {
      done = await onForget();
    } catch {
      done = false;
    }
    setOutcome(done ? 'done' : 'failed');
  }
  return (
    <p class="indent forget">
      <button type="button" class="link-button" onClick={forget}>
        {t('popup_forgetVisits')}
      </button>
      {outcome && (
        <span class="muted" role="status">
          {' '}
          {t(outcome === 'done' ? 'popup_forgetVisitsDone' : 'popup_forgetVisitsFailed')}
        </span>
      )}
    </p>
  );
}

/** A labelled select over a closed set of values, each with its catalog key. */
function ChoiceField<T extends string>(props: {
  id: string;
  labelKey: string;
  value: T;
  labels: Record<T, string>;
  onChange(value: T): void;
}) {
  return (
    <>
      <label class="field" for={props.id}>
        {t(props.labelKey)}
      </label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as T)}>
        {(Object.keys(props.labels) as T[]).map((value) => (
          <option key={value} value={value}>
            {t(props.labels[value])}
          </option>
        ))}
      </select>
    </>
  );
}
