/**
 * One page's visit of a post, for the in-page feature: opens the visit (what the reader had seen before it is the
 * baseline for "new"), records comments as they are shown, the reader's activity and "mark all as read", and keeps
 * this tab's contribution in the stored record when another tab overwrites it. Remembers nothing in private
 * windows. Never throws; storage failures are reported through `onError` and the page keeps working from memory.
 */
import {
  readPostVisits,
  updatePostVisits,
  watchPostVisits,
  type VisitErrorReporter,
} from '@/utils/storage/visits';
import { isPrivateContext } from '@/utils/visits/private-context';
import {
  baselineOf,
  holdsAll,
  recordActivity,
  recordAllRead,
  recordDisplayed,
  type PostVisits,
  type VisitBaseline,
  type VisitStatus,
} from '@/utils/visits/visit-record';

export type { VisitStatus } from '@/utils/visits/visit-record';


export interface VisitTrackerOptions {
  /** The clock (tests). */
  now?: () => number;
  onError?: VisitErrorReporter;
  /** Whether the window is private; defaults to isPrivateContext(). */
  privateContext?: boolean | null;
}

export interface VisitTracker {
  status(): VisitStatus;
  /** What the reader had seen before this visit; null on a first visit and when nothing is remembered. */
  baseline(): VisitBaseline | null;
  /** Comments shown since the visit opened (posted, loaded from another comment page): remember them. */
  noteDisplayed(ids: Iterable<string>): Promise<void>;
  /** The reader is active, or leaving (tab hidden, page hidden): the visit lasts VISIT_IDLE_MS from now. */
  touch(): Promise<void>;
  /** Everything shown, and `ids`, is read as of now: the baseline moves here, nothing on the page is new any more. */
  markAllRead(ids: Iterable<string>): Promise<void>;
  /** Stop following the stored record (the view is going away). Idempotent. */
  close(): void;
}

function inertTracker(status: VisitStatus): VisitTracker {
  return {
    status: () => status,
    baseline: () => null,
    noteDisplayed: async () => {},
    touch: async () => {},
    markAllRead: async () => {},
    close: () => {},
  };
}

/**
 * Open the visit of `postKey` (utils/visits/post-key.ts) with `displayedIds` on screen. Resolves once the stored
 * record has been read and updated (one storage read and one write).
 */
export async function openVisit(
  postKey: string | null,
  displayedIds: Iterable<string>,
  options: VisitTrackerOptions = {},
): Promise<VisitTracker> {
  const privateContext = options.privateContext === undefined ? isPrivateContext() : options.privateContext;
  if (privateContext === true) return inertTracker('private');
  if (privateContext === null || !postKey) return inertTracker('unavailable');
  const key = postKey;
  const now = options.now ?? Date.now;
  const onError = options.onError;
  const write = { onError, get now() { return now(); } };

  // This tab's contribution: what it showed, and its last "mark all as read", re-applied if another tab loses it.
  const shown = new Set(displayedIds);
  let readMark: { at: number; ids: Set<string> } | null = null;

  const openedAt = now();
  const written = await updatePostVisits(key, (current) => recordDisplayed(current, shown, openedAt), write);
  // recordDisplayed closes an idle visit and only then adds to the new one: `seen` is what came before this visit.
  const record = written ?? recordDisplayed(await readPostVisits(key, { onError }), [], openedAt);
  let baseline = baselineOf(record);

  const needsRepair = (stored: PostVisits): boolean =>
    !holdsAll(stored, shown) || (readMark !== null && (stored.seenAt < readMark.at || !holdsAll(stored, readMark.ids)));
  const repairWith = (stored: PostVisits | null): PostVisits => {
    let next = recordDisplayed(stored, shown, now());
    if (readMark) next = recordAllRead(next, readMark.ids, readMark.at);
    return next;
  };

  let repairing = false;
  let closed = false;
  let unwatch: () => void = () => {};
  try {
    unwatch = watchPostVisits(key, (stored) => {
      // A record removed (the reader forgot their visits) stays removed; a record missing our part gets it back.
      if (closed || repairing || !stored || !needsRepair(stored)) return;
      repairing = true;
      void updatePostVisits(key, repairWith, write).finally(() => (repairing = false));
    });
  } catch (error) {
    onError?.(error, 'visits (watch)');
  }

  return {
    status: () => (baseline ? 'return' : 'first'),
    baseline: () => baseline,
    async noteDisplayed(ids) {
      const added = [...ids].filter((id) => !shown.has(id));
      if (closed || added.length === 0) return;
      for (const id of added) shown.add(id);
      const at = now();
      await updatePostVisits(key, (current) => recordDisplayed(current, added, at), write);
    },
    async touch() {
      if (closed) return;
      const at = now();
      // A record forgotten meanwhile stays forgotten (recordActivity on nothing writes nothing).
      await updatePostVisits(key, (current) => recordActivity(current, at), write);
    },
    async markAllRead(ids) {
      const at = now();
      const read = new Set([...shown, ...ids]);
      for (const id of read) shown.add(id);
      readMark = { at, ids: read };
      baseline = { seen: new Set([...(baseline?.seen ?? []), ...read]), at };
      if (!closed) await updatePostVisits(key, (current) => recordAllRead(current, read, at), write);
    },
    close() {
      closed = true;
      unwatch();
    },
  };
}
