// @vitest-environment jsdom
/**
 * Every feature on the real view core and the real parser, on corpus pages: keys drive the core's selection and
 * folds (in the order WordPress's own truth gives), previews and keys share the view, options switch keys live,
 * destroy restores the page exactly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_OPTIONS } from '@/utils/storage/options';
import { isAuthorReply } from '@/utils/thread/thread-index';
import { ATTR_COLLAPSED, ATTR_HIDDEN, ATTR_PREVIEW, ATTR_SELECTED, ATTR_UI } from '@/utils/view/dom-contract';
import { VIEW_FEATURES } from '@/utils/view/features';
import type { ViewController } from '@/utils/view/mount-thread-view';
import { destroyMounted, loadSharedPage, mountView, parseFirstSection, press, SHARED_DIR } from './view-fixtures';
import { sharedOrNotice } from '../../shared-material';

const shared = sharedOrNotice('keyboard and previews on a corpus page (tests/unit/view/keyboard-with-view.test.ts)');

interface TruthComment {
  wp_id: number;
  parent_wp_id: number;
  is_post_author: boolean;
  type: string;
}

const PAGE = 'corpus/twentytwentyone/seed-004';
const truth = shared ? (JSON.parse(fs.readFileSync(path.join(SHARED_DIR, `${PAGE}.truth.json`), 'utf8')) as { comments: TruthComment[] }).comments : [];
const ids = truth.map((comment) => String(comment.wp_id));
const parentOf = new Map(truth.map((c) => [String(c.wp_id), c.parent_wp_id === 0 ? null : String(c.parent_wp_id)]));
/** Siblings of `id` (same parent) in page order, pingbacks included (they are top-level comments of the page). */
const siblingsOf = (id: string) => ids.filter((other) => parentOf.get(other) === parentOf.get(id));

let view: ViewController;
let root: Element;
let before: string;

/** seed-004 on the real detector, parser and view with every feature; pingbacks shown so every comment is walkable. */
function mountPage(options = { ...DEFAULT_OPTIONS, bigThreadThreshold: 0, pingbacks: 'shown' as const }): void {
  loadSharedPage(`${PAGE}.html`);
  const section = parseFirstSection();
  root = section.root;
  before = root.outerHTML;
  view = mountView(section.parsed, root, options, VIEW_FEATURES);
}

afterEach(destroyMounted);

const selectedIds = () => [...root.querySelectorAll(`[${ATTR_SELECTED}]`)].map((element) => element.id);

describe.skipIf(!shared)(`keys on ${PAGE}, in the truth's order`, () => {
  it('j visits every comment in page order, k comes back the same way', () => {
    mountPage();
    expect(ids).toHaveLength(58);
    expect(ids.map(() => (press('j'), view.selectedId()))).toEqual(ids);
    expect(ids.slice(1).map(() => (press('k'), view.selectedId()))).toEqual([...ids].reverse().slice(1));
  });

  it('p goes to the truth parent from every reply', () => {
    mountPage();
    for (const id of ids) {
      view.select(id);
      press('p');
      expect(view.selectedId(), `p from ${id}`).toBe(parentOf.get(id) ?? id);
    }
  });

  it('Shift+J and Shift+K follow the truth siblings', () => {
    mountPage();
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
    mountPage();
    const roots = ids.filter((id) => parentOf.get(id) === null);
    expect(roots.map(() => (press('n'), view.selectedId()))).toEqual(roots);
    view.select(null);
    const authored = truth.filter((c) => c.is_post_author && c.type === 'comment').map((c) => String(c.wp_id));
    expect(authored).toHaveLength(17);
    expect(authored.map(() => (press('a'), view.selectedId()))).toEqual(authored);
  });
});

