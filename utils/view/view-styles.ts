/**
 * The view's stylesheet: ONE <style> element per document (shared by every mounted section, removed with the
 * last one). Every selector is scoped by a data-threadlight-* attribute or a threadlight- class. Colours derive
 * from currentColor and the accent, so light and dark themes both work.
 */
import {
  ATTR_BODY,
  ATTR_DEPTH,
  ATTR_ENHANCED,
  ATTR_HIDDEN,
  ATTR_UI,
} from './dom-contract';
import { PAGE_TOUCH_TARGET_CSS } from './touch-targets';

/** Present on the section root while the author highlight option is on. */
export const ATTR_HIGHLIGHT = 'data-threadlight-author-highlight';
/** Present on the section root of a long thread (LARGE_THREAD comments or more). */
export const ATTR_LARGE = 'data-threadlight-large';
/**
 * From this many comments, top-level threads far from the screen are not laid out (content-visibility: auto):
 * expand-all on 5,000 comments then costs tens of milliseconds instead of seconds. Not below: the containment
 * stops margins collapsing through the comment, which changes the theme's spacing a little.
 */
export const LARGE_THREAD = 400;

const ROOT = `[${ATTR_ENHANCED}="enhanced"]`;

/**
 * A rule whose declarations all carry !important: our controls live among the theme's own rules, and themes
 * style `button` with selectors we cannot outrank otherwise (Twenty Twenty-One:
 * `button:not(:hover):not(:active):not(.has-background)` fills every button with its primary colour).
 */
function rule(selector: string, declarations: string): string {
  const body = declarations
    .split(';')
    .map((declaration) => declaration.trim())
    .filter(Boolean)
    .map((declaration) => `${declaration} !important;`)
    .join(' ');
  return `${selector} { ${body} }`;
}

