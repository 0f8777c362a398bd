/**
 * The stable DOM contract of the enhanced view (docs/dom-contract.md): EVERY `data-threadlight*` name the
 * extension writes or reads lives here, and nowhere else in the code (tests/unit/view/dom-contract.test.ts checks
 * both: no such literal elsewhere, and each name documented). E2E tests, user styles and the view's features rely
 * on them. Change a value here only together with that document.
 */

// ---- on the section root ----------------------------------------------------------------------------------

/** "enhanced" while the view is mounted. */
export const ATTR_ENHANCED = 'data-threadlight';
/** Present while the "highlight the author" option is on (author-highlight feature). */
export const ATTR_HIGHLIGHT = 'data-threadlight-author-highlight';
/** Present on threads of LARGE_THREAD comments or more (far top-level threads are not laid out). */
export const ATTR_LARGE = 'data-threadlight-large';

// ---- on the page's comment elements ----------------------------------------------------------------------

/** On each comment item: its ThreadComment id. */
export const ATTR_COMMENT = 'data-threadlight-comment';
/** On each comment item: its depth, 1 = top level. */
export const ATTR_DEPTH = 'data-threadlight-depth';
/** On the post author's comment items: "post-author". Pingbacks/trackbacks: "pingback" / "trackback". */
export const ATTR_ROLE = 'data-threadlight-role';
/** On comment items whose replies are folded (present = folded). */
export const ATTR_COLLAPSED = 'data-threadlight-collapsed';
/** On comment items (and reply lists) hidden by a folded ancestor or by a feature's mask (pingbacks, filters). */
export const ATTR_HIDDEN = 'data-threadlight-hidden';
/** On the selected comment item (keyboard cursor): the core's "selected" field. */
export const ATTR_SELECTED = 'data-threadlight-selected';
/** On the comment items of the participant focused from the popup: the core's "focus" field. */
export const ATTR_FOCUS = 'data-threadlight-focus';
/** On a top-level comment whose thread holds a reply by the post author: the author-highlight feature's field. */
export const ATTR_AUTHOR_REPLIED = 'data-threadlight-author-replied';
/** On each comment that was not on the page at the reader's previous visit: the new-since-visit feature's "new" field. */
export const ATTR_NEW = 'data-threadlight-new';
/** On each of the N most recent comments when there is no previous visit: the new-since-visit feature's "recent" field. */
export const ATTR_RECENT = 'data-threadlight-recent';
/**
 * On each comment's own content element (CommentParts.body): a token list of the states styled on the body
 * rather than on the item, which holds the nested replies: "post-author", "selected", "focus", and the tokens of
 * features' state fields.
 */
export const ATTR_BODY = 'data-threadlight-body';

// ---- on what Threadlight inserts ----------------------------------------------------------------------------

/** On every element Threadlight inserts into the page (bars, badges, lines…): its kind. Parsers skip them. */
export const ATTR_UI = 'data-threadlight-ui';
/** On each fold toggle: the id of the comment whose replies it shows or hides. */
export const ATTR_TOGGLE = 'data-threadlight-toggle';
/** On the pingback group's button: "pingbacks". */
export const ATTR_GROUP = 'data-threadlight-group';
/** On a link that previews a comment on hover or focus (and selects it on click): that comment's id. */
export const ATTR_PREVIEW = 'data-threadlight-preview';
/** On an inferred reply's note: the id of the probable parent. */
export const ATTR_INFERRED_PARENT = 'data-threadlight-inferred-parent';
/** On a reply list the inferred-links feature created ('renest'; not ATTR_UI: parsers must read what it holds). */
export const ATTR_INFERRED_LIST = 'data-threadlight-inferred-list';
/** On the hosts of overlays (toolbar, help dialog, preview card) hung on <body>: their kind. */
export const ATTR_OVERLAY = 'data-threadlight-overlay';
/** On each toolbar control (in the toolbar's shadow root): the control's id ("collapse-all", "help"…). */
export const ATTR_ACTION = 'data-threadlight-action';
/** On each toolbar status text (in the toolbar's shadow root): its id ("figures"…). */
export const ATTR_STATUS = 'data-threadlight-status';

/** On each comment item merged from another comment page ("show all pages"): that page's number. */
export const ATTR_MERGED = 'data-threadlight-merged';

/**
 * The attribute of a view-state field ("selected", "focus", "author-replied", and the fields features declare,
 * e.g. "new", "match"): present on the comment items for which the field is set. The field's name is also written
 * as a token of ATTR_BODY. Features declare their fields in defineViewFeature({ fields }), and each must be
 * documented in docs/dom-contract.md (checked).
 */
export function fieldAttribute(field: string): string {
  return `${ATTR_ENHANCED}-${field}`;
}

/** Class prefix of our inserted elements (styles are scoped by it and by the attributes above). */
export const CLASS_PREFIX = 'threadlight-';

/** Every name above, for the convention test and the docs check. */
export const DOM_CONTRACT_NAMES = [
  ATTR_ENHANCED,
  ATTR_HIGHLIGHT,
  ATTR_LARGE,
  ATTR_COMMENT,
  ATTR_DEPTH,
  ATTR_ROLE,
  ATTR_COLLAPSED,
  ATTR_HIDDEN,
  ATTR_SELECTED,
  ATTR_FOCUS,
  ATTR_AUTHOR_REPLIED,
  ATTR_NEW,
  ATTR_RECENT,
  ATTR_BODY,
  ATTR_UI,
  ATTR_TOGGLE,
  ATTR_GROUP,
  ATTR_PREVIEW,
  ATTR_INFERRED_PARENT,
  ATTR_INFERRED_LIST,
  ATTR_OVERLAY,
  ATTR_ACTION,
  ATTR_STATUS,
  ATTR_MERGED,
] as const;
