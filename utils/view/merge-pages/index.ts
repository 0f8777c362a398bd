/**
 * "Show all pages" (issue #13): on a paginated thread, a toolbar control loads the post's other comment pages
 * (utils/merge/load-all-pages.ts: same origin, one at a time, cancellable, capped) and inserts their comments, rebuilt
 * through the one DOMPurify door, in reading order through this feature's journal: turning Threadlight off (or the
 * feature) removes them and restores the page exactly. The comments join the view's thread (ctx.thread.add), so they
 * get the same DOM contract, fold, count in the figures and answer the keys. Per-page problems are said in place (a
 * notice above the list) and in the popup (PageState.merge). Dialects whose paging is declined (Drupal:
 * utils/merge/dialect-support.ts) get no control. docs/merge-and-find.md.
 */
import { t } from '@/utils/i18n';
import type { PageMergeState } from '@/utils/messaging/protocol';
import { fetchCommentPage } from '@/utils/merge/fetch-page';
import { insertionPoint } from '@/utils/merge/insert-point';
import { loadAllCommentPages, type MergedPageEvent, type MergeProgress, type MergeResult } from '@/utils/merge/load-all-pages';
import { countMismatchText, outcomeText, pageProblemText, progressText, showAllLabel, warningText } from '@/utils/merge/messages';
import { announcedCommentCount } from '@/utils/merge/page-facts';
import { detectCommentOrder, planCommentPages, type CommentPagePlan } from '@/utils/merge/page-plan';
import type { CommentParts } from '@/utils/parse/types';
import { abortControllerFor, defineViewFeature } from '@/utils/view/core/feature';
import type { FeatureContext } from '@/utils/view/core/types';
import { ATTR_MERGED, ATTR_UI, CLASS_PREFIX } from '@/utils/view/dom-contract';
import { registerMergeHandle } from './registry';

export { mergeHandleOf } from './registry';

/** Tests replace the fetch (the default: the engine's page-context fetch). */
export interface MergeFeatureConfig {
  fetch?: Parameters<typeof fetchCommentPage>[1]['fetch'];
}

const NOTICE_CSS = `
.${CLASS_PREFIX}merge-notice { margin: 0 0 1em; padding: 0.5em 0.75em; border-inline-start: 3px solid currentColor; }
.${CLASS_PREFIX}merge-notice p { margin: 0.25em 0; }
@media print { .${CLASS_PREFIX}merge-notice { display: none; } }
`;

type Phase = { kind: 'idle' } | { kind: 'loading'; progress: MergeProgress | null } | { kind: 'done'; result: MergeResult };

