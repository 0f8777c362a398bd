import type { Participant, Thread, ThreadComment } from '@/utils/thread/types';

/** Names compared case- and space-insensitively ("Jean  Dupont" = "jean dupont"). */
export function participantName(name: string): string {
  return name.replace(/[\s\u00a0]+/g, ' ').trim().toLowerCase();
}

/** URLs compared without scheme, `www.`, case or trailing slash (http://Example.com/ = https://www.example.com). */
export function participantUrl(url: string | null): string | null {
  if (!url) return null;
  const bare = url.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/+$/, '');
  return bare === '' ? null : bare;
}

interface Person {
  participant: Participant;
  url: string | null;
  firstIndex: number;
}

/**
 * The people who wrote the thread's comments (pingbacks and trackbacks are not people), most comments first,
 * ties in order of first appearance. A person is one name (case/space-insensitive) with one URL: two commenters
 * with the same name and different URLs are two people; a comment without URL joins the name's most active person.
 */
export function listParticipants(thread: Thread): Participant[] {
  const byName = new Map<string, Person[]>();
  const unlinked: Array<{ comment: ThreadComment; index: number }> = [];
  const people: Person[] = [];

  const personFor = (name: string, url: string | null, comment: ThreadComment, index: number): Person => {
    const namesakes = byName.get(name) ?? [];
    let person = namesakes.find((candidate) => candidate.url === url);
    if (!person) {
      person = {
        participant: { key: `${name}|${url ?? ''}`, name: comment.author.name, url: comment.author.url, isPostAuthor: false, commentIds: [] },
        url,
        firstIndex: index,
      };
      namesakes.push(person);
      byName.set(name, namesakes);
      people.push(person);
    }
    return person;
  };

  thread.comments.forEach((comment, index) => {
    if (comment.type !== 'comment') return;
    const url = participantUrl(comment.author.url);
    // Comments without URL are placed once every linked person is known.
    if (url === null) unlinked.push({ comment, index });
    else personFor(participantName(comment.author.name), url, comment, index).participant.commentIds.push(comment.id);
  });
  for (const { comment, index } of unlinked) {
    const name = participantName(comment.author.name);
    const namesakes = byName.get(name) ?? [];
    const busiest = namesakes.reduce<Person | null>(
      (best, candidate) => (best === null || candidate.participant.commentIds.length > best.participant.commentIds.length ? candidate : best),
      null,
    );
    const person = busiest ?? personFor(name, null, comment, index);
    person.participant.commentIds.push(comment.id);
    person.firstIndex = Math.min(person.firstIndex, index);
  }

  // commentIds in page order, whatever order they were gathered in.
  const position = new Map(thread.comments.map((comment, index) => [comment.id, index]));
  const flagged = new Set(thread.comments.filter((comment) => comment.isPostAuthor).map((comment) => comment.id));
  for (const { participant } of people) {
    participant.commentIds.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
    participant.isPostAuthor = participant.commentIds.some((id) => flagged.has(id));
  }
  return people
    .sort((a, b) => b.participant.commentIds.length - a.participant.commentIds.length || a.firstIndex - b.firstIndex)
    .map((person) => person.participant);
}
