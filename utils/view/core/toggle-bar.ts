/**
 * The fold toggle of a comment with replies: a native <button> with aria-expanded, whose accessible name starts
 * with its visible label ("Hide replies" → "Hide replies to Alice", WCAG 2.5.3), and the triage line shown while
 * folded ("12 replies · 4 people · author replied"). Built from a template cloned per comment (cheap on 5,000
 * comments); no ids, so the page's own ids stay unique.
 */
import { ATTR_TOGGLE, ATTR_UI } from '../dom-contract';

export interface ToggleBar {
  element: HTMLElement;
  button: HTMLButtonElement;
  label: HTMLElement;
  triage: HTMLElement;
  /** Folded state last written (null: never written). */
  written: boolean | null;
  /** Triage text already written (computed lazily, the first time the comment folds). */
  triageWritten: boolean;
}

const templates = new WeakMap<Document, HTMLElement>();

function template(doc: Document): HTMLElement {
  let bar = templates.get(doc);
  if (bar) return bar;
  bar = doc.createElement('div');
  bar.className = 'threadlight-bar';
  bar.setAttribute(ATTR_UI, 'bar');
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'threadlight-toggle';
  const chevron = doc.createElement('span');
  chevron.className = 'threadlight-chevron';
  chevron.setAttribute('aria-hidden', 'true');
  const label = doc.createElement('span');
  label.className = 'threadlight-toggle-label';
  button.append(chevron, label);
  const triage = doc.createElement('span');
  triage.className = 'threadlight-triage';
  triage.hidden = true;
  bar.append(button, triage);
  templates.set(doc, bar);
  return bar;
}

/** A new toggle bar for comment `id` (not inserted yet). */
export function createToggleBar(doc: Document, id: string): ToggleBar {
  const element = template(doc).cloneNode(true) as HTMLElement;
  const button = element.firstElementChild as HTMLButtonElement;
  button.setAttribute(ATTR_TOGGLE, id);
  return {
    element,
    button,
    label: button.lastElementChild as HTMLElement,
    triage: element.lastElementChild as HTMLElement,
    written: null,
    triageWritten: false,
  };
}
