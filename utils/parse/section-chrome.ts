import { isCommentForm } from '@/utils/detect/comment-forms';
import type { DialectProfile } from '@/utils/dialects/types';
import { classTokens } from '@/utils/dom/class-tokens';
import { safeDom } from '@/utils/dom/safe-dom';

/** What surrounds a comment list in its section: pagination blocks, the comment form, a "comments closed" note. */
export interface SectionChrome {
  navs: Element[];
  /** Comment-form parts (`#respond`, `#commentform`, a wp-comments-post, wpDiscuz or Drupal form), in page order. */
  forms: Element[];
  closedNote: Element | null;
}

/**
 * One walk over the section root, skipping the comments themselves (by far the largest part, and their permalinks
 * carry `comment-page-N` too): `isComment` says which elements are comments or their reply lists. A rootless section
 * is read from the list's parent. Navigation blocks, forms and "closed" notes are recognized from the dialect's
 * profile (pagination, form, sections).
 */
export function scanSectionChrome(root: Element, list: Element, profile: DialectProfile, isComment: (el: Element) => boolean): SectionChrome {
  const dom = safeDom(root);
  const scope = root === list ? (dom.parentElement(list) ?? list) : root;
  const chrome: SectionChrome = { navs: [], forms: [], closedNote: null };
  const { navClasses, navIds } = profile.pagination;
  const closedClasses = profile.sections.closedClasses;
  // Depth-first, in page order, without recursion (hostile pages nest thousands deep).
  const stack: Element[] = [];
  const pushChildren = (parent: Element): void => {
    const children: Element[] = [];
    for (let el = dom.firstElement(parent); el; el = dom.nextElement(el)) if (!isComment(el)) children.push(el);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  };
  pushChildren(scope);
  while (stack.length > 0) {
    const el = stack.pop()!;
    const tokens = classTokens(el, dom);
    const id = dom.id(el);
    if ((tokens.length > 0 && navClasses.some((name) => tokens.includes(name))) || navIds.includes(id)) chrome.navs.push(el);
    if (isCommentForm(el, profile, dom)) chrome.forms.push(el);
    if (!chrome.closedNote && tokens.length > 0 && closedClasses.some((name) => tokens.includes(name))) chrome.closedNote = el;
    // A form's inside is read through nothing else: its named controls could shadow the DOM API.
    if (dom.tag(el) !== 'FORM') pushChildren(el);
  }
  return chrome;
}
