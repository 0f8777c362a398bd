/**
 * The view core (state → renderer → page) on the corpus themes: the DOM contract, folds by the model, options,
 * selection, the page's own changes (comment-reply.js, #comment-N links, comments added later), exact restore.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_OPTIONS, type ThreadlightOptions } from '@/utils/storage/options';
import {
  ATTR_ACTION,
  ATTR_AUTHOR_REPLIED,
  ATTR_BODY,
  ATTR_COLLAPSED,
  ATTR_COMMENT,
  ATTR_DEPTH,
  ATTR_ENHANCED,
  ATTR_FOCUS,
  ATTR_GROUP,
  ATTR_HIDDEN,
  ATTR_HIGHLIGHT,
  ATTR_ROLE,
  ATTR_SELECTED,
  ATTR_STATUS,
  ATTR_TOGGLE,
  ATTR_UI,
} from '@/utils/view/dom-contract';
import { VIEW_FEATURES } from '@/utils/view/features';
import { authorHighlightFeature } from '@/utils/view/author-highlight';
import { pingbacksFeature } from '@/utils/view/pingbacks';
import { toolbarFeature } from '@/utils/view/toolbar';
import { mountThreadView, type MountContext } from '@/utils/view/mount-thread-view';
import type { ViewFeature } from '@/utils/view/core/types';
import { setTestLanguage } from '../../setup/i18n';
import {
  destroyMounted,
  errorsOf,
  idsWithReplies,
  mountView,
  openCorpusFixture,
  THEMES,
  truthDescendants,
  type CorpusFixture,
  type Truth,
} from './view-fixtures';
import { sharedOrNotice } from '../../shared-material';

const shared = sharedOrNotice('the thread view on corpus pages (tests/unit/view/thread-view.test.ts)');

const OPTIONS: ThreadlightOptions = { ...DEFAULT_OPTIONS, bigThreadThreshold: 0, pingbacks: 'shown' };

function mount(fixture: CorpusFixture, options: ThreadlightOptions = OPTIONS, features: readonly ViewFeature[] = [], extra: MountContext = {}) {
  return mountView(fixture.parsed, fixture.root, options, features, extra);
}

afterEach(destroyMounted);

function element(fixture: CorpusFixture, id: string): Element {
  return fixture.parsed.parts.get(id)!.element;
}

function hiddenIds(fixture: CorpusFixture): string[] {
  return fixture.truth.comments.map((c) => String(c.wp_id)).filter((id) => element(fixture, id).closest(`[${ATTR_HIDDEN}]`) !== null);
}

/** The triage line a reader should see, computed from the truth file (the one identity rule: name + URL). */
function expectedTriage(truth: Truth, id: string): string {
  const replies = truthDescendants(truth, id).map((d) => truth.comments.find((c) => String(c.wp_id) === d)!);
  const people = new Set(
    replies.filter((r) => r.type === 'comment').map((r) => (r.is_post_author ? 'post-author' : `${r.author.toLowerCase()}|${r.author_url ?? ''}`)),
  );
  const parts = [`${replies.length} ${replies.length === 1 ? 'reply' : 'replies'}`];
  if (people.size > 0) parts.push(`${people.size} ${people.size === 1 ? 'person' : 'people'}`);
  if (replies.some((r) => r.is_post_author && r.type === 'comment')) parts.push('author replied');
  return parts.join(' · ');
}

function truthRoots(truth: Truth): string[] {
  return truth.comments.filter((c) => !c.parent_wp_id).map((c) => String(c.wp_id));
}

