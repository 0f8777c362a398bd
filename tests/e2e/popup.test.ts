/** The popup, opened for a corpus tab, says what the truth says, in the browser's language (English, French). */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { E2EPage } from './lib/browsers.ts';
import { countPhrase, message, peopleCount, readCatalog } from './lib/corpus.ts';
import { englishThreadPage, frenchThreadPage, postsWithoutComments } from './lib/pages.ts';
import { inEachBrowser, TEST_TIMEOUT } from './lib/session.ts';

/** Whitespace runs (French non-breaking spaces included) as one space, as the popup text is read. */
const collapseSpaces = (text: string): string => text.replace(/\s+/g, ' ');

/** Wait until the popup shows `phrase`, then return its visible text (whitespace collapsed). */
async function popupTextOnce(popup: E2EPage, phrase: string): Promise<string> {
  const readText = () => document.body.innerText.replace(/\s+/g, ' ');
  phrase = collapseSpaces(phrase);
  try {
    await popup.waitUntil((expected) => document.body.innerText.replace(/\s+/g, ' ').includes(expected), phrase, {
      what: `the popup to say "${phrase}"`,
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}; it says: ${await popup.run(readText)}`);
  }
  return popup.run(readText);
}

for (const language of ['en', 'fr'] as const) {
  const catalog = readCatalog(language);
  const phrase = (key: string, count: number) => countPhrase(catalog, language, key, count);
  const testPages = language === 'en' ? [englishThreadPage()] : [englishThreadPage(), frenchThreadPage()];
  const quietPage = postsWithoutComments()[0]!;

  inEachBrowser(
    'popup',
    (session) => {
      for (const [index, testPage] of testPages.entries()) {
        it(`shows the truth's figures for ${testPage.label}`, { timeout: TEST_TIMEOUT }, async () => {
          const { truth } = testPage;
          const { summary } = truth;
          const page = await session().openTestPage(testPage);
          const popup = await session().browser.openPopup(page);
          const people = peopleCount(truth);
          assert.equal(people, summary.participants - summary.pingbacks, 'the summary counts each pinging site as a participant');
          const text = await popupTextOnce(popup, phrase('popup_participants', people));
          const expected = [
            phrase('popup_comments', summary.comments - summary.pingbacks - summary.trackbacks),
            phrase('popup_participants', people),
            message(catalog, 'popup_postAuthor', truth.post_author),
            phrase('popup_authorReplies', summary.post_author_replies),
            phrase('popup_pingbacks', summary.pingbacks),
          ];
          for (const line of expected.map(collapseSpaces)) assert.ok(text.includes(line), `popup says "${line}"; it says: ${text}`);
          assert.equal(await popup.run(() => document.documentElement.lang.slice(0, 2)), language, 'popup language');
          if (index === 0) await popup.screenshot(`popup-${language}`);
          await popup.close();
          await page.close();
        });
      }

      it(`says there is no comment thread on ${quietPage.label}`, { timeout: TEST_TIMEOUT }, async () => {
        const page = await session().openTestPage(quietPage);
        const popup = await session().browser.openPopup(page);
        const text = await popupTextOnce(popup, message(catalog, 'popup_noThread'));
        assert.ok(!text.includes(phrase('popup_participants', 0)), 'no figures for a page without comments');
        await popup.screenshot(`popup-none-${language}`);
        await popup.close();
        await page.close();
      });
    },
    language,
  );
}
