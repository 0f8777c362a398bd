/**
 * "Show all pages": loads the other comment pages of the post one at a time, in reading order, and hands each one,
 * parsed, merged and rebuilt as sanitized nodes, to its caller (the view feature), which inserts it. Pure of the
 * view: it reads the page on screen and creates detached nodes, it never inserts anything.
 * docs/merge-and-find.md describes the flow, the failure classes and how a view feature uses it.
 */
import type { CommentSection } from '@/utils/detect/types';
import { buildMergedComments } from '@/utils/merge/build-nodes';
import { FETCH_DEFAULTS, fetchCommentPage, type FetchedHtml, type PageFailure, type PageFetch } from '@/utils/merge/fetch-page';
import { detachComment, mergeThread, selectNewComments, type PageComments } from '@/utils/merge/merge-thread';
import { announcedCommentCount, postIdentityOf } from '@/utils/merge/page-facts';
import { detectCommentOrder, extendPlan, MERGE_LIMITS, planCommentPages, type CommentPagePlan, type ReadyPlan } from '@/utils/merge/page-plan';
import { parseCommentPage, sectionSignature } from '@/utils/merge/parse-page';
import type { CommentParts, ParsedSection } from '@/utils/parse/types';
import type { Thread } from '@/utils/thread/types';

/** Something worth saying about a page that was merged all the same. */
export type PageWarning =
  /** The page holds another number of top-level threads than a full page of this thread (comments moved meanwhile). */
  | { kind: 'count-mismatch'; expected: number; found: number }
  /** Comments of the page were already shown (pages shifted between two loads): left where they are. */
  | { kind: 'duplicates'; count: number }
  /** Comments whose item could not be rebuilt (an item tag outside the sanitizer's allow-list). */
  | { kind: 'unbuilt'; count: number };

export type PageStatus =
  | 'on-screen'
  | 'merged'
  | 'failed'
  /** Not loaded: past the cap, cancelled, or no link to it. */
  | 'not-loaded';

export interface PageReport {
  number: number;
  url: string | null;
  status: PageStatus;
  failure: PageFailure | null;
  warnings: PageWarning[];
  /** Ids of the page's comments in the merged thread, in page order. */
  commentIds: string[];
  /** Why a page was not loaded. */
  reason?: 'cap-pages' | 'cap-comments' | 'cancelled' | 'cross-origin' | 'no-url';
}

/** Where the view inserts a page's units: before or after the list child holding the anchor comment's element. */
export interface InsertAt {
  position: 'before' | 'after';
  /** A comment already in the section (on screen, or merged earlier): its element is found through the view's parts. */
  anchorId: string;
}

export interface MergedPageEvent {
  page: PageReport;
  /** The rebuilt list children to insert, in order (sanitized, detached, owned by the reader's document). */
  units: Element[];
  /** The merged comments' parts (shape of the page's own CommentParts). */
  parts: Map<string, CommentParts>;
  insert: InsertAt;
  /** The merged thread so far (every comment shown once this page is inserted), in reading order. */
  thread: Thread;
  pageOf: Map<string, number>;
}

export interface MergeProgress {
  /** WordPress's number of the page being loaded. */
  page: number;
  /** Pages of the thread (at least: see totalKnown). */
  total: number;
  totalKnown: boolean;
  /** This load's position among the pages to load (1-based), and their count so far. */
  step: number;
  steps: number;
  /** Comments shown so far (the page's own included). */
  comments: number;
}

export type MergeOutcome =
  | 'complete'
  /** Some pages failed; the others are merged. */
  | 'partial'
  | 'cancelled'
  /** Stopped at the cap (pages or comments). */
  | 'capped'
  /** The thread has one page: nothing to load. */
  | 'single'
  /** Paginated, but this page's number cannot be told (no current marker, no numbered URL). */
  | 'unplaceable'
  /** Paginated, in a dialect the merge declines (utils/merge/dialect-support.ts): nothing fetched. */
  | 'unsupported';

export interface MergeResult {
  outcome: MergeOutcome;
  plan: CommentPagePlan;
  /** Every page of the thread in reading order (or every page planned when the total is not known). */
  pages: PageReport[];
  thread: Thread;
  pageOf: Map<string, number>;
  /** Parts of every merged comment (not the page's own). */
  parts: Map<string, CommentParts>;
  /** The cap hit, if any. */
  cap: { kind: 'pages' | 'comments'; limit: number } | null;
  /** The post's announced comment count (structured data), and whether the merged thread disagrees with it. */
  announced: number | null;
  countMismatch: { announced: number; shown: number } | null;
}

export interface LoadAllPagesOptions {
  /** The reader's page. */
  document: Document;
  /** The section on screen and its parse. */
  section: CommentSection;
  parsed: ParsedSection;
  /** Defaults to pageContextFetch() (Firefox: the page's content.fetch). */
  fetch?: PageFetch;
  signal?: AbortSignal;
  timeoutMs?: number;
  maxPages?: number;
  maxComments?: number;
  onProgress?: (progress: MergeProgress) => void;
  /** Called once per merged page, in load order, with what to insert and where. */
  onPage?: (event: MergedPageEvent) => void;
  /** A previous result (after a failure or a cancel): only pages it did not merge are loaded again. */
  previous?: MergeResult;
  /** Yields to the page between slices of work (default: a macrotask). */
  yieldToPage?: () => Promise<void>;
}

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

