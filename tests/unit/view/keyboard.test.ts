import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeyboardFeature } from '@/utils/view/keyboard';
import { actionForKey } from '@/utils/view/keyboard/keymap';
import type { ViewFeature } from '@/utils/view/types';
import { setTestLanguage } from '../../setup/i18n';
import { buildSection, FakeView, OPTIONS_OFF, OPTIONS_ON, press, type SketchComment } from './keyboard-fake-view';

// 1 (author)            2              6 (pingback)   7 (author)
// ├─ 3                  └─ 5 (author)
// │  └─ 4 (author)
// └─ 8
const SKETCH: SketchComment[] = [
  { id: '1', isPostAuthor: true },
  { id: '3', parentId: '1' },
  { id: '4', parentId: '3', isPostAuthor: true },
  { id: '8', parentId: '1' },
  { id: '2' },
  { id: '5', parentId: '2', isPostAuthor: true },
  { id: '6', type: 'pingback' },
  { id: '7', isPostAuthor: true },
];

let view: FakeView;
let feature: ViewFeature;
const features: ViewFeature[] = [];

function mount(sketch = SKETCH): FakeView {
  const { root, parsed } = buildSection(sketch);
  const fake = new FakeView(parsed, root);
  const created = createKeyboardFeature(fake);
  created.apply(OPTIONS_ON);
  features.push(created);
  view = fake;
  feature = created;
  return fake;
}

/** Presses each key in turn and returns the selection after each. */
function walk(...keys: (string | [string, KeyboardEventInit])[]): (string | null)[] {
  return keys.map((entry) => {
    const [key, init] = typeof entry === 'string' ? [entry, {}] : entry;
    press(key, init);
    return view.selectedId();
  });
}

const helpHost = () => document.querySelector('threadlight-help');

beforeEach(() => {
  document.body.innerHTML = '';
  mount();
});

afterEach(() => {
  for (const created of features.splice(0)) created.destroy();
});

describe('keymap', () => {
  it('maps letters case-insensitively with Shift telling j from J, and never matches modifier chords', () => {
    expect(actionForKey({ key: 'j', shiftKey: false, ctrlKey: false, altKey: false, metaKey: false })).toBe('next');
    expect(actionForKey({ key: 'J', shiftKey: true, ctrlKey: false, altKey: false, metaKey: false })).toBe('nextSibling');
    // Caps Lock: 'J' without Shift is still j.
    expect(actionForKey({ key: 'J', shiftKey: false, ctrlKey: false, altKey: false, metaKey: false })).toBe('next');
    expect(actionForKey({ key: '?', shiftKey: true, ctrlKey: false, altKey: false, metaKey: false })).toBe('help');
    expect(actionForKey({ key: 'Enter', shiftKey: true, ctrlKey: false, altKey: false, metaKey: false })).toBeNull();
    expect(actionForKey({ key: 'x', shiftKey: false, ctrlKey: false, altKey: false, metaKey: false })).toBeNull();
    for (const modifier of ['ctrlKey', 'altKey', 'metaKey'] as const) {
      expect(actionForKey({ key: 'j', shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, [modifier]: true })).toBeNull();
    }
  });
});

describe('movement keys', () => {
  it('j and k walk the visible comments in page order and stop at the ends', () => {
    expect(walk('j', 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'j')).toEqual(['1', '3', '4', '8', '2', '5', '6', '7', '7']);
    expect(walk('k', 'k', 'k', 'k', 'k', 'k', 'k', 'k')).toEqual(['6', '5', '2', '8', '4', '3', '1', '1']);
  });

  it('j and k skip comments inside collapsed threads and hidden ones', () => {
    view.setCollapsed('1', true);
    view.hidden.add('6');
    expect(walk('j', 'j', 'j', 'j', 'j')).toEqual(['1', '2', '5', '7', '7']);
  });

  it('j from a comment that got folded away continues after it', () => {
    view.select('4');
    view.setCollapsed('3', true);
    expect(walk('j')).toEqual(['8']);
  });

  it('Shift+J and Shift+K move between siblings only', () => {
    view.select('3');
    expect(walk(['J', { shiftKey: true }], ['J', { shiftKey: true }])).toEqual(['8', '8']);
    expect(walk(['K', { shiftKey: true }], ['K', { shiftKey: true }])).toEqual(['3', '3']);
    view.select('1');
    expect(walk(['J', { shiftKey: true }], ['J', { shiftKey: true }], ['J', { shiftKey: true }])).toEqual(['2', '6', '7']);
  });

  it('n and Shift+N (and ] and [) move between top-level threads; back from inside a thread goes to its root', () => {
    expect(walk('n', 'n', 'n', 'n', 'n')).toEqual(['1', '2', '6', '7', '7']);
    view.select('4');
    expect(walk(['N', { shiftKey: true }], ['N', { shiftKey: true }])).toEqual(['1', '1']);
    view.select('3');
    expect(walk(']', ']', '[')).toEqual(['2', '6', '2']);
  });

  it('p goes to the parent, and does nothing at top level', () => {
    view.select('4');
    expect(walk('p', 'p', 'p')).toEqual(['3', '1', '1']);
  });

  it('a and Shift+A visit the post author’s comments, inside folded threads too (selecting reveals them)', () => {
    view.collapseAll();
    expect(walk('a', 'a', 'a', 'a', 'a')).toEqual(['1', '4', '5', '7', '7']);
    expect(view.isVisible('4')).toBe(true);
    expect(walk(['A', { shiftKey: true }], ['A', { shiftKey: true }])).toEqual(['5', '4']);
  });

  it('prevents the default action of the keys it uses, not of the others', () => {
    expect(press('j').defaultPrevented).toBe(true);
    expect(press('x').defaultPrevented).toBe(false);
    view.select('1');
    // p at top level goes nowhere: the key is left alone.
    expect(press('p').defaultPrevented).toBe(false);
  });
});

