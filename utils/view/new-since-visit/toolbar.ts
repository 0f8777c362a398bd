/**
 * The feature's part of the floating toolbar: "‹ 7 new since 3 Dec ›  ✓ Mark all as read" on a return visit with new
 * comments, "Nothing new since 3 Dec" without, "‹ 10 most recent ›" on a first visit with the most recent marked, and
 * nothing at all otherwise. One `custom` item, because what it shows depends on the visit (a first visit adds nothing
 * to the toolbar); its controls are the toolbar's own buttons (same classes, styled by the toolbar's shadow root),
 * named by data-threadlight-action / data-threadlight-status like every toolbar control.
 */
import { h, type ComponentChild } from 'preact';
import { ATTR_ACTION, ATTR_STATUS } from '@/utils/view/dom-contract';

export interface NewControls {
  /** What the status says ("7 new since 3 Dec", "10 most recent"). */
  text: string;
  /** Which marks the buttons step through; null: a status alone ("Nothing new since …"). */
  stepping: 'new' | 'recent' | null;
  previousLabel: string;
  nextLabel: string;
  previous(): void;
  next(): void;
  /** "Mark all as read" (return visits with new comments only). */
  markAllRead: { label: string; run(): void } | null;
}

function button(action: string, text: string, icon: string, iconOnly: boolean, run: () => void): ComponentChild {
  return h(
    'button',
    {
      type: 'button',
      class: iconOnly ? 'icon-only' : undefined,
      [ATTR_ACTION]: action,
      'aria-label': iconOnly ? text : undefined,
      title: text,
      onClick: () => run(),
    },
    h('span', { 'aria-hidden': 'true', class: 'icon' }, icon),
    iconOnly ? null : text,
  );
}

/** The item's content, or null when there is nothing to say. */
export function renderNewControls(controls: NewControls | null): ComponentChild {
  if (!controls) return null;
  const status = h('span', { class: 'status', [ATTR_STATUS]: controls.stepping === 'recent' ? 'recent' : 'new' }, controls.text);
  const step = controls.stepping;
  return h(
    'span',
    { style: 'display: inline-flex; align-items: center; gap: 2px' },
    step && button(`previous-${step}`, controls.previousLabel, '‹', true, controls.previous),
    status,
    step && button(`next-${step}`, controls.nextLabel, '›', true, controls.next),
    controls.markAllRead && button('mark-all-read', controls.markAllRead.label, '✓', false, controls.markAllRead.run),
  );
}
