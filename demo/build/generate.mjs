// Writes the demo blog of `npm start` into demo/site/: posts whose comment threads take the shapes Threadlight
// meets (classic and block themes, English and French, flat with "@ Name" replies, paginated, 1,600 comments, no
// comments at all), each page with a truth file in the schema of ../shared/corpus/*.truth.json, and manifest.json.
// The comment markup comes from the WordPress core transcriptions of tests/fixtures/markup/build (Walker_Comment,
// the block comment template, comment_form, the Recent Comments widget): this file only lays out the pages.
//   node demo/build/generate.mjs          write the files
//   node demo/build/generate.mjs --check  fail if a file on disk differs from a fresh render

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listComments } from '../../tests/fixtures/markup/build/core-walker.mjs';
import { blockComments, commentsPagination } from '../../tests/fixtures/markup/build/fixtures-core.mjs';
import { buildTruth } from '../../tests/fixtures/markup/build/generate.mjs';
import { formatDate } from '../../tests/fixtures/markup/build/labels.mjs';
import { SRC } from '../../tests/fixtures/markup/build/sources.mjs';
import { article, commentForm, createContext, esc, recentCommentsWidget, sprintf } from '../../tests/fixtures/markup/build/wp-core.mjs';
import { bigThread } from './big-thread.mjs';
import { carnet, garden, kiln, quietPost, radios, reliure } from './threads.mjs';

const SITE_DIR = join(dirname(fileURLToPath(import.meta.url)), '../site');
/** Truth files and the manifest name pages by this origin (the tests serve the site on 127.0.0.1, any port). */
const ORIGIN = 'http://127.0.0.1';
const AVATAR_COLOURS = ['#7a5c3e', '#3e6a7a', '#6a7a3e', '#7a3e5c', '#4b4f8a', '#8a6a2e', '#2e7a62', '#8a3e3e', '#5c5c5c', '#3e7a3e', '#6a3e7a', '#2e5f8a'];

/** A render of `thread` with demo avatars (local SVGs, no request leaves the machine). */
function context(thread, opts) {
  const ctx = createContext(thread, opts);
  ctx.avatar = (c, size, extraClass = '', alt = '') => {
    if (c.type !== 'comment') return '';
    const n = createHash('md5').update(c.author).digest()[0] % AVATAR_COLOURS.length;
    return `<img alt='${esc(alt)}' src='/assets/avatars/${n}.svg' class='avatar avatar-${size} photo${extraClass ? ` ${extraClass}` : ''}' height='${size}' width='${size}' loading='lazy' decoding='async'/>`;
  };
  return ctx;
}

const TEXT = {
  en: { demo: 'A demo blog for Threadlight: the people and the text are invented.', home: 'Home', skip: 'Skip to content', closedNone: 'No comments yet. Be the first to leave one.' },
  fr: { demo: 'Un blog de démonstration pour Threadlight : les personnes et les textes sont inventés.', home: 'Accueil', skip: 'Aller au contenu', closedNone: 'Pas encore de commentaire.' },
};

