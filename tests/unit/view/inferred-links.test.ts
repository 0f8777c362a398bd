/**
 * Inferred replies on the real view: only on flat threads, in idle time; 'links' notes, 'renest' moves (never
 * clones) and reshapes the thread the view folds by; live mode switches; exact restore.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { detectCommentSections } from '@/utils/detect/detect-comment-sections';
import { parseSection } from '@/utils/parse/parse-section';
import type { ParsedSection } from '@/utils/parse/types';
import { DEFAULT_OPTIONS, type ReplyInference, type ThreadlightOptions } from '@/utils/storage/options';
import { inferReplies } from '@/utils/thread/infer-replies';
import { ATTR_HIDDEN, ATTR_INFERRED_LIST, ATTR_INFERRED_PARENT, ATTR_PREVIEW, ATTR_UI, fieldAttribute } from '@/utils/view/dom-contract';
import { inferredLinksFeature } from '@/utils/view/inferred-links';
import { UI_NOTE } from '@/utils/view/inferred-links/reply-note';
import type { MountContext, ViewController } from '@/utils/view/mount-thread-view';
import { previewFeature } from '@/utils/view/preview';
import { setTestLanguage } from '../../setup/i18n';
import { EXPECTED_PAIRS_004, withPageTexts } from '../thread/infer-replies.fixtures';
import { destroyMounted, mountView, openCorpusFixture, openCorpusPage, THEMES, type CorpusFixture, type Theme } from './view-fixtures';
import { sharedOrNotice } from '../../shared-material';

const shared = sharedOrNotice('inferred links on corpus pages (tests/unit/view/inferred-links.test.ts)');

const options = (inferReplies: ReplyInference): ThreadlightOptions => ({ ...DEFAULT_OPTIONS, inferReplies, bigThreadThreshold: 0, pingbacks: 'shown' });
const NOTE = `[${ATTR_UI}="${UI_NOTE}"]`;
/** Idle-time work (the SYNC_SCHEDULER runs it in a microtask) is done. */
const settle = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

/** A corpus page with its ParsedSection (from WordPress's truth) and each comment's text read from the page. */
function openPage(theme: Theme, variant: string): CorpusFixture {
  const fixture = openCorpusFixture(theme, variant);
  fixture.parsed = withPageTexts(fixture.parsed);
  return fixture;
}

/** Seed 004's page as WordPress prints it with threading off: every comment item in the top list, in order. */
function openFlattened004(theme: Theme): CorpusFixture {
  const fixture = openPage(theme, 'seed-004');
  const { parsed } = fixture;
  const [first] = parsed.thread.comments;
  const list = parsed.parts.get(first!.id)!.element.parentElement!;
  for (const comment of parsed.thread.comments) {
    const item = parsed.parts.get(comment.id)!.element;
    list.append(item);
    item.className = item.className.replace(/\bdepth-\d+\b/, 'depth-1'); // as WordPress prints them, threading off
  }
  for (const { element } of parsed.parts.values()) {
    for (const child of [...element.children]) {
      if ((child.tagName === 'OL' || child.tagName === 'UL') && child.children.length === 0) child.remove();
    }
  }
  const comments = parsed.thread.comments.map((comment) => ({ ...comment, parentId: null, depth: 1 }));
  // Flat as the parser reads it: no comment holds a reply list any more.
  const parts = new Map([...parsed.parts].map(([id, own]) => [id, { ...own, replies: null }]));
  fixture.parsed = { ...parsed, thread: { ...parsed.thread, comments }, parts };
  return fixture;
}

/** The page's comment id of seed comment `n` (the corpus keeps the seed's order). */
const wpId = (fixture: CorpusFixture, n: number) => String(fixture.truth.comments[n - 1]!.wp_id);

async function mount(fixture: CorpusFixture, mode: ReplyInference, extra: MountContext = {}): Promise<ViewController> {
  const view = mountView(fixture.parsed, fixture.root, options(mode), [inferredLinksFeature, previewFeature], extra);
  await settle();
  return view;
}

const notesIn = (root: Element): Element[] => [...root.querySelectorAll(NOTE)];