interface LoadedPage {
  number: number;
  comments: PageComments;
  report: PageReport;
}

/** Top-level threads of a page (comments whose parent is not on the page). */
function topLevelCount(data: PageComments): number {
  return data.comments.filter((comment) => comment.parentId === null).length;
}

/** Where a page goes among the pages already in the section, by reading order. */
function insertionFor(number: number, readingOrder: number[], present: Map<number, PageComments>): InsertAt | null {
  const at = readingOrder.indexOf(number);
  for (let i = at + 1; i < readingOrder.length; i++) {
    const first = present.get(readingOrder[i]!)?.comments[0];
    if (first) return { position: 'before', anchorId: first.id };
  }
  for (let i = at - 1; i >= 0; i--) {
    const comments = present.get(readingOrder[i]!)?.comments;
    const last = comments?.[comments.length - 1];
    if (last) return { position: 'after', anchorId: last.id };
  }
  return null;
}

function fullReadingOrder(plan: ReadyPlan): number[] {
  return [...plan.pages.map((page) => page.number), ...plan.skipped.map((page) => page.number)].sort((a, b) =>
    plan.order === 'oldest-first' ? a - b : b - a,
  );
}

/** Loads, parses, merges and rebuilds every other comment page of the thread on screen (see the file's head). */
export async function loadAllCommentPages(options: LoadAllPagesOptions): Promise<MergeResult> {
  const doc = options.document;
  const pageUrl = doc.URL;
  const base = options.parsed.thread;
  const maxComments = options.maxComments ?? MERGE_LIMITS.maxComments;
  const yieldToPage = options.yieldToPage ?? macrotask;
  const announced = announcedCommentCount(doc);
  let plan: CommentPagePlan = planCommentPages({
    pagination: base.pagination,
    pageUrl,
    order: detectCommentOrder(base.comments),
    maxPages: options.maxPages,
    dialect: options.section.dialect,
  });
  const empty = (outcome: MergeOutcome): MergeResult => ({
    outcome,
    plan,
    pages: [],
    thread: base,
    pageOf: new Map(base.comments.map((comment) => [comment.id, base.pagination?.current ?? 1])),
    parts: new Map(),
    cap: null,
    announced,
    countMismatch: null,
  });
  if (plan.status !== 'ready') return empty(plan.status);

  const onScreen: PageComments = { number: plan.current, comments: base.comments, postAuthor: base.postAuthor };
  const present = new Map<number, PageComments>([[plan.current, onScreen]]);
  const reports = new Map<number, PageReport>();
  const parts = new Map<string, CommentParts>();
  reports.set(plan.current, { number: plan.current, url: plan.pages.find((page) => page.onScreen)?.url ?? pageUrl, status: 'on-screen', failure: null, warnings: [], commentIds: base.comments.map((comment) => comment.id) });
  for (const page of options.previous?.pages ?? []) {
    if (page.status !== 'merged') continue;
    const comments = options.previous!.thread.comments.filter((comment) => options.previous!.pageOf.get(comment.id) === page.number);
    present.set(page.number, { number: page.number, comments });
    reports.set(page.number, page);
  }
  for (const [id, part] of options.previous?.parts ?? []) parts.set(id, part);

  const taken = new Set<string>([...present.values()].flatMap((page) => page.comments.map((comment) => comment.id)));
  const post = postIdentityOf(doc, pageUrl);
  const signature = sectionSignature(options.section);
  const parser = new (doc.defaultView?.DOMParser ?? DOMParser)();
  // Comments per full page, from a page that is not the last one (WordPress: the last page holds the remainder).
  let perPage: number | null = plan.totalKnown && plan.current < plan.total ? topLevelCount(onScreen) : null;
  let cap: MergeResult['cap'] = null;
  let cancelled = false;
  let step = 0;

  const shown = () => [...present.values()].reduce((sum, page) => sum + page.comments.length, 0);
  const current = (): ReadyPlan => plan as ReadyPlan;
  const merged = () => mergeThread(base, fullReadingOrder(current()).flatMap((number) => present.get(number) ?? []));

  /** Parse, select and rebuild one fetched page (throws only on markup nothing could read: contained by the caller). */
  const readPage = async (page: FetchedHtml, number: number) => {
    const parsedPage = parseCommentPage({ html: page.html, url: page.url, number, post, signature, parser });
    if (!parsedPage.ok) return { kind: 'failed' as const, failure: parsedPage.failure };
    plan = extendPlan(current(), number, parsedPage.page.pagination, parsedPage.page.url);
    const pageComments = parsedPage.page.parsed.thread.comments;
    const { keep, duplicates } = selectNewComments(pageComments, taken);
    if (shown() + keep.size > maxComments) return { kind: 'capped' as const };
    await yieldToPage();
    const built = await buildMergedComments(parsedPage.page, keep, { doc, yieldToPage });
    const unbuilt = new Set(built.unbuilt);
    const data: PageComments = {
      number,
      comments: pageComments.filter((comment) => keep.has(comment.id) && !unbuilt.has(comment.id)).map(detachComment),
      postAuthor: parsedPage.page.parsed.thread.postAuthor,
    };
    return { kind: 'read' as const, parsedPage: parsedPage.page, pageComments, duplicates, built, data };
  };

  for (;;) {
    const next = current().pages.find((page) => !page.onScreen && !reports.has(page.number));
    if (!next) break;
    if (options.signal?.aborted) {
      cancelled = true;
      break;
    }
    step++;
    const steps = step + current().pages.filter((page) => !page.onScreen && !reports.has(page.number)).length - 1;
    options.onProgress?.({ page: next.number, total: current().total, totalKnown: current().totalKnown, step, steps, comments: shown() });

    const report: PageReport = { number: next.number, url: next.url, status: 'failed', failure: null, warnings: [], commentIds: [] };
    reports.set(next.number, report);
    const fetched = await fetchCommentPage(next.url, {
      pageUrl,
      fetch: options.fetch,
      signal: options.signal,
      timeoutMs: options.timeoutMs ?? FETCH_DEFAULTS.timeoutMs,
    });
    if (!fetched.ok) {
      report.failure = fetched.failure;
      if (fetched.failure.kind === 'cancelled') {
        cancelled = true;
        report.status = 'not-loaded';
        report.reason = 'cancelled';
        report.failure = null;
        break;
      }
      continue;
    }
    await yieldToPage();
    let outcome: Awaited<ReturnType<typeof readPage>>;
    try {
      outcome = await readPage(fetched.page, next.number);
    } catch {
      // Hostile or broken markup the parser or the rebuild could not get through: this page only.
      report.failure = { kind: 'unreadable' };
      continue;
    }
    if (outcome.kind === 'failed') {
      report.failure = outcome.failure;
      continue;
    }
    if (outcome.kind === 'capped') {
      cap = { kind: 'comments', limit: maxComments };
      report.status = 'not-loaded';
      report.reason = 'cap-comments';
      break;
    }
    const { parsedPage, pageComments, duplicates, built, data } = outcome;
    report.url = parsedPage.url;
    const unbuilt = new Set(built.unbuilt);

    const topLevel = topLevelCount({ number: next.number, comments: pageComments });
    const isLast = current().totalKnown && next.number === current().total;
    if (perPage !== null && (isLast ? topLevel > perPage : topLevel !== perPage)) {
      report.warnings.push({ kind: 'count-mismatch', expected: perPage, found: topLevel });
    }
    if (perPage === null && current().totalKnown && !isLast) perPage = topLevel;
    if (duplicates.length > 0) report.warnings.push({ kind: 'duplicates', count: duplicates.length });
    if (unbuilt.size > 0) report.warnings.push({ kind: 'unbuilt', count: unbuilt.size });

    if (options.signal?.aborted) {
      // Cancelled while this page was being read: nothing more is inserted.
      cancelled = true;
      Object.assign(report, { status: 'not-loaded', reason: 'cancelled', failure: null, warnings: [] });
      break;
    }
    const insert = insertionFor(next.number, fullReadingOrder(current()), present);
    report.status = 'merged';
    report.commentIds = data.comments.map((comment) => comment.id);
    if (data.comments.length === 0 || insert === null) continue;
    present.set(next.number, data);
    for (const comment of data.comments) taken.add(comment.id);
    for (const [id, part] of built.parts) parts.set(id, part);
    const { thread, pageOf } = merged();
    options.onPage?.({ page: report, units: built.units, parts: built.parts, insert, thread, pageOf });
  }

  const final = current();
  if (!cap && final.capped) cap = { kind: 'pages', limit: final.maxPages };
  const pages: PageReport[] = fullReadingOrder(final).map((number) => {
    const known = reports.get(number);
    if (known) return known;
    const planned = final.pages.find((page) => page.number === number);
    const skipped = final.skipped.find((page) => page.number === number);
    const reason: PageReport['reason'] =
      skipped?.reason === 'cap' ? 'cap-pages' : skipped ? skipped.reason : cancelled ? 'cancelled' : cap?.kind === 'comments' ? 'cap-comments' : 'cancelled';
    return { number, url: planned?.url ?? null, status: 'not-loaded', failure: null, warnings: [], commentIds: [], reason };
  });
  const { thread, pageOf } = merged();
  const failed = pages.some((page) => page.status === 'failed' || page.reason === 'cross-origin' || page.reason === 'no-url');
  const outcome: MergeOutcome = cancelled ? 'cancelled' : cap ? 'capped' : failed ? 'partial' : 'complete';
  const counted = thread.comments.filter((comment) => !comment.pending).length;
  const countMismatch = outcome === 'complete' && announced !== null && announced !== counted ? { announced, shown: counted } : null;
  return { outcome, plan: final, pages, thread, pageOf, parts, cap, announced, countMismatch };
}
