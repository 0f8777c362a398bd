import { expect } from 'vitest';
import { summarizeThread } from '@/utils/thread/stats';
import { diffAgainstTruth, type PageParse, type TruthFile } from './corpus-pages';

/**
 * The page's parse equals its truth: every comment's id, parent, author, post-author flag, type and depth, in page
 * order; pages without a comment list yield no comment; where the truth has them, its summary figures and its
 * comments-open flag agree too.
 */
export function expectPageMatchesTruth(parse: PageParse, truth: TruthFile): void {
  expect(diffAgainstTruth(parse.comments, truth)).toEqual([]);
  if (truth.comments.length === 0) {
    expect(parse.comments).toEqual([]);
    return;
  }
  expect(parse.detection.status).toBe('found');
  if (truth.summary) {
    const stats = parse.sections.map((section) => summarizeThread(section.thread));
    const sum = (pick: (s: ReturnType<typeof summarizeThread>) => number) => stats.reduce((total, s) => total + pick(s), 0);
    expect({
      comments: sum((s) => s.comments),
      postAuthorReplies: sum((s) => s.postAuthorReplies),
      pingbacks: sum((s) => s.pingbacks),
      maxDepth: Math.max(...stats.map((s) => s.maxDepth)),
    }).toEqual({
      comments: truth.summary.comments,
      postAuthorReplies: truth.summary.post_author_replies,
      pingbacks: truth.summary.pingbacks,
      maxDepth: truth.summary.max_depth,
    });
  }
  if (truth.comments_open !== undefined) {
    expect(parse.sections.map((section) => section.thread.commentsOpen)).toContain(truth.comments_open);
  }
}
