import { testChain } from "../helpers/context.ts";
import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";
import { describe, expect, it } from "vitest";
import { ReportSection } from "../../src/config/schema/report.ts";
import type { EvaluateResult } from "../../src/evaluate/evaluate.ts";
import { gateSurfaces, surfacesComment } from "../../src/github/report.ts";
import { renderMarkdown, evaluateSection } from "../../src/report/sections.ts";
import { gateResult, HEAD_SHA, outcome } from "../helpers/gate-result.ts";

/**
 * Every user-controlled string (metric names and slice values from files, rule descriptions, branch names, notes,
 * command output) rendered into a PR comment, then parsed by a GFM parser (micromark, with raw HTML let through as
 * GitHub lets its safe subset through): no HTML, link, image, mention or reference gets in, and no table breaks.
 */

const HOSTILE = [
  '<img src=x onerror="alert(1)">',
  "[click me](https://evil.example/phish)",
  "![pixel](https://evil.example/p.png)",
  "@octocat and @org/team",
  "fixes #1 and GH-2",
  "a|b||c",
  "line one\n# Heading\n- list item",
  "</details><details open>",
  "<!-- mlops-kit:report workflow=ci job=model model=penguins -->",
  "```\ncode fence\n```",
  "**bold** _em_ ~~strike~~ `code`",
  "back\\slash \\| escaped pipe",
  "&#64;entity &amp; <b>",
  "https://evil.example/auto and www.evil.example",
  "<script>alert(1)</script>",
];

function html(markdown: string): string {
  return micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true });
}

/** A gate result with hostile strings in every field a user controls. */
function hostileResult() {
  const outcomes = HOSTILE.flatMap((text, i) => [
    outcome({ rule: 0, metric: text, reason: `reason ${text}`, requirement: ">= 0.8" }),
    outcome({ rule: 1, metric: "accuracy", slice: { column: "store", value: text }, verdict: i % 2 ? "pass" : "fail" }),
    outcome({ rule: 1, metric: "f1", slice: { column: text, value: text }, verdict: "pass" }),
  ]);
  return gateResult({
    model: "penguins",
    candidate: `pull request #2 (head ${HEAD_SHA.slice(0, 7)})`,
    source: {
      ...gateResult().source,
      pullRequest: { number: 2, headSha: HEAD_SHA, headRef: HOSTILE.join(" "), baseRef: "@main <b>" },
    },
    baseline: { description: `champion ${HOSTILE[0] ?? ""}`, version: "v1" },
    outcomes,
    notes: HOSTILE,
    rules: [
      { metric: "x", line: 3, description: HOSTILE.join(" ") },
      { metric: "accuracy", line: 4, description: null },
    ],
    comparison: HOSTILE.map((text) => ({
      metric: text,
      direction: null,
      baseline: 1,
      candidate: 2,
      delta: 1,
      change: "changed" as const,
    })),
    evaluation: {
      rows: 10,
      confusion: {
        labels: [HOSTILE[0] ?? "", HOSTILE[5] ?? ""],
        matrix: [
          [1, 2],
          [3, 4],
        ],
      },
    },
  });
}

describe("a PR comment full of hostile strings", () => {
  const surfaces = gateSurfaces(
    hostileResult(),
    ReportSection.parse({}),
    { pullRequest: 2, headSha: HEAD_SHA, runUrl: "https://github.com/octo-org/ml-repo/actions/runs/4242" },
    { workflow: "ci", job: "model" },
  );
  const markdown = surfacesComment(surfaces);
  const rendered = html(markdown);

  it("lets no HTML element through but the kit's own details, summaries and the run link", () => {
    const tags = [...rendered.matchAll(/<([a-z][a-z0-9]*)\b/g)].map((m) => m[1]);
    const allowed = new Set([
      "p",
      "h3",
      "table",
      "thead",
      "tbody",
      "tr",
      "th",
      "td",
      "details",
      "summary",
      "pre",
      "code",
      "hr",
      "strong",
      "a",
    ]);
    expect([...new Set(tags)].filter((tag) => !allowed.has(tag ?? ""))).toEqual([]);
    expect(rendered).not.toMatch(/<img|<script|<b>|<[^>]*onerror/);
    // Links: the workflow run's, and bare URLs that show where they lead; never one whose text hides its target.
    const links = [...rendered.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map((m): [string, string] => [
      m[1] ?? "",
      m[2] ?? "",
    ]);
    expect(links).toContainEqual(["https://github.com/octo-org/ml-repo/actions/runs/4242", "the workflow run"]);
    for (const [href, text] of links) {
      if (text === "the workflow run") continue;
      const target = decodeURIComponent(href).replace(/^http:\/\/(?=www\.)/, "");
      expect(target, `link text ${text}`).toBe(text.replace(/&amp;/g, "&"));
    }
    // The markdown link "[click me](...)" is text: no link reads "click me".
    expect(links.map(([, text]) => text)).not.toContain("click me");
    // The kit's details open and close in pairs; a user's </details> is text.
    expect(rendered.match(/<details>/g)?.length).toBe(rendered.match(/<\/details>/g)?.length);
    expect(rendered).not.toContain("<details open>");
  });

  it("shows the hostile text as text", () => {
    expect(rendered).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(rendered).toContain("&lt;/details&gt;&lt;details open&gt;");
    expect(rendered).toContain("**bold**");
  });

  it("mentions nobody and references nothing", () => {
    const text = rendered.replace(/<[^>]+>/g, "");
    expect(text).not.toMatch(/@[A-Za-z0-9]/);
    expect(text).not.toMatch(/#[0-9]/);
    expect(text).toContain("@\u200boctocat");
  });

  it("keeps every table row as wide as its header", () => {
    const tables = rendered.split("<table>").slice(1);
    expect(tables.length).toBeGreaterThanOrEqual(3);
    for (const table of tables) {
      const body = table.slice(0, table.indexOf("</table>"));
      const headerCells = (body.slice(0, body.indexOf("</thead>")).match(/<th[ >]/g) ?? []).length;
      const rows = body.slice(body.indexOf("<tbody>")).split("<tr>").slice(1);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect((row.match(/<td[ >]/g) ?? []).length).toBe(headerCells);
    }
  });

  it("starts with its own marker, which no user string can repeat", () => {
    expect(markdown.startsWith("<!-- mlops-kit:report workflow=ci job=model model=penguins -->\n")).toBe(true);
    expect(markdown.split("<!-- mlops-kit:report").length).toBe(2);
    expect(rendered.match(/<h3>/g)?.length).toBe(1);
  });

  it("draws charts only from a safe alphabet", () => {
    const chart = /```mermaid\n([\s\S]*?)\n```/.exec(markdown)?.[1] ?? "";
    expect(chart).toContain("xychart-beta");
    for (const line of chart.split("\n").slice(1)) expect(line).toMatch(/^ {4}[a-z-]+ [A-Za-z0-9 ._"[\],>-]*$/);
  });
});

describe("command output in a code block", () => {
  it("cannot close the fence, whatever backticks it holds", () => {
    const evaluation: EvaluateResult = {
      stage: "evaluate",
      status: "failed",
      metrics: {},
      sources: {},
      slices: [],
      rows: 0,
      confusion: null,
      predictions: null,
      warnings: [],
      failure: "Traceback\n````\n<img src=x>\n@octocat",
      chain: testChain(),
    };
    const rendered = html(renderMarkdown(evaluateSection(evaluation)));
    expect(rendered).toContain("<pre><code");
    expect(rendered).toContain("&lt;img src=x&gt;\n@octocat\n</code></pre>");
  });
});