/** The comment id whose body holds each note, with the note's parent id. */
function shownPairs(fixture: CorpusFixture): [string, string | null][] {
  return notesIn(fixture.root).map((note) => {
    const child = [...fixture.parsed.parts].find(([, parts]) => parts.body.contains(note))![0];
    return [child, note.getAttribute(ATTR_INFERRED_PARENT)];
  });
}

afterEach(destroyMounted);

describe.skipIf(!shared).each(THEMES)('inferred links on %s', (theme) => {
  it('shows one line on seed 003 (flat): the author\'s "Bonjour Camille," answers Camille', async () => {
    const fixture = openPage(theme, 'seed-003');
    const view = await mount(fixture, 'links');
    const notes = notesIn(fixture.root);
    expect(notes).toHaveLength(1);
    const [note] = notes;
    const reply = wpId(fixture, 5);
    const camille = wpId(fixture, 4);
    expect(fixture.parsed.parts.get(reply)!.body.contains(note!)).toBe(true);
    expect(note!.textContent).toBe('probably in reply to Camille');
    expect(note!.getAttribute(ATTR_INFERRED_PARENT)).toBe(camille);
    // Before the comment's text, after its author and date.
    expect(note!.nextElementSibling).toBe(fixture.parsed.parts.get(reply)!.content);
    const link = note!.querySelector('a')!;
    expect(link.getAttribute('href')).toBe(`#comment-${camille}`);
    expect(link.getAttribute('aria-label')).toBe('Go to Camille’s comment');
    // The preview feature previews it like any parent link, and the reply carries the "inferred" field.
    expect(link.getAttribute(ATTR_PREVIEW)).toBe(camille);
    expect(fixture.parsed.parts.get(reply)!.element.hasAttribute(fieldAttribute('inferred'))).toBe(true);
    link.click();
    expect(view.selectedId()).toBe(camille);
  });

  it('shows nothing on seed 001 (no address, no quote) and leaves the page as it was', async () => {
    for (const variant of ['seed-001-flat', 'seed-001']) {
      const fixture = openPage(theme, variant);
      const before = fixture.root.outerHTML;
      const view = await mount(fixture, 'links');
      view.applyOptions(options('renest'));
      await settle();
      expect(notesIn(fixture.root)).toEqual([]);
      view.destroy();
      expect(fixture.root.outerHTML).toBe(before);
    }
  });

  it('shows the 16 inferred replies of seed 004 flattened, each naming its probable parent', async () => {
    const fixture = openFlattened004(theme);
    await mount(fixture, 'links');
    expect(shownPairs(fixture)).toEqual(EXPECTED_PAIRS_004.map(([child, parent]) => [wpId(fixture, child), wpId(fixture, parent)]));
    const names = notesIn(fixture.root).map((note) => note.querySelector('a')!.textContent);
    expect(names.slice(0, 3)).toEqual(['Benoît Faverial', 'Eric', 'Lily']);
  });

  it('renest moves (never clones) each reply under its parent, reshapes the view, folds it, and restores the exact HTML', async () => {
    const fixture = openFlattened004(theme);
    const before = fixture.root.outerHTML;
    const doc = fixture.root.ownerDocument;
    const view = await mount(fixture, 'renest');
    expect(EXPECTED_PAIRS_004.length).toBe(16);
    for (const [childN, parentN] of EXPECTED_PAIRS_004) {
      const child = wpId(fixture, childN);
      const element = fixture.parsed.parts.get(child)!.element;
      expect(doc.querySelectorAll(`#comment-${child}`)).toHaveLength(1);
      expect(element.isConnected).toBe(true);
      expect(fixture.parsed.parts.get(wpId(fixture, parentN))!.element.contains(element), `${childN} under ${parentN}`).toBe(true);
    }
    // Chains: 6 answers 5, which answers 2: 6 sits two lists down in 2.
    expect(fixture.parsed.parts.get(wpId(fixture, 2))!.element.querySelector(`#comment-${wpId(fixture, 6)}`)).not.toBeNull();
    expect(fixture.root.querySelectorAll(`[${ATTR_INFERRED_LIST}]`).length).toBeGreaterThan(0);
    const notes = notesIn(fixture.root);
    expect(notes).toHaveLength(16);
    expect(notes.every((note) => note.textContent!.startsWith('moved here by Threadlight'))).toBe(true);

    // The view was told: the new parents, depths and page order (parents before their replies).
    const told = view.parsed.thread.comments;
    const byId = new Map(told.map((comment) => [comment.id, comment]));
    expect(byId.get(wpId(fixture, 6))).toMatchObject({ parentId: wpId(fixture, 5), depth: 3 });
    expect(byId.get(wpId(fixture, 1))).toMatchObject({ parentId: null, depth: 1 });
    const inDom = [...fixture.root.querySelectorAll('[id^="comment-"]')].map((element) => element.id.slice('comment-'.length)).filter((id) => byId.has(id));
    expect(told.map((comment) => comment.id)).toEqual(inDom);
    // And it folds by it.
    const eric = wpId(fixture, 5);
    view.setCollapsed(eric, true);
    expect(fixture.parsed.parts.get(wpId(fixture, 6))!.element.closest(`[${ATTR_HIDDEN}]`)).not.toBeNull();

    view.destroy();
    expect(fixture.root.outerHTML).toBe(before);
  });

  it('switches modes live and ends exactly where it started', async () => {
    const fixture = openFlattened004(theme);
    const before = fixture.root.outerHTML;
    const view = await mount(fixture, 'off');
    const counts: number[] = [];
    const lists: number[] = [];
    for (const mode of ['off', 'links', 'renest', 'links', 'renest', 'off'] as const) {
      view.applyOptions(options(mode));
      await settle();
      counts.push(notesIn(fixture.root).length);
      lists.push(fixture.root.querySelectorAll(`[${ATTR_INFERRED_LIST}]`).length);
    }
    expect(counts).toEqual([0, 16, 16, 16, 16, 0]);
    expect(lists[1]).toBe(0);
    expect(lists[2]).toBeGreaterThan(0);
    expect(lists[5]).toBe(0);
    expect(view.parsed.thread.comments.every((comment) => comment.parentId === null)).toBe(true);
    view.destroy();
    expect(fixture.root.outerHTML).toBe(before);
  });
});

