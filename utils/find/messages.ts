/** What the find field says, in the reader's language: the visible count and the sentence screen readers hear. */
import { formatNumber, t, tn } from '@/utils/i18n';
import type { FindResults } from '@/utils/find/find-index';

/** "3 / 12" beside the field (current match 0-based, or null before the first step), "No match". */
export function findCountText(current: number | null, total: number): string {
  if (total === 0) return t('view_find_none');
  return t('view_find_count', current === null ? '–' : formatNumber(current + 1), formatNumber(total));
}

/** For the live region: "Match 3 of 12", or "12 matches in 5 comments" before stepping, or "No match". */
export function findStatusText(current: number | null, results: FindResults): string {
  if (results.total === 0) return t('view_find_none');
  if (current !== null) return t('view_find_status', formatNumber(current + 1), formatNumber(results.total));
  return `${tn('view_find_matches', results.total)} ${tn('view_find_in_comments', results.commentIds.length)}`;
}
