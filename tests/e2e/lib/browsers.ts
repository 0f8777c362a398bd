/**
 * Real browsers with the built extension loaded, behind one small interface so every scenario runs in both:
 * Chromium through playwright-core (--load-extension), Firefox ESR through puppeteer-core over WebDriver BiDi
 * (temporary add-on). Recipes and their gotchas: ../shared/docs/toolchain.md §3–4.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page as PlaywrightPage, type Worker } from 'playwright-core';
import puppeteer, { type Browser as PuppeteerBrowser, type Page as PuppeteerPage } from 'puppeteer-core';
import { DEFAULT_OPTIONS, type ThreadlightOptions } from '@/utils/storage/options';
import { chromeBuildDir, firefoxBuildDir, resultsDir } from './paths.ts';

export type BrowserName = 'chromium' | 'firefox';
export type UiLanguage = 'en' | 'fr';

const KNOWN_BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

/**
 * The browsers named by `list` (comma-separated). An empty list or an unknown name throws: a typo such as
 * `E2E_BROWSERS=chrome` must not turn into zero tests and a green run.
 */
export function parseBrowserList(list: string): BrowserName[] {
  const names = list.split(',').map((name) => name.trim()).filter((name) => name !== '');
  const unknown = names.filter((name) => !KNOWN_BROWSERS.includes(name as BrowserName));
  if (names.length === 0 || unknown.length > 0) {
    throw new Error(`E2E_BROWSERS="${list}": expected a comma-separated list of ${KNOWN_BROWSERS.join(', ')}`);
  }
  return [...new Set(names as BrowserName[])];
}

/** Browsers to test, from E2E_BROWSERS (comma-separated), both by default. */
export const BROWSERS: BrowserName[] = parseBrowserList(process.env.E2E_BROWSERS ?? 'chromium,firefox');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** Must match browser_specific_settings.gecko.id in wxt.config.ts. */
export const GECKO_ID = 'threadlight@threadlight.dev';
/** Pinned moz-extension:// host, so extension URLs are known before the add-on starts. */
export const FIREFOX_EXTENSION_UUID = '3b0a6c1e-7d52-4c8e-9a41-5f2d8e7b1c90';
const VIEWPORT = { width: 1280, height: 900 };
const POPUP_VIEWPORT = { width: 400, height: 640 };
/** A small phone held upright (Firefox for Android's narrowest common screens): 360 CSS px wide, touch only. */
export const PHONE_VIEWPORT = { width: 360, height: 740 };

/** A function run in a page: serialized, so it may only use its argument and the page's globals. */
export type InPage<A, R> = (arg: A) => R;

export interface WaitOptions {
  timeout?: number;
  /** What we were waiting for, said in the error when it never happens. */
  what?: string;
}

/** One tab. Functions passed to `run`/`waitUntil` execute in the page (the extension's APIs on extension pages). */
export interface E2EPage {
  readonly browserName: BrowserName;
  goto(url: string): Promise<void>;
  run<A, R>(fn: InPage<A, R>, arg?: A): Promise<Awaited<R>>;
  waitUntil<A>(fn: InPage<A, unknown>, arg?: A, options?: WaitOptions): Promise<void>;
  click(selector: string): Promise<void>;
  /** A touch tap (phone browsers: `launchBrowser(name, { phone: true })`). */
  tap(selector: string): Promise<void>;
  focus(selector: string): Promise<void>;
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
  bringToFront(): Promise<void>;
  setViewport(size: { width: number; height: number }): Promise<void>;
  /** Viewport screenshot into <screenshotDir>/<name>.png (e2e-results/<browser>/ by default); returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface E2EBrowser {
  readonly name: BrowserName;
  readonly language: UiLanguage;
  newPage(): Promise<E2EPage>;
  /** The popup opened as a tab for `target`'s tab (popup.html?tabId=N), rendered. */
  openPopup(target: E2EPage): Promise<E2EPage>;
  /** Run a function in an extension context, where `chrome`/`browser` extension APIs exist. */
  inExtension<A, R>(fn: InPage<A, R>, arg?: A): Promise<Awaited<R>>;
  /** Write the options storage item (`local:options`) from the extension, as the popup does. */
  setOptions(patch: Partial<ThreadlightOptions>): Promise<void>;
  /** Resolves when the browser goes away (its window closed by the user, or close()). */
  closed(): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** The browser's interface language, hence the extension's (English by default). */
  language?: UiLanguage;
  /** Chromium only: show a window (the demo, when there is a display). Headless by default. */
  headless?: boolean;
  /** Where `screenshot(name)` writes; e2e-results/<browser>/ by default. */
  screenshotDir?: string;
  /** The page's prefers-color-scheme (light by default). */
  colorScheme?: 'light' | 'dark';
  /**
   * A phone: 360 × 740 CSS px at 2×, touch events, a coarse pointer that cannot hover (Chromium's mobile emulation;
   * Firefox: the same viewport with touch and the pointer capabilities of a touch screen). The popup opens that wide.
   */
  phone?: boolean;
}

