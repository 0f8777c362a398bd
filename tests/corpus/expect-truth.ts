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
  // The cheap pre-check never hides a thread or a recognized embed.
  if (parse.detection.status !== 'none') expect(parse.signals).toBe(true);
  if (truth.comments.length === 0) {
    expect(parse.comments).toEqual([]);
    return;
  }
  expect(parse.detection.status).toBe('found');
  expectBodiesHoldNoReply(parse);
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

/** Every body lies in its comment's element and, unless it is that element, holds none of its replies. */
function expectBodiesHoldNoReply(parse: PageParse): void {
  const misplaced: string[] = [];
  for (const section of parse.sections) {
    for (const comment of section.thread.comments) {
      const { element, body } = section.parts.get(comment.id)!;
      if (!element.contains(body)) misplaced.push(`${comment.id}: body outside its element`);
      // The item element itself is the documented fallback (style=div xhtml: own content and replies share it).
      const parentBody = comment.parentId === null ? null : section.parts.get(comment.parentId)?.body;
      const parentElement = comment.parentId === null ? null : section.parts.get(comment.parentId)?.element;
      if (parentBody && parentBody !== parentElement && parentBody.contains(element)) misplaced.push(`${comment.id}: inside the body of ${comment.parentId}`);
    }
  }
  expect(misplaced).toEqual([]);
}
