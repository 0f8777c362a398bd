import { afterEach, describe, expect, it } from 'vitest';
import { detectCommentSections } from '@/utils/detect/detect-comment-sections';
import { parseSection } from '@/utils/parse/parse-section';
import type { ParsedSection } from '@/utils/parse/types';
import { inferReplies } from '@/utils/thread/infer-replies';
import { DEFAULT_OPTIONS, type ReplyInference, type ThreadlightOptions } from '@/utils/storage/options';
import { ATTR_HIDDEN, ATTR_UI } from '@/utils/view/dom-contract';
import { createInferredLinksFeature } from '@/utils/view/inferred-links';
import { ATTR_INFERRED_PARENT, UI_NOTE } from '@/utils/view/inferred-links/reply-note';
import { ATTR_INFERRED_LIST } from '@/utils/view/inferred-links/renest';
import { mountThreadView } from '@/utils/view/mount-thread-view';
import type { ViewController, ViewFeature } from '@/utils/view/types';
import { setTestLanguage } from '../../setup/i18n';
import { EXPECTED_PAIRS_004, withPageTexts } from '../thread/infer-replies.fixtures';
import { FakeView } from './keyboard-fake-view';
import { openCorpusFixture, openCorpusPage, THEMES, type CorpusFixture, type Theme } from './view-fixtures';
import { sharedOrNotice } from '../../shared-material';

const shared = sharedOrNotice('inferred links on corpus pages (tests/unit/view/inferred-links.test.ts)');

const options = (inferReplies: ReplyInference): ThreadlightOptions => ({ ...DEFAULT_OPTIONS, inferReplies });
const NOTE = `[${ATTR_UI}="${UI_NOTE}"]`;

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
  const list = parsed.elements.get(first!.id)!.parentElement!;
  for (const comment of parsed.thread.comments) {
    const item = parsed.elements.get(comment.id)!;
    list.append(item);
    item.className = item.className.replace(/\bdepth-\d+\b/, 'depth-1'); // as WordPress prints them, threading off
  }
  for (const element of parsed.elements.values()) {
    for (const child of [...element.children]) {
      if ((child.tagName === 'OL' || child.tagName === 'UL') && child.children.length === 0) child.remove();
    }
  }
  const comments = parsed.thread.comments.map((comment) => ({ ...comment, parentId: null, depth: 1 }));
  fixture.parsed = { ...parsed, thread: { ...parsed.thread, comments } };
  return fixture;
}

/** The page's comment id of seed comment `n` (the corpus keeps the seed's order). */
const wpId = (fixture: CorpusFixture, n: number) => String(fixture.truth.comments[n - 1]!.wp_id);

const features: ViewFeature[] = [];
const views: ViewController[] = [];

function withFeature(fixture: CorpusFixture): { view: FakeView; feature: ViewFeature } {
  const view = new FakeView(fixture.parsed, fixture.root);
  const feature = createInferredLinksFeature(view);
  features.push(feature);
  return { view, feature };
}

function notesIn(root: Element): Element[] {
  return [...root.querySelectorAll(NOTE)];
}

afterEach(() => {
  for (const feature of features.splice(0)) feature.destroy();
  for (const view of views.splice(0)) view.destroy();
});

