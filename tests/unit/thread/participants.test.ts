import { describe, expect, it } from 'vitest';
import { identifyPeople, listParticipants, POST_AUTHOR_KEY } from '@/utils/thread/participants';
import { comment, thread } from '../parse/thread-fixture';

describe('listParticipants', () => {
  it('ranks people by comment count, ties by first appearance, with their comment ids in page order', () => {
    const people = listParticipants(
      thread([
        comment('1', null, 'Ann'),
        comment('2', '1', 'Bob'),
        comment('3', '2', 'Ann'),
        comment('4', null, 'Cy'),
        comment('5', '4', 'Bob'),
        comment('6', null, 'Ann'),
      ]),
    );
    expect(people.map((p) => [p.name, p.commentIds])).toEqual([
      ['Ann', ['1', '3', '6']],
      ['Bob', ['2', '5']],
      ['Cy', ['4']],
    ]);
  });

  it('treats names case- and space-insensitively, keeping the first spelling', () => {
    const people = listParticipants(thread([comment('1', null, 'Cedric'), comment('2', null, ' cedric '), comment('3', null, 'Jean  Dupont'), comment('4', null, 'jean dupont')]));
    expect(people.map((p) => [p.name, p.commentIds.length])).toEqual([
      ['Cedric', 2],
      ['Jean  Dupont', 2],
    ]);
  });

  it('splits namesakes with different URLs; a URL-less comment joins the busiest namesake', () => {
    const people = listParticipants(
      thread([
        comment('1', null, 'Alex', { url: 'https://alex-one.example/' }),
        comment('2', null, 'Alex', { url: 'http://www.alex-one.example' }),
        comment('3', null, 'Alex', { url: 'https://alex-two.example/' }),
        comment('4', null, 'Alex'),
      ]),
    );
    expect(people.map((p) => [p.url, p.commentIds])).toEqual([
      ['https://alex-one.example/', ['1', '2', '4']],
      ['https://alex-two.example/', ['3']],
    ]);
    expect(people[0]!.key).toBe('alex|alex-one.example');
  });

  it('leaves pingbacks and trackbacks out, and marks the post author', () => {
    const people = listParticipants(
      thread([
        comment('1', null, 'Other blog', { type: 'pingback' }),
        comment('2', null, 'Ann'),
        comment('3', '2', 'Marguerite', { isPostAuthor: true }),
        comment('4', null, 'Feed', { type: 'trackback' }),
      ]),
    );
    expect(people.map((p) => [p.name, p.isPostAuthor])).toEqual([
      ['Ann', false],
      ['Marguerite', true],
    ]);
  });

  it('counts the post author once, whatever name they signed, with the key every surface uses', () => {
    const { participants, keyOf } = identifyPeople(
      thread([
        comment('1', null, 'Ann'),
        comment('2', '1', 'Marguerite D.', { isPostAuthor: true }),
        comment('3', '1', 'marguerite', { isPostAuthor: true, url: 'https://blog.example/' }),
        comment('4', null, 'A blog', { type: 'pingback' }),
      ]),
    );
    expect(participants.map((p) => [p.key, p.name, p.isPostAuthor, p.commentIds])).toEqual([
      [POST_AUTHOR_KEY, 'Marguerite D.', true, ['2', '3']],
      ['ann|', 'Ann', false, ['1']],
    ]);
    expect([...keyOf]).toEqual([
      ['2', POST_AUTHOR_KEY],
      ['3', POST_AUTHOR_KEY],
      ['1', 'ann|'],
    ]);
  });

  it('is empty for a thread without comments', () => {
    expect(listParticipants(thread([]))).toEqual([]);
  });
});
