/**
 * "New since your last visit", in the page (issue #12; design and decisions: docs/new-since-last-visit.md).
 *
 * On the page's main section, it opens the reader's visit of the post (utils/visits/visit-tracker.ts: nothing is
 * read or stored in a private window) and marks every comment that was not on the page at the previous visit: the
 * "new" field (data-threadlight-new) and a "New" label. Comments that arrive while the page is open (posted, loaded
 * by the page, merged from other comment pages through ctx.thread.add) are remembered and count as new. The toolbar
 * says "7 new since 3 Dec" with previous/next-new buttons and "Mark all as read"; `u` / Shift+U step through them in
 * page order. Options: `foldWithoutNew` folds the threads with nothing new (and opens the ones with new replies);
 * `highlightRecent` marks the N most recent comments when there is no previous visit to compare with (the "recent"
 * field). The content script reads the same figures through newSinceVisitOf(root): one source for the toolbar and
 * the popup.
 */
import type { VisitFacts } from '@/utils/visits/page-state';
import { findNewComments, mostRecentComments } from '@/utils/visits/new-comments';
import { postIdentity } from '@/utils/visits/post-key';
import { newSincePhrase } from '@/utils/visits/format';
import { openVisit, type VisitTracker } from '@/utils/visits/visit-tracker';
import { defineViewFeature } from '@/utils/view/core/feature';
import { countLabel, label } from '@/utils/view/core/labels';
import { key } from '@/utils/view/core/registries';
import type { FeatureContext } from '@/utils/view/core/types';
import { decorateMark, FIELD_NEW, FIELD_RECENT, MARK_CSS, markColoursCss } from './marks';
import { renderNewControls, type NewControls } from './toolbar';

export { FIELD_NEW, FIELD_RECENT } from './marks';

/** What the content script asks of the feature (getPageState, markAllRead, focusParticipant's "new only"). */
export interface NewSinceVisitHandle {
  /**
   * The visit as the popup shows it: status, the previous visit, and the new comments (the toolbar's own list).
   * Null until the visit is open, and when visits are not remembered (the `rememberVisits` option off).
   */
  facts(): VisitFacts | null;
  /** The comments marked new, in page order. */
  newIds(): readonly string[];
  /** Everything on the page is read as of now: the marks go, the baseline moves here. Never rejects. */
  markAllRead(): Promise<void>;
  /** Resolves once the visit is open (at once when visits are not remembered). */
  ready(): Promise<void>;
}

const handles = new WeakMap<Element, NewSinceVisitHandle>();

/** The feature running on the section `root`, or null (off, not the main section, or the view is gone). */
export function newSinceVisitOf(root: Element): NewSinceVisitHandle | null {
  return handles.get(root) ?? null;
}

/** Reading (keys, pointer, scroll) keeps the visit going; it is written down at most this often. */
export const ACTIVITY_WRITE_MS = 5 * 60_000;

export const newSinceVisitFeature = defineViewFeature({
  id: 'new-since-visit',
  fields: [FIELD_NEW, FIELD_RECENT],
  // The main section only: the toolbar and the popup speak of it, and one post has one visit.
  enabled: (options, section) => section.primary && (options.rememberVisits || options.highlightRecent > 0),
  restartOn: ['rememberVisits'],
  setup: (ctx) => setUp(ctx),
});

