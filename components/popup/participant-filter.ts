/** Matching participants against the filter box: case- and accent-insensitive ("benoit" finds "Benoît"). */
import type { ParticipantSummary } from '@/utils/messaging/protocol';

/** Lower case, accents and extra spaces removed: the form names are compared in. */
export function foldForSearch(value: string): string {
  return value.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The participants whose name contains every word of `query`, in their original (ranked) order. */
export function filterParticipants(participants: ParticipantSummary[], query: string): ParticipantSummary[] {
  const words = foldForSearch(query).split(' ').filter(Boolean);
  if (words.length === 0) return participants;
  return participants.filter((p) => {
    const name = foldForSearch(p.name);
    return words.every((word) => name.includes(word));
  });
}
