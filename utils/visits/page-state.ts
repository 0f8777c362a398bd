/**
 * The visit fields of the popup's PageState, from the thread and the visit: one place computes them, so the
 * popup, the toolbar and the participants list agree (the content script's getPageState handler calls this).
 */
import type { PageVisitState, ParticipantSummary } from '@/utils/messaging/protocol';
import { listParticipants } from '@/utils/thread/participants';
import type { Thread } from '@/utils/thread/types';
import { buildTimeline, type TimelineData, type TimelineOptions } from '@/utils/visits/timeline';
import type { VisitBaseline, VisitStatus } from '@/utils/visits/visit-record';

export interface VisitFacts {
  status: VisitStatus;
  baseline: VisitBaseline | null;
  /** findNewComments(thread, baseline), plus arrivals counted new while the page is open. */
  newIds: readonly string[];
}

export interface PopupVisitFields {
  visit: PageVisitState;
  timeline: TimelineData | null;
  /** New comments per participant key (utils/thread/participants.ts), for ParticipantSummary.newCount. */
  newByParticipant: Map<string, number>;
}

/** The popup's view of the visit: status, last visit, new count, the timeline and each participant's new count. */
export function popupVisitFields(
  thread: Thread,
  facts: VisitFacts,
  options: Omit<TimelineOptions, 'lastVisit' | 'newIds'> = {},
): PopupVisitFields {
  const onPage = new Set(thread.comments.map((comment) => comment.id));
  const newIds = new Set(facts.newIds.filter((id) => onPage.has(id)));
  const lastVisit = facts.baseline?.at ?? null;
  const newByParticipant = new Map<string, number>();
  for (const participant of listParticipants(thread)) {
    const count = participant.commentIds.filter((id) => newIds.has(id)).length;
    if (count > 0) newByParticipant.set(participant.key, count);
  }
  return {
    visit: { status: facts.status, lastVisit, newCount: newIds.size },
    timeline: buildTimeline(thread.comments, { ...options, lastVisit, newIds }),
    newByParticipant,
  };
}

/** Participants with their new counts filled in (when a visit is remembered). */
export function withNewCounts(participants: ParticipantSummary[], newByParticipant: Map<string, number>): ParticipantSummary[] {
  return participants.map((participant) => ({ ...participant, newCount: newByParticipant.get(participant.key) ?? 0 }));
}
