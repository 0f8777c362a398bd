// @vitest-environment jsdom
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_OPTIONS } from '@/utils/storage/options';
import { createPreviewFeature } from '@/utils/view/preview';
import { commentContentHtml } from '@/utils/view/preview/parent-content';
import type { ViewFeature } from '@/utils/view/types';
import { setTestLanguage } from '../../setup/i18n';
import { buildSection, FakeView, loadSharedPage, parseFirstSection, SHARED_DIR, type SketchComment } from './keyboard-fake-view';
import { sharedOrNotice } from '../../shared-material';

const shared = sharedOrNotice('previews on a corpus page (one block of tests/unit/view/preview.test.ts)');

const SKETCH: SketchComment[] = [
  { id: '1', author: 'Alice', html: '<p>First <strong>point</strong>.</p><p id="footnote-1">Second paragraph.</p>' },
  { id: '2', parentId: '1', author: 'Bob' },
  { id: '3', parentId: '2', author: 'Chloé' },
  {
    id: '4',
    author: 'Mallory',
    html: `<p id="comment-1">Hi <img src=x onerror="document.documentElement.setAttribute('data-pwned','1')"><a href="javascript:alert(1)">x</a></p><script>document.documentElement.setAttribute('data-pwned','2')</script>`,
  },
  { id: '5', parentId: '4', author: 'Eve' },
];

let view: FakeView;
let feature: ViewFeature;

function mount(sketch = SKETCH): { before: string } {
  document.body.innerHTML = '';
  const { root, parsed } = buildSection(sketch);
  view = new FakeView(parsed, root);
  const before = root.outerHTML;
  feature = createPreviewFeature(view);
  feature.apply(DEFAULT_OPTIONS);
  return { before };
}

const line = (id: string) => document.querySelector(`#div-comment-${id} [data-threadlight-ui="reply-context"]`);
const link = (id: string) => line(id)?.querySelector('a') as HTMLAnchorElement;
const cardHost = () => document.querySelector('threadlight-preview');
const card = () => cardHost()?.shadowRoot?.querySelector<HTMLElement>('.card') ?? null;
const cardShown = () => card() !== null && !card()!.hidden;

/** Every id in the document, shadow roots included. */
function allIds(root: Document | ShadowRoot = document): string[] {
  const ids: string[] = [];
  for (const element of root.querySelectorAll('*')) {
    if (element.id) ids.push(element.id);
    if (element.shadowRoot) ids.push(...allIds(element.shadowRoot));
  }
  return ids;
}

function hover(target: Element): void {
  target.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
  vi.advanceTimersByTime(300);
}

beforeEach(() => {
  vi.useFakeTimers();
  document.documentElement.removeAttribute('data-pwned');
  mount();
});

afterEach(() => {
  feature.destroy();
  vi.useRealTimers();
});

describe('"In reply to" lines', () => {
  it('go on replies only, naming the parent, before the content, marked as Threadlight UI', () => {
    expect(line('1')).toBeNull();
    expect(line('4')).toBeNull();
    expect(link('2').textContent).toBe('In reply to Alice');
    expect(link('3').textContent).toBe('In reply to Bob');
    expect(link('5').textContent).toBe('In reply to Mallory');
    expect(line('2')!.nextElementSibling!.className).toBe('comment-content');
    // A real link to the parent's own element: it works even without our click handler.
    expect(link('2').getAttribute('href')).toBe('#comment-1');
    expect(link('3').getAttribute('href')).toBe('#comment-2');
    expect(document.querySelectorAll('[data-threadlight-ui="reply-context"].threadlight-reply-context')).toHaveLength(3);
  });

  it('are localized', () => {
    feature.destroy();
    setTestLanguage('fr');
    mount();
    expect(link('3').textContent).toBe('En réponse à Bob');
  });

  it('are removed by destroy, which gives the section back byte for byte', () => {
    feature.destroy();
    const { before } = mount();
    hover(link('2'));
    expect(cardShown()).toBe(true);
    feature.destroy();
    expect(view.root.outerHTML).toBe(before);
    expect(cardHost()).toBeNull();
    expect(document.querySelector('[data-threadlight-ui]')).toBeNull();
  });

  it('apply() twice does not add lines twice; a thread update redraws them once', () => {
    feature.apply(DEFAULT_OPTIONS);
    expect(document.querySelectorAll('.threadlight-reply-context')).toHaveLength(3);
    view.update({ ...view.parsed, thread: { ...view.parsed.thread, comments: view.parsed.thread.comments.slice(0, 3) } });
    expect(document.querySelectorAll('.threadlight-reply-context')).toHaveLength(2);
  });
});

