import { t } from '@/utils/i18n';
import { countLabel } from '@/utils/view/labels';

export interface ToolbarProps {
  comments: number;
  threads: number;
  authorReplies: number;
  onCollapseAll(): void;
  onExpandAll(): void;
  onAuthorReply(step: 1 | -1): void;
}

/** The floating toolbar of an enhanced thread (rendered in a shadow root by utils/view/toolbar). */
export function Toolbar({ comments, threads, authorReplies, onCollapseAll, onExpandAll, onAuthorReply }: ToolbarProps) {
  const noAuthor = authorReplies === 0;
  return (
    <div class="bar" role="toolbar" aria-label={t('view_toolbar_label')}>
      <button type="button" class="collapse-all" title={t('view_collapse_all')} onClick={onCollapseAll}>
        <span aria-hidden="true" class="icon">
          ▴
        </span>
        {t('view_collapse_all')}
      </button>
      <button type="button" class="expand-all" title={t('view_expand_all')} onClick={onExpandAll}>
        <span aria-hidden="true" class="icon">
          ▾
        </span>
        {t('view_expand_all')}
      </button>
      <span class="separator" aria-hidden="true" />
      <button
        type="button"
        class="author-previous"
        aria-label={t('view_previous_author_reply')}
        title={t('view_previous_author_reply')}
        disabled={noAuthor}
        onClick={() => onAuthorReply(-1)}
      >
        ‹
      </button>
      <span class="author-label" aria-hidden="true">
        <span class="dot" />
        {t('view_author_badge')}
      </span>
      <button
        type="button"
        class="author-next"
        aria-label={t('view_next_author_reply')}
        title={t('view_next_author_reply')}
        disabled={noAuthor}
        onClick={() => onAuthorReply(1)}
      >
        ›
      </button>
      <span class="separator" aria-hidden="true" />
      <span class="count">
        {countLabel('view_comments', comments)} · {countLabel('view_threads', threads)}
      </span>
    </div>
  );
}

/** Styles of the toolbar, inside its shadow root (the palette comes from OVERLAY_PALETTE_CSS). */
export const TOOLBAR_CSS = `
.bar {
  position: fixed; right: 16px; bottom: 16px; z-index: 2147483646;
  display: flex; align-items: center; gap: 2px; padding: 3px;
  font-family: var(--tl-font, system-ui, sans-serif); font-size: 13px; line-height: 1.4;
  color: var(--tl-text); background: var(--tl-surface);
  border: 1px solid var(--tl-line); border-radius: 999px; box-shadow: var(--tl-shadow);
  max-width: calc(100vw - 32px); overflow-x: auto; box-sizing: border-box;
}
button {
  all: unset; box-sizing: border-box; cursor: pointer; white-space: nowrap;
  padding: 3px 10px; border-radius: 999px; font: inherit; color: inherit;
}
button:hover:not(:disabled) { background: color-mix(in srgb, var(--tl-text) 9%, transparent); }
button:focus-visible { outline: 2px solid var(--tl-text); outline-offset: 1px; }
button:disabled { opacity: 0.4; cursor: default; }
.author-previous, .author-next { padding: 3px 8px; font-size: 15px; line-height: 1.2; }
.icon { display: inline-block; margin-inline-end: 4px; }
.author-label { display: inline-flex; align-items: center; gap: 5px; color: var(--tl-muted); white-space: nowrap; }
.dot { width: 7px; height: 7px; border-radius: 50%; background: var(--tl-accent, currentColor); }
.separator { width: 1px; align-self: stretch; margin: 4px 3px; background: var(--tl-line); }
.count { padding: 0 10px 0 6px; color: var(--tl-muted); white-space: nowrap; }
@media (max-width: 600px) { .collapse-all, .expand-all { font-size: 0; } .icon { font-size: 13px; margin: 0; } .count { display: none; } }
@media (prefers-reduced-motion: no-preference) { button { transition: background-color 0.12s ease; } }
@media print { .bar { display: none; } }
`;
