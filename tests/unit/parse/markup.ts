/**
 * Small builders for the comment markup of WordPress's walkers and of a few themes and plugins, transcribed from
 * their PHP (shared/docs/wordpress-markup.md §1–§2), so each test states only what differs.
 */
import { detectCommentSections } from '@/utils/detect/detect-comment-sections';
import type { CommentSection, Detection } from '@/utils/detect/types';
import { parseSection } from '@/utils/parse/parse-section';
import type { ParsedSection } from '@/utils/parse/types';

export function documentFrom(body: string, head = ''): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'text/html');
}

export function detect(body: string, head = ''): Detection {
  return detectCommentSections(documentFrom(body, head));
}

export function sectionsOf(body: string, head = ''): CommentSection[] {
  const detection = detect(body, head);
  if (detection.status !== 'found') throw new Error(`expected a comment section, got ${JSON.stringify(detection)}`);
  return detection.sections;
}

/** Detects and parses a page that must hold exactly one section. */
export function parseOne(body: string, head = ''): ParsedSection {
  const sections = sectionsOf(body, head);
  if (sections.length !== 1) throw new Error(`expected one section, got ${sections.length}`);
  return parseSection(sections[0]!);
}

export interface ItemSpec {
  id: number;
  depth: number;
  author: string;
  url?: string;
  /** Extra comment_class tokens: 'bypostauthor', 'pingback'… (the type token defaults to 'comment'). */
  classes?: string;
  text?: string;
  /** Nested replies (already rendered). */
  children?: string;
  pending?: boolean;
}

const typeOf = (spec: ItemSpec): string => (/\b(pingback|trackback)\b/.test(spec.classes ?? '') ? '' : 'comment ');

export function commentClass(spec: ItemSpec): string {
  return `${typeOf(spec)}${spec.classes ?? ''} even depth-${spec.depth}${spec.children ? ' parent' : ''}`.replace(/\s+/g, ' ').trim();
}

function authorLink(spec: ItemSpec): string {
  return spec.url ? `<a href='${spec.url}' rel='external nofollow ugc' class='url'>${spec.author}</a>` : spec.author;
}

const POST = 'https://blog.example/my-post/';

function replyLink(spec: ItemSpec, below: string): string {
  return `<div class="reply"><a rel='nofollow' class='comment-reply-link' href='${POST}?replytocom=${spec.id}#respond' data-commentid="${spec.id}" data-postid="5" data-belowelement="${below}" data-respondelement="respond" data-replyto="Reply to ${spec.author}">Reply</a></div>`;
}

/** Core `Walker_Comment::html5_comment` in `ol`/`ul` style; children in `ul.children`. */
export function html5Item(spec: ItemSpec): string {
  return `<li id="comment-${spec.id}" class="${commentClass(spec)}">
  <article id="div-comment-${spec.id}" class="comment-body">
    <footer class="comment-meta">
      <div class="comment-author vcard">
        <img alt='' src='https://secure.gravatar.com/avatar/${spec.id}?s=32' class='avatar avatar-32 photo' loading='lazy'/>
        <b class="fn">${authorLink(spec)}</b> <span class="says">says:</span>
      </div>
      <div class="comment-metadata">
        <a href="${POST}#comment-${spec.id}"><time datetime="2023-01-0${(spec.id % 9) + 1}T10:12:00+00:00">January ${(spec.id % 9) + 1}, 2023 at 10:12 am</time></a>
        <span class="edit-link"><a class="comment-edit-link" href="/wp-admin/comment.php?c=${spec.id}">Edit</a></span>
      </div>
      ${spec.pending ? '<em class="comment-awaiting-moderation">Your comment is awaiting moderation.</em>' : ''}
    </footer>
    <div class="comment-content"><p>${spec.text ?? `Text of ${spec.id}`}</p></div>
    ${replyLink(spec, `div-comment-${spec.id}`)}
  </article>
  ${spec.children ? `<ul class="children">${spec.children}</ul>` : ''}
</li><!-- #comment-## -->`;
}