describe('on a big thread', () => {
  const big: SketchComment[] = [{ id: '1' }, ...Array.from({ length: 1000 }, (_, i) => ({ id: String(i + 2), parentId: '1' }))];

  it('inserts the first lines at once and the rest in later tasks', () => {
    feature.destroy();
    mount(big);
    expect(document.querySelectorAll('.threadlight-reply-context')).toHaveLength(400);
    expect(link('2')?.tagName).toBe('A');
    vi.runAllTimers();
    expect(document.querySelectorAll('.threadlight-reply-context')).toHaveLength(1000);
  });

  it('stops inserting once destroyed, leaving nothing behind', () => {
    feature.destroy();
    const { before } = mount(big);
    feature.destroy();
    vi.runAllTimers();
    expect(document.querySelectorAll('.threadlight-reply-context')).toHaveLength(0);
    expect(view.root.outerHTML).toBe(before);
  });
});

describe('parent preview', () => {
  it('shows the parent on hover, after a short delay, in a shadow-root card', () => {
    link('2').dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    expect(cardShown()).toBe(false);
    vi.advanceTimersByTime(300);
    expect(cardShown()).toBe(true);
    expect(card()!.getAttribute('role')).toBe('tooltip');
    expect(card()!.querySelector('.author')!.textContent).toBe('Alice');
    expect(card()!.querySelector('.meta')!.textContent).toBe('Alice · Day 1');
    expect(card()!.querySelector('.content')!.innerHTML).toBe('<p>First <strong>point</strong>.</p><p>Second paragraph.</p>');
    // Not in the light DOM: the page's CSS does not style it, its CSS does not leak.
    expect(document.querySelector('.card')).toBeNull();
  });

  it('never copies an id of the page (even the page’s own duplicate ids in a hostile comment)', () => {
    const baseline = allIds().sort();
    for (const id of ['2', '3', '5']) {
      hover(link(id));
      expect(cardShown()).toBe(true);
      expect(allIds().sort()).toEqual(baseline);
      expect(cardHost()!.shadowRoot!.querySelectorAll('[id], [name]')).toHaveLength(0);
    }
  });

  it('renders hostile parent HTML inert', async () => {
    hover(link('5'));
    const content = card()!.querySelector('.content')!;
    // The image stays (a relative http URL), without its handler; the javascript: link loses its href.
    expect(content.innerHTML).toBe(
      `<p>Hi <img src="${new URL('x', document.baseURI).href}"><a rel="noopener noreferrer nofollow" target="_blank">x</a></p>`,
    );
    for (const element of content.querySelectorAll('*')) element.dispatchEvent(new Event('error'));
    vi.useRealTimers();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.documentElement.hasAttribute('data-pwned')).toBe(false);
  });

  it('hides when the pointer leaves, unless it moves into the card', () => {
    hover(link('2'));
    link('2').dispatchEvent(new MouseEvent('mouseout', { bubbles: true, relatedTarget: document.body }));
    card()!.dispatchEvent(new MouseEvent('mouseenter'));
    vi.advanceTimersByTime(500);
    expect(cardShown()).toBe(true);
    card()!.dispatchEvent(new MouseEvent('mouseleave'));
    vi.advanceTimersByTime(500);
    expect(cardShown()).toBe(false);
  });

  it('a quick pass of the pointer shows nothing', () => {
    link('2').dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    vi.advanceTimersByTime(100);
    link('2').dispatchEvent(new MouseEvent('mouseout', { bubbles: true, relatedTarget: document.body }));
    vi.advanceTimersByTime(1000);
    expect(cardShown()).toBe(false);
  });

  it('shows on keyboard focus at once, hides on blur and on Escape (which goes no further)', () => {
    link('3').focus();
    expect(cardShown()).toBe(true);
    expect(card()!.querySelector('.author')!.textContent).toBe('Bob');
    link('3').blur();
    expect(cardShown()).toBe(false);
    link('3').focus();
    const escape = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    link('3').dispatchEvent(escape);
    expect(escape.defaultPrevented).toBe(true);
    expect(cardShown()).toBe(false);
  });

  it('clicking the line selects the parent (instead of jumping to it); a Ctrl+click is left to the browser', () => {
    hover(link('3'));
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    link('3').dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(view.selectedId()).toBe('2');
    expect(cardShown()).toBe(false);
    const ctrlClick = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ctrlKey: true });
    link('5').dispatchEvent(ctrlClick);
    expect(ctrlClick.defaultPrevented).toBe(false);
    expect(view.selectedId()).toBe('2');
  });

  it('falls back to the parent’s text when its content cannot be found, and says so when it is empty', () => {
    feature.destroy();
    mount([
      { id: '1', author: 'Alice', html: '' },
      { id: '2', parentId: '1' },
    ]);
    view.parsed.bodies.get('1')!.querySelector('.comment-content')!.remove();
    hover(link('2'));
    expect(card()!.querySelector('.content')!.textContent).toBe('(no text)');
  });
});

