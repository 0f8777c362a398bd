import { describe, expect, it } from 'vitest';
import { announcedCommentCount, hasLoginForm, isPaywallPage, isSamePost, postIdentityOf, postIdOf, postKeyOf } from '@/utils/merge/page-facts';
import { parseCommentPage, sectionSignature, type ParsePageInput } from '@/utils/merge/parse-page';
import { renderComments } from '../../hostile/wp-markup';
import { openPage } from './paged-site';
import { pageHtml, pageUrl, POST_URL, type SiteOptions } from './synthetic-site';

const SITE: SiteOptions = { pages: 3, perPage: 2 };
const onScreen = () => openPage(pageHtml(3, SITE), POST_URL);
const doc = (html: string) => new DOMParser().parseFromString(html, 'text/html');

function input(html: string, url: string, number: number, extra: Partial<ParsePageInput> = {}): ParsePageInput {
  const page = onScreen();
  return { html, url, number, post: postIdentityOf(page.doc, page.doc.URL), signature: sectionSignature(page.section), parser: new DOMParser(), ...extra };
}

const failure = (result: ReturnType<typeof parseCommentPage>) => (result.ok ? null : result.failure);

describe('parseCommentPage', () => {
  it('parses a page of the post with the same parser, its pagination read at its real URL', () => {
    const result = parseCommentPage(input(pageHtml(2, SITE), pageUrl(2, 3), 2));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.page.parsed.thread.comments.map((c) => c.id)).toEqual(['201', '202', '203', '204']);
    expect(result.page.pagination).toMatchObject({ current: 2, total: 3 });
    expect(result.page.parsed.thread.comments[0]!.permalink).toBe(`${pageUrl(2, 3)}#comment-201`);
  });

  it('resolves the page’s relative links against its own URL, not the reader’s', () => {
    const list = renderComments([{ id: 5, depth: 1, permalink: '#comment-5', url: '../../about/', contentHtml: '<p><a href="note/">note</a></p>' }], '/2024/05/a-post/');
    const html = pageHtml(1, SITE, list);
    const result = parseCommentPage(input(html, pageUrl(1, 3), 1));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const comment = result.page.parsed.thread.comments[0]!;
    expect(comment.permalink).toBe(`${pageUrl(1, 3)}#comment-5`);
    expect(comment.author.url).toBe('https://blog.example/2024/05/about/');
    expect(result.page.doc.baseURI).toBe(pageUrl(1, 3));
  });

  it('refuses another post: redirected elsewhere, or another post id', () => {
    const home = '<!doctype html><html><head><title>Blog</title></head><body class="home blog"><h1>Blog</h1></body></html>';
    expect(failure(parseCommentPage(input(home, 'https://blog.example/', 1)))).toEqual({ kind: 'other-post' });
    const otherId = pageHtml(1, SITE).replace("?p=7'", "?p=8'");
    expect(failure(parseCommentPage(input(otherId, pageUrl(1, 3), 1)))).toEqual({ kind: 'other-post' });
  });

  it('accepts a redirect within the post (oldest default: comment-page-1 → the post URL)', () => {
    const result = parseCommentPage(input(pageHtml(1, SITE).replace(/<link rel="canonical"[^>]*>/, ''), POST_URL, 1));
    expect(result.ok).toBe(true);
  });

  it('says login for the login screen or a login form in place of the comments; paywall for paywall markup', () => {
    expect(failure(parseCommentPage(input('<html><body><form id="loginform"></form></body></html>', 'https://blog.example/wp-login.php', 1)))).toEqual({ kind: 'login' });
    const gated = (inner: string) => pageHtml(1, SITE).replace(/<div id="comments"[\s\S]*<\/div><!-- #comments -->/, inner);
    expect(failure(parseCommentPage(input(gated('<form name="loginform" id="loginform" action="https://blog.example/wp-login.php"></form>'), pageUrl(1, 3), 1)))).toEqual({ kind: 'login' });
    expect(failure(parseCommentPage(input(gated('<div class="mepr-unauthorized-message">Members only</div>'), pageUrl(1, 3), 1)))).toEqual({ kind: 'paywall' });
    const schema = gated('').replace('</head>', '<script type="application/ld+json">{"@type":"NewsArticle","isAccessibleForFree":"False"}</script></head>');
    expect(failure(parseCommentPage(input(schema, pageUrl(1, 3), 1)))).toEqual({ kind: 'paywall' });
    expect(failure(parseCommentPage(input(gated('<p>Nothing here.</p>'), pageUrl(1, 3), 1)))).toEqual({ kind: 'no-comments' });
  });

  it('a login widget beside the comments is no login wall', () => {
    const html = pageHtml(1, SITE).replace('</main>', '<aside><form id="loginform" action="/wp-login.php"></form></aside></main>');
    expect(parseCommentPage(input(html, pageUrl(1, 3), 1)).ok).toBe(true);
  });

  it('says when the server gave another page than the one asked for', () => {
    expect(failure(parseCommentPage(input(pageHtml(2, SITE), pageUrl(1, 3), 1)))).toEqual({ kind: 'wrong-page', found: 2 });
  });
});