function setUp(ctx: FeatureContext): () => void {
  const { doc } = ctx;
  const view = doc.defaultView;
  const fresh = ctx.state.field(FIELD_NEW);
  const recent = ctx.state.field(FIELD_RECENT);
  const remember = ctx.options().rememberVisits;

  let visit: VisitTracker | null = null;
  let opened = !remember;
  /** Ids the visit was told about: on the page when it opened, and every arrival since. */
  const known = new Set<string>(ctx.state.index.ids);
  /** Comments that arrived while the page was open: new on a return visit unless seen before. */
  const arrivals = new Set<string>();
  let newList: string[] = [];
  let recentList: string[] = [];
  /** The threads "fold the threads with nothing new" folded (unfolded again if the option goes off). */
  let foldedByUs: string[] = [];
  let options = ctx.options();
  let lastActivity = Date.now();

  // ---- what is new --------------------------------------------------------------------------------------

  const isComment = (id: string) => ctx.state.index.byId.get(id)?.type === 'comment';

  /** The comments not on the page at the previous visit, and the arrivals not seen before; page order, people's only. */
  function computeNew(): string[] {
    const baseline = visit?.baseline() ?? null;
    if (!baseline) return [];
    const found = new Set(findNewComments(ctx.thread.parsed.thread, baseline));
    return ctx.state.index.ids.filter((id) => isComment(id) && (found.has(id) || (arrivals.has(id) && !baseline.seen.has(id))));
  }

  /** Without a previous visit to compare with: the N most recent comments, if the reader asked for them. */
  function computeRecent(): string[] {
    const count = options.highlightRecent;
    if (!opened || count <= 0 || visit?.baseline()) return [];
    const ids = new Set(mostRecentComments(ctx.thread.parsed.thread.comments, count));
    return ctx.state.index.ids.filter((id) => ids.has(id));
  }

  function sync(): void {
    newList = computeNew();
    recentList = computeRecent();
    if (newList.length > 0 || recentList.length > 0) ensureStyles();
    fresh.set(newList);
    recent.set(recentList);
    ctx.toolbar.refresh();
  }

  // ---- look -------------------------------------------------------------------------------------------------

  let styled = false;
  /** Styles only once something is marked: a page with nothing new pays nothing. */
  function ensureStyles(): void {
    if (styled) return;
    styled = true;
    ctx.addStyles(MARK_CSS);
    // The theme's accent reads the page's computed colours: after a frame, when the browser has styled it anyway.
    afterNextFrame(
      view,
      ctx.guard('accent', () => {
        let link: Element | null = null;
        for (const comment of ctx.thread.parsed.thread.comments.slice(0, 40)) {
          link = ctx.thread.parts(comment.id)?.content?.querySelector('a[href]') ?? null;
          if (link) break;
        }
        // The same block, with the colours: it replaces the first one.
        ctx.addStyles(`${MARK_CSS}\n${markColoursCss(link, ctx.look())}`);
      }),
    );
  }

  ctx.comments.decorate((slot) => {
    if (fresh.has(slot.id)) decorateMark(slot, doc, 'new', 0);
    else if (recent.has(slot.id)) decorateMark(slot, doc, 'recent', recentList.length);
  });
  ctx.on('field', (change) => {
    const { fields } = change.delta;
    if (fields.has(FIELD_NEW) || fields.has(FIELD_RECENT)) ctx.comments.refresh(change.delta.ids);
  });

  // ---- moving through them ----------------------------------------------------------------------------

  /** What u / Shift+U and the arrows step through: the new comments, or on a first visit the most recent. */
  const targets = (): { ids: string[]; kind: 'new' | 'recent' } =>
    visit?.baseline() || recentList.length === 0 ? { ids: newList, kind: 'new' } : { ids: recentList, kind: 'recent' };

  function step(direction: 1 | -1): boolean {
    const { ids, kind } = targets();
    if (ids.length === 0) return false;
    const { position } = ctx.state.index;
    const at = (id: string) => position.get(id) ?? -1;
    const selected = ctx.state.selectedId();
    // From the cursor; without one, from the comment on screen (which counts itself, going forward).
    const from = selected ?? ctx.state.onScreen();
    let target: string | undefined;
    if (from === null) target = direction === 1 ? ids[0] : ids[ids.length - 1];
    else if (direction === 1) target = ids.find((id) => (selected === null ? at(id) >= at(from) : at(id) > at(from)));
    else target = ids.findLast((id) => at(id) < at(from));
    if (target === undefined) return false;
    ctx.state.select(target);
    ctx.toolbar.announce(label(kind === 'new' ? 'view_new_position' : 'view_recent_position', ids.indexOf(target) + 1, ids.length));
    return true;
  }

  ctx.keys.add({ id: 'nextNew', group: 'move', keys: [key('u')], descriptionKey: 'help_key_next_new', run: () => step(1) });
  ctx.keys.add({ id: 'previousNew', group: 'move', keys: [key('u', true)], descriptionKey: 'help_key_previous_new', run: () => step(-1) });

  // ---- mark all as read -------------------------------------------------------------------------------

  let opening: Promise<void> = Promise.resolve();

  async function markAllRead(): Promise<void> {
    try {
      await opening;
      if (!visit || ctx.signal.aborted) return;
      // The tracker moves its baseline at once; the write follows.
      const written = visit.markAllRead(ctx.state.index.ids);
      arrivals.clear();
      sync();
      ctx.toolbar.announce(label('view_announce_all_read'));
      await written;
    } catch (error) {
      ctx.report(error, 'mark all as read');
    }
  }

  // ---- toolbar ------------------------------------------------------------------------------------------

  function controls(): NewControls | null {
    if (!opened) return null;
    const baseline = visit?.baseline() ?? null;
    const moving = {
      previous: () => void step(-1),
      next: () => void step(1),
    };
    if (baseline) {
      return {
        ...moving,
        text: newSincePhrase(newList.length, baseline.at),
        stepping: newList.length > 0 ? 'new' : null,
        previousLabel: label('view_previous_new'),
        nextLabel: label('view_next_new'),
        markAllRead: newList.length > 0 ? { label: label('view_mark_all_read'), run: () => void markAllRead() } : null,
      };
    }
    if (recentList.length === 0) return null;
    return {
      ...moving,
      text: countLabel('view_recent_status', recentList.length),
      stepping: 'recent',
      previousLabel: label('view_previous_recent'),
      nextLabel: label('view_next_recent'),
      markAllRead: null,
    };
  }
  ctx.toolbar.add({ kind: 'custom', id: 'new-since-visit', order: 60, render: () => renderNewControls(controls()) });

  // ---- folding the threads with nothing new ---------------------------------------------------------

  function foldWithoutNew(): void {
    if (newList.length === 0) return;
    const { index } = ctx.state;
    const withNew = new Set(newList.map((id) => index.rootOf(id)));
    foldedByUs = index.roots.filter((id) => !withNew.has(id) && index.hasReplies(id) && !ctx.state.isCollapsed(id));
    openAround(newList);
    ctx.state.collapse(foldedByUs, true);
  }

  /** Open every folded thread that holds one of `ids` (the threads with new replies are open). */
  function openAround(ids: readonly string[]): void {
    const { index } = ctx.state;
    const folded = new Set<string>();
    for (const id of ids) {
      for (let at = index.parent(id); at !== null; at = index.parent(at)) if (ctx.state.isCollapsed(at)) folded.add(at);
    }
    if (folded.size > 0) ctx.state.collapse(folded, false);
  }

  function unfoldOurs(): void {
    const folded = foldedByUs.filter((id) => ctx.state.isCollapsed(id));
    foldedByUs = [];
    ctx.state.collapse(folded, false);
  }

  ctx.on('options', () => {
    const next = ctx.options();
    const previous = options;
    options = next;
    if (next.highlightRecent !== previous.highlightRecent) sync();
    if (next.foldWithoutNew !== previous.foldWithoutNew) {
      if (next.foldWithoutNew) foldWithoutNew();
      else unfoldOurs();
    }
  });

  // ---- arrivals and activity --------------------------------------------------------------------------

  /** Comments on the page the visit has not been told about: remember them, and (on a return visit) mark them. */
  function takeArrivals(): void {
    const added = ctx.state.index.ids.filter((id) => !known.has(id));
    if (added.length === 0) return;
    for (const id of added) {
      known.add(id);
      arrivals.add(id);
    }
    lastActivity = Date.now();
    visit?.noteDisplayed(added).catch((error: unknown) => ctx.report(error, 'arrivals'));
  }

  ctx.on('thread', () => {
    if (!opened) return; // the opening takes them
    const before = new Set(newList);
    takeArrivals();
    sync();
    // A new reply arriving in a thread the option folded opens it; nothing else moves while the reader reads.
    if (options.foldWithoutNew) openAround(newList.filter((id) => !before.has(id)));
  });

  const touch = () => {
    lastActivity = Date.now();
    visit?.touch().catch((error: unknown) => ctx.report(error, 'activity'));
  };
  const reading = ctx.guard('activity', () => {
    if (Date.now() - lastActivity >= ACTIVITY_WRITE_MS) touch();
  });
  if (remember && view) {
    view.addEventListener('pagehide', ctx.guard('pagehide', touch), { signal: ctx.signal });
    doc.addEventListener(
      'visibilitychange',
      ctx.guard('visibilitychange', () => {
        if (doc.visibilityState === 'hidden') touch();
      }),
      { signal: ctx.signal },
    );
    for (const type of ['keydown', 'pointerdown', 'wheel', 'scroll'] as const) {
      view.addEventListener(type, reading, { signal: ctx.signal, passive: true, capture: true });
    }
  }

  // ---- opening the visit ----------------------------------------------------------------------------

  if (remember) {
    let postKey: string | null = null;
    try {
      postKey = postIdentity(doc, view?.location.href ?? '')?.key ?? null;
    } catch (error) {
      ctx.report(error, 'post identity');
    }
    opening = openVisit(postKey, [...known], { onError: (error, where) => ctx.report(error, where) })
      .then((tracker) => {
        if (ctx.signal.aborted) {
          tracker.close();
          return;
        }
        visit = tracker;
        opened = true;
        lastActivity = Date.now();
        takeArrivals(); // comments that came while the visit was opening
        sync();
        if (options.foldWithoutNew) foldWithoutNew();
      })
      .catch((error: unknown) => ctx.report(error, 'open visit'));
  } else {
    sync();
  }

  handles.set(ctx.root, {
    facts: () => (visit && opened ? { status: visit.status(), baseline: visit.baseline(), newIds: newList } : null),
    newIds: () => newList,
    markAllRead,
    ready: () => opening,
  });

  return () => {
    handles.delete(ctx.root);
    visit?.close();
    visit = null;
  };
}

/** Run `task` once the next frame is done (style and layout are then computed, so reading them is cheap). */
function afterNextFrame(view: Window | null, task: () => void): void {
  if (typeof view?.requestAnimationFrame === 'function') view.requestAnimationFrame(() => setTimeout(task, 0));
  else setTimeout(task, 0);
}
