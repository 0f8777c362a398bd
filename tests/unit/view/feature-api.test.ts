/**
 * The feature API (defineViewFeature) as the next features will use it, each written here as one small feature:
 * "new since last visit" (a state field, toolbar items, keys, folding threads with nothing new), "find in thread"
 * (a mask: show only matches), "merge comment pages" (comments added to the thread, foldable like the page's own).
 * Then the lifecycle: options turn features on and off, restartOn, cleanup undoes every registration, errors
 * are contained and reported.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CommentParts } from '@/utils/parse/types';
import type { ThreadlightOptions } from '@/utils/storage/options';
import type { ThreadComment } from '@/utils/thread/types';
import { defineViewFeature } from '@/utils/view/core/feature';
import { countLabel } from '@/utils/view/core/labels';
import { key } from '@/utils/view/core/registries';
import { ATTR_ACTION, ATTR_BODY, ATTR_COLLAPSED, ATTR_COMMENT, ATTR_HIDDEN, ATTR_STATUS, ATTR_TOGGLE, ATTR_UI, fieldAttribute } from '@/utils/view/dom-contract';
import { keyboardFeature } from '@/utils/view/keyboard';
import type { ViewController } from '@/utils/view/mount-thread-view';
import { toolbarFeature } from '@/utils/view/toolbar';
import { buildSection, destroyMounted, errorsOf, mountView, OPTIONS_ON, press, type SketchComment } from './view-fixtures';

// 1                2            5
// ├─ 3             └─ 6         (no replies)
// │  └─ 4
// └─ 7
const SKETCH: SketchComment[] = [
  { id: '1' },
  { id: '3', parentId: '1' },
  { id: '4', parentId: '3' },
  { id: '7', parentId: '1' },
  { id: '2' },
  { id: '6', parentId: '2' },
  { id: '5' },
];

/**
 * "New since last visit", as the #12 lane will write it: one folder, one line in the features list. `newIds` is what
 * its visit store would say.
 */
const newSince = (newIds: string[]) => defineViewFeature({
  id: 'new-since-visit',
  fields: ['new'],
  enabled: () => true,
  setup(ctx) {
    const fresh = ctx.state.field('new');
    fresh.set(newIds);
    const ordered = () => ctx.state.index.ids.filter((id) => fresh.has(id));
    const step = (direction: 1 | -1) => {
      const list = ordered();
      const at = list.indexOf(ctx.state.selectedId() ?? '');
      const next = list[at === -1 ? (direction === 1 ? 0 : list.length - 1) : at + direction];
      if (next === undefined) return false;
      ctx.state.select(next);
      return true;
    };
    ctx.toolbar.add({ kind: 'status', id: 'new-count', order: 60, text: () => `${fresh.ids().size} new` });
    ctx.toolbar.add({ kind: 'button', id: 'next-new', order: 61, icon: '↓', iconOnly: true, label: () => 'Next new comment', run: () => void step(1) });
    ctx.keys.add({ id: 'nextNew', group: 'new', keys: [key('u')], descriptionKey: 'help_key_next', run: () => step(1) });
    // "Fold the threads with nothing new": a batch of folds, one render.
    const { index } = ctx.state;
    const withNew = new Set(ordered().map((id) => index.rootOf(id)));
    ctx.state.collapse(index.roots.filter((id) => !withNew.has(id)), true);
  },
});
const NEW_IDS = ['4', '6'];
const newSinceLastVisit = newSince(NEW_IDS);

/** "Find in thread: show only matches": a mask of the comments that neither match nor lead to a match. */
function showOnlyMatches(matches: string[]) {
  return defineViewFeature({
    id: 'find',
    fields: ['match'],
    enabled: () => true,
    setup(ctx) {
      ctx.state.field('match').set(matches);
      const { index } = ctx.state;
      const keep = new Set<string>();
      for (const id of matches) for (let at: string | null = id; at !== null; at = index.parent(at)) keep.add(at);
      ctx.state.mask.set(index.ids.filter((id) => !keep.has(id)));
    },
  });
}

