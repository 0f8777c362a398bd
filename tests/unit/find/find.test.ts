import { describe, expect, it } from 'vitest';
import { withAncestors } from '@/utils/find/context';
import { createFindIndex, stepMatch, type FindSource } from '@/utils/find/find-index';
import { foldQuery, foldWithMap } from '@/utils/find/fold';
import { createFindHighlighter, FIND_HIGHLIGHT_CSS, FIND_HIGHLIGHTS, platformHighlights, type HighlightPlatform } from '@/utils/find/highlight';
import type { ThreadComment } from '@/utils/thread/types';
import { ATTR_UI } from '@/utils/view/dom-contract';

describe('folding', () => {
  it.each([
    ['Réponse', 'reponse'],
    ['RÉPONSE', 'reponse'],
    ['œuvre Cœur', 'oeuvre coeur'],
    ['Æsop', 'aesop'],
    ['Straße STRAẞE', 'strasse strasse'],
    ['ﬁn ﬂeur', 'fin fleur'],
    ['l’homme « oui » — non', `l'homme « oui » - non`],
    ['“quoted”', '"quoted"'],
    ['a\u00a0:\u202fb   c\n\td', 'a : b c d'],
    ['co\u00adop\u200bération', 'cooperation'],
    ['Ørsted Łódź İstanbul', 'orsted lodz istanbul'],
    ['ＦＵＬＬ', 'full'],
  ])('%s → %s', (source, folded) => {
    expect(foldQuery(source)).toBe(folded);
  });

  it('maps every folded character back to its source, marks typed apart included', () => {
    const source = 'Une re\u0301ponse, l’œuvre';
    const { text, starts, ends } = foldWithMap(source);
    expect(text).toBe("une reponse, l'oeuvre");
    const at = text.indexOf('reponse');
    expect(source.slice(starts[at]!, ends[at + 'reponse'.length - 1]!)).toBe('re\u0301ponse');
    const oe = text.indexOf('oeuvre');
    expect(source.slice(starts[oe]!, ends[oe + 5]!)).toBe('œuvre');
    expect(starts).toHaveLength(text.length);
  });
});

/** Comments as a page prints them: name, content with markup; a nested reply inside. */
function page(): { root: HTMLElement; sources: FindSource[] } {
  const root = document.createElement('ol');
  root.innerHTML = `
    <li id="c1"><b class="fn">Élodie Réponse</b>
      <div class="content"><p>La <em>ré</em>ponse est là. Une autre REPONSE.</p><script>var reponse = 1;</script>
        <span ${ATTR_UI}="reply-context" class="threadlight-reply-context">réponse (ours)</span></div>
      <ol class="children"><li id="c2"><b class="fn">Bob</b><div class="content"><p>Pas de réponse ici ? Si : réponse.</p></div></li></ol>
    </li>
    <li id="c3"><b class="fn">Chloé</b><div class="content"><p>Rien.</p><form><input name="hasAttribute">réponse du formulaire</form></div></li>
    <li id="c4"><div class="content"><p>Signé plus bas.</p></div><b class="fn">Anne Réponse</b></li>`;
  document.body.append(root);
  const item = (id: string) => root.querySelector(`#${id}`)!;
  const sources = ['c1', 'c2', 'c3', 'c4'].map((id) => ({
    id,
    name: item(id).querySelector(':scope > .fn'),
    text: item(id).querySelector(':scope > .content'),
    exclude: [],
  }));
  return { root, sources };
}

describe('createFindIndex', () => {
  it('finds text and names ignoring case and accents, in page order, each match a Range over the live text', () => {
    const { root, sources } = page();
    const results = createFindIndex(sources).search('reponse');
    expect(results.query).toBe('reponse');
    expect(results.matches.map((m) => `${m.commentId}:${m.field}:${m.toRange()?.toString()}`)).toEqual([
      'c1:name:Réponse',
      'c1:text:réponse',
      'c1:text:REPONSE',
      'c2:text:réponse',
      'c2:text:réponse',
      'c4:name:Réponse',
    ]);
    expect(results.total).toBe(6);
    expect(results.commentIds).toEqual(['c1', 'c2', 'c4']);
    // A match across an inline element is one Range over two text nodes.
    const split = results.matches[1]!.toRange()!;
    expect(split.startContainer.textContent).toBe('ré');
    expect(split.endContainer.textContent).toBe('ponse est là. Une autre REPONSE.');
    expect(results.matches.map((m) => m.index)).toEqual([0, 1, 2, 3, 4, 5]);
    root.remove();
  });

  it('never searches scripts, forms, Threadlight’s own UI or excluded elements (nested comments)', () => {
    const { root, sources } = page();
    const index = createFindIndex(sources);
    expect(index.search('var reponse').total).toBe(0);
    expect(index.search('formulaire').total).toBe(0);
    expect(index.search('ours').total).toBe(0);
    // c1's text element holds c2 only when the markup nests replies in the content: then c2 is excluded.
    const nested = createFindIndex([{ id: 'c1', name: null, text: root.querySelector('#c1'), exclude: [root.querySelector('#c2')!] }]);
    expect(nested.search('si : reponse').total).toBe(0);
    expect(nested.search('Élodie').total).toBe(1);
    root.remove();
  });

  it('matches phrases across white space and typography; an empty query matches nothing', () => {
    const { root, sources } = page();
    const index = createFindIndex(sources);
    expect(index.search('  Pas   de REPONSE ').total).toBe(1);
    expect(index.search('si :réponse').total).toBe(0);
    expect(index.search('   ').matches).toEqual([]);
    root.remove();
  });

  it('stops collecting Ranges past maxMatches but counts every match', () => {
    const { root, sources } = page();
    const results = createFindIndex(sources).search('e', { maxMatches: 3 });
    expect(results.matches).toHaveLength(3);
    expect(results.total).toBeGreaterThan(3);
    expect(results.truncated).toBe(true);
    root.remove();
  });

  it('gives no Range once the comment left the page', () => {
    const { root, sources } = page();
    const results = createFindIndex(sources).search('chloe');
    expect(results.total).toBe(1);
    root.remove();
    expect(results.matches[0]!.toRange()).toBeNull();
  });
});

