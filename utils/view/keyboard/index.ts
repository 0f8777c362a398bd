/**
 * Keyboard navigation of the thread view (Reddit Enhancement Suite's vocabulary; the table is in ./keymap.ts).
 * One keydown listener on the document while the option is on; every move goes through controller.select.
 */
import type { ThreadlightOptions } from '@/utils/storage/options';
import { openHelpOverlay, type HelpOverlayHandle } from '@/utils/view/keyboard/help-overlay';
import { isInteractiveTarget, isTypingTarget } from '@/utils/view/keyboard/key-target';
import { actionForKey, type KeyAction } from '@/utils/view/keyboard/keymap';
import {
  adjacentAuthorReply,
  adjacentSibling,
  adjacentThread,
  adjacentVisible,
  nearestVisibleAncestor,
  parentOf,
  type NavigationContext,
} from '@/utils/view/keyboard/navigation';
import { firstOnScreen } from '@/utils/view/scroll-anchor';
import type { ViewController, ViewFeature } from '@/utils/view/types';

interface KeyboardFeatureState {
  controller: ViewController;
  enabled: boolean;
}

// Several sections on one page each get a feature; only one of them may answer a key (see ownsKeys).
const liveFeatures: KeyboardFeatureState[] = [];

/** The feature holding the cursor answers; with no cursor anywhere, the first enabled one does. */
function ownsKeys(state: KeyboardFeatureState): boolean {
  const enabled = liveFeatures.filter((feature) => feature.enabled);
  const withCursor = enabled.find((feature) => feature.controller.selectedId() !== null);
  return (withCursor ?? enabled[0]) === state;
}

/** The first visible comment on screen (where a reader who has not pressed a key yet is looking). */
function firstVisibleOnScreen(controller: ViewController, context: NavigationContext): string | null {
  const { bodies, elements } = controller.parsed;
  const idOf = new Map<Element, string>();
  for (const comment of context.comments) {
    const element = bodies.get(comment.id) ?? elements.get(comment.id);
    if (element && context.isVisible(comment.id)) idOf.set(element, comment.id);
  }
  const onScreen = firstOnScreen([...idOf.keys()]);
  return (onScreen && idOf.get(onScreen)) ?? adjacentVisible(context, null, 1);
}

/** Keyboard navigation for one view: j/k, Shift+J/K, n/N, p, Enter/c, Shift+C, a/A, ? and Escape. */
export function createKeyboardFeature(controller: ViewController): ViewFeature {
  const doc = controller.root.ownerDocument;
  const state: KeyboardFeatureState = { controller, enabled: false };
  liveFeatures.push(state);
  let help: HelpOverlayHandle | null = null;
  let destroyed = false;

  // Read through the controller each time: update() replaces `parsed` when the page adds comments.
  const context: NavigationContext = {
    get comments() {
      return controller.parsed.thread.comments;
    },
    isVisible: (id) => controller.isVisible(id),
  };

  const select = (id: string | null): boolean => {
    if (id === null) return false;
    controller.select(id);
    return true;
  };

  const closeHelp = () => {
    help?.close();
    help = null;
  };

  const toggleAll = () => {
    const anyCollapsed = context.comments.some((comment) => controller.isCollapsed(comment.id));
    if (anyCollapsed) controller.expandAll();
    else controller.collapseAll();
    // The cursor may now sit inside a folded thread: bring it up to what the reader can see.
    const selected = controller.selectedId();
    if (selected !== null && !controller.isVisible(selected)) {
      controller.select(nearestVisibleAncestor(context, selected));
    }
  };

  /** Runs an action; returns whether it did something (then the key's default is prevented). */
  const run = (action: KeyAction): boolean => {
    const selected = controller.selectedId();
    const moving = (step: 1 | -1, next: (from: string) => string | null) =>
      select(selected === null ? firstVisibleOnScreen(controller, context) : next(selected));
    switch (action) {
      case 'next':
        return moving(1, (from) => adjacentVisible(context, from, 1));
      case 'previous':
        return moving(-1, (from) => adjacentVisible(context, from, -1));
      case 'nextSibling':
        return moving(1, (from) => adjacentSibling(context, from, 1));
      case 'previousSibling':
        return moving(-1, (from) => adjacentSibling(context, from, -1));
      case 'nextThread':
        return moving(1, (from) => adjacentThread(context, from, 1));
      case 'previousThread':
        return moving(-1, (from) => adjacentThread(context, from, -1));
      case 'parent':
        return select(parentOf(context, selected));
      case 'nextAuthorReply':
      case 'previousAuthorReply': {
        const step = action === 'nextAuthorReply' ? 1 : -1;
        if (selected !== null) return select(adjacentAuthorReply(context, selected, step));
        // No cursor yet: start from what is on screen, which itself counts going forward (as the toolbar does).
        const onScreen = firstVisibleOnScreen(controller, context);
        const here = context.comments.find((comment) => comment.id === onScreen);
        if (step === 1 && here?.isPostAuthor && here.type === 'comment') return select(here.id);
        return select(adjacentAuthorReply(context, onScreen, step));
      }
      case 'toggle':
        if (selected === null) return false;
        controller.toggle(selected);
        return true;
      case 'toggleAll':
        toggleAll();
        return true;
      case 'help':
        help = openHelpOverlay(doc, () => {
          help = null;
        });
        return true;
      case 'escape':
        if (selected === null) return false;
        controller.select(null);
        return true;
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    try {
      if (!state.enabled || event.defaultPrevented || event.isComposing) return;
      const action = actionForKey(event);
      if (action === null || isTypingTarget(event)) return;
      if (help?.isOpen) {
        // The dialog is modal: only its own keys work while it is open.
        if (action === 'help' || action === 'escape') {
          closeHelp();
          event.preventDefault();
        }
        return;
      }
      if (!ownsKeys(state)) return;
      // Enter on a focused link or button is that control's own business.
      if (event.key === 'Enter' && isInteractiveTarget(event)) return;
      if (run(action)) event.preventDefault();
    } catch (error) {
      // Never throw into the page; a broken key is better than a broken page.
      console.debug('[threadlight] keyboard:', error);
    }
  };

  return {
    apply(options: ThreadlightOptions) {
      if (destroyed) return;
      const enabled = options.keyboardShortcuts;
      if (enabled === state.enabled) return;
      state.enabled = enabled;
      if (enabled) {
        doc.addEventListener('keydown', onKeyDown);
      } else {
        doc.removeEventListener('keydown', onKeyDown);
        closeHelp();
      }
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      doc.removeEventListener('keydown', onKeyDown);
      state.enabled = false;
      closeHelp();
      liveFeatures.splice(liveFeatures.indexOf(state), 1);
    },
  };
}
