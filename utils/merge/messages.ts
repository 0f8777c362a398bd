/**
 * What the merge says, in the reader's language: the toolbar control's label, progress, each page's failure or
 * warning (in place and in the popup), the outcome. One place, so the toolbar, the page and the popup agree.
 */
import { formatNumber, t, tn } from '@/utils/i18n';
import type { PageFailure } from '@/utils/merge/fetch-page';
import type { MergeProgress, MergeResult, PageReport, PageWarning } from '@/utils/merge/load-all-pages';
import type { CommentPagePlan } from '@/utils/merge/page-plan';

/** "Show all 3 pages · 212 comments" (the count when the post announces one), "Show all comment pages" when unsure. */
export function showAllLabel(plan: CommentPagePlan, announced: number | null): string | null {
  if (plan.status !== 'ready') return null;
  if (!plan.totalKnown) return t('view_merge_show_all_unknown');
  const pages = formatNumber(plan.total);
  return announced === null ? t('view_merge_show_all', pages) : t('view_merge_show_all_count', pages, tn('view_comments', announced));
}

/** "Loading page 2 of 4…" (WordPress's page number, of the pages of the thread). */
export function progressText(progress: MergeProgress): string {
  const page = formatNumber(progress.page);
  return progress.totalKnown ? t('view_merge_progress', page, formatNumber(progress.total)) : t('view_merge_progress_unknown', page);
}

/** Why page `number` could not be merged. */
export function failureText(number: number, failure: PageFailure): string {
  const page = formatNumber(number);
  switch (failure.kind) {
    case 'http':
      return t('view_merge_failed_http', page, String(failure.status));
    case 'timeout':
      return t('view_merge_failed_timeout', page);
    case 'network':
      return t('view_merge_failed_network', page);
    case 'cross-origin':
      return t('view_merge_failed_cross_origin', page);
    case 'other-post':
      return t('view_merge_failed_other_post', page);
    case 'login':
      return t('view_merge_failed_login', page);
    case 'paywall':
      return t('view_merge_failed_paywall', page);
    case 'not-html':
      return t('view_merge_failed_not_html', page);
    case 'too-large':
      return t('view_merge_failed_too_large', page);
    case 'no-comments':
      return t('view_merge_failed_no_comments', page);
    case 'wrong-page':
      return t('view_merge_failed_wrong_page', page, formatNumber(failure.found));
    case 'unreadable':
      return t('view_merge_failed_unreadable', page);
    case 'cancelled':
      return t('view_merge_not_loaded_cancelled', page);
  }
}

/** Something to know about a page that was merged all the same. */
export function warningText(number: number, warning: PageWarning): string {
  const page = formatNumber(number);
  switch (warning.kind) {
    case 'count-mismatch':
      return t('view_merge_warning_count', page, formatNumber(warning.found), formatNumber(warning.expected));
    case 'duplicates':
      return tn('view_merge_warning_duplicates', warning.count, page);
    case 'unbuilt':
      return tn('view_merge_warning_unbuilt', warning.count, page);
  }
}

/** What to say about one page, in place and in the popup: its failure, why it was not loaded, else null. */
export function pageProblemText(report: PageReport): string | null {
  if (report.failure) return failureText(report.number, report.failure);
  if (report.status !== 'not-loaded') return null;
  const page = formatNumber(report.number);
  if (report.reason === 'cross-origin') return t('view_merge_failed_cross_origin', page);
  if (report.reason === 'no-url') return t('view_merge_not_loaded_no_url', page);
  if (report.reason === 'cap-pages' || report.reason === 'cap-comments') return t('view_merge_not_loaded_cap', page);
  return t('view_merge_not_loaded_cancelled', page);
}

/** The outcome in one line: "All 3 pages shown · 212 comments", "2 of 3 pages shown", the cap, a stop. */
export function outcomeText(result: MergeResult): string | null {
  if (result.plan.status !== 'ready') return null;
  const shownPages = result.pages.filter((page) => page.status === 'merged' || page.status === 'on-screen');
  const shown = formatNumber(shownPages.length);
  const total = formatNumber(result.pages.length);
  switch (result.outcome) {
    case 'complete':
      // People's comments, as the toolbar's and the popup's figures count them (pingbacks apart).
      return t('view_merge_done', total, tn('view_comments', result.thread.comments.filter((comment) => comment.type === 'comment').length));
    case 'partial':
      return t('view_merge_partial', shown, total);
    case 'cancelled':
      return t('view_merge_cancelled', shown, total);
    case 'capped': {
      if (result.cap?.kind === 'comments') return t('view_merge_capped_comments', formatNumber(result.thread.comments.length), formatNumber(result.cap.limit));
      const numbers = shownPages.map((page) => page.number).sort((a, b) => a - b);
      const limit = formatNumber(result.cap?.limit ?? result.plan.maxPages);
      return t('view_merge_capped_pages', formatNumber(numbers[0] ?? 1), formatNumber(numbers[numbers.length - 1] ?? 1), total, limit);
    }
    default:
      return null;
  }
}

/** "The post announces 212 comments; 210 are shown." when the merged thread disagrees with the post's own count. */
export function countMismatchText(result: MergeResult): string | null {
  if (!result.countMismatch) return null;
  return t('view_merge_count_mismatch', formatNumber(result.countMismatch.announced), formatNumber(result.countMismatch.shown));
}
