import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendMessage, type PageState } from '@/utils/messaging/protocol';
import { DEFAULT_OPTIONS, optionsItem } from '@/utils/storage/options';
import { setTestLanguage } from '../../setup/i18n';
import { HOST, TAB_ID, advance, byText, mountPopup, seed004, settle, unmount } from './fixtures';

vi.mock('@/utils/messaging/protocol', () => ({ sendMessage: vi.fn() }));
const send = vi.mocked(sendMessage);

/** The content script answers getPageState with `states` in turn (the last one repeats). */
function pageAnswers(...states: unknown[]) {
  let call = 0;
  send.mockImplementation((async (type: string) => {
    if (type !== 'getPageState') return undefined;
    return states[Math.min(call++, states.length - 1)];
  }) as never);
}

const state = (patch: Partial<PageState>): PageState => ({ ...seed004, ...patch });
let container: HTMLElement | undefined;

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  if (container) unmount(container);
  container = undefined;
  vi.useRealTimers();
});

const text = () => container!.textContent!.replace(/\s+/g, ' ');

describe('popup states', () => {
  it('shows the thread summary of an enhanced page', async () => {
    pageAnswers(seed004);
    container = await mountPopup();
    expect(send).toHaveBeenCalledWith('getPageState', undefined, TAB_ID);
    expect(text()).toContain('57 comments · 20 participants');
    expect(text()).toContain('Author: Benoît Faverial · 17 replies');
    expect(text()).toContain('Took part in 13 of 35 threads (37%)');
    expect(text()).toContain('From Jun 15, 2010 to Jun 20, 2010');
    const largest = [...container.querySelectorAll('.largest li')].map((li) => li.textContent);
    expect(largest).toEqual(['MasterLudo6 comments', 'Mangatore5 comments', 'Guillaume5 comments']);
    expect(container.querySelector('.host')!.textContent).toBe(HOST);
    expect(text()).not.toContain('Page ');
  });

  it('lists pingbacks apart in a collapsible group with safe links only', async () => {
    pageAnswers(
      state({
        stats: { ...seed004.stats!, pingbacks: 1, trackbacks: 1 },
        pings: [
          { id: '72', title: 'A linking post', url: 'https://other.example/post', type: 'pingback' },
          { id: '73', title: 'Sneaky', url: 'javascript:alert(1)', type: 'trackback' },
        ],
      }),
    );
    container = await mountPopup();
    const group = container.querySelector<HTMLDetailsElement>('details.pings')!;
    expect(group.open).toBe(false);
    expect(group.querySelector('summary')!.textContent).toBe('2 pingbacks and trackbacks');
    const links = [...group.querySelectorAll('a')];
    expect(links.map((a) => a.href)).toEqual(['https://other.example/post']);
    expect(links[0]!.rel).toBe('noopener noreferrer');
    expect(group.textContent).toContain('Sneaky');
    expect(text()).toContain('56 comments');
  });

  it('says which page of a paginated thread it counts', async () => {
    pageAnswers(state({ pagination: { current: 2, total: 3 } }));
    container = await mountPopup();
    expect(text()).toContain("Page 2 of 3: only this page's comments.");
  });

  it('says when the post author is unknown', async () => {
    pageAnswers(state({ postAuthor: null }));
    container = await mountPopup();
    expect(text()).toContain("The post's author was not recognized among the commenters.");
    expect(text()).not.toContain('Took part in');
  });

  it('shows loading, then the thread once the content script has finished', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    pageAnswers({ status: 'loading', errors: [] }, { status: 'loading', errors: [] }, seed004);
    container = await mountPopup();
    expect(text()).toContain('Reading the page…');
    await advance(1_100);
    await settle();
    expect(text()).toContain('57 comments');
    expect(send.mock.calls.filter(([type]) => type === 'getPageState')).toHaveLength(3);
  });

  it('says there is no comment thread', async () => {
    pageAnswers({ status: 'none', hostname: HOST, errors: [] });
    container = await mountPopup();
    expect(text()).toContain('No comment thread on this page.');
    expect(container.querySelector('.participants')).toBeNull();
  });

  it('names the embedded comment system it cannot read', async () => {
    pageAnswers({ status: 'unreadable', system: 'disqus', hostname: HOST, errors: [] });
    container = await mountPopup();
    expect(text()).toContain('Comments here use Disqus, which Threadlight cannot read.');
  });

  it('describes an unknown embedded system without naming it', async () => {
    pageAnswers({ status: 'unreadable', system: 'other', errors: [] });
    container = await mountPopup();
    expect(text()).toContain('Comments here come from an outside service that Threadlight cannot read.');
  });

  it('says Threadlight is off for this site, and turns it back on from there', async () => {
    await optionsItem.setValue({ ...DEFAULT_OPTIONS, disabledSites: ['other.example', HOST] });
    pageAnswers(state({ status: 'found-disabled' }));
    container = await mountPopup();
    expect(text()).toContain('Threadlight is off for this site.');
    expect(container.querySelector('.participants')).toBeNull();
    const siteSwitch = byText(container, 'label', `On for ${HOST}`).querySelector('input')!;
    expect(siteSwitch.checked).toBe(false);

    pageAnswers(seed004);
    await act(() => byText(container!, 'button', 'Turn on for this site').click());
    await settle();
    expect((await optionsItem.getValue()).disabledSites).toEqual(['other.example']);
    expect(text()).not.toContain('Threadlight is off');
    expect(siteSwitch.checked).toBe(true);
  });

  it('says Threadlight is off everywhere when the global switch is off', async () => {
    await optionsItem.setValue({ ...DEFAULT_OPTIONS, enabled: false });
    pageAnswers(state({ status: 'found-disabled' }));
    container = await mountPopup();
    expect(text()).toContain('Threadlight is off for every site.');
    await act(() => byText(container!, 'button', 'Turn on').click());
    await settle();
    expect((await optionsItem.getValue()).enabled).toBe(true);
  });

  it('says the page is unreachable after retrying, and offers to reload it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    send.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    const reload = vi.fn(async () => {});
    fakeBrowser.tabs.reload = reload as never;
    container = await mountPopup();
    expect(text()).toContain('Reading the page…'); // still retrying: the content script may not be listening yet
    await advance(2_500);
    expect(text()).toContain("Threadlight can't reach this page.");
    expect(send.mock.calls.length).toBe(4);

    pageAnswers(seed004);
    await act(() => byText(container!, 'button', 'Reload the page').click());
    await advance(100);
    expect(reload).toHaveBeenCalledWith(TAB_ID);
    await settle();
    expect(text()).toContain('57 comments');
  });

  it('treats a reply that is not a page state as no answer', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    pageAnswers({ hello: 'world' });
    container = await mountPopup();
    await advance(2_500);
    expect(text()).toContain("Threadlight can't reach this page.");
  });

  it('is unreachable at once when there is no tab to talk to', async () => {
    container = await mountPopup(null);
    expect(text()).toContain("Threadlight can't reach this page.");
    expect(send).not.toHaveBeenCalled();
    expect(container.querySelector('button.primary')).toBeNull(); // nothing to reload
  });

  it('shows an error and opens the diagnostics', async () => {
    pageAnswers({ status: 'error', hostname: HOST, errors: ['parse: TypeError: x is null', 'view: mount failed'] });
    container = await mountPopup();
    expect(text()).toContain('Something went wrong while reading this page.');
    const diagnostics = container.querySelector<HTMLDetailsElement>('details.diagnostics')!;
    expect(diagnostics.open).toBe(true);
    expect(diagnostics.querySelector('summary')!.textContent).toBe('Diagnostics (2)');
    expect([...diagnostics.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'parse: TypeError: x is null',
      'view: mount failed',
    ]);
  });

  it('lists recorded errors, closed, on a working page', async () => {
    pageAnswers(state({ errors: ['inference: skipped 2 comments', 'view (toolbar): no room'] }));
    container = await mountPopup();
    const diagnostics = container.querySelector<HTMLDetailsElement>('details.diagnostics');
    expect(diagnostics).not.toBeNull();
    expect(diagnostics!.open).toBe(false);
    expect(diagnostics!.querySelector('summary')!.textContent).toBe('Diagnostics (2)');
    expect([...diagnostics!.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'inference: skipped 2 comments',
      'view (toolbar): no room',
    ]);
    // The thread is still summarized beside them.
    expect(text()).toContain('57 comments');
  });

  it('survives a malformed page state', async () => {
    pageAnswers({ status: 'enhanced', stats: { comments: '5', largestThreads: 'x' }, participants: [{ name: 1 }, 'x'], pings: 3 });
    container = await mountPopup();
    expect(text()).toContain('0 comments');
    expect(container.querySelector('.participants')).toBeNull();
  });

  it('speaks French, with French numbers and dates', async () => {
    setTestLanguage('fr');
    pageAnswers(state({ pagination: { current: 1, total: 2 } }));
    container = await mountPopup();
    expect(text()).toContain('57 commentaires · 20 participants');
    expect(text()).toContain('Auteur : Benoît Faverial · 17 réponses');
    expect(container.textContent).toContain('Auteur\u00a0:'); // French typography: no break before the colon
    expect(text()).toMatch(/Présent dans 13 fils sur 35 \(37\s%\)/);
    expect(text()).toContain('Du 15 juin 2010 au 20 juin 2010');
    expect(text()).toContain('Page 1 sur 2 : seulement les commentaires de cette page.');
    expect(container.querySelector('details.pings summary')!.textContent).toBe('1 ping');
  });
});