/** "Merge comment pages": comments built from another page, inserted in reading order, added to the thread. */
const mergePages = defineViewFeature({
  id: 'merge-pages',
  enabled: () => true,
  setup(ctx) {
    const list = ctx.thread.parts('5')!.element.parentElement!;
    const comments: ThreadComment[] = [];
    const parts = new Map<string, CommentParts>();
    for (const [id, parentId] of [
      ['101', null],
      ['102', '101'],
    ] as const) {
      const element = ctx.doc.createElement('li');
      element.id = `comment-${id}`;
      const body = ctx.doc.createElement('article');
      body.innerHTML = `<footer><b class="fn">Page 2, ${id}</b></footer><div class="comment-content"><p>From page 2</p></div>`;
      element.append(body);
      // Reading order: page 2's threads after page 1's; the reply nested in its parent, as WordPress prints it.
      if (parentId === null) ctx.journal.insert(element, list);
      else {
        const children = ctx.doc.createElement('ol');
        ctx.journal.insert(children, parts.get(parentId)!.element);
        ctx.journal.insert(element, children);
      }
      parts.set(id, { element, body, content: body.querySelector('.comment-content'), name: body.querySelector('.fn'), replyLink: null, replies: null, continuation: null });
      comments.push({
        id,
        parentId,
        depth: parentId === null ? 1 : 2,
        author: { name: `Page 2, ${id}`, url: null, avatar: null },
        isPostAuthor: false,
        type: 'comment',
        date: null,
        dateText: null,
        permalink: null,
        pending: false,
        text: 'From page 2',
      });
    }
    ctx.toolbar.add({ kind: 'button', id: 'load-all-pages', order: 70, label: () => 'Load all pages', run: () => undefined });
    ctx.thread.add({ comments, parts });
  },
});

let view: ViewController;
let root: Element;
let before: string;

function mount(features: Parameters<typeof mountView>[3], options: ThreadlightOptions = OPTIONS_ON): void {
  destroyMounted();
  document.body.innerHTML = '';
  const section = buildSection(SKETCH);
  root = section.root;
  before = root.outerHTML;
  view = mountView(section.parsed, root, options, features, { primary: true });
}

const element = (id: string) => document.getElementById(`comment-${id}`)!;
const toolbarShadow = async () => {
  await new Promise((resolve) => setTimeout(resolve, 20));
  return document.querySelector('threadlight-toolbar')!.shadowRoot!;
};

afterEach(destroyMounted);

describe('a "new since last visit" feature', () => {
  it('marks new comments through a state field, written by the core on the element and the body', () => {
    mount([newSinceLastVisit]);
    for (const id of NEW_IDS) {
      expect(element(id).hasAttribute(fieldAttribute('new'))).toBe(true);
      expect(element(id).querySelector(`[${ATTR_BODY}]`)!.getAttribute(ATTR_BODY)).toBe('new');
    }
    expect(root.querySelectorAll(`[${fieldAttribute('new')}]`)).toHaveLength(2);
  });

  it('folds the threads with nothing new (5 has no replies: nothing to fold)', () => {
    mount([newSinceLastVisit]);
    expect(view.isCollapsed('1')).toBe(false);
    expect(view.isCollapsed('2')).toBe(false);
    mount([newSince(['4'])]);
    expect(view.isCollapsed('1')).toBe(false);
    expect(view.isCollapsed('2')).toBe(true);
    expect(element('6').hasAttribute(ATTR_HIDDEN)).toBe(true);
  });

  it('adds its status and button to the toolbar, and its key to the keymap and the help', async () => {
    mount([keyboardFeature, newSinceLastVisit, toolbarFeature]);
    const shadow = await toolbarShadow();
    expect(shadow.querySelector(`[${ATTR_STATUS}="new-count"]`)!.textContent).toBe('2 new');
    const next = shadow.querySelector<HTMLButtonElement>(`[${ATTR_ACTION}="next-new"]`)!;
    expect(next.getAttribute('aria-label')).toBe('Next new comment');
    next.click();
    expect(view.selectedId()).toBe('4');
    press('u');
    expect(view.selectedId()).toBe('6');
    press('?');
    const help = document.querySelector('threadlight-help')!.shadowRoot!;
    expect([...help.querySelectorAll('h3')].map((h) => h.id)).toContain('group-new');
    // The core's items stay in their place: collapse-all first, figures last.
    const order = [...shadow.querySelectorAll(`[${ATTR_ACTION}], [${ATTR_STATUS}]`)].map((e) => e.getAttribute(ATTR_ACTION) ?? e.getAttribute(ATTR_STATUS));
    expect(order).toEqual(['collapse-all', 'expand-all', 'previous-author-reply', 'author', 'next-author-reply', 'new-count', 'next-new', 'help', 'figures']);
  });
});

