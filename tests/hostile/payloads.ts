/**
 * The hostile payload set: XSS and DOM-clobbering strings placed in the parts of a WordPress comment that
 * Threadlight reads (content, author name, author URL, avatar, date, permalink, reply link).
 *
 * Every payload that could run calls `__pwned('<id>')` (the hostile pages define it and record each call),
 * so a test can tell WHICH payload ran. Two kinds:
 * - `inert`: the page itself never runs it (entity-encoded text, attribute values, raw-text elements,
 *   javascript: links nobody clicks). It runs only if someone re-renders page text or attributes as HTML.
 *   It must never fire, with or without the extension.
 * - `live`: the page runs it itself while loading (an `<img onerror>` in the markup). That is the page's
 *   own behaviour; with the extension it must not fire MORE often than without (re-rendering or cloning
 *   the node would fire it again).
 */

/** Where in the comment markup a payload goes. */
export type PayloadSlot =
  | 'content' // inner HTML of .comment-content
  | 'name' // inner HTML of b.fn (the link, if any, comes from `url`)
  | 'url' // raw value of the author link's href attribute (single-quoted, as WordPress prints it)
  | 'avatar' // raw attributes of the avatar img
  | 'datetime' // raw value of <time datetime="…">
  | 'dateText' // inner HTML of <time>
  | 'permalink' // raw value of the permalink's href
  | 'replyTo'; // raw value of the reply link's data-replyto and aria-label

export interface Payload {
  id: string;
  slot: PayloadSlot;
  kind: 'inert' | 'live';
  /** Raw markup for the slot, exactly as written into the page source. */
  markup: string;
  /** What the parser must produce for this comment, where the payload makes it checkable. */
  expect?: {
    /** The author URL must be dropped (a script URL is never a homepage). */
    urlNull?: true;
    avatarNull?: true;
    /** A datetime that is not a date must not become ThreadComment.date. */
    dateNull?: true;
    permalinkNull?: true;
  };
  note: string;
}

/** The call a payload makes; srcdoc documents reach the page through `parent`. */
const pwn = (id: string) => `__pwned('${id}')`;
const parentPwn = (id: string) => `parent.__pwned('${id}')`;
/** The call inside a single-quoted attribute (WordPress prints href='…'). */
const pwnSq = (id: string) => `__pwned(&#39;${id}&#39;)`;
/** HTML-escape for text and double-quoted attribute values. */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** A missing image on the static server: its onerror always fires. */
const BROKEN = '/threadlight-hostile-missing.png';

/** A payload for `slot`; `expect` lists what the parser must drop for it. */
const payload = (slot: PayloadSlot, kind: Payload['kind'], id: string, markup: string, note: string, expect?: Payload['expect']): Payload => ({
  id,
  slot,
  kind,
  markup,
  note,
  ...(expect && { expect }),
});
const content = (id: string, kind: Payload['kind'], markup: string, note: string) => payload('content', kind, id, markup, note);

