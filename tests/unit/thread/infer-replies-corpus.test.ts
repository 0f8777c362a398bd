/**
 * The synthetic English corpus threads (nested, with "Fair point, Vesper."-style openings) flattened as a blog
 * with threading off would show them, scored against WordPress's own parents: every link must be right.
 */
import { describe, expect, it } from 'vitest';
import { inferReplies } from '@/utils/thread/infer-replies';
import { openCorpusFixture } from '../view/view-fixtures';
import { score, withPageTexts } from './infer-replies.fixtures';
import { sharedOrNotice } from '../../shared-material';

const shared = sharedOrNotice('reply inference on corpus threads (tests/unit/thread/infer-replies-corpus.test.ts)');

describe.skipIf(!shared).each([
  ['deep', 8],
  ['big-300', 2],
])('inferReplies on the corpus page %s, flattened', (variant, expectedLinks) => {
  it('links only to the true parent', () => {
    const { parsed, truth } = openCorpusFixture('twentytwentyone', variant);
    const { thread } = withPageTexts(parsed);
    const truthParents = new Map(
      truth.comments.flatMap((c) => (c.parent_wp_id ? [[String(c.wp_id), [String(c.parent_wp_id)]]] : [])),
    );
    // Threading off: every comment at top level, oldest first.
    const byDate = [...thread.comments].sort((a, b) => Date.parse(a.date!) - Date.parse(b.date!));
    const flat = { ...thread, comments: byDate.map((c) => ({ ...c, parentId: null, depth: 1 })) };
    const links = inferReplies(flat);
    const result = score(links, truthParents);
    expect(result.wrong).toEqual([]);
    expect(result.links).toBe(expectedLinks);
    // Nested as published, the markup already says it all: nothing to infer.
    expect(inferReplies(thread)).toEqual([]);
  });
});
