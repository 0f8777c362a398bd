/**
 * When the view's deferred work runs: in idle time, in chunks of about SLICE_MS, so no task of Threadlight's
 * blocks the page for long (docs/performance.md). Injected into the view, so tests can run it synchronously
 * (SYNC_SCHEDULER) or step by step (a fake of their own).
 */

/** The length of one chunk of deferred work, ms (at once, and when idle time is short or timed out). */
export const SLICE_MS = 10;
/**
 * In a long idle period, a chunk may take up to this (the browser's idle periods last at most 50 ms): fewer, larger
 * chunks mean fewer frames restyling the page for our writes. 25 ms leaves room for the chunk's last comments, a
 * garbage collection and a busy machine's descheduling, so every task still stays under 50 ms (docs/performance.md:
 * at 40 ms the bench measured 61 ms tasks under load).
 */
export const IDLE_SLICE_MAX_MS = 25;
/** Idle callbacks are not guaranteed on a busy page: after this long, a chunk runs anyway. */
const IDLE_TIMEOUT_MS = 150;

export interface Scheduler {
  /** A monotonic clock, ms. */
  now(): number;
  /**
   * Run `task` later, in idle time when the platform has it. `task` gets the time by which it should yield
   * (a value of `now()`). Returns a function that cancels it.
   */
  later(task: (deadline: number) => void): () => void;
  /** The budget of work done at once, before yielding (first paint, a reader's action). */
  readonly immediateBudgetMs: number;
}

type IdleWindow = Window & {
  requestIdleCallback?: (callback: (deadline: { timeRemaining(): number }) => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
};

/** The browser's scheduler: requestIdleCallback (with a timeout), else a macrotask; chunks of SLICE_MS. */
export function browserScheduler(view: Window | null): Scheduler {
  const idle = view as IdleWindow | null;
  const clock = view?.performance ?? (typeof performance === 'undefined' ? null : performance);
  const now = () => (clock ? clock.now() : Date.now());
  return {
    now,
    immediateBudgetMs: SLICE_MS,
    later(task) {
      if (idle && typeof idle.requestIdleCallback === 'function') {
        const handle = idle.requestIdleCallback(
          (deadline) => {
            // A timed-out callback says 0 ms remain: it still gets one chunk.
            task(now() + Math.min(IDLE_SLICE_MAX_MS, Math.max(deadline.timeRemaining() - 2, SLICE_MS)));
          },
          { timeout: IDLE_TIMEOUT_MS },
        );
        return () => idle.cancelIdleCallback?.(handle);
      }
      const timer = setTimeout(() => task(now() + SLICE_MS), 0);
      return () => clearTimeout(timer);
    },
  };
}

/** Everything at once, now: for unit tests and for callers that need the whole result (restore, flush). */
export const SYNC_SCHEDULER: Scheduler = {
  now: () => 0,
  immediateBudgetMs: Infinity,
  later(task) {
    let cancelled = false;
    queueMicrotask(() => {
      if (!cancelled) task(Infinity);
    });
    return () => {
      cancelled = true;
    };
  },
};

/** Yield to the page: resolves in a fresh task (not a microtask), so the browser may paint and handle input. */
export function nextTask(view: Window | null = typeof window === 'undefined' ? null : window): Promise<void> {
  return new Promise((resolve) => {
    const scheduler = (view as (Window & { scheduler?: { postTask?: (cb: () => void) => Promise<void> } }) | null)?.scheduler;
    if (scheduler && typeof scheduler.postTask === 'function') {
      void scheduler.postTask(resolve).catch(() => setTimeout(resolve, 0));
      return;
    }
    if (typeof MessageChannel === 'function') {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
      return;
    }
    setTimeout(resolve, 0);
  });
}

type YieldingWindow = Window & { scheduler?: { yield?: () => Promise<void> } };

/**
 * Give the page its turn in the middle of a piece of work (detection and parsing in slices): `scheduler.yield()`
 * where the browser has it (input and rendering go first, then the work resumes ahead of other queued tasks, so the
 * page's own loading does not stretch it out), else a fresh task (nextTask).
 */
export function yieldToPage(view: Window | null = typeof window === 'undefined' ? null : window): Promise<void> {
  const scheduler = (view as YieldingWindow | null)?.scheduler;
  if (scheduler && typeof scheduler.yield === 'function') {
    return scheduler.yield().catch(() => nextTask(view));
  }
  return nextTask(view);
}
