/**
 * The dialect profiles at work: Drupal's sibling reply lists and anchors, every wpDiscuz generation's ids, Thesis's
 * split comments, and what the parser hands the view for each (parts, reply lists, the section's form and profile).
 */
import { describe, expect, it } from 'vitest';
import { drupalProfile } from '@/utils/dialects/drupal';
import { engineName, PROFILES } from '@/utils/dialects/index';
import type { ParsedSection } from '@/utils/parse/types';
import { parseOne } from './markup';

const shape = (parsed: ParsedSection) => parsed.thread.comments.map((c) => [c.id, c.parentId, c.depth]);

describe('Drupal', () => {
  const article = (id: number, name: string, { author = false, anonymous = true, withId = false } = {}) =>
    `<article data-comment-user-id="${anonymous ? 0 : 7}"${withId ? ` id="comment-${id}"` : ''} class="comment js-comment${anonymous ? ' by-anonymous' : ''}${author ? ' by-node-author' : ''}" role="article">
      <footer class="comment__meta"><p class="comment__author"><span>${name}</span></p><p class="comment__time">Thu, 03/02/2023 - 10:14</p></footer>
      <div class="comment__content"><h3><a href="/comment/${id}#comment-${id}" class="permalink">Subject ${id}</a></h3>
        <div class="field field--name-comment-body field__item"><p>Body ${id}</p></div>
        <ul class="links inline"><li><a href="/comment/reply/node/5/comment/${id}">Reply</a></li></ul></div></article>`;
  const anchored = (id: number, name: string, options = {}) => `<a id="comment-${id}"></a>\n${article(id, name, options)}`;
  const form = '<form class="comment-comment-form comment-form" action="/comment/reply/node/5/comment" method="post" id="comment-form"><textarea></textarea></form>';

  it('reads the anchors’ ids and the replies that follow each comment in div.indented', () => {
    const list =
      anchored(1, 'Ann') +
      `<div class="indented">${anchored(2, 'Ben', { author: true, anonymous: false })}<div class="indented">${anchored(3, 'Cy')}</div>${anchored(4, 'Dee')}</div>` +
      anchored(5, 'Eve');
    const parsed = parseOne(`<section class="comments"><h2>Comments</h2>${form}${list}</section>`);
    expect(parsed.thread.dialect).toBe('drupal');
    expect(engineName(parsed.thread.dialect)).toBe('Drupal');
    expect(shape(parsed)).toEqual([
      ['1', null, 1],
      ['2', '1', 2],
      ['3', '2', 3],
      ['4', '1', 2],
      ['5', null, 1],
    ]);
    expect(parsed.thread.comments.map((c) => [c.author.name, c.isPostAuthor, c.text, c.dateText])).toEqual([
      ['Ann', false, 'Body 1', 'Thu, 03/02/2023 - 10:14'],
      ['Ben', true, 'Body 2', 'Thu, 03/02/2023 - 10:14'],
      ['Cy', false, 'Body 3', 'Thu, 03/02/2023 - 10:14'],
      ['Dee', false, 'Body 4', 'Thu, 03/02/2023 - 10:14'],
      ['Eve', false, 'Body 5', 'Thu, 03/02/2023 - 10:14'],
    ]);
    expect(parsed.thread.postAuthor).toEqual({ name: 'Ben', url: null, source: 'bypostauthor' });
    expect(parsed.thread.commentsOpen).toBe(true);
  });

  it('hands the view the reply list that follows a comment, its reply link, and the section’s form', () => {
    const parsed = parseOne(`<section class="comments">${anchored(1, 'Ann')}<div class="indented">${anchored(2, 'Ben')}</div>${form}</section>`);
    const first = parsed.parts.get('1')!;
    expect(first.replies?.className).toBe('indented');
    expect(first.replies?.previousElementSibling).toBe(first.element);
    expect(first.replyLink?.getAttribute('href')).toBe('/comment/reply/node/5/comment/1');
    expect(parsed.parts.get('2')!.replies).toBeNull();
    expect(parsed.section?.profile).toBe(drupalProfile);
    expect(parsed.section?.forms.map((el) => el.id)).toEqual(['comment-form']);
  });

  it('reads Drupal 11’s ids on the articles, without anchors nor any section root', () => {
    const parsed = parseOne(`<section><h2>Comments</h2>${article(8, 'Ann', { withId: true })}<div class="indented">${article(9, 'Ben', { withId: true })}</div></section>`);
    expect(shape(parsed)).toEqual([
      ['8', null, 1],
      ['9', '8', 2],
    ]);
  });

  it('numbers comment pages from Drupal’s 0-based ?page=N', () => {
    expect(drupalProfile.pagination.pageNumber('https://site.example/node/5?page=0')).toBe(1);
    expect(drupalProfile.pagination.pageNumber('https://site.example/node/5?page=2#comments')).toBe(3);
    expect(drupalProfile.pagination.pageNumber('https://site.example/node/5')).toBeNull();
  });
});