describe.skipIf(!shared).each(THEMES)('thread view on %s', (theme) => {
  it('marks every comment, the post author and each toggle per the DOM contract', () => {
    const fixture = openCorpusFixture(theme, 'seed-004');
    mount(fixture, OPTIONS, [authorHighlightFeature]);
    const { truth, root } = fixture;
    expect(root.getAttribute(ATTR_ENHANCED)).toBe('enhanced');
    for (const c of truth.comments) {
      const el = element(fixture, String(c.wp_id));
      expect(el.getAttribute(ATTR_COMMENT)).toBe(String(c.wp_id));
      expect(el.getAttribute(ATTR_DEPTH)).toBe(String(c.depth));
    }
    const authors = truth.comments.filter((c) => c.is_post_author);
    expect(authors.length).toBeGreaterThan(0);
    expect(root.querySelectorAll(`[${ATTR_ROLE}="post-author"]`)).toHaveLength(authors.length);
    expect(root.querySelectorAll(`[${ATTR_BODY}~="post-author"]`)).toHaveLength(authors.length);
    expect(root.querySelectorAll('.threadlight-badge')).toHaveLength(authors.length);
    // The badge sits right after the author's name.
    for (const badge of root.querySelectorAll('.threadlight-badge')) {
      expect(badge.previousElementSibling?.matches('.fn, .wp-block-comment-author-name, a')).toBe(true);
    }

    const withReplies = idsWithReplies(truth);
    const toggles = [...root.querySelectorAll(`[${ATTR_TOGGLE}]`)];
    expect(toggles.map((b) => b.getAttribute(ATTR_TOGGLE)).sort()).toEqual([...withReplies].sort());
    for (const toggle of toggles) {
      expect(toggle.tagName).toBe('BUTTON');
      expect(toggle.getAttribute('aria-expanded')).toBe('true');
      // The accessible name starts with the visible label (WCAG 2.5.3).
      const visible = toggle.textContent!.trim();
      expect(visible).toBe('Hide replies');
      expect(toggle.getAttribute('aria-label')).toMatch(/^Hide replies to \S/);
      // The toggle sits in its own comment's body, not in a reply's.
      const id = toggle.getAttribute(ATTR_TOGGLE)!;
      expect(toggle.closest(`[${ATTR_COMMENT}]`)?.getAttribute(ATTR_COMMENT)).toBe(id);
      expect(fixture.parsed.parts.get(id)!.body.contains(toggle)).toBe(true);
    }
    // Roots whose thread holds an author reply carry the field and the marker.
    const replied = truthRoots(truth).filter((id) =>
      truthDescendants(truth, id).some((d) => truth.comments.find((c) => String(c.wp_id) === d)!.is_post_author),
    );
    expect(replied.length).toBeGreaterThan(0);
    expect([...root.querySelectorAll(`[${ATTR_AUTHOR_REPLIED}]`)].map((e) => e.getAttribute(ATTR_COMMENT)).sort()).toEqual(replied.sort());
    expect(root.querySelectorAll('.threadlight-replied')).toHaveLength(replied.length);
  });

  it('collapses a thread by the model, shows its triage line and expands it back', () => {
    const fixture = openCorpusFixture(theme, 'seed-004');
    const view = mount(fixture);
    const { truth } = fixture;
    const biggest = truthRoots(truth).sort((a, b) => truthDescendants(truth, b).length - truthDescendants(truth, a).length)[0]!;
    const descendants = truthDescendants(truth, biggest);
    expect(descendants.length).toBeGreaterThan(3);

    view.toggle(biggest);
    expect(view.isCollapsed(biggest)).toBe(true);
    expect(element(fixture, biggest).hasAttribute(ATTR_COLLAPSED)).toBe(true);
    expect(hiddenIds(fixture).sort()).toEqual([...descendants].sort());
    for (const id of descendants) expect(view.isVisible(id)).toBe(false);
    expect(view.isVisible(biggest)).toBe(true);
    const button = fixture.root.querySelector(`[${ATTR_TOGGLE}="${biggest}"]`)!;
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.textContent!.trim()).toBe('Show replies');
    expect(button.getAttribute('aria-label')).toMatch(/^Show replies to \S/);
    const triage = button.parentElement!.querySelector('.threadlight-triage') as HTMLElement;
    expect(triage.hidden).toBe(false);
    expect(triage.textContent).toBe(expectedTriage(truth, biggest));

    view.toggle(biggest);
    expect(hiddenIds(fixture)).toEqual([]);
    expect(triage.hidden).toBe(true);
    expect(button.getAttribute('aria-expanded')).toBe('true');
  });

  it('collapses all threads to their roots and expands all', () => {
    const fixture = openCorpusFixture(theme, 'deep');
    const view = mount(fixture);
    const nested = fixture.truth.comments.filter((c) => c.depth > 1).map((c) => String(c.wp_id));
    expect(nested.length).toBeGreaterThan(0);
    view.collapseAll();
    expect(hiddenIds(fixture).sort()).toEqual(nested.sort());
    expect(view.visibleIds()).toEqual(truthRoots(fixture.truth));
    view.expandAll();
    expect(hiddenIds(fixture)).toEqual([]);
    expect(fixture.root.querySelectorAll(`[${ATTR_COLLAPSED}]`)).toHaveLength(0);
  });

  it('serves every toggle from one delegated click listener', () => {
    const fixture = openCorpusFixture(theme, 'seed-004');
    const addListener = vi.spyOn(fixture.dom.window.EventTarget.prototype, 'addEventListener');
    mount(fixture);
    const onSection = addListener.mock.contexts.filter((target: unknown) => (target as Node).nodeType === 1 && fixture.root.contains(target as Node));
    expect(onSection).toEqual([fixture.root]);
    const first = [...idsWithReplies(fixture.truth)][0]!;
    const label = fixture.root.querySelector(`[${ATTR_TOGGLE}="${first}"] .threadlight-toggle-label`) as HTMLElement;
    label.click(); // a click on the label inside the button
    expect(element(fixture, first).hasAttribute(ATTR_COLLAPSED)).toBe(true);
    expect(label.textContent).toBe('Show replies');
  });

  it.each(['seed-004', 'seed-003', 'seed-001-flat', 'deep', 'seed-004-fr', 'seed-004-paged-p1'])(
    'restores %s exactly on destroy, after use, with every feature',
    (variant) => {
      const fixture = openCorpusFixture(theme, variant);
      const before = fixture.doc.documentElement.outerHTML;
      const sectionBefore = fixture.root.outerHTML;
      const view = mountThreadView(fixture.parsed, { ...DEFAULT_OPTIONS, autoCollapseDepth: 2 }, VIEW_FEATURES, { root: fixture.root });
      view.flush();
      expect(fixture.root.outerHTML).not.toBe(sectionBefore);
      view.collapseAll();
      const ids = fixture.parsed.thread.comments.map((c) => c.id);
      view.select(ids[ids.length - 1]!);
      view.setFocus(ids.slice(0, 3));
      view.applyOptions({ ...DEFAULT_OPTIONS, pingbacks: 'hidden', highlightAuthor: false, authorColor: '#aa3300', inferReplies: 'renest' });
      view.expandAll();
      view.destroy();
      expect(fixture.root.outerHTML).toBe(sectionBefore);
      expect(fixture.doc.documentElement.outerHTML).toBe(before);
      view.destroy(); // twice is harmless
      view.collapseAll(); // and a destroyed view does nothing
      expect(fixture.doc.documentElement.outerHTML).toBe(before);
    },
  );
});

