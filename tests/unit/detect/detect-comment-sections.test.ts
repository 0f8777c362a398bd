import { describe, expect, it } from 'vitest';
import {
  ARTICLE,
  COMMENT_FORM,
  RECENT_COMMENTS_WIDGET,
  blockItem,
  commentsArea,
  detect,
  html5Item,
  sectionsOf,
} from '../parse/markup';

const twoComments = html5Item({ id: 12, depth: 1, author: 'Alice', children: html5Item({ id: 13, depth: 2, author: 'Bob' }) });

describe('detectCommentSections: readable threads', () => {
  it('finds a classic html5 list in #comments, with the list of top-level items', () => {
    const [section] = sectionsOf(ARTICLE + commentsArea(twoComments));
    expect(section!.root.id).toBe('comments');
    expect(section!.list.classList.contains('comment-list')).toBe(true);
    expect(section!.dialect).toBe('wordpress');
  });

  it('finds a block theme thread in .wp-block-comments (children in a bare <ol>)', () => {
    const list = blockItem({ id: 4, depth: 1, author: 'Ann', children: blockItem({ id: 5, depth: 2, author: 'Ben' }) });
    const [section] = sectionsOf(
      `<div class="wp-block-comments"><h3 id="comments" class="wp-block-comments-title">2 responses</h3><ol class="wp-block-comment-template">${list}</ol>${COMMENT_FORM}</div>`,
    );
    expect(section!.root.classList.contains('wp-block-comments')).toBe(true);
    expect(section!.list.classList.contains('wp-block-comment-template')).toBe(true);
  });

  it('takes .wp-block-post-comments as root when #comments is only a heading (theme-compat in a block theme)', () => {
    const [section] = sectionsOf(
      `<div class="wp-block-post-comments"><h3 id="comments">2 responses</h3><ol class="commentlist">${twoComments}</ol>${COMMENT_FORM}</div>`,
    );
    expect(section!.root.classList.contains('wp-block-post-comments')).toBe(true);
    expect(section!.list.classList.contains('commentlist')).toBe(true);
  });

  it('recognizes wpDiscuz by its #wpdcom root and wpd-comm ids', () => {
    const [section] = sectionsOf(
      `<div id="comments" class="comments-area"><div id="wpdcom" class="wpdiscuz_unauth wpd-default"><div class="wpd-thread-list">
        <div id="wpd-comm-7_0" class="comment even thread-even depth-1 wpd-comment wpd_comment_level-1"><div class="wpd-comment-wrap wpd-blog-guest"><div id="comment-7" class="wpd-comment-right"><div class="wpd-comment-author">Zoé</div><div class="wpd-comment-text"><p>Hi</p></div></div></div></div>
      </div></div></div>`,
    );
    expect(section!.root.id).toBe('wpdcom');
    expect(section!.dialect).toBe('wpdiscuz');
  });

  it('still detects a thread when comments are closed (no form, no reply links): depth-N classes confirm it', () => {
    const closed = commentsArea(html5Item({ id: 3, depth: 1, author: 'Ann' }).replace(/<div class="reply">[\s\S]*?<\/div>/, ''), {
      form: false,
      extra: '<p class="no-comments">Comments are closed.</p>',
    });
    expect(detect(closed).status).toBe('found');
  });

  it('accepts a theme without WordPress classes when the page has the comment form', () => {
    const custom = `<div id="comments"><ul class="comment-items"><li id="comment-44" class="row"><h3><a href="https://m.example" class="url">Marius</a></h3><p>Nice.</p></li></ul></div>${COMMENT_FORM}`;
    expect(detect(custom).status).toBe('found');
  });

  it('rejects the same classless list when nothing confirms it is a thread (no form, no reply link, no depth class)', () => {
    const custom = `<div id="comments"><ul><li id="comment-44"><h3>Marius</h3><p>Nice.</p></li></ul></div>`;
    expect(detect(custom)).toEqual({ status: 'none' });
  });

  it('falls back to reply links when items carry no id and no class', () => {
    const item = (id: number) =>
      `<li><div class="meta"><strong>Reader ${id}</strong></div><p>Text</p><a class="comment-reply-link" href="?replytocom=${id}#respond" data-commentid="${id}">Reply</a></li>`;
    const [section] = sectionsOf(`<section class="discussion"><ol>${item(1)}${item(2)}</ol></section>`);
    expect(section!.list.tagName).toBe('OL');
  });

  it('finds one section per post on infinite-scroll pages', () => {
    const post = (first: number) => `<article>${commentsArea(html5Item({ id: first, depth: 1, author: 'A' }))}</article>`;
    expect(sectionsOf(post(1) + post(2))).toHaveLength(2);
  });

  it('keeps a flattened reply list (ul.children after its parent, not inside it) in the same section', () => {
    const flat = `<div id="comments"><ol class="commentlist">${html5Item({ id: 1, depth: 1, author: 'A' })}<ul class="children">${html5Item({ id: 2, depth: 2, author: 'B' })}</ul></ol>${COMMENT_FORM}</div>`;
    const sections = sectionsOf(flat);
    expect(sections).toHaveLength(1);
    expect(sections[0]!.list.classList.contains('commentlist')).toBe(true);
  });

  it('prefers a readable list over an embedded system on the same page', () => {
    expect(detect(commentsArea(twoComments) + '<div id="disqus_thread"></div>').status).toBe('found');
  });
});

