import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendMessage } from '@/utils/messaging/protocol';
import { DEFAULT_OPTIONS, optionsItem, type ThreadlightOptions } from '@/utils/storage/options';
import { HOST, advance, byLabel, byText, mountPopup, seed004, settle, unmount } from './fixtures';

vi.mock('@/utils/messaging/protocol', () => ({ sendMessage: vi.fn() }));
const send = vi.mocked(sendMessage);

let container: HTMLElement | undefined;
beforeEach(async () => {
  fakeBrowser.reset();
  send.mockResolvedValue(seed004 as never);
  container = await mountPopup();
});
afterEach(() => {
  if (container) unmount(container);
  container = undefined;
});

const stored = async (): Promise<ThreadlightOptions> => (await fakeBrowser.storage.local.get('options')).options as ThreadlightOptions;

async function click(el: HTMLElement) {
  await act(() => el.click());
  await settle();
}

async function choose(select: HTMLSelectElement, value: string) {
  await act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

async function typeNumber(input: HTMLInputElement, value: string) {
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

describe('options in the popup', () => {
  it('starts from the stored options, every control labelled', async () => {
    const controls = [...container!.querySelectorAll<HTMLElement>('input, select, button')];
    const unlabelled = controls.filter((el) => {
      const id = el.id && container!.querySelector(`label[for="${el.id}"]`);
      return !el.closest('label') && !id && !el.getAttribute('aria-label') && !el.textContent?.trim();
    });
    expect(unlabelled.map((el) => el.outerHTML)).toEqual([]);
    expect(byLabel(container!, 'Threadlight on').checked).toBe(true);
    expect(byLabel<HTMLSelectElement>(container!, 'Fold replies from level').value).toBe('0');
    expect(byLabel(container!, 'Keyboard shortcuts on the page').checked).toBe(true);
  });

  it('writes the global switch and the site switch', async () => {
    await click(byLabel(container!, 'Threadlight on'));
    expect((await stored()).enabled).toBe(false);
    expect(byLabel(container!, `On for ${HOST}`).disabled).toBe(true); // the site switch means nothing when all is off
    await click(byLabel(container!, 'Threadlight on'));
    await click(byLabel(container!, `On for ${HOST}`));
    expect(await stored()).toMatchObject({ enabled: true, disabledSites: [HOST] });
    await click(byLabel(container!, `On for ${HOST}`));
    expect((await stored()).disabledSites).toEqual([]);
  });

  it('asks the page for its new state after a change', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const before = send.mock.calls.length;
      await click(byLabel(container!, 'Keyboard shortcuts on the page'));
      await advance(2_000);
      expect(send.mock.calls.length - before).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('writes auto-collapse depth, pingback display and reply inference', async () => {
    await choose(byLabel(container!, 'Fold replies from level'), '3');
    await choose(byLabel(container!, 'Pingbacks and trackbacks'), 'hidden');
    await choose(byLabel(container!, 'Replies in flat threads'), 'renest');
    expect(await stored()).toMatchObject({ autoCollapseDepth: 3, pingbacks: 'hidden', inferReplies: 'renest' });
    const depths = [...byLabel<HTMLSelectElement>(container!, 'Fold replies from level').options].map((o) => o.value);
    expect(depths).toEqual(['0', '1', '2', '3', '4', '5', '6']);
  });

  it('turns big-thread folding off and on again with the threshold it had', async () => {
    const threshold = byLabel(container!, 'From this many comments');
    await typeNumber(threshold, '350');
    expect((await stored()).bigThreadThreshold).toBe(350);
    await click(byLabel(container!, 'Fold big threads at first'));
    expect((await stored()).bigThreadThreshold).toBe(0);
    expect(threshold.disabled).toBe(true);
    await click(byLabel(container!, 'Fold big threads at first'));
    expect((await stored()).bigThreadThreshold).toBe(350);
  });

  it('refuses an out-of-range threshold and shows the value in force', async () => {
    const threshold = byLabel(container!, 'From this many comments');
    await typeNumber(threshold, '-4');
    expect(threshold.value).toBe('200');
    await typeNumber(threshold, '12.5');
    expect(threshold.value).toBe('200');
    expect((await optionsItem.getValue()).bigThreadThreshold).toBe(DEFAULT_OPTIONS.bigThreadThreshold);
  });

  it('writes the author highlight and its colour', async () => {
    await click(byLabel(container!, 'Red'));
    expect((await stored()).authorColor).toBe('#d63638');
    expect(byLabel(container!, 'Red').checked).toBe(true);
    await click(byLabel(container!, "The site's colour"));
    expect((await stored()).authorColor).toBe('');
    await click(byLabel(container!, "Highlight the author's replies"));
    expect((await stored()).highlightAuthor).toBe(false);
    expect(container!.querySelector<HTMLFieldSetElement>('fieldset.swatches')!.disabled).toBe(true);
  });

  it('writes the visit options: fold the threads with nothing new, mark the most recent', async () => {
    const fold = byLabel(container!, 'Fold the threads with nothing new');
    expect(fold.checked).toBe(false);
    await click(fold);
    expect((await stored()).foldWithoutNew).toBe(true);
    const recent = byLabel<HTMLSelectElement>(container!, 'On a first visit, mark the most recent');
    expect([...recent.options].map((o) => [o.value, o.text])).toEqual([['0', 'Off'], ['5', '5'], ['10', '10'], ['20', '20'], ['50', '50']]);
    await choose(recent, '10');
    expect((await stored()).highlightRecent).toBe(10);
    // Nothing is remembered: nothing can be new, the fold option means nothing (the most recent still work).
    await click(byLabel(container!, 'Remember what I have read (marks new comments)'));
    expect(fold.disabled).toBe(true);
    expect(recent.disabled).toBe(false);
  });

  it('shows a "most recent" count set elsewhere among the choices', async () => {
    await act(() => optionsItem.setValue({ ...DEFAULT_OPTIONS, highlightRecent: 7 }));
    await settle();
    const recent = byLabel<HTMLSelectElement>(container!, 'On a first visit, mark the most recent');
    expect(recent.value).toBe('7');
    expect([...recent.options].map((o) => o.value)).toEqual(['0', '5', '7', '10', '20', '50']);
  });

  it('follows changes made elsewhere (another popup, a content script)', async () => {
    await act(() => optionsItem.setValue({ ...DEFAULT_OPTIONS, keyboardShortcuts: false, pingbacks: 'shown' }));
    await settle();
    expect(byLabel(container!, 'Keyboard shortcuts on the page').checked).toBe(false);
    expect(byLabel<HTMLSelectElement>(container!, 'Pingbacks and trackbacks').value).toBe('shown');
  });

  it('keeps the options closed by default, in a disclosure', async () => {
    const details = byText(container!, 'summary', 'Options').closest('details')!;
    expect(details.open).toBe(false);
  });
});