describe('collapse keys', () => {
  it('Enter and c toggle the selected comment’s replies', () => {
    view.select('1');
    press('Enter');
    expect(view.isCollapsed('1')).toBe(true);
    press('c');
    expect(view.isCollapsed('1')).toBe(false);
  });

  it('Enter and c do nothing without a selection', () => {
    press('Enter');
    press('c');
    expect(view.collapsed.size).toBe(0);
  });

  it('Enter on a focused link or button is left to that control', () => {
    view.select('1');
    const link = document.querySelector<HTMLAnchorElement>('#div-comment-1 .comment-reply-link')!;
    const event = press('Enter', { target: link });
    expect(event.defaultPrevented).toBe(false);
    expect(view.isCollapsed('1')).toBe(false);
    // c is not Enter: it still works from a link.
    press('c', { target: link });
    expect(view.isCollapsed('1')).toBe(true);
  });

  it('Shift+C collapses everything, then expands everything, keeping the cursor visible', () => {
    view.select('4');
    press('C', { shiftKey: true });
    expect([...view.collapsed].sort()).toEqual(['1', '2', '3']);
    expect(view.selectedId()).toBe('1');
    press('C', { shiftKey: true });
    expect(view.collapsed.size).toBe(0);
  });
});

describe('Escape', () => {
  it('clears the selection', () => {
    view.select('3');
    expect(press('Escape').defaultPrevented).toBe(true);
    expect(view.selectedId()).toBeNull();
    // Nothing to clear: the key is left to the page.
    expect(press('Escape').defaultPrevented).toBe(false);
  });
});

describe('when keys must not fire', () => {
  const fieldCases: [string, () => Element][] = [
    ['an input', () => document.createElement('input')],
    ['a textarea (the comment form)', () => document.createElement('textarea')],
    ['a select', () => document.createElement('select')],
    [
      'a contenteditable element',
      () => {
        const editor = document.createElement('div');
        editor.setAttribute('contenteditable', 'true');
        return editor;
      },
    ],
    [
      'a plaintext-only editor',
      () => {
        const editor = document.createElement('div');
        editor.setAttribute('contenteditable', 'plaintext-only');
        return editor;
      },
    ],
    [
      'a child of a contenteditable element',
      () => {
        const editor = document.createElement('div');
        editor.setAttribute('contenteditable', '');
        const paragraph = document.createElement('p');
        editor.append(paragraph);
        document.body.append(editor);
        return paragraph;
      },
    ],
    [
      'an ARIA textbox',
      () => {
        const box = document.createElement('div');
        box.setAttribute('role', 'textbox');
        return box;
      },
    ],
    [
      'an input inside a shadow root',
      () => {
        const host = document.createElement('div');
        document.body.append(host);
        const input = document.createElement('input');
        host.attachShadow({ mode: 'open' }).append(input);
        return input;
      },
    ],
  ];

  it.each(fieldCases)('ignores every key typed in %s', (_, makeField) => {
    const field = makeField();
    if (!field.isConnected) document.body.append(field);
    view.select('3');
    for (const key of ['j', 'k', 'p', 'n', 'a', 'c', 'Enter', '?', 'Escape']) {
      expect(press(key, { target: field }).defaultPrevented, key).toBe(false);
    }
    for (const key of ['J', 'K', 'C', 'A', 'N']) press(key, { target: field, shiftKey: true });
    expect(view.selectedId()).toBe('3');
    expect(view.collapsed.size).toBe(0);
    expect(helpHost()).toBeNull();
  });

  it('works again in a contenteditable="false" island inside an editor', () => {
    const editor = document.createElement('div');
    editor.setAttribute('contenteditable', 'true');
    const island = document.createElement('span');
    island.setAttribute('contenteditable', 'false');
    editor.append(island);
    document.body.append(editor);
    press('j', { target: island });
    expect(view.selectedId()).toBe('1');
  });

  it.each(['ctrlKey', 'altKey', 'metaKey'] as const)('ignores keys with %s held', (modifier) => {
    view.select('3');
    for (const key of ['j', 'k', 'p', 'c', 'Enter', '?']) press(key, { [modifier]: true });
    expect(view.selectedId()).toBe('3');
    expect(view.collapsed.size).toBe(0);
    expect(helpHost()).toBeNull();
  });

  it('ignores keys the page already handled and keys typed during an IME composition', () => {
    const handled = new KeyboardEvent('keydown', { key: 'j', bubbles: true, cancelable: true });
    handled.preventDefault();
    document.body.dispatchEvent(handled);
    press('j', { isComposing: true });
    expect(view.selectedId()).toBeNull();
  });

  it('does nothing while the option is off, and follows the option live', () => {
    feature.apply(OPTIONS_OFF);
    press('j');
    press('?');
    expect(view.selectedId()).toBeNull();
    expect(helpHost()).toBeNull();
    feature.apply(OPTIONS_ON);
    press('j');
    expect(view.selectedId()).toBe('1');
    feature.apply(OPTIONS_ON); // applying twice must not add a second listener
    press('j');
    expect(view.selectedId()).toBe('3');
  });

  it('turning the option off closes the help', () => {
    press('?');
    expect(helpHost()).not.toBeNull();
    feature.apply(OPTIONS_OFF);
    expect(helpHost()).toBeNull();
  });

  it('stops listening once destroyed', () => {
    feature.destroy();
    press('j');
    expect(view.selectedId()).toBeNull();
  });

  it('with two sections on the page, one key moves one cursor: the one that has it', () => {
    const first = view;
    const second = mount([{ id: '90' }, { id: '91', parentId: '90' }]);
    press('j');
    expect(first.selectedId()).toBe('1');
    expect(second.selectedId()).toBeNull();
    first.select(null);
    second.select('90');
    press('j');
    expect(second.selectedId()).toBe('91');
    expect(first.selectedId()).toBeNull();
  });

  it('never throws into the page when the controller fails', () => {
    view.select = () => {
      throw new Error('broken view');
    };
    expect(() => press('j')).not.toThrow();
  });
});