function css(accent: string): string {
  const mix = (percent: number) => `color-mix(in srgb, currentColor ${percent}%, transparent)`;
  const buttons = `${ROOT} .threadlight-toggle, ${ROOT} .threadlight-pings-toggle`;
  const tint = `color-mix(in srgb, var(--threadlight-accent) 7%, transparent)`;
  return [
    `${ROOT} { --threadlight-accent: ${accent}; }`,
    rule(`${ROOT} [${ATTR_HIDDEN}]`, 'display: none'),
    rule(
      `${ROOT} .threadlight-bar`,
      `display: flex; flex-wrap: wrap; align-items: center; gap: 0.25em 0.6em; margin: 0.6em 0 0; padding: 0;
       border: 0; background: none; font-size: 0.85em; line-height: 1.5; list-style: none; text-indent: 0`,
    ),
    rule(
      buttons,
      `all: unset; box-sizing: border-box; display: inline-flex; align-items: center; gap: 0.4em;
       margin: 0; padding: 0.15em 0.8em; min-height: 0; min-width: 0; width: auto; height: auto;
       border: 1px solid ${mix(35)}; border-radius: 999px; background: transparent; box-shadow: none;
       font: inherit; font-size: 1em; font-weight: inherit; line-height: 1.5; letter-spacing: normal;
       text-transform: none; text-decoration: none; color: inherit; cursor: pointer; white-space: nowrap`,
    ),
    rule(`${ROOT} .threadlight-toggle:hover, ${ROOT} .threadlight-pings-toggle:hover`, `border-color: currentColor; background: ${mix(6)}`),
    rule(`${ROOT} .threadlight-toggle:focus-visible, ${ROOT} .threadlight-pings-toggle:focus-visible`, 'outline: 2px solid var(--threadlight-accent); outline-offset: 2px'),
    rule(`${ROOT} .threadlight-toggle:focus:not(:focus-visible), ${ROOT} .threadlight-pings-toggle:focus:not(:focus-visible)`, 'outline: none'),
    rule(`${ROOT} .threadlight-chevron`, 'display: inline-block; width: 0.7em; text-align: center'),
    `${ROOT} .threadlight-chevron::before { content: "\\25BE"; }`,
    `${ROOT} [aria-expanded="false"] > .threadlight-chevron::before { content: "\\25B8"; }`,
    rule(`${ROOT} .threadlight-triage`, 'opacity: 0.8'),
    rule(`${ROOT} .threadlight-triage[hidden]`, 'display: none'),
    rule(
      `${ROOT} .threadlight-replied`,
      'display: inline-block; width: 0.55em; height: 0.55em; border-radius: 50%; background: var(--threadlight-accent); flex: none',
    ),
    rule(
      `${ROOT} .threadlight-badge`,
      `display: inline-block; margin: 0 0.5em; padding: 0 0.55em; border: 1px solid var(--threadlight-accent);
       border-radius: 999px; background: none; color: var(--threadlight-accent); font-size: 0.75rem; font-weight: 600;
       font-style: normal; line-height: 1.5; letter-spacing: 0.02em; text-transform: none; vertical-align: middle;
       white-space: nowrap`,
    ),
    rule(`${ROOT}:not([${ATTR_HIGHLIGHT}]) .threadlight-badge, ${ROOT}:not([${ATTR_HIGHLIGHT}]) .threadlight-replied`, 'display: none'),
    rule(
      `${ROOT}[${ATTR_HIGHLIGHT}] [${ATTR_BODY}~="post-author"]`,
      `border-inline-start: 3px solid var(--threadlight-accent); padding-inline-start: 0.75em;
       background-image: linear-gradient(${tint}, ${tint})`,
    ),
    rule(`${ROOT} [${ATTR_BODY}~="selected"]`, `outline: 2px solid ${mix(55)}; outline-offset: 4px; border-radius: 2px`),
    rule(`${ROOT} [${ATTR_BODY}~="focus"]`, 'box-shadow: 0 0 0 4px color-mix(in srgb, var(--threadlight-accent) 35%, transparent); border-radius: 2px'),
    // Long threads: the browser lays out only the top-level threads near the screen (5,000 comments stay fluid).
    `@supports (content-visibility: auto) { ${ROOT}[${ATTR_LARGE}] [${ATTR_DEPTH}="1"] { content-visibility: auto; contain-intrinsic-size: auto 320px; } }`,
    rule(`${ROOT} li.threadlight-pings`, 'list-style: none'),
    rule(`${ROOT} .threadlight-pings`, 'margin: 0.75em 0'),
    `@media (prefers-reduced-motion: no-preference) { ${rule(buttons, 'transition: border-color 0.15s ease, background-color 0.15s ease')} }`,
    `@media print { ${rule(`${ROOT} [${ATTR_UI}]`, 'display: none')} }`,
    PAGE_TOUCH_TARGET_CSS,
  ].join('\n');
}

interface SharedStyle {
  element: HTMLStyleElement;
  users: number;
}

const styles = new WeakMap<Document, SharedStyle>();

/** Add (or reuse) the stylesheet in `doc`; returns a function that releases it. */
export function acquireStyles(doc: Document, accent: string): { update(accent: string): void; release(): void } {
  let shared = styles.get(doc);
  if (!shared || !shared.element.isConnected) {
    const element = doc.createElement('style');
    element.setAttribute(ATTR_UI, 'style');
    (doc.head ?? doc.documentElement).appendChild(element);
    shared = { element, users: 0 };
    styles.set(doc, shared);
  }
  shared.users++;
  const mine = shared;
  const update = (next: string) => {
    const text = css(next);
    if (mine.element.textContent !== text) mine.element.textContent = text;
  };
  update(accent);
  let released = false;
  return {
    update,
    release() {
      if (released) return;
      released = true;
      mine.users--;
      if (mine.users <= 0) {
        mine.element.remove();
        if (styles.get(doc) === mine) styles.delete(doc);
      }
    },
  };
}