/** Comment content: live markup the page runs itself, and text that becomes live only if re-parsed as HTML. */
const CONTENT: Payload[] = [
  content('c-script', 'live', `<script>${pwn('c-script')}</script>`, 'inline script'),
  content('c-img-onerror', 'live', `<img src="${BROKEN}" onerror="${pwn('c-img-onerror')}">`, 'event handler on a broken image'),
  content('c-svg-onload', 'live', `<svg onload="${pwn('c-svg-onload')}"><circle r="2"/></svg>`, 'SVG onload'),
  content(
    'c-svg-style-breakout',
    'live',
    `<svg><style><img src="${BROKEN}" onerror="${pwn('c-svg-style-breakout')}"></style></svg>`,
    'SVG <style> is not raw text: the img breaks out of foreign content',
  ),
  content('c-details-ontoggle', 'live', `<details open ontoggle="${pwn('c-details-ontoggle')}"><summary>s</summary>d</details>`, 'ontoggle of an open details'),
  content(
    'c-iframe-srcdoc',
    'live',
    `<iframe srcdoc="${esc(`<script>${parentPwn('c-iframe-srcdoc')}</script>`)}" width="20" height="20"></iframe>`,
    'srcdoc iframe: runs again if the iframe is re-inserted or cloned',
  ),
  content(
    'c-comment-abrupt',
    'live',
    `<!--><img src="${BROKEN}" onerror="${pwn('c-comment-abrupt')}">-->`,
    '"<!-->" closes the comment at once',
  ),
  content(
    'c-comment-bang',
    'live',
    `<!-- x --!><img src="${BROKEN}" onerror="${pwn('c-comment-bang')}"> -->`,
    '"--!>" also closes a comment',
  ),
  content(
    'c-noscript-title',
    'live',
    `<noscript><p title="</noscript><img src=${BROKEN} onerror=${pwn('c-noscript-title')}>"></noscript>`,
    'mXSS: noscript parses differently with scripting on (page) and off (DOMParser, sanitizers)',
  ),
  content(
    'c-math-mglyph-style',
    'inert',
    `<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img src=${BROKEN} onerror=${pwn('c-math-mglyph-style')}&gt;"></mglyph></table></mtext></math>`,
    'mXSS: the DOMPurify 2.0.17 MathML namespace-confusion bypass',
  ),
  content(
    'c-form-math-mxss',
    'inert',
    `<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img src=${BROKEN} onerror=${pwn('c-form-math-mxss')}>"></style></mtext></svg></mglyph></form></mtext></math>`,
    'mXSS: nested forms + MathML/SVG namespace confusion (closed again so the page survives)',
  ),
  content('c-noscript-inert', 'inert', `<noscript><img src="${BROKEN}" onerror="${pwn('c-noscript-inert')}"></noscript>`, 'raw text when scripting is on; an element when re-parsed with scripting off'),
  content('c-template', 'inert', `<template><img src="${BROKEN}" onerror="${pwn('c-template')}"></template>`, 'template content is inert until cloned into the document'),
  content('c-textarea', 'inert', `<textarea><img src="${BROKEN}" onerror="${pwn('c-textarea')}"></textarea>`, 'raw text in textarea'),
  content('c-xmp', 'inert', `<xmp><img src="${BROKEN}" onerror="${pwn('c-xmp')}"></xmp>`, 'raw text in xmp'),
  content('c-noembed', 'inert', `<noembed><img src="${BROKEN}" onerror="${pwn('c-noembed')}"></noembed>`, 'raw text in noembed'),
  content('c-style-raw', 'inert', `<style>/*<img src="${BROKEN}" onerror="${pwn('c-style-raw')}">*/</style>`, 'raw text in style'),
  content('c-html-comment', 'inert', `<!-- <img src="${BROKEN}" onerror="${pwn('c-html-comment')}"> -->`, 'markup inside an HTML comment'),
  content('c-a-javascript', 'inert', `<a href="javascript:${pwn('c-a-javascript')}">a link</a>`, 'javascript: link'),
  content('c-a-javascript-cased', 'inert', `<a href="JaVaScRiPt:${pwn('c-a-javascript-cased')}">cased</a>`, 'mixed-case scheme'),
  content(
    'c-a-javascript-entities',
    'inert',
    `<a href="&#106;&#x61;vascript&colon;${pwn('c-a-javascript-entities')}">entities</a>`,
    'scheme written with character references',
  ),
  content('c-a-javascript-whitespace', 'inert', `<a href=" &#9;java&#10;script&#13;:${pwn('c-a-javascript-whitespace')}">ws</a>`, 'tab/newline inside the scheme'),
  content('c-a-data-html', 'inert', `<a href="data:text/html,${esc(`<script>alert('c-a-data-html')</script>`)}">data</a>`, 'data: HTML link'),
  content('c-a-target', 'inert', `<a href="https://evil.example/" target="_top">top</a>`, 'target=_top (tab-napping); no script'),
  content('c-form-action', 'inert', `<form action="javascript:${pwn('c-form-action')}"><button>go</button></form>`, 'javascript: form action'),
  content(
    'c-button-formaction',
    'inert',
    `<form><button formaction="javascript:${pwn('c-button-formaction')}">go</button></form>`,
    'javascript: formaction',
  ),
  content(
    'c-svg-xlink',
    'inert',
    `<svg width="20" height="20"><a xlink:href="javascript:${pwn('c-svg-xlink')}"><text y="10">x</text></a></svg>`,
    'SVG link with a javascript: xlink:href',
  ),
  content(
    'c-svg-set-href',
    'inert',
    `<svg width="20" height="20"><a><set attributeName="href" to="javascript:${pwn('c-svg-set-href')}"/><text y="10">y</text></a></svg>`,
    'SVG <set> that animates a link into javascript:',
  ),
  content('c-css-expression', 'inert', `<span style="width: expression(${pwn('c-css-expression')})">e</span>`, 'old IE CSS expression'),
  content('c-css-url', 'inert', `<span style="background-image: url('javascript:${pwn('c-css-url')}')">u</span>`, 'javascript: URL in CSS'),
  content('c-object-data', 'inert', `<object data="javascript:${pwn('c-object-data')}" width="1" height="1"></object>`, 'javascript: object data'),
  content(
    'c-entity-img',
    'inert',
    esc(`<img src="${BROKEN}" onerror="${pwn('c-entity-img')}">`),
    'text that is an img tag: live only if text is put back through innerHTML',
  ),
  content(
    'c-entity-iframe',
    'inert',
    esc(`<iframe srcdoc="${esc(`<script>${parentPwn('c-entity-iframe')}</script>`)}"></iframe>`),
    'text that is a srcdoc iframe',
  ),
  content('c-entity-svg', 'inert', esc(`<svg onload="${pwn('c-entity-svg')}"></svg>`), 'text that is an svg onload'),
  content(
    'c-double-encoded',
    'inert',
    esc(esc(`<img src="${BROKEN}" onerror="${pwn('c-double-encoded')}">`)),
    'double-encoded: live only if decoded twice',
  ),
  content('c-template-literal', 'inert', '${' + pwn('c-template-literal') + '}', 'template literal text (eval or Function)'),
];

