/**
 * Work that can pause: a generator that yields at checkpoints between small pieces of roughly equal cost (a few
 * hundred elements of the page walk, a few comments' fields). The same steps run to the end at once (`runSteps`:
 * the pure `detectCommentSections` and `parseSection` of tests, the inspector, the merge engine and re-parses) or in
 * slices that give the page its turn between them (`runStepsInSlices`: the content script's first pass, so no task
 * of ours lasts more than about a slice; docs/performance.md). Steps only read the page; a pause never leaves
 * anything half-written. A page that changes what the steps are reading makes them throw `PageChanged`: the sliced
 * runner then starts them again.
 */
export type Steps<T> = Generator<void, T, void>;

/** Run `steps` to the end now. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Thrown by steps that find the page changed under them between two checkpoints (a node they stood on was removed). */
export class PageChanged extends Error {
  constructor(where: string) {
    super(`the page changed during ${where}`);
    this.name = 'PageChanged';
  }
}

export interface SliceOptions {
  /** A monotonic clock, ms. */
  now(): number;
  /** Give the page its turn: resolves in a later task. */
  pause(): Promise<void>;
  /** Work for about this long before pausing, ms. */
  sliceMs: number;
  /** Start again at most this many times when the page changed; then run to the end at once (default 2). */
  restarts?: number;
  /** Stop early (the session was stopped or restarted): resolves to null. */
  cancelled?(): boolean;
}

/**
 * Run the steps `start()` makes, a slice at a time: checkpoints until `sliceMs` have passed, then a pause. Resolves
 * to the steps' result, or null when cancelled. When the steps throw `PageChanged`, they start over (a fresh
 * generator); after `restarts` of those, the last attempt runs at once, without pausing, so the page cannot change
 * under it.
 */
export async function runStepsInSlices<T>(start: () => Steps<T>, options: SliceOptions): Promise<T | null> {
  const restarts = options.restarts ?? 2;
  for (let attempt = 0; ; attempt++) {
    if (attempt >= restarts) return runSteps(start());
    const steps = start();
    try {
      let deadline = options.now() + options.sliceMs;
      for (;;) {
        const next = steps.next();
        if (next.done) return next.value;
        if (options.now() < deadline) continue;
        await options.pause();
        if (options.cancelled?.()) {
          steps.return(undefined as T);
          return null;
        }
        deadline = options.now() + options.sliceMs;
      }
    } catch (error) {
      if (!(error instanceof PageChanged)) throw error;
    }
  }
}
