// @vitest-environment jsdom
/**
 * Parent previews on the real view: quiet by default (a small "parent" link where the markup shows the nesting, an
 * "In reply to NAME" line where it does not), the card on hover, focus, click and Shift+P, hostile content inert.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_OPTIONS } from '@/utils/storage/options';
import { ATTR_PREVIEW, ATTR_UI } from '@/utils/view/dom-contract';
import { keyboardFeature } from '@/utils/view/keyboard';
import type { ViewController } from '@/utils/view/mount-thread-view';
import { previewFeature } from '@/utils/view/preview';
import { previewHtml } from '@/utils/view/preview/content';
import { setTestLanguage } from '../../setup/i18n';
import {
  buildSection,
  destroyMounted,
  loadSharedPage,
  mountView,
  OPTIONS_ON,
  parseFirstSection,
  press,
  SHARED_DIR,
  type SketchComment,
} from './view-fixtures';
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
  // Printed beside its parent (threading off, or past the depth cap): the markup does not show it answers 4.
  { id: '5', parentId: '4', author: 'Eve', flat: true },
];

let view: ViewController;

function mount(sketch = SKETCH): { before: string; root: Element } {
  destroyMounted();
  document.body.innerHTML = '';
  const { root, parsed } = buildSection(sketch);
  const before = root.outerHTML;
  view = mountView(parsed, root, OPTIONS_ON, [keyboardFeature, previewFeature]);
  return { before, root };
}

const link = (id: string) => document.querySelector<HTMLAnchorElement>(`#div-comment-${id} [${ATTR_PREVIEW}]`);
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
  destroyMounted();
  vi.useRealTimers();
});

describe('quiet by default', () => {
  it('a nested reply gets only a small "parent" link after its author’s name; its name says whose comment', () => {
    expect(link('1')).toBeNull();
    expect(link('4')).toBeNull();
    for (const [id, parent, name] of [
      ['2', '1', 'Alice'],
      ['3', '2', 'Bob'],
    ] as const) {
      const quiet = link(id)!;
      expect(quiet).not.toBeNull();
      expect(quiet.getAttribute(ATTR_UI)).toBe('parent-link');
      expect(quiet.getAttribute(ATTR_PREVIEW)).toBe(parent);
      expect(quiet.textContent).toBe('↑ parent');
      // The accessible name holds the visible label (WCAG 2.5.3) and the parent's author.
      expect(quiet.getAttribute('aria-label')).toBe(`parent comment, by ${name}`);
      // Inline, right after the name: no new line in the comment.
      expect(quiet.previousElementSibling!.className).toBe('fn');
      // A real link to the parent's own element: it works even without our click handler.
      expect(quiet.getAttribute('href')).toBe(`#comment-${parent}`);
    }
    expect(document.querySelectorAll('.threadlight-reply-context')).toHaveLength(1);
  });

  it('a reply the markup does not nest gets the "In reply to NAME" line before its text', () => {
    const line = document.querySelector('#div-comment-5 .threadlight-reply-context')!;
    expect(line.getAttribute(ATTR_UI)).toBe('reply-context');
    expect(line.textContent).toBe('↳ In reply to Mallory');
    expect(line.nextElementSibling!.className).toBe('comment-content');
    expect(link('5')!.getAttribute('href')).toBe('#comment-4');
  });

  it('speaks French', () => {
    setTestLanguage('fr');
    mount();
    expect(link('3')!.textContent).toBe('↑ parent');
    expect(link('3')!.getAttribute('aria-label')).toBe('commentaire parent, de Bob');
    expect(document.querySelector('#div-comment-5 .threadlight-reply-context')!.textContent).toBe('↳ En réponse à Mallory');
  });

  it('follows the thread: a reply that gets a parent later gets its link, and destroy gives the section back', () => {
    const { before, root } = mount([{ id: '1', author: 'Alice' }, { id: '2', author: 'Bob' }]);
    expect(link('2')).toBeNull();
    const parsed = view.parsed;
    view.update({
      ...parsed,
      thread: { ...parsed.thread, comments: parsed.thread.comments.map((c) => (c.id === '2' ? { ...c, parentId: '1', depth: 2 } : c)) },
    });
    // Printed beside its new parent: the explicit line.
    expect(link('2')!.textContent).toBe('In reply to Alice');
    view.destroy();
    expect(root.outerHTML).toBe(before);
    expect(cardHost()).toBeNull();
    expect(document.querySelector(`[${ATTR_UI}]`)).toBeNull();
  });
});

describe('on a big thread', () => {
  it('puts a preview link on every reply (1,000 of them)', () => {
    mount([{ id: '1' }, ...Array.from({ length: 1000 }, (_, i) => ({ id: String(i + 2), parentId: '1' }))]);
    expect(document.querySelectorAll(`[${ATTR_PREVIEW}]`)).toHaveLength(1000);
    expect(link('2')).not.toBeNull();
    expect(link('1001')!.getAttribute(ATTR_PREVIEW)).toBe('1');
  });
});

describe('parent preview', () => {
  it('shows the parent on hover, after a short delay, in a shadow-root card', () => {
    link('2')!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
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
      hover(link(id)!);
      expect(cardShown()).toBe(true);
      expect(allIds().sort()).toEqual(baseline);
      expect(cardHost()!.shadowRoot!.querySelectorAll('[id], [name]')).toHaveLength(0);
    }
  });

  it('renders hostile parent HTML inert', async () => {
    hover(link('5')!);
    const content = card()!.querySelector('.content')!;
    // The image stays (a relative http URL), without its handler; the javascript: link loses its href.
    expect(content.innerHTML).toBe(`<p>Hi <img src="${new URL('x', document.baseURI).href}"><a rel="noopener noreferrer nofollow" target="_blank">x</a></p>`);
    for (const element of content.querySelectorAll('*')) element.dispatchEvent(new Event('error'));
    vi.useRealTimers();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.documentElement.hasAttribute('data-pwned')).toBe(false);
  });

  it('hides when the pointer leaves, unless it moves into the card', () => {
    hover(link('2')!);
    link('2')!.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, relatedTarget: document.body }));
    card()!.dispatchEvent(new MouseEvent('mouseenter'));
    vi.advanceTimersByTime(500);
    expect(cardShown()).toBe(true);
    card()!.dispatchEvent(new MouseEvent('mouseleave'));
    vi.advanceTimersByTime(500);
    expect(cardShown()).toBe(false);
  });

  it('a quick pass of the pointer shows nothing', () => {
    link('2')!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    vi.advanceTimersByTime(100);
    link('2')!.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, relatedTarget: document.body }));
    vi.advanceTimersByTime(1000);
    expect(cardShown()).toBe(false);
  });

  it('shows on keyboard focus at once, hides on blur and on Escape (which goes no further)', () => {
    view.select('1');
    link('3')!.focus();
    expect(cardShown()).toBe(true);
    expect(card()!.querySelector('.author')!.textContent).toBe('Bob');
    link('3')!.blur();
    expect(cardShown()).toBe(false);
    link('3')!.focus();
    const escape = press('Escape', { target: link('3')! });
    expect(escape.defaultPrevented).toBe(true);
    expect(cardShown()).toBe(false);
    // The preview took the key: the selection stays.
    expect(view.selectedId()).toBe('1');
  });

  it('Shift+P previews the selected comment’s parent, again to close; nothing at top level', () => {
    view.select('3');
    expect(press('P', { shiftKey: true }).defaultPrevented).toBe(true);
    expect(cardShown()).toBe(true);
    expect(card()!.querySelector('.author')!.textContent).toBe('Bob');
    press('P', { shiftKey: true });
    expect(cardShown()).toBe(false);
    view.select('1');
    expect(press('P', { shiftKey: true }).defaultPrevented).toBe(false);
    expect(cardShown()).toBe(false);
  });

  it('clicking the link selects the parent (instead of jumping to it); a Ctrl+click is left to the browser', () => {
    hover(link('3')!);
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    link('3')!.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(view.selectedId()).toBe('2');
    expect(cardShown()).toBe(false);
    const ctrlClick = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ctrlKey: true });
    link('5')!.dispatchEvent(ctrlClick);
    expect(ctrlClick.defaultPrevented).toBe(false);
    expect(view.selectedId()).toBe('2');
  });

  it('falls back to the parent’s text when its content cannot be found, and says so when it is empty', () => {
    mount([
      { id: '1', author: 'Alice', html: '' },
      { id: '2', parentId: '1' },
    ]);
    expect(previewHtml(view.parsed.parts.get('1'))).toBeNull();
    hover(link('2')!);
    expect(card()!.querySelector('.content')!.textContent).toBe('(no text)');
  });
});

describe.skipIf(!shared)('on a real page (corpus twentytwentyone/seed-004, real parser)', () => {
  interface TruthComment {
    wp_id: number;
    parent_wp_id: number;
    author: string;
    depth: number;
  }
  const truth = shared
    ? (JSON.parse(fs.readFileSync(path.join(SHARED_DIR, 'corpus/twentytwentyone/seed-004.truth.json'), 'utf8')) as { comments: TruthComment[] }).comments
    : [];

  it('every reply can preview its truth parent, with the parent’s own text; previews never duplicate ids', () => {
    destroyMounted();
    loadSharedPage('corpus/twentytwentyone/seed-004.html');
    const { parsed, root } = parseFirstSection();
    const before = root.outerHTML;
    view = mountView(parsed, root, { ...DEFAULT_OPTIONS, bigThreadThreshold: 0 }, [previewFeature]);
    const replies = truth.filter((c) => c.parent_wp_id !== 0);
    expect(replies.length).toBeGreaterThan(10);
    expect(document.querySelectorAll(`[${ATTR_PREVIEW}]`)).toHaveLength(replies.length);
    for (const reply of replies) {
      const body = parsed.parts.get(String(reply.wp_id))!.body;
      const links = body.querySelectorAll(`[${ATTR_PREVIEW}]`);
      expect(links, `comment ${reply.wp_id}`).toHaveLength(1);
      expect(links[0]!.getAttribute(ATTR_PREVIEW)).toBe(String(reply.parent_wp_id));
      hover(links[0]!);
      expect(cardShown(), `preview of ${reply.parent_wp_id}`).toBe(true);
      expect(card()!.querySelector('.author')!.textContent).toBe(truth.find((c) => c.wp_id === reply.parent_wp_id)!.author);
      const parentText = parsed.thread.comments.find((c) => c.id === String(reply.parent_wp_id))!.text;
      const shown = card()!.querySelector('.content')!.textContent!.replace(/\s+/g, ' ').trim();
      // Not empty, and the parent's own words (an empty card would start every text).
      expect(shown.length, `preview of ${reply.parent_wp_id}`).toBeGreaterThan(20);
      expect(parentText.startsWith(shown.slice(0, 60)), `preview of ${reply.parent_wp_id}`).toBe(true);
    }
    const ids = allIds();
    expect(new Set(ids).size).toBe(ids.length);
    view.destroy();
    expect(root.outerHTML).toBe(before);
  });
});
