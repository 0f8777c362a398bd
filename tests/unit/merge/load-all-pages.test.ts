/**
 * The whole merge on the corpus's paged post in every theme: opened on page 1 or on the post's own URL (the newest
 * page), the other page is fetched, parsed with the same parser, rebuilt through the sanitizer and inserted where
 * the loader says; the section then parses as the 58 comments of both pages in reading order with exact depths.
 */
import { describe, expect, it } from 'vitest';
import { detectCommentSections } from '@/utils/detect/detect-comment-sections';
import { withAncestors } from '@/utils/find/context';
import { createFindIndex } from '@/utils/find/find-index';
import { loadAllCommentPages, type MergedPageEvent, type MergeResult } from '@/utils/merge/load-all-pages';
import { parseSection } from '@/utils/parse/parse-section';
import type { CommentParts } from '@/utils/parse/types';
import { fakeFetch, insertMergedPage, openPage, PAGED_THEMES, POST_URL, savedPages, siteRoutes, truthLines } from './paged-site';
import { sharedOrNotice } from '../../shared-material';

const lines = (comments: { id: string; parentId: string | null; depth: number }[]) =>
  comments.map((c) => `${c.id} ${c.parentId ?? '-'} ${c.depth}`);

async function mergeFrom(theme: (typeof PAGED_THEMES)[number], url: string) {
  const routes = siteRoutes(theme);
  const page = openPage(routes.get(url)!, url);
  const fetch = fakeFetch(routes);
  const merged = new Map<string, CommentParts>();
  const events: MergedPageEvent[] = [];
  const result: MergeResult = await loadAllCommentPages({
    document: page.doc,
    section: page.section,
    parsed: page.parsed,
    fetch,
    onPage: (event) => {
      events.push(event);
      insertMergedPage(page, merged, event);
    },
  });
  return { page, fetch, events, result, merged };
}

const shared = sharedOrNotice('the merge engine on the paged corpus post (../shared/corpus)');

