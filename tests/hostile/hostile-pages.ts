/**
 * Builds the hostile WordPress pages from the payload set: one depth-1 comment per payload, each with a quiet
 * reply (so hovering the reply previews the hostile parent) and a reply back from the hostile author.
 * Used in memory by the jsdom tests and written to a temp dir by the e2e tests (writeHostilePages).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CLOBBERING_PAYLOADS, type Payload, XSS_PAYLOADS } from './payloads';
import { type CommentSpec, renderComments, renderPage } from './wp-markup';

/**
 * First in <head>: records every payload call (array + console line, which survives a navigation).
 * Defined by the page in its main world, where inline handlers and page scripts run.
 */
export const PWNED_RECORDER = `<script>
window.__pwnedCalls = [];
window.__pwned = function (id) {
  window.__pwnedCalls.push(String(id));
  try { console.log('__pwned:' + id); } catch (e) {}
};
</script>`;

export interface HostileComment {
  /** WordPress id of the comment carrying the payload. */
  id: string;
  payload: Payload;
  /** Ids of its quiet reply and of the hostile author's answer to it. */
  replyId: string;
  answerId: string;
}

export interface HostilePage {
  /** File name when written to disk (also the post path). */
  file: string;
  html: string;
  comments: HostileComment[];
}

/** Payloads rendered as pingbacks (name = the linking page's title, url = its link): nobody replies to them. */
export const AS_PINGBACK_IDS: ReadonlySet<string> = new Set(['n-script-breakout', 'u-javascript-entities']);
const AS_PINGBACK = AS_PINGBACK_IDS;
/** Payloads whose comment is marked bypostauthor (so the hostile name is also the post author's). */
const AS_POST_AUTHOR = new Set(['n-attr-breakout', 'u-javascript']);

function specFor(payload: Payload, id: number): CommentSpec {
  const spec: CommentSpec = { id, depth: 1 };
  const slot = payload.slot;
  if (slot === 'content') spec.contentHtml = `<p>Payload ${payload.id}:</p>\n${payload.markup}`;
  else spec.contentHtml = `<p>Payload ${payload.id} is in the ${slot}.</p>`;
  if (slot === 'name') spec.nameHtml = payload.markup;
  if (slot === 'name' || slot === 'replyTo') spec.replyTo = payload.markup;
  if (slot === 'url') {
    spec.url = payload.markup;
    spec.nameHtml = `Linked ${payload.id}`;
  }
  if (slot === 'avatar') spec.avatarAttrs = payload.markup;
  if (slot === 'datetime') spec.datetime = payload.markup;
  if (slot === 'dateText') spec.dateText = payload.markup;
  if (slot === 'permalink') spec.permalink = payload.markup.replaceAll('{id}', String(id));
  if (AS_PINGBACK.has(payload.id)) spec.type = 'pingback';
  if (AS_POST_AUTHOR.has(payload.id)) spec.postAuthor = true;
  if (spec.type === 'pingback') return spec;

  // A quiet reply (its preview shows the hostile parent), then the hostile author answers it.
  const answer: CommentSpec = { ...spec, id: id + 2, depth: 3, children: [], contentHtml: `<p>Answer from ${payload.id}.</p>` };
  const reply: CommentSpec = {
    id: id + 1,
    depth: 2,
    nameHtml: 'Quiet Reader',
    contentHtml: `<p>A calm reply to ${payload.id}.</p>`,
    children: [answer],
  };
  spec.children = [reply];
  return spec;
}

function buildPage(file: string, title: string, payloads: Payload[], firstId: number): HostilePage {
  const postPath = `/${file}`;
  const comments: HostileComment[] = [];
  const specs = payloads.map((payload, i) => {
    const id = firstId + i * 10;
    comments.push({ id: String(id), payload, replyId: String(id + 1), answerId: String(id + 2) });
    return specFor(payload, id);
  });
  const html = renderPage({
    title,
    postPath,
    headHtml: PWNED_RECORDER,
    commentsTitle: `${payloads.length} hostile comments`,
    listHtml: renderComments(specs, postPath),
  });
  return { file, html, comments };
}

/** The XSS page: every payload of XSS_PAYLOADS in its slot. */
export function buildXssPage(): HostilePage {
  return buildPage('hostile-xss.html', 'Hostile comments', XSS_PAYLOADS, 1000);
}

/** The DOM-clobbering page (ids and names that shadow the DOM API, duplicate and spoofed comments). */
export function buildClobberingPage(): HostilePage {
  return buildPage('hostile-clobbering.html', 'Clobbering comments', CLOBBERING_PAYLOADS, 900001);
}

/** Both hostile pages. */
export function buildHostilePages(): HostilePage[] {
  return [buildXssPage(), buildClobberingPage()];
}

/** Write the hostile pages into `dir` (a temp dir: they are generated, never committed). */
export function writeHostilePages(dir: string): HostilePage[] {
  mkdirSync(dir, { recursive: true });
  const pages = buildHostilePages();
  for (const page of pages) writeFileSync(path.join(dir, page.file), page.html);
  return pages;
}