describe.skipIf(!shared)('thread view options', () => {
  it('auto-collapses at a depth and re-applies live when the option changes', () => {
    const fixture = openCorpusFixture('twentytwentyone', 'deep');
    const view = mount(fixture, { ...OPTIONS, autoCollapseDepth: 3 });
    const collapsedAtThree = fixture.truth.comments
      .filter((c) => c.depth >= 3 && idsWithReplies(fixture.truth).has(String(c.wp_id)))
      .map((c) => String(c.wp_id));
    expect(collapsedAtThree.length).toBeGreaterThan(0);
    expect([...fixture.root.querySelectorAll(`[${ATTR_COLLAPSED}]`)].map((e) => e.getAttribute(ATTR_COMMENT)).sort()).toEqual(collapsedAtThree.sort());
    expect(hiddenIds(fixture).sort()).toEqual(fixture.truth.comments.filter((c) => c.depth > 3).map((c) => String(c.wp_id)).sort());
    view.applyOptions({ ...OPTIONS, autoCollapseDepth: 0 });
    expect(hiddenIds(fixture)).toEqual([]);
    // Unrelated option changes keep the reader's own folds.
    const first = [...idsWithReplies(fixture.truth)][0]!;
    view.toggle(first);
    view.applyOptions({ ...OPTIONS, authorColor: '#123456' });
    expect(view.isCollapsed(first)).toBe(true);
  });

  it('starts big threads collapsed to their top-level comments', () => {
    const fixture = openCorpusFixture('twentytwentytwo', 'big-300');
    const view = mount(fixture, { ...OPTIONS, bigThreadThreshold: 200 });
    const topLevel = truthRoots(fixture.truth);
    expect(topLevel.length).toBeGreaterThan(10);
    // Exactly the top-level comments: not a subset (an empty list would hide nothing and prove nothing).
    expect(view.visibleIds()).toEqual(topLevel);
    expect(hiddenIds(fixture)).toHaveLength(300 - topLevel.length);
    // Under the threshold nothing is folded.
    view.applyOptions({ ...OPTIONS, bigThreadThreshold: 500 });
    expect(view.visibleIds()).toHaveLength(300);
  });

  it('groups, shows or hides pingbacks (the pingbacks feature)', () => {
    const fixture = openCorpusFixture('twentytwentyone', 'seed-004');
    const ping = fixture.truth.comments.find((c) => c.type === 'pingback')!;
    const pingId = String(ping.wp_id);
    const view = mount(fixture, { ...OPTIONS, pingbacks: 'collapsed' }, [pingbacksFeature]);
    const group = fixture.root.querySelector(`[${ATTR_GROUP}="pingbacks"]`) as HTMLButtonElement;
    expect(group.textContent).toBe('1 pingback');
    // The visible text is the whole accessible name; the state is aria-expanded.
    expect(group.hasAttribute('aria-label')).toBe(false);
    expect(group.getAttribute('aria-expanded')).toBe('false');
    expect(element(fixture, pingId).getAttribute(ATTR_ROLE)).toBe('pingback');
    expect(view.isVisible(pingId)).toBe(false);
    expect(element(fixture, pingId).hasAttribute(ATTR_HIDDEN)).toBe(true);
    // The group sits right before the pingback, as an item of the same list.
    expect(group.closest('li')!.nextElementSibling).toBe(element(fixture, pingId));
    group.click();
    expect(view.isVisible(pingId)).toBe(true);
    expect(group.getAttribute('aria-expanded')).toBe('true');
    group.click();
    // Revealing the ping (a #comment-N link, a key) opens the group so its button tells the truth.
    view.reveal(pingId);
    expect(view.isVisible(pingId)).toBe(true);
    expect(group.getAttribute('aria-expanded')).toBe('true');
    view.applyOptions({ ...OPTIONS, pingbacks: 'hidden' });
    expect(view.isVisible(pingId)).toBe(false);
    expect(fixture.root.querySelector(`[${ATTR_GROUP}]`)).toBeNull();
    view.applyOptions({ ...OPTIONS, pingbacks: 'shown' });
    expect(view.isVisible(pingId)).toBe(true);
    expect(element(fixture, pingId).hasAttribute(ATTR_HIDDEN)).toBe(false);
  });

  it('turns the author highlight off and on through the root attribute, with one stylesheet', () => {
    const fixture = openCorpusFixture('twentytwentythree', 'seed-004');
    const view = mount(fixture, OPTIONS, [authorHighlightFeature]);
    expect(fixture.root.hasAttribute(ATTR_HIGHLIGHT)).toBe(true);
    const style = fixture.doc.head.querySelector(`style[${ATTR_UI}]`)!;
    view.applyOptions({ ...OPTIONS, highlightAuthor: false, authorColor: '#aa3300' });
    expect(fixture.root.hasAttribute(ATTR_HIGHLIGHT)).toBe(false);
    expect(fixture.root.querySelectorAll('.threadlight-badge')).toHaveLength(0);
    expect(style.textContent).toContain('--threadlight-accent: rgb(170, 51, 0)');
    // The role stays: it is the contract, the highlight is only style.
    expect(fixture.root.querySelectorAll(`[${ATTR_ROLE}="post-author"]`)).toHaveLength(17);
    view.applyOptions({ ...OPTIONS, highlightAuthor: true });
    expect(fixture.root.querySelectorAll('.threadlight-badge')).toHaveLength(17);
    expect(fixture.doc.querySelectorAll(`style[${ATTR_UI}]`)).toHaveLength(1);
  });

  it('writes the triage line and the toggles in French', () => {
    setTestLanguage('fr');
    const fixture = openCorpusFixture('twentytwentyone', 'seed-004-fr');
    const view = mount(fixture, OPTIONS, [authorHighlightFeature]);
    const id = [...idsWithReplies(fixture.truth)].find((i) => truthDescendants(fixture.truth, i).length > 2)!;
    view.setCollapsed(id, true);
    const toggle = fixture.root.querySelector(`[${ATTR_TOGGLE}="${id}"]`)!;
    const triage = toggle.parentElement!.querySelector('.threadlight-triage')!;
    expect(triage.textContent).toMatch(/^\d+ réponses · \d+ personnes?( · l’auteur a répondu)?$/);
    expect(toggle.textContent).toBe('Afficher les réponses');
    expect(toggle.getAttribute('aria-label')).toMatch(/^Afficher les réponses à \S/);
    expect(fixture.root.querySelector('.threadlight-badge')!.textContent).toBe('Auteur');
  });
});