/** Launch `name` with the built extension. */
export function launchBrowser(name: BrowserName, options: LaunchOptions = {}): Promise<E2EBrowser> {
  const settings = {
    language: options.language ?? 'en',
    headless: options.headless ?? true,
    screenshotDir: options.screenshotDir ?? path.join(resultsDir, name),
    colorScheme: options.colorScheme ?? 'light',
    phone: options.phone ?? false,
  };
  return name === 'chromium' ? launchChromium(settings) : launchFirefox(settings);
}

type LaunchSettings = Required<LaunchOptions>;

/**
 * The source of a self-running call of `fn(arg)`. We serialize functions ourselves: the two drivers pass
 * arguments differently, and tsx (esbuild keepNames) may wrap inner functions in a `__name` helper the page lacks.
 */
function callExpression<A, R>(fn: InPage<A, R>, arg: A | undefined): string {
  return `(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg ?? null)}); })()`;
}

function screenshotPath(dir: string, name: string): `${string}.png` {
  fs.mkdirSync(dir, { recursive: true });
  return `${path.join(dir, name)}.png`;
}

function timeoutError(error: unknown, options: WaitOptions | undefined, browserName: BrowserName): Error {
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new Error(`[${browserName}] timed out waiting for ${options?.what ?? 'a page condition'} (${reason})`);
}

const DEFAULT_WAIT = 10_000;
const WAIT_POLL_MS = 100;

/** The few extension APIs the harness calls (as `chrome` in Chromium, `browser` in Firefox). */
export interface ExtensionApi {
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
  tabs: {
    query(query: { active?: boolean; lastFocusedWindow?: boolean }): Promise<{ id?: number }[]>;
    getCurrent(): Promise<{ id?: number } | undefined>;
  };
}
/** In-page access to the extension APIs (only meaningful inside functions run in an extension context). */
export type ExtensionGlobals = { browser?: ExtensionApi; chrome?: ExtensionApi };

/** Options to write: the stored value (or the defaults) with `patch` applied. Runs in the extension. */
const writeOptions = async (arg: { patch: object; defaults: object }) => {
  const globals = globalThis as unknown as ExtensionGlobals;
  const api = (globals.browser ?? globals.chrome)!;
  const stored = (await api.storage.local.get('options')).options as object | undefined;
  await api.storage.local.set({ options: { ...(stored ?? arg.defaults), ...arg.patch } });
};

/** What Playwright's and Puppeteer's pages share, as far as the harness uses them. */
interface DriverPageApi {
  goto(url: string): Promise<unknown>;
  evaluate(expression: string): Promise<unknown>;
  click(selector: string): Promise<void>;
  tap(selector: string): Promise<void>;
  focus(selector: string): Promise<void>;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
  keyboard: { type(text: string): Promise<void> };
  screenshot(options: { path: `${string}.png` }): Promise<unknown>;
}

