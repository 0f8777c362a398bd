import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendMessage } from '@/utils/messaging/protocol';
import { PARTICIPANT_PAGE_SIZE } from '@/components/popup/ParticipantList';
import { filterParticipants, foldForSearch } from '@/components/popup/participant-filter';
import { TAB_ID, byLabel, byText, mountPopup, participant, seed004, settle, unmount } from './fixtures';

vi.mock('@/utils/messaging/protocol', () => ({ sendMessage: vi.fn() }));
const send = vi.mocked(sendMessage);

let container: HTMLElement | undefined;
beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  if (container) unmount(container);
  container = undefined;
});

const rows = () => [...container!.querySelectorAll<HTMLButtonElement>('button.participant')];
const names = () => rows().map((row) => row.querySelector('.name')!.textContent);

async function typeFilter(value: string) {
  const box = byLabel(container!, 'Filter participants by name');
  await act(() => {
    box.value = value;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('participant filter', () => {
  it('ignores case, accents and extra spaces', () => {
    expect(foldForSearch('  Benoît   FAVERIAL ')).toBe('benoit faverial');
    const people = [participant('Benoît Faverial', 17), participant('Éloïse', 2), participant('benoit', 1)];
    expect(filterParticipants(people, 'BENOIT').map((p) => p.name)).toEqual(['Benoît Faverial', 'benoit']);
    expect(filterParticipants(people, 'fav ben').map((p) => p.name)).toEqual(['Benoît Faverial']);
    expect(filterParticipants(people, 'eloise').map((p) => p.name)).toEqual(['Éloïse']);
    expect(filterParticipants(people, '   ')).toBe(people);
  });
});

describe('participant list', () => {
  it('ranks participants by comments, marks the author and shows each count', async () => {
    const shuffled = [participant('Lily', 2), participant('Benoît Faverial', 17, true), participant('celine', 5)];
    send.mockResolvedValue({ ...seed004, participants: shuffled } as never);
    container = await mountPopup();
    expect(names()).toEqual(['Benoît Faverial', 'celine', 'Lily']);
    expect(rows()[0]!.querySelector('.badge')!.textContent).toBe('author');
    expect(rows()[1]!.querySelector('.badge')).toBeNull();
    expect(rows().map((row) => row.querySelector('.count')!.textContent)).toEqual(['17', '5', '2']);
    expect(rows()[1]!.getAttribute('aria-label')).toBe('celine, 5 comments: show on the page');
    expect(container.querySelector('input[type=search]')).toBeNull(); // three people: no filter box
  });

  it('filters a long list and says when nothing matches', async () => {
    send.mockResolvedValue(seed004 as never);
    container = await mountPopup();
    await typeFilter('BENOIT');
    expect(names()).toEqual(['Benoît Faverial']);
    await typeFilter('zz top');
    expect(names()).toEqual([]);
    expect(container.textContent).toContain('No participant matches “zz top”.');
    await typeFilter('');
    expect(names()).toHaveLength(seed004.participants!.length);
  });

  it('renders 500 participants a page at a time', async () => {
    const crowd = Array.from({ length: 500 }, (_, i) => participant(`Reader ${i + 1}`, 500 - i));
    send.mockResolvedValue({ ...seed004, participants: crowd } as never);
    container = await mountPopup();
    expect(rows()).toHaveLength(PARTICIPANT_PAGE_SIZE);
    await act(() => byText(container!, 'button', 'Show 100 more').click());
    expect(rows()).toHaveLength(2 * PARTICIPANT_PAGE_SIZE);
    await typeFilter('reader 49');
    // 49, 149, 249, 349, 449, 490..499: all 15 rendered, most comments first (the page size applies to matches).
    const expected = crowd.map((p) => p.name).filter((name) => name.includes('49'));
    expect(expected).toHaveLength(15);
    expect(names()).toEqual(expected);
    expect(container.textContent).not.toContain('Show 100 more');
  });

  it('focuses a participant, steps through their comments and clears the highlight', async () => {
    const total = 7;
    send.mockImplementation((async (type: string, data: { index: number }) => {
      if (type === 'getPageState') return seed004;
      if (type === 'focusParticipant') return { index: ((data.index % total) + total) % total, total };
      return undefined;
    }) as never);
    container = await mountPopup();
    const celine = seed004.participants![1]!;

    await act(() => byText(container!, 'button.participant', /^celine/).click());
    await settle();
    expect(send).toHaveBeenLastCalledWith('focusParticipant', { key: celine.key, index: 0 }, TAB_ID);
    const position = () => container!.querySelector('.focus-nav .position [aria-hidden]')!.textContent;
    expect(position()).toBe('1 / 7');
    expect(container.querySelector('.focus-nav .visually-hidden')!.textContent).toBe('Comment 1 of 7 by celine');
    expect(byText(container, 'button.participant', /^celine/).getAttribute('aria-pressed')).toBe('true');

    await act(() => byLabel<HTMLButtonElement>(container!, 'Next comment').click());
    await settle();
    expect(send).toHaveBeenLastCalledWith('focusParticipant', { key: celine.key, index: 1 }, TAB_ID);
    expect(position()).toBe('2 / 7');

    await act(() => byLabel<HTMLButtonElement>(container!, 'Previous comment').click());
    await settle();
    await act(() => byLabel<HTMLButtonElement>(container!, 'Previous comment').click());
    await settle();
    expect(send).toHaveBeenLastCalledWith('focusParticipant', { key: celine.key, index: 6 }, TAB_ID);
    expect(position()).toBe('7 / 7');

    // Clicking the focused participant again moves on, wrapping to the first.
    await act(() => byText(container!, 'button.participant', /^celine/).click());
    await settle();
    expect(send).toHaveBeenLastCalledWith('focusParticipant', { key: celine.key, index: 0 }, TAB_ID);

    await act(() => byLabel<HTMLButtonElement>(container!, 'Stop highlighting').click());
    await settle();
    expect(send).toHaveBeenLastCalledWith('clearParticipantFocus', undefined, TAB_ID);
    expect(container.querySelector('.focus-nav')).toBeNull();
  });

  it('focuses the first match when Enter is pressed in the filter box', async () => {
    send.mockImplementation((async (type: string) =>
      type === 'getPageState' ? seed004 : type === 'focusParticipant' ? { index: 0, total: 3 } : undefined) as never);
    container = await mountPopup();
    await typeFilter('jyv');
    await act(() => {
      byLabel(container!, 'Filter participants by name').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    await settle();
    expect(send).toHaveBeenLastCalledWith('focusParticipant', { key: 'jyv|', index: 0 }, TAB_ID);
    expect(container.querySelector('.focus-nav .position [aria-hidden]')!.textContent).toBe('1 / 3');
  });

  it('says so when the page does not answer a focus request', async () => {
    send.mockImplementation((async (type: string) => {
      if (type === 'getPageState') return seed004;
      throw new Error('No response');
    }) as never);
    container = await mountPopup();
    await act(() => byText(container!, 'button.participant', /^Eric/).click());
    await settle();
    expect(container.querySelector('[role=alert]')!.textContent).toBe('The page did not answer. Reload it and try again.');
  });
});
