/**
 * Broken and adversarial comment markup: what real pages, broken themes and hostile pages serve.
 * Each builder returns a whole page; the tests only ask for a best-effort thread that keeps the invariants.
 */
import { type CommentSpec, renderComments, renderPage } from './wp-markup';

/** A lean comment item (li > fn + content, replies in ol.children): big pages stay small enough for jsdom. */
export function leanItem(id: string | number, depth: number, children = ''): string {
  const kids = children ? `<ol class="children">${children}</ol>` : '';
  return `<li id="comment-${id}" class="comment even depth-${depth}"><b class="fn">Person ${Number(id) % 97}</b><div class="comment-content">Comment ${id}</div>${kids}</li>`;
}

const page = (title: string, listHtml: string) => renderPage({ title, listHtml });

/** Items and inline tags left open: the HTML parser nests what follows wherever it can. */
export function unclosedTags(): string {
  return page(
    'Unclosed tags',
    `<li id="comment-1" class="comment even depth-1 parent"><article id="div-comment-1" class="comment-body">
<div class="comment-author vcard"><b class="fn">Ann <i>never closed</div>
<div class="comment-content"><p><b>bold <i>italic <div>a block <span>and a span
<ol class="children"><li id="comment-2" class="comment odd depth-2"><article id="div-comment-2" class="comment-body"><b class="fn">Bob</b>
<div class="comment-content"><p>no end tags at all
<li id="comment-3" class="comment even depth-1"><article id="div-comment-3" class="comment-body"><b class="fn">Cy
<div class="comment-content"><table><tr><td>a cell <li id="comment-4" class="comment odd depth-2"><b class="fn">Dee</b><div class="comment-content">inside a table cell`,
  );
}

/** Two items with the same id, and a content span repeating a comment's id. */
export function duplicateIds(): string {
  return page(
    'Duplicate ids',
    renderComments([
      { id: 5, depth: 1, nameHtml: 'First Five', children: [{ id: 6, depth: 2 }] },
      { id: 5, depth: 1, nameHtml: 'Second Five', children: [{ id: 7, depth: 2 }] },
      { id: 8, depth: 1, contentHtml: '<p><span id="comment-6">I repeat an id</span> <span id="div-comment-8">and mine</span></p>' },
      { id: 9, depth: 1, children: [{ id: 9, depth: 2, nameHtml: 'Nine again' }] },
    ]),
  );
}

/** A comment nested inside an item with its own id: it claims to be its own parent. */
export function ownParent(): string {
  return page(
    'Own parent',
    renderComments([
      {
        id: 7,
        depth: 1,
        children: [{ id: 7, depth: 2, nameHtml: 'Me again', children: [{ id: 11, depth: 3, nameHtml: 'Grandchild' }] }],
      },
      { id: 12, depth: 1 },
    ]),
  );
}

/** Depth classes that contradict the nesting (a depth-3 item holding a depth-1 item holding a depth-2 one). */
export function contradictoryDepths(): string {
  const specs: CommentSpec[] = [
    {
      id: 21,
      depth: 1,
      depthClass: 3,
      children: [{ id: 22, depth: 2, depthClass: 1, children: [{ id: 23, depth: 3, depthClass: 2 }] }],
    },
    { id: 24, depth: 1, depthClass: 2 },
    { id: 25, depth: 1, depthClass: 1, children: [{ id: 26, depth: 2, depthClass: 1 }] },
    { id: 27, depth: 1, depthClass: 5 },
  ];
  return page('Contradictory depths', renderComments(specs));
}

/** Flat items (style=div output, or a flattening theme) whose depth classes form an impossible tree. */
export function flatDepthCycle(): string {
  const items = [
    [31, 2],
    [32, 1],
    [33, 3],
    [34, 2],
    [35, 1],
    [36, 3],
    [37, 3],
    [38, 1],
  ]
    .map(([id, depth]) => `<div id="comment-${id}" class="comment even depth-${depth}"><b class="fn">F${id}</b><div class="comment-content">flat ${id}</div><div class="reply"><a class="comment-reply-link" data-commentid="${id}" href="#">Reply</a></div></div>`)
    .join('\n');
  return page('Flat depth cycle', items);
}

