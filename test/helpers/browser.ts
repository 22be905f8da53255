import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import puppeteer, { type Browser } from "puppeteer-core";
import { afterAll, describe } from "vitest";

/**
 * Debian's Chromium driven over the DevTools protocol (puppeteer-core), for the tests that open an HTML report the way
 * a reader would: every request but the file itself is recorded and refused, so nothing leaves the machine and a test
 * can say the page asked for nothing; console messages of type error and uncaught page errors are collected; a
 * screenshot of the full page can be written. One browser per test file (started lazily, closed in afterAll).
 */

export const CHROMIUM = "/usr/bin/chromium";

const INSTALL = "apt-get install -y --no-install-recommends chromium (.ci/run does it under CI)";

/** Starting Chromium on a loaded 2-core machine can take a while: room for it, without a wall-clock assertion. */
export const BROWSER_TIMEOUT = 180_000;

/**
 * Why the browser tests cannot run here, or null when they can. Under CI=true a missing browser is an error (the tests
 * would otherwise pass by skipping), so this throws; elsewhere the caller skips with the reason.
 */
export function chromiumMissing(env: NodeJS.ProcessEnv = process.env, executable = CHROMIUM): string | null {
  const reason = existsSync(executable) ? null : `${executable} is not installed: ${INSTALL}`;
  if (reason !== null && env.CI === "true") throw new Error(`the browser tests need Chromium under CI: ${reason}`);
  if (reason !== null) console.warn(`\n[browser] skipping: ${reason}\n`);
  return reason;
}

export interface OpenOptions {
  /** Where to write a PNG of the full page (or of the element {@link OpenOptions.screenshotOf} selects). */
  screenshot?: string;
  /** A CSS selector: the screenshot shows only the first element it matches (a docs picture of one section). */
  screenshotOf?: string;
  /** The reader's colour setting (prefers-color-scheme). */
  colorScheme?: "light" | "dark";
  /** The media type the page is laid out for (screen unless given). */
  media?: "screen" | "print";
  /** The window's width in CSS pixels (1200 unless given). */
  width?: number;
}

export interface OpenedPage {
  title: string;
  /** The page's visible text (innerText of the body). */
  text: string;
  /** The text of every h1, h2 and h3, in order. */
  headings: string[];
  /** Console messages of type error (a CSP violation is one). */
  consoleErrors: string[];
  /** Uncaught errors in the page. */
  pageErrors: string[];
  /** Every request the page made except for the file itself (all refused). */
  requests: string[];
  svgCount: number;
  /** Each <svg>'s rendered size and whether it is shown (not display:none, not inside a closed details). */
  svgs: { width: number; height: number; visible: boolean }[];
  /** The document's scroll width against the window's: a wide table or figure must not widen the page. */
  scrollWidth: number;
  clientWidth: number;
  /** The number of <script> elements (a report has none). */
  scripts: number;
  /** The body's computed background colour (rgb(...)): which colour scheme the page took. */
  background: string;
  /** How many elements of each tag the page holds (lower case): what markup the page really has. */
  tags: Record<string, number>;
  /** The href of every link. */
  links: string[];
  /** The text of every SVG <text> that is drawn (partly) outside its SVG, where the reader cannot see it. */
  textOutside: string[];
  /** Every event-handler attribute (`onclick`, `onerror`...) as "TAG name": a report has none. */
  handlers: string[];
}

export interface BrowserSession {
  /** Opens an HTML file, waits for it to load, and reports what the reader would see and what it asked for. */
  open(file: string, options?: OpenOptions): Promise<OpenedPage>;
}

/**
 * A describe block whose tests get a {@link BrowserSession}: skipped with a message when Chromium is missing (failed,
 * under CI=true), with a per-test timeout of {@link BROWSER_TIMEOUT}, and the browser closed in afterAll whatever
 * happened.
 */
