import { describe, expect, it } from 'vitest';
import { detectCommentSections } from '@/utils/detect/detect-comment-sections';
import { parseSection } from '@/utils/parse/parse-section';
import type { ParsedSection } from '@/utils/parse/types';
import {
  COMMENT_FORM,
  blockItem,
  commentsArea,
  divStyleItem,
  documentFrom,
  html5Item,
  parseOne,
  sectionsOf,
  xhtmlItem,
} from './markup';

/** id, parent and depth of every comment, in page order. */
const shape = (parsed: ParsedSection) => parsed.thread.comments.map((c) => [c.id, c.parentId, c.depth]);
const authors = (parsed: ParsedSection) => parsed.thread.comments.map((c) => c.author.name);
const byId = (parsed: ParsedSection, id: string) => parsed.thread.comments.find((c) => c.id === id)!;

describe('parseSection: core html5 walker', () => {
  const thread = html5Item({
    id: 12,
    depth: 1,
    author: 'Alice',
    url: 'https://alice.example',
    text: 'Parent words',
    children:
      html5Item({ id: 13, depth: 2, author: 'Bob', classes: 'byuser comment-author-bob bypostauthor', text: 'Reply words' }) +
      html5Item({ id: 14, depth: 2, author: 'Carl', children: html5Item({ id: 15, depth: 3, author: 'Dana' }) }),
  });
  const parsed = parseOne(commentsArea(thread));

  it('reads ids, parents from nesting, and depth, in page order', () => {
    expect(shape(parsed)).toEqual([
      ['12', null, 1],
      ['13', '12', 2],
      ['14', '12', 2],
      ['15', '14', 3],
    ]);
  });

  it('reads each comment from its own body only (a parent never takes a reply’s author or text)', () => {
    expect(authors(parsed)).toEqual(['Alice', 'Bob', 'Carl', 'Dana']);
    expect(byId(parsed, '12').text).toBe('Parent words');
    expect(byId(parsed, '13').text).toBe('Reply words');
  });

  it('fills author URL, avatar, ISO date, date text and permalink', () => {
    const alice = byId(parsed, '12');
    expect(alice.author.url).toBe('https://alice.example/');
    expect(alice.author.avatar).toBe('https://secure.gravatar.com/avatar/12?s=32');
    expect(alice.date).toBe('2023-01-04T10:12:00+00:00');
    expect(alice.dateText).toBe('January 4, 2023 at 10:12 am');
    expect(alice.permalink).toBe('https://blog.example/my-post/#comment-12');
    expect(byId(parsed, '13').author.url).toBeNull();
  });

  it('flags the post author from bypostauthor and reports it as the thread’s post author', () => {
    expect(parsed.thread.comments.map((c) => c.isPostAuthor)).toEqual([false, true, false, false]);
    expect(parsed.thread.postAuthor).toEqual({ name: 'Bob', url: null, source: 'bypostauthor' });
  });

  it('maps each id to the outermost item element and to the body holding only its own content', () => {
    expect(parsed.parts.get('12')!.element.id).toBe('comment-12');
    expect(parsed.parts.get('12')!.body.id).toBe('div-comment-12');
    expect(parsed.parts.get('14')!.body.contains(parsed.parts.get('15')!.element)).toBe(false);
  });

  it('sees the form: comments open, no pagination', () => {
    expect(parsed.thread.commentsOpen).toBe(true);
    expect(parsed.thread.pagination).toBeNull();
    expect(parsed.thread.dialect).toBe('wordpress');
  });
});

