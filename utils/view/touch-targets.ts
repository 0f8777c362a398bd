/**
 * Touch targets, kept apart from the view's own styles: where the primary pointer is coarse (Firefox for Android,
 * any touch screen) every control Threadlight adds to a page is at least 44 × 44 CSS px (WCAG 2.5.5), whatever the
 * theme's font size. Selected by the DOM contract's attributes (docs/dom-contract.md), not by class names. Fine
 * pointers keep the quiet, compact controls. Checked by tests/e2e/phone.test.ts.
 */
import { ATTR_ENHANCED, ATTR_GROUP, ATTR_TOGGLE } from './dom-contract';

const ROOT = `[${ATTR_ENHANCED}="enhanced"]`;

/** Appended to the page's view stylesheet (utils/view/core/core-styles.ts): fold toggles and the pingback group. */
export const PAGE_TOUCH_TARGET_CSS = `@media (pointer: coarse) {
  ${ROOT} [${ATTR_TOGGLE}], ${ROOT} [${ATTR_GROUP}] {
    min-height: 44px !important; min-width: 44px !important; justify-content: center !important;
  }
}`;

/** Appended to the floating toolbar's shadow stylesheet (utils/view/toolbar): its buttons. */
export const TOOLBAR_TOUCH_TARGET_CSS = `@media (pointer: coarse) {
  button { min-height: 44px; min-width: 44px; display: inline-flex; align-items: center; justify-content: center; }
}`;
