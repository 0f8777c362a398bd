/** What is new since the reader's last visit: the count and the date, "Mark all as read", or why nothing is known. */
import { useState } from 'preact/hooks';
import type { PageVisitState } from '@/utils/messaging/protocol';
import { t } from '@/utils/i18n';
import { newSincePhrase } from '@/utils/visits/format';

export interface VisitSummaryProps {
  visit: PageVisitState | undefined;
  /** Ask the page to mark everything read; resolves to the new count after, rejects when the page does not answer. */
  onMarkAllRead(): Promise<{ newCount: number }>;
  /** The clock (tests). */
  now?: () => number;
}

export function VisitSummary({ visit, onMarkAllRead, now = Date.now }: VisitSummaryProps) {
  // The count the page gave after "mark all as read", until the next page state arrives.
  const [marked, setMarked] = useState<{ for: PageVisitState; newCount: number } | null>(null);
  const [failed, setFailed] = useState(false);
  if (!visit) return null;
  if (visit.status === 'private') return <p class="visit muted">{t('popup_visitPrivate')}</p>;
  if (visit.status === 'unavailable') return null;
  if (visit.status === 'first' || visit.lastVisit === null) return <p class="visit muted">{t('popup_visitFirst')}</p>;

  const newCount = marked?.for === visit ? marked.newCount : visit.newCount;
  async function markAllRead() {
    try {
      const result = await onMarkAllRead();
      setMarked({ for: visit!, newCount: Math.max(0, Math.floor(Number(result?.newCount) || 0)) });
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }

  return (
    <div class="visit">
      <p class={newCount > 0 ? 'visit-new' : 'muted'}>{newSincePhrase(newCount, visit.lastVisit, now())}</p>
      {newCount > 0 && (
        <button type="button" class="link-button" onClick={markAllRead}>
          {t('popup_markAllRead')}
        </button>
      )}
      {failed && (
        <p class="muted" role="alert">
          {t('popup_markAllReadFailed')}
        </p>
      )}
    </div>
  );
}