export function describeBrowser(name: string, body: (session: BrowserSession) => void): void {
  const missing = chromiumMissing();
  if (missing !== null) {
    describe.skip(`${name} (skipped: ${missing})`, () => body(unavailable));
    return;
  }
  describe(name, { timeout: BROWSER_TIMEOUT }, () => {
    let browser: Promise<Browser> | null = null;
    const session: BrowserSession = {
      open: async (file, options) => {
        browser ??= launch();
        return openInBrowser(await browser, file, options);
      },
    };
    afterAll(async () => {
      const started = browser;
      browser = null;
      if (started) await (await started.catch(() => null))?.close();
    }, BROWSER_TIMEOUT);
    body(session);
  });
}

const unavailable: BrowserSession = {
  open: () => Promise.reject(new Error(`Chromium is not available: ${CHROMIUM}`)),
};

function launch(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Root in a container: Chromium's sandbox needs user namespaces it does not have here.
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check"],
    protocolTimeout: BROWSER_TIMEOUT,
    timeout: BROWSER_TIMEOUT,
  });
}

/**
 * What {@link OpenedPage} reports of the loaded page, run inside it. A string, because the tests are compiled without
 * the DOM's types (src/ must not reach for `document`).
 */
const MEASURE = `(() => ({
  title: document.title,
  text: document.body.innerText,
  headings: [...document.querySelectorAll("h1, h2, h3")].map((h) => h.innerText),
  svgs: [...document.querySelectorAll("svg")].map((svg) => {
    const box = svg.getBoundingClientRect();
    return { width: box.width, height: box.height, visible: svg.checkVisibility() };
  }),
  scrollWidth: document.documentElement.scrollWidth,
  clientWidth: document.documentElement.clientWidth,
  scripts: document.querySelectorAll("script").length,
  background: getComputedStyle(document.body).backgroundColor,
  tags: [...document.querySelectorAll("*")].reduce((tags, element) => {
    const name = element.tagName.toLowerCase();
    tags[name] = (tags[name] ?? 0) + 1;
    return tags;
  }, {}),
  links: [...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")),
  textOutside: [...document.querySelectorAll("svg text")].flatMap((text) => {
    const box = text.getBoundingClientRect();
    const svg = text.ownerSVGElement.getBoundingClientRect();
    const outside = box.left < svg.left - 1 || box.right > svg.right + 1 || box.top < svg.top - 1 || box.bottom > svg.bottom + 1;
    return outside ? [text.textContent] : [];
  }),
  handlers: [...document.querySelectorAll("*")].flatMap((element) =>
    [...element.attributes].filter((a) => /^on/i.test(a.name)).map((a) => element.tagName + " " + a.name),
  ),
}))()`;

async function openInBrowser(browser: Browser, file: string, options: OpenOptions = {}): Promise<OpenedPage> {
  const page = await browser.newPage();
  try {
    const url = pathToFileURL(file).href;
    const consoleErrors: string[] = [];
    const pageErrors: string[] = [];
    const requests: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => pageErrors.push(error instanceof Error ? error.message : String(error)));
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      if (request.url() === url) {
        void request.continue();
        return;
      }
      requests.push(request.url());
      void request.abort("blockedbyclient");
    });
    await page.setViewport({ width: options.width ?? 1200, height: 900 });
    // In one call: puppeteer's emulateMediaType and emulateMediaFeatures each reset what the other set.
    const devtools = await page.createCDPSession();
    await devtools.send("Emulation.setEmulatedMedia", {
      media: options.media ?? "screen",
      features: [{ name: "prefers-color-scheme", value: options.colorScheme ?? "light" }],
    });
    await page.goto(url, { waitUntil: "load", timeout: BROWSER_TIMEOUT });
    const seen = (await page.evaluate(MEASURE)) as Omit<
      OpenedPage,
      "svgCount" | "consoleErrors" | "pageErrors" | "requests"
    >;
    if (options.screenshot) {
      const path = options.screenshot as `${string}.png`;
      const element = options.screenshotOf ? await page.$(options.screenshotOf) : null;
      if (options.screenshotOf && !element) throw new Error(`nothing on the page matches ${options.screenshotOf}`);
      if (element) await element.screenshot({ path });
      else await page.screenshot({ path, fullPage: true });
    }
    return { ...seen, svgCount: seen.svgs.length, consoleErrors, pageErrors, requests };
  } finally {
    await page.close();
  }
}