/** Replies whose parents are not on the page (a later comment page, a deleted parent). */
export function missingParents(): string {
  return page(
    'Missing parents',
    renderComments([
      { id: 41, depth: 2, nameHtml: 'Orphan at depth 2' },
      { id: 42, depth: 3, nameHtml: 'Orphan at depth 3', children: [{ id: 43, depth: 4 }] },
      { id: 44, depth: 1 },
      { id: 45, depth: 1 },
    ]),
  );
}

/** A depth-1 comment whose direct reply says depth-4, and flat siblings that jump from 1 to 4. */
export function depthJumps(): string {
  const nested = renderComments([{ id: 51, depth: 1, children: [{ id: 52, depth: 2, depthClass: 4, children: [{ id: 53, depth: 3, depthClass: 9 }] }] }]);
  const flat = `<li id="comment-54" class="comment even depth-1"><article id="div-comment-54" class="comment-body"><b class="fn">Flat one</b><div class="comment-content">1</div></article></li>
<li id="comment-55" class="comment odd depth-4"><article id="div-comment-55" class="comment-body"><b class="fn">Flat four</b><div class="comment-content">4</div></article></li>
<li id="comment-56" class="comment even depth-2"><article id="div-comment-56" class="comment-body"><b class="fn">Flat two</b><div class="comment-content">2</div></article></li>`;
  return page('Depth jumps', `${nested}\n${flat}`);
}

/** `count` comments: threads of 10 (a root, replies down to depth 4). */
export function manyComments(count: number): string {
  const threads: string[] = [];
  for (let root = 1; root <= count; root += 10) {
    const ids = Array.from({ length: Math.min(10, count - root + 1) }, (_, i) => root + i);
    // root > a > b > c, then the rest as direct replies to the root
    const [r, a, b, c, ...rest] = ids;
    const chain = a === undefined ? '' : leanItem(a, 2, b === undefined ? '' : leanItem(b, 3, c === undefined ? '' : leanItem(c, 4)));
    threads.push(leanItem(r!, 1, chain + rest.map((id) => leanItem(id, 2)).join('')));
  }
  return page(`${count} comments`, threads.join('\n'));
}

/** One thread nested `levels` deep (ids 1..levels, each the reply of the previous). */
export function deepNesting(levels: number): string {
  let html = '';
  for (let depth = levels; depth >= 1; depth--) html = leanItem(depth, depth, html);
  return page(`Depth ${levels}`, html);
}

/** Names that are empty, blank, missing, an empty link, or only markup. */
export function emptyNames(): string {
  return page(
    'Empty names',
    `${renderComments([
      { id: 61, depth: 1, nameHtml: '' },
      { id: 62, depth: 1, nameHtml: '   \n\t ' },
      { id: 63, depth: 1, nameHtml: '', url: 'https://empty-link.example/' },
      { id: 64, depth: 1, nameHtml: '<img src="data:," alt="">' },
    ])}
<li id="comment-65" class="comment even depth-1"><article id="div-comment-65" class="comment-body"><div class="comment-content"><p>No author block at all.</p></div></article></li>`,
  );
}

/** A 10 KB name, a 10 KB URL, a 1 MB comment. */
export function hugeValues(): string {
  const name = 'Ω'.repeat(2_000) + 'x'.repeat(8_240);
  return page(
    'Huge values',
    renderComments([
      { id: 71, depth: 1, nameHtml: name, url: `https://huge.example/${'a'.repeat(10_240)}` },
      { id: 72, depth: 1, contentHtml: `<p>${'lorem ipsum '.repeat(90_000)}</p>` },
      { id: 73, depth: 1, nameHtml: 'Normal' },
    ]),
  );
}

