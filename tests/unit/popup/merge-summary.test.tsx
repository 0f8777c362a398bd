/**
 * The popup's "comment pages" lines (PageState.merge): where the merge stands, each page's problem as the page says
 * it, and the action that asks the page to show all pages (or retry), sent to the page's tab.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readPageState } from '@/components/popup/page-state';
import { sendMessage, type PageState } from '@/utils/messaging/protocol';
import { TAB_ID, byText, mountPopup, seed004, settle, unmount } from './fixtures';

vi.mock('@/utils/messaging/protocol', () => ({ sendMessage: vi.fn() }));
const send = vi.mocked(sendMessage);

function page(state: PageState, answers: Record<string, () => unknown> = {}) {
  send.mockImplementation((async (type: string) => {
    if (type === 'getPageState') return state;
    const answer = answers[type];
    if (!answer) throw new Error(`no handler for ${type}`);
    return answer();
  }) as never);
}

let container: HTMLElement | undefined;
beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  if (container) unmount(container);
  container = undefined;
});
const section = () => container!.querySelector('section.merge');

describe('the popup says what became of the comment pages', () => {
  it('offers to show all pages, and asks the page', async () => {
    const loading: PageState = { ...seed004, merge: { status: 'loading', text: 'Loading page 2 of 3…', problems: [] } };
    page({ ...seed004, merge: { status: 'available', text: 'Show all 3 pages', problems: [] } }, { loadAllPages: () => (page(loading), true) });
    container = await mountPopup();
    expect(section()!.textContent).toContain('Show all 3 pages');
    await act(() => byText(container!, 'button', 'Show all pages here').click());
    await settle();
    expect(send.mock.calls.filter(([type]) => type === 'loadAllPages')).toEqual([['loadAllPages', undefined, TAB_ID]]);
    expect(section()!.textContent).toContain('Loading page 2 of 3…');
    expect(section()!.querySelector('button')).toBeNull();
  });

  it('lists each page problem and offers a retry', async () => {
    const problems = ['Page 2 could not be loaded (error 404).', 'Page 3 asks you to log in.'];
    page({ ...seed004, merge: { status: 'done', text: '1 of 3 pages shown', problems } });
    container = await mountPopup();
    expect([...section()!.querySelectorAll('li')].map((li) => li.textContent)).toEqual(problems);
    expect(section()!.querySelector('button')!.textContent).toBe('Try the missing pages again');
  });

  it('says when the engine’s pages are not put together, and says nothing for a thread of one page', async () => {
    page({ ...seed004, merge: { status: 'unsupported', text: 'The comment pages of Drupal are not put together: its pages split threads.', problems: [] } });
    container = await mountPopup();
    expect(section()!.textContent).toContain('Drupal');
    expect(section()!.querySelector('button')).toBeNull();
    unmount(container);
    page(seed004);
    container = await mountPopup();
    expect(section()).toBeNull();
  });

  it('reads the page’s answer defensively', () => {
    expect(readPageState({ ...seed004, merge: { status: 'done', text: 'x', problems: ['a', 3, '', 'b'] } })!.merge).toEqual({ status: 'done', text: 'x', problems: ['a', 'b'] });
    expect(readPageState({ ...seed004, merge: { status: 'exploded', text: 'x' } })!.merge).toBeUndefined();
    expect(readPageState({ ...seed004, merge: 'done' })!.merge).toBeUndefined();
  });
});