/** Core `Walker_Comment::comment` (xhtml format) in `ul` style: `cite.fn`, no `<time>`, no content wrapper. */
export function xhtmlItem(spec: ItemSpec): string {
  return `<li class="${commentClass(spec)}" id="comment-${spec.id}">
  <div id="div-comment-${spec.id}" class="comment-body">
    <div class="comment-author vcard"><img alt='' src='https://secure.gravatar.com/avatar/${spec.id}' class='avatar avatar-32 photo'/><cite class="fn">${authorLink(spec)}</cite> <span class="says">says:</span></div>
    <div class="comment-meta commentmetadata"><a href="${POST}#comment-${spec.id}">January 5, 2023 at 10:12 am</a>&nbsp;&nbsp;<a class="comment-edit-link" href="#">(Edit)</a></div>
    <p>${spec.text ?? `Text of ${spec.id}`}</p>
    ${replyLink(spec, `div-comment-${spec.id}`)}
  </div>
  ${spec.children ? `<ul class="children">${spec.children}</ul>` : ''}
</li>`;
}

/** Core walker with `style => div` (xhtml): item is a div, children are its direct div children, no div-comment-N. */
export function divStyleItem(spec: ItemSpec): string {
  return `<div class="${commentClass(spec)}" id="comment-${spec.id}">
    <div class="comment-author vcard"><cite class="fn">${authorLink(spec)}</cite> <span class="says">says:</span></div>
    <div class="comment-meta commentmetadata"><a href="${POST}#comment-${spec.id}">March 2, 2023 at 8:00 am</a></div>
    <p>${spec.text ?? `Text of ${spec.id}`}</p>
    ${replyLink(spec, `comment-${spec.id}`)}
    ${spec.children ?? ''}
  </div><!-- #comment-## -->`;
}

/** Block theme `core/comment-template`: full comment_class on the li, children in a bare `<ol>`. */
export function blockItem(spec: ItemSpec): string {
  const name = spec.url ? `<a rel="external nofollow ugc" href="${spec.url}" target="_self">${spec.author}</a>` : spec.author;
  return `<li id="comment-${spec.id}" class="${commentClass(spec)}">
  <div class="wp-block-columns"><div class="wp-block-column" style="flex-basis:40px">
    <div class="wp-block-avatar"><img alt="${spec.author} Avatar" src="https://secure.gravatar.com/avatar/${spec.id}?s=40" class="avatar avatar-40 photo wp-block-avatar__image"></div>
  </div><div class="wp-block-column">
    <div class="wp-block-comment-author-name">${name}</div>
    <div class="wp-block-comment-date"><time datetime="2023-02-0${(spec.id % 9) + 1}T09:00:00+00:00"><a href="${POST}#comment-${spec.id}">February ${(spec.id % 9) + 1}, 2023</a></time></div>
    <div class="wp-block-comment-content"><p>${spec.text ?? `Text of ${spec.id}`}</p></div>
    <div class="wp-block-comment-reply-link"><a rel='nofollow' class='comment-reply-link' href='${POST}?replytocom=${spec.id}#respond' data-commentid="${spec.id}" data-postid="5" data-belowelement="comment-${spec.id}" data-respondelement="respond">Reply</a></div>
  </div></div>
  ${spec.children ? `<ol>${spec.children}</ol>` : ''}
</li>`;
}

/** A comments area around a list, with (or without) the comment form. */
export function commentsArea(list: string, options: { form?: boolean; listTag?: string; extra?: string } = {}): string {
  const tag = options.listTag ?? 'ol';
  const form = options.form === false ? '' : COMMENT_FORM;
  return `<div id="comments" class="comments-area"><h2 class="comments-title">Comments</h2><${tag} class="comment-list">${list}</${tag}>${options.extra ?? ''}${form}</div>`;
}

export const COMMENT_FORM = `<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
<form action="https://blog.example/wp-comments-post.php" method="post" id="commentform" class="comment-form"><textarea id="comment" name="comment"></textarea>
<input type='hidden' name='comment_post_ID' value='5' id='comment_post_ID' /><input type='hidden' name='comment_parent' id='comment_parent' value='0' /></form></div>`;

/** The "Recent Comments" widget of WordPress core (lists comments of other posts: never a thread). */
export const RECENT_COMMENTS_WIDGET = `<aside id="recent-comments-2" class="widget widget_recent_comments"><h2 class="widget-title">Recent Comments</h2>
<ul id="recentcomments"><li class="recentcomments"><span class="comment-author-link"><a href="https://x.example" class="url">Ann</a></span> on <a href="https://blog.example/other/#comment-7">Other post</a></li>
<li class="recentcomments"><span class="comment-author-link">Bob</span> on <a href="https://blog.example/third/#comment-9">Third post</a></li></ul></aside>`;

export const ARTICLE = `<article class="post"><h1 class="entry-title">My post</h1><div class="entry-content"><p>Post text.</p></div></article>`;
