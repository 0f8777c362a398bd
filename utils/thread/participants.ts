/**
 * Who wrote a thread: the ONE rule Threadlight uses to tell people apart, for the popup's participants, the
 * toolbar's and triage lines' "people", and reply inference alike (docs/architecture.md, "People").
 *
 * 1. Pingbacks and trackbacks are not people.
 * 2. Every comment by the post's author (isPostAuthor) is one person, whatever name they signed.
 * 3. Other comments: one person per display name, compared case- and whitespace-insensitively (personName),
 *    and website, compared without scheme, `www.` or trailing slash (personUrl). Two namesakes with different
 *    websites are two people; a comment without website joins the name's most active person.
 */
import type { Participant, Thread, ThreadComment } from '@/utils/thread/types';

/** The key of the post author's person (rule 2). */
export const POST_AUTHOR_KEY = 'post-author';

/** Names compared case- and space-insensitively ("Jean  Dupont" = "jean dupont"). */
export function personName(name: string): string {
  return name.replace(/[\s\u00a0]+/g, ' ').trim().toLowerCase();
}

/** URLs compared without scheme, `www.`, case or trailing slash (http://Example.com/ = https://www.example.com). */
export function personUrl(url: string | null): string | null {
  if (!url) return null;
  const bare = url.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/+$/, '');
  return bare === '' ? null : bare;
}

/** The people of a thread: ranked participants, and each comment's person key. */
export interface People {
  /** Most comments first, ties in order of first appearance. */
  participants: Participant[];
  /** Comment id → person key (pingbacks and trackbacks have none). */
  keyOf: ReadonlyMap<string, string>;
}

interface Person {
  participant: Participant;
  url: string | null;
  firstIndex: number;
}

/** Apply the rule to every comment of `thread`. Linear in the number of comments. */
export function identifyPeople(thread: Thread): People {
  const byName = new Map<string, Person[]>();
  const unlinked: Array<{ comment: ThreadComment; index: number }> = [];
  const people: Person[] = [];
  const keyOf = new Map<string, string>();
  let postAuthor: Person | null = null;

  const newPerson = (key: string, comment: ThreadComment, index: number): Person => {
    const person: Person = {
      participant: { key, name: comment.author.name, url: comment.author.url, isPostAuthor: false, commentIds: [] },
      url: personUrl(comment.author.url),
      firstIndex: index,
    };
    people.push(person);
    return person;
  };

  const personFor = (name: string, url: string | null, comment: ThreadComment, index: number): Person => {
    const namesakes = byName.get(name) ?? [];
    let person = namesakes.find((candidate) => candidate.url === url);
    if (!person) {
      person = newPerson(`${name}|${url ?? ''}`, comment, index);
      namesakes.push(person);
      byName.set(name, namesakes);
    }
    return person;
  };

  const assign = (person: Person, comment: ThreadComment, index: number) => {
    person.participant.commentIds.push(comment.id);
    person.firstIndex = Math.min(person.firstIndex, index);
    keyOf.set(comment.id, person.participant.key);
  };

  thread.comments.forEach((comment, index) => {
    if (comment.type !== 'comment' || keyOf.has(comment.id)) return;
    if (comment.isPostAuthor) {
      postAuthor ??= newPerson(POST_AUTHOR_KEY, comment, index);
      assign(postAuthor, comment, index);
      return;
    }
    const url = personUrl(comment.author.url);
    // Comments without URL are placed once every linked person is known.
    if (url === null) unlinked.push({ comment, index });
    else assign(personFor(personName(comment.author.name), url, comment, index), comment, index);
  });
  for (const { comment, index } of unlinked) {
    const name = personName(comment.author.name);
    const namesakes = byName.get(name) ?? [];
    const busiest = namesakes.reduce<Person | null>(
      (best, candidate) => (best === null || candidate.participant.commentIds.length > best.participant.commentIds.length ? candidate : best),
      null,
    );
    assign(busiest ?? personFor(name, null, comment, index), comment, index);
  }

  // commentIds in page order, whatever order they were gathered in.
  const position = new Map(thread.comments.map((comment, index) => [comment.id, index]));
  for (const { participant } of people) {
    participant.commentIds.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
  }
  if (postAuthor) (postAuthor as Person).participant.isPostAuthor = true;
  const participants = people
    .filter((person) => person.participant.commentIds.length > 0)
    .sort((a, b) => b.participant.commentIds.length - a.participant.commentIds.length || a.firstIndex - b.firstIndex)
    .map((person) => person.participant);
  return { participants, keyOf };
}

/** The people who wrote the thread's comments, most comments first (see the rule above). */
export function listParticipants(thread: Thread): Participant[] {
  return identifyPeople(thread).participants;
}