/** The E2EPage methods both drivers implement alike; subclasses supply waiting, chords and viewport. */
abstract class DriverPage<P extends DriverPageApi> implements E2EPage {
  abstract readonly browserName: BrowserName;
  constructor(
    protected readonly page: P,
    private readonly screenshotDir: string,
  ) {}

  abstract press(key: string): Promise<void>;
  abstract setViewport(size: { width: number; height: number }): Promise<void>;

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
  }
  run<A, R>(fn: InPage<A, R>, arg?: A): Promise<Awaited<R>> {
    return this.page.evaluate(callExpression(fn, arg)) as Promise<Awaited<R>>;
  }
  /**
   * Polled from here rather than with the drivers' waitForFunction: that one evaluates strings with eval inside
   * the page, which extension pages' CSP forbids, and it polls by animation frames, which background tabs skip.
   */
  async waitUntil<A>(fn: InPage<A, unknown>, arg?: A, options?: WaitOptions): Promise<void> {
    const expression = callExpression(fn, arg);
    const deadline = Date.now() + (options?.timeout ?? DEFAULT_WAIT);
    let lastError: unknown = 'the condition stayed false';
    for (;;) {
      try {
        // Bounded: an evaluation started mid-navigation may wait for a context that comes late.
        const remaining = Math.max(deadline - Date.now(), WAIT_POLL_MS);
        const result = await Promise.race([
          this.page.evaluate(expression),
          new Promise((_, reject) => setTimeout(() => reject(new Error('evaluation did not return')), remaining)),
        ]);
        if (result) return;
      } catch (error) {
        lastError = error; // e.g. the page is navigating: try again
      }
      if (Date.now() > deadline) throw timeoutError(lastError, options, this.browserName);
      await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS));
    }
  }
  click(selector: string): Promise<void> {
    return this.page.click(selector);
  }
  tap(selector: string): Promise<void> {
    return this.page.tap(selector);
  }
  focus(selector: string): Promise<void> {
    return this.page.focus(selector);
  }
  type(text: string): Promise<void> {
    return this.page.keyboard.type(text);
  }
  bringToFront(): Promise<void> {
    return this.page.bringToFront();
  }
  async screenshot(name: string): Promise<string> {
    const file = screenshotPath(this.screenshotDir, name);
    await this.page.screenshot({ path: file });
    return file;
  }
  close(): Promise<void> {
    return this.page.close();
  }
}

// ---------------------------------------------------------------------------------------------- Chromium

async function launchChromium({ language, headless, screenshotDir, colorScheme, phone }: LaunchSettings): Promise<E2EBrowser> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'threadlight-chromium-'));
  const locale = language === 'fr' ? 'fr' : 'en-US';
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless,
    viewport: phone ? PHONE_VIEWPORT : VIEWPORT,
    ...(phone && { isMobile: true, hasTouch: true, deviceScaleFactor: 2 }),
    colorScheme,
    locale,
    // On Linux, Chromium takes its interface language (chrome.i18n) from the environment.
    env: { ...process.env, LANGUAGE: locale, LANG: language === 'fr' ? 'fr_FR.UTF-8' : 'en_US.UTF-8' },
    args: [
      `--disable-extensions-except=${chromeBuildDir}`,
      `--load-extension=${chromeBuildDir}`,
      `--lang=${locale}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
  try {
    let [worker] = context.serviceWorkers();
    worker ??= await context.waitForEvent('serviceworker', { timeout: DEFAULT_WAIT });
    return new ChromiumBrowser(context, worker, userDataDir, language, screenshotDir, phone);
  } catch (error) {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
    throw new Error(`Chromium started without the extension's service worker (is ${chromeBuildDir} built?): ${error}`);
  }
}

class ChromiumBrowser implements E2EBrowser {
  readonly name = 'chromium' as const;
  private readonly extensionId: string;

  constructor(
    private readonly context: BrowserContext,
    private readonly worker: Worker,
    private readonly userDataDir: string,
    readonly language: UiLanguage,
    private readonly screenshotDir: string,
    private readonly phone: boolean,
  ) {
    this.extensionId = new URL(worker.url()).host;
  }