describe.skipIf(!shared).each(THEMES)('inferred links on %s', (theme) => {
  it('shows one line on seed 003 (flat): the author\'s "Bonjour Camille," answers Camille', () => {
    const fixture = openPage(theme, 'seed-003');
    const { view, feature } = withFeature(fixture);
    feature.apply(options('links'));
    const notes = notesIn(fixture.root);
    expect(notes).toHaveLength(1);
    const [note] = notes;
    const reply = fixture.parsed.elements.get(wpId(fixture, 5))!;
    const camille = wpId(fixture, 4);
    expect(fixture.parsed.bodies.get(wpId(fixture, 5))!.contains(note!)).toBe(true);
    expect(note!.textContent).toBe('probably in reply to Camille');
    expect(note!.getAttribute(ATTR_INFERRED_PARENT)).toBe(camille);
    // Before the comment's text, after its author and date.
    const content = reply.querySelector('.comment-content, .wp-block-comment-content')!;
    expect(note!.nextElementSibling).toBe(content);
    const link = note!.querySelector('a')!;
    expect(link.getAttribute('href')).toBe(`#comment-${camille}`);
    expect(link.getAttribute('aria-label')).toBe('Go to Camille’s comment');
    link.click();
    expect(view.selections).toEqual([camille]);
  });

  it('shows nothing on seed 001 (no address, no quote) and leaves the page as it was', () => {
    for (const variant of ['seed-001-flat', 'seed-001']) {
      const fixture = openPage(theme, variant);
      const before = fixture.root.outerHTML;
      const { feature } = withFeature(fixture);
      feature.apply(options('links'));
      feature.apply(options('renest'));
      expect(notesIn(fixture.root)).toEqual([]);
      feature.destroy();
      fixture.root.removeAttribute('data-threadlight');
      expect(fixture.root.outerHTML).toBe(before);
    }
  });

  it('shows the 16 inferred replies of seed 004 flattened, each naming its probable parent', () => {
    const fixture = openFlattened004(theme);
    const { feature } = withFeature(fixture);
    feature.apply(options('links'));
    const shown = notesIn(fixture.root).map((note) => {
      const child = [...fixture.parsed.bodies].find(([, body]) => body.contains(note))![0];
      return [child, note.getAttribute(ATTR_INFERRED_PARENT)];
    });
    expect(shown).toEqual(EXPECTED_PAIRS_004.map(([child, parent]) => [wpId(fixture, child), wpId(fixture, parent)]));
    const names = notesIn(fixture.root).map((note) => note.querySelector('a')!.textContent);
    expect(names.slice(0, 3)).toEqual(['Benoît Faverial', 'Eric', 'Lily']);
  });

  it('renest moves (never clones) each reply under its parent, tells the view, and restores the exact HTML', () => {
    const fixture = openFlattened004(theme);
    const before = fixture.root.outerHTML;
    const doc = fixture.root.ownerDocument;
    const { view, feature } = withFeature(fixture);
    feature.apply(options('renest'));

    for (const [childN, parentN] of EXPECTED_PAIRS_004) {
      const child = wpId(fixture, childN);
      const element = fixture.parsed.elements.get(child)!;
      expect(doc.querySelectorAll(`#comment-${child}`)).toHaveLength(1);
      expect(element.isConnected).toBe(true);
      expect(fixture.parsed.elements.get(wpId(fixture, parentN))!.contains(element), `${childN} under ${parentN}`).toBe(true);
    }
    // Chains: 6 answers 5, which answers 2: 6 sits two lists down in 2.
    const two = fixture.parsed.elements.get(wpId(fixture, 2))!;
    expect(two.querySelector(`#comment-${wpId(fixture, 6)}`)).not.toBeNull();
    expect(fixture.root.querySelectorAll(`[${ATTR_INFERRED_LIST}]`).length).toBeGreaterThan(0);
    expect(notesIn(fixture.root).every((note) => note.textContent!.startsWith('moved here by Threadlight'))).toBe(true);

    // The view core was told: the new parents, depths and page order (parents before their replies).
    const told = view.parsed.thread.comments;
    const byId = new Map(told.map((comment) => [comment.id, comment]));
    expect(byId.get(wpId(fixture, 6))).toMatchObject({ parentId: wpId(fixture, 5), depth: 3 });
    expect(byId.get(wpId(fixture, 1))).toMatchObject({ parentId: null, depth: 1 });
    const order = told.map((comment) => comment.id);
    const inDom = [...fixture.root.querySelectorAll('[id^="comment-"]')]
      .map((element) => element.id.slice('comment-'.length))
      .filter((id) => byId.has(id));
    expect(order).toEqual(inDom);

    feature.destroy();
    fixture.root.removeAttribute('data-threadlight');
    expect(fixture.root.outerHTML).toBe(before);
    expect(view.parsed.thread.comments.every((comment) => comment.parentId === null)).toBe(true);
  });

  it('switches modes live and ends exactly where it started', () => {
    const fixture = openFlattened004(theme);
    const before = fixture.root.outerHTML;
    const { feature } = withFeature(fixture);
    const counts: number[] = [];
    const lists: number[] = [];
    for (const mode of ['off', 'links', 'renest', 'links', 'renest', 'off'] as const) {
      feature.apply(options(mode));
      counts.push(notesIn(fixture.root).length);
      lists.push(fixture.root.querySelectorAll(`[${ATTR_INFERRED_LIST}]`).length);
    }
    expect(counts).toEqual([0, 16, 16, 16, 16, 0]);
    expect(lists[1]).toBe(0);
    expect(lists[2]).toBeGreaterThan(0);
    expect(lists[5]).toBe(0);
    fixture.root.removeAttribute('data-threadlight');
    expect(fixture.root.outerHTML).toBe(before);
  });
});

