/**
 * The core's CSS (folds, bars, selection, focus, long threads). Every selector is scoped by a data-threadlight-*
 * attribute or a threadlight- class. Text we add inherits the theme's own text colour (currentColor) at full
 * strength, never dimmed: its contrast is the theme's. The accent's text form is made readable by ./theme.ts.
 */
import { ATTR_BODY, ATTR_DEPTH, ATTR_ENHANCED, ATTR_HIDDEN, ATTR_LARGE, ATTR_UI } from '../dom-contract';
import { PAGE_TOUCH_TARGET_CSS } from '../touch-targets';
import { importantRule as rule } from './style-registry';
import type { Accent } from './theme';

/**
 * From this many comments, top-level threads far from the screen are not laid out (content-visibility: auto):
 * expand-all on 5,000 comments then costs tens of milliseconds instead of seconds. Not below: the containment
 * stops margins collapsing through the comment, which changes the theme's spacing a little.
 */
export const LARGE_THREAD = 400;

export const ROOT = `[${ATTR_ENHANCED}="enhanced"]`;

/** Until the page's look is read (after the first frame): a warm accent, its text readable on white (5.2:1). */
export const DEFAULT_ACCENT: Accent = { accent: 'rgb(194, 65, 12)', text: 'rgb(194, 65, 12)' };

/** CSS for the section's accent (custom properties every feature may use). */
export function accentCss(accent: Accent): string {
  return `${ROOT} { --threadlight-accent: ${accent.accent}; --threadlight-accent-text: ${accent.text}; }`;
}

const mix = (percent: number) => `color-mix(in srgb, currentColor ${percent}%, transparent)`;

export const CORE_CSS = [
  rule(`${ROOT} [${ATTR_HIDDEN}]`, 'display: none'),
  rule(
    `${ROOT} .threadlight-bar`,
    `display: flex; flex-wrap: wrap; align-items: center; gap: 0.25em 0.6em; margin: 0.6em 0 0; padding: 0;
     border: 0; background: none; font-size: 0.85em; line-height: 1.5; list-style: none; text-indent: 0`,
  ),
  rule(
    `${ROOT} .threadlight-toggle, ${ROOT} .threadlight-button`,
    `all: unset; box-sizing: border-box; display: inline-flex; align-items: center; gap: 0.4em;
     margin: 0; padding: 0.15em 0.8em; min-height: 24px; min-width: 24px; width: auto; height: auto;
     border: 1px solid ${mix(45)}; border-radius: 999px; background: transparent; box-shadow: none;
     font: inherit; font-size: 1em; font-weight: inherit; line-height: 1.5; letter-spacing: normal;
     text-transform: none; text-decoration: none; color: inherit; cursor: pointer; white-space: nowrap`,
  ),
  rule(`${ROOT} .threadlight-toggle:hover, ${ROOT} .threadlight-button:hover`, `border-color: currentColor; background: ${mix(6)}`),
  rule(
    `${ROOT} .threadlight-toggle:focus-visible, ${ROOT} .threadlight-button:focus-visible`,
    'outline: 2px solid var(--threadlight-accent-text); outline-offset: 2px',
  ),
  rule(`${ROOT} .threadlight-chevron`, 'display: inline-block; width: 0.7em; text-align: center'),
  `${ROOT} .threadlight-chevron::before { content: "\\25BE"; }`,
  `${ROOT} [aria-expanded="false"] > .threadlight-chevron::before { content: "\\25B8"; }`,
  rule(`${ROOT} .threadlight-triage[hidden]`, 'display: none'),
  rule(`${ROOT} [${ATTR_BODY}~="selected"]`, `outline: 2px solid ${mix(60)}; outline-offset: 4px; border-radius: 2px`),
  rule(`${ROOT} [${ATTR_BODY}~="focus"]`, 'box-shadow: 0 0 0 4px color-mix(in srgb, var(--threadlight-accent) 35%, transparent); border-radius: 2px'),
  // Long threads: the browser lays out only the top-level threads near the screen (5,000 comments stay fluid).
  `@supports (content-visibility: auto) { ${ROOT}[${ATTR_LARGE}] [${ATTR_DEPTH}="1"] { content-visibility: auto; contain-intrinsic-size: auto 320px; } }`,
  `@media (prefers-reduced-motion: no-preference) { ${rule(`${ROOT} .threadlight-toggle, ${ROOT} .threadlight-button`, 'transition: border-color 0.15s ease, background-color 0.15s ease')} }`,
  `@media print { ${rule(`${ROOT} [${ATTR_UI}]`, 'display: none')} }`,
  PAGE_TOUCH_TARGET_CSS,
].join('\n');