describe('parseSection: other core formats', () => {
  it('xhtml format: cite.fn, date from the permalink text, text without meta blocks', () => {
    const parsed = parseOne(commentsArea(xhtmlItem({ id: 3, depth: 1, author: 'Émile', text: 'Bonjour', children: xhtmlItem({ id: 4, depth: 2, author: 'Zoë' }) }), { listTag: 'ul' }));
    expect(shape(parsed)).toEqual([
      ['3', null, 1],
      ['4', '3', 2],
    ]);
    const first = byId(parsed, '3');
    expect(first.author.name).toBe('Émile');
    expect(first.date).toBeNull();
    expect(first.dateText).toBe('January 5, 2023 at 10:12 am');
    expect(first.text).toBe('Bonjour');
  });

  it('style=div: replies are direct div children of their parent item', () => {
    const list = divStyleItem({ id: 7, depth: 1, author: 'Ann', text: 'Top', children: divStyleItem({ id: 8, depth: 2, author: 'Ben', text: 'Under' }) });
    const parsed = parseOne(`<div id="comments" class="comments-area"><div class="comment-list">${list}</div>${COMMENT_FORM}</div>`);
    expect(shape(parsed)).toEqual([
      ['7', null, 1],
      ['8', '7', 2],
    ]);
    expect(authors(parsed)).toEqual(['Ann', 'Ben']);
    expect(byId(parsed, '7').text).toBe('Top');
  });

  it('block theme: bare <ol> children, author name block, <a> inside <time>', () => {
    const list = blockItem({ id: 20, depth: 1, author: 'Ann', url: 'https://ann.example/', children: blockItem({ id: 21, depth: 2, author: 'Ben' }) });
    const parsed = parseOne(`<div class="wp-block-comments"><ol class="wp-block-comment-template">${list}</ol>${COMMENT_FORM}</div>`);
    expect(shape(parsed)).toEqual([
      ['20', null, 1],
      ['21', '20', 2],
    ]);
    expect(byId(parsed, '20').author).toMatchObject({ name: 'Ann', url: 'https://ann.example/' });
    expect(byId(parsed, '20').date).toBe('2023-02-03T09:00:00+00:00');
    expect(parsed.parts.get('20')!.body.classList.contains('wp-block-columns')).toBe(true);
  });

  it('li-comment themes: the outer li#li-comment-N is the item, the inner #comment-N its body', () => {
    const item = (id: number, depth: number, author: string, children = '') =>
      `<li class="comment even depth-${depth}" id="li-comment-${id}"><div id="comment-${id}"><div class="comment-author vcard"><cite class="fn">${author}</cite></div><div class="comment-body"><p>t${id}</p></div></div>${children ? `<ul class="children">${children}</ul>` : ''}</li>`;
    const parsed = parseOne(commentsArea(item(1, 1, 'Ann', item(2, 2, 'Ben'))));
    expect(shape(parsed)).toEqual([
      ['1', null, 1],
      ['2', '1', 2],
    ]);
    expect(parsed.parts.get('1')!.element.id).toBe('li-comment-1');
    expect(parsed.parts.get('1')!.body.id).toBe('comment-1');
  });

  it('comment_class on an inner element (OceanWP), pingbacks with a duplicated comment-N id', () => {
    const item = (id: number, depth: number, author: string, extra = '', children = '') =>
      `<li id="comment-${id}" class="comment-container"><article class="comment ${extra} depth-${depth} comment-body"><img class="avatar" data-src="https://i.example/${id}.png" src="data:image/gif;base64,R0lGOD"><div class="comment-content"><div class="comment-author"><span class="comment-link">${author}</span><span class="comment-meta commentmetadata"><span class="comment-date">5 Mar 2023</span></span></div><div class="comment-entry"><div class="comment-content"><p>t${id}</p></div></div></div></article>${children ? `<ol class="children">${children}</ol>` : ''}</li>`;
    const ping = `<li class="pingback even depth-1" id="comment-9"><article id="comment-9" class="comment-container"><p>Pingback: <span><a href="https://other.example/post/" class="url" rel="external nofollow ugc">Other blog</a></span></p></article></li>`;
    const parsed = parseOne(commentsArea(item(1, 1, 'Ann', 'bypostauthor', item(2, 2, 'Ben')) + ping));
    expect(shape(parsed)).toEqual([
      ['1', null, 1],
      ['2', '1', 2],
      ['9', null, 1],
    ]);
    expect(parsed.thread.comments.map((c) => [c.author.name, c.type, c.isPostAuthor])).toEqual([
      ['Ann', 'comment', true],
      ['Ben', 'comment', false],
      ['Other blog', 'pingback', false],
    ]);
    expect(byId(parsed, '1').author.avatar).toBe('https://i.example/1.png');
    expect(byId(parsed, '1').text).toBe('t1');
  });
});

