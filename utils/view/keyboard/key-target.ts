/**
 * Where a key event comes from. Reads `composedPath()` so a field inside a shadow root (ours or the page's)
 * counts as the real target, not the shadow host the document sees.
 */

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const TYPING_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'spinbutton']);
const INTERACTIVE_TAGS = new Set(['A', 'BUTTON', 'SUMMARY', 'INPUT', 'SELECT', 'TEXTAREA', 'AUDIO', 'VIDEO']);

function pathElements(event: Event): Element[] {
  const path = typeof event.composedPath === 'function' ? event.composedPath() : [];
  const elements = path.filter((target): target is Element => (target as Node).nodeType === 1);
  if (elements.length === 0 && event.target && (event.target as Node).nodeType === 1) {
    return [event.target as Element];
  }
  return elements;
}

function contentEditableState(element: Element): boolean | null {
  if (!element.hasAttribute('contenteditable')) return null;
  const value = (element.getAttribute('contenteditable') ?? '').toLowerCase();
  return value !== 'false';
}

/** The key was typed into a field: input, textarea, select, contenteditable, an ARIA textbox, or a designMode page. */
export function isTypingTarget(event: Event): boolean {
  const elements = pathElements(event);
  const first = elements[0];
  if (first?.ownerDocument?.designMode === 'on') return true;
  // isContentEditable is exact where the browser has it (jsdom does not), the attribute walk below covers the rest.
  if (first && (first as HTMLElement).isContentEditable === true) return true;
  for (const element of elements) {
    if (TYPING_TAGS.has(element.tagName.toUpperCase())) return true;
    const role = element.getAttribute('role');
    if (role && TYPING_ROLES.has(role.toLowerCase())) return true;
    const editable = contentEditableState(element);
    if (editable !== null) return editable;
  }
  return false;
}

/** The key went to a focused control that gives Enter its own meaning (a link, a button, a summary…). */
export function isInteractiveTarget(event: Event): boolean {
  for (const element of pathElements(event)) {
    if (element === element.ownerDocument?.body) break;
    if (INTERACTIVE_TAGS.has(element.tagName.toUpperCase())) return true;
    const role = element.getAttribute('role');
    if (role === 'button' || role === 'link' || role === 'menuitem' || role === 'tab') return true;
  }
  return false;
}
