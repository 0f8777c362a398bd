// @vitest-environment jsdom
/**
 * The keyboard and preview features on the real view core (mountThreadView) and the real parser, on a corpus
 * page: keys drive the core's selection and collapse, options switch keys live, destroy restores the page exactly.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { detectCommentSections } from '@/utils/detect/detect-comment-sections';
import { parseSection } from '@/utils/parse/parse-section';
import { DEFAULT_OPTIONS } from '@/utils/storage/options';
import { ATTR_COLLAPSED, ATTR_SELECTED } from '@/utils/view/dom-contract';
import { createKeyboardFeature } from '@/utils/view/keyboard';
import { mountThreadView } from '@/utils/view/mount-thread-view';
import { createPreviewFeature } from '@/utils/view/preview';
import type { ViewController } from '@/utils/view/types';
import { loadSharedPage, press } from './keyboard-fake-view';
import { sharedOrNotice } from '../../shared-material';

const shared = sharedOrNotice('keyboard and previews on a corpus page (tests/unit/view/keyboard-with-view.test.ts)');

let controller: ViewController;
let root: Element;
let before: string;

beforeEach(() => {
  if (shared) loadSharedPage('corpus/twentytwentyone/seed-004.html');
  const detection = detectCommentSections(document);
  if (detection.status !== 'found') throw new Error('no section');
  const section = detection.sections[0]!;
  root = section.root;
  before = root.outerHTML;
  controller = mountThreadView(parseSection(section), { ...DEFAULT_OPTIONS, bigThreadThreshold: 0 }, [
    createKeyboardFeature,
    createPreviewFeature,
  ], { root, toolbar: false });
});

afterEach(() => controller.destroy());

const selectedIds = () => [...root.querySelectorAll(`[${ATTR_SELECTED}]`)].map((element) => element.id);

describe.skipIf(!shared)('keyboard and previews on the real view', () => {
  it('j/k move the core’s selection indicator, one comment at a time', () => {
    press('j');
    expect(selectedIds()).toEqual(['comment-30']);
    press('j');
    press('j');
    expect(selectedIds()).toEqual(['comment-32']);
    press('k');
    expect(selectedIds()).toEqual(['comment-31']);
    press('Escape');
    expect(selectedIds()).toEqual([]);
  });

  it('Enter folds the selected thread and j then skips its replies; p climbs to the parent', () => {
    controller.select('43');
    press('Enter');
    expect(document.getElementById('comment-43')!.hasAttribute(ATTR_COLLAPSED)).toBe(true);
    expect(controller.isVisible('44')).toBe(false);
    press('j');
    expect(controller.selectedId()).toBe('46');
    controller.select('78');
    press('p');
    press('p');
    expect(controller.selectedId()).toBe('76');
  });

  it('Shift+C folds every thread, and selecting an author reply inside one unfolds it', () => {
    press('C', { shiftKey: true });
    expect(controller.isVisible('44')).toBe(false);
    controller.select('65');
    press('a');
    // 66's thread (66 > 67 > 68 > 69): the author's next reply is somewhere after 65, visible once selected.
    const selected = controller.selectedId()!;
    expect(controller.isVisible(selected)).toBe(true);
    expect(controller.parsed.thread.comments.find((c) => c.id === selected)!.isPostAuthor).toBe(true);
  });

  it('follows the keyboardShortcuts option live through the controller', () => {
    controller.applyOptions({ ...controller.currentOptions(), keyboardShortcuts: false });
    press('j');
    expect(controller.selectedId()).toBeNull();
    controller.applyOptions({ ...controller.currentOptions(), keyboardShortcuts: true });
    press('j');
    expect(controller.selectedId()).toBe('30');
  });

  it('ignores keys typed in the comment form', () => {
    const textarea = document.querySelector<HTMLTextAreaElement>('#respond textarea#comment')!;
    expect(textarea).not.toBeNull();
    for (const key of ['j', 'k', 'p', 'c', 'a']) press(key, { target: textarea });
    press('?', { target: textarea, shiftKey: true });
    expect(controller.selectedId()).toBeNull();
    expect(document.querySelector('threadlight-help')).toBeNull();
  });

  it('clicking a reply’s "In reply to" line selects its parent through the core', () => {
    const button = document.querySelector<HTMLAnchorElement>('#div-comment-44 .threadlight-reply-to')!;
    expect(button.textContent).toMatch(/^In reply to /);
    button.click();
    expect(selectedIds()).toEqual(['comment-43']);
  });

  it('destroy gives the section back exactly, and leaves no overlay behind', () => {
    vi.useFakeTimers();
    try {
      press('?');
      const button = document.querySelector<HTMLAnchorElement>('#div-comment-44 .threadlight-reply-to')!;
      button.focus();
      expect(document.querySelector('threadlight-preview')).not.toBeNull();
      controller.destroy();
      expect(root.outerHTML).toBe(before);
      expect(document.querySelector('threadlight-help, threadlight-preview, [data-threadlight-ui]')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
