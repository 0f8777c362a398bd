/**
 * Malformed markup: the parser gives a best-effort thread, never throws, never hangs, and what it gives keeps
 * the thread invariants (thread-invariants.ts) the view and the popup rely on.
 */
import { describe, expect, it } from 'vitest';
import * as markup from './malformed-markup';
import { allComments, parseHtmlPage, type PageParse } from './parse-page';
import { parsedInvariantViolations, type Violation } from './thread-invariants';

/** Loose bound: catches a hang or a quadratic blow-up, not a performance test. */
const BOUND_MS = 10_000;
/**
 * 10,000 comments in jsdom: its selector engine (nwsapi) costs ~0.1 s per selector per 40,000 elements, where a
 * browser takes milliseconds (npm run bench measures the real figures). Still catches a hang or a quadratic walk.
 */
const BOUND_10K_MS = 60_000;

function violations(result: PageParse, kind: Violation['kind']): string[] {
  return result.sections.flatMap((section) => parsedInvariantViolations(section).filter((v) => v.kind === kind).map((v) => v.message));
}

/** Parse within the bound; the structural invariants (ids, parents, URLs, dates, element maps) always hold. */
function parseChecked(html: string, boundMs = BOUND_MS): PageParse {
  const result = parseHtmlPage(html);
  expect(result.ms).toBeLessThan(boundMs);
  expect(violations(result, 'structure')).toEqual([]);
  return result;
}

const ids = (result: PageParse) => allComments(result).map((c) => c.id);
const byId = (result: PageParse, id: string) => allComments(result).find((c) => c.id === id);

describe('malformed markup', () => {
  it('unclosed tags: every comment is still found', () => {
    const result = parseChecked(markup.unclosedTags());
    expect(result.detection.status).toBe('found');
    expect(ids(result)).toEqual(expect.arrayContaining(['1', '2', '3', '4']));
    expect(byId(result, '2')?.author.name).toBe('Bob');
  });

  it('duplicate ids: one comment per id, the first kept', () => {
    const result = parseChecked(markup.duplicateIds());
    expect(ids(result).filter((id) => id === '5')).toHaveLength(1);
    expect(byId(result, '5')?.author.name).toBe('First Five');
    // A reply of the dropped duplicate may stay, but then under a comment that is in the list (invariants).
    expect(ids(result)).toEqual(expect.arrayContaining(['5', '6', '8', '9']));
    // A span repeating a comment id inside content is not a comment.
    expect(ids(result).filter((id) => id === '6')).toHaveLength(1);
  });

  it('a comment that claims to be its own parent', () => {
    const result = parseChecked(markup.ownParent());
    expect(ids(result).filter((id) => id === '7')).toHaveLength(1);
    expect(ids(result)).toEqual(expect.arrayContaining(['7', '12']));
  });

  it('depth classes that contradict the nesting', () => {
    const result = parseChecked(markup.contradictoryDepths());
    expect(ids(result)).toEqual(['21', '22', '23', '24', '25', '26', '27']);
    // Nesting is the stronger signal: 22 sits inside 21 whatever its class says.
    expect(byId(result, '22')?.parentId).toBe('21');
    expect(byId(result, '23')?.parentId).toBe('22');
  });

  it('flat items whose depth classes form an impossible tree', () => {
    const result = parseChecked(markup.flatDepthCycle());
    expect(ids(result)).toEqual(['31', '32', '33', '34', '35', '36', '37', '38']);
  });

  it('replies whose parents are missing become top-level threads', () => {
    const result = parseChecked(markup.missingParents());
    expect(ids(result)).toEqual(['41', '42', '43', '44', '45']);
    expect(byId(result, '41')?.parentId).toBeNull();
    expect(byId(result, '43')?.parentId).toBe('42');
  });

  it('depth jumps (depth-1 then depth-4)', () => {
    const result = parseChecked(markup.depthJumps());
    expect(ids(result)).toEqual(['51', '52', '53', '54', '55', '56']);
    expect(byId(result, '52')?.parentId).toBe('51');
    expect(byId(result, '53')?.parentId).toBe('52');
  });

  it('10,000 comments', () => {
    const result = parseChecked(markup.manyComments(10_000), BOUND_10K_MS);
    expect(allComments(result)).toHaveLength(10_000);
    expect(new Set(ids(result)).size).toBe(10_000);
  }, 120_000);

  it('50 levels of nesting', () => {
    const result = parseChecked(markup.deepNesting(50));
    const comments = allComments(result);
    expect(comments).toHaveLength(50);
    comments.forEach((c, i) => {
      expect(c.depth).toBe(i + 1);
      expect(c.parentId).toBe(i === 0 ? null : comments[i - 1]!.id);
    });
  });

  it('empty, blank and missing names are empty strings', () => {
    const result = parseChecked(markup.emptyNames());
    expect(ids(result)).toEqual(['61', '62', '63', '64', '65']);
    for (const id of ['61', '62', '63', '64']) expect(byId(result, id)?.author.name).toBe('');
    expect(byId(result, '63')?.author.url).toBe('https://empty-link.example/');
  });

  it('a 10 KB name, a 10 KB URL and a 1 MB comment', () => {
    const result = parseChecked(markup.hugeValues());
    expect(ids(result)).toEqual(['71', '72', '73']);
    expect(byId(result, '71')!.author.name.length).toBeGreaterThanOrEqual(10_000);
    expect(byId(result, '72')!.text.length).toBeGreaterThan(1_000_000);
  });

  it('nothing but pingbacks and trackbacks', () => {
    const result = parseChecked(markup.onlyPingbacks());
    const comments = allComments(result);
    expect(comments).toHaveLength(20);
    expect(comments.filter((c) => c.type === 'trackback')).toHaveLength(4);
    expect(comments.every((c) => c.type !== 'comment')).toBe(true);
    expect(comments[0]?.author.name).toBe('Linking post 0 » Blog');
  });

  it('items without ids, odd ids and non-items in the list', () => {
    const result = parseChecked(markup.oddItems());
    const names = allComments(result).map((c) => c.author.name);
    expect(names).not.toContain('Templated');
    // Two id-less twins still get two distinct ids.
    expect(names.filter((name) => name === 'No id one')).toHaveLength(2);
    expect(names).toEqual(expect.arrayContaining(['Zero', 'Huge id']));
  });

  it('an empty comment list', () => {
    const result = parseChecked(markup.emptyList());
    expect(allComments(result)).toEqual([]);
  });

  it('wpDiscuz ids that declare themselves, a cycle, a missing or a later parent', () => {
    const result = parseChecked(markup.wpdiscuzLyingParents());
    expect(result.sections[0]?.thread.dialect).toBe('wpdiscuz');
    expect(ids(result)).toEqual(['5', '6', '7', '8', '9', '10', '11', '12']);
    // A declared parent is taken only when it is on the path to the previous comment (pre-order); else the
    // structure decides: 5 declares itself, 6 a later comment, 8 a missing one, 9 a later one; 12 sits inside 10
    // but declares 6, a comment of another thread.
    expect(allComments(result).map((c) => [c.id, c.parentId, c.depth])).toEqual([
      ['5', null, 1],
      ['6', null, 1],
      ['7', '6', 2],
      ['8', '6', 2],
      ['9', '6', 2],
      ['10', null, 1],
      ['11', '10', 2],
      ['12', '10', 2],
    ]);
  });
});

