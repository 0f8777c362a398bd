/**
 * The stable DOM contract of the enhanced view (docs/dom-contract.md): attribute names that e2e tests,
 * user styles and the other view features rely on. Change a value here only together with that document.
 */

/** On the section root: "enhanced" while the view is mounted. */
export const ATTR_ENHANCED = 'data-threadlight';
/** On each comment item: its ThreadComment id. */
export const ATTR_COMMENT = 'data-threadlight-comment';
/** On each comment item: its depth, 1 = top level. */
export const ATTR_DEPTH = 'data-threadlight-depth';
/** On the post author's comment items: "post-author". Pingbacks/trackbacks: "pingback" / "trackback". */
export const ATTR_ROLE = 'data-threadlight-role';
/** On comment items whose replies are collapsed (present = collapsed). */
export const ATTR_COLLAPSED = 'data-threadlight-collapsed';
/** On each toggle button: the id of the comment whose replies it shows or hides. */
export const ATTR_TOGGLE = 'data-threadlight-toggle';
/** On the selected comment item (keyboard cursor). */
export const ATTR_SELECTED = 'data-threadlight-selected';
/** On the comment items of the participant focused from the popup. */
export const ATTR_FOCUS = 'data-threadlight-focus';
/** On comment items (and reply lists) hidden by a collapsed ancestor or by the pingback option. */
export const ATTR_HIDDEN = 'data-threadlight-hidden';
/** On a top-level comment whose thread holds a reply by the post author. */
export const ATTR_AUTHOR_REPLIED = 'data-threadlight-author-replied';
/**
 * On each comment's own content element (ParsedSection.bodies): a token list of the states styled on the body
 * rather than on the item, which holds the nested replies: "post-author", "selected", "focus".
 */
export const ATTR_BODY = 'data-threadlight-body';
/** On every element Threadlight inserts into the page (toggles, triage lines, badges…). Parsers skip them. */
export const ATTR_UI = 'data-threadlight-ui';
/** On the pingback group's summary button: "pingbacks". */
export const ATTR_GROUP = 'data-threadlight-group';

/** Class prefix of our inserted elements (styles are scoped by it and by the attributes above). */
export const CLASS_PREFIX = 'threadlight-';