describe('page facts', () => {
  it('keys a post by its URL without the comment page, fragment or non-identifying query', () => {
    expect(postKeyOf('https://b.example/a-post/comment-page-3/#comments')).toBe('b.example/a-post');
    expect(postKeyOf('https://b.example/a-post/?replytocom=5#respond')).toBe('b.example/a-post');
    expect(postKeyOf('https://b.example/?p=8&cpage=2')).toBe('b.example?p=8');
    expect(postKeyOf('https://b.example/?cpage=2&p=8&utm_source=x')).toBe('b.example?p=8');
    expect(postKeyOf('https://b.example/?p=9')).not.toBe(postKeyOf('https://b.example/?p=8'));
    expect(postKeyOf('javascript:alert(1)')).toBeNull();
  });

  it('reads the post id from the shortlink, the body class or the comment form', () => {
    expect(postIdOf(doc(`<link rel='shortlink' href='https://b.example/?p=42' />`))).toBe('42');
    expect(postIdOf(doc('<body class="single postid-17 x">'))).toBe('17');
    expect(postIdOf(doc('<body class="page page-id-3">'))).toBe('3');
    expect(postIdOf(doc(`<form><input type='hidden' name='comment_post_ID' value='8' /></form>`))).toBe('8');
    expect(postIdOf(doc('<body class="home">'))).toBeNull();
  });

  it('compares posts by id when both pages have one, else by canonical URL', () => {
    expect(isSamePost({ postId: '8', key: 'a' }, { postId: '8', key: 'b' })).toBe(true);
    expect(isSamePost({ postId: '8', key: 'a' }, { postId: '9', key: 'a' })).toBe(false);
    expect(isSamePost({ postId: null, key: 'a' }, { postId: '9', key: 'a' })).toBe(true);
    expect(isSamePost({ postId: null, key: 'a' }, { postId: null, key: 'b' })).toBe(false);
  });

  it('reads the announced comment count from JSON-LD (nested, @graph) or microdata; never from text', () => {
    expect(announcedCommentCount(doc('<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"Article","commentCount":58}]}</script>'))).toBe(58);
    expect(announcedCommentCount(doc('<script type="application/ld+json">{"mainEntity":{"@type":"BlogPosting","commentCount":"12"}}</script>'))).toBe(12);
    expect(announcedCommentCount(doc('<script type="application/ld+json">{broken</script><meta itemprop="commentCount" content="7">'))).toBe(7);
    expect(announcedCommentCount(doc('<h2>58 thoughts on “A post”</h2>'))).toBeNull();
    expect(announcedCommentCount(doc('<script type="application/ld+json">{"commentCount":"http://x/CommentCount.js"}</script>'))).toBeNull();
  });

  it('tells login forms and paywall markup', () => {
    expect(hasLoginForm(doc('<form class="woocommerce-form-login"></form>'))).toBe(true);
    expect(hasLoginForm(doc('<form id="commentform"></form>'))).toBe(false);
    expect(isPaywallPage(doc('<div class="leaky_paywall_message_wrap"></div>'))).toBe(true);
    expect(isPaywallPage(doc('<script type="application/ld+json">{"isAccessibleForFree":false}</script>'))).toBe(true);
    expect(isPaywallPage(doc('<script type="application/ld+json">{"isAccessibleForFree":true}</script>'))).toBe(false);
  });
});
