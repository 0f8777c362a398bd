/**
 * The hostile pages through the real pipeline in jsdom: parsing never throws, names and dates stay text,
 * script URLs are dropped, and the parent-preview path (content HTML → DOMPurify) yields nothing executable.
 */
import { describe, expect, it } from 'vitest';
import { listParticipants } from '@/utils/thread/participants';
import type { ThreadComment } from '@/utils/thread/types';
import { previewHtml } from '@/utils/view/preview/content';
import { sanitizeCommentHtml } from '@/utils/view/preview/sanitize';
import { buildClobberingPage, buildXssPage, type HostilePage } from './hostile-pages';
import { allComments, parseHtmlPage } from './parse-page';
import { XSS_PAYLOADS, type Payload } from './payloads';
import { parsedInvariantViolations } from './thread-invariants';

/** What the page shows for a piece of markup: its text, whitespace collapsed (template: nothing loads or runs). */
function visibleText(markup: string): string {
  const template = document.createElement('template');
  template.innerHTML = markup;
  return (template.content.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Tags whose text a reader never sees. */
const UNSHOWN = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/** The text nodes of `el` a reader sees, in order (an oracle independent of the parser's text reader). */
function shownText(el: Element | null): string {
  if (!el) return '';
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(el, 4 /* SHOW_TEXT */);
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    let hidden = false;
    for (let up = node.parentElement; up && up !== el; up = up.parentElement) if (UNSHOWN.has(up.tagName)) hidden = true;
    if (!hidden) parts.push(node.nodeValue ?? '');
  }
  return parts.join(' ');
}

/** Characters that would break out of an attribute or a tag if a URL were ever interpolated into HTML. */
const BREAKOUT_CHARS = /["<>`\s]/;


function parsePage(page: HostilePage) {
  const result = parseHtmlPage(page.html);
  const byId = new Map(allComments(result).map((c) => [c.id, c]));
  return { result, byId };
}

/** Structural invariant violations of every section (ids, parents, URLs, dates, element maps). */
function structuralViolations(result: ReturnType<typeof parseHtmlPage>): string[] {
  return result.sections
    .flatMap((section) => parsedInvariantViolations(section))
    .filter((v) => v.kind === 'structure')
    .map((v) => v.message);
}

describe('hostile XSS page', () => {
  const page = buildXssPage();
  const { result, byId } = parsePage(page);
  const commentOf = (payload: Payload): ThreadComment => {
    const entry = page.comments.find((c) => c.payload === payload)!;
    const comment = byId.get(entry.id);
    expect(comment?.id, `comment of ${payload.id}`).toBe(String(entry.id));
    return comment!;
  };

  it(`holds ${XSS_PAYLOADS.length} payloads, every comment parsed, invariants kept`, () => {
    expect(result.detection.status).toBe('found');
    expect(result.sections).toHaveLength(1);
    expect(structuralViolations(result)).toEqual([]);
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(XSS_PAYLOADS.map((p) => p.id)).size).toBe(XSS_PAYLOADS.length);
    for (const { id, replyId, answerId, payload } of page.comments) {
      expect(byId.has(id), payload.id).toBe(true);
      if (payload.id !== 'n-script-breakout' && payload.id !== 'u-javascript-entities') {
        expect(byId.get(replyId)?.parentId, payload.id).toBe(id);
        expect(byId.get(answerId)?.parentId, payload.id).toBe(replyId);
      }
    }
  });

  it.each(XSS_PAYLOADS.filter((p) => p.slot === 'name'))('$id: the author name is the text the page shows', (payload) => {
    expect(commentOf(payload).author.name).toBe(visibleText(payload.markup));
  });

  it.each(XSS_PAYLOADS.filter((p) => p.slot === 'url'))('$id: the author URL is dropped or inert', (payload) => {
    const url = commentOf(payload).author.url;
    if (payload.expect?.urlNull) expect(url).toBeNull();
    else expect(url).toMatch(/^https:\/\/ok\.example\//);
    if (url !== null) expect(url).not.toMatch(BREAKOUT_CHARS);
  });

  it.each(XSS_PAYLOADS.filter((p) => p.slot === 'avatar'))('$id: the avatar is dropped or an inert image URL', (payload) => {
    const avatar = commentOf(payload).author.avatar;
    if (payload.expect?.avatarNull) expect(avatar).toBeNull();
    if (avatar !== null) {
      expect(avatar).toMatch(/^(?:https?:|data:image\/)/i);
      expect(avatar).not.toMatch(BREAKOUT_CHARS);
    }
  });

  it.each(XSS_PAYLOADS.filter((p) => p.slot === 'datetime' || p.slot === 'dateText'))('$id: dates are ISO or null, date text is text', (payload) => {
    const comment = commentOf(payload);
    if (payload.expect?.dateNull) expect(comment.date).toBeNull();
    if (payload.slot === 'dateText') expect(comment.dateText).toBe(visibleText(payload.markup));
  });

  it.each(XSS_PAYLOADS.filter((p) => p.slot === 'permalink'))('$id: drops a javascript: permalink', (payload) => {
    expect(commentOf(payload).permalink).toBeNull();
  });

  const contentPayloads = XSS_PAYLOADS.filter((p) => p.slot === 'content');
  it('has content payloads to check', () => expect(contentPayloads.length).toBeGreaterThanOrEqual(30));

  it.each(contentPayloads)('$id: comment text is the text the page shows', (payload) => {
    const entry = page.comments.find((c) => c.payload === payload)!;
    const text = commentOf(payload).text;
    const shown = shownText(result.doc.querySelector(`#comment-${entry.id} .comment-content`));
    expect(shown, 'the page shows the payload comment').toContain(`Payload ${payload.id}:`);
    // Whitespace aside (the parser separates blocks with spaces), the same characters in the same order.
    expect(text.replace(/\s+/g, '')).toBe(shown.replace(/\s+/g, ''));
    // Entity-encoded markup is kept as the literal text the reader sees, never decoded into tags.
    if (payload.markup.startsWith('&lt;')) expect(text).toContain(visibleText(payload.markup));
  });

  it('keeps hostile names as text in the post author and the participants', () => {
    const thread = result.sections[0]!.thread;
    const breakout = XSS_PAYLOADS.find((p) => p.id === 'n-attr-breakout')!;
    expect(thread.postAuthor?.name).toBe(visibleText(breakout.markup));
    const names = listParticipants(thread).map((p) => p.name);
    for (const payload of XSS_PAYLOADS.filter((p) => p.slot === 'name' && p.id !== 'n-script-breakout')) {
      expect(names).toContain(visibleText(payload.markup));
    }
    for (const participant of listParticipants(thread)) {
      if (participant.url !== null) expect(participant.url, participant.name).toMatch(/^https?:\/\//);
    }
  });
});

describe('hostile clobbering page', () => {
  it('parses every real comment despite clobbered document and form properties', () => {
    const page = buildClobberingPage();
    const { result, byId } = parsePage(page);
    expect(structuralViolations(result)).toEqual([]);
    for (const { id, replyId, answerId } of page.comments) {
      expect(byId.has(id)).toBe(true);
      expect(byId.get(replyId)?.parentId).toBe(id);
      expect(byId.get(answerId)?.parentId).toBe(replyId);
    }
  });
});

/** Executable leftovers: the forbid-list view (the sanitizer's own test checks its allow-list). */
const EXECUTABLE_ELEMENTS = 'script, iframe, frame, object, embed, applet, base, meta, link, form, svg, math, template, noscript, style';
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'cite'];

function executableLeftovers(root: ParentNode): string[] {
  const found = [...root.querySelectorAll(EXECUTABLE_ELEMENTS)].map((el) => `<${el.localName}>`);
  for (const el of root.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const value = attr.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (attr.name.startsWith('on') || attr.name === 'srcdoc' || attr.name === 'style') found.push(`<${el.localName} ${attr.name}>`);
      if (URL_ATTRIBUTES.includes(attr.name) && /^(?:javascript|vbscript|data):/.test(value)) found.push(`<${el.localName} ${attr.name}=${attr.value}>`);
    }
  }
  return found;
}

describe('parent preview path on the hostile pages', () => {
  it.each([buildXssPage(), buildClobberingPage()])('$file: every comment content sanitizes to nothing executable', (page) => {
    const parsed = parsePage(page).result.sections[0]!;
    let previews = 0;
    for (const comment of parsed.thread.comments) {
      const html = previewHtml(parsed.parts.get(comment.id));
      if (html === null) continue; // skip: `previews` counts the others, asserted against the page's comments below
      previews++;
      const holder = document.createElement('div');
      holder.append(sanitizeCommentHtml(html, document));
      expect(executableLeftovers(holder), comment.id).toEqual([]);
      // Serialized and parsed again (mutation XSS), still nothing.
      const reparsed = document.createElement('template');
      reparsed.innerHTML = holder.innerHTML;
      expect(executableLeftovers(reparsed.content), `${comment.id} re-parsed`).toEqual([]);
    }
    expect(previews).toBeGreaterThanOrEqual(page.comments.length);
  });

  it('every payload, in any slot, sanitizes to nothing executable', () => {
    for (const payload of XSS_PAYLOADS) {
      const holder = document.createElement('div');
      // Attribute payloads are raw attribute text: give them an element to sit on, as in the page.
      const html = payload.slot === 'avatar' ? `<img ${payload.markup}>` : payload.slot === 'url' || payload.slot === 'permalink' ? `<a href='${payload.markup}'>x</a>` : payload.markup;
      holder.append(sanitizeCommentHtml(html, document));
      expect(executableLeftovers(holder), payload.id).toEqual([]);
    }
  });
});
