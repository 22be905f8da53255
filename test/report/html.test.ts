import { describe, expect, it } from "vitest";
import type { Block, Chart, Heatmap, Section, Timeline } from "../../src/report/blocks.ts";
import { ticks } from "../../src/report/html/axis.ts";
import { blockToHtml } from "../../src/report/html/blocks.ts";
import { CONTENT_SECURITY_POLICY, renderHtmlDocument } from "../../src/report/html/document.ts";
import { markdownToHtml } from "../../src/report/html/markdown.ts";
import { ALLOWED_TAGS, EVERY_BLOCK, HOSTILE, hostileSections } from "./html-sections.ts";

/**
 * The HTML renderer: the document's frame (charset, the policy that forbids every fetch, no script, contents linking
 * to each section), each block kind, and the figures' geometry read back from the SVG it writes.
 */

const GENERATED = "2026-12-06T15:00:00Z";

function page(sections: Section[], extra: { subtitle?: string; notes?: string[] } = {}): string {
  return renderHtmlDocument({ title: "Run report", generated: GENERATED, sections, ...extra });
}

function section(blocks: Block[]): Section {
  return { title: "S", status: "pass", headline: "", blocks };
}

/** Every tag the markup opens or closes, lower case. */
function tagsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((match) => (match[1] ?? "").toLowerCase()));
}

/** The attributes of each element named `tag` in the markup. */
function elements(html: string, tag: string): Record<string, string>[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, "g"))].map((match) => {
    const attributes: Record<string, string> = {};
    for (const [, name = "", value = ""] of (match[1] ?? "").matchAll(/([a-z0-9-]+)="([^"]*)"/g))
      attributes[name] = value;
    return attributes;
  });
}

const chart = (overrides: Partial<Chart>): Chart => ({
  title: "t",
  caption: "c",
  labels: [],
  bars: [],
  line: null,
  range: null,
  ...overrides,
});