describe.skipIf(!shared)('inferred links: where, when, language, robustness', () => {
  it('runs only on flat threads: a nested thread already says who answers whom', async () => {
    const fixture = openPage('twentytwentyone', 'seed-004');
    await mount(fixture, 'links');
    expect(notesIn(fixture.root)).toEqual([]);
    expect(fixture.root.querySelector(`[${fieldAttribute('inferred')}]`)).toBeNull();
  });

  it('runs in idle time, after the view is on the page', async () => {
    const fixture = openFlattened004('twentytwentyone');
    mountView(fixture.parsed, fixture.root, options('links'), [inferredLinksFeature]);
    expect(notesIn(fixture.root)).toHaveLength(0);
    await settle();
    expect(notesIn(fixture.root)).toHaveLength(16);
  });

  it('speaks French', async () => {
    setTestLanguage('fr');
    const fixture = openPage('twentytwentyone', 'seed-003');
    const view = await mount(fixture, 'links');
    const [note] = notesIn(fixture.root);
    expect(note!.textContent).toBe('probablement en réponse à Camille');
    expect(note!.querySelector('a')!.getAttribute('aria-label')).toBe('Aller au commentaire de Camille');
    view.applyOptions(options('renest'));
    await settle();
    expect(notesIn(fixture.root)[0]!.textContent).toBe('placé ici par Threadlight : probablement en réponse à Camille');
  });

  it('does nothing when off, and nothing after destroy', async () => {
    const fixture = openFlattened004('twentytwentyone');
    const before = fixture.root.outerHTML;
    const view = await mount(fixture, 'off');
    expect(notesIn(fixture.root)).toEqual([]);
    view.destroy();
    view.applyOptions(options('renest'));
    await settle();
    expect(notesIn(fixture.root)).toEqual([]);
    expect(fixture.root.outerHTML).toBe(before);
  });

  it('skips links whose comments are missing from the page instead of failing', async () => {
    const fixture = openFlattened004('twentytwentyone');
    const parent = wpId(fixture, 2);
    fixture.parsed.parts.delete(parent);
    const before = fixture.root.outerHTML;
    const view = await mount(fixture, 'renest');
    expect(notesIn(fixture.root)).toHaveLength(14); // 5→2 and 31→2 are gone
    view.destroy();
    expect(fixture.root.outerHTML).toBe(before);
  });

  it('infers again when the page adds comments (links mode)', async () => {
    const fixture = openPage('twentytwentyone', 'seed-003');
    const view = await mount(fixture, 'links');
    expect(notesIn(fixture.root)).toHaveLength(1);
    const withoutCamille: ParsedSection = {
      ...fixture.parsed,
      thread: { ...fixture.parsed.thread, comments: fixture.parsed.thread.comments.filter((c) => c.author.name !== 'Camille') },
    };
    view.update(withoutCamille);
    await settle();
    expect(notesIn(fixture.root)).toEqual([]);
    view.update(fixture.parsed);
    await settle();
    expect(notesIn(fixture.root)).toHaveLength(1);
  });
});