/** The page around the content: header, main, sidebar with the blog's Recent Comments widget, footer. */
function shell({ lang, key, title, siteName, bodyClass, main, sidebar = '' }) {
  const t = TEXT[key];
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${esc(title)}</title>
<link rel="stylesheet" href="/assets/demo.css">
</head>
<body class="${bodyClass}">
<a class="skip-link screen-reader-text" href="#main">${t.skip}</a>
<div id="page" class="site">
<header id="masthead" class="site-header"><p class="site-title"><a href="/" rel="home">${esc(siteName)}</a></p><nav class="site-nav" aria-label="${t.home}"><a href="/">${t.home}</a></nav></header>
<div id="content" class="site-content">
<main id="main" class="site-main">
${main}</main>
${sidebar ? `<aside id="secondary" class="widget-area">\n${sidebar}\n</aside>\n` : ''}</div>
<footer id="colophon" class="site-footer"><p>${t.demo}</p></footer>
</div>
<script src="/assets/comment-reply.js" id="comment-reply-js" async></script>
</body>
</html>
`;
}

const count = (ctx) => ctx.thread.comments.length;

/** A classic theme's comments.php around wp_list_comments() (html5, ol, short pings), with optional pagination. */
function classicComments(ctx, { comments, pagination = '' } = {}) {
  const { L, post } = ctx;
  const none = count(ctx) === 0 ? `\t<p class="no-comments-yet">${TEXT[ctx.lang].closedNone}</p>\n` : '';
  const list = count(ctx) === 0 ? '' : `\t<h2 class="comments-title">${sprintf(L.thoughts, count(ctx), esc(post.title))}</h2>
${pagination}\t<ol class="comment-list">
${listComments(ctx, { style: 'ol', format: 'html5', shortPing: true, avatarSize: 48, comments })}\t</ol><!-- .comment-list -->
${pagination}`;
  return `<div id="comments" class="comments-area">
${list}${none}${commentForm(ctx)}</div><!-- #comments -->
`;
}

/** A block theme's core/comments block: title, comment template (bare <ol> replies), form. */
function blockCommentsArea(ctx) {
  const { L, post } = ctx;
  return `<div class="wp-block-comments wp-block-comments-query-loop">
\t<h2 id="comments" class="wp-block-comments-title">${sprintf(L.responses, count(ctx), `&#8220;${esc(post.title)}&#8221;`)}</h2>
\t<ol class="wp-block-comment-template">${blockComments(ctx, ctx.thread.comments)}</ol>
\t${commentForm(ctx, { containerClass: 'comment-respond wp-block-post-comments-form', submitWrapClass: 'form-submit wp-block-button', submitClass: 'wp-block-button__link wp-element-button' })}
</div>
`;
}

/** The blog's Recent Comments widget: the latest comments of the radio post, in the page's language. */
function sidebarFor(key) {
  return recentCommentsWidget(context(key === 'fr' ? reliure : radios));
}

function postPage(ctx, { theme, comments }) {
  const { thread } = ctx;
  const body = theme === 'block' ? `${article(ctx)}${comments}` : `${article(ctx)}${comments}`;
  return shell({
    lang: thread.lang,
    key: thread.key,
    title: `${thread.post.title} – ${thread.site.name}`,
    siteName: thread.site.name,
    bodyClass: `post-template-default single single-post postid-${thread.post.id} theme-${theme}`,
    main: body,
    sidebar: theme === 'block' ? '' : sidebarFor(thread.key),
  });
}

/** Truth in the schema of ../shared/corpus, from what the walker printed (wp-core.mjs records it). */
function truthOf(ctx, { slug, theme, system, notes, url }) {
  const truth = buildTruth({ theme, slug, source: SRC.walker, notes, system, commentsExist: count(ctx) > 0 }, ctx);
  const comments = truth.comments;
  const real = comments.filter((c) => c.type === 'comment');
  const pings = comments.filter((c) => c.type !== 'comment');
  const distinct = (list) => new Set(list.map((c) => `${c.author.toLowerCase()}\n${c.author_url}`)).size;
  return {
    ...truth,
    corpus: 'demo',
    html: 'index.html',
    url,
    truth_basis: 'generated: invented threads rendered through the WordPress core transcriptions of tests/fixtures/markup/build (demo/build/generate.mjs)',
    summary: {
      comments: comments.length,
      participants: distinct(real) + distinct(pings),
      post_author_replies: comments.filter((c) => c.is_post_author).length,
      pingbacks: pings.filter((c) => c.type === 'pingback').length,
      trackbacks: pings.filter((c) => c.type === 'trackback').length,
      max_depth: Math.max(0, ...comments.map((c) => c.depth)),
    },
    comments,
  };
}

const AVATAR = (colour) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64"><rect width="64" height="64" fill="${colour}"/><circle cx="32" cy="25" r="12" fill="#f4efe6" fill-opacity=".9"/><path d="M10 64c2-14 11-21 22-21s20 7 22 21z" fill="#f4efe6" fill-opacity=".9"/></svg>\n`;

/** Every file of the demo site, as [path under demo/site, content]; and the manifest. */
export function renderSite() {
  const files = [];
  const pages = [];
  const add = (dir, html, truth, meta) => {
    const path = dir ? `${dir}/index.html` : 'index.html';
    files.push([path, html]);
    const truthPath = path.replace(/\.html$/, '.truth.json');
    files.push([truthPath, `${JSON.stringify(truth, null, 1)}\n`]);
    pages.push({ ...meta, html: path, truth: truthPath, url: `${ORIGIN}/${dir ? `${dir}/` : ''}`, comments: truth.comments.length, locale: truth.locale });
  };
  const post = (thread, { key, theme, kind, description, opts, dir = thread.post.slug, comments, pagination, system = theme === 'block' ? 'wordpress-block' : 'wordpress-classic', notes }) => {
    const ctx = context(thread, opts);
    const area = theme === 'block' ? blockCommentsArea(ctx) : classicComments(ctx, { comments, pagination: pagination?.(ctx) ?? '' });
    const html = postPage(ctx, { theme, comments: area });
    const url = `${ORIGIN}/${dir}/`;
    add(dir, html, truthOf(ctx, { slug: key, theme: `demo-${theme}`, system, notes, url }), { key, kind, theme, lang: thread.lang, title: thread.post.title, description });
  };

  post(radios, { key: 'classic', theme: 'classic', kind: 'nested', description: 'Classic theme, nested to depth 5, the author answering, a pingback', notes: 'Classic theme: wp_list_comments() html5, style ol, short pings, avatar 48, ol.children; thread_comments_depth 5.' });
  post(garden, { key: 'block', theme: 'block', kind: 'nested', description: 'Block theme: the comment template, bare <ol> replies', notes: 'Block theme core/comments: li#comment-N with comment_class, bare <ol> replies, data-belowelement="comment-N", no div-comment-N.' });
  post(reliure, { key: 'french', theme: 'classic', kind: 'nested', description: 'En français : fil imbriqué, réponses de l’autrice', notes: 'Classic theme in French (fr_FR labels), nested to depth 5.' });
  post(carnet, { key: 'flat', theme: 'classic', kind: 'flat', opts: { threaded: false }, description: 'Fil plat : réponses « @ Nom », pingbacks et un trackback', notes: 'thread_comments off: every item depth-1, no reply links; replies written "@ Name"; two pingbacks and a trackback (short pings).' });
  const firstPage = new Set([901, 902, 904, 903, 905, 907, 909, 906, 908, 910]);
  const onPage = (n) => kiln.comments.filter((c) => firstPage.has(c.id) === (n === 1));
  const nav = (n) => (ctx) => `${commentsPagination(ctx, n, 2, `&larr; ${ctx.L.older}`, `${ctx.L.newer} &rarr;`)}\n`;
  const pagedNotes = (n) => `page_comments on, 3 threads per page, oldest first: comment page ${n} of 2, linked to the other by the_comments_pagination() (comment-page-N URLs).`;
  post(kiln, { key: 'paged', theme: 'classic', kind: 'paged', opts: { cpage: 1 }, comments: onPage(1), pagination: nav(1), description: 'Paginated: comment page 1 of 2 (the post’s own address)', notes: pagedNotes(1) });
  post(kiln, { key: 'paged-1', dir: `${kiln.post.slug}/comment-page-1`, theme: 'classic', kind: 'paged', opts: { cpage: 1 }, comments: onPage(1), pagination: nav(1), description: 'Paginated: comment page 1 of 2', notes: pagedNotes(1) });
  post(kiln, { key: 'paged-2', dir: `${kiln.post.slug}/comment-page-2`, theme: 'classic', kind: 'paged', opts: { cpage: 2 }, comments: onPage(2), pagination: nav(2), description: 'Paginated: comment page 2 of 2', notes: pagedNotes(2) });
  post(bigThread(), { key: 'big', theme: 'classic', kind: 'big', description: '1,600 comments', notes: 'Generated big thread: 1,600 comments, nested to depth 5, classic theme.' });
  post(quietPost, { key: 'no-comments', theme: 'classic', kind: 'none', description: 'A post without comments (open form, comment-reply.js, a Recent Comments widget)', notes: 'No comment yet: the comment form, comment-reply.js and the Recent Comments widget are on the page, no comment list.' });

  const news = newsArticle();
  add('news/harbour-ferries', news, { theme: 'demo-news', corpus: 'demo', variant: 'article', html: 'index.html', url: `${ORIGIN}/news/harbour-ferries/`, notes: 'A news article, not a blog: no comment system at all.', system: 'none', locale: 'en_US', comments_exist: false, comments: [] }, { key: 'article', kind: 'none', theme: 'news', lang: 'en-US', title: 'Harbour ferries return to the old timetable', description: 'A news article without comments (no WordPress)' });
  add('', homePage(pages), { theme: 'demo-home', corpus: 'demo', variant: 'home', html: 'index.html', url: `${ORIGIN}/`, notes: 'The blog home: a list of posts with comment counts, no comment list.', system: 'none', locale: 'en_US', comments_exist: false, comments: [] }, { key: 'home', kind: 'none', theme: 'classic', lang: 'en-US', title: 'The demo blog', description: 'The list of demo pages' });

  AVATAR_COLOURS.forEach((colour, n) => files.push([`assets/avatars/${n}.svg`, AVATAR(colour)]));
  const manifest = { about: 'Demo pages of Threadlight, generated by demo/build/generate.mjs (invented people and text).', pages };
  files.push(['manifest.json', `${JSON.stringify(manifest, null, 1)}\n`]);
  return files;
}

function homePage(pages) {
  const items = pages
    .filter((p) => p.kind !== 'none' && p.key !== 'paged-1')
    .map((p) => `<li class="post-summary" lang="${p.lang}"><h2 class="entry-title"><a href="/${p.html.replace(/index\.html$/, '')}">${esc(p.title)}</a></h2><p>${esc(p.description)} · <a href="/${p.html.replace(/index\.html$/, '')}#comments">${p.comments} comments</a></p></li>`);
  const quiet = pages
    .filter((p) => p.kind === 'none')
    .map((p) => `<li class="post-summary" lang="${p.lang}"><h2 class="entry-title"><a href="/${p.html.replace(/index\.html$/, '')}">${esc(p.title)}</a></h2><p>${esc(p.description)}</p></li>`);
  const main = `<header class="page-header"><h1 class="page-title">The demo blog</h1><p class="demo-note">Each post shows one shape of comment thread that Threadlight reads. The people and the text are invented.</p></header>
<ul class="post-list">
${items.join('\n')}
</ul>
<h2 class="list-heading">Pages without a thread (Threadlight stays out of the way)</h2>
<ul class="post-list">
${quiet.join('\n')}
</ul>
`;
  return shell({ lang: 'en-US', key: 'en', title: 'The Slow Workshop – demo blog', siteName: 'The Slow Workshop', bodyClass: 'home blog theme-classic', main });
}

function newsArticle() {
  const paragraphs = [
    'The harbour ferries will return to their old timetable from Monday, after six weeks of reduced crossings while the north pier was repaired.',
    'The first boat leaves at ten to seven, as before, and the last one crosses back at half past eleven. Weekend crossings keep the summer frequency until the end of September.',
    'The repairs replaced forty metres of timber decking and two of the iron bollards, which had been in place since the pier was rebuilt after the storm of 1953.',
    'Passengers with season tickets will have the six weeks added to their tickets automatically; nothing needs to be done at the kiosk.',
    'The harbour office thanks residents for their patience during the works, and reminds cyclists that bicycles travel free on the first and last crossings of the day.',
  ];
  const main = `<article class="news-article">
<header><p class="kicker">Local news</p><h1>Harbour ferries return to the old timetable</h1><p class="byline">By Tamsin Orrell · <time datetime="2025-06-14T06:00:00+00:00">14 June 2025</time></p></header>
${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
<aside class="related"><h2>More from the harbour</h2><ul><li><a href="/news/harbour-ferries/#timetable">The full timetable</a></li><li><a href="/">Back to the demo blog</a></li></ul></aside>
</article>
`;
  return shell({ lang: 'en-GB', key: 'en', title: 'Harbour ferries return to the old timetable – Harbour Post', siteName: 'The Harbour Post', bodyClass: 'news theme-news', main });
}

function main() {
  const check = process.argv.includes('--check');
  let stale = 0;
  const files = renderSite();
  for (const [path, text] of files) {
    const file = join(SITE_DIR, path);
    if (check) {
      if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
        console.error(`stale: demo/site/${path}`);
        stale++;
      }
    } else {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  }
  if (check && stale) {
    console.error(`${stale} demo file(s) differ from a fresh render; run node demo/build/generate.mjs`);
    process.exit(1);
  }
  console.log(`${check ? 'checked' : 'wrote'} ${files.length} files in demo/site`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
