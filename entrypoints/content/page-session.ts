/**
 * What the content script does on one page, kept out of index.ts so it can be tested: detect → parse → mount the
 * view when Threadlight is active here, follow the options live, answer the popup, and contain every failure
 * (the page is restored exactly and the error is recorded for getPageState).
 */
import type { ContentScriptContext } from '#imports';
import { runSteps, runStepsInSlices, type Steps } from '@/utils/common/steps';
import { detectCommentSectionsSteps } from '@/utils/detect/detect-comment-sections';
import { hasCommentSignals } from '@/utils/detect/has-comment-signals';
import { MARK_BAIL, MARK_DETECTED, MARK_MOUNTING, MARK_PARSED, MARK_READY, MARK_RENDERED, mark } from '@/utils/loader/marks';
import type { CommentSection, EmbeddedSystem } from '@/utils/detect/types';
import { onMessage, sendMessage, type PageState, type PageStatus } from '@/utils/messaging/protocol';
import { parseSection, parseSectionSteps } from '@/utils/parse/parse-section';
import type { ParsedSection } from '@/utils/parse/types';
import { uiLanguage } from '@/utils/i18n';
import { isActiveOn, optionsItem, type ThreadlightOptions } from '@/utils/storage/options';
import { summarizeThread } from '@/utils/thread/stats';
import { ThreadIndex } from '@/utils/thread/thread-index';
import type { Scheduler } from '@/utils/view/core/scheduler';
import { nextTask, SLICE_MS, yieldToPage } from '@/utils/view/core/scheduler';
import { prepareLabelsSteps } from '@/utils/view/core/labels';
import { scrollToElement } from '@/utils/view/core/scroll-anchor';
import { mergeHandleOf } from '@/utils/view/merge-pages/registry';
import { mountThreadView, type ViewController, type ViewFeature } from '@/utils/view/mount-thread-view';
import { newSinceVisitOf } from '@/utils/view/new-since-visit';
import { popupVisitFields, withNewCounts } from '@/utils/visits/page-state';
import { buildTimeline } from '@/utils/visits/timeline';

/** The part of WXT's ContentScriptContext the session uses. */
export type SessionContext = Pick<ContentScriptContext, 'onInvalidated' | 'setTimeout' | 'addEventListener'>;

export interface PageSessionConfig {
  ctx: SessionContext;
  doc?: Document;
  /** View features (utils/view/features.ts), set up on every mounted view. */
  features?: readonly ViewFeature[];
  /** When the view's deferred work runs (tests pass SYNC_SCHEDULER). Default: idle time. */
  scheduler?: Scheduler;
  /** Delay before re-detecting after an SPA navigation, ms (the new page needs time to render). */
  navigationDelay?: number;
}

export interface PageSession {
  /** Resolves when the first pass is done (enhanced, disabled, nothing found or failed). */
  readonly ready: Promise<void>;
  state(): PageState;
  /** The mounted views (empty when off or nothing found). */
  views(): ViewController[];
}

interface FoundSection {
  section: CommentSection;
  parsed: ParsedSection;
  view: ViewController | null;
}

const MAX_ERRORS = 20;
/** Sliced parses of a section that changed under them before one runs at once (parseOnPage). */
const SLICED_PARSES = 2;

function allOnPage(parsed: ParsedSection): boolean {
  for (const parts of parsed.parts.values()) {
    if (!parts.element.isConnected) return false;
  }
  return true;
}

/** Performance marks read by the benchmark and the e2e suite (the loader sets `start`). */
export { MARK_BAIL, MARK_DETECTED, MARK_MOUNTING, MARK_PARSED, MARK_READY, MARK_RENDERED, MARK_START } from '@/utils/loader/marks';

function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/**
 * Parse a section again after the page changed it. The comments already known keep their data: the page now holds
 * our controls (an "Author" badge inside a name, a toggle bar in a body), which the parser must not read as theirs.
 */
function reparseKeepingKnown(entry: FoundSection): ParsedSection {
  const known = new Map(entry.parsed.thread.comments.map((comment) => [comment.id, comment]));
  const parsed = parseSection(entry.section);
  const comments = parsed.thread.comments.map((comment) => {
    const previous = known.get(comment.id);
    return previous ? { ...previous, parentId: comment.parentId, depth: comment.depth } : comment;
  });
  return {
    ...parsed,
    thread: { ...parsed.thread, comments, postAuthor: entry.parsed.thread.postAuthor ?? parsed.thread.postAuthor },
  };
}

