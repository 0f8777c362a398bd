/** The popup names the comment engine of the page's thread (PageState.dialect), in the reader's language. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readPageState } from '@/components/popup/page-state';
import { sendMessage, type PageState } from '@/utils/messaging/protocol';
import { setTestLanguage } from '../../setup/i18n';
import { mountPopup, seed004, unmount } from './fixtures';

vi.mock('@/utils/messaging/protocol', () => ({ sendMessage: vi.fn() }));
const send = vi.mocked(sendMessage);

function pageAnswers(state: unknown) {
  send.mockImplementation((async (type: string) => (type === 'getPageState' ? state : undefined)) as never);
}

let container: HTMLElement | undefined;
beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  if (container) unmount(container);
  container = undefined;
  setTestLanguage('en');
});

const engineLine = () => container!.querySelector('.engine')?.textContent ?? null;

describe('the popup names the engine', () => {
  it.each([
    ['wordpress', 'Comments by WordPress'],
    ['wpdiscuz', 'Comments by wpDiscuz'],
    ['drupal', 'Comments by Drupal'],
  ] as const)('%s threads: %s', async (dialect, line) => {
    pageAnswers({ ...seed004, dialect } satisfies PageState);
    container = await mountPopup();
    expect(engineLine()).toBe(line);
  });

  it('in French', async () => {
    setTestLanguage('fr');
    pageAnswers({ ...seed004, dialect: 'drupal' } satisfies PageState);
    container = await mountPopup();
    expect(engineLine()).toBe('Commentaires gérés par Drupal');
  });

  it('says nothing about an engine it does not know (an older content script, a forged answer)', async () => {
    expect(readPageState({ ...seed004, dialect: 'movabletype' })?.dialect).toBeUndefined();
    pageAnswers({ ...seed004, dialect: 'movabletype' });
    container = await mountPopup();
    expect(container.querySelector('.summary')).not.toBeNull();
    expect(engineLine()).toBeNull();
  });
});