describe.skipIf(!shared)('thread view behaviour', () => {
  it('selects, reveals and focuses comments', () => {
    const fixture = openCorpusFixture('twentytwentyone', 'deep');
    const view = mount(fixture);
    const deepest = fixture.truth.comments.find((c) => c.depth === 10)!;
    const id = String(deepest.wp_id);
    view.collapseAll();
    expect(view.isVisible(id)).toBe(false);
    view.select(id);
    expect(view.selectedId()).toBe(id);
    expect(view.isVisible(id)).toBe(true);
    expect(element(fixture, id).hasAttribute(ATTR_SELECTED)).toBe(true);
    expect(fixture.root.querySelectorAll(`[${ATTR_SELECTED}]`)).toHaveLength(1);
    expect(fixture.parsed.parts.get(id)!.body.getAttribute(ATTR_BODY)).toContain('selected');
    view.select(null);
    expect(fixture.root.querySelectorAll(`[${ATTR_SELECTED}]`)).toHaveLength(0);

    view.setFocus([id, 'no-such-id']);
    expect(fixture.root.querySelectorAll(`[${ATTR_FOCUS}]`)).toHaveLength(1);
    view.setFocus([]);
    expect(fixture.root.querySelectorAll(`[${ATTR_FOCUS}]`)).toHaveLength(0);
  });

  it('moves the selection up to the thread root when the thread gets folded', () => {
    const fixture = openCorpusFixture('twentytwentytwo', 'deep');
    const view = mount(fixture);
    const reply = fixture.truth.comments.find((c) => c.depth === 3)!;
    view.select(String(reply.wp_id), { scroll: false });
    view.collapseAll();
    const root = truthRoots(fixture.truth).find((r) => truthDescendants(fixture.truth, r).includes(String(reply.wp_id)))!;
    expect(view.selectedId()).toBe(root);
    expect(element(fixture, root).hasAttribute(ATTR_SELECTED)).toBe(true);
  });

  it('hides sibling replies of flat markup through the model’s parent links', () => {
    const fixture = openCorpusFixture('twentytwentyone', 'seed-001-flat');
    // As reply inference would: the 2nd and 3rd comments answer the 1st (they are its siblings in the DOM).
    const [first, second, third] = fixture.parsed.thread.comments;
    second!.parentId = first!.id;
    second!.depth = 2;
    third!.parentId = second!.id;
    third!.depth = 3;
    const view = mount(fixture);
    expect(element(fixture, second!.id).parentElement).toBe(element(fixture, first!.id).parentElement);
    view.toggle(first!.id);
    expect(hiddenIds(fixture).sort()).toEqual([second!.id, third!.id].sort());
    expect(fixture.root.querySelector(`[${ATTR_TOGGLE}="${first!.id}"]`)!.parentElement!.textContent).toContain('2 replies');
  });

  it('unfolds a collapsed thread when comment-reply.js moves the form into it', async () => {
    const fixture = openCorpusFixture('twentytwentyone', 'seed-004');
    const view = mount(fixture);
    const reply = fixture.truth.comments.find((c) => c.depth === 3)!;
    const id = String(reply.wp_id);
    const root = truthRoots(fixture.truth).find((r) => truthDescendants(fixture.truth, r).includes(id))!;
    view.collapseAll();
    expect(view.isVisible(id)).toBe(false);
    expect(view.isCollapsed(root)).toBe(true);
    // What comment-reply.js's moveForm does: a placeholder where the form was, the form after #div-comment-N.
    const respond = fixture.doc.getElementById('respond')!;
    const placeholder = fixture.doc.createElement('div');
    placeholder.id = 'wp-temp-form-div';
    placeholder.style.display = 'none';
    respond.parentNode!.insertBefore(placeholder, respond);
    const below = fixture.doc.getElementById(`div-comment-${id}`)!;
    below.parentNode!.insertBefore(respond, below.nextSibling);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(view.isVisible(id)).toBe(true);
    expect(view.isCollapsed(root)).toBe(false);
    expect(respond.closest(`[${ATTR_HIDDEN}]`)).toBeNull();
  });

  it('unfolds the comment whose own Reply link received the form', async () => {
    const fixture = openCorpusFixture('twentytwentyone', 'seed-004');
    const view = mount(fixture);
    const id = [...idsWithReplies(fixture.truth)][0]!;
    view.setCollapsed(id, true);
    // The fold took effect before the form moves (else the test below would prove nothing).
    expect(view.isCollapsed(id)).toBe(true);
    expect(element(fixture, id).hasAttribute(ATTR_COLLAPSED)).toBe(true);
    expect(fixture.root.querySelector(`[${ATTR_TOGGLE}="${id}"]`)!.getAttribute('aria-expanded')).toBe('false');
    // comment-reply.js: the form goes right after #div-comment-N, inside the collapsed comment's item.
    const respond = fixture.doc.getElementById('respond')!;
    const below = fixture.doc.getElementById(`div-comment-${id}`)!;
    below.parentNode!.insertBefore(respond, below.nextSibling);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(view.isCollapsed(id)).toBe(false);
    expect(fixture.root.querySelector(`[${ATTR_TOGGLE}="${id}"]`)!.getAttribute('aria-expanded')).toBe('true');
    // The form going back below the thread (Cancel) changes nothing else.
    fixture.root.appendChild(respond);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(view.isCollapsed(id)).toBe(false);
  });

  it('reveals the comment a #comment-N link points to', () => {
    const probe = openCorpusFixture('twentytwentythree', 'big-300');
    const deep = probe.truth.comments.find((c) => c.depth === 4)!;
    const fixture = openCorpusFixture('twentytwentythree', 'big-300', `#comment-${deep.wp_id}`);
    const view = mount(fixture, { ...OPTIONS, bigThreadThreshold: 200 });
    expect(view.isVisible(String(deep.wp_id))).toBe(true);
    // The rest stays folded.
    expect(view.visibleIds().length).toBeLessThan(200);
  });

  it('enhances comments the page adds later, keeping the reader’s folds', async () => {
    const fixture = openCorpusFixture('twentytwentyone', 'seed-004');
    const { doc, parsed } = fixture;
    const folded = [...idsWithReplies(fixture.truth)][0]!;
    const parentEntry = fixture.truth.comments.find((c) => c.depth === 1 && !idsWithReplies(fixture.truth).has(String(c.wp_id)))!;
    const parent = String(parentEntry.wp_id);
    let reparses = 0;
    const view = mount(fixture, OPTIONS, [], {
      updateDelay: 0,
      reparse: () => {
        reparses++;
        const li = doc.getElementById('comment-9001')!;
        const body = li.firstElementChild!;
        return {
          thread: {
            ...parsed.thread,
            comments: [...parsed.thread.comments, { ...parsed.thread.comments[0]!, id: '9001', parentId: parent, depth: 2, isPostAuthor: true }],
          },
          parts: new Map([...parsed.parts, ['9001', { element: li, body, content: body.querySelector('.comment-content'), name: body.querySelector('.fn'), replyLink: null, replies: null, continuation: null }]]),
        };
      },
    });
    view.toggle(folded);
    // A "load more" inserts a reply under a comment that had none.
    const list = doc.createElement('ol');
    list.className = 'children';
    list.innerHTML =
      '<li id="comment-9001" class="comment depth-2"><article id="div-comment-9001" class="comment-body"><footer class="comment-meta"><b class="fn">Late</b></footer><div class="comment-content"><p>Late reply</p></div></article></li>';
    element(fixture, parent).appendChild(list);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reparses).toBe(1);
    const li = doc.getElementById('comment-9001')!;
    expect(li.getAttribute(ATTR_COMMENT)).toBe('9001');
    expect(li.getAttribute(ATTR_ROLE)).toBe('post-author');
    expect(fixture.root.querySelector(`[${ATTR_TOGGLE}="${parent}"]`)).not.toBeNull();
    expect(view.isCollapsed(folded)).toBe(true);
    expect(view.parsed.thread.comments).toHaveLength(59);
    // Our own insertions did not trigger another parse.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reparses).toBe(1);
    view.destroy();
    expect(li.hasAttribute(ATTR_COMMENT)).toBe(false);
    expect(li.querySelector(`[${ATTR_UI}]`)).toBeNull();
  });

  it('tells listeners what changed, once per kind of change', () => {
    const fixture = openCorpusFixture('twentytwentyone', 'seed-004');
    const view = mount(fixture);
    const changes: string[] = [];
    const stop = view.onChange((change) => changes.push(change.type));
    view.collapseAll();
    view.select(fixture.parsed.thread.comments[0]!.id, { scroll: false });
    view.setFocus([fixture.parsed.thread.comments[1]!.id]);
    view.setFocus([fixture.parsed.thread.comments[1]!.id]); // no change, no event
    view.applyOptions(OPTIONS);
    stop();
    view.expandAll();
    expect(changes).toEqual(['collapse', 'select', 'field', 'options']);
  });

  it('mounts the toolbar outside the section, with the model’s figures, and removes it on destroy', async () => {
    const fixture = openCorpusFixture('twentytwentyone', 'seed-004');
    const view = mount(fixture, OPTIONS, [toolbarFeature], { primary: true });
    expect(fixture.doc.querySelector('threadlight-toolbar')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const host = fixture.doc.querySelector('threadlight-toolbar')!;
    expect(fixture.root.contains(host)).toBe(false);
    const shadow = host.shadowRoot!;
    // One labelled region holds the controls (axe: every content in a landmark).
    expect(shadow.querySelector('section')!.getAttribute('aria-label')).toBe('Threadlight: comment thread');
    const pings = fixture.truth.comments.filter((c) => c.type !== 'comment').length;
    const threads = fixture.truth.comments.filter((c) => !c.parent_wp_id && c.type === 'comment').length;
    // People by the one rule: the post author once, others by name and website.
    const people = new Set(
      fixture.truth.comments.filter((c) => c.type === 'comment').map((c) => (c.is_post_author ? '*' : `${c.author.toLowerCase()}|${c.author_url ?? ''}`)),
    ).size;
    expect(people).toBeGreaterThan(5);
    expect(shadow.querySelector(`[${ATTR_STATUS}="figures"]`)!.textContent).toBe(`${58 - pings} comments · ${threads} threads · ${people} participants`);
    (shadow.querySelector(`[${ATTR_ACTION}="collapse-all"]`) as HTMLButtonElement).click();
    expect(view.visibleIds()).toEqual(truthRoots(fixture.truth));
    (shadow.querySelector(`[${ATTR_ACTION}="next-author-reply"]`) as HTMLButtonElement).click();
    const selected = view.selectedId()!;
    expect(fixture.parsed.thread.comments.find((c) => c.id === selected)!.isPostAuthor).toBe(true);
    expect(view.isVisible(selected)).toBe(true);
    view.destroy();
    expect(fixture.doc.querySelector('threadlight-toolbar')).toBeNull();
  });
});