describe('detectCommentSections: must not detect', () => {
  it('a page without comments', () => {
    expect(detect(ARTICLE)).toEqual({ status: 'none' });
  });

  it('a Recent Comments widget (links to #comment-N of other posts)', () => {
    expect(detect(ARTICLE + RECENT_COMMENTS_WIDGET)).toEqual({ status: 'none' });
  });

  it('a Latest Comments block', () => {
    const block = `<ol class="has-avatars wp-block-latest-comments"><li class="wp-block-latest-comments__comment"><article><footer class="wp-block-latest-comments__comment-meta"><a class="wp-block-latest-comments__comment-author" href="https://a.example">Ann</a> on <a class="wp-block-latest-comments__comment-link" href="https://blog.example/p/#comment-3">Post</a></footer></article></li></ol>`;
    expect(detect(ARTICLE + block)).toEqual({ status: 'none' });
  });

  it('comment counts in a list of posts', () => {
    const list = [1, 2, 3]
      .map((n) => `<article class="post-${n}"><h2><a href="/p${n}/">Post ${n}</a></h2><a href="/p${n}/#comments" class="comments-link">${n} Comments</a><a href="/p${n}/#respond">Leave a comment</a></article>`)
      .join('');
    expect(detect(list)).toEqual({ status: 'none' });
  });

  it('a bare comment form with no comments', () => {
    expect(detect(ARTICLE + `<div id="comments" class="comments-area">${COMMENT_FORM}</div>`)).toEqual({ status: 'none' });
  });

  it('a wpDiscuz scaffold without comments', () => {
    const scaffold = `<div id="comments" class="comments-area"><div id="wpdcom" class="wpdiscuz_unauth"><div class="wpd-form-wrap"><form class="wpd_comm_form"></form></div><div id="wpd-threads" class="wpd-thread-wrapper"><div class="wpd-thread-list"></div></div></div></div>`;
    expect(detect(ARTICLE + scaffold)).toEqual({ status: 'none' });
  });

  it('menus whose classes merely contain "depth-"', () => {
    const menu = `<nav><ul><li class="menu-item mi-depth-0 menu-item-depth-0"><a href="/">Home</a></li></ul></nav>`;
    expect(detect(menu + ARTICLE)).toEqual({ status: 'none' });
  });

  it('empty jump anchors named after comments', () => {
    expect(detect(`<p>See <a id="comment-5"></a> below.</p>${COMMENT_FORM}`)).toEqual({ status: 'none' });
  });
});

describe('detectCommentSections: embedded systems', () => {
  it.each([
    ['disqus', '<div id="disqus_thread"></div>'],
    ['facebook', '<div class="fb-comments" data-href="https://blog.example/p/" data-numposts="5"></div>'],
    ['livefyre', '<div class="live-fyre" data-network="x.fyre.co" data-article-id="1"></div>'],
    ['spotim', '<div data-spotim-module="conversation" data-post-id="1"></div>'],
    ['ghost', '<div data-ghost-comments></div><script defer src="https://cdn.jsdelivr.net/ghost/comments-ui@~0.12/umd/comments-ui.min.js"></script>'],
    ['hyvor', '<div id="hyvor-talk-view"></div>'],
    ['commento', '<div id="commento"></div>'],
    ['jetpack', '<div id="respond" class="comment-respond"><iframe id="jetpack_remote_comment" class="jetpack_remote_comment" src="https://jetpack.wordpress.com/jetpack-comment/?blogid=1"></iframe></div>'],
  ])('reports %s as unreadable when no readable thread exists', (system, markup) => {
    expect(detect(ARTICLE + `<section id="comments">${markup}</section>`)).toEqual({ status: 'unreadable', system });
  });

  it('does not take a Disqus comment-count script on a post list for a thread', () => {
    expect(detect(ARTICLE + '<script id="dsq-count-scr" src="//x.disqus.com/count.js" async></script>')).toEqual({ status: 'none' });
  });
});
