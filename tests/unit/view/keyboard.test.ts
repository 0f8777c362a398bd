/**
 * The keyboard feature on the real view core (state → renderer), on a hand-built WordPress-like section: every
 * key, the fields it must leave alone, the option followed live, two sections on one page, the help <dialog>.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ThreadlightOptions } from '@/utils/storage/options';
import { defineViewFeature } from '@/utils/view/core/feature';
import { key } from '@/utils/view/core/registries';
import { ATTR_SELECTED } from '@/utils/view/dom-contract';
import { keyboardFeature } from '@/utils/view/keyboard';
import { pingbacksFeature } from '@/utils/view/pingbacks';
import { previewFeature } from '@/utils/view/preview';
import type { ViewController } from '@/utils/view/mount-thread-view';
import { setTestLanguage } from '../../setup/i18n';
import { buildSection, destroyMounted, errorsOf, mountView, OPTIONS_OFF, OPTIONS_ON, press, type SketchComment } from './view-fixtures';

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
const SHOWN: ThreadlightOptions = { ...OPTIONS_ON, pingbacks: 'shown' };

let view: ViewController;

function mount(sketch = SKETCH, options = SHOWN, features = [pingbacksFeature, keyboardFeature]): ViewController {
  const { root, parsed } = buildSection(sketch);
  view = mountView(parsed, root, options, features);
  return view;
}

/** Presses each key in turn and returns the selection after each. */
function walk(...keys: (string | [string, KeyboardEventInit])[]): (string | null)[] {
  return keys.map((entry) => {
    const [name, init] = typeof entry === 'string' ? [entry, {}] : entry;
    press(name, init);
    return view.selectedId();
  });
}

const collapsed = () => view.state.index.ids.filter((id) => view.isCollapsed(id));
const helpHost = () => document.querySelector('threadlight-help');

beforeEach(() => {
  document.body.innerHTML = '';
  mount();
});

afterEach(destroyMounted);

