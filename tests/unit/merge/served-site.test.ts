/**
 * The e2e server's paged post (tests/e2e/lib/paged-site.ts), checked over real HTTP: every comment-page link of the
 * rewritten pages leads to a served page of the same post showing that page, the assets load, and the whole merge
 * runs against the server with a real fetch, from page 1 and from the post's own URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAllCommentPages } from '@/utils/merge/load-all-pages';
import { pageNumberOf } from '@/utils/parse/pagination';
import { THEMES } from '../../e2e/lib/corpus';
import { servePagedPost, type ServedPagedPost } from '../../e2e/lib/paged-site';
import { startServer, type StaticServer } from '../../e2e/lib/server';
import { openPage } from './paged-site';
import { sharedOrNotice } from '../../shared-material';

const lines = (comments: { id: string; parentId: string | null; depth: number }[]) => comments.map((c) => `${c.id} ${c.parentId ?? '-'} ${c.depth}`);

const shared = sharedOrNotice('the paged corpus post served over HTTP (../shared/corpus)');

describe.skipIf(!shared).each(THEMES)('%s paged post served at its own paths', (theme) => {
  let server: StaticServer;
  let post: ServedPagedPost;

  beforeAll(async () => {
    server = await startServer();
    post = servePagedPost(server, theme);
  });
  afterAll(() => server.close());

  async function get(url: string) {
    const response = await fetch(url);
    return { status: response.status, type: response.headers.get('content-type'), html: await response.text() };
  }

  it('serves both pages and the post URL, with the saved origin rewritten', async () => {
    expect(post.pages.map((page) => page.number)).toEqual([1, 2]);
    for (const url of [...post.pages.map((page) => page.url), post.postUrl]) {
      const { status, type, html } = await get(url);
      expect(status, url).toBe(200);
      expect(type).toMatch(/^text\/html/);
      expect(html).not.toContain('127.0.0.1:8089');
      expect(html).toContain(`${server.origin}/lettre-ouverte-charlatans-managers/`);
    }
    expect(post.postUrl).toBe(`${server.origin}/lettre-ouverte-charlatans-managers/`);
  });

  it('every comment-page link of every served page resolves to a served page of the post showing that page', async () => {
    let checked = 0;
    for (const url of [...post.pages.map((page) => page.url), post.postUrl]) {
      const opened = openPage((await get(url)).html, url);
      const pagination = opened.parsed.thread.pagination!;
      expect(pagination, url).not.toBeNull();
      const links = [...pagination.pageUrls, pagination.previousUrl, pagination.nextUrl].filter((link): link is string => link !== null);
      expect(links.length, url).toBeGreaterThan(0);
      for (const link of links) {
        expect(link.startsWith(server.origin), link).toBe(true);
        const target = await get(link.replace(/#.*$/, ''));
        expect(target.status, link).toBe(200);
        const shown = openPage(target.html, link).parsed.thread.pagination!.current;
        // A numbered link shows its number; the post's own URL shows the newest page.
        expect(shown, link).toBe(pageNumberOf(link) ?? post.pages.length);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });

  it('serves the pages’ assets from the theme folder', async () => {
    const html = (await get(post.pages[0]!.url)).html;
    const assets = [...html.matchAll(/(?:href|src)=["'](\/[^"']*\/wp-(?:content|includes)\/[^"']+\.(?:css|js))/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect((await fetch(`${server.origin}${asset}`)).status, asset).toBe(200);
  });

  it.each(['page 1', 'the post URL'])('merges both pages over HTTP, opened on %s', async (where) => {
    const url = where === 'page 1' ? post.pages[0]!.url : post.postUrl;
    const opened = openPage((await get(url)).html, url);
    const result = await loadAllCommentPages({
      document: opened.doc,
      section: opened.section,
      parsed: opened.parsed,
      // Node's fetch stands for the content script's (it knows no page origin: mode is the browser's business).
      fetch: (target, init) => fetch(target, { ...init, mode: undefined }),
    });
    expect(result.outcome).toBe('complete');
    const expected = post.pages.flatMap((page) => page.truth.comments.map((c) => `${c.wp_id} ${c.parent_wp_id === 0 ? '-' : c.parent_wp_id} ${c.depth}`));
    expect(expected).toHaveLength(58);
    expect(lines(result.thread.comments)).toEqual(expected);
  });
});