/** A section with pingbacks and trackbacks only. */
export function onlyPingbacks(): string {
  const specs: CommentSpec[] = Array.from({ length: 20 }, (_, i) => ({
    id: 81 + i,
    depth: 1,
    type: i % 5 === 4 ? 'trackback' : 'pingback',
    nameHtml: `Linking post ${i} &raquo; Blog`,
    url: `https://linking${i}.example/post/`,
  }));
  return page('Only pingbacks', renderComments(specs));
}

/** Items with no id, odd ids, and non-items in the list (text, scripts, templates, bare li). */
export function oddItems(): string {
  return page(
    'Odd items',
    `text directly in the list
<script>/* a script in the list */</script>
<li>a bare li, not a comment</li>
<template><li id="comment-91" class="comment depth-1"><b class="fn">Templated</b></li></template>
<li class="comment even depth-1"><article class="comment-body"><b class="fn">No id one</b><div class="comment-content">same text</div></article></li>
<li class="comment odd depth-1"><article class="comment-body"><b class="fn">No id one</b><div class="comment-content">same text</div></article></li>
<li id="comment-0" class="comment even depth-1"><article class="comment-body"><b class="fn">Zero</b><div class="comment-content">0</div></article></li>
<li id="comment-99999999999999999999999" class="comment even depth-1"><article class="comment-body"><b class="fn">Huge id</b><div class="comment-content">big</div></article></li>
<li id="comment-abc" class="comment even depth-1"><article class="comment-body"><b class="fn">Letters</b><div class="comment-content">abc</div></article></li>
<li id="comment-" class="comment even depth-1"><article class="comment-body"><b class="fn">Empty id</b><div class="comment-content">empty</div></article></li>`,
  );
}

/** A comment list with no comment in it (and the form). */
export function emptyList(): string {
  return page('Empty list', '');
}

/** One wpDiscuz 7 item: the id declares the parent (`wpd-comm-N_P`); `replies` are nested after the wrap. */
function wpdItem(id: number, parent: number, level: number, replies = ''): string {
  return `<div id="wpd-comm-${id}_${parent}" class="comment even depth-${level} wpd-comment wpd_comment_level-${level}">
<div class="wpd-comment-wrap wpd-blog-guest"><div class="wpd-comment-left"><div class="wpd-avatar"><img class="avatar" src="data:," alt=""></div></div>
<div id="comment-${id}" class="wpd-comment-right"><div class="wpd-comment-header"><div class="wpd-comment-author">Discuz ${id}</div><div class="wpd-comment-date">1 year ago</div></div>
<div class="wpd-comment-text"><p>wpDiscuz comment ${id}</p></div><div class="wpd-comment-footer"><div class="wpd-reply-button">Reply</div></div></div></div>
${replies}</div>`;
}

/**
 * wpDiscuz ids that lie about the parent: its own id (5_5), a cycle (6_7 and 7_6), a parent that is not on the
 * page (8_999), a parent that comes later (9_10), a nested reply that declares another parent (12_6).
 */
export function wpdiscuzLyingParents(): string {
  const thread = [
    wpdItem(5, 5, 1),
    wpdItem(6, 7, 1),
    wpdItem(7, 6, 2),
    wpdItem(8, 999, 2),
    wpdItem(9, 10, 2),
    wpdItem(10, 0, 1, wpdItem(11, 10, 2) + wpdItem(12, 6, 2)),
  ].join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>wpDiscuz lies</title></head><body>
<div class="wpdiscuz_top_clearing"></div>
<div id="comments" class="comments-area"><div id="respond" style="width: 0;height: 0;clear: both;margin: 0;padding: 0;"></div>
<div id="wpdcom" class="wpdiscuz_unauth wpd-default wpd-layout-2 wpd-comments-open">
<div class="wpd-form-wrap"><form class="wpd_comm_form wpd_main_comm_form" method="post"></form></div>
<div class="wpd-thread-wrapper"><div class="wpd-thread-list" id="wpd-threads">
${thread}
</div></div></div></div></body></html>`;
}