describe.skipIf(!shared)('inferred links on the real pipeline (detector, parser, the view re-parsing the page)', () => {
  /** Seed 004 printed flat, detected and parsed as the content script does. */
  function parsedFlat004(theme: Theme) {
    const { doc, truth } = openCorpusPage(theme, 'seed-004');
    const items = truth.comments.map((c) => doc.getElementById(`comment-${c.wp_id}`)!);
    const list = items[0]!.parentElement!;
    for (const item of items) {
      list.append(item);
      item.className = item.className.replace(/\bdepth-\d+\b/, 'depth-1'); // as WordPress prints them, threading off
    }
    for (const item of items) {
      for (const child of [...item.children]) if (/^(OL|UL)$/.test(child.tagName) && !child.children.length) child.remove();
    }
    const detection = detectCommentSections(doc);
    if (detection.status !== 'found') throw new Error(`no section on ${theme}`);
    const section = detection.sections[0]!;
    const wp = (n: number) => String(truth.comments[n - 1]!.wp_id);
    return { section, parse: () => parseSection(section), wp };
  }

  it.each(THEMES)("finds the hand-written links from the parser's thread on %s", (theme) => {
    const { parse, wp } = parsedFlat004(theme);
    const links = inferReplies(parse().thread);
    expect(links.map((link) => [link.childId, link.parentId])).toEqual(EXPECTED_PAIRS_004.map(([child, parent]) => [wp(child), wp(parent)]));
  });

  it('renest survives the page being re-read, switches back, and restores the exact HTML', async () => {
    const { section, parse, wp } = parsedFlat004('twentytwentythree');
    const before = section.root.outerHTML;
    let reparses = 0;
    const view = mountView(parse(), section.root, options('renest'), [inferredLinksFeature], {
      updateDelay: 0,
      reparse: () => {
        reparses++;
        return parse();
      },
    });
    await settle(20);
    const parentOf = (n: number) => view.parsed.thread.comments.find((c) => c.id === wp(n))?.parentId;
    expect(parentOf(6)).toBe(wp(5));
    expect(parentOf(56)).toBe(wp(55));
    expect(notesIn(section.root)).toHaveLength(16);
    // The page adds nothing, but a comment is appended and removed again: the view re-reads the page, which now
    // holds the moved replies nested; the notes stay.
    const probe = section.root.ownerDocument.createElement('li');
    section.list.append(probe);
    await settle(20);
    probe.remove();
    await settle(20);
    expect(reparses).toBeGreaterThan(0);
    expect(parentOf(6)).toBe(wp(5));
    expect(notesIn(section.root)).toHaveLength(16);

    view.applyOptions(options('links'));
    await settle(20);
    expect(parentOf(6)).toBeNull();
    expect(notesIn(section.root)).toHaveLength(16);
    expect(section.root.querySelectorAll(`[${ATTR_INFERRED_LIST}]`)).toHaveLength(0);

    view.applyOptions(options('renest'));
    await settle(20);
    view.destroy();
    expect(section.root.outerHTML).toBe(before);
  });
});