describe('wpDiscuz, every generation', () => {
  const v5 = (id: number, parent: number, level: number, name: string, { author = false, ping = false, children = '' } = {}) =>
    `<div id="wc-comm-${id}_${parent}" class="wc-comment${parent ? ' wc-reply' : ''} ${author ? 'wc-blog-user wc-blog-post_author' : 'wc-blog-guest'} wc_comment_level-${level}"><div class="wc-comment-left "><div class="wpd-xborder"></div>${ping ? '<img class="avatar avatar-64 photo" src="https://b.example/wp-content/plugins/wpdiscuz/assets/img/trackback.png" alt="trackback">' : '<img class="avatar avatar-64 photo" src="https://g.example/a.png" alt="">'}</div><div id="comment-${id}" class="wc-comment-right " ><div class="wc-comment-header"><div class="wc-comment-author ">${name}</div></div><div class="wc-comment-text"><p>Text ${id}</p></div><div class="wc-comment-footer"><div class="wc-footer-left"><span class="wc-reply-button wc-cta-button">Reply</span></div><div class="wc-footer-right"><div class="wc-comment-date">2 years ago</div></div></div></div><div class="wpdiscuz-comment-message"></div><div id="wpdiscuz_form_anchor-${id}_${parent}"  style="clear:both"></div>${children}</div>`;
  const mainForm = `<div class="wc-form-wrapper wc-main-form-wrapper" id="wc-main-form-wrapper-0_0"><form class="wc_comm_form wc_main_comm_form" method="post" action=""><textarea name="wc_comment"></textarea></form></div>`;

  it('5.x: comment_parent ids, the post author class, the ping told by its trackback avatar, the main form no comment', () => {
    const parsed = parseOne(
      `<div id="comments" class="comments-area"><div id="wpcomm" class="wpdiscuz_unauth">${mainForm}<div id="wcThreadWrapper" class="wc-thread-wrapper">${v5(3, 0, 1, 'Ann', { children: v5(4, 3, 2, 'Marc', { author: true }) })}${v5(5, 0, 1, 'A blog » A post', { ping: true })}</div></div></div>`,
    );
    expect(parsed.thread.dialect).toBe('wpdiscuz');
    expect(shape(parsed)).toEqual([
      ['3', null, 1],
      ['4', '3', 2],
      ['5', null, 1],
    ]);
    expect(parsed.thread.comments.map((c) => [c.author.name, c.isPostAuthor, c.type])).toEqual([
      ['Ann', false, 'comment'],
      ['Marc', true, 'comment'],
      ['A blog » A post', false, 'pingback'],
    ]);
    expect(parsed.parts.get('3')!.replyLink?.className).toContain('wc-reply-button');
    expect(parsed.parts.get('3')!.replies).toBe(parsed.parts.get('3')!.element);
  });

  const v3 = (post: number, id: number, name: string, label: string, { avatars = true, children = '' } = {}) =>
    `<div id="wc-comm-${post}_${id}" class="wc-comment ${label} wc_comment_level-1">${avatars ? `<div class="wc-comment-left" id="comment-${id}"><img class="avatar avatar-48 photo" src="https://g.example/${id}"><div class="${label} wc-comment-label">Guest</div></div>` : ''}<div class="wc-comment-right"><div class="wc-comment-header"><div class="wc-comment-author">${name}</div><div class="wc-comment-date">March 2, 2023</div></div><div class="wc-comment-text"><p>Text ${id}</p></div><div class="wc-comment-footer"><span id="wc-comm-reply-${post}_${id}" class="wc-reply-link">Reply</span></div></div><div style="clear:both"></div><div class="wc-form-wrapper wc-secondary-forms-wrapper" id="wc-secondary-forms-wrapper-${post}_${id}"><form action="" method="post" id="wc_comm_form-${post}_${id}" class="wc_comm_form wc_secondary_form"><div class="wc-field-comment"><textarea></textarea></div></form></div>${children}</div>`;

  it('2.x–3.x: the post id first, the comment id on the avatar block, reply forms inside every comment never comments', () => {
    const parsed = parseOne(`<div id="wpcomm"><div class="wc-thread-wrapper">${v3(57, 412, 'Ann', 'wc-blog-guest', { children: v3(57, 415, 'Marc', 'wc-post-author') })}${v3(57, 430, 'José', 'wc-blog-guest')}</div></div>`);
    expect(shape(parsed)).toEqual([
      ['412', null, 1],
      ['415', '412', 2],
      ['430', null, 1],
    ]);
    expect(parsed.thread.comments.map((c) => c.isPostAuthor)).toEqual([false, true, false]);
  });

  it('2.x–3.x with avatars off (no #comment-N at all): every item starts with the same number, the post', () => {
    const parsed = parseOne(`<div id="wpcomm"><div class="wc-thread-wrapper">${v3(57, 412, 'Ann', 'wc-blog-guest', { avatars: false, children: v3(57, 415, 'Marc', 'wc-post-author', { avatars: false }) })}${v3(57, 430, 'José', 'wc-blog-guest', { avatars: false })}</div></div>`);
    expect(shape(parsed)).toEqual([
      ['412', null, 1],
      ['415', '412', 2],
      ['430', null, 1],
    ]);
  });
});