describe("the document", () => {
  const html = page(EVERY_BLOCK, { subtitle: "penguins", notes: ["Made from run 1."] });

  it("is one HTML5 file that may fetch nothing and runs nothing", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(CONTENT_SECURITY_POLICY).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:">`,
    );
    expect(tagsOf(html).has("script")).toBe(false);
    expect(html).not.toMatch(/\s(src|srcset|action|formaction|poster|background)=/i);
    expect(html).not.toMatch(/url\(/i);
  });

  it("has a header, contents linking to every section, and each section with its status word and mark", () => {
    expect(html).toContain("<h1>Run report</h1>");
    expect(html).toContain('<p class="subtitle">penguins</p>');
    expect(html).toContain(`<time datetime="${GENERATED}">2026-12-06 15:00 UTC</time>`);
    const targets = [...html.matchAll(/<a href="#([^"]+)">/g)].map((match) => match[1]);
    const ids = [...html.matchAll(/<section class="report" id="([^"]+)">/g)].map((match) => match[1]);
    expect(targets).toEqual(ids);
    expect(ids).toHaveLength(EVERY_BLOCK.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(html).toContain('<h2>❌ Gate <span class="status fail">fail</span></h2>');
    expect(html).toContain('<h2>✅ Registry <span class="status pass">pass</span></h2>');
    expect(html).toContain("<footer><ul><li>Made from run 1.</li></ul></footer>");
  });

  it("keeps two sections of the same title apart", () => {
    const twice = page([section([]), section([])]);
    const ids = [...twice.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    expect(ids).toEqual(["s1-s", "s2-s"]);
  });

  it("shows a time it cannot read as written", () => {
    expect(renderHtmlDocument({ title: "t", generated: "yesterday", sections: [] })).toContain(
      '<time datetime="yesterday">yesterday</time>',
    );
  });
});

describe("text blocks", () => {
  it("renders tables with their alignment in a box that scrolls, cells clipped", () => {
    const html = blockToHtml({
      kind: "table",
      table: { headers: ["a", "n"], rows: [["x".repeat(400), "1"]], align: ["left", "right"] },
    });
    expect(html).toContain('<div class="table-box"><table>');
    expect(html).toContain('<th>a</th><th class="num">n</th>');
    expect(html).toContain(`<td>${"x".repeat(299)}…</td><td class="num">1</td>`);
  });

  it("renders details closed, code as pre, and links only to safe URLs", () => {
    const details = blockToHtml({ kind: "details", summary: "more", blocks: [{ kind: "code", text: "a < b" }] });
    expect(details).toMatch(/^<details><summary>more<\/summary>/);
    expect(details).not.toContain("open");
    expect(details).toContain("<pre><code>a &lt; b</code></pre>");
    expect(blockToHtml({ kind: "link", text: "run", url: "https://github.com/a/b/actions/runs/1" })).toBe(
      '<p><a href="https://github.com/a/b/actions/runs/1">run</a></p>',
    );
    for (const url of ["javascript:alert(1)", "http://example.com/", 'https://x.example/"onmouseover="a', "data:,x"])
      expect(blockToHtml({ kind: "link", text: "run", url })).not.toContain("<a");
  });
});

describe("markdown from the repository", () => {
  it("draws the safe subset: headings below the section's, paragraphs, lists, code, emphasis", () => {
    const html = markdownToHtml(
      "# Top\n\nSome *em* and **strong** and `a <b>`.\nSame paragraph.\n\n- one\n- two\n\n1. first\n\n```py\nx = '<b>'\n```",
    );
    expect(html).toBe(
      [
        "<h4>Top</h4>",
        "<p>Some <em>em</em> and <strong>strong</strong> and <code>a &lt;b&gt;</code>. Same paragraph.</p>",
        "<ul><li>one</li><li>two</li></ul>",
        "<ol><li>first</li></ol>",
        "<pre><code>x = &#39;&lt;b&gt;&#39;</code></pre>",
      ].join("\n"),
    );
  });

  it("shows links and images as text, raw HTML escaped, and closes a fence left open", () => {
    const html = markdownToHtml(
      '[docs](https://evil.example/x) ![pixel](https://evil.example/p.png) <img src=x onerror="a()">\n\n```\nopen <script>',
    );
    expect(html).toBe(
      "<p>docs (https://evil.example/x) pixel &lt;img src=x onerror=&quot;a()&quot;&gt;</p>\n<pre><code>open &lt;script&gt;</code></pre>",
    );
  });
});

describe("charts", () => {
  it("draws a numeric x axis with ticks, gridlines and each line across the plot", () => {
    const grid = Array.from({ length: 11 }, (_, i) => i / 10);
    const html = blockToHtml({
      kind: "chart",
      chart: chart({
        lines: [{ values: grid, colour: "grey", name: "chance" }],
        range: [0, 1],
        xAxis: { title: "False positive rate", range: [0, 1] },
        yTitle: "True positive rate",
      }),
    });
    const texts = [...html.matchAll(/<text class="tick"[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);
    expect(texts).toEqual(["0", "0.2", "0.4", "0.6", "0.8", "1", "0", "0.2", "0.4", "0.6", "0.8", "1"]);
    expect(elements(html, "line").filter((line) => line.class === "grid")).toHaveLength(12);
    expect(html).toContain(">False positive rate</text>");
    expect(html).toContain(">True positive rate</text>");
    // The chance line y = x runs from the plot's bottom-left corner to its top-right one.
    const [line] = elements(html, "polyline");
    const points = (line?.points ?? "").split(" ").map((point) => point.split(",").map(Number));
    const axes = elements(html, "line").filter((l) => l.class === "axis");
    const [xAxis, yAxis] = axes;
    expect(points[0]).toEqual([Number(yAxis?.x1), Number(xAxis?.y1)]);
    expect(points.at(-1)).toEqual([Number(xAxis?.x2), Number(yAxis?.y1)]);
    expect(html).toContain("</span>chance (grey)</li>");
  });

  it("names the bars and the orange line in the legend when the chart says what they are", () => {
    const named = blockToHtml({
      kind: "chart",
      chart: chart({ labels: ["a", "b"], bars: [1, 2], line: [2, 1], names: { bars: "train", line: "reference" } }),
    });
    expect(named).toContain("</span>train (blue)</li>");
    expect(named).toContain("</span>reference (orange)</li>");
    const unnamed = blockToHtml({ kind: "chart", chart: chart({ labels: ["a", "b"], bars: [1, 2], line: [2, 1] }) });
    expect(unnamed).toContain("</span>blue bars</li>");
    expect(unnamed).toContain("</span>orange line</li>");
  });

  it("draws bars from zero on a nice range, with the orange line and error bars where intervals are", () => {
    const html = blockToHtml({
      kind: "chart",
      chart: chart({
        labels: ["a", "b", "c"],
        bars: [3, 17, 10],
        line: [5, 5, 5],
        intervals: { label: "95% interval", bounds: [{ low: 2, high: 4 }, null, { low: 8, high: 12 }] },
      }),
    });
    const ticksText = [...html.matchAll(/<text class="tick"[^>]*dy="0.32em">([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(ticksText).toEqual(["0", "5", "10", "15", "20"]);
    const bars = elements(html, "rect").filter((rect) => rect.class === "bar");
    expect(bars).toHaveLength(3);
    const heights = bars.map((bar) => Number(bar.height));
    // Heights proportional to the values (to the SVG's one decimal place).
    expect((heights[1] ?? 0) / (heights[0] ?? 1)).toBeCloseTo(17 / 3, 1);
    expect(html.match(/<g class="interval">/g)).toHaveLength(2);
    expect(elements(html, "polyline")[0]?.stroke).toBe("#ea580c");
    expect(html).toContain("95% interval</li>");
    expect(html).toContain("blue bars");
  });

  it("draws no error bars without intervals, and none where a bound is not finite", () => {
    const plain = blockToHtml({ kind: "chart", chart: chart({ labels: ["a"], bars: [1] }) });
    expect(plain).not.toContain('class="interval"');
    const broken = blockToHtml({
      kind: "chart",
      chart: chart({ labels: ["a"], bars: [1], intervals: { label: "i", bounds: [{ low: Number.NaN, high: 2 }] } }),
    });
    expect(broken).not.toContain('class="interval"');
  });

  it("leaves out values that are not finite, breaking the line there, and never writes NaN", () => {
    const html = blockToHtml({
      kind: "chart",
      chart: chart({
        labels: ["a", "b", "c", "d", "e"],
        bars: [1, Number.NaN, 2, Number.POSITIVE_INFINITY, 3],
        lines: [{ values: [1, 2, Number.NaN, 2, 1], colour: "green" }],
      }),
    });
    expect(html).not.toMatch(/NaN|Infinity/);
    expect(elements(html, "rect").filter((rect) => rect.class === "bar")).toHaveLength(3);
    expect(elements(html, "polyline")).toHaveLength(2);
  });

  it("finds the range of any number of values (no argument-spread limit)", () => {
    const values = Array.from({ length: 300_000 }, (_, i) => i % 1000);
    const html = blockToHtml({
      kind: "chart",
      chart: chart({ lines: [{ values, colour: "blue" }], xAxis: { title: "x", range: [0, 1] } }),
    });
    expect(html).toContain(">1000</text>");
  });

  it("says so in the chart's place when nothing can be drawn", () => {
    for (const bars of [[], [Number.NaN, Number.NaN]]) {
      const html = blockToHtml({ kind: "chart", chart: chart({ labels: ["a", "b"], bars }) });
      expect(html).toContain("No values to draw.");
      expect(html).not.toContain("<svg");
    }
  });

  it("turns long or many category labels and thins them past forty, with a shortened text", () => {
    const labels = Array.from({ length: 100 }, (_, i) => `a rather long slice value ${i}`);
    const html = blockToHtml({ kind: "chart", chart: chart({ labels, bars: labels.map((_, i) => i) }) });
    const turned = [...html.matchAll(/rotate\(-45\)" text-anchor="end">([^<]*)</g)].map((match) => match[1]);
    expect(turned.length).toBeLessThanOrEqual(40);
    expect(turned.length).toBeGreaterThan(20);
    expect(turned[0]).toBe("a rather long sli…");
    // Each bar still names its category in full.
    expect(html).toContain("<title>a rather long slice value 99: 99</title>");
  });

  it("keeps every number in the SVG to at most five significant digits", () => {
    const values = Array.from({ length: 200 }, (_, i) => Math.sin(i / 7) * 1234.56789);
    const html = blockToHtml({
      kind: "chart",
      chart: chart({ lines: [{ values, colour: "blue" }], xAxis: { title: "x", range: [0, 1] } }),
    });
    const svg = html.slice(html.indexOf("<svg"), html.indexOf("</svg>"));
    const numbers = [...svg.matchAll(/="([^"]*)"/g)].flatMap((match) => (match[1] ?? "").match(/-?\d+(\.\d+)?/g) ?? []);
    expect(numbers.length).toBeGreaterThan(200);
    for (const number of numbers) expect(number.replace(/^-|\./g, "").replace(/^0+/, "").length).toBeLessThanOrEqual(5);
  });
});

describe("heatmaps", () => {
  const heatmap: Heatmap = {
    title: "Confusion matrix",
    caption: "c",
    rowTitle: "actual",
    columnTitle: "predicted",
    rows: ["a", "b", "c"],
    columns: ["a", "b", "c"],
    cells: [
      [30, 10, 0],
      [0, 0, 0],
      [1, 1, 2],
    ],
  };

  it("shades each cell by its share of its row and writes its count; a row of zeros stays unshaded", () => {
    const html = blockToHtml({ kind: "heatmap", heatmap });
    expect(html).not.toMatch(/NaN|Infinity/);
    const shades = elements(html, "rect")
      .filter((rect) => rect["fill-opacity"] !== undefined)
      .map((rect) => Number(rect["fill-opacity"]));
    expect(shades).toEqual([0.75, 0.25, 0.25, 0.25, 0.5]);
    const counts = [...html.matchAll(/<text class="count[^"]*"[^>]*>([^<]*)</g)].map((match) => match[1]);
    expect(counts).toEqual(["30", "10", "0", "0", "0", "0", "1", "1", "2"]);
    expect(html).toContain("<title>actual b, predicted a: 0 (0% of the row)</title>");
    expect(html).toContain(">actual</text>");
    expect(html).toContain(">predicted</text>");
  });

  it("writes large counts short in their cells and in full in their tooltips", () => {
    const html = blockToHtml({ kind: "heatmap", heatmap: { ...heatmap, cells: [[99_999, 123_456, 987_654_321]] } });
    const counts = [...html.matchAll(/<text class="count[^"]*"[^>]*>([^<]*)</g)].map((match) => match[1]);
    expect(counts.slice(0, 3)).toEqual(["99999", "123.5k", "987.7M"]);
    expect(html).toContain("predicted c: 987654321 (");
  });

  it("says so when there is nothing to draw", () => {
    expect(blockToHtml({ kind: "heatmap", heatmap: { ...heatmap, rows: [], cells: [] } })).toContain(
      "No cells to draw.",
    );
  });
});

describe("timelines", () => {
  const timeline: Timeline = {
    title: "Alias history",
    caption: "c",
    lanes: [
      {
        name: "champion",
        spans: [
          { label: "v1", from: "2026-11-01T00:00:00Z", to: "2026-11-11T00:00:00Z" },
          { label: "v2", from: "2026-11-11T00:00:00Z", to: null, note: "promoted" },
        ],
      },
      { name: "staging", spans: [{ label: "v3", from: "not a time", to: null }] },
    ],
    end: "2026-11-21T00:00:00Z",
  };

  it("draws a lane per name and the span that still holds open up to the end", () => {
    const html = blockToHtml({ kind: "timeline", timeline });
    expect(html).toContain(">champion</text>");
    expect(html).toContain(">staging</text>");
    const spans = elements(html, "rect");
    expect(spans).toHaveLength(2);
    const [first, open] = spans.map((rect) => [Number(rect.x), Number(rect.width)] as const);
    // Ten days each: the open span reaches the end, as wide as the closed one.
    expect(open?.[1]).toBeCloseTo(first?.[1] ?? 0, 0);
    expect(open?.[0]).toBeCloseTo((first?.[0] ?? 0) + (first?.[1] ?? 0), 0);
    expect(html).toContain('<g class="span open">');
    expect(html).toContain("champion: v2, 2026-11-11T00:00:00.000Z to now (promoted)");
    expect(html).toContain("Left out, their times unreadable: staging: v3.");
  });

  it("keeps to a handful of ticks over any span, from minutes to a century", () => {
    for (const [from, end, first] of [
      ["2026-11-01T10:00:00Z", "2026-11-01T10:20:00Z", "11-01 10:00"],
      ["1926-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "1940"],
      ["2026-08-01T10:00:00Z", "2026-12-06T00:00:00Z", "2026-09"],
    ] as const) {
      const html = blockToHtml({
        kind: "timeline",
        timeline: { ...timeline, lanes: [{ name: "a", spans: [{ label: "v1", from, to: null }] }], end },
      });
      const labels = [...html.matchAll(/<text class="tick"[^>]*>([^<]*)</g)].map((match) => match[1] ?? "");
      expect(labels.length).toBeGreaterThanOrEqual(3);
      expect(labels.length).toBeLessThanOrEqual(7);
      expect(labels[0]).toBe(first);
    }
  });
});

describe("escaping", () => {
  it("lets no string from a result or the config add markup", () => {
    const html = renderHtmlDocument({
      title: HOSTILE,
      subtitle: HOSTILE,
      generated: HOSTILE,
      sections: hostileSections(),
      notes: [HOSTILE],
    });
    expect([...tagsOf(html)].filter((tag) => !ALLOWED_TAGS.has(tag))).toEqual([]);
    expect(tagsOf(html).has("script")).toBe(false);
    expect(tagsOf(html).has("img")).toBe(false);
    // No event handler among the attributes (their values, escaped, may say anything).
    expect(html.replace(/="[^"]*"/g, '=""')).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
    expect(html).not.toContain("\u202E");
    // The only link is the safe one; every other href is a contents anchor.
    expect(
      [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]).filter((href) => !href?.startsWith("#")),
    ).toEqual(["https://github.com/a/b"]);
    // The strings are shown, escaped, not dropped.
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html.match(/&lt;script&gt;alert\(&#39;x&#39;\)&lt;\/script&gt;/g)?.length).toBeGreaterThan(20);
  });
});

describe("axis ticks", () => {
  it("rounds a range from the data out to nice steps, and keeps a fixed range as given", () => {
    expect(ticks(0, 0.93)).toEqual({ low: 0, high: 1, values: [0, 0.2, 0.4, 0.6, 0.8, 1] });
    expect(ticks(-3, 17).values).toEqual([-5, 0, 5, 10, 15, 20]);
    expect(ticks(0.5, 0.9, 5, true)).toEqual({ low: 0.5, high: 0.9, values: [0.5, 0.6, 0.7, 0.8, 0.9] });
    expect(ticks(4, 4)).toEqual({ low: 3.6, high: 4.4, values: [3.6, 3.8, 4, 4.2, 4.4] });
    expect(ticks(Number.NaN, 1).values).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});
