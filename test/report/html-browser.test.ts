import { readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderHtmlDocument } from "../../src/report/html/document.ts";
import { CHROMIUM, chromiumMissing, describeBrowser } from "../helpers/browser.ts";
import { removeDir, tempDir } from "../helpers/temp.ts";
import { ALLOWED_TAGS, CROWDED, EVERY_BLOCK, HOSTILE, hostileSections } from "./html-sections.ts";

/**
 * The HTML report opened in Debian's Chromium as a reader would open it: it renders (every figure a visible SVG with
 * a size, every section's heading), logs no error (a CSP violation would be one), throws nothing, asks for nothing
 * over the network, and a wide table scrolls in its box instead of widening the page.
 */

let dir: string;
let file: string;

beforeAll(async () => {
  dir = await tempDir({ keep: true });
  file = path.join(dir, "report.html");
  const wide: (typeof EVERY_BLOCK)[number] = {
    title: "A wide table",
    status: "warn",
    headline: "",
    blocks: [
      {
        kind: "table",
        table: {
          headers: Array.from({ length: 40 }, (_, i) => `column number ${i}`),
          rows: [Array.from({ length: 40 }, (_, i) => `value-without-spaces-${i}`)],
        },
      },
      { kind: "text", text: `A long path: ${"/very-long-folder-name".repeat(20)}` },
    ],
  };
  const html = renderHtmlDocument({
    title: "Run report",
    subtitle: "penguins, pull request 7",
    generated: "2026-12-06T15:00:00Z",
    sections: [...EVERY_BLOCK, CROWDED, wide],
    notes: ["Made from run 1."],
  });
  await writeFile(file, html);
});

afterAll(() => removeDir(dir));

describeBrowser("the HTML report in Chromium", (browser) => {
  it("renders every figure and heading, with no errors and no requests", async () => {
    const screenshot = path.join(dir, "report.png");
    const page = await browser.open(file, { screenshot });
    expect(page.consoleErrors).toEqual([]);
    expect(page.pageErrors).toEqual([]);
    expect(page.requests).toEqual([]);
    expect(page.scripts).toBe(0);
    expect(page.title).toBe("Run report");
    expect(page.headings).toEqual([
      "Run report",
      "❌ Gate fail",
      "✅ Registry pass",
      "Model notes",
      "⚠️ Crowded figures warn",
      "⚠️ A wide table warn",
    ]);
    // ROC, slice bars, confusion matrix, timeline, and the crowded three: all drawn, none collapsed to nothing, no
    // label cut off at a drawing's edge.
    expect(page.svgCount).toBe(7);
    expect(page.textOutside).toEqual([]);
    for (const svg of page.svgs) {
      expect(svg.visible).toBe(true);
      expect(svg.width).toBeGreaterThan(200);
      expect(svg.height).toBeGreaterThan(100);
    }
    expect(page.text).toContain("True positive rate");
    expect(page.text).toContain("95% bootstrap interval");
    // The 40-column table scrolls inside its box: the page is as wide as the window.
    expect(page.scrollWidth).toBe(page.clientWidth);
    // A PNG of the whole page, taller than the window.
    const png = await readFile(screenshot);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.readUInt32BE(20)).toBeGreaterThan(900);
    expect((await stat(screenshot)).size).toBeGreaterThan(10_000);
  });

  it("shows hostile strings in every field as text: no element, handler, link or request of theirs", async () => {
    const hostile = path.join(dir, "hostile.html");
    await writeFile(
      hostile,
      renderHtmlDocument({
        title: HOSTILE,
        subtitle: HOSTILE,
        generated: HOSTILE,
        sections: hostileSections(),
        notes: [HOSTILE],
      }),
    );
    const page = await browser.open(hostile);
    expect(Object.keys(page.tags).filter((tag) => !ALLOWED_TAGS.has(tag))).toEqual([]);
    expect(page.tags.script).toBeUndefined();
    expect(page.handlers).toEqual([]);
    expect(page.links.filter((href) => !href.startsWith("#"))).toEqual(["https://github.com/a/b"]);
    expect(page.requests).toEqual([]);
    expect(page.consoleErrors).toEqual([]);
    expect(page.pageErrors).toEqual([]);
    // One section, whose heading reads as written, and the strings are there to read.
    expect(page.tags.section).toBe(2);
    expect(page.title).toBe(HOSTILE.replace("\u202E", ""));
    expect(page.text).toContain('<img src=x onerror="alert(1)"> </section><script>');
  });

  it("fits a narrow window: figures shrink, wide tables and long values do not widen the page", async () => {
    const page = await browser.open(file, { width: 400 });
    expect(page.scrollWidth).toBe(page.clientWidth);
    expect(page.textOutside).toEqual([]);
    expect(page.svgs.every((svg) => svg.visible && svg.width > 100 && svg.width <= 400)).toBe(true);
  });

  it("keeps the numbers behind a figure folded on screen and prints them open", async () => {
    expect((await browser.open(file)).text).not.toContain("0.9312");
    const printed = await browser.open(file, { media: "print" });
    expect(printed.text).toContain("0.9312");
    expect(printed.textOutside).toEqual([]);
  });

  it("renders in the dark colour scheme too", async () => {
    const page = await browser.open(file, { colorScheme: "dark" });
    expect(page.background).toBe("rgb(13, 17, 23)");
    expect((await browser.open(file)).background).toBe("rgb(255, 255, 255)");
    expect(page.consoleErrors).toEqual([]);
    expect(page.svgs.every((svg) => svg.visible && svg.width > 200)).toBe(true);
  });

  it("records and refuses what a page asks for: the harness sees a fetch the report would make", async () => {
    // A page without the report's policy, pointing at a picture elsewhere: the harness must catch it, or the
    // "no requests" above proves nothing.
    const leaky = path.join(dir, "leaky.html");
    await writeFile(leaky, '<!doctype html><title>leaky</title><img src="https://example.com/pixel.png">');
    const page = await browser.open(leaky);
    expect(page.requests).toEqual(["https://example.com/pixel.png"]);
  });

  it("the report's policy stops a fetch even if the file is edited to add one", async () => {
    const html = renderHtmlDocument({ title: "t", generated: "2026-12-06T15:00:00Z", sections: [] });
    const edited = path.join(dir, "edited.html");
    await writeFile(edited, html.replace("</main>", '<img src="https://example.com/pixel.png"></main>'));
    const page = await browser.open(edited);
    expect(page.requests).toEqual([]);
    expect(page.consoleErrors.join("\n")).toMatch(/Content Security Policy/);
  });
});

describe("without Chromium", () => {
  it("the browser tests skip with the reason, but fail under CI", () => {
    const missing = path.join(CHROMIUM, "not-here");
    expect(chromiumMissing({}, missing)).toMatch(/not-here is not installed: apt-get install .*chromium/);
    expect(() => chromiumMissing({ CI: "true" }, missing)).toThrow(/need Chromium under CI/);
  });
});