describe('parseSection: structure edge cases', () => {
  it('replies past the maximum depth, printed as siblings, take the markup parent (the depth-N stack)', () => {
    // thread_comments_depth = 2: 3 answers 2 but is printed after it, as a sibling, with depth-2.
    const list = html5Item({ id: 1, depth: 1, author: 'A', children: html5Item({ id: 2, depth: 2, author: 'B' }) + html5Item({ id: 3, depth: 2, author: 'C' }) });
    expect(shape(parseOne(commentsArea(list)))).toEqual([
      ['1', null, 1],
      ['2', '1', 2],
      ['3', '1', 2],
    ]);
  });

  it('reply lists printed after their parent instead of inside it: parents from the depth-N stack', () => {
    const list =
      html5Item({ id: 1, depth: 1, author: 'A' }) +
      `<ul class="children">${html5Item({ id: 2, depth: 2, author: 'B' })}<ul class="children">${html5Item({ id: 3, depth: 3, author: 'C' })}</ul>${html5Item({ id: 4, depth: 2, author: 'D' })}</ul>` +
      html5Item({ id: 5, depth: 1, author: 'E' });
    expect(shape(parseOne(commentsArea(list)))).toEqual([
      ['1', null, 1],
      ['2', '1', 2],
      ['3', '2', 3],
      ['4', '1', 2],
      ['5', null, 1],
    ]);
  });

  it('threading off: a flat list of depth-1 comments without reply links', () => {
    const list = [1, 2, 3].map((id) => html5Item({ id, depth: 1, author: `P${id}` }).replace(/<div class="reply">[\s\S]*?<\/div>/, '')).join('');
    expect(shape(parseOne(commentsArea(list)))).toEqual([
      ['1', null, 1],
      ['2', null, 1],
      ['3', null, 1],
    ]);
  });

  it('short pings: type from the class (trackbacks too), the title as author, even without a link', () => {
    const ping = (id: number, type: string, inner: string) => `<li id="comment-${id}" class="${type} even depth-1"><div class="comment-body">${inner}</div></li>`;
    const parsed = parseOne(
      commentsArea(
        ping(30, 'pingback', `Pingback: <a href='https://x.example/p/' rel='external nofollow ugc' class='url'>X &raquo; Post</a>`) +
          ping(31, 'trackback', 'Ping&nbsp;: Lettre ouverte à mes amis') +
          html5Item({ id: 32, depth: 1, author: 'Real' }),
      ),
    );
    expect(parsed.thread.comments.map((c) => [c.type, c.author.name, c.author.url])).toEqual([
      ['pingback', 'X » Post', 'https://x.example/p/'],
      ['trackback', 'Lettre ouverte à mes amis', null],
      ['comment', 'Real', null],
    ]);
  });

  it('pings without id nor depth (twentyeleven li.post.pingback) get a synthesized id, stable across parses', () => {
    const page = commentsArea(
      html5Item({ id: 1, depth: 1, author: 'A' }) +
        `<li class="post pingback"><p>Pingback: <a href="https://y.example/" class="url">Y blog</a></p></li>`,
    );
    const first = parseOne(page).thread.comments[1]!;
    const again = parseOne(page).thread.comments[1]!;
    expect(first.id).toMatch(/^ping-[0-9a-z]+$/);
    expect(first.id).toBe(again.id);
    expect(first).toMatchObject({ type: 'pingback', parentId: null, depth: 1, author: { name: 'Y blog' } });
  });

  it('a separate ping list without any class (Divi ol.pinglist) holds pingbacks', () => {
    const page = commentsArea(html5Item({ id: 1, depth: 1, author: 'A' })) + `<div id="trackbacks"><ol class="pinglist"><li id="comment-50"><a href="https://z.example/" class="url">Z site</a> - excerpt</li></ol></div>`;
    const doc = documentFrom(page);
    const detection = detectCommentSections(doc);
    if (detection.status !== 'found') throw new Error('not found');
    const comments = detection.sections.flatMap((section) => parseSection(section).thread.comments);
    expect(comments.map((c) => [c.id, c.type, c.author.name])).toEqual([
      ['1', 'comment', 'A'],
      ['50', 'pingback', 'Z site'],
    ]);
  });

  it('the viewer’s pending comment: moderation note, plain-text author', () => {
    const parsed = parseOne(commentsArea(html5Item({ id: 1, depth: 1, author: 'A' }) + html5Item({ id: 2, depth: 1, author: 'Me', pending: true })));
    expect(parsed.thread.comments.map((c) => c.pending)).toEqual([false, true]);
    expect(byId(parsed, '2').text).toBe('Text of 2');
  });

  it('an author URL of exactly "http://" (themes that skip core’s check) counts as no URL', () => {
    const parsed = parseOne(commentsArea(html5Item({ id: 1, depth: 1, author: 'Viewer', url: 'http://' })));
    expect(byId(parsed, '1').author).toMatchObject({ name: 'Viewer', url: null });
  });

  it('lazy avatars: data-lazy-src over a placeholder src, else the first srcset candidate', () => {
    const lazy = html5Item({ id: 1, depth: 1, author: 'A' }).replace(
      /<img[^>]*>/,
      `<img class="avatar lazyload" src="data:image/svg+xml,%3Csvg%3E" data-lazy-src="https://cdn.example/a.jpg">`,
    );
    const srcsetOnly = html5Item({ id: 2, depth: 1, author: 'B' }).replace(/<img[^>]*>/, `<img class="avatar" data-srcset="https://cdn.example/b-2x.jpg 2x">`);
    const parsed = parseOne(commentsArea(lazy + srcsetOnly));
    expect(parsed.thread.comments.map((c) => c.author.avatar)).toEqual(['https://cdn.example/a.jpg', 'https://cdn.example/b-2x.jpg']);
  });

  it('a name badge after a line break is not part of the name', () => {
    const badge = html5Item({ id: 1, depth: 1, author: 'A' }).replace('<b class="fn">A</b>', '<cite class="fn">Martina<br><span class="badge">Author</span></cite>');
    expect(authors(parseOne(commentsArea(badge)))).toEqual(['Martina']);
  });
});

