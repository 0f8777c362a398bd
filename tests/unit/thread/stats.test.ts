import { describe, expect, it } from 'vitest';
import { headlineFigures, summarizeThread } from '@/utils/thread/stats';
import { comment, thread } from '../parse/thread-fixture';

describe('summarizeThread', () => {
  const author = { isPostAuthor: true };
  const sample = thread([
    comment('1', null, 'Ann', { date: '2023-01-02T10:00:00+00:00' }),
    comment('2', '1', 'Marguerite', { ...author, depth: 2, date: '2023-01-03T08:00:00+01:00' }),
    comment('3', '2', 'Ann', { depth: 3, date: '2023-01-01T09:00:00+00:00' }),
    comment('4', null, 'Bob', { date: '2023-01-05T12:00:00+00:00' }),
    comment('5', null, 'A blog', { type: 'pingback' }),
    comment('6', null, 'Feed', { type: 'trackback' }),
    comment('7', '4', 'Cy', { depth: 2 }),
    comment('8', '7', 'Dee', { depth: 3 }),
    comment('9', '8', 'Marguerite', { ...author, depth: 4 }),
  ]);

  it('counts comments, people, the post author’s replies, pings and depth', () => {
    expect(summarizeThread(sample)).toMatchObject({
      comments: 9,
      participants: 5,
      postAuthorReplies: 2,
      pingbacks: 1,
      trackbacks: 1,
      maxDepth: 4,
    });
  });

  it('counts top-level threads (pings are not discussions) and those the post author answered in', () => {
    expect(summarizeThread(sample)).toMatchObject({ topLevelThreads: 2, topLevelThreadsWithAuthorReply: 2 });
  });

  it('gives every surface the same headline figures', () => {
    expect(headlineFigures(summarizeThread(sample))).toEqual({ comments: 7, threads: 2, people: 5, pings: 2, authorReplies: 2 });
  });

  it('finds the first and last dates by time, not by text', () => {
    expect(summarizeThread(sample)).toMatchObject({ firstDate: '2023-01-01T09:00:00+00:00', lastDate: '2023-01-05T12:00:00+00:00' });
  });

  it('lists the largest threads, biggest first, root included', () => {
    expect(summarizeThread(sample).largestThreads.slice(0, 3)).toEqual([
      { id: '4', author: 'Bob', size: 4 },
      { id: '1', author: 'Ann', size: 3 },
      { id: '5', author: 'A blog', size: 1 },
    ]);
  });

  it('counts a reply whose parent is on another comment page as its own thread', () => {
    const orphan = thread([comment('10', '3', 'Eve', { depth: 2 }), comment('11', '10', 'Fay', { depth: 3 })]);
    expect(summarizeThread(orphan)).toMatchObject({ topLevelThreads: 1, largestThreads: [{ id: '10', author: 'Eve', size: 2 }] });
  });

  it('is all zeros for an empty thread', () => {
    expect(summarizeThread(thread([]))).toEqual({
      comments: 0,
      participants: 0,
      postAuthorReplies: 0,
      pingbacks: 0,
      trackbacks: 0,
      maxDepth: 0,
      topLevelThreads: 0,
      topLevelThreadsWithAuthorReply: 0,
      firstDate: null,
      lastDate: null,
      largestThreads: [],
    });
  });
});
