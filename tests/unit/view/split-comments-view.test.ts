/**
 * The view on markups whose comments are not one element holding their replies, with the real detector and parser
 * (tests/fixtures/markup):
 * - Thesis prints one comment as `dt#comment-N` (author, date) then an id-less `dd` (text, reply link, and the
 *   replies' `dl.children`): the parser hands the `dd` as the comment's `continuation`, the `dl` as its `replies`;
 * - Drupal prints a comment's replies AFTER it, in a sibling `div.indented` (`replies` outside the element).
 * Folding a comment must hide everything of its replies (their `dt` AND `dd`, the following list) and keep the
 * comment's own parts visible; folding an ancestor hides a comment whole; turning off gives the DOM back exactly.
 * "Visible" is what the core style does (`[data-threadlight-hidden] { display: none }` inside the enhanced root).
 */
import { describe, expect, it } from 'vitest';
import type { ParsedSection } from '@/utils/parse/types';
import { DEFAULT_OPTIONS } from '@/utils/storage/options';
import { defineViewFeature } from '@/utils/view/core/feature';
import { SYNC_SCHEDULER } from '@/utils/view/core/scheduler';
import { ATTR_HIDDEN, ATTR_UI } from '@/utils/view/dom-contract';
import { mountThreadView } from '@/utils/view/mount-thread-view';
import { PARENT_LINK_UI, previewFeature, REPLY_CONTEXT_UI } from '@/utils/view/preview';
import { fixturePages, loadDocument, parseDocument } from '../../corpus/corpus-pages';

/** Shown unless it or an ancestor carries the view's hidden mark. */
function shown(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) if (node.hasAttribute(ATTR_HIDDEN)) return false;
  return true;
}

/** Every element of a comment as the parser hands it (its item, its continuation), and its reply list. */
function ownElements(parsed: ParsedSection, id: string): Element[] {
  const parts = parsed.parts.get(id)!;
  return [parts.element, parts.continuation].filter((element): element is Element => element !== null);
}

function descendants(parsed: ParsedSection, id: string): string[] {
  const below: string[] = [];
  const walk = (parentId: string) => {
    for (const comment of parsed.thread.comments) {
      if (comment.parentId !== parentId) continue;
      below.push(comment.id);
      walk(comment.id);
    }
  };
  walk(id);
  return below;
}

const CASES = [
  { fixture: 'thesis', split: true, after: false },
  { fixture: 'drupal-olivero', split: false, after: true },
  { fixture: 'drupal7-bartik', split: false, after: true },
  { fixture: 'drupal-claro', split: false, after: true },
] as const;

