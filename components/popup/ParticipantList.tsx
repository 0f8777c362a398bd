/** Participants ranked by number of comments; a click highlights one person's comments on the page. */
import { useMemo, useState } from 'preact/hooks';
import type { ParticipantSummary } from '@/utils/messaging/protocol';
import { formatNumber, t, tn } from '@/utils/i18n';
import { filterParticipants } from './participant-filter';

/** What the list needs from the page (the content script, through the popup). */
export interface PageFocus {
  /** `newOnly`: only the participant's comments new since the last visit. */
  focusParticipant(key: string, index: number, newOnly?: boolean): Promise<{ index: number; total: number }>;
  clearParticipantFocus(): Promise<void>;
}

/** Rows rendered at once: 500 participants stay fast; "show more" adds this many again. */
export const PARTICIPANT_PAGE_SIZE = 100;
/** Below this many participants a filter box is noise. */
const FILTER_FROM = 8;

interface Focused {
  key: string;
  index: number;
  total: number;
}

export function ParticipantList({ participants, page }: { participants: ParticipantSummary[]; page: PageFocus }) {
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(PARTICIPANT_PAGE_SIZE);
  const [focused, setFocused] = useState<Focused | null>(null);
  const [focusError, setFocusError] = useState(false);
  // "New only": the people who wrote something since the reader's last visit, with those counts.
  const [newOnly, setNewOnly] = useState(false);
  const anyNew = participants.some((p) => (p.newCount ?? 0) > 0);
  const showNewOnly = newOnly && anyNew;

  // Most comments first; the content script ranks already, this keeps the promise if it did not.
  const ranked = useMemo(
    () => participants.map((p, i) => ({ p, i })).sort((a, b) => b.p.count - a.p.count || a.i - b.i).map(({ p }) => p),
    [participants],
  );
  const newRanked = useMemo(
    () => ranked.filter((p) => (p.newCount ?? 0) > 0).sort((a, b) => (b.newCount ?? 0) - (a.newCount ?? 0)),
    [ranked],
  );
  const matching = useMemo(() => filterParticipants(showNewOnly ? newRanked : ranked, query), [showNewOnly, newRanked, ranked, query]);
  const shown = matching.slice(0, limit);

  async function focus(key: string, index: number) {
    try {
      const result = showNewOnly ? await page.focusParticipant(key, index, true) : await page.focusParticipant(key, index);
      setFocused({ key, index: result.index, total: result.total });
      setFocusError(false);
    } catch {
      setFocusError(true);
    }
  }

  async function clearFocus() {
    setFocused(null);
    try {
      await page.clearParticipantFocus();
    } catch {
      setFocusError(true);
    }
  }

  function onFilterKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' && matching[0]) void focus(matching[0].key, 0);
  }

  return (
    <section class="participants" aria-labelledby="participants-title">
      <h2 id="participants-title">{t('popup_participantsTitle')}</h2>
      {ranked.length >= FILTER_FROM && (
        <input
          type="search"
          class="filter"
          value={query}
          placeholder={t('popup_filterPlaceholder')}
          aria-label={t('popup_filterLabel')}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setLimit(PARTICIPANT_PAGE_SIZE);
          }}
          onKeyDown={onFilterKeyDown}
        />
      )}
      {anyNew && (
        <label class="check new-only">
          <input
            type="checkbox"
            checked={newOnly}
            onChange={(e) => {
              setNewOnly(e.currentTarget.checked);
              setLimit(PARTICIPANT_PAGE_SIZE);
              if (focused) void clearFocus();
            }}
          />
          {t('popup_newOnly')}
        </label>
      )}
      {matching.length === 0 && query && <p class="muted">{t('popup_noMatch', query.trim())}</p>}
      <ul class="participant-list">
        {shown.map((p) => {
          const name = p.name || t('popup_anonymous');
          const isFocused = focused?.key === p.key;
          const fresh = p.newCount ?? 0;
          const countLabel = showNewOnly
            ? tn('popup_newComments', fresh)
            : fresh > 0
              ? `${tn('popup_comments', p.count)}, ${tn('popup_newComments', fresh)}`
              : tn('popup_comments', p.count);
          return (
            <li key={p.key} class={isFocused ? 'focused' : undefined}>
              <button
                type="button"
                class="participant"
                aria-pressed={isFocused}
                aria-label={t('popup_showParticipant', name, countLabel)}
                onClick={() => focus(p.key, isFocused ? wrap(focused.index + 1, focused.total) : 0)}
              >
                <span class="name">{name}</span>
                {p.isPostAuthor && <span class="badge">{t('popup_authorBadge')}</span>}
                {!showNewOnly && fresh > 0 && (
                  <span class="new-badge" aria-hidden="true">
                    +{formatNumber(fresh)}
                  </span>
                )}
                <span class="count">{formatNumber(showNewOnly ? fresh : p.count)}</span>
              </button>
              {isFocused && (
                <FocusNavigator
                  name={name}
                  focused={focused}
                  onMove={(step) => focus(p.key, wrap(focused.index + step, focused.total))}
                  onClear={clearFocus}
                />
              )}
            </li>
          );
        })}
      </ul>
      {matching.length > shown.length && (
        <button type="button" class="link-button" onClick={() => setLimit(limit + PARTICIPANT_PAGE_SIZE)}>
          {t('popup_showMore', formatNumber(Math.min(PARTICIPANT_PAGE_SIZE, matching.length - shown.length)))}
        </button>
      )}
      {focusError && (
        <p class="muted" role="alert">
          {t('popup_focusFailed')}
        </p>
      )}
    </section>
  );
}

/** `index` brought into 0..total-1 (previous from the first goes to the last). */
function wrap(index: number, total: number): number {
  return total > 0 ? ((index % total) + total) % total : 0;
}

function FocusNavigator(props: { name: string; focused: Focused; onMove(step: number): void; onClear(): void }) {
  const { index, total } = props.focused;
  return (
    <div class="focus-nav">
      <button type="button" class="icon-button" aria-label={t('popup_previous')} title={t('popup_previous')} onClick={() => props.onMove(-1)} disabled={total < 2}>
        ‹
      </button>
      <span class="position" aria-live="polite">
        {total > 0 ? (
          <>
            <span aria-hidden="true">{`${formatNumber(index + 1)} / ${formatNumber(total)}`}</span>
            <span class="visually-hidden">
              {t('popup_focusPositionLabel', formatNumber(index + 1), formatNumber(total), props.name)}
            </span>
          </>
        ) : (
          t('popup_focusNone')
        )}
      </span>
      <button type="button" class="icon-button" aria-label={t('popup_next')} title={t('popup_next')} onClick={() => props.onMove(1)} disabled={total < 2}>
        ›
      </button>
      <button type="button" class="icon-button" aria-label={t('popup_clearFocus')} title={t('popup_clearFocus')} onClick={props.onClear}>
        ×
      </button>
    </div>
  );
}
