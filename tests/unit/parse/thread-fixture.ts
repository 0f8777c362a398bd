import type { CommentType, Thread, ThreadComment } from '@/utils/thread/types';

/** A comment with defaults, for thread-level tests (no DOM). */
export function comment(
  id: string,
  parentId: string | null,
  name: string,
  extra: { url?: string | null; isPostAuthor?: boolean; type?: CommentType; date?: string | null; depth?: number } = {},
): ThreadComment {
  return {
    id,
    parentId,
    depth: extra.depth ?? 1,
    author: { name, url: extra.url ?? null, avatar: null },
    isPostAuthor: extra.isPostAuthor ?? false,
    type: extra.type ?? 'comment',
    date: extra.date ?? null,
    dateText: null,
    permalink: null,
    pending: false,
    text: `text ${id}`,
  };
}

export function thread(comments: ThreadComment[]): Thread {
  return { dialect: 'wordpress', postAuthor: null, comments, pagination: null, commentsOpen: true };
}
