/**
 * Navigation order on a real WordPress page (twentytwentyone, 58 comments nested to depth 5): the keys must follow
 * the truth WordPress itself exported, through the real detector and parser.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createKeyboardFeature } from '@/utils/view/keyboard';
import type { ViewFeature } from '@/utils/view/types';
import { FakeView, loadSharedPage, OPTIONS_ON, parseFirstSection, press, SHARED_DIR } from './keyboard-fake-view';
import { sharedOrNotice } from '../../shared-material';

const shared = sharedOrNotice('keyboard navigation on a corpus page (tests/unit/view/keyboard-corpus.test.ts)');

interface TruthComment {
  wp_id: number;
  parent_wp_id: number;
  is_post_author: boolean;
  type: string;
}

const PAGE = 'corpus/twentytwentyone/seed-004';
const truth = shared
  ? (JSON.parse(fs.readFileSync(path.join(SHARED_DIR, `${PAGE}.truth.json`), 'utf8')) as { comments: TruthComment[] }).comments
  : [];
const ids = truth.map((comment) => String(comment.wp_id));
const parentOf = new Map(truth.map((c) => [String(c.wp_id), c.parent_wp_id === 0 ? null : String(c.parent_wp_id)]));

let view: FakeView;
let feature: ViewFeature;

beforeAll(() => {
  if (shared) loadSharedPage(`${PAGE}.html`);
});

function mountOnPage(): void {
  const parsed = parseFirstSection();
  view = new FakeView(parsed, parsed.elements.get(ids[0]!)!.closest('#comments') ?? document.body);
  feature = createKeyboardFeature(view);
  feature.apply(OPTIONS_ON);
}

afterEach(() => feature.destroy());

/** The truth's siblings of `id` (same parent), in page order. */
const siblingsOf = (id: string) => ids.filter((other) => parentOf.get(other) === parentOf.get(id));

describe.skipIf(!shared)(`keyboard navigation on ${PAGE}`, () => {
  it('j visits every comment in page order, k comes back the same way', () => {
    mountOnPage();
    expect(ids).toHaveLength(58);
    const forward = ids.map(() => (press('j'), view.selectedId()));
    expect(forward).toEqual(ids);
    const backward = ids.slice(1).map(() => (press('k'), view.selectedId()));
    expect(backward).toEqual([...ids].reverse().slice(1));
  });

  it('p goes to the truth parent from every reply', () => {
    mountOnPage();
    for (const id of ids) {
      view.select(id);
      press('p');
      expect(view.selectedId(), `p from ${id}`).toBe(parentOf.get(id) ?? id);
    }
  });

  it('Shift+J and Shift+K follow the truth siblings', () => {
    mountOnPage();
    for (const id of ids) {
      const siblings = siblingsOf(id);
      const index = siblings.indexOf(id);
      view.select(id);
      press('J', { shiftKey: true });
      expect(view.selectedId(), `J from ${id}`).toBe(siblings[index + 1] ?? id);
      view.select(id);
      press('K', { shiftKey: true });
      expect(view.selectedId(), `K from ${id}`).toBe(siblings[index - 1] ?? id);
    }
  });

  it('n visits the top-level threads in order; a visits the post author’s comments in order', () => {
    mountOnPage();
    const roots = ids.filter((id) => parentOf.get(id) === null);
    expect(roots.map(() => (press('n'), view.selectedId()))).toEqual(roots);
    view.select(null);
    const authored = truth.filter((c) => c.is_post_author && c.type === 'comment').map((c) => String(c.wp_id));
    expect(authored).toHaveLength(17);
    expect(authored.map(() => (press('a'), view.selectedId()))).toEqual(authored);
  });

  it('j skips folded threads, and Enter folds the selected one', () => {
    mountOnPage();
    // 55 has replies 56, 57, 58, 59; fold it from the keyboard and walk past it.
    view.select('55');
    press('Enter');
    expect(view.isCollapsed('55')).toBe(true);
    press('j');
    expect(view.selectedId()).toBe('60');
  });
});
