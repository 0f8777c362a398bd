import { isCommentForm } from '@/utils/detect/detect-comment-sections';

/** What surrounds a comment list in its section: pagination blocks, the comment form, a "comments closed" note. */
export interface SectionChrome {
  navs: Element[];
  /** Comment-form parts (`#respond`, `#commentform`, a wp-comments-post or wpDiscuz form), in page order. */
  forms: Element[];
  closedNote: Element | null;
}

/** Comment-page navigation: `the_comments_navigation`, `the_comments_pagination`, the block, theme-compat, wpDiscuz. */
const NAV_CLASSES = [
  'comment-navigation',
  'comments-pagination',
  'wp-block-comments-pagination',
  'comment-nav',
  'comments-nav',
  'navigation',
  'wpd-comment-pagination',
];
const NAV_IDS = ['comment-nav-above', 'comment-nav-below'];
/** Comments closed (or a login wall) leave a note and no form. */
const CLOSED_NOTE_CLASSES = ['no-comments', 'nocomments', 'comments-closed'];

function hasAnyClass(el: Element, names: readonly string[]): boolean {
  return names.some((name) => el.classList.contains(name));
}

/**
 * One walk over the section root, skipping the comment list itself (by far the largest part, and its permalinks
 * carry `comment-page-N` too). A rootless section is read from the list's parent.
 */
export function scanSectionChrome(root: Element, list: Element): SectionChrome {
  const scope = root === list ? (list.parentElement ?? list) : root;
  const chrome: SectionChrome = { navs: [], forms: [], closedNote: null };
  const walker = scope.ownerDocument.createTreeWalker(scope, 1 /* SHOW_ELEMENT */, {
    acceptNode: (node) => (node === list ? 2 /* FILTER_REJECT */ : 1 /* FILTER_ACCEPT */),
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node as Element;
    if (hasAnyClass(el, NAV_CLASSES) || NAV_IDS.includes(el.id)) chrome.navs.push(el);
    if (isCommentForm(el)) chrome.forms.push(el);
    if (!chrome.closedNote && hasAnyClass(el, CLOSED_NOTE_CLASSES)) chrome.closedNote = el;
  }
  return chrome;
}
