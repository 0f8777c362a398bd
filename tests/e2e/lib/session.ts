/**
 * Runs a group of scenarios once per browser (E2E_BROWSERS, both by default): each browser gets its own
 * `describe` block, one launch with the extension, one corpus server, and fresh tabs per test.
 */
import { after, before, describe } from 'node:test';
import { launchBrowser, BROWSERS, type BrowserName, type E2EBrowser, type E2EPage, type LaunchOptions, type UiLanguage } from './browsers.ts';
import { pagePath, type Theme } from './corpus.ts';
import type { TestPage } from './pages.ts';
import { startServer, type StaticServer } from './server.ts';

export interface Session {
  readonly name: BrowserName;
  readonly browser: E2EBrowser;
  readonly server: StaticServer;
  /** A new tab on a corpus page, once the content script is done with it (enhanced, or bailed out). */
  openCorpusPage(theme: Theme, variant: string): Promise<E2EPage>;
  /** A new tab on a test page (corpus or demo, lib/pages.ts), once the content script is done with it. */
  openTestPage(page: TestPage): Promise<E2EPage>;
  /** A new tab on a corpus page, as soon as it has loaded (nothing awaited from the extension). */
  openPage(url: string): Promise<E2EPage>;
}

/** Per-test timeout: a launch is a few seconds, a scenario well under a minute even in Firefox. */
export const TEST_TIMEOUT = 60_000;

/** Declare `define`'s tests once per browser. */
export function inEachBrowser(
  title: string,
  define: (session: () => Session) => void,
  language: UiLanguage = 'en',
  launch: Omit<LaunchOptions, 'language'> = {},
): void {
  for (const name of BROWSERS) {
    describe(`${title} [${name}${language === 'en' ? '' : `, ${language}`}]`, { timeout: 5 * TEST_TIMEOUT }, () => {
      let current: Session | null = null;
      const pages: E2EPage[] = [];

      before(async () => {
        const server = await startServer();
        const browser = await launchBrowser(name, { ...launch, language }).catch(async (error: unknown) => {
          await server.close();
          throw error;
        });
        current = {
          name,
          browser,
          server,
          async openPage(url) {
            const page = await browser.newPage();
            pages.push(page);
            await page.goto(url);
            return page;
          },
          async openCorpusPage(theme, variant) {
            const page = await this.openPage(server.url(pagePath(theme, variant)));
            await waitForContentScript(page);
            return page;
          },
          async openTestPage(testPage) {
            const page = await this.openPage(server.url(testPage.path));
            await waitForContentScript(page);
            return page;
          },
        };
      });

      after(async () => {
        await current?.browser.close();
        await current?.server.close();
      });

      define(() => {
        if (!current) throw new Error(`${name} did not start (see the "before" hook failure above)`);
        return current;
      });
    });
  }
}

/**
 * Wait until the content script is done: every comment rendered (the view writes big threads in slices after
 * threadlight:ready, and marks threadlight:rendered after the last), or it bailed out.
 */
export function waitForContentScript(page: E2EPage): Promise<void> {
  return page.waitUntil(
    () => performance.getEntriesByName('threadlight:rendered').length > 0 || performance.getEntriesByName('threadlight:bail').length > 0,
    undefined,
    { what: 'the content script (a threadlight:rendered or threadlight:bail mark)' },
  );
}
