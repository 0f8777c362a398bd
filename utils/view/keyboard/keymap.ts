/**
 * The keyboard vocabulary of the thread view (after Reddit Enhancement Suite), as data: the key handler reads it
 * to map an event to an action, and the help overlay reads it to list the keys.
 */

export type KeyAction =
  | 'next'
  | 'previous'
  | 'nextSibling'
  | 'previousSibling'
  | 'nextThread'
  | 'previousThread'
  | 'parent'
  | 'toggle'
  | 'toggleAll'
  | 'nextAuthorReply'
  | 'previousAuthorReply'
  | 'help'
  | 'escape';

/** One key that triggers an action. Letters are matched case-insensitively, with `shift` telling j from J. */
export interface KeyBinding {
  /** KeyboardEvent.key, lower-cased for letters: 'j', 'Enter', ']', '?'. */
  key: string;
  /** For letters: Shift must be held (true) or not (false). Symbols ignore Shift (it types them on many layouts). */
  shift: boolean;
}

export interface KeyCommand {
  action: KeyAction;
  keys: KeyBinding[];
  /** i18n key of the description shown in the help overlay. */
  descriptionKey: string;
}

export interface KeyGroup {
  /** i18n key of the group's heading. */
  titleKey: string;
  commands: KeyCommand[];
}

const key = (name: string, shift = false): KeyBinding => ({ key: name, shift });

/** Every shortcut, grouped as the help overlay shows them. */
export const KEY_GROUPS: KeyGroup[] = [
  {
    titleKey: 'help_group_move',
    commands: [
      { action: 'next', keys: [key('j')], descriptionKey: 'help_key_next' },
      { action: 'previous', keys: [key('k')], descriptionKey: 'help_key_previous' },
      { action: 'nextSibling', keys: [key('j', true)], descriptionKey: 'help_key_next_sibling' },
      { action: 'previousSibling', keys: [key('k', true)], descriptionKey: 'help_key_previous_sibling' },
      // n/N rather than ]/[ alone: brackets need AltGr (read as Ctrl+Alt) on French and German layouts.
      { action: 'nextThread', keys: [key('n'), key(']')], descriptionKey: 'help_key_next_thread' },
      { action: 'previousThread', keys: [key('n', true), key('[')], descriptionKey: 'help_key_previous_thread' },
      { action: 'parent', keys: [key('p')], descriptionKey: 'help_key_parent' },
      { action: 'nextAuthorReply', keys: [key('a')], descriptionKey: 'help_key_next_author' },
      { action: 'previousAuthorReply', keys: [key('a', true)], descriptionKey: 'help_key_previous_author' },
    ],
  },
  {
    titleKey: 'help_group_threads',
    commands: [
      { action: 'toggle', keys: [key('Enter'), key('c')], descriptionKey: 'help_key_toggle' },
      { action: 'toggleAll', keys: [key('c', true)], descriptionKey: 'help_key_toggle_all' },
    ],
  },
  {
    titleKey: 'help_group_general',
    commands: [
      { action: 'help', keys: [key('?')], descriptionKey: 'help_key_help' },
      { action: 'escape', keys: [key('Escape')], descriptionKey: 'help_key_escape' },
    ],
  },
];

const isLetter = (name: string): boolean => /^[a-z]$/i.test(name);

/** The action bound to a key event, or null. Ctrl, Alt and Meta chords never match: they belong to the browser. */
export function actionForKey(event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey'>): KeyAction | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  const pressed = isLetter(event.key) ? event.key.toLowerCase() : event.key;
  for (const group of KEY_GROUPS) {
    for (const command of group.commands) {
      for (const binding of command.keys) {
        if (binding.key !== pressed) continue;
        if (isLetter(pressed) && binding.shift !== event.shiftKey) continue;
        // Shift+Enter is left to the page (it often means something else in a focused widget).
        if (pressed === 'Enter' && event.shiftKey) continue;
        return command.action;
      }
    }
  }
  return null;
}