describe('parseSection: comments open or closed', () => {
  const one = html5Item({ id: 1, depth: 1, author: 'A' });

  it('closed: no form and a no-comments note', () => {
    const parsed = parseOne(commentsArea(one, { form: false, extra: '<p class="no-comments">Comments are closed.</p>' }));
    expect(parsed.thread.commentsOpen).toBe(false);
  });

  it('login wall: #respond without a form', () => {
    const wall = `<div id="respond" class="comment-respond"><h3 id="reply-title">Leave a Reply</h3><p class="must-log-in">You must be <a href="/wp-login.php">logged in</a> to post a comment.</p></div>`;
    expect(parseOne(commentsArea(one, { form: false, extra: wall })).thread.commentsOpen).toBe(false);
  });

  it('a form outside the section root (twentytwenty puts #respond after #comments)', () => {
    const parsed = parseOne(`<div id="comments" class="comments">${`<div class="comments-inner">${one}</div>`}</div>${COMMENT_FORM}`);
    expect(parsed.thread.commentsOpen).toBe(true);
  });
});

describe('parseSection: pagination', () => {
  const one = html5Item({ id: 1, depth: 1, author: 'A' });
  const post = 'https://blog.example/my-post/';

  it('numbered pagination (the_comments_pagination): current page, total, previous/next, every page link', () => {
    const nav = `<nav class="navigation comments-pagination" aria-label="Comments"><div class="nav-links"><a class="prev page-numbers" href="${post}comment-page-1/#comments">Older</a><a class="page-numbers" href="${post}comment-page-1/#comments">1</a><span aria-current="page" class="page-numbers current">2</span><a class="page-numbers" href="${post}comment-page-3/#comments">3</a><a class="next page-numbers" href="${post}comment-page-3/#comments">Newer</a></div></nav>`;
    expect(parseOne(commentsArea(one, { extra: nav })).thread.pagination).toEqual({
      current: 2,
      total: 3,
      previousUrl: `${post}comment-page-1/#comments`,
      nextUrl: `${post}comment-page-3/#comments`,
      pageUrls: [`${post}comment-page-1/#comments`, `${post}comment-page-3/#comments`],
    });
  });

  it('theme-compat arrows on the first page, the newest page without a page segment', () => {
    const nav = `<div class="navigation"><div class="alignleft"></div><div class="alignright"><a href="${post}#comments">Newer Comments &raquo;</a></div></div>`;
    expect(parseOne(commentsArea(one, { extra: nav })).thread.pagination).toEqual({
      current: 1,
      total: 2,
      previousUrl: null,
      nextUrl: `${post}#comments`,
      pageUrls: [`${post}#comments`],
    });
  });

  it('arrow navigation on the last page (cpage query, plain permalinks)', () => {
    const nav = `<nav class="navigation comment-navigation"><div class="nav-links"><div class="nav-previous"><a href="https://blog.example/?p=5&amp;cpage=3#comments">Older comments</a></div></div></nav>`;
    expect(parseOne(commentsArea(one, { extra: nav })).thread.pagination).toMatchObject({ current: 4, total: 4, previousUrl: 'https://blog.example/?p=5&cpage=3#comments', nextUrl: null });
  });

  it('ignores the comments’ own permalinks (which carry comment-page-N) and post navigation', () => {
    const paged = one.replace(`${post}#comment-1`, `${post}comment-page-2/#comment-1`);
    const postNav = `<nav class="navigation post-navigation"><div class="nav-links"><a href="https://blog.example/next-post/" rel="next">Next post</a></div></nav>`;
    expect(parseOne(commentsArea(paged, { extra: postNav })).thread.pagination).toBeNull();
  });
});