describe.skipIf(!shared)('keys and previews on the real view', () => {
  it('j/k move the core’s selection indicator, one comment at a time', () => {
    mountPage();
    press('j');
    expect(selectedIds()).toEqual(['comment-30']);
    press('j');
    press('j');
    expect(selectedIds()).toEqual(['comment-32']);
    press('k');
    expect(selectedIds()).toEqual(['comment-31']);
    press('Escape');
    expect(selectedIds()).toEqual([]);
  });

  it('Enter folds the selected thread and j then skips its replies; p climbs to the parent', () => {
    mountPage();
    view.select('43');
    press('Enter');
    expect(document.getElementById('comment-43')!.hasAttribute(ATTR_COLLAPSED)).toBe(true);
    expect(view.isVisible('44')).toBe(false);
    press('j');
    expect(view.selectedId()).toBe('46');
    view.select('78');
    press('p');
    press('p');
    expect(view.selectedId()).toBe('76');
  });

  it('after Shift+C, `a` selects an author reply inside a folded thread and unfolds it', () => {
    mountPage();
    press('C', { shiftKey: true });
    const index = view.state.index;
    // A folded top-level thread whose next author reply (in page order) is inside it.
    const start = index.roots.find((rootId) => {
      if (!view.isCollapsed(rootId)) return false;
      const after = index.ids.slice(index.position.get(rootId)! + 1).find((id) => isAuthorReply(index.byId.get(id)!));
      return after !== undefined && index.rootOf(after) === rootId;
    })!;
    expect(typeof start).toBe('string');
    const target = index.ids.slice(index.position.get(start)! + 1).find((id) => isAuthorReply(index.byId.get(id)!))!;
    view.select(start);
    // The starting point: the cursor on the folded root, the author's reply hidden inside it.
    expect(view.selectedId()).toBe(start);
    expect(view.isCollapsed(start)).toBe(true);
    expect(view.isVisible(target)).toBe(false);
    press('a');
    expect(view.selectedId()).toBe(target);
    expect(view.isVisible(target)).toBe(true);
    expect(view.isCollapsed(start)).toBe(false);
    expect(document.getElementById(`comment-${target}`)!.closest(`[${ATTR_HIDDEN}]`)).toBeNull();
  });

  it('follows the keyboardShortcuts option live', () => {
    mountPage();
    view.applyOptions({ ...view.currentOptions(), keyboardShortcuts: false });
    press('j');
    expect(view.selectedId()).toBeNull();
    view.applyOptions({ ...view.currentOptions(), keyboardShortcuts: true });
    press('j');
    expect(view.selectedId()).toBe('30');
  });

  it('ignores keys typed in the comment form', () => {
    mountPage();
    const textarea = document.querySelector<HTMLTextAreaElement>('#respond textarea#comment')!;
    expect(textarea).not.toBeNull();
    for (const key of ['j', 'k', 'p', 'c', 'a']) press(key, { target: textarea });
    press('?', { target: textarea, shiftKey: true });
    expect(view.selectedId()).toBeNull();
    expect(document.querySelector('threadlight-help')).toBeNull();
  });

  it('clicking a reply’s parent link selects its parent through the core', () => {
    mountPage();
    const link = document.querySelector<HTMLAnchorElement>(`#div-comment-44 [${ATTR_PREVIEW}]`)!;
    expect(link).not.toBeNull();
    expect(link.getAttribute(ATTR_PREVIEW)).toBe('43');
    link.click();
    expect(selectedIds()).toEqual(['comment-43']);
  });

  it('Shift+P previews the selected reply’s parent, and Escape closes the preview before clearing the selection', () => {
    mountPage();
    view.select('44');
    press('P', { shiftKey: true });
    const card = document.querySelector('threadlight-preview')!.shadowRoot!.querySelector<HTMLElement>('.card')!;
    expect(card.hidden).toBe(false);
    expect(card.querySelector('.author')!.textContent).toBe(view.state.index.byId.get('43')!.author.name);
    expect(press('Escape').defaultPrevented).toBe(true);
    expect(card.hidden).toBe(true);
    expect(view.selectedId()).toBe('44');
    press('Escape');
    expect(view.selectedId()).toBeNull();
  });

  it('destroy gives the section back exactly, and leaves no overlay behind', () => {
    mountPage();
    vi.useFakeTimers();
    try {
      press('?');
      const link = document.querySelector<HTMLAnchorElement>(`#div-comment-44 [${ATTR_PREVIEW}]`)!;
      link.focus();
      expect(document.querySelector('threadlight-preview')).not.toBeNull();
      view.destroy();
      expect(root.outerHTML).toBe(before);
      expect(document.querySelector(`threadlight-help, threadlight-preview, threadlight-toolbar, [${ATTR_UI}]`)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