describe.each(CASES)('$fixture: folding hides what the parser says belongs to a comment', ({ fixture, split, after }) => {
  const page = fixturePages().find((candidate) => candidate.label === `fixtures/${fixture}`)!;

  /** The fixture detected and parsed as the content script does, and its HTML before the view. */
  function open(): { doc: Document; root: Element; parsed: ParsedSection; before: string } {
    const doc = loadDocument(page);
    const { detection, sections } = parseDocument(doc);
    if (detection.status !== 'found') throw new Error(`${fixture}: detection ${detection.status}`);
    return { doc, root: detection.sections[0]!.root, parsed: sections[0]!, before: doc.documentElement.outerHTML };
  }

  it('folds replies and continuations, then restores the page exactly', () => {
    expect(page, fixture).not.toBeUndefined();
    const { doc, root, parsed, before } = open();

    // The markup is what this test is about: the parser hands these parts.
    const parents = parsed.thread.comments.filter((comment) => descendants(parsed, comment.id).length > 0);
    expect(parents.length).toBeGreaterThan(1);
    for (const comment of parsed.thread.comments) {
      const parts = parsed.parts.get(comment.id)!;
      if (split) expect(parts.continuation?.tagName, comment.id).toBe('DD');
      else expect(parts.continuation, comment.id).toBeNull();
    }
    for (const parent of parents) {
      const { replies, element } = parsed.parts.get(parent.id)!;
      expect(replies, parent.id).not.toBeNull();
      expect(element.contains(replies!), `${parent.id}: replies inside the item`).toBe(!after && !split);
    }

    const view = mountThreadView(parsed, { ...DEFAULT_OPTIONS, bigThreadThreshold: 0, autoCollapseDepth: 0 }, [], {
      root,
      scheduler: SYNC_SCHEDULER,
    });
    view.flush();
    for (const comment of parsed.thread.comments) {
      for (const element of ownElements(parsed, comment.id)) expect(shown(element), `${comment.id} shown at first`).toBe(true);
    }
    // One fold bar per comment with replies, never a block straight inside a list (Drupal's `ul.links` holds the Reply link).
    const bars = [...doc.querySelectorAll(`[${ATTR_UI}="bar"]`)];
    expect(bars).toHaveLength(parents.length);
    expect(bars.map((bar) => bar.parentElement!.tagName).filter((tag) => ['UL', 'OL', 'DL', 'MENU'].includes(tag))).toEqual([]);

    // Fold a top-level comment with a deep subtree: its own parts stay, all of its replies go.
    const top = parents.find((comment) => comment.parentId === null && descendants(parsed, comment.id).length > 1)!;
    expect(top).not.toBeUndefined();
    view.toggle(top.id);
    view.flush();
    expect(view.isCollapsed(top.id)).toBe(true);
    for (const element of ownElements(parsed, top.id)) expect(shown(element), `${top.id}'s own parts`).toBe(true);
    expect(shown(parsed.parts.get(top.id)!.content!), `${top.id}'s text`).toBe(true);
    expect(shown(parsed.parts.get(top.id)!.replies!), `${top.id}'s reply list`).toBe(false);
    const hiddenIds = descendants(parsed, top.id);
    for (const id of hiddenIds) {
      for (const element of ownElements(parsed, id)) expect(shown(element), `reply ${id}: ${element.tagName}`).toBe(false);
      // Nothing of it shows: not its text, not its reply link.
      const { content, replyLink } = parsed.parts.get(id)!;
      if (content) expect(shown(content), `reply ${id}: text`).toBe(false);
      if (replyLink) expect(shown(replyLink), `reply ${id}: reply link`).toBe(false);
    }
    // The other threads are untouched.
    const others = parsed.thread.comments.filter((comment) => comment.id !== top.id && !hiddenIds.includes(comment.id));
    expect(others.length).toBeGreaterThan(0);
    for (const comment of others) {
      for (const element of ownElements(parsed, comment.id)) expect(shown(element), `${comment.id} elsewhere`).toBe(true);
    }

    // Unfold: everything shows again, nothing hidden is left.
    view.toggle(top.id);
    view.flush();
    for (const comment of parsed.thread.comments) {
      for (const element of ownElements(parsed, comment.id)) expect(shown(element), `${comment.id} after unfolding`).toBe(true);
    }

    // Fold everything, then turn off: the document is what it was, byte for byte.
    view.collapseAll();
    view.flush();
    const firstReply = parsed.thread.comments.find((comment) => comment.parentId !== null)!;
    for (const element of ownElements(parsed, firstReply.id)) expect(shown(element)).toBe(false);
    view.destroy();
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('reads a reply in the continuation or the following list as nested: a quiet parent link, no "In reply to" line', () => {
    const { doc, root, parsed, before } = open();
    const view = mountThreadView(parsed, { ...DEFAULT_OPTIONS, bigThreadThreshold: 0 }, [previewFeature], { root, scheduler: SYNC_SCHEDULER });
    view.flush();
    // Each inserted line or link belongs to the deepest comment whose own elements hold it.
    const ownerOf = (node: Element): string | null => {
      const holders = parsed.thread.comments.filter((comment) => ownElements(parsed, comment.id).some((element) => element.contains(node)));
      return holders.reduce<string | null>((deepest, comment) => (deepest === null || comment.depth > parsed.thread.comments.find((c) => c.id === deepest)!.depth ? comment.id : deepest), null);
    };
    const owners = (kind: string) => [...doc.querySelectorAll(`[${ATTR_UI}="${kind}"]`)].map((node) => ownerOf(node));
    const replies = parsed.thread.comments.filter((comment) => comment.parentId !== null).map((comment) => comment.id);
    expect(replies.length).toBeGreaterThan(2);
    expect(owners(PARENT_LINK_UI).sort()).toEqual([...replies].sort());
    expect(owners(REPLY_CONTEXT_UI)).toEqual([]);
    view.destroy();
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('hides a comment whole when a feature masks it (find in thread), and restores the page exactly', () => {
    const { doc, root, parsed, before } = open();
    // A reply without replies of its own: only the mask can hide it (no folded ancestor, no hidden list around it).
    const leaf = parsed.thread.comments.find((comment) => comment.parentId !== null && descendants(parsed, comment.id).length === 0)!;
    expect(leaf).not.toBeUndefined();
    const hideLeaf = defineViewFeature({
      id: 'hide-one',
      enabled: () => true,
      setup(ctx) {
        ctx.state.mask.set([leaf.id]);
      },
    });
    const view = mountThreadView(parsed, { ...DEFAULT_OPTIONS, bigThreadThreshold: 0, autoCollapseDepth: 0 }, [hideLeaf], {
      root,
      scheduler: SYNC_SCHEDULER,
    });
    view.flush();
    expect(view.isVisible(leaf.id)).toBe(false);
    const own = ownElements(parsed, leaf.id);
    expect(own.length).toBe(split ? 2 : 1);
    for (const element of own) expect(shown(element), `${leaf.id}: ${element.tagName}`).toBe(false);
    const { content } = parsed.parts.get(leaf.id)!;
    expect(shown(content!), `${leaf.id}: its text`).toBe(false);
    for (const comment of parsed.thread.comments.filter((other) => other.id !== leaf.id)) {
      for (const element of ownElements(parsed, comment.id)) expect(shown(element), `${comment.id}`).toBe(true);
    }
    view.destroy();
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