describe('parseSection: post author without comment classes (byline fallback)', () => {
  const classless = (name: string, id: number) => `<li id="comment-${id}"><h4 class="name">${name}</h4><p>Words ${id}</p></li>`;
  const page = (head: string, list: string) => ({ head, body: `<article><h1>Post</h1></article><div id="comments"><ul>${list}</ul></div>${COMMENT_FORM}` });

  it('matches the byline (meta author) to commenter names, case- and space-insensitively', () => {
    const { head, body } = page('<meta name="author" content="Jean  Dupont">', classless('Reader', 1) + classless('jean dupont', 2));
    const parsed = parseOne(body, head);
    expect(parsed.thread.comments.map((c) => c.isPostAuthor)).toEqual([false, true]);
    expect(parsed.thread.postAuthor).toEqual({ name: 'Jean  Dupont'.replace(/\s+/g, ' '), url: null, source: 'byline' });
  });

  it('reads the author of the JSON-LD article', () => {
    const ld = `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"BlogPosting","author":{"@type":"Person","name":"Lou Martin"}}]}</script>`;
    const { head, body } = page(ld, classless('Lou Martin', 1));
    expect(parseOne(body, head).thread.postAuthor).toMatchObject({ name: 'Lou Martin', source: 'byline' });
  });

  it('never uses the byline when the items carry WordPress comment classes', () => {
    const parsed = parseOne(commentsArea(html5Item({ id: 1, depth: 1, author: 'Jean Dupont' })), '<meta name="author" content="Jean Dupont">');
    expect(parsed.thread.comments[0]!.isPostAuthor).toBe(false);
    expect(parsed.thread.postAuthor).toBeNull();
  });
});

