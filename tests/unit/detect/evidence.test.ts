/**
 * The detection rule (utils/detect/evidence.ts, docs/parser.md "The rule"): evidence per item and per section,
 * vetoes, references to other pages' comments. Each case is the smallest markup that shows one clause.
 */
import { describe, expect, it } from 'vitest';
import { pageAddresses, placeOf } from '@/utils/detect/page-address';
import { COMMENT_FORM, commentsArea, detect, documentFrom, html5Item } from '../parse/markup';

const POST = 'https://blog.example/my-post/';
const canonical = `<link rel="canonical" href="${POST}">`;
const found = (body: string, head = canonical) => detect(body, head).status === 'found';
const sectionCount = (body: string, head = canonical) => {
  const detection = detect(body, head);
  return detection.status === 'found' ? detection.sections.length : 0;
};

/** A comment_class() item as wp_list_comments() prints it at top level (with thread alternation), no reply link. */
const walkerItem = (id: number, extra = '') =>
  `<li id="comment-${id}" class="comment even thread-even depth-1 ${extra}"><article id="div-comment-${id}" class="comment-body"><b class="fn">Reader ${id}</b><div class="comment-content"><p>Words ${id}</p></div></article></li>`;

describe('per item: a comment needs comment evidence', () => {
  it('a nested menu whose items carry depth-N and odd/even (Drupal menu_block) is not a thread, even next to a comment form', () => {
    const item = (mlid: number, depth: number, zebra: string, kids = '') =>
      `<li class="leaf menu-mlid-${mlid} depth-${depth} ${zebra}"><a href="/p${mlid}">Page ${mlid}</a>${kids}</li>`;
    const menu = `<div class="block"><ul class="menu">${item(1, 1, 'odd', `<ul class="menu">${item(2, 2, 'odd')}${item(3, 2, 'even')}</ul>`)}${item(4, 1, 'even')}</ul></div>`;
    expect(found(menu + commentsArea('', { form: true }))).toBe(false);
  });

  it('depth-N with a comment type is comment_class() output', () => {
    expect(found(`<div id="comments"><ol class="comment-list">${walkerItem(1)}</ol></div>`)).toBe(true);
  });

  it('an empty <a id="comment-N"> is a jump target, not a comment', () => {
    expect(found(`<div id="comments"><ol class="commentlist"><li><a id="comment-5"></a></li></ol></div>`)).toBe(false);
  });

  it('a link to another page’s #comment-N is a reference, not a comment: a recent-comments list under any class name', () => {
    const list = `<div class="menu_comments"><ul>${[1, 2, 3].map((n) => `<li><a href="https://blog.example/other-post/#comment-${n}">Reader ${n}</a>: nice</li>`).join('')}</ul></div>`;
    expect(found(list + COMMENT_FORM)).toBe(false);
  });

  it('a permalink to a comment of this page is evidence (bare fragment, or the canonical path)', () => {
    const items = (href: (n: number) => string) =>
      `<div id="comments"><ul class="comment-list">${[1, 2].map((n) => `<li><strong>R${n}</strong> <a href="${href(n)}">May ${n}</a><p>t</p></li>`).join('')}</ul>${COMMENT_FORM}</div>`;
    expect(found(items((n) => `#comment-${n}`))).toBe(true);
    expect(found(items((n) => `${POST}comment-page-2/#comment-${n}`))).toBe(true);
    expect(found(items((n) => `https://blog.example/other-post/#comment-${n}`))).toBe(false);
  });
});

