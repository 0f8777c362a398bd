/** The thread's comment pages put together ("show all pages"): where it stands, each page's problem, the action. */
import type { PageMergeState } from '@/utils/messaging/protocol';
import { t } from '@/utils/i18n';

export interface MergeSummaryProps {
  merge: PageMergeState | undefined;
  /** Ask the page to put its comment pages together (or retry the missing ones). */
  onShowAll(): void;
}

export function MergeSummary({ merge, onShowAll }: MergeSummaryProps) {
  if (!merge) return null;
  const canStart = merge.status === 'available' || (merge.status === 'done' && merge.problems.length > 0);
  return (
    <section class="merge" aria-label={t('popup_merge_heading')}>
      <p class={merge.status === 'unsupported' ? 'muted' : undefined}>{merge.text}</p>
      {merge.problems.length > 0 && (
        <ul class="merge-problems">
          {merge.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {canStart && (
        <button type="button" class="link-button" onClick={onShowAll}>
          {merge.status === 'available' ? t('popup_merge_show_all') : t('view_merge_retry')}
        </button>
      )}
    </section>
  );
}