describe('a "find in thread" feature', () => {
  it('shows only the matches and the comments that lead to them; a reveal lifts the mask for one comment', () => {
    mount([showOnlyMatches(['4'])]);
    expect(view.visibleIds()).toEqual(['1', '3', '4']);
    expect(element('7').hasAttribute(ATTR_HIDDEN)).toBe(true);
    expect(element('4').hasAttribute(fieldAttribute('match'))).toBe(true);
    view.reveal('6');
    expect(view.visibleIds()).toEqual(['1', '3', '4', '2', '6']);
    view.destroy();
    expect(root.outerHTML).toBe(before);
  });
});

describe('a "merge comment pages" feature', () => {
  it('adds comments to the thread in reading order: same DOM contract, foldable, counted, restored', async () => {
    mount([mergePages, toolbarFeature]);
    expect(view.parsed.thread.comments.map((c) => c.id)).toEqual(['1', '3', '4', '7', '2', '6', '5', '101', '102']);
    expect(element('101').getAttribute(ATTR_COMMENT)).toBe('101');
    expect(root.querySelector(`[${ATTR_TOGGLE}="101"]`)).not.toBeNull();
    view.toggle('101');
    expect(element('101').hasAttribute(ATTR_COLLAPSED)).toBe(true);
    expect(element('102').closest(`[${ATTR_HIDDEN}]`)).not.toBeNull();
    const shadow = await toolbarShadow();
    expect(shadow.querySelector(`[${ATTR_ACTION}="load-all-pages"]`)!.textContent).toBe('Load all pages');
    expect(shadow.querySelector(`[${ATTR_STATUS}="figures"]`)!.textContent).toContain(countLabel('view_comments', 9));
    view.destroy();
    expect(root.outerHTML).toBe(before);
  });
});