/** The plan for the page on screen, as the engine will make it (the control's label, the popup). */
function planOf(ctx: FeatureContext): CommentPagePlan {
  const page = ctx.thread.page.thread;
  return planCommentPages({
    pagination: page.pagination,
    pageUrl: ctx.doc.URL.replace(/#.*$/, ''),
    order: detectCommentOrder(page.comments),
    dialect: page.dialect,
  });
}

export function createMergePagesFeature(config: MergeFeatureConfig = {}) {
  return defineViewFeature({
    id: 'merge-pages',
    enabled: (_options, section) => section.primary,
    setup(ctx) {
      const plan = planOf(ctx);
      const engine = ctx.thread.page.section?.profile.engine ?? ctx.thread.page.thread.dialect;
      if (plan.status === 'unsupported') {
        // Declined before anything is fetched: no control, the popup says why.
        return registerMergeHandle(ctx.root, { snapshot: () => ({ status: 'unsupported', text: t('popup_merge_unsupported', engine), problems: [] }), start: () => false });
      }
      const list = ctx.thread.page.section?.list;
      if (plan.status !== 'ready' || !list) return;

      const announced = announcedCommentCount(ctx.doc);
      const merged = new Map<string, CommentParts>();
      let phase: Phase = { kind: 'idle' };
      let previous: MergeResult | undefined;
      let loading: AbortController | null = null;
      let notice: HTMLElement | null = null;
      ctx.addStyles(NOTICE_CSS);

      const problems = (): string[] => {
        if (phase.kind !== 'done') return [];
        const lines: string[] = [];
        for (const report of phase.result.pages) {
          const problem = pageProblemText(report);
          if (problem) lines.push(problem);
          for (const warning of report.warnings) lines.push(warningText(report.number, warning));
        }
        const mismatch = countMismatchText(phase.result);
        if (mismatch) lines.push(mismatch);
        return lines;
      };
      const statusText = (): string => {
        if (phase.kind === 'loading') return phase.progress ? progressText(phase.progress) : t('view_merge_starting');
        if (phase.kind === 'done') return outcomeText(phase.result) ?? '';
        return showAllLabel(plan, announced) ?? '';
      };
      const canRetry = () => phase.kind === 'done' && phase.result.outcome !== 'complete' && phase.result.pages.some((page) => page.status === 'failed' || (page.status === 'not-loaded' && page.reason === 'cancelled'));

      /** Say the pages' problems in place: one notice above the list (in the section), replaced on each run. */
      const showNotice = () => {
        const lines = problems();
        if (notice) ctx.journal.removeInserted(notice);
        notice = null;
        if (lines.length === 0) return;
        const box = ctx.doc.createElement('div');
        box.setAttribute(ATTR_UI, 'merge-notice');
        box.className = `${CLASS_PREFIX}merge-notice`;
        box.setAttribute('role', 'note');
        box.setAttribute('aria-label', t('view_merge_notice_label'));
        for (const line of lines) {
          const p = ctx.doc.createElement('p');
          p.textContent = line;
          box.append(p);
        }
        const parent = list === ctx.root ? ctx.root : (list.parentElement ?? ctx.root);
        ctx.write(() => ctx.journal.insert(box, parent, parent === list ? list.firstChild : list));
        notice = box;
      };

      /** A page's comments into the section, next to the comment the engine names, then into the view's thread. */
      const insertPage = (event: MergedPageEvent) => {
        const anchor = ctx.thread.parts(event.insert.anchorId)?.element ?? merged.get(event.insert.anchorId)?.element;
        const point = anchor ? insertionPoint(list, anchor, event.insert.position) : null;
        if (!point) {
          ctx.report(new Error(`no place for page ${event.page.number} (anchor ${event.insert.anchorId})`), 'insert');
          return;
        }
        for (const [id, parts] of event.parts) {
          parts.element.setAttribute(ATTR_MERGED, String(event.page.number));
          merged.set(id, parts);
        }
        ctx.write(() => {
          for (const unit of event.units) ctx.journal.insert(unit, point.parent, point.before);
        });
        ctx.thread.add({ comments: event.thread.comments.filter((comment) => merged.has(comment.id)), parts: new Map(merged) });
      };

      const run = async () => {
        if (phase.kind === 'loading' || ctx.signal.aborted) return;
        loading = abortControllerFor(ctx.doc);
        const stop = () => loading?.abort();
        ctx.signal.addEventListener('abort', stop);
        phase = { kind: 'loading', progress: null };
        ctx.toolbar.refresh();
        try {
          const result = await loadAllCommentPages({
            document: ctx.doc,
            section: { root: ctx.root, list, dialect: ctx.thread.page.thread.dialect },
            parsed: ctx.thread.page,
            signal: loading.signal,
            ...(config.fetch ? { fetch: config.fetch } : {}),
            ...(previous ? { previous } : {}),
            onProgress: ctx.guard('progress', (progress: MergeProgress) => {
              phase = { kind: 'loading', progress };
              ctx.toolbar.refresh();
              ctx.toolbar.announce(progressText(progress));
            }),
            onPage: ctx.guard('page', insertPage),
          });
          if (ctx.signal.aborted) return;
          previous = result;
          phase = { kind: 'done', result };
          showNotice();
          ctx.toolbar.refresh();
          const said = [outcomeText(result), ...problems()].filter(Boolean).join(' ');
          if (said) ctx.toolbar.announce(said);
        } catch (error) {
          ctx.report(error, 'load');
          phase = { kind: 'idle' };
          ctx.toolbar.refresh();
        } finally {
          ctx.signal.removeEventListener('abort', stop);
          loading = null;
        }
      };
      const start = () => {
        if (phase.kind === 'loading' || (phase.kind === 'done' && !canRetry())) return false;
        void run();
        return true;
      };

      ctx.toolbar.add({
        kind: 'button',
        id: 'load-all-pages',
        order: 70,
        icon: '⇣',
        label: () => {
          if (phase.kind === 'loading') return t('view_merge_cancel');
          if (phase.kind === 'done') return t('view_merge_retry');
          return showAllLabel(plan, announced) ?? t('view_merge_show_all_unknown');
        },
        // Gone once every page is shown: nothing is left to load.
        hidden: () => phase.kind === 'done' && !canRetry(),
        pressed: () => phase.kind === 'loading',
        run: () => {
          if (phase.kind === 'loading') loading?.abort();
          else start();
        },
      });
      // Progress while loading; after, the outcome only when something is missing (the figures say the rest).
      const toolbarStatus = () => (phase.kind === 'loading' || (phase.kind === 'done' && phase.result.outcome !== 'complete') ? statusText() : '');
      ctx.toolbar.add({ kind: 'status', id: 'merge-progress', order: 71, text: toolbarStatus });

      const cleanupHandle = registerMergeHandle(ctx.root, {
        snapshot: (): PageMergeState => ({
          status: phase.kind === 'idle' ? 'available' : phase.kind === 'loading' ? 'loading' : 'done',
          text: statusText(),
          problems: problems(),
        }),
        start,
      });
      if (ctx.options().autoMergePages) start();
      ctx.on('options', () => {
        if (ctx.options().autoMergePages && phase.kind === 'idle') start();
      });
      return () => {
        loading?.abort();
        cleanupHandle();
      };
    },
  });
}

export const mergePagesFeature = createMergePagesFeature();
