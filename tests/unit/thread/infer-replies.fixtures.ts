/**
 * Seed threads (shared/threads/*.json) as Thread objects for the inference tests, flattened the way a blog with
 * threading off shows them, with the true parents kept aside for scoring.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ParsedSection } from '@/utils/parse/types';
import { SHARED_DIR } from '../../shared-material';
import type { InferredLink } from '@/utils/thread/infer-replies';
import type { CommentType, Thread, ThreadComment } from '@/utils/thread/types';

export { SHARED_DIR } from '../../shared-material';

interface SeedComment {
  id: number;
  parent: number;
  author: string;
  author_url: string;
  is_post_author: boolean;
  type: CommentType;
  date: string;
  content_html: string;
}

interface Seed {
  post: { author: string; author_login?: string };
  comments: SeedComment[];
}

/** The text a parser gives: visible text, paragraphs and line breaks as spaces, whitespace collapsed. */
export function textOfHtml(html: string): string {
  const doc = new DOMParser().parseFromString(`<div>${html}</div>`, 'text/html');
  for (const block of doc.querySelectorAll('p, br, li, blockquote')) block.after(' ');
  return (doc.body.textContent ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
}

export interface SeedThread {
  thread: Thread;
  /** The seed's own parent of each comment id (null at top level). */
  markupParents: Map<string, string | null>;
}

/** Seed `name` ("001", "004"…); `flatten` puts every comment at top level (threading off). */
export function loadSeed(name: string, flatten = true): SeedThread {
  const seed = JSON.parse(fs.readFileSync(path.join(SHARED_DIR, 'threads', `${name}.json`), 'utf8')) as Seed;
  const depthOf = new Map<number, number>();
  const markupParents = new Map<string, string | null>();
  const comments: ThreadComment[] = seed.comments.map((c) => {
    const depth = c.parent === 0 ? 1 : (depthOf.get(c.parent) ?? 0) + 1;
    depthOf.set(c.id, depth);
    markupParents.set(String(c.id), c.parent === 0 ? null : String(c.parent));
    return comment({
      id: String(c.id),
      parentId: flatten || c.parent === 0 ? null : String(c.parent),
      depth: flatten ? 1 : depth,
      author: c.author,
      url: c.author_url || null,
      isPostAuthor: c.is_post_author,
      type: c.type,
      date: c.date,
      text: textOfHtml(c.content_html),
    });
  });
  const login = seed.post.author_login;
  return {
    thread: {
      dialect: 'wordpress',
      postAuthor: {
        name: seed.post.author,
        url: login ? `https://blog.example/author/${login}/` : null,
        source: 'bypostauthor',
      },
      comments,
      pagination: null,
      commentsOpen: true,
    },
    markupParents,
  };
}

/** A ThreadComment with defaults for what inference does not read. */
export function comment(fields: {
  id: string;
  author: string;
  text: string;
  parentId?: string | null;
  depth?: number;
  url?: string | null;
  isPostAuthor?: boolean;
  type?: CommentType;
  date?: string | null;
}): ThreadComment {
  return {
    id: fields.id,
    parentId: fields.parentId ?? null,
    depth: fields.depth ?? 1,
    author: { name: fields.author, url: fields.url ?? null, avatar: null },
    isPostAuthor: fields.isPostAuthor ?? false,
    type: fields.type ?? 'comment',
    date: fields.date ?? null,
    dateText: null,
    permalink: null,
    pending: false,
    text: fields.text,
  };
}

/** A flat thread from [author, text] pairs (ids "1", "2"…, page order = writing order). */
export function flatThread(
  rows: [author: string, text: string, extra?: { isPostAuthor?: boolean; type?: CommentType }][],
  postAuthor: Thread['postAuthor'] = null,
): Thread {
  return {
    dialect: 'wordpress',
    postAuthor,
    comments: rows.map(([author, text, extra], index) => comment({ id: String(index + 1), author, text, ...extra })),
    pagination: null,
    commentsOpen: true,
  };
}

/** Links as compact rows for readable assertions: "5→2 mention high". */
export function linkRows(links: InferredLink[]): string[] {
  return links.map((l) => `${l.childId}→${l.parentId} ${l.evidence} ${l.confidence}`);
}

export interface Score {
  links: number;
  correct: number;
  wrong: string[];
  replies: number;
  precision: number;
  recall: number;
}

/**
 * Precision: links whose parent is one the reader would accept. Recall: links found among the comments that
 * answer one identifiable earlier comment.
 */
export function score(links: InferredLink[], truth: ReadonlyMap<string, readonly string[]>): Score {
  const wrong: string[] = [];
  let correct = 0;
  for (const l of links) {
    if (truth.get(l.childId)?.includes(l.parentId)) correct++;
    else wrong.push(`${l.childId}→${l.parentId}`);
  }
  const replies = truth.size;
  return {
    links: links.length,
    correct,
    wrong,
    replies,
    precision: links.length === 0 ? 1 : correct / links.length,
    recall: replies === 0 ? 1 : correct / replies,
  };
}

/**
 * Seed 004 flattened: the child → parent pairs the rules of docs/reply-inference.md give, written by hand from
 * the seed (the reasons are in infer-replies.test.ts, EXPECTED_004).
 */
export const EXPECTED_PAIRS_004: [child: number, parent: number][] = [
  [5, 2], [6, 5], [9, 7], [12, 11], [17, 9], [18, 12], [24, 18], [27, 26],
  [28, 27], [31, 2], [37, 29], [42, 41], [44, 40], [47, 46], [53, 51], [56, 55],
];

/** `parsed` with each comment's text and date read from the page, as a parser would give them. */
export function withPageTexts(parsed: ParsedSection): ParsedSection {
  const comments = parsed.thread.comments.map((comment) => {
    const body = parsed.parts.get(comment.id)?.body;
    const content = body?.querySelector('.comment-content, .wp-block-comment-content');
    const date = body?.querySelector('time[datetime]')?.getAttribute('datetime') ?? null;
    return { ...comment, date, text: (content?.textContent ?? '').replace(/\s+/g, ' ').trim() };
  });
  return { ...parsed, thread: { ...parsed.thread, comments } };
}
