import { describe, expect, it } from 'vitest';
import { findCountText, findStatusText } from '@/utils/find/messages';
import type { FindResults } from '@/utils/find/find-index';
import type { PageFailure } from '@/utils/merge/fetch-page';
import type { MergeResult, PageReport } from '@/utils/merge/load-all-pages';
import { countMismatchText, failureText, outcomeText, pageProblemText, progressText, showAllLabel, warningText } from '@/utils/merge/messages';
import { planCommentPages } from '@/utils/merge/page-plan';
import { setTestLanguage } from '../../setup/i18n';

const plan = planCommentPages({
  pagination: { current: 3, total: 3, previousUrl: 'https://b.example/p/comment-page-2/', nextUrl: null, pageUrls: ['https://b.example/p/comment-page-1/', 'https://b.example/p/comment-page-2/'] },
  pageUrl: 'https://b.example/p/',
});
const report = (number: number, status: PageReport['status'], extra: Partial<PageReport> = {}): PageReport => ({ number, url: null, status, failure: null, warnings: [], commentIds: [], ...extra });
const result = (outcome: MergeResult['outcome'], pages: PageReport[], extra: Partial<MergeResult> = {}): MergeResult =>
  ({ outcome, plan, pages, thread: { comments: Array(212).fill({ type: 'comment' }) }, pageOf: new Map(), parts: new Map(), cap: null, announced: null, countMismatch: null, ...extra }) as unknown as MergeResult;

describe('merge messages', () => {
  it('labels the toolbar control, with the announced count when there is one', () => {
    expect(showAllLabel(plan, 212)).toBe('Show all 3 pages · 212 comments');
    expect(showAllLabel(plan, null)).toBe('Show all 3 pages');
    expect(showAllLabel({ status: 'single' }, 5)).toBeNull();
    setTestLanguage('fr');
    expect(showAllLabel(plan, 1)).toBe('Afficher les 3 pages · 1 commentaire');
  });

  it('says progress as "page 2 of 4"', () => {
    expect(progressText({ page: 2, total: 4, totalKnown: true, step: 1, steps: 3, comments: 20 })).toBe('Loading page 2 of 4…');
    expect(progressText({ page: 5, total: 5, totalKnown: false, step: 4, steps: 4, comments: 20 })).toBe('Loading page 5…');
    setTestLanguage('fr');
    expect(progressText({ page: 2, total: 4, totalKnown: true, step: 1, steps: 3, comments: 20 })).toBe('Chargement de la page 2 sur 4…');
  });

  it('has a sentence for every failure class, in both languages', () => {
    const failures: PageFailure[] = [
      { kind: 'http', status: 404 },
      { kind: 'timeout' },
      { kind: 'network' },
      { kind: 'cross-origin' },
      { kind: 'other-post' },
      { kind: 'login' },
      { kind: 'paywall' },
      { kind: 'not-html', contentType: 'application/pdf' },
      { kind: 'too-large', bytes: 1 },
      { kind: 'no-comments' },
      { kind: 'wrong-page', found: 1 },
      { kind: 'unreadable' },
      { kind: 'cancelled' },
    ];
    for (const lang of ['en', 'fr'] as const) {
      setTestLanguage(lang);
      const texts = failures.map((failure) => failureText(2, failure));
      expect(texts.every((text) => text.includes('2') && !text.startsWith('view_')), texts.join('\n')).toBe(true);
      expect(new Set(texts).size).toBe(failures.length);
    }
    setTestLanguage('en');
    expect(failureText(3, { kind: 'http', status: 404 })).toBe('Page 3 could not be loaded (error 404).');
    expect(failureText(3, { kind: 'wrong-page', found: 1 })).toBe('Page 3 was asked for, the site gave page 1.');
  });

  it('words warnings with plurals, and why a page was not loaded', () => {
    expect(warningText(2, { kind: 'duplicates', count: 1 })).toBe('Page 2: 1 comment already shown was left in place.');
    expect(warningText(2, { kind: 'duplicates', count: 4 })).toBe('Page 2: 4 comments already shown were left in place.');
    expect(warningText(2, { kind: 'count-mismatch', expected: 50, found: 48 })).toBe('Page 2 holds 48 threads where 50 were expected: comments may have moved meanwhile.');
    expect(pageProblemText(report(4, 'not-loaded', { reason: 'cap-pages' }))).toBe('Page 4 is past the limit: not loaded.');
    expect(pageProblemText(report(4, 'merged'))).toBeNull();
    expect(pageProblemText(report(4, 'failed', { failure: { kind: 'login' } }))).toBe('Page 4 asks you to log in.');
  });

  it('sums up the outcome', () => {
    const three = [report(1, 'merged'), report(2, 'merged'), report(3, 'on-screen')];
    expect(outcomeText(result('complete', three))).toBe('All 3 pages shown · 212 comments');
    // People's comments, as the figures count them: a pingback apart.
    const withPing = { comments: [...Array(212).fill({ type: 'comment' }), { type: 'pingback' }] } as unknown as MergeResult['thread'];
    expect(outcomeText(result('complete', three, { thread: withPing }))).toBe('All 3 pages shown · 212 comments');
    expect(outcomeText(result('partial', [report(1, 'failed'), ...three.slice(1)]))).toBe('2 of 3 pages shown');
    expect(outcomeText(result('cancelled', [report(1, 'not-loaded'), ...three.slice(1)]))).toBe('Stopped: 2 of 3 pages shown');
    expect(outcomeText(result('capped', [report(1, 'not-loaded'), ...three.slice(1)], { cap: { kind: 'pages', limit: 2 } }))).toBe('Pages 2 to 3 of 3 shown: at most 2 pages are put together.');
    expect(outcomeText(result('capped', three, { cap: { kind: 'comments', limit: 5000 } }))).toBe('Stopped at 212 comments: at most 5,000 are put together.');
    expect(countMismatchText(result('complete', three, { countMismatch: { announced: 214, shown: 212 } }))).toBe('The post announces 214 comments; 212 are shown.');
    setTestLanguage('fr');
    expect(outcomeText(result('complete', three))).toBe('Les 3 pages sont affichées · 212 commentaires');
  });
});

describe('find messages', () => {
  const results = (total: number, comments: number) => ({ total, commentIds: Array(comments).fill('x') }) as unknown as FindResults;
  it('shows "3 / 12" and announces the match or the count', () => {
    expect(findCountText(2, 12)).toBe('3 / 12');
    expect(findCountText(null, 12)).toBe('– / 12');
    expect(findCountText(null, 0)).toBe('No match');
    expect(findStatusText(2, results(12, 5))).toBe('Match 3 of 12');
    expect(findStatusText(null, results(12, 5))).toBe('12 matches in 5 comments');
    expect(findStatusText(null, results(1, 1))).toBe('1 match in 1 comment');
    setTestLanguage('fr');
    expect(findStatusText(null, results(12, 5))).toBe('12 résultats dans 5 commentaires');
    expect(findStatusText(0, results(0, 0))).toBe('Aucun résultat');
  });
});
