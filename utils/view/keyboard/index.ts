/**
 * Keyboard navigation (Reddit Enhancement Suite's vocabulary): the movement and fold commands, one keydown
 * listener dispatching every feature's commands (ctx.keys), the help dialog listing them, and a toolbar button
 * that opens it. On while the keyboardShortcuts option is.
 */
import { label } from '@/utils/view/core/labels';
import {
  adjacentAuthorReply,
  adjacentSibling,
  adjacentThread,
  adjacentVisible,
  authorReplyFromScreen,
  parentOf,
  type NavigationContext,
} from '@/utils/view/core/navigation';
import { defineViewFeature } from '@/utils/view/core/feature';
import { key } from '@/utils/view/core/registries';
import type { FeatureContext, KeyCommand } from '@/utils/view/core/types';
import { openHelpDialog, type HelpDialogHandle } from './help-dialog';
import { isInteractiveTarget, isTypingTarget } from './key-target';

interface Listening {
  ctx: FeatureContext;
}

// Several sections on one page each get the feature; only one of them may answer a key (see ownsKeys).
const listening = new WeakMap<Document, Listening[]>();

/** The view holding the cursor answers; with no cursor anywhere, the first one does. */
function ownsKeys(doc: Document, me: Listening): boolean {
  const all = listening.get(doc) ?? [];
  const withCursor = all.find((entry) => entry.ctx.state.selectedId() !== null);
  return (withCursor ?? all[0]) === me;
}

/** The movement and fold commands of the core. */
function coreCommands(ctx: FeatureContext): KeyCommand[] {
  const { state } = ctx;
  const nav = (): NavigationContext => ({ index: state.index, isVisible: (id) => state.isVisible(id) });
  const select = (id: string | null): boolean => {
    if (id === null) return false;
    state.select(id);
    return true;
  };
  /** From the cursor; without one, from the first visible comment on screen. */
  const moving = (next: (from: string) => string | null) => () => {
    const selected = state.selectedId();
    return select(selected === null ? state.onScreen() : next(selected));
  };
  const author = (step: 1 | -1) => () => {
    const selected = state.selectedId();
    return select(selected === null ? authorReplyFromScreen(nav(), state.onScreen(), step) : adjacentAuthorReply(nav(), selected, step));
  };
  return [
    { id: 'next', group: 'move', keys: [key('j')], descriptionKey: 'help_key_next', run: moving((from) => adjacentVisible(nav(), from, 1)) },
    { id: 'previous', group: 'move', keys: [key('k')], descriptionKey: 'help_key_previous', run: moving((from) => adjacentVisible(nav(), from, -1)) },
    { id: 'nextSibling', group: 'move', keys: [key('j', true)], descriptionKey: 'help_key_next_sibling', run: moving((from) => adjacentSibling(nav(), from, 1)) },
    { id: 'previousSibling', group: 'move', keys: [key('k', true)], descriptionKey: 'help_key_previous_sibling', run: moving((from) => adjacentSibling(nav(), from, -1)) },
    // n/N rather than ]/[ alone: brackets need AltGr (read as Ctrl+Alt) on French and German layouts.
    { id: 'nextThread', group: 'move', keys: [key('n'), key(']')], descriptionKey: 'help_key_next_thread', run: moving((from) => adjacentThread(nav(), from, 1)) },
    { id: 'previousThread', group: 'move', keys: [key('n', true), key('[')], descriptionKey: 'help_key_previous_thread', run: moving((from) => adjacentThread(nav(), from, -1)) },
    { id: 'parent', group: 'move', keys: [key('p')], descriptionKey: 'help_key_parent', run: () => select(parentOf(nav(), state.selectedId())) },
    { id: 'nextAuthorReply', group: 'move', keys: [key('a')], descriptionKey: 'help_key_next_author', run: author(1) },
    { id: 'previousAuthorReply', group: 'move', keys: [key('a', true)], descriptionKey: 'help_key_previous_author', run: author(-1) },
    {
      id: 'toggle',
      group: 'threads',
      keys: [key('Enter'), key('c')],
      descriptionKey: 'help_key_toggle',
      run: () => {
        const selected = state.selectedId();
        if (selected === null) return false;
        state.toggle(selected);
        return true;
      },
    },
    {
      id: 'toggleAll',
      group: 'threads',
      keys: [key('c', true)],
      descriptionKey: 'help_key_toggle_all',
      run: () => {
        // The cursor in a thread that folds moves up to what stays visible (the view state does that).
        if (state.index.ids.some((id) => state.isCollapsed(id))) state.expandAll();
        else state.collapseAll();
        return true;
      },
    },
  ];
}

export const keyboardFeature = defineViewFeature({
  id: 'keyboard',
  enabled: (options) => options.keyboardShortcuts,
  setup(ctx) {
    const { doc } = ctx;
    const me: Listening = { ctx };
    const all = listening.get(doc) ?? [];
    all.push(me);
    listening.set(doc, all);
    let help: HelpDialogHandle | null = null;

    const openHelp = () => {
      help?.close();
      help = openHelpDialog(doc, ctx.keys.groups(), ctx.look(), () => {
        help = null;
      });
    };
    const closeHelp = () => {
      help?.close();
      help = null;
    };

    for (const command of coreCommands(ctx)) ctx.keys.add(command);
    ctx.keys.add({ id: 'help', group: 'general', keys: [key('?')], descriptionKey: 'help_key_help', run: () => (openHelp(), true) });
    ctx.keys.add({
      id: 'escape',
      group: 'general',
      keys: [key('Escape')],
      descriptionKey: 'help_key_escape',
      run: () => {
        if (ctx.state.selectedId() === null) return false;
        ctx.state.select(null);
        return true;
      },
    });
    ctx.toolbar.add({ kind: 'button', id: 'help', order: 80, icon: '?', iconOnly: true, label: () => label('view_keyboard_help'), run: openHelp });

    doc.addEventListener(
      'keydown',
      ctx.guard('keydown', (event: KeyboardEvent) => {
        if (event.defaultPrevented || event.isComposing) return;
        const command = ctx.keys.commandFor(event);
        if (command === null || isTypingTarget(event)) return;
        if (help?.isOpen) {
          // The dialog is modal: only its own keys work while it is open.
          if (command.id === 'help' || command.id === 'escape') {
            closeHelp();
            event.preventDefault();
          }
          return;
        }
        if (!ownsKeys(doc, me)) return;
        // Enter on a focused link or button is that control's own business.
        if (event.key === 'Enter' && isInteractiveTarget(event)) return;
        if (command.run()) event.preventDefault();
      }),
      { signal: ctx.signal },
    );

    return () => {
      closeHelp();
      const entries = listening.get(doc) ?? [];
      entries.splice(entries.indexOf(me), 1);
    };
  },
});