const name = (id: string, kind: Payload['kind'], markup: string, note: string) => payload('name', kind, id, markup, note);

/** Author names: WordPress escapes them, so a hostile name arrives as text. */
const NAMES: Payload[] = [
  name('n-entity-img', 'inert', esc(`<img src="${BROKEN}" onerror="${pwn('n-entity-img')}">`), 'a name that is an img tag'),
  name('n-entity-iframe', 'inert', esc(`<iframe srcdoc="${esc(`<script>${parentPwn('n-entity-iframe')}</script>`)}">`), 'a name that is a srcdoc iframe'),
  name('n-attr-breakout', 'inert', esc(`"><img src="${BROKEN}" onerror="${pwn('n-attr-breakout')}">`), 'breaks out of a double-quoted attribute'),
  name('n-single-quote-breakout', 'inert', esc(`'><svg onload='${pwn('n-single-quote-breakout')}'>`), 'breaks out of a single-quoted attribute'),
  name('n-style-breakout', 'inert', esc(`</style><img src="${BROKEN}" onerror="${pwn('n-style-breakout')}">`), 'breaks out of a <style> block'),
  name('n-script-breakout', 'inert', esc(`</script><img src="${BROKEN}" onerror="${pwn('n-script-breakout')}">`), 'breaks out of a <script> block'),
  name('n-template-literal', 'inert', '${' + pwn('n-template-literal') + '}', 'template literal'),
  name('n-live-img', 'live', `<img src="${BROKEN}" onerror="${pwn('n-live-img')}">Eve Live`, 'a theme that prints an unescaped name'),
  name('n-bidi-override', 'inert', 'Mallory \u202Etxt.exe\u202C', 'right-to-left override (spoofing, not script)'),
];

const url = (id: string, markup: string, note: string, urlNull = true) =>
  payload('url', 'inert', id, markup, note, urlNull ? { urlNull: true } : undefined);

