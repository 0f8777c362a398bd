/**
 * The false-positive gallery (tests/fixtures/markup/gallery-*.html, built by build/fixtures-gallery.mjs): pages
 * that look like comment threads and are not (menus with depth classes, recent-comment lists linking to other posts,
 * category and page trees, sitemaps, FAQ blocks, product reviews, forums). On each: nothing is detected, and the
 * content script's whole first pass (startPageSession, Threadlight on for every site) leaves the page exactly as it
 * was, says 'none' to the popup and sets no badge.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { MARK_BAIL, startPageSession } from '@/entrypoints/content/page-session';
import { detectCommentSections } from '@/utils/detect/detect-comment-sections';
import { onMessage, sendMessage } from '@/utils/messaging/protocol';
import { DEFAULT_OPTIONS, optionsItem } from '@/utils/storage/options';
import { closeDocument, fixturePages, loadDocument, readTruthFile } from './corpus-pages';

const gallery = fixturePages().filter((page) => page.label.startsWith('fixtures/gallery-'));

let ctx: ContentScriptContext;
let badges: (number | null)[];
let stopBadges: () => void;

beforeEach(async () => {
  fakeBrowser.reset();
  await optionsItem.setValue({ ...DEFAULT_OPTIONS, enabled: true });
  ctx = new ContentScriptContext('content');
  badges = [];
  stopBadges = onMessage('setBadge', ({ data }) => void badges.push(data.count));
  performance.clearMarks();
});

afterEach(() => {
  ctx.notifyInvalidated();
  stopBadges();
});

describe('false-positive gallery', () => {
  it('holds at least 40 pages, none of them with comments in its truth', () => {
    expect(gallery.length).toBeGreaterThanOrEqual(40);
    expect(gallery.filter((page) => readTruthFile(page.truthPath).comments.length > 0).map((page) => page.label)).toEqual([]);
  });

  it.each(gallery)('$label: not detected, page untouched', async (page) => {
    const doc = loadDocument(page);
    try {
      const original = doc.documentElement.outerHTML;
      expect(detectCommentSections(doc).status).toBe('none');
      const session = startPageSession({ ctx, doc, features: [], navigationDelay: 0 });
      await session.ready;
      expect(session.state()).toMatchObject({ status: 'none', errors: [] });
      expect(session.views()).toEqual([]);
      expect((await sendMessage('getPageState')).status).toBe('none');
      expect(performance.getEntriesByName(MARK_BAIL)).toHaveLength(1);
      expect(doc.documentElement.outerHTML).toBe(original);
      expect(badges).toEqual([]);
    } finally {
      closeDocument(doc);
    }
  });
});