describe('Thesis: one comment split across a dt and its dd', () => {
  const dt = (id: number, depth: number, name: string) => `<dt class="comment even ${depth === 1 ? 'thread-even ' : ''}depth-${depth}" id="comment-${id}"><span class="comment_author">${name}</span> <span class="comment_time"><a href="#comment-${id}">March 2, 2023</a></span></dt>`;
  const dd = (id: number, depth: number, children = '') =>
    `<dd class="comment even ${depth === 1 ? 'thread-even ' : ''}depth-${depth}"><div class="format_text" id="comment-body-${id}"><p>Text ${id}</p><p class="reply"><a class="comment-reply-link" href="?replytocom=${id}#respond" data-commentid="${id}">Reply</a></p></div>${children ? `<dl class="children">${children}</dl>` : ''}</dd>`;

  it('reads each dt + dd as one comment, its replies inside the dd', () => {
    const parsed = parseOne(`<div id="comments"><dl id="comment_list">${dt(1, 1, 'Ann')}${dd(1, 1, dt(2, 2, 'Ben') + dd(2, 2))}${dt(3, 1, 'Cy')}${dd(3, 1)}</dl></div>`);
    expect(shape(parsed)).toEqual([
      ['1', null, 1],
      ['2', '1', 2],
      ['3', null, 1],
    ]);
    expect(parsed.thread.comments.map((c) => [c.author.name, c.text])).toEqual([
      ['Ann', 'Text 1 Reply'],
      ['Ben', 'Text 2 Reply'],
      ['Cy', 'Text 3 Reply'],
    ]);
    const first = parsed.parts.get('1')!;
    expect(first.element.tagName).toBe('DT');
    expect(first.continuation?.tagName).toBe('DD');
    expect(first.replyLink?.getAttribute('data-commentid')).toBe('1');
    expect(first.replies?.className).toBe('children');
  });
});

describe('profiles', () => {
  it('every registered profile names its engine and has a distinct dialect', () => {
    expect(PROFILES.map((profile) => [profile.dialect, profile.engine])).toEqual([
      ['wpdiscuz', 'wpDiscuz'],
      ['drupal', 'Drupal'],
      ['wordpress', 'WordPress'],
    ]);
  });
});
