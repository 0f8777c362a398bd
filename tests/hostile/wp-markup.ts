/**
 * A small WordPress comment-markup writer (html5 format, as Walker_Comment and Twenty Twenty-One print it),
 * for the hostile and malformed pages. Every value is written RAW: callers pass markup, not text.
 */

export interface CommentSpec {
  /** The WordPress id: written as li#comment-N, article#div-comment-N, data-commentid. */
  id: string | number;
  /** Written as the depth-N class; the nesting comes from `children`. */
  depth: number;
  type?: 'comment' | 'pingback' | 'trackback';
  /** Override the depth class: a number writes depth-N, null writes none (for contradictions). */
  depthClass?: number | null;
  /** Override the li id attribute (null: no id). */
  itemId?: string | null;
  postAuthor?: boolean;
  nameHtml?: string;
  /** Raw href of the author link (single-quoted); null or absent: the name is plain text. */
  url?: string | null;
  /** Raw attributes of the avatar img (replaces the default src/srcset). */
  avatarAttrs?: string;
  datetime?: string;
  dateText?: string;
  /** Raw href of the permalink. */
  permalink?: string;
  /** Raw data-replyto / aria-label. */
  replyTo?: string;
  contentHtml?: string;
  children?: CommentSpec[];
}

export interface PageSpec {
  title: string;
  /** The comment list items (renderComments output), or any raw markup for the list. */
  listHtml: string;
  /** Path of the post, used for permalinks and the reply form. */
  postPath?: string;
  /** Markup injected first in <head> (the __pwned recorder). */
  headHtml?: string;
  /** Heading of the comments area. */
  commentsTitle?: string;
  commentsOpen?: boolean;
}

/** A placeholder avatar that needs no network. */
export const DEFAULT_AVATAR = `src='data:image/gif;base64,R0lGODlhAQABAAAAACw=' srcset='data:image/gif;base64,R0lGODlhAQABAAAAACw= 2x'`;

function renderAuthor(c: CommentSpec, name: string): string {
  const named = c.url == null ? name : `<a href='${c.url}' rel='external nofollow ugc' class='url'>${name}</a>`;
  return `<b class="fn">${named}</b>`;
}

function renderPing(c: CommentSpec, classes: string, itemId: string): string {
  const link = `<a href='${c.url ?? 'https://other.example/post/'}' rel='external nofollow ugc' class='url'>${c.nameHtml ?? 'Another blog'}</a>`;
  return `<li${itemId} class="${classes}">
\t<div class="comment-body">Pingback: ${link} </div>
</li><!-- #comment-## -->`;
}

/** One comment item (li) with its nested replies, in the html5 format. */
export function renderComment(c: CommentSpec, postPath = '/post/'): string {
  const type = c.type ?? 'comment';
  const depthClass = c.depthClass === undefined ? c.depth : c.depthClass;
  const children = c.children ?? [];
  const classes = [
    type,
    c.postAuthor ? 'byuser comment-author-author bypostauthor' : '',
    'even',
    depthClass === null ? '' : `depth-${depthClass}`,
    children.length ? 'parent' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const itemId = c.itemId === null ? '' : ` id="${c.itemId ?? `comment-${c.id}`}"`;
  if (type !== 'comment') return renderPing(c, classes, itemId);

  const name = c.nameHtml ?? `Commenter ${c.id}`;
  const replyTo = c.replyTo ?? `Reply to Commenter ${c.id}`;
  const childList = children.length
    ? `\n\t<ol class="children">\n${children.map((child) => renderComment(child, postPath)).join('\n')}\n\t</ol><!-- .children -->`
    : '';
  return `<li${itemId} class="${classes}">
\t<article id="div-comment-${c.id}" class="comment-body">
\t\t<footer class="comment-meta">
\t\t\t<div class="comment-author vcard">
\t\t\t\t<img alt='' ${c.avatarAttrs ?? DEFAULT_AVATAR} class='avatar avatar-60 photo' height='60' width='60' decoding='async'/>
\t\t\t\t${renderAuthor(c, name)} <span class="says">says:</span>
\t\t\t</div><!-- .comment-author -->
\t\t\t<div class="comment-metadata">
\t\t\t\t<a href="${c.permalink ?? `${postPath}#comment-${c.id}`}"><time datetime="${c.datetime ?? '2024-03-01T10:00:00+00:00'}">${c.dateText ?? 'March 1, 2024 at 10:00 am'}</time></a>
\t\t\t</div><!-- .comment-metadata -->
\t\t</footer><!-- .comment-meta -->
\t\t<div class="comment-content">
\t\t\t${c.contentHtml ?? `<p>Comment ${c.id}.</p>`}
\t\t</div><!-- .comment-content -->
\t\t<div class="reply"><a rel='nofollow' class='comment-reply-link' href='${postPath}?replytocom=${c.id}#respond' data-commentid="${c.id}" data-postid="7" data-belowelement="div-comment-${c.id}" data-respondelement="respond" data-replyto="${replyTo}" aria-label="${replyTo}">Reply</a></div>
\t</article><!-- .comment-body -->${childList}
</li><!-- #comment-## -->`;
}

/** The items of a comment list. */
export function renderComments(comments: CommentSpec[], postPath = '/post/'): string {
  return comments.map((c) => renderComment(c, postPath)).join('\n');
}

/** A whole single-post page with a Twenty Twenty-One-style comments area. */
export function renderPage(page: PageSpec): string {
  const postPath = page.postPath ?? '/post/';
  const open = page.commentsOpen ?? true;
  const form = open
    ? `<div id="respond" class="comment-respond">
\t<h2 id="reply-title" class="comment-reply-title">Leave a comment <small><a rel="nofollow" id="cancel-comment-reply-link" href="${postPath}#respond" style="display:none;">Cancel reply</a></small></h2>
\t<form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form" novalidate>
\t\t<p class="comment-form-comment"><label for="comment">Comment</label> <textarea id="comment" name="comment" cols="45" rows="5"></textarea></p>
\t\t<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment" />
\t\t<input type='hidden' name='comment_post_ID' value='7' id='comment_post_ID' />
\t\t<input type='hidden' name='comment_parent' id='comment_parent' value='0' /></p>
\t</form>
</div><!-- #respond -->`
    : '<p class="no-comments">Comments are closed.</p>';
  return `<!doctype html>
<html lang="en-US">
<head>
${page.headHtml ?? ''}
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
</head>
<body class="post-template-default single single-post postid-7 single-format-standard">
<div id="page" class="site">
<main id="main" class="site-main">
<article id="post-7" class="post-7 post type-post status-publish format-standard hentry entry">
\t<header class="entry-header"><h1 class="entry-title">${page.title}</h1></header>
\t<div class="entry-content"><p>A post whose comment section is hostile.</p></div>
\t<footer class="entry-footer"><span class="byline">By <span class="author vcard"><a class="url fn n" href="/author/author/">Post Author</a></span></span></footer>
</article><!-- #post-7 -->
<div id="comments" class="comments-area default-max-width show-avatars">
\t<h2 class="comments-title">${page.commentsTitle ?? 'Comments'}</h2>
\t<ol class="comment-list">
${page.listHtml}
\t</ol><!-- .comment-list -->
${form}
</div><!-- #comments -->
</main>
</div>
</body>
</html>
`;
}