describe('stepMatch', () => {
  it('steps forward and back, wrapping, from no current match to the first or last', () => {
    expect(stepMatch(0, null, 1)).toBeNull();
    expect(stepMatch(3, null, 1)).toBe(0);
    expect(stepMatch(3, null, -1)).toBe(2);
    expect(stepMatch(3, 2, 1)).toBe(0);
    expect(stepMatch(3, 0, -1)).toBe(2);
  });
});

describe('withAncestors', () => {
  const c = (id: string, parentId: string | null) => ({ id, parentId }) as ThreadComment;
  it('shows the matching comments with every comment above them', () => {
    const comments = [c('1', null), c('2', '1'), c('3', '2'), c('4', '1'), c('5', null), c('6', '5')];
    expect([...withAncestors(['3', '6'], comments)].sort()).toEqual(['1', '2', '3', '5', '6']);
    expect([...withAncestors(['1'], comments)]).toEqual(['1']);
  });
  it('stops at a broken chain (a cycle, a missing parent)', () => {
    expect([...withAncestors(['a'], [c('a', 'b'), c('b', 'a')])].sort()).toEqual(['a', 'b']);
    expect([...withAncestors(['x'], [c('x', 'gone')])]).toEqual(['x']);
    expect([...withAncestors(['nope'], [c('x', null)])]).toEqual([]);
  });
});

describe('find highlighter', () => {
  function fakePlatform() {
    const registry = new Map<string, { ranges: Range[]; priority: number }>();
    const platform: HighlightPlatform = {
      registry: { set: (name, h) => registry.set(name, h as { ranges: Range[]; priority: number }), delete: (name) => registry.delete(name) },
      create: (ranges, priority) => ({ ranges, priority }),
    };
    return { platform, registry };
  }

  it('registers every match and the current one above them, and clears both', () => {
    const { platform, registry } = fakePlatform();
    const highlighter = createFindHighlighter(platform);
    const a = document.createRange();
    const b = document.createRange();
    highlighter.show([a, b], b);
    expect(registry.get(FIND_HIGHLIGHTS.all)).toEqual({ ranges: [a, b], priority: 0 });
    expect(registry.get(FIND_HIGHLIGHTS.current)).toEqual({ ranges: [b], priority: 1 });
    highlighter.show([a], null);
    expect(registry.has(FIND_HIGHLIGHTS.current)).toBe(false);
    highlighter.clear();
    expect(registry.size).toBe(0);
  });

  it('does nothing where the platform has no Highlight API (jsdom), and says so', () => {
    expect(platformHighlights(window)).toBeNull();
    const highlighter = createFindHighlighter(null);
    expect(highlighter.supported).toBe(false);
    expect(() => highlighter.show([document.createRange()], null)).not.toThrow();
    expect(FIND_HIGHLIGHT_CSS).toContain(`::highlight(${FIND_HIGHLIGHTS.current})`);
  });

  it('uses CSS.highlights and Highlight when the window has them', () => {
    const set: [string, unknown][] = [];
    class Highlight {
      priority = 0;
      readonly ranges: Range[];
      constructor(...ranges: Range[]) {
        this.ranges = ranges;
      }
    }
    const win = { CSS: { highlights: { set: (n: string, h: unknown) => set.push([n, h]), delete: () => true } }, Highlight } as unknown as Window;
    const platform = platformHighlights(win)!;
    const range = document.createRange();
    createFindHighlighter(platform).show([range], range);
    expect(set.map(([name, h]) => [name, (h as Highlight).priority, (h as Highlight).ranges.length])).toEqual([
      [FIND_HIGHLIGHTS.all, 0, 1],
      [FIND_HIGHLIGHTS.current, 1, 1],
    ]);
  });
});
