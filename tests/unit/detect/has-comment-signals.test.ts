import { describe, expect, it } from 'vitest';
import { hasCommentSignals } from '@/utils/detect/has-comment-signals';
import { ARTICLE, blockItem, commentsArea, documentFrom, html5Item } from '../parse/markup';

const signals = (body: string): boolean => hasCommentSignals(documentFrom(body));

describe('hasCommentSignals', () => {
  it.each([
    ['a classic thread', commentsArea(html5Item({ id: 1, depth: 1, author: 'A' }))],
    ['a block theme thread', `<ol class="wp-block-comment-template">${blockItem({ id: 2, depth: 1, author: 'B' })}</ol>`],
    ['a li-comment theme', '<ol class="commentlist"><li class="comment depth-1" id="li-comment-3"><div id="comment-3">Hi</div></li></ol>'],
    ['OceanWP (classes on the inner article)', '<ol><li id="comment-4" class="comment-container"><article class="comment depth-1 comment-body">Hi</article></li></ol>'],
    ['wpDiscuz', '<div id="wpdcom"><div id="wpd-comm-5_0" class="wpd-comment">Hi</div></div>'],
    ['a theme with reply links only', '<li><p>Hi</p><a class="comment-reply-link" data-commentid="6" href="#">Reply</a></li>'],
    ['permalinks only', '<li><a href="https://b.example/p/#comment-7">May 1</a><p>Hi</p></li>'],
    ['a thread beside a Recent Comments widget', '<aside class="widget_recent_comments"><a href="/p/#comment-1">x</a></aside><li><a href="/p/#comment-7">May 1</a></li>'],
    ['Drupal 7–10 (an empty anchor names the comment)', '<div class="comment-wrapper"><a id="comment-8"></a><div class="comment clearfix">Hi</div></div>'],
    ['Drupal 11 (the id on the article)', '<section><article id="comment-9" data-comment-user-id="0" class="comment js-comment">Hi</article></section>'],
    ['a Drupal theme dropping the anchor', '<section><article data-comment-user-id="3" class="comment js-comment">Hi</article></section>'],
    ['wpDiscuz 4–5', '<div id="wcThreadWrapper"><div id="wc-comm-10_0" class="wc-comment wc-blog-guest wc_comment_level-1">Hi</div></div>'],
    ['wpDiscuz 2–3 (post id first)', '<div class="wc-thread-wrapper"><div id="wc-comm-57_11" class="wc-comment wc-blog-guest wc_comment_level-1">Hi</div></div>'],
    ['Disqus', '<div id="disqus_thread"></div>'],
    ['Facebook comments', '<div class="fb-comments"></div>'],
  ])('is true for %s', (_label, body) => {
    expect(signals(body)).toBe(true);
  });

  it.each([
    ['an article without comments', ARTICLE],
    ['comment counts in a post list', '<article><a href="/p/#comments">3 Comments</a><a href="/p/#respond">Reply</a></article>'],
    ['nested menus', '<ul><li class="menu-item mi-depth-0"><ul class="sub-menu"><li class="menu-item-depth-1">x</li></ul></li></ul>'],
    // WordPress enqueues comment-reply.js on every post whose comments are open, even with no comment yet.
    ['a post without comments (open form, comment-reply.js)', `${ARTICLE}<div id="respond" class="comment-respond"><form id="commentform"><textarea id="comment"></textarea></form></div><script src="/wp-includes/js/comment-reply.min.js" id="comment-reply-js"></script>`],
    ['a Recent Comments widget', '<section class="widget widget_recent_comments"><ul id="recentcomments"><li class="recentcomments"><a href="https://b.example/other/#comment-9">Other post</a></li></ul></section>'],
    ['a Latest Comments block', '<ol class="wp-block-latest-comments"><li class="wp-block-latest-comments__comment"><a class="wp-block-latest-comments__comment-link" href="/other/#comment-3">Other</a></li></ol>'],
  ])('is false for %s', (_label, body) => {
    expect(signals(body)).toBe(false);
  });
});
