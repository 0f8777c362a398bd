/** The sanitizer's `comment` mode and the merge's structural pieces: what comes through, and what never does. */
import { describe, expect, it } from 'vitest';
import { structuralId } from '@/utils/merge/build-nodes';
import { safeClassTokens, sanitizeCommentHtml, shallowCommentElement } from '@/utils/view/preview/sanitize';

function sanitize(html: string, mode: 'preview' | 'comment' = 'comment', baseUrl = 'https://blog.example/post/comment-page-2/'): HTMLElement {
  const holder = document.createElement('div');
  holder.append(sanitizeCommentHtml(html, document, { mode, baseUrl }));
  return holder;
}

describe('sanitizeCommentHtml, comment mode', () => {
  it('keeps a comment body’s structure and classes, for the theme to style it like its own', () => {
    const out = sanitize(`<article id="div-comment-5" class="comment-body" data-x="1" style="color:red"><footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Ann</b></div></footer>
      <div class="comment-content"><p>Hi</p></div><div class="reply"><a class="comment-reply-link" href="?replytocom=5#respond" data-commentid="5" aria-label="Reply to Ann" target="_top" onclick="x()">Reply</a></div></article>`);
    expect(out.innerHTML).toContain('<article class="comment-body"><footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Ann</b></div></footer>');
    const link = out.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://blog.example/post/comment-page-2/?replytocom=5#respond');
    expect(link.getAttribute('aria-label')).toBe('Reply to Ann');
    expect(link.getAttribute('rel')).toBe('nofollow ugc noopener noreferrer');
    expect([...link.attributes].map((a) => a.name).sort()).toEqual(['aria-label', 'class', 'href', 'rel']);
    expect(out.querySelector('[id], [style], [data-x], [onclick]')).toBeNull();
  });

  it('resolves relative links against the page the HTML came from', () => {
    const out = sanitize('<a href="../about/">a</a> <img src="/avatar.png" alt="x"> <q cite="note/">q</q>');
    expect(out.querySelector('a')!.getAttribute('href')).toBe('https://blog.example/post/about/');
    expect(out.querySelector('img')!.getAttribute('src')).toBe('https://blog.example/avatar.png');
    expect(out.querySelector('q')!.getAttribute('cite')).toBe('https://blog.example/post/comment-page-2/note/');
  });

  it('filters classes: CSS identifiers only, never Threadlight’s own, at most 32', () => {
    expect(safeClassTokens('comment  depth-2 threadlight-toggle ThreadlightX bad"quote 9lives _ok -ok')).toEqual(['comment', 'depth-2', '_ok', '-ok']);
    expect(safeClassTokens(Array.from({ length: 40 }, (_, i) => `c${i}`).join(' '))).toHaveLength(32);
    expect(sanitize('<p class="threadlight-bar x">t</p>').innerHTML).toBe('<p class="x">t</p>');
  });

  it('leaves preview mode as it was: no classes, links in a new tab', () => {
    const out = sanitize('<article class="comment-body"><a class="url" href="https://x.example/">x</a></article>', 'preview');
    expect(out.innerHTML).toBe('<a href="https://x.example/" rel="noopener noreferrer nofollow" target="_blank">x</a>');
  });
});

describe('shallowCommentElement', () => {
  it('copies the tag when the comment mode keeps it, and the filtered classes; nothing else', () => {
    const source = document.createElement('li');
    source.setAttribute('class', 'comment depth-1 threadlight-x');
    source.setAttribute('id', 'comment-5');
    source.setAttribute('onclick', 'x()');
    source.innerHTML = '<p>child</p>';
    const copy = shallowCommentElement(source, document);
    expect(copy.outerHTML).toBe('<li class="comment depth-1"></li>');
    for (const tag of ['iframe', 'form', 'script', 'a', 'img', 'wpd-comment']) {
      expect(shallowCommentElement(document.createElement(tag), document).localName, tag).toBe('div');
    }
  });
});

describe('structuralId', () => {
  it('re-creates WordPress’s own item ids from the closed patterns and the numeric id only', () => {
    expect(structuralId('comment-30', '30')).toBe('comment-30');
    expect(structuralId('li-comment-30', '30')).toBe('li-comment-30');
    expect(structuralId('div-comment-30', '30')).toBe('div-comment-30');
    expect(structuralId('wpd-comm-30_12', '30')).toBe('wpd-comm-30_12');
    // wpDiscuz 4–5 (`wc-comm-ID_PARENT`) and 2–3 (`wc-comm-POST_ID`: the post id first).
    expect(structuralId('wc-comm-30_12', '30')).toBe('wc-comm-30_12');
    expect(structuralId('wc-comm-88_30', '30')).toBe('wc-comm-88_30');
    expect(structuralId('wpd-comm-88_30', '30')).toBeNull();
    expect(structuralId('wc-comm-88_31', '30')).toBeNull();
    expect(structuralId('comment-31', '30')).toBeNull();
    expect(structuralId('getElementById', '30')).toBeNull();
    expect(structuralId('comment-30x', '30')).toBeNull();
    expect(structuralId('comment-anon-1', 'anon-1')).toBeNull();
    expect(structuralId(null, '30')).toBeNull();
  });
});