  async newPage(): Promise<E2EPage> {
    return new ChromiumPage(await this.context.newPage(), this.screenshotDir);
  }

  /** Resolves when the browser goes away (its window closed by the user, or close()). */
  closed(): Promise<void> {
    return new Promise((resolve) => this.context.once('close', () => resolve()));
  }

  async openPopup(target: E2EPage): Promise<E2EPage> {
    // Without the `tabs` permission tab URLs are hidden: focus the target, then ask which tab is active.
    await target.bringToFront();
    const tabId = await this.inExtension(async () => {
      const { chrome } = globalThis as unknown as Required<ExtensionGlobals>;
      return (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
    });
    if (typeof tabId !== 'number') throw new Error('[chromium] no active tab to open the popup for');
    const popup = await this.newPage();
    // On a phone the popup is a page of its own, the screen's width: keep the context's mobile emulation (resizing
    // the page would drop its touch and coarse-pointer emulation).
    if (!this.phone) await popup.setViewport(POPUP_VIEWPORT);
    await popup.goto(`chrome-extension://${this.extensionId}/popup.html?tabId=${tabId}`);
    // After the navigation: the extension page lives in another process than the blank tab it replaced.
    if (this.phone) await this.emulateTouchMedia(popup);
    await popup.waitUntil(() => document.querySelector('#app')?.hasChildNodes(), undefined, { what: 'the popup to render' });
    return popup;
  }

  inExtension<A, R>(fn: InPage<A, R>, arg?: A): Promise<Awaited<R>> {
    return this.worker.evaluate(callExpression(fn, arg)) as Promise<Awaited<R>>;
  }

  /**
   * Chromium's mobile emulation leaves extension pages with a fine, hovering pointer: give the popup the media
   * features of a touch screen, as the web pages of the same context have them.
   */
  private async emulateTouchMedia(page: E2EPage): Promise<void> {
    const cdp = await this.context.newCDPSession((page as ChromiumPage).driverPage);
    // What DevTools' device mode does: a touch screen as the primary pointer (coarse, no hover).
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    await cdp.send('Emulation.setEmitTouchEventsForMouse', { enabled: true, configuration: 'mobile' });
  }

  setOptions(patch: Partial<ThreadlightOptions>): Promise<void> {
    return this.inExtension(writeOptions, { patch, defaults: DEFAULT_OPTIONS });
  }

  async close(): Promise<void> {
    await this.context.close();
    fs.rmSync(this.userDataDir, { recursive: true, force: true });
  }
}

class ChromiumPage extends DriverPage<PlaywrightPage> {
  readonly browserName = 'chromium' as const;

  get driverPage(): PlaywrightPage {
    return this.page;
  }

  press(key: string): Promise<void> {
    return this.page.keyboard.press(key);
  }
  setViewport(size: { width: number; height: number }): Promise<void> {
    return this.page.setViewportSize(size);
  }
}

// ----------------------------------------------------------------------------------------------- Firefox

async function launchFirefox({ language, headless, screenshotDir, colorScheme, phone }: LaunchSettings): Promise<E2EBrowser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless,
    defaultViewport: phone ? { ...PHONE_VIEWPORT, deviceScaleFactor: 2, hasTouch: true, isMobile: true } : VIEWPORT,
    // Lets BiDi navigate a tab to moz-extension:// (otherwise "not allowed in this context").
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
      // French needs Debian's firefox-esr-l10n-fr language pack; without it Firefox stays in English.
      'intl.locale.requested': language === 'fr' ? 'fr' : 'en-US',
      // 0 dark, 1 light: what prefers-color-scheme says to pages.
      'layout.css.prefers-color-scheme.content-override': colorScheme === 'dark' ? 0 : 1,
      // A touch screen: touch events, and a primary pointer that is coarse and cannot hover (1 = coarse).
      ...(phone && { 'dom.w3c_touch_events.enabled': 1, 'ui.primaryPointerCapabilities': 1, 'ui.allPointerCapabilities': 1 }),
    },
  });
  try {
    const id = await browser.installExtension(firefoxBuildDir);
    if (id !== GECKO_ID) throw new Error(`installed add-on has id ${id}, expected ${GECKO_ID}`);
    return new FirefoxBrowser(browser, language, screenshotDir, phone);
  } catch (error) {
    await browser.close();
    throw new Error(`Firefox could not install ${firefoxBuildDir} (is it built?): ${error}`);
  }
}