describe.skipIf(!shared)('inferred links: language, lifecycle, robustness', () => {
  it('speaks French', () => {
    setTestLanguage('fr');
    const fixture = openPage('twentytwentyone', 'seed-003');
    const { feature } = withFeature(fixture);
    feature.apply(options('links'));
    const [note] = notesIn(fixture.root);
    expect(note!.textContent).toBe('probablement en réponse à Camille');
    expect(note!.querySelector('a')!.getAttribute('aria-label')).toBe('Aller au commentaire de Camille');
    feature.apply(options('renest'));
    expect(notesIn(fixture.root)[0]!.textContent).toBe('placé ici par Threadlight : probablement en réponse à Camille');
  });

  it('does nothing when off, and nothing after destroy', () => {
    const fixture = openFlattened004('twentytwentyone');
    const { feature } = withFeature(fixture);
    const before = fixture.root.outerHTML;
    feature.apply(options('off'));
    expect(fixture.root.outerHTML).toBe(before);
    feature.destroy();
    feature.destroy();
    feature.apply(options('renest'));
    expect(notesIn(fixture.root)).toEqual([]);
  });

  it('skips links whose comments are missing from the page instead of failing', () => {
    const fixture = openFlattened004('twentytwentyone');
    const parent = wpId(fixture, 2);
    fixture.parsed.elements.delete(parent);
    fixture.parsed.bodies.delete(parent);
    const before = fixture.root.outerHTML;
    const { feature } = withFeature(fixture);
    feature.apply(options('renest'));
    expect(notesIn(fixture.root)).toHaveLength(14); // 5→2 and 31→2 are gone
    feature.destroy();
    fixture.root.removeAttribute('data-threadlight');
    expect(fixture.root.outerHTML).toBe(before);
  });

  it('infers again when the page adds comments (links mode)', () => {
    const fixture = openPage('twentytwentyone', 'seed-003');
    const { view, feature } = withFeature(fixture);
    feature.apply(options('links'));
    const withoutCamille: ParsedSection = {
      ...view.parsed,
      thread: { ...view.parsed.thread, comments: view.parsed.thread.comments.filter((c) => c.author.name !== 'Camille') },
    };
    view.update(withoutCamille);
    expect(notesIn(fixture.root)).toEqual([]);
    view.update(fixture.parsed);
    expect(notesIn(fixture.root)).toHaveLength(1);
  });
});

describe.skipIf(!shared)('inferred links with the real view core', () => {
  it('renested replies fold with their parent, and destroy gives the page back', () => {
    const fixture = openFlattened004('twentytwentyone');
    const before = fixture.root.outerHTML;
    const view = mountThreadView(fixture.parsed, { ...options('renest'), bigThreadThreshold: 0 }, [createInferredLinksFeature], {
      root: fixture.root,
      toolbar: false,
    });
    views.push(view);
    const eric = wpId(fixture, 5);
    const reply = fixture.parsed.elements.get(wpId(fixture, 6))!;
    expect(view.parsed.thread.comments.find((comment) => comment.id === wpId(fixture, 6))?.parentId).toBe(eric);
    view.setCollapsed(eric, true);
    expect(reply.closest(`[${ATTR_HIDDEN}]`)).not.toBeNull();
    view.setCollapsed(eric, false);
    view.applyOptions({ ...options('links'), bigThreadThreshold: 0 });
    expect(reply.parentElement).toBe(fixture.parsed.elements.get(eric)!.parentElement);
    view.applyOptions({ ...options('renest'), bigThreadThreshold: 0 });
    view.destroy();
    expect(fixture.root.outerHTML).toBe(before);
  });
});

describe.skipIf(!shared)('inferred links on the real pipeline (detector, parser, view core re-parsing the page)', () => {
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

  it.each(THEMES)('finds the hand-written links from the parser\'s thread on %s', (theme) => {
    const { parse, wp } = parsedFlat004(theme);
    const links = inferReplies(parse().thread);
    expect(links.map((link) => [link.childId, link.parentId])).toEqual(
      EXPECTED_PAIRS_004.map(([child, parent]) => [wp(child), wp(parent)]),
    );
  });

  it('renest survives the view core re-parsing the page, switches back, and restores the exact HTML', async () => {
    const { section, parse, wp } = parsedFlat004('twentytwentythree');
    const before = section.root.outerHTML;
    let parsed = parse();
    let reparses = 0;
    const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
    const view = mountThreadView(parsed, { ...options('renest'), bigThreadThreshold: 0 }, [createInferredLinksFeature], {
      root: section.root,
      toolbar: false,
      updateDelay: 0,
      reparse: () => {
        reparses++;
        return (parsed = parse());
      },
    });
    views.push(view);
    await settle();
    expect(reparses).toBeGreaterThan(0); // the moves were seen as page changes, and the page read again
    // The parser now reads the moved replies as nested, as the feature told the core.
    const parentOf = (n: number) => view.parsed.thread.comments.find((c) => c.id === wp(n))?.parentId;
    expect(parentOf(6)).toBe(wp(5));
    expect(parentOf(56)).toBe(wp(55));
    expect(notesIn(section.root)).toHaveLength(16);

    view.applyOptions({ ...options('links'), bigThreadThreshold: 0 });
    await settle();
    expect(parentOf(6)).toBeNull();
    expect(notesIn(section.root)).toHaveLength(16);
    expect(section.root.querySelectorAll(`[${ATTR_INFERRED_LIST}]`)).toHaveLength(0);

    view.applyOptions({ ...options('renest'), bigThreadThreshold: 0 });
    await settle();
    view.destroy();
    expect(section.root.outerHTML).toBe(before);
  });
});