describe('parseSection: wpDiscuz', () => {
  const item = (id: number, parent: number, depth: number, author: string, wrap: string, children = '', extra = '') =>
    `<div id="wpd-comm-${id}_${parent}" class="comment even depth-${depth} wpd-comment ${parent ? 'wpd-reply' : ''} wpd_comment_level-${depth} ${extra}">
      <div class="wpd-comment-wrap ${wrap}"><div class="wpd-comment-left"><div class="wpd-avatar"><img src="https://g.example/${id}" class="avatar avatar-64 photo"></div></div>
        <div id="comment-${id}" class="wpd-comment-right"><div class="wpd-comment-header"><div class="wpd-comment-author"><a href="https://${author.toLowerCase()}.example" rel="ugc">${author}</a></div><div class="wpd-comment-date" title="12.03.2023 10:00">2 years ago</div></div>
        <div class="wpd-comment-text"><p>Text ${id}</p></div><div class="wpd-comment-footer"><div class="wpd-reply-button">Reply</div></div></div></div>
      <div id="wpdiscuz_form_anchor-${id}_${parent}"></div>${children}</div>`;
  const thread =
    item(5, 0, 1, 'Ann', 'wpd-blog-guest', item(6, 5, 2, 'Bob', 'wpd-blog-user wpd-blog-post_author', item(8, 6, 3, 'Cy', 'wpd-blog-guest', '', 'wpd-unapproved-comment'))) +
    item(7, 0, 1, 'Dee', 'wpd-blog-guest');
  const parsed = parseOne(`<div id="comments" class="comments-area"><div id="wpdcom" class="wpd-default"><div id="wpd-threads" class="wpd-thread-wrapper"><div class="wpd-thread-list">${thread}</div></div></div></div>`);

  it('reads ids and parents from wpd-comm-N_P, depth from the level class', () => {
    expect(parsed.thread.dialect).toBe('wpdiscuz');
    expect(shape(parsed)).toEqual([
      ['5', null, 1],
      ['6', '5', 2],
      ['8', '6', 3],
      ['7', null, 1],
    ]);
  });

  it('reads authors, the post author class, pending comments and date text', () => {
    expect(authors(parsed)).toEqual(['Ann', 'Bob', 'Cy', 'Dee']);
    expect(parsed.thread.comments.map((c) => c.isPostAuthor)).toEqual([false, true, false, false]);
    expect(parsed.thread.comments.map((c) => c.pending)).toEqual([false, false, true, false]);
    expect(byId(parsed, '5').dateText).toBe('12.03.2023 10:00');
    expect(byId(parsed, '5').text).toBe('Text 5');
  });

  it('maps the outer wpd-comm element and the .wpd-comment-wrap body', () => {
    expect(parsed.parts.get('6')!.element.id).toBe('wpd-comm-6_5');
    expect(parsed.parts.get('6')!.body.classList.contains('wpd-comment-wrap')).toBe(true);
  });
});

describe('parseSection: depth', () => {
  it('reads a 400-deep thread comment by comment (each from its own body, not from its replies)', () => {
    let nested = '';
    for (let depth = 400; depth >= 1; depth--) nested = html5Item({ id: depth, depth, author: `A${depth}`, children: nested || undefined });
    const parsed = parseOne(commentsArea(nested));
    expect(parsed.thread.comments).toHaveLength(400);
    expect(parsed.thread.comments.every((c, i) => c.author.name === `A${i + 1}` && c.depth === i + 1 && c.text === `Text of ${i + 1}`)).toBe(true);
    expect(parsed.thread.comments[399]).toMatchObject({ id: '400', parentId: '399' });
  });

  it('returns the sections of a page one by one', () => {
    expect(sectionsOf(commentsArea(html5Item({ id: 1, depth: 1, author: 'A' })))).toHaveLength(1);
  });
});