class FirefoxBrowser implements E2EBrowser {
  readonly name = 'firefox' as const;
  /** An extension page kept open in its own tab: Firefox's background page is out of BiDi's reach. */
  private extensionPage: Promise<E2EPage> | null = null;

  constructor(
    private readonly browser: PuppeteerBrowser,
    readonly language: UiLanguage,
    private readonly screenshotDir: string,
    private readonly phone: boolean,
  ) {}

  async newPage(): Promise<E2EPage> {
    return new FirefoxPage(await this.browser.newPage(), this.screenshotDir);
  }

  closed(): Promise<void> {
    return new Promise((resolve) => this.browser.once('disconnected', () => resolve()));
  }

  async openPopup(target: E2EPage): Promise<E2EPage> {
    const extension = await this.extensionContext(); // opened first: a new tab would take the focus
    await target.bringToFront();
    const tabId = await extension.run(async () => {
      const { browser } = globalThis as unknown as Required<ExtensionGlobals>;
      const self = await browser.tabs.getCurrent();
      const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
      return active && active.id !== self?.id ? active.id : undefined;
    });
    if (typeof tabId !== 'number') throw new Error('[firefox] no active tab to open the popup for');
    const popup = await this.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.waitUntil(() => document.querySelector('#app')?.hasChildNodes(), undefined, { what: 'the popup to render' });
    return popup;
  }

  async inExtension<A, R>(fn: InPage<A, R>, arg?: A): Promise<Awaited<R>> {
    return (await this.extensionContext()).run(fn, arg);
  }

  private extensionContext(): Promise<E2EPage> {
    // A blank extension URL (404 inside the add-on) would not get the extension APIs: use the popup page.
    this.extensionPage ??= this.openExtensionPage('popup.html?tabId=-1');
    return this.extensionPage;
  }

  setOptions(patch: Partial<ThreadlightOptions>): Promise<void> {
    return this.inExtension(writeOptions, { patch, defaults: DEFAULT_OPTIONS });
  }

  private async openExtensionPage(pathAndQuery: string): Promise<E2EPage> {
    const page = await this.newPage();
    if (!this.phone) await page.setViewport(POPUP_VIEWPORT);
    // goto() never settles for moz-extension:// pages (process switch): fire it and poll the document instead.
    page.goto(`moz-extension://${FIREFOX_EXTENSION_UUID}/${pathAndQuery}`).catch(() => {});
    await page.waitUntil(
      (expected) => location.href.endsWith(expected) && document.readyState === 'complete' && !!(globalThis as ExtensionGlobals).browser?.storage,
      pathAndQuery,
      { what: `moz-extension page ${pathAndQuery}` },
    );
    return page;
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}

class FirefoxPage extends DriverPage<PuppeteerPage> {
  readonly browserName = 'firefox' as const;

  async press(key: string): Promise<void> {
    // Puppeteer presses one key: hold the modifiers of a "Shift+C" chord around it, as Playwright does.
    type Key = Parameters<PuppeteerPage['keyboard']['press']>[0];
    const parts = key.length > 1 ? key.split('+') : [key];
    const modifiers = parts.slice(0, -1) as Key[];
    for (const modifier of modifiers) await this.page.keyboard.down(modifier);
    await this.page.keyboard.press(parts.at(-1) as Key);
    for (const modifier of modifiers.reverse()) await this.page.keyboard.up(modifier);
  }
  setViewport(size: { width: number; height: number }): Promise<void> {
    return this.page.setViewport(size);
  }
}
