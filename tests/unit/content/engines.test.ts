/**
 * The content script on the other engines' pages: Drupal and older wpDiscuz threads pass the pre-check, are
 * enhanced, report their dialect to the popup, and turning Threadlight off gives the page back exactly.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startPageSession } from '@/entrypoints/content/page-session';
import { hasCommentSignals } from '@/utils/detect/has-comment-signals';
import { DEFAULT_OPTIONS, optionsItem } from '@/utils/storage/options';
import { ATTR_ENHANCED } from '@/utils/view/dom-contract';
import { closeDocument, fixturePages, loadDocument, readTruthFile } from '../../corpus/corpus-pages';

let ctx: ContentScriptContext;

beforeEach(async () => {
  fakeBrowser.reset();
  await optionsItem.setValue({ ...DEFAULT_OPTIONS, enabled: true });
  ctx = new ContentScriptContext('content');
});

afterEach(() => ctx.notifyInvalidated());

const pages = fixturePages().filter((page) => /fixtures\/(drupal|wpdiscuz[35]|thesis|kubrick)/.test(page.label));

describe('other engines in the content script', () => {
  it('covers Drupal, wpDiscuz 3 and 5, Thesis and a closed Kubrick thread', () => {
    expect(pages.length).toBe(10);
  });

  it.each(pages)('$label: enhanced, its dialect reported, restored exactly when turned off', async (page) => {
    const doc = loadDocument(page);
    try {
      const original = doc.documentElement.outerHTML;
      const truth = readTruthFile(page.truthPath);
      expect(hasCommentSignals(doc)).toBe(true);
      const session = startPageSession({ ctx, doc, features: [], navigationDelay: 0 });
      await session.ready;
      const state = session.state();
      expect(state).toMatchObject({ status: 'enhanced', errors: [] });
      expect(state.dialect).toBe(truth.system === 'drupal' ? 'drupal' : truth.system === 'wpdiscuz' ? 'wpdiscuz' : 'wordpress');
      expect(state.stats?.comments).toBe(truth.comments.length);
      expect(doc.querySelector(`[${ATTR_ENHANCED}="enhanced"]`)).not.toBeNull();
      await optionsItem.setValue({ ...DEFAULT_OPTIONS, enabled: false });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(session.state().status).toBe('found-disabled');
      expect(doc.documentElement.outerHTML).toBe(original);
    } finally {
      closeDocument(doc);
    }
  });
});
