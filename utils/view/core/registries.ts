/**
 * What features contribute to shared surfaces: toolbar items and keyboard commands. Each entry is owned by the
 * feature that added it and goes away with the feature's cleanup. The toolbar feature draws the items; the
 * keyboard feature dispatches the commands and lists them in its help dialog.
 */
import type { KeyBinding, KeyCommand, ToolbarItem } from './types';

type Listener = () => void;

class OwnedList<T> {
  protected entries: { owner: string; value: T }[] = [];
  private readonly listeners = new Set<Listener>();

  add(owner: string, value: T): void {
    this.entries.push({ owner, value });
    this.changed();
  }

  removeOwner(owner: string): void {
    const before = this.entries.length;
    this.entries = this.entries.filter((entry) => entry.owner !== owner);
    if (this.entries.length !== before) this.changed();
  }

  values(): T[] {
    return this.entries.map((entry) => entry.value);
  }

  /** Be told when entries come or go (or refresh() is called); returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

export class ToolbarRegistry extends OwnedList<ToolbarItem> {
  private readonly announcers = new Set<(text: string) => void>();

  /** Items in toolbar order. */
  items(): ToolbarItem[] {
    return this.values().sort((a, b) => a.order - b.order);
  }

  refresh(): void {
    this.changed();
  }

  announce(text: string): void {
    for (const announcer of this.announcers) announcer(text);
  }

  onAnnounce(announcer: (text: string) => void): () => void {
    this.announcers.add(announcer);
    return () => this.announcers.delete(announcer);
  }
}

/** Help-dialog headings in this order; features' own groups follow. */
const GROUP_ORDER = ['move', 'threads', 'general'];

export class KeyRegistry extends OwnedList<KeyCommand> {
  /** The command a key event triggers, or null. Ctrl, Alt and Meta chords never match: they are the browser's. */
  commandFor(event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey'>): KeyCommand | null {
    if (event.ctrlKey || event.altKey || event.metaKey) return null;
    for (const command of this.values()) {
      if (command.keys.some((binding) => matches(binding, event))) return command;
    }
    return null;
  }

  /** Commands by help group, in help order. */
  groups(): { group: string; commands: KeyCommand[] }[] {
    const byGroup = new Map<string, KeyCommand[]>();
    for (const group of GROUP_ORDER) byGroup.set(group, []);
    for (const command of this.values()) {
      const list = byGroup.get(command.group) ?? [];
      list.push(command);
      byGroup.set(command.group, list);
    }
    return [...byGroup].filter(([, commands]) => commands.length > 0).map(([group, commands]) => ({ group, commands }));
  }
}

const isLetter = (name: string): boolean => /^[a-z]$/i.test(name);

/** Does the event press `binding`? Letters match case-insensitively, Shift telling j from J (Caps Lock aside). */
export function matches(binding: KeyBinding, event: Pick<KeyboardEvent, 'key' | 'shiftKey'>): boolean {
  const pressed = isLetter(event.key) ? event.key.toLowerCase() : event.key;
  if (binding.key !== pressed) return false;
  if (isLetter(pressed)) return binding.shift === event.shiftKey;
  // Shift+Enter is left to the page (it often means something else in a focused widget).
  if (pressed === 'Enter') return !event.shiftKey;
  return true;
}

/** A key binding: `key('j')`, `key('j', true)` for Shift+J. */
export const key = (name: string, shift = false): KeyBinding => ({ key: name, shift });