describe.skipIf(!shared)('thread view on malformed input', () => {
  it('survives missing elements, unknown and cyclic parents, duplicates and detached nodes', () => {
    const fixture = openCorpusFixture('twentytwentyone', 'seed-004');
    const comments = fixture.parsed.thread.comments;
    comments[0]!.parentId = comments[0]!.id; // itself
    comments[1]!.parentId = 'ghost'; // not on the page
    comments[2]!.parentId = comments[5]!.id; // a parent that comes later
    comments.push({ ...comments[3]! }); // duplicated id
    fixture.parsed.parts.delete(comments[4]!.id); // no element
    fixture.parsed.parts.get(comments[6]!.id)!.element.remove(); // detached
    const before = fixture.root.outerHTML;
    const view = mount(fixture, OPTIONS, VIEW_FEATURES);
    for (const id of ['ghost', '', comments[4]!.id]) {
      view.toggle(id);
      view.setCollapsed(id, true);
      view.reveal(id);
      view.select(id);
      view.isVisible(id);
    }
    view.collapseAll();
    view.expandAll();
    expect(errorsOf(view)).toEqual([]);
    view.destroy();
    expect(fixture.root.outerHTML).toBe(before);
  });

  it('refuses a section without any comment element', () => {
    const fixture = openCorpusFixture('twentytwentyone', 'seed-004');
    expect(() => mountThreadView({ ...fixture.parsed, parts: new Map() }, OPTIONS, [])).toThrow(
      /no comment elements/,
    );
  });
});

describe.skipIf(!shared)('thread view on 1,500 comments', () => {
  // Timings are measured in real Chromium by `npm run bench`, not asserted in jsdom.
  it('mounts, collapses all and expands all', () => {
    const fixture = openCorpusFixture('twentytwentyone', 'big-1500');
    const view = mount(fixture);
    const total = fixture.parsed.thread.comments.length;
    expect(view.visibleIds().length).toBe(total);
    expect(fixture.root.querySelectorAll(`[${ATTR_COMMENT}]`)).toHaveLength(total);
    view.collapseAll();
    const roots = fixture.parsed.thread.comments.filter((c) => c.parentId === null).length;
    expect(view.visibleIds().length).toBe(roots);
    expect(hiddenIds(fixture)).toHaveLength(total - roots);
    view.expandAll();
    expect(view.visibleIds().length).toBe(total);
    expect(hiddenIds(fixture)).toHaveLength(0);
  });
});
