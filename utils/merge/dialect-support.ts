/**
 * Which markup dialects the comment-pages merge supports, decided per dialect (a new dialect must say: the record is
 * keyed by every MarkupDialect, so the compiler asks). A dialect is supported when its paging is WordPress's
 * (`comment-page-N` / `cpage=N`, whole top-level threads per page, docs/merge-and-find.md) and its rebuilt markup
 * parses again exactly like the page's own (tests/unit/merge/every-theme.test.ts checks both on every fixture). An
 * unsupported dialect is declined before anything is fetched: no control is shown, the popup says why.
 */
import type { MarkupDialect } from '@/utils/thread/types';

export type MergeSupport =
  | { supported: true }
  /** `reason`: why, for the docs and the tests (the reader is told the engine's name only). */
  | { supported: false; reason: string };

export const MERGE_SUPPORT: Readonly<Record<MarkupDialect, MergeSupport>> = {
  wordpress: { supported: true },
  // wpDiscuz loads more comments itself (AJAX) and prints WordPress's comment pages only when a theme or an old
  // version does: those follow WordPress's paging, and its items (`wpd-comm-N_P`, `wc-comm-N_P`, `wc-comm-POST_N`)
  // are re-created from their closed id patterns.
  wpdiscuz: { supported: true },
  // Drupal's comment pager (`?page=N`, 0-based) counts every comment, not top-level threads: a thread splits across
  // pages, and a page may open with replies whose parent is on the page before, printed under no parent (its
  // `div.indented` opens the page). Drupal 7–10 also put each comment's id on an empty anchor before it. Merging it
  // needs the parent links of the "In reply to" lines and anchors re-created: declined until then.
  drupal: { supported: false, reason: 'the pager counts every comment: threads split across pages' },
};

export function mergeSupportOf(dialect: MarkupDialect): MergeSupport {
  return MERGE_SUPPORT[dialect] ?? { supported: false, reason: 'unknown dialect' };
}