/** Start Threadlight on this page. Never throws; errors end up in state().errors. */
export function startPageSession(config: PageSessionConfig): PageSession {
  const { ctx } = config;
  const doc = config.doc ?? document;
  const features = config.features ?? [];
  const errors: string[] = [];
  let status: PageStatus = 'loading';
  let system: EmbeddedSystem | undefined;
  let found: FoundSection[] = [];
  let options: ThreadlightOptions | null = null;
  let badgeSent = false;
  let generation = 0;
  let stopped = false;
  const cleanups: (() => void)[] = [];

  const record = (where: string, error: unknown) => {
    errors.push(`${where}: ${describeError(error)}`);
    if (errors.length > MAX_ERRORS) errors.splice(0, errors.length - MAX_ERRORS);
  };

  const hostname = () => doc.defaultView?.location.hostname ?? '';
  const main = (): FoundSection | undefined =>
    found.reduce<FoundSection | undefined>(
      (best, entry) => (!best || entry.parsed.thread.comments.length > best.parsed.thread.comments.length ? entry : best),
      undefined,
    );

  /** Restore the page exactly and stop enhancing it, after `error`. */
  const fail = (where: string, error: unknown) => {
    record(where, error);
    unmountViews();
    status = 'error';
  };

  function unmountViews(): void {
    for (const entry of found) {
      const view = entry.view;
      entry.view = null;
      try {
        view?.destroy();
      } catch (error) {
        record('destroy', error);
      }
    }
  }

  function mountViews(current: ThreadlightOptions): void {
    const primary = main();
    for (const entry of found) {
      if (entry.view) continue;
      entry.view = mountThreadView(entry.parsed, current, features, {
        root: entry.section.root,
        primary: entry === primary,
        ...(config.scheduler ? { scheduler: config.scheduler } : {}),
        reparse: () => (entry.parsed = reparseKeepingKnown(entry)),
        onError: (error, where, fatal) => {
          if (fatal) fail(`view (${where})`, error);
          else record(`view (${where})`, error);
        },
      });
    }
  }

  function sendBadge(count: number | null): void {
    if (count === null && !badgeSent) return;
    badgeSent = count !== null;
    sendMessage('setBadge', { count }).catch(() => {
      // No background listener (yet): the badge is a nicety.
    });
  }

  /**
   * Run detection's or parsing's steps in slices of about SLICE_MS, yielding to the page between them
   * (utils/common/steps.ts); all at once under a synchronous scheduler (tests). Null when the pass was cancelled.
   */
  /** Tests run the session under a synchronous scheduler: every pass at once. */
  function synchronous(): boolean {
    return config.scheduler?.immediateBudgetMs === Infinity;
  }

  function inSlices<T>(start: () => Steps<T>, cancelled: () => boolean): Promise<T | null> {
    if (synchronous()) return Promise.resolve(runSteps(start()));
    const view = doc.defaultView;
    const clock = view?.performance ?? performance;
    return runStepsInSlices(start, { now: () => clock.now(), pause: () => yieldToPage(view), sliceMs: SLICE_MS, cancelled });
  }

  /**
   * Parse a section in slices. The page may change between slices: when a comment the parse found has left the page
   * by the end, parse again (in slices, twice), then at once, when the page cannot change under it: the view must only
   * get nodes that are on the page. Null when cancelled or when the whole section left the page.
   */
  async function parseOnPage(section: CommentSection, cancelled: () => boolean): Promise<ParsedSection | null> {
    for (let attempt = 0; attempt < SLICED_PARSES; attempt++) {
      if (!section.root.isConnected) return null;
      const parsed = await inSlices(() => parseSectionSteps(section), cancelled);
      if (parsed === null || allOnPage(parsed)) return parsed;
    }
    return section.root.isConnected ? parseSection(section) : null;
  }

  /** Detect and parse the page; mount when active. */
  async function run(): Promise<void> {
    const pass = ++generation;
    try {
      system = undefined;
      found = [];
      // Most pages have no comments at all: one querySelector, then nothing else runs.
      if (!hasCommentSignals(doc)) {
        status = 'none';
        sendBadge(null);
        mark(MARK_BAIL);
        return;
      }
      const cancelled = () => pass !== generation || stopped;
      // The script's evaluation (compile and module code) is a task of its own: the walk starts in the next one, so
      // no task holds both (docs/performance.md, "The evaluation alone").
      if (!synchronous()) {
        await nextTask(doc.defaultView);
        if (cancelled()) return;
      }
      // Detection first: a page without a thread bails out without waiting for storage. Walking a page of 5,000
      // comments takes far more than a frame: it runs in slices, the page paints and answers input between them.
      const detection = await inSlices(() => detectCommentSectionsSteps(doc), cancelled);
      if (detection === null) return;
      mark(MARK_DETECTED);
      if (detection.status !== 'found') {
        status = detection.status;
        if (detection.status === 'unreadable') system = detection.system;
        sendBadge(null);
        mark(MARK_BAIL);
        return;
      }
      const storedOptions = optionsItem.getValue();
      // Detection, parsing and the view's first slice are separate tasks: the page may paint and answer input
      // between them (docs/performance.md).
      await nextTask(doc.defaultView);
      if (pass !== generation || stopped) return;
      // The view's plural rules, number format and strings load the language's data and the catalog (15–40 ms
      // each the first time in a page): one slice each, not in a detection or parse slice, nor in the mount.
      if (!synchronous()) {
        if ((await inSlices(prepareLabelsSteps, cancelled)) === null) return;
        await yieldToPage(doc.defaultView);
        if (cancelled()) return;
      }
      for (const section of detection.sections) {
        try {
          const parsed = await parseOnPage(section, cancelled);
          if (cancelled()) return;
          if (parsed && parsed.thread.comments.length > 0) found.push({ section, parsed, view: null });
        } catch (error) {
          record('parse', error);
        }
      }
      mark(MARK_PARSED);
      if (found.length === 0) {
        status = errors.length > 0 ? 'error' : 'none';
        sendBadge(null);
        mark(MARK_BAIL);
        return;
      }
      sendBadge(found.reduce((sum, entry) => sum + entry.parsed.thread.comments.length, 0));
      // The thread's index, its people (who wrote what: the fold bars' "4 people") and the threads the author
      // replied in are the mount's longest whole-thread reads: made in a slice of their own, the mount finds them
      // ready (ThreadIndex.of caches them).
      if (!synchronous()) {
        await yieldToPage(doc.defaultView);
        if (cancelled()) return;
        for (const entry of found) {
          const index = ThreadIndex.of(entry.parsed.thread);
          void index.people;
          index.rootsWithAuthorReplies();
        }
        await yieldToPage(doc.defaultView);
        if (cancelled()) return;
      }
      // Only scheduler.yield() pauses since the parse (its continuation goes ahead of the page's queued tasks): the
      // storage read started before parsing has answered by now, and a fresh task (nextTask) here would put the view
      // behind the page's own first layout of a long thread.
      const stored = await storedOptions;
      if (pass !== generation || stopped) return;
      options ??= stored; // a change that arrived meanwhile is newer
      mark(MARK_MOUNTING);
      applyActivation();
      const outcome = status as PageStatus; // applyActivation changed it
      if (outcome === 'found-disabled' || outcome === 'error') mark(MARK_BAIL);
    } catch (error) {
      fail('start', error);
      mark(MARK_BAIL);
    }
  }

  /** Mount or unmount after the options (or the page) changed. */
  function applyActivation(): void {
    if (!options || found.length === 0 || status === 'error') return;
    if (isActiveOn(options, hostname())) {
      const wasEnhanced = status === 'enhanced';
      try {
        mountViews(options);
      } catch (error) {
        fail('mount', error); // restores the sections already mounted
        return;
      }
      status = 'enhanced';
      if (!wasEnhanced) {
        mark(MARK_READY);
        const views = found.flatMap((entry) => (entry.view ? [entry.view] : []));
        void Promise.all(views.map((view) => view.whenRendered())).then(() => mark(MARK_RENDERED));
      }
    } else {
      unmountViews();
      status = 'found-disabled';
    }
  }

  function onOptionsChanged(next: ThreadlightOptions): void {
    try {
      const previous = options;
      options = next;
      if (status === 'error' || found.length === 0) return;
      const wasActive = previous !== null && isActiveOn(previous, hostname());
      const active = isActiveOn(next, hostname());
      if (wasActive && active) {
        for (const entry of found) entry.view?.applyOptions(next);
      } else if (active !== wasActive || status === 'found-disabled') {
        if (active) {
          // The page may have changed while we were off: read it again before enhancing.
          found = found.map((entry) => ({ ...entry, parsed: parseSection(entry.section) }));
        }
        applyActivation();
      }
    } catch (error) {
      fail('options', error);
    }
  }

  /**
   * The address without its fragment (following a #comment-N link is not a navigation), read from the window
   * WXT watches: the content script's own, which is the page's in the browser.
   */
  const pageAddress = () => window.location.href.replace(/#.*$/, '');
  let address = pageAddress();

  function onNavigation(): void {
    const next = pageAddress();
    if (next === address) return;
    address = next;
    unmountViews();
    found = [];
    status = 'loading';
    ctx.setTimeout(() => void run(), config.navigationDelay ?? 500);
  }

  function state(): PageState {
    const base: PageState = { status, hostname: hostname(), errors: [...errors] };
    if (status === 'unreadable') return { ...base, system };
    const primary = main();
    if (!primary || (status !== 'enhanced' && status !== 'found-disabled')) return base;
    // One source of figures: the view's own (the thread as shown), else the page's parse.
    const index = primary.view?.state.index ?? ThreadIndex.of(primary.parsed.thread);
    const { thread } = index;
    const participants = index.people.participants
      .map((participant) => ({
        key: participant.key,
        name: participant.name,
        url: participant.url,
        isPostAuthor: participant.isPostAuthor,
        count: participant.commentIds.length,
      }))
      .sort((a, b) => b.count - a.count);
    // What is new and the timeline, from the figures the toolbar shows (the new-since-visit feature's).
    const visitFields = status === 'enhanced' ? visitState(primary, thread) : {};
    return {
      ...base,
      ...(visitFields.visit && { visit: visitFields.visit }),
      ...(visitFields.timeline !== undefined && { timeline: visitFields.timeline }),
      stats: primary.view?.stats() ?? summarizeThread(index),
      dialect: thread.dialect,
      postAuthor: thread.postAuthor,
      participants: visitFields.newByParticipant ? withNewCounts(participants, visitFields.newByParticipant) : participants,
      pings: thread.comments
        .filter((comment) => comment.type !== 'comment')
        .map((comment) => ({
          id: comment.id,
          title: comment.author.name,
          url: comment.author.url,
          type: comment.type as 'pingback' | 'trackback',
        })),
      pagination: thread.pagination ? { current: thread.pagination.current, total: thread.pagination.total } : null,
      ...mergeStateOf(primary),
    };
  }

  /**
   * The popup's visit line, timeline and participants' new counts. The timeline does not depend on visits: it is
   * there when they are not remembered too.
   */
  function visitState(primary: FoundSection, thread: ThreadIndex['thread']): Partial<Pick<PageState, 'visit' | 'timeline'>> & {
    newByParticipant?: Map<string, number>;
  } {
    const facts = primary.view ? newSinceVisitOf(primary.view.root)?.facts() : null;
    if (!facts) return { timeline: buildTimeline(thread.comments, { locale: uiLanguage() }) };
    return popupVisitFields(thread, facts, { locale: uiLanguage() });
  }

  /** The comments marked new on the main section (empty when the feature is off or nothing is new). */
  function newIdsOf(primary: FoundSection | undefined): ReadonlySet<string> {
    const handle = primary?.view ? newSinceVisitOf(primary.view.root) : null;
    return new Set(handle?.newIds() ?? []);
  }

  /** The comment pages put together (the merge-pages feature of the main section's view), when paginated. */
  function mergeStateOf(entry: FoundSection): Pick<PageState, 'merge'> {
    const handle = entry.view ? mergeHandleOf(entry.view.root) : null;
    return handle ? { merge: handle.snapshot() } : {};
  }

  function focusParticipant(key: string, index: number, newOnly = false): { index: number; total: number } {
    const primary = main();
    if (!primary) return { index: 0, total: 0 };
    const threadIndex = primary.view?.state.index ?? ThreadIndex.of(primary.parsed.thread);
    const parts = primary.view?.parsed.parts ?? primary.parsed.parts;
    const participant = threadIndex.people.participants.find((p) => p.key === key);
    const fresh = newOnly ? newIdsOf(primary) : null;
    const ids = participant?.commentIds.filter((id) => parts.has(id) && (!fresh || fresh.has(id))) ?? [];
    if (ids.length === 0) {
      primary.view?.setFocus([]);
      return { index: 0, total: 0 };
    }
    const position = ((Math.trunc(index) % ids.length) + ids.length) % ids.length;
    const id = ids[position]!;
    const view = primary.view;
    if (view) {
      view.setFocus(ids);
      view.select(id, { scroll: false });
    }
    const target = parts.get(id)?.body;
    if (target) scrollToElement(target, 'center');
    return { index: position, total: ids.length };
  }

  /** Select comment `id` and bring it to the middle of the screen, opening a folded thread that holds it. */
  function scrollToComment(id: string): boolean {
    const view = main()?.view;
    const body = view?.parsed.parts.get(id)?.body;
    if (!view || !body || !view.state.index.byId.has(id)) return false;
    view.select(id, { scroll: false });
    if (view.selectedId() !== id) return false;
    // A hidden page (the popup as a full page on Android, or opened as a tab) drops a smooth scroll: jump there.
    if (body.ownerDocument.visibilityState === 'hidden' && typeof body.scrollIntoView === 'function') body.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    else scrollToElement(body, 'center');
    return true;
  }

  /** "Mark all as read" from the popup: the new count after (0, or what arrived meanwhile). */
  async function markAllRead(): Promise<{ newCount: number }> {
    const view = main()?.view;
    const handle = view ? newSinceVisitOf(view.root) : null;
    if (!handle) return { newCount: 0 };
    await handle.markAllRead();
    return { newCount: handle.newIds().length };
  }

  // Every handler answers even when the page failed: the popup shows the recorded errors.
  const guard =
    <A extends unknown[], R>(where: string, handler: (...args: A) => R, fallback: R) =>
    (...args: A): R => {
      try {
        return handler(...args);
      } catch (error) {
        fail(where, error);
        return fallback;
      }
    };

  try {
    cleanups.push(
      onMessage(
        'getPageState',
        guard('getPageState', state, { status: 'error', errors }),
      ),
      onMessage(
        'focusParticipant',
        guard('focusParticipant', ({ data }) => focusParticipant(data.key, data.index, data.newOnly === true), { index: 0, total: 0 }),
      ),
      onMessage(
        'scrollToComment',
        guard('scrollToComment', ({ data }) => scrollToComment(String(data?.id ?? '')), false),
      ),
      onMessage(
        'markAllRead',
        guard('markAllRead', () => markAllRead().catch((error: unknown) => (record('markAllRead', error), { newCount: 0 })), Promise.resolve({ newCount: 0 })),
      ),
      onMessage(
        'loadAllPages',
        guard('loadAllPages', () => {
          const view = main()?.view;
          return view ? (mergeHandleOf(view.root)?.start() ?? false) : false;
        }, false),
      ),
      onMessage(
        'clearParticipantFocus',
        guard('clearParticipantFocus', () => main()?.view?.setFocus([]), undefined),
      ),
      optionsItem.watch(guard('options', (next: ThreadlightOptions) => onOptionsChanged(next), undefined)),
    );
    // The content script's own window (the same as doc's in the browser): WXT fires its location events there.
    ctx.addEventListener(window, 'wxt:locationchange', guard('navigation', onNavigation, undefined));
  } catch (error) {
    record('setup', error);
  }

  ctx.onInvalidated(() => {
    stopped = true;
    for (const cleanup of cleanups.splice(0)) {
      try {
        cleanup();
      } catch {
        // The extension is going away; nothing left to tell.
      }
    }
    unmountViews();
  });

  const ready = run();
  return { ready, state, views: () => found.flatMap((entry) => (entry.view ? [entry.view] : [])) };
}
