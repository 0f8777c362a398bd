/**
 * A hostile page as page 2 of a post: every payload of tests/hostile comes through the merge. The merged nodes carry
 * no script, handler, script URL, style, data-* attribute, name, or page-chosen id (ids are only WordPress's
 * `comment-N` forms, rebuilt from the numeric id), even after a serialize/parse round trip; and the page's clobbering
 * markup cannot shadow a document property through them.
 */
import { describe, expect, it } from 'vitest';
import { loadAllCommentPages } from '@/utils/merge/load-all-pages';
import type { CommentParts } from '@/utils/parse/types';
import { ATTR_COMMENT, ATTR_ENHANCED, ATTR_UI } from '@/utils/view/dom-contract';
import { buildClobberingPage, buildXssPage, type HostilePage } from '../../hostile/hostile-pages';
import { fakeFetch, openPage } from './paged-site';
import { asCommentPage, pageHtml, pageUrl, type SiteOptions } from './synthetic-site';

const SITE: SiteOptions = { pages: 2, perPage: 2 };

/** The hostile page, served as page 2 of the synthetic post (same post id, 7; a navigation back to page 1). */
const asPageTwo = (page: HostilePage) => asCommentPage(page.html, 2, SITE);

const EXECUTABLE_ELEMENTS = 'script, iframe, frame, object, embed, applet, base, meta, link, form, input, button, svg, math, template, noscript, style, textarea, select';
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'cite'];
const STRUCTURAL_ID = /^(?:li-comment|div-comment|comment)-\d+$/;

function leftovers(root: ParentNode): string[] {
  const found = Array.from(root.querySelectorAll(EXECUTABLE_ELEMENTS), (el) => `<${el.localName}>`);
  for (const el of Array.from(root.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      const value = attr.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (/^on|^srcdoc$|^style$|^name$|^srcset$|^data-|^target$/.test(attr.name)) found.push(`<${el.localName} ${attr.name}>`);
      if (attr.name === 'id' && !STRUCTURAL_ID.test(attr.value)) found.push(`<${el.localName} id=${attr.value}>`);
      if (URL_ATTRIBUTES.includes(attr.name) && !/^(?:https?:|mailto:)/.test(value)) found.push(`<${el.localName} ${attr.name}=${attr.value}>`);
      if (attr.name === 'class' && /threadlight/i.test(attr.value)) found.push(`<${el.localName} class=${attr.value}>`);
    }
  }
  return found;
}

async function mergeHostile(page: HostilePage) {
  const routes = new Map([
    [pageUrl(1, 2), pageHtml(1, SITE)],
    [pageUrl(2, 2), asPageTwo(page)],
    [`${pageUrl(2, 2)}comment-page-2/`, asPageTwo(page)],
  ]);
  const opened = openPage(routes.get(pageUrl(1, 2))!, pageUrl(1, 2));
  const units: Element[] = [];
  const parts = new Map<string, CommentParts>();
  const result = await loadAllCommentPages({
    document: opened.doc,
    section: opened.section,
    parsed: opened.parsed,
    fetch: fakeFetch(routes),
    onPage: (event) => {
      units.push(...event.units);
      for (const [id, part] of event.parts) parts.set(id, part);
    },
  });
  const holder = opened.doc.createElement('ol');
  holder.append(...units);
  opened.section.list.append(holder);
  return { opened, result, holder, parts };
}

describe.each([buildXssPage(), buildClobberingPage()])('$file merged as page 2', (page) => {
  it('merges every hostile comment, and nothing inserted can run or clobber', async () => {
    const { result, holder, parts, opened } = await mergeHostile(page);
    expect(result.outcome).toBe('complete');
    const merged = result.pages.find((p) => p.number === 2)!;
    expect(merged.status).toBe('merged');
    expect(merged.commentIds.length).toBeGreaterThanOrEqual(page.comments.length);
    expect(merged.warnings.filter((w) => w.kind === 'unbuilt')).toEqual([]);
    expect(parts.size).toBe(merged.commentIds.length);
    expect(holder.querySelectorAll('*').length).toBeGreaterThan(100);
    expect(leftovers(holder)).toEqual([]);
    // Serialized and parsed again (mutation XSS), still nothing.
    const template = opened.doc.createElement('template');
    template.innerHTML = holder.innerHTML;
    expect(leftovers(template.content)).toEqual([]);
    // Every id in the merged nodes is a comment's own, and unique in the page.
    const ids = Array.from(holder.querySelectorAll('[id]'), (el) => el.id);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(opened.doc.querySelectorAll(`[id="${id}"]`), id).toHaveLength(1);
  });
});

describe('the clobbering page merged', () => {
  it('shadows no document property through the merged nodes', async () => {
    const names = ['getElementById', 'querySelector', 'querySelectorAll', 'body', 'forms', 'cookie', 'createElement', 'defaultView', 'title'];
    const fresh = openPage(pageHtml(1, SITE), pageUrl(1, 2)).doc as unknown as Record<string, unknown>;
    const before = names.map((name) => typeof fresh[name]);
    const { opened } = await mergeHostile(buildClobberingPage());
    const doc = opened.doc as unknown as Record<string, unknown>;
    expect(names.map((name) => typeof doc[name])).toEqual(before);
    expect(typeof opened.doc.getElementById).toBe('function');
    // The page's own markup pre-set Threadlight's attributes: none comes through.
    expect(opened.doc.querySelectorAll(`[${ATTR_ENHANCED}], [${ATTR_COMMENT}], [${ATTR_UI}]`)).toHaveLength(0);
  });
});