describe.skipIf(!shared).each(PAGED_THEMES)('%s: all comment pages on one page', (theme) => {
  // Read only with ../shared there: a skipped block is still collected.
  const [first, last] = shared ? savedPages(theme) : [];
  const expected = shared ? truthLines(theme) : [];

  it('holds 58 comments in the truth files of the two pages', () => {
    expect(expected).toHaveLength(58);
    expect(first!.number).toBe(1);
    expect(last!.number).toBe(2);
  });

  it.each([
    ['page 1', first?.url ?? POST_URL],
    ['the post URL (newest page)', POST_URL],
  ])('opened on %s: one fetch, both pages in reading order with exact depths', async (_, url) => {
    const { page, fetch, events, result, merged } = await mergeFrom(theme, url);
    expect(result.outcome).toBe('complete');
    expect(fetch.calls).toHaveLength(1);
    expect(events).toHaveLength(1);
    expect(lines(result.thread.comments)).toEqual(expected);
    expect(result.pages.map((p) => [p.number, p.status])).toEqual([
      [1, url === POST_URL ? 'merged' : 'on-screen'],
      [2, url === POST_URL ? 'on-screen' : 'merged'],
    ]);
    // Every comment keeps the page it came from.
    const pageOfTruth = savedPages(theme).flatMap((saved) => saved.truth.comments.map((c) => [String(c.wp_id), saved.number]));
    expect([...result.pageOf.entries()].sort()).toEqual(pageOfTruth.sort());
    expect([...merged.keys()]).toEqual(events[0]!.page.commentIds);

    // Re-detecting the page after insertion finds one section of all 58 comments, exactly as the truth.
    const detection = detectCommentSections(page.doc);
    expect(detection.status).toBe('found');
    const sections = detection.status === 'found' ? detection.sections : [];
    expect(sections).toHaveLength(1);
    const reparsed = parseSection(sections[0]!);
    expect(lines(reparsed.thread.comments)).toEqual(expected);
    // The merged comments are the rebuilt nodes, not the fetched document's.
    for (const [id, parts] of merged) {
      expect(reparsed.parts.get(id)?.element, id).toBe(parts.element);
      expect(parts.element.ownerDocument).toBe(page.doc);
    }
  });

  it('fetches the other page once, same origin, with the reader cookies policy', async () => {
    const { fetch } = await mergeFrom(theme, first!.url);
    // Page 2 as the page's navigation links it: `comment-page-2/`, or the post's own URL (Twenty Twenty-Two's
    // "Newer comments" link: WordPress gives the newest page no segment).
    expect(fetch.calls.map((call) => call.url)).toEqual([expect.stringMatching(/^http:\/\/127\.0\.0\.1:8089\/lettre-ouverte-charlatans-managers\/(comment-page-2\/)?$/)]);
    expect([last!.url.replace(/#.*$/, ''), POST_URL]).toContain(fetch.calls[0]!.url);
    expect(fetch.calls[0]!.init).toMatchObject({ method: 'GET', credentials: 'same-origin', mode: 'same-origin', redirect: 'follow' });
  });

  it('gives merged comments the parts of the page’s own: name, content and a reply link to the comment on its page', async () => {
    const { result, merged, page } = await mergeFrom(theme, first!.url);
    const mergedIds = result.pages.find((p) => p.status === 'merged')!.commentIds;
    expect(mergedIds.length).toBe(33);
    const byId = new Map(result.thread.comments.map((c) => [c.id, c]));
    for (const id of mergedIds) {
      const parts = merged.get(id)!;
      const comment = byId.get(id)!;
      expect(parts.element.contains(parts.body), id).toBe(true);
      if (comment.type === 'comment') {
        expect(parts.name?.textContent?.replace(/\s+/g, ' ').trim(), id).toBe(comment.author.name);
        expect(parts.content, id).not.toBeNull();
        expect(parts.body.contains(parts.content!), id).toBe(true);
        expect(comment.permalink, id).toMatch(/\/comment-page-2\/#comment-\d+$/);
        // WordPress prints no Reply link at the maximum depth (5 here).
        if (comment.depth < 5) expect(parts.replyLink?.getAttribute('href'), id).toBe(comment.permalink);
        else expect(parts.replyLink, id).toBeNull();
      }
      expect(parts.element.getAttribute('id'), id).toMatch(new RegExp(`^(li-)?comment-${id}$`));
    }
    // Nothing inserted carries an event handler, a script, a style attribute or a data-* attribute.
    for (const parts of merged.values()) {
      for (const el of [parts.element, ...Array.from(parts.element.querySelectorAll('*'))]) {
        const names = Array.from(el.attributes, (a) => a.name);
        expect(names.filter((name) => /^on|^style$|^data-|^name$|^srcset$/.test(name)), el.outerHTML.slice(0, 80)).toEqual([]);
        expect(el.localName).not.toBe('script');
      }
    }
    expect(page.doc.querySelectorAll('script[src*="comment-page"]')).toHaveLength(0);
  });

  it('find covers the merged comments: matches in page order across both pages, each a Range over rebuilt text', async () => {
    const { page, result, merged } = await mergeFrom(theme, first!.url);
    const partsOf = (id: string) => page.parsed.parts.get(id) ?? merged.get(id)!;
    const index = createFindIndex(result.thread.comments.map((c) => ({ id: c.id, name: partsOf(c.id).name, text: partsOf(c.id).content ?? partsOf(c.id).body })));
    expect(index.size).toBe(58);
    // The post author answers on both pages: his name (with its accent) found without it.
    const byAuthor = index.search('benoit faverial');
    const authorTruth = savedPages(theme).flatMap((saved) => saved.truth.comments).filter((c) => c.author === 'Benoît Faverial');
    expect(byAuthor.matches.filter((m) => m.field === 'name').map((m) => m.commentId)).toEqual(authorTruth.map((c) => String(c.wp_id)));
    expect(byAuthor.matches.filter((m) => m.field === 'name').every((m) => m.toRange()?.toString() === 'Benoît Faverial')).toBe(true);
    const onPageTwo = byAuthor.commentIds.filter((id) => result.pageOf.get(id) === 2);
    expect(onPageTwo.length).toBeGreaterThan(0);
    for (const id of onPageTwo) expect(merged.get(id)!.element.contains(byAuthor.matches.find((m) => m.commentId === id)!.toRange()!.startContainer)).toBe(true);
    // "Only matching comments" keeps the matches and the comments above them.
    const deep = result.thread.comments.find((c) => c.depth === 5)!;
    const shown = withAncestors([deep.id], result.thread.comments);
    expect(shown.size).toBe(5);
  });
});