describe('commentContentHtml', () => {
  it('reads a wrapper-less comment (xhtml walker) without its meta, reply link or nested replies', () => {
    document.body.innerHTML = `
      <ol class="commentlist">
        <li class="comment depth-1" id="comment-7">
          <div id="div-comment-7" class="comment-body">
            <div class="comment-author vcard"><cite class="fn">Ann</cite> <span class="says">says:</span></div>
            <div class="comment-meta commentmetadata"><a href="#comment-7">May 1, 2020</a></div>
            <p>Own words.</p>
            <div class="reply"><a class="comment-reply-link" href="#">Reply</a></div>
          </div>
          <ul class="children"><li class="comment depth-2" id="comment-8"><div class="comment-body"><p>Child words.</p></div></li></ul>
        </li>
      </ol>`;
    const item7 = document.getElementById('comment-7')!;
    const item8 = document.getElementById('comment-8')!;
    const parsed = {
      thread: { dialect: 'wordpress' as const, postAuthor: null, comments: [], pagination: null, commentsOpen: true },
      elements: new Map([
        ['7', item7],
        ['8', item8],
      ]),
      // style=div: the body falls back to the item, which holds the nested reply.
      bodies: new Map([['8', item8.firstElementChild!]]),
      parts: new Map(),
    };
    expect(commentContentHtml(parsed, '7')!.trim()).toBe('<p>Own words.</p>');
    parsed.bodies.set('7', document.getElementById('div-comment-7')!);
    expect(commentContentHtml(parsed, '7')!.replace(/\s+/g, ' ').trim()).toBe('<p>Own words.</p>');
    expect(commentContentHtml(parsed, '8')).toBe('<p>Child words.</p>');
    expect(commentContentHtml(parsed, 'nope')).toBeNull();
  });
});

describe.skipIf(!shared)('on a real page (corpus twentytwentyone/seed-004)', () => {
  interface TruthComment {
    wp_id: number;
    parent_wp_id: number;
    author: string;
    depth: number;
  }
  const truth = shared
    ? (
        JSON.parse(fs.readFileSync(path.join(SHARED_DIR, 'corpus/twentytwentyone/seed-004.truth.json'), 'utf8')) as {
          comments: TruthComment[];
        }
      ).comments
    : [];

  it('puts one line on each reply naming its truth parent, and previews never duplicate ids', () => {
    feature.destroy();
    loadSharedPage('corpus/twentytwentyone/seed-004.html');
    const parsed = parseFirstSection();
    const root = document.getElementById('comments')!;
    view = new FakeView(parsed, root);
    const before = root.outerHTML;
    feature = createPreviewFeature(view);
    feature.apply(DEFAULT_OPTIONS);
    const authorOf = new Map(truth.map((c) => [c.wp_id, c.author]));
    const replies = truth.filter((c) => c.depth > 1);
    expect(document.querySelectorAll('.threadlight-reply-context')).toHaveLength(replies.length);
    for (const reply of replies) {
      const body = parsed.bodies.get(String(reply.wp_id))!;
      const lines = body.querySelectorAll(':scope .threadlight-reply-context');
      expect(lines, `comment ${reply.wp_id}`).toHaveLength(1);
      expect(lines[0]!.textContent).toBe(`↳ In reply to ${authorOf.get(reply.parent_wp_id)}`);
      hover(lines[0]!.querySelector('a')!);
      const parentText = parsed.thread.comments.find((c) => c.id === String(reply.parent_wp_id))!.text;
      const shown = card()!.querySelector('.content')!.textContent!.replace(/\s+/g, ' ').trim();
      expect(parentText.startsWith(shown.slice(0, 60)), `preview of ${reply.parent_wp_id}`).toBe(true);
    }
    const ids = allIds();
    expect(new Set(ids).size).toBe(ids.length);
    feature.destroy();
    expect(root.outerHTML).toBe(before);
  });
});