/** Author website links (the href WordPress prints, which a commenter types freely). */
const URLS: Payload[] = [
  url('u-javascript', `javascript:${pwnSq('u-javascript')}`, 'javascript: homepage'),
  url('u-javascript-cased', `JaVaScRiPt:${pwnSq('u-javascript-cased')}`, 'mixed case'),
  url('u-javascript-space', `   javascript:${pwnSq('u-javascript-space')}`, 'leading spaces (the URL parser strips them)'),
  url('u-javascript-tab', `java&#9;script:${pwnSq('u-javascript-tab')}`, 'a tab inside the scheme (the URL parser removes it)'),
  url('u-javascript-newline', `java&#10;scr&#13;ipt:${pwnSq('u-javascript-newline')}`, 'newlines inside the scheme'),
  url('u-javascript-entities', `&#x6A;&#97;vascript&#x3A;${pwnSq('u-javascript-entities')}`, 'scheme as character references'),
  url('u-javascript-colon-entity', `javascript&colon;${pwnSq('u-javascript-colon-entity')}`, 'named &colon;'),
  url('u-javascript-control', `&#1;javascript:${pwnSq('u-javascript-control')}`, 'a leading C0 control (stripped by the URL parser)'),
  url('u-vbscript', 'vbscript:msgbox("u-vbscript")', 'vbscript: (old IE)'),
  url('u-data-html', `data:text/html;base64,${btoa(`<script>alert('u-data-html')</script>`)}`, 'data: HTML document'),
  url('u-quote-breakout', `https://ok.example/&quot; onmouseover=&quot;${pwnSq('u-quote-breakout')}`, 'a quote inside the URL: safe as a property, breaks out if interpolated', false),
];

const avatar = (id: string, markup: string, note: string, avatarNull = false) =>
  payload('avatar', 'inert', id, markup, note, avatarNull ? { avatarNull: true } : undefined);

/** Avatar images: src, srcset and lazy-loading attributes. The avatar slot replaces the whole attribute list. */
const AVATARS: Payload[] = [
  avatar('a-src-javascript', `src="javascript:${pwn('a-src-javascript')}"`, 'javascript: image', true),
  avatar('a-src-quote-breakout', `src='/x.png&quot; onerror=&quot;${pwnSq('a-src-quote-breakout')}'`, 'a quote in src breaks out if interpolated'),
  avatar(
    'a-srcset-breakout',
    `src="/a.png" srcset='/a.png 1x, /b.png&quot; onerror=&quot;${pwnSq('a-srcset-breakout')} 2x'`,
    'a quote in srcset',
  ),
  avatar(
    'a-data-src-breakout',
    `src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src='/x.png&quot; onerror=&quot;${pwnSq('a-data-src-breakout')}' class="lazyload"`,
    'lazy-load placeholder with a hostile data-src',
  ),
  avatar(
    'a-data-src-javascript',
    `src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="javascript:${pwn('a-data-src-javascript')}" class="lazyload"`,
    'javascript: in data-src',
    true,
  ),
  avatar(
    'a-data-lazy-srcset',
    `src="/a.png" data-lazy-srcset='/c.png&quot;&gt;&lt;img src=x onerror=${pwnSq('a-data-lazy-srcset')}&gt; 2x'`,
    'tag breakout in a lazy srcset',
  ),
  avatar(
    'a-svg-data-url',
    `src="data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" onload="${pwn('a-svg-data-url')}"/>`)}"`,
    'SVG data URL: harmless in <img>, script if used as a document',
  ),
  payload('avatar', 'live', 'a-live-onerror', `src="${BROKEN}" onerror="${pwn('a-live-onerror')}"`, 'the page fires it once; a cloned avatar would fire it again'),
];

const date = (id: string, slot: 'datetime' | 'dateText', markup: string, note: string, dateNull = slot === 'datetime') =>
  payload(slot, 'inert', id, markup, note, dateNull ? { dateNull: true } : undefined);

/** Dates: the machine-readable attribute and the visible text. */
const DATES: Payload[] = [
  date('d-datetime-breakout', 'datetime', `2020-01-01&quot;&gt;&lt;img src=x onerror=${pwn('d-datetime-breakout')}&gt;`, 'tag breakout in datetime'),
  date('d-datetime-javascript', 'datetime', `javascript:${pwn('d-datetime-javascript')}`, 'not a date at all'),
  date(
    'd-datetime-paren-comment',
    'datetime',
    `2020-01-01 (&lt;img src=x onerror=${pwn('d-datetime-paren-comment')}&gt;)`,
    'V8 Date.parse skips "(…)" comments, so a date check by Date.parse lets markup through',
  ),
  date('d-datetime-iso-tail', 'datetime', `2020-01-01T10:00:00+00:00&lt;script&gt;${pwn('d-datetime-iso-tail')}&lt;/script&gt;`, 'a date with markup after it'),
  date('d-text-entity', 'dateText', esc(`<img src="${BROKEN}" onerror="${pwn('d-text-entity')}">`), 'date text that is an img tag'),
  payload('dateText', 'live', 'd-text-live', `<img src="${BROKEN}" onerror="${pwn('d-text-live')}">January 1, 2020`, 'a live image inside <time>'),
];

