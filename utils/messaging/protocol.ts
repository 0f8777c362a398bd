/**
 * Every message between the popup, the content script and the background, typed end to end.
 * Options are NOT sent as messages: they live in storage (utils/storage/options.ts) and every
 * context watches them. Messages are for asking a page about itself or telling it to act.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { EmbeddedSystem } from '@/utils/detect/types';
import type { MarkupDialect, PostAuthor, ThreadStats } from '@/utils/thread/types';
import type { TimelineData } from '@/utils/visits/timeline';
import type { VisitStatus } from '@/utils/visits/visit-record';

/** What the content script knows about its page. */
export type PageStatus =
  | 'loading' // the content script has not finished its first pass
  | 'enhanced' // a thread was found and the view is on
  | 'found-disabled' // a thread was found, Threadlight is off (globally or for this site)
  | 'none' // no comment thread on this page
  | 'unreadable' // a recognized comment system we cannot read (Disqus, …)
  | 'error'; // something failed; the page was left as it was

export interface ParticipantSummary {
  key: string;
  name: string;
  url: string | null;
  isPostAuthor: boolean;
  count: number;
  /** Of which new since the reader's last visit (absent when nothing is remembered for this page). */
  newCount?: number;
}

/** The reader's visits of this post (docs/new-since-last-visit.md). */
export interface PageVisitState {
  status: VisitStatus;
  /** When the previous visit ended (ms since the epoch); null on a first visit. */
  lastVisit: number | null;
  /** Comments on the page that were not there at the previous visit. */
  newCount: number;
}

/** The thread's comment pages put together ("show all pages", docs/merge-and-find.md), as the page says it. */
export interface PageMergeState {
  /** available: paginated, not loaded yet; unsupported: paginated in a dialect whose pages are not put together. */
  status: 'available' | 'loading' | 'done' | 'unsupported';
  /** One line, as the page's toolbar says it: "Show all 3 pages", "Loading page 2 of 4…", "All 3 pages shown · 212 comments". */
  text: string;
  /** Each page's problem or warning, as said in the page ("Page 2 could not be loaded (error 404)."). */
  problems: string[];
}

export interface PageState {
  status: PageStatus;
  /** The page's `location.hostname`: the popup's per-site switch (the extension has no `tabs` permission to read it). */
  hostname?: string;
  /** Set when status is 'unreadable'. */
  system?: EmbeddedSystem;
  stats?: ThreadStats;
  /** The markup dialect of the main thread: the popup names its engine (WordPress, wpDiscuz, Drupal). */
  dialect?: MarkupDialect;
  postAuthor?: PostAuthor | null;
  /** Ranked by number of comments, most active first. Pingbacks apart. */
  participants?: ParticipantSummary[];
  /** Pingbacks/trackbacks: their titles (authors), in page order. */
  pings?: { id: string; title: string; url: string | null; type: 'pingback' | 'trackback' }[];
  /** Set when the section is paginated. */
  pagination?: { current: number | null; total: number | null } | null;
  /** Errors recorded on this page (diagnostics), newest last. */
  errors: string[];
  /** New since the last visit; absent when the page does not track visits (yet). */
  visit?: PageVisitState;
  /** The discussion over time (utils/visits/timeline.ts); null when no comment has a usable date. */
  timeline?: TimelineData | null;
  /** The comment pages put together; absent when the thread has one page. */
  merge?: PageMergeState;
}

export interface ProtocolMap {
  /** popup → content: the page's state and thread summary. */
  getPageState(): PageState;
  /**
   * popup → content: highlight one participant's comments and scroll to the `index`-th (wraps). `newOnly`: only
   * their comments new since the last visit (the participants list's "new only"; a handler that does not know it
   * focuses all of them).
   */
  focusParticipant(data: { key: string; index: number; newOnly?: boolean }): { index: number; total: number };
  /** popup → content: remove the participant highlight. */
  clearParticipantFocus(): void;
  /** popup → content: scroll to comment `id` (a timeline bar's first comment) and select it; false when not on the page. */
  scrollToComment(data: { id: string }): boolean;
  /** popup → content: mark every comment of the page as read (the toolbar's "Mark all as read"); the new count after. */
  markAllRead(): { newCount: number };
  /** popup → content: put the thread's comment pages together (or retry the missing ones); false when nothing to do. */
  loadAllPages(): boolean;
  /** content → background: show the comment count on the toolbar badge of the sender's tab (null clears). */
  setBadge(data: { count: number | null }): void;
  /**
   * loader → background: inject the full content script into the sender's frame (the page has comment signals).
   * Resolves once it has run; rejects when the injection failed.
   */
  loadThreadlight(): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