describe('parseSection: wpDiscuz 5 (wc-comment markup)', () => {
  const item = (id: number, parent: number, level: number, author: string, label: string, children = '') =>
    `<div id="wc-comm-${id}_${parent}" class="wc-comment${parent ? ' wc-reply' : ''} wc_comment_level-${level}">
      <div class="wc-comment-left" id="comment-${id}"><img src="https://g.example/${id}" class="avatar avatar-48 photo"><div class="${label} wc-comment-label">${label === 'wc-post-author' ? 'Author' : 'Guest'}</div></div>
      <div class="wc-comment-right"><div class="wc-comment-header"><div class="wc-comment-author">${author}</div><div class="wc-comment-date">3 days ago</div></div>
      <div class="wc-comment-text"><p>Text ${id}</p></div><div class="wc-comment-footer"><span class="wc-reply-link">Reply</span></div></div>
      <div style="clear:both"></div>${children}</div>`;
  const parsed = parseOne(
    `<div class="wpdiscuz_top_clearing"></div><div id="wpcomm"><div class="wc-thread-wrapper">${item(3, 0, 1, 'Ann', 'wc-blog-guest', item(4, 3, 2, 'Marc', 'wc-post-author'))}</div></div>`,
  );

  it('reads ids, parents, levels, authors and the post author label', () => {
    expect(parsed.thread.dialect).toBe('wpdiscuz');
    expect(shape(parsed)).toEqual([
      ['3', null, 1],
      ['4', '3', 2],
    ]);
    expect(parsed.thread.comments.map((c) => [c.author.name, c.isPostAuthor, c.text])).toEqual([
      ['Ann', false, 'Text 3'],
      ['Marc', true, 'Text 4'],
    ]);
  });

  it('takes the block around the text for the body, not the avatar-only #comment-N', () => {
    expect(parsed.parts.get('4')!.body.classList.contains('wc-comment-right')).toBe(true);
    expect(parsed.parts.get('3')!.body.contains(parsed.parts.get('4')!.element)).toBe(false);
  });
});

describe('parseSection: a page Threadlight has already enhanced', () => {
  it('skips the elements the view inserted (data-threadlight-ui, threadlight- classes) when parsing again', () => {
    const list = html5Item({ id: 1, depth: 1, author: 'Ann', classes: 'bypostauthor', text: 'Own words', children: html5Item({ id: 2, depth: 2, author: 'Ben' }) });
    const before = parseOne(commentsArea(list));
    const enhanced = commentsArea(
      `<li class="threadlight-pings" data-threadlight-ui="pings"><button class="threadlight-pings-toggle">3 pingbacks</button></li>` +
        list
          .replace('<b class="fn">Ann</b>', '<b class="fn">Ann</b><span class="threadlight-badge" data-threadlight-ui="badge">Author</span>')
          .replace('<p>Own words</p>', '<p>Own words</p><div class="threadlight-bar" data-threadlight-ui="bar"><button class="threadlight-toggle">Hide replies</button></div>'),
    );
    const after = parseOne(enhanced + '<threadlight-toolbar></threadlight-toolbar>');
    expect(after.thread.comments).toEqual(before.thread.comments);
    expect(after.thread.comments[0]!.text).toBe('Own words');
  });

  it('reads a comment’s text on demand, and the comment still serializes and clones as plain data', () => {
    const [comment] = parseOne(commentsArea(html5Item({ id: 1, depth: 1, author: 'Ann', text: 'Bonjour à tous' }))).thread.comments;
    expect(JSON.parse(JSON.stringify(comment))).toMatchObject({ id: '1', text: 'Bonjour à tous' });
    expect(structuredClone(comment)).toEqual({ ...comment });
    comment!.text = 'replaced';
    expect(comment!.text).toBe('replaced');
  });
});