/** Permalink and reply link. */
const LINKS: Payload[] = [
  payload('permalink', 'inert', 'p-permalink-javascript', `javascript:${pwn('p-permalink-javascript')}`, 'javascript: permalink', { permalinkNull: true }),
  payload(
    'permalink',
    'inert',
    'p-permalink-fragment',
    `javascript:${pwn('p-permalink-fragment')}//#comment-{id}`,
    'a javascript: URL that ends like the permalink ("{id}" = the comment id)',
    { permalinkNull: true },
  ),
  payload(
    'replyTo',
    'inert',
    'r-replyto-breakout',
    esc(`Reply to "><img src="${BROKEN}" onerror="${pwn('r-replyto-breakout')}">`),
    'the reply link repeats the name in data-replyto and aria-label',
  ),
];

/** Every XSS payload, one per comment of the hostile page. */
export const XSS_PAYLOADS: Payload[] = [...CONTENT, ...NAMES, ...URLS, ...AVATARS, ...DATES, ...LINKS];

/** Node/Element properties a form's named inputs shadow (HTMLFormElement overrides built-ins). */
export const FORM_CLOBBERS = [
  'parentNode',
  'parentElement',
  'nodeType',
  'nodeName',
  'tagName',
  'id',
  'className',
  'classList',
  'attributes',
  'children',
  'firstElementChild',
  'lastElementChild',
  'previousElementSibling',
  'nextElementSibling',
  'textContent',
  'contains',
  'closest',
  'matches',
  'getAttribute',
  'hasAttribute',
  'querySelector',
  'querySelectorAll',
];

/**
 * DOM clobbering inside comment content: names and ids that shadow document/form properties or duplicate
 * the ids the parser and comment-reply.js look up. They go on their own page, since they may break any script.
 */
export const CLOBBERING_PAYLOADS: Payload[] = [
  content('k-get-element-by-id', 'inert', '<img name="getElementById" src="data:,">', 'document.getElementById becomes an img'),
  content('k-query-selector', 'inert', '<img name="querySelector" src="data:,"><img name="querySelectorAll" src="data:,">', 'document.querySelector(All) clobbered'),
  content('k-create-element', 'inert', '<img name="createElement" src="data:,"><form name="createTreeWalker"></form>', 'document.createElement/createTreeWalker clobbered'),
  content('k-document-props', 'inert', '<img name="defaultView" src="data:,"><img name="documentElement" src="data:,"><form name="location"></form>', 'document.defaultView / documentElement clobbered'),
  content(
    'k-form-props',
    'inert',
    `<form id="k-form">${FORM_CLOBBERS.map((prop) => `<input name="${prop}">`).join('')}</form>`,
    'a form whose inputs shadow the Node/Element API',
  ),
  content('k-id-respond', 'inert', '<div id="respond" class="comment-respond">fake respond</div>', 'a second #respond before the real form'),
  content('k-id-comments', 'inert', '<p id="comments" class="comments-area">fake comments area</p>', 'a second #comments'),
  content('k-id-comment-list', 'inert', '<ol class="comment-list"><li>not a comment</li></ol>', 'a list that looks like the comment list'),
  content(
    'k-fake-comment',
    'inert',
    '<ol class="children"><li id="comment-990001" class="comment depth-2"><article id="div-comment-990001" class="comment-body"><b class="fn">Spoof</b><div class="comment-content">I am not a comment</div></article></li></ol>',
    'a comment spoofed inside another comment\'s content',
  ),
  content('k-duplicate-comment-id', 'inert', '<span id="comment-900001">dup</span><span id="div-comment-900001">dup</span>', 'ids of a real comment, repeated in content'),
  content('k-globals', 'inert', '<a id="browser" name="chrome"></a><img name="threadlight" src="data:,"><form id="__pwned"></form>', 'ids named like extension globals'),
  content(
    'k-threadlight-attrs',
    'inert',
    '<div data-threadlight="enhanced" data-threadlight-comment="900001" class="threadlight-toolbar">fake view state</div><span data-threadlight-ui="toggle">the page\'s own span</span>',
    'our own attributes, pre-set by the page (turning off must leave them)',
  ),
];