describe('movement keys', () => {
  it('j and k walk the visible comments in page order and stop at the ends', () => {
    expect(walk('j', 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'j')).toEqual(['1', '3', '4', '8', '2', '5', '6', '7', '7']);
    expect(walk('k', 'k', 'k', 'k', 'k', 'k', 'k', 'k')).toEqual(['6', '5', '2', '8', '4', '3', '1', '1']);
    // The cursor is the core's: one element carries it.
    expect([...document.querySelectorAll(`[${ATTR_SELECTED}]`)].map((e) => e.id)).toEqual(['comment-1']);
  });

  it('j and k skip comments inside folded threads and hidden pingbacks', () => {
    destroyMounted();
    document.body.innerHTML = '';
    mount(SKETCH, { ...OPTIONS_ON, pingbacks: 'hidden' });
    view.setCollapsed('1', true);
    expect(view.isVisible('6')).toBe(false);
    expect(walk('j', 'j', 'j', 'j', 'j')).toEqual(['1', '2', '5', '7', '7']);
  });

  it('j from a comment that got folded away continues after its thread', () => {
    view.select('4');
    view.setCollapsed('3', true);
    // The fold moved the cursor up to 3, the nearest visible ancestor.
    expect(view.selectedId()).toBe('3');
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
    expect(view.isVisible('4')).toBe(false);
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

  it('maps letters case-insensitively with Shift telling j from J, and never answers modifier chords', () => {
    press('J'); // Caps Lock: 'J' without Shift is still j
    expect(view.selectedId()).toBe('1');
    for (const modifier of ['ctrlKey', 'altKey', 'metaKey'] as const) expect(press('j', { [modifier]: true }).defaultPrevented).toBe(false);
    expect(view.selectedId()).toBe('1');
  });
});

describe('fold keys', () => {
  it('Enter and c fold and unfold the selected comment’s replies', () => {
    view.select('1');
    press('Enter');
    expect(view.isCollapsed('1')).toBe(true);
    press('c');
    expect(view.isCollapsed('1')).toBe(false);
  });

  it('Enter and c do nothing without a selection', () => {
    press('Enter');
    press('c');
    expect(collapsed()).toEqual([]);
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

  it('Shift+C folds every thread, then unfolds everything, keeping the cursor visible', () => {
    view.select('4');
    press('C', { shiftKey: true });
    expect(collapsed().sort()).toEqual(['1', '2']);
    expect(view.selectedId()).toBe('1');
    expect(view.isVisible('1')).toBe(true);
    press('C', { shiftKey: true });
    expect(collapsed()).toEqual([]);
  });
});

describe('Escape', () => {
  it('clears the selection, and is left to the page when there is nothing to clear', () => {
    view.select('3');
    expect(press('Escape').defaultPrevented).toBe(true);
    expect(view.selectedId()).toBeNull();
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
    for (const name of ['j', 'k', 'p', 'n', 'a', 'c', 'Enter', '?', 'Escape']) {
      expect(press(name, { target: field }).defaultPrevented, name).toBe(false);
    }
    for (const name of ['J', 'K', 'C', 'A', 'N']) press(name, { target: field, shiftKey: true });
    expect(view.selectedId()).toBe('3');
    expect(collapsed()).toEqual([]);
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

  it('ignores keys the page already handled and keys typed during an IME composition', () => {
    const handled = new KeyboardEvent('keydown', { key: 'j', bubbles: true, cancelable: true });
    handled.preventDefault();
    document.body.dispatchEvent(handled);
    press('j', { isComposing: true });
    expect(view.selectedId()).toBeNull();
  });

  it('does nothing while the option is off, and follows the option live', () => {
    view.applyOptions({ ...SHOWN, keyboardShortcuts: false });
    press('j');
    press('?');
    expect(view.selectedId()).toBeNull();
    expect(helpHost()).toBeNull();
    view.applyOptions(SHOWN);
    press('j');
    expect(view.selectedId()).toBe('1');
    view.applyOptions({ ...SHOWN, authorColor: '#123456' }); // another option: the keys are not set up twice
    press('j');
    expect(view.selectedId()).toBe('3');
  });

  it('turning the option off closes the help', () => {
    press('?');
    expect(helpHost()).not.toBeNull();
    view.applyOptions(OPTIONS_OFF);
    expect(helpHost()).toBeNull();
  });

  it('stops listening once the view is destroyed', () => {
    view.destroy();
    press('j');
    expect(view.selectedId()).toBeNull();
    expect(document.querySelector(`[${ATTR_SELECTED}]`)).toBeNull();
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

  it('never throws into the page when a command fails: the error is reported instead', () => {
    destroyMounted();
    document.body.innerHTML = '';
    const broken = defineViewFeature({
      id: 'broken-key',
      enabled: () => true,
      setup(ctx) {
        ctx.keys.add({
          id: 'broken',
          group: 'general',
          keys: [key('x')],
          descriptionKey: 'help_key_help',
          run: () => {
            throw new Error('broken command');
          },
        });
      },
    });
    mount(SKETCH, SHOWN, [keyboardFeature, broken]);
    // jsdom, like a browser, reports an exception thrown by a listener as an `error` event on the window.
    const escaped: string[] = [];
    const onError = (event: ErrorEvent) => {
      escaped.push(String(event.error?.message ?? event.message));
      event.preventDefault();
    };
    window.addEventListener('error', onError);
    try {
      press('x');
      press('j');
    } finally {
      window.removeEventListener('error', onError);
    }
    expect(escaped).toEqual([]);
    expect(errorsOf(view)).toEqual(['keyboard: keydown: broken command']);
    expect(view.selectedId()).toBe('1'); // the other keys still work
  });
});

describe('help dialog', () => {
  const shadow = () => helpHost()!.shadowRoot!;

  it('? opens a <dialog> in a shadow root listing every feature’s keys, focus on its close button', () => {
    destroyMounted();
    document.body.innerHTML = '';
    mount(SKETCH, SHOWN, [keyboardFeature, previewFeature]);
    const trigger = document.createElement('button');
    document.body.append(trigger);
    trigger.focus();
    press('?', { shiftKey: true, target: trigger });
    const dialog = shadow().querySelector('dialog')!;
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(dialog.getAttribute('aria-labelledby')).toBe('title');
    expect(shadow().querySelector('h2')!.textContent).toBe('Keyboard shortcuts');
    const rows = [...shadow().querySelectorAll('tr')].map((row) => row.textContent);
    expect(rows).toContain('jNext comment');
    expect(rows).toContain('Shift+JNext reply at the same level');
    expect(rows).toContain('n or ]Next thread (top-level comment)');
    expect(rows).toContain('Enter or cHide or show the replies to the selected comment');
    // The preview feature's key is listed with the others.
    expect(rows).toContain('Shift+PPreview the comment this one answers (again to close)');
    expect(rows).toHaveLength(14);
    expect(shadow().activeElement).toBe(shadow().querySelector('.close'));
    // Nothing of the dialog is in the light DOM, so page CSS and scripts reading the DOM miss it.
    expect(document.querySelector('dialog')).toBeNull();
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
    shadow().querySelector<HTMLElement>('dialog')!.click(); // the backdrop: a click on the dialog element itself
    expect(helpHost()).toBeNull();
    press('?');
    shadow().querySelector<HTMLElement>('h2')!.click(); // a click inside the dialog does not close it
    expect(helpHost()).not.toBeNull();
  });

  it('traps Tab inside the dialog where <dialog> is not modal', () => {
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

  it('is removed with the view', () => {
    press('?');
    view.destroy();
    expect(helpHost()).toBeNull();
  });
});

