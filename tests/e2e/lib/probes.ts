/**
 * Functions run inside the tested page (E2EPage.run / waitUntil) that read the DOM contract of the enhanced view
 * (docs/dom-contract.md, utils/view/dom-contract.ts). They are serialized: each may use only its argument.
 */
import type { E2EPage } from './browsers.ts';

/** One comment element as the view marked it. */
export interface CommentMark {
  id: string;
  depth: number;
  role: string | null;
  collapsed: boolean;
  selected: boolean;
  /** Rendered (not inside a collapsed thread or a hidden group). */
  visible: boolean;
}

/** Every `[data-threadlight-comment]` element, in document order. */
export const readComments = (): CommentMark[] =>
  Array.from(document.querySelectorAll('[data-threadlight-comment]')).map((element) => ({
    id: element.getAttribute('data-threadlight-comment') ?? '',
    depth: Number(element.getAttribute('data-threadlight-depth')),
    role: element.getAttribute('data-threadlight-role'),
    collapsed: element.hasAttribute('data-threadlight-collapsed'),
    selected: element.hasAttribute('data-threadlight-selected'),
    visible: element.checkVisibility(),
  }));

/** Ids of the selected comments (the keyboard cursor: at most one). */
export const readSelectedIds = (): string[] =>
  Array.from(document.querySelectorAll('[data-threadlight-selected]')).map(
    (element) => element.getAttribute('data-threadlight-comment') ?? '(not a comment element)',
  );

/** The toggle of comment `id`: its aria-expanded, and whether it is rendered. Null when there is none. */
export const readToggle = (id: string): { expanded: string | null; visible: boolean; tag: string } | null => {
  const toggle = document.querySelector(`[data-threadlight-toggle="${CSS.escape(id)}"]`);
  return toggle
    ? { expanded: toggle.getAttribute('aria-expanded'), visible: toggle.checkVisibility(), tag: toggle.tagName }
    : null;
};

/** Comment `id`'s toggle says aria-expanded="<expanded>". */
export const toggleSays = (arg: { id: string; expanded: boolean }): boolean =>
  document.querySelector(`[data-threadlight-toggle="${CSS.escape(arg.id)}"]`)?.getAttribute('aria-expanded') ===
  String(arg.expanded);

/** Names of every data-threadlight* attribute left anywhere in the document. */
export const readThreadlightTraces = (): string[] => {
  const traces = new Set<string>();
  for (const element of Array.from(document.querySelectorAll('*'))) {
    for (const name of element.getAttributeNames()) if (name.startsWith('data-threadlight')) traces.add(name);
  }
  return [...traces];
};

/** How many times each Threadlight performance mark was set. */
export const readMarks = (): Record<string, number> => {
  const names = ['threadlight:start', 'threadlight:ready', 'threadlight:bail'];
  return Object.fromEntries(names.map((name) => [name, performance.getEntriesByName(name).length]));
};

/** Scroll comment `id` (or the enhanced section) to the top of the viewport, for a screenshot. */
export const scrollToComment = (id: string | null): void => {
  const target = id
    ? document.querySelector(`[data-threadlight-comment="${CSS.escape(id)}"]`)
    : document.querySelector('[data-threadlight="enhanced"]');
  target?.scrollIntoView({ block: 'start', behavior: 'instant' });
};

/** Scroll the first element matching `selector` to the middle of the viewport, for a screenshot. */
export const scrollToCenter = (selector: string): void => {
  document.querySelector(selector)?.scrollIntoView({ block: 'center', behavior: 'instant' });
};

/** Press `key` and wait until the selection settles on `expected` (a clear message when it never does). */
export async function pressAndExpectSelection(page: E2EPage, key: string, expected: string | null): Promise<void> {
  await page.press(key);
  await page.waitUntil(
    (want) => {
      const selected = Array.from(document.querySelectorAll('[data-threadlight-selected]'));
      return want === null
        ? selected.length === 0
        : selected.length === 1 && selected[0]!.getAttribute('data-threadlight-comment') === want;
    },
    expected,
    { what: `"${key}" to select comment ${expected ?? '(none)'}`, timeout: 3_000 },
  );
}

/** In-page: scroll through the whole page a frame at a time, then wait 1.5 s (images fail, scheduled code runs). */
export const lookThroughPage = async (): Promise<void> => {
  for (let y = 0; y < document.documentElement.scrollHeight; y += 600) {
    window.scrollTo(0, y);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  await new Promise((resolve) => setTimeout(resolve, 1500));
};