describe('help overlay', () => {
  const shadow = () => helpHost()!.shadowRoot!;

  it('? opens a dialog in a shadow root listing every key, with focus on its close button', () => {
    const trigger = document.createElement('button');
    document.body.append(trigger);
    trigger.focus();
    press('?', { shiftKey: true, target: trigger });
    const dialog = shadow().querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(shadow().querySelector('h2')!.textContent).toBe('Keyboard shortcuts');
    const rows = [...shadow().querySelectorAll('tr')].map((row) => row.textContent);
    expect(rows).toContain('jNext comment');
    expect(rows).toContain('Shift+JNext reply at the same level');
    expect(rows).toContain('n or ]Next thread (top-level comment)');
    expect(rows).toContain('Enter or cHide or show the replies to the selected comment');
    expect(rows).toHaveLength(13);
    expect(shadow().activeElement).toBe(shadow().querySelector('.close'));
    // Nothing of the dialog is in the light DOM, so page CSS and scripts reading the DOM miss it.
    expect(document.querySelector('[role="dialog"]')).toBeNull();
  });

  it('is localized', () => {
    setTestLanguage('fr');
    press('?');
    expect(shadow().querySelector('h2')!.textContent).toBe('Raccourcis clavier');
    expect([...shadow().querySelectorAll('tr')].map((row) => row.textContent)).toContain('Maj+CReplier ou déplier tous les fils');
    expect(shadow().querySelector('.close')!.getAttribute('aria-label')).toBe('Fermer');
  });

  it('closes with Escape, returns focus, and keeps the selection', () => {
    const trigger = document.createElement('button');
    document.body.append(trigger);
    trigger.focus();
    view.select('3');
    press('?');
    const close = shadow().querySelector<HTMLElement>('.close')!;
    press('Escape', { target: close });
    expect(helpHost()).toBeNull();
    expect(document.activeElement).toBe(trigger);
    expect(view.selectedId()).toBe('3');
  });

  it('closes with its button, with ? again, and with a click on the backdrop', () => {
    press('?');
    shadow().querySelector<HTMLElement>('.close')!.click();
    expect(helpHost()).toBeNull();
    press('?');
    press('?', { target: shadow().querySelector('.close')! });
    expect(helpHost()).toBeNull();
    press('?');
    shadow().querySelector<HTMLElement>('.backdrop')!.click();
    expect(helpHost()).toBeNull();
    press('?');
    shadow().querySelector<HTMLElement>('h2')!.click(); // a click inside the dialog does not close it
    expect(helpHost()).not.toBeNull();
  });

  it('traps Tab inside the dialog', () => {
    press('?');
    const close = shadow().querySelector<HTMLElement>('.close')!;
    const tab = press('Tab', { target: close });
    expect(tab.defaultPrevented).toBe(true);
    expect(shadow().activeElement).toBe(close);
    press('Tab', { target: close, shiftKey: true });
    expect(shadow().activeElement).toBe(close);
  });

  it('is modal: movement keys do nothing while it is open', () => {
    press('?');
    press('j');
    press('c');
    expect(view.selectedId()).toBeNull();
    expect(helpHost()).not.toBeNull();
  });

  it('is removed by destroy', () => {
    press('?');
    feature.destroy();
    expect(helpHost()).toBeNull();
  });
});