describe('crafted DOM', () => {
  /** A page whose list is filled node by node (states the HTML parser cannot produce). */
  function craftedPage(fill: (doc: Document, list: Element) => void): Document {
    const doc = new DOMParser().parseFromString(markup.emptyList(), 'text/html');
    fill(doc, doc.querySelector('ol.comment-list')!);
    return doc;
  }

  function item(doc: Document, id: string, depth: number): HTMLElement {
    const li = doc.createElement('li');
    li.id = `comment-${id}`;
    li.className = `comment even depth-${depth}`;
    li.innerHTML = `<article id="div-comment-${id}" class="comment-body"><b class="fn">Crafted ${id}</b><div class="comment-content"><p>${id}</p></div></article>`;
    return li;
  }

  it('items nested straight into items (no list), depth classes reversed, a nested form', async () => {
    const { parseDocument } = await import('./parse-page');
    const doc = craftedPage((d, list) => {
      const a = item(d, '1', 3);
      const b = item(d, '2', 2);
      const c = item(d, '3', 1);
      // li > li > li, and a form holding an item (HTML parsing never nests forms or lis like this).
      a.append(b);
      b.append(c);
      const form = d.createElement('form');
      form.append(item(d, '4', 1));
      list.append(a, form, item(d, '5', 1));
    });
    const result = parseDocument(doc);
    expect(result.ms).toBeLessThan(BOUND_MS);
    expect(violations(result, 'structure')).toEqual([]);
    expect(ids(result)).toEqual(expect.arrayContaining(['1', '2', '3', '5']));
  });

  it('a comment content wrapper that is a form whose inputs shadow the DOM API', async () => {
    const { parseDocument } = await import('./parse-page');
    const { FORM_CLOBBERS } = await import('./payloads');
    const doc = craftedPage((d, list) => {
      const li = item(d, '1', 1);
      const form = d.createElement('form');
      form.className = 'comment-content';
      form.innerHTML = FORM_CLOBBERS.map((name) => `<input name="${name}">`).join('') + '<p>clobbered</p>';
      li.querySelector('.comment-content')!.replaceWith(form);
      list.append(li, item(d, '2', 1));
    });
    const result = parseDocument(doc);
    expect(violations(result, 'structure')).toEqual([]);
    // The clobbering comment is still a comment, with its author and its words.
    expect(ids(result)).toEqual(['1', '2']);
    expect(byId(result, '1')?.author.name).toBe('Crafted 1');
    expect(byId(result, '1')?.text).toBe('clobbered');
    expect(byId(result, '2')?.text).toBe('2');
  });
});

/**
 * The tree shape: depth = parent depth + 1, top level = depth 1, replies right after their parent's subtree
 * (pre-order), whatever the depth classes claim. The view indents and folds by these. (A wpDiscuz reply nested under
 * one comment whose id declares another, earlier one used to break it: linkParents now takes a declared parent only
 * when it is on the path to the previous comment.)
 */
describe('tree shape', () => {
  const cases: [string, () => string][] = [
    ['unclosed tags', markup.unclosedTags],
    ['duplicate ids', markup.duplicateIds],
    ['own parent', markup.ownParent],
    ['contradictory depths', markup.contradictoryDepths],
    ['flat depth cycle', markup.flatDepthCycle],
    ['missing parents', markup.missingParents],
    ['depth jumps', markup.depthJumps],
    ['deep nesting', () => markup.deepNesting(50)],
    ['odd items', markup.oddItems],
    ['wpDiscuz lying parents', markup.wpdiscuzLyingParents],
  ];
  for (const [name, build] of cases) {
    it(`${name}: depth follows the parent, in pre-order`, () => {
      expect(violations(parseHtmlPage(build()), 'depth')).toEqual([]);
    });
  }
});
