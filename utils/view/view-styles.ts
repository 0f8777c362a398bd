/**
 * The view's stylesheet: ONE <style> element per document (shared by every mounted section, removed with the
 * last one). Every selector is scoped by a data-threadlight-* attribute or a threadlight- class. Colours derive
 * from currentColor and the accent, so light and dark themes both work.
 */
import {
  ATTR_AUTHOR_REPLIED,
  ATTR_BODY,
  ATTR_ENHANCED,
  ATTR_HIDDEN,
  ATTR_UI,
} from './dom-contract';

/** Present on the section root while the author highlight option is on. */
export const ATTR_HIGHLIGHT = 'data-threadlight-author-highlight';

const ROOT = `[${ATTR_ENHANCED}="enhanced"]`;

function css(accent: string): string {
  const mix = (percent: number) => `color-mix(in srgb, currentColor ${percent}%, transparent)`;
  return `
${ROOT} { --threadlight-accent: ${accent}; }
${ROOT} [${ATTR_HIDDEN}] { display: none !important; }
${ROOT} .threadlight-bar {
  display: flex; flex-wrap: wrap; align-items: center; gap: 0.25em 0.6em;
  margin: 0.5em 0 0; padding: 0; font-size: 0.85em; line-height: 1.5; list-style: none;
}
${ROOT} .threadlight-toggle, ${ROOT} .threadlight-pings-toggle {
  all: unset; box-sizing: border-box; display: inline-flex; align-items: center; gap: 0.35em;
  padding: 0.1em 0.75em; border: 1px solid ${mix(35)}; border-radius: 999px;
  font: inherit; font-size: 1em; line-height: 1.5; color: inherit; cursor: pointer; white-space: nowrap;
}
${ROOT} .threadlight-toggle:hover, ${ROOT} .threadlight-pings-toggle:hover { border-color: currentColor; }
${ROOT} .threadlight-toggle:focus-visible, ${ROOT} .threadlight-pings-toggle:focus-visible {
  outline: 2px solid var(--threadlight-accent); outline-offset: 2px;
}
${ROOT} .threadlight-chevron { display: inline-block; width: 0.7em; text-align: center; }
${ROOT} .threadlight-chevron::before { content: "\\25BE"; }
${ROOT} [aria-expanded="false"] > .threadlight-chevron::before { content: "\\25B8"; }
${ROOT} .threadlight-triage { opacity: 0.8; }
${ROOT} .threadlight-triage[hidden] { display: none; }
${ROOT} .threadlight-replied {
  display: inline-block; width: 0.55em; height: 0.55em; border-radius: 50%;
  background: var(--threadlight-accent); flex: none;
}
${ROOT} .threadlight-badge {
  display: inline-block; margin-inline: 0.5em; padding: 0 0.55em; border: 1px solid var(--threadlight-accent);
  border-radius: 999px; color: var(--threadlight-accent); font-size: 0.75rem; font-weight: 600;
  font-style: normal; line-height: 1.5; letter-spacing: 0.02em; text-transform: none; vertical-align: middle;
  white-space: nowrap;
}
${ROOT}:not([${ATTR_HIGHLIGHT}]) .threadlight-badge, ${ROOT}:not([${ATTR_HIGHLIGHT}]) .threadlight-replied { display: none; }
${ROOT}[${ATTR_HIGHLIGHT}] [${ATTR_BODY}~="post-author"] {
  border-inline-start: 3px solid var(--threadlight-accent);
  padding-inline-start: 0.75em;
  background-image: linear-gradient(color-mix(in srgb, var(--threadlight-accent) 7%, transparent), color-mix(in srgb, var(--threadlight-accent) 7%, transparent));
}
${ROOT} [${ATTR_BODY}~="selected"] { outline: 2px solid ${mix(55)}; outline-offset: 4px; border-radius: 2px; }
${ROOT} [${ATTR_BODY}~="focus"] {
  box-shadow: 0 0 0 4px color-mix(in srgb, var(--threadlight-accent) 35%, transparent);
  border-radius: 2px;
}
${ROOT} li.threadlight-pings { list-style: none; }
${ROOT} .threadlight-pings { margin: 0.75em 0; }
${ROOT} [${ATTR_AUTHOR_REPLIED}] > [${ATTR_UI}="bar"] .threadlight-replied { display: inline-block; }
@media (prefers-reduced-motion: no-preference) {
  ${ROOT} .threadlight-toggle, ${ROOT} .threadlight-pings-toggle { transition: border-color 0.15s ease; }
}
@media print { ${ROOT} [${ATTR_UI}] { display: none !important; } }
`;
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