describe('per section: the items must sit in a comment area, a comment list, or show reply controls', () => {
  it('a bare li#comment-N in a plain list inside #comments is not enough (no list class, no form, no reply link)', () => {
    expect(found(`<div id="comments"><ul><li id="comment-44"><h3>Marius</h3><p>Nice.</p></li></ul></div>`)).toBe(false);
  });

  it('the same items in ol.commentlist are a closed thread (WordPress’s id structure)', () => {
    expect(found(`<div class="post"><ol class="commentlist"><li id="comment-44"><cite>Marius</cite><p>Nice.</p></li><li class="alt" id="comment-45"><cite>Ana</cite><p>Yes.</p></li></ol></div>`)).toBe(true);
  });

  it('li-comment-N around #comment-N is a callback’s structure, enough without a root', () => {
    expect(found(`<div><ul><li id="li-comment-7"><div id="comment-7"><cite>A</cite><p>t</p></div></li></ul></div>`)).toBe(true);
  });

  it('a comment form proves only what is in its own comment area: a rootless list elsewhere on the page gets nothing from it', () => {
    const stray = `<aside class="box"><ul>${[1, 2].map((n) => `<li id="comment-${n}"><p>text ${n}</p></li>`).join('')}</ul></aside>`;
    expect(found(stray + `<main><div id="comments" class="comments-area">${COMMENT_FORM}</div></main>`)).toBe(false);
    // Next to its list, the form is the evidence the bare items lack.
    expect(found(`<main><div class="discussion"><ul>${[1, 2].map((n) => `<li id="comment-${n}"><p>t</p></li>`).join('')}</ul>${COMMENT_FORM}</div></main>`)).toBe(true);
  });
});

describe('vetoes', () => {
  it.each([
    ['a <nav>', (list: string) => `<nav>${list}</nav>`],
    ['role=navigation', (list: string) => `<div role="navigation">${list}</div>`],
    ['a menu class', (list: string) => `<div class="menu">${list}</div>`],
    ['a widget area', (list: string) => `<div class="widget-area">${list}</div>`],
    ['a sidebar', (list: string) => `<div id="sidebar">${list}</div>`],
    ['#reviews (WooCommerce)', (list: string) => `<div id="reviews" class="woocommerce-Reviews">${list}</div>`],
  ])('comment-like markup inside %s is not a thread', (_label, wrap) => {
    const list = `<div id="comments"><ol class="commentlist">${walkerItem(1)}${walkerItem(2)}</ol></div>`;
    expect(found(wrap(list))).toBe(false);
  });

  it('menu items are not comments whatever else they carry', () => {
    expect(found(`<div id="comments"><ol class="commentlist">${walkerItem(1, 'menu-item')}</ol></div>`)).toBe(false);
  });

  it('a list whose items are all product reviews is not a discussion', () => {
    const review = (id: number) => `<li class="review even thread-even depth-1" id="li-comment-${id}"><div id="comment-${id}" class="comment_container"><p>ok</p></div></li>`;
    expect(found(`<div id="comments"><ol class="commentlist">${review(1)}${review(2)}</ol></div>`)).toBe(false);
  });

  it('a real thread and a recent-comments list on one page: only the thread is a section', () => {
    const widget = `<div class="footer-recent-comments"><ul><li><strong><a href="https://blog.example/old/#comment-3">Ann</a></strong>: hi</li></ul></div>`;
    expect(sectionCount(commentsArea(html5Item({ id: 1, depth: 1, author: 'A' })) + widget)).toBe(1);
  });
});

describe('page addresses', () => {
  const page = pageAddresses(documentFrom('', `<link rel="canonical" href="${POST}"><meta property="og:url" content="https://blog.example/?p=123">`));

  it.each([
    ['#comment-5', 'this-page'],
    [`${POST}#comment-5`, 'this-page'],
    ['https://blog.example/MY-POST/comment-page-3/#comment-5', 'this-page'],
    ['https://www.blog.example/my-post/amp/#comment-5', 'this-page'],
    ['https://blog.example/?p=123&replytocom=5#comment-5', 'this-page'],
    ['https://blog.example/other-post/#comment-5', 'other-page'],
    ['https://blog.example/?p=99#comment-5', 'other-page'],
  ])('%s is on %s', (href, place) => {
    expect(placeOf(href, page)).toBe(place);
  });

  it('without any http(s) address (a page read from a file) an absolute link cannot be placed', () => {
    const offline = pageAddresses(document.implementation.createHTMLDocument('saved page'));
    expect(offline.keys.size).toBe(0);
    expect(placeOf('https://blog.example/other-post/#comment-5', offline)).toBe('unknown');
    expect(placeOf('#comment-5', offline)).toBe('this-page');
  });
});