describe('the lifecycle', () => {
  it('options turn a feature on and off; cleanup undoes everything it registered', async () => {
    const log: string[] = [];
    const probe = defineViewFeature({
      id: 'probe',
      fields: ['probed'],
      enabled: (options) => options.highlightAuthor,
      setup(ctx) {
        log.push('setup');
        ctx.state.field('probed').set(['1']);
        ctx.state.mask.set(['5']);
        ctx.addStyles('.probe { color: red; }');
        ctx.comments.decorate((slot) => {
          const mark = ctx.doc.createElement('span');
          mark.setAttribute(ATTR_UI, 'probe');
          slot.afterName(mark);
        });
        ctx.toolbar.add({ kind: 'status', id: 'probe', order: 70, text: () => 'probe' });
        ctx.keys.add({ id: 'probe', group: 'general', keys: [key('x')], descriptionKey: 'help_key_help', run: () => (log.push('key'), true) });
        ctx.root.addEventListener('click', () => log.push('click'), { signal: ctx.signal });
        ctx.journal.set(ctx.root, 'lang', 'fr');
        return () => log.push('cleanup');
      },
    });
    mount([probe, keyboardFeature, toolbarFeature]);
    const shadow = await toolbarShadow();
    expect(shadow.querySelector(`[${ATTR_STATUS}="probe"]`)).not.toBeNull();
    expect(root.querySelectorAll(`[${ATTR_UI}="probe"]`)).toHaveLength(7);
    expect(view.isVisible('5')).toBe(false);
    press('x');
    (root as HTMLElement).click();
    expect(log).toEqual(['setup', 'key', 'click']);

    view.applyOptions({ ...OPTIONS_ON, highlightAuthor: false });
    expect(log).toEqual(['setup', 'key', 'click', 'cleanup']);
    expect(root.querySelectorAll(`[${ATTR_UI}="probe"]`)).toHaveLength(0);
    expect(root.querySelector(`[${fieldAttribute('probed')}]`)).toBeNull();
    expect(view.isVisible('5')).toBe(true);
    expect(root.hasAttribute('lang')).toBe(false);
    expect(document.head.querySelector(`style[${ATTR_UI}]`)!.textContent).not.toContain('.probe');
    expect(shadow.querySelector(`[${ATTR_STATUS}="probe"]`)).toBeNull();
    press('x');
    (root as HTMLElement).click();
    expect(log).toEqual(['setup', 'key', 'click', 'cleanup']);

    view.applyOptions(OPTIONS_ON);
    expect(log.at(-1)).toBe('setup');
    view.destroy();
    expect(root.outerHTML).toBe(before);
  });

  it('restartOn: a change of those options sets the feature up again; others only tell it', () => {
    const log: string[] = [];
    const probe = defineViewFeature({
      id: 'restarting',
      enabled: () => true,
      restartOn: ['inferReplies'],
      setup(ctx) {
        log.push(`setup ${ctx.options().inferReplies}`);
        ctx.on('options', () => log.push('options'));
        return () => log.push('cleanup');
      },
    });
    mount([probe]);
    view.applyOptions({ ...OPTIONS_ON, autoCollapseDepth: 2 });
    view.applyOptions({ ...OPTIONS_ON, autoCollapseDepth: 2, inferReplies: 'renest' });
    expect(log).toEqual(['setup links', 'options', 'options', 'cleanup', 'setup renest']);
  });

  it('contains a failing feature: cleaned up, reported (the popup’s diagnostics), the others go on', () => {
    const failing = defineViewFeature({
      id: 'failing',
      enabled: () => true,
      setup(ctx) {
        ctx.toolbar.add({ kind: 'status', id: 'never', order: 1, text: () => 'x' });
        ctx.comments.decorate(() => {
          throw new Error('bad decoration');
        });
        ctx.on('collapse', () => {
          throw new Error('bad listener');
        });
      },
    });
    mount([failing, keyboardFeature]);
    view.toggle('1');
    press('j');
    expect(view.selectedId()).toBe('1');
    expect(errorsOf(view)).toContain('failing: on collapse: bad listener');
    expect(errorsOf(view).filter((e) => e.startsWith('failing: decorate'))).toHaveLength(7);
    const broken = defineViewFeature({
      id: 'broken',
      enabled: () => true,
      setup() {
        throw new Error('setup failed');
      },
    });
    mount([broken, keyboardFeature]);
    expect(errorsOf(view)).toEqual(['broken: setup: setup failed']);
    press('j');
    expect(view.selectedId()).toBe('1');
  });

  it('refuses malformed declarations at once', () => {
    expect(() => defineViewFeature({ id: 'Bad Id', enabled: () => true, setup: () => undefined })).toThrow(/kebab-case/);
    expect(() => defineViewFeature({ id: 'ok', fields: ['selected'], enabled: () => true, setup: () => undefined })).toThrow(/core field/);
    const sneaky = defineViewFeature({ id: 'sneaky', enabled: () => true, setup: (ctx) => ctx.state.field('new').set(['1']) });
    mount([sneaky]);
    expect(errorsOf(view)).toEqual(['sneaky: setup: view feature sneaky: field "new" is not declared in its fields']);
  });
});
