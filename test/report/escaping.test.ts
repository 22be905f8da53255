import { testChain } from "../helpers/context.ts";
import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";
import { describe, expect, it } from "vitest";
import { ReportSection } from "../../src/config/schema/report.ts";
import type { EvaluateResult } from "../../src/evaluate/evaluate.ts";
import { gateSurfaces, surfacesComment } from "../../src/github/report.ts";
import { gateSection } from "../../src/gate/section.ts";
import { commentBody } from "../../src/github/pull-request.ts";
import { evaluateSection } from "../../src/evaluate/section.ts";
import { renderMarkdown } from "../../src/report/sections.ts";
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
function hostileResult(strings: readonly string[] = HOSTILE) {
  const outcomes = strings.flatMap((text, i) => [
    outcome({ rule: 0, metric: text, reason: `reason ${text}`, requirement: ">= 0.8" }),
    outcome({ rule: 1, metric: "accuracy", slice: { column: "store", value: text }, verdict: i % 2 ? "pass" : "fail" }),
    outcome({ rule: 1, metric: "f1", slice: { column: text, value: text }, verdict: "pass" }),
  ]);
  return gateResult({
    model: "penguins",
    candidate: `pull request #2 (head ${HEAD_SHA.slice(0, 7)}) ${strings.at(-1) ?? ""}`,
    source: {
      ...gateResult().source,
      pullRequest: { number: 2, headSha: HEAD_SHA, headRef: strings.join(" "), baseRef: "@main <b>" },
    },
    baseline: { description: `champion ${strings[0] ?? ""}`, version: "v1" },
    outcomes,
    notes: [...strings],
    rules: [
      { metric: "x", line: 3, description: strings.join(" ") },
      { metric: "accuracy", line: 4, description: null },
    ],
    comparison: strings.map((text) => ({
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
        labels: [strings[0] ?? "", strings[5] ?? ""],
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

/** An evaluation whose command failed with `failure` as its output (shown in a code block). */
function failedEvaluation(failure: string): EvaluateResult {
  return {
    stage: "evaluate",
    status: "failed",
    metrics: {},
    sources: {},
    slices: [],
    rows: 0,
    confusion: null,
    predictions: null,
    warnings: [],
    failure,
    chain: testChain(),
  };
}

describe("command output in a code block", () => {
  it("cannot close the fence, whatever backticks it holds", () => {
    const rendered = html(renderMarkdown(evaluateSection(failedEvaluation("Traceback\n````\n<img src=x>\n@octocat"))));
    expect(rendered).toContain("<pre><code");
    expect(rendered).toContain("&lt;img src=x&gt;\n@octocat\n</code></pre>");
  });
});

/**
 * Bidirectional-override controls (Trojan Source: text that reads differently than it is) and `$` math (GitHub turns
 * `$...$`, `$$...$$` and `` $`...`$ `` into typeset math in comments, summaries and check runs) in every user string.
 */
const BIDI_AND_MATH = [
  "safe\u202Eexe.txt",
  "\u202Aa\u202Bb\u202Cc\u202Dd\u202Ee",
  "\u2066isolated\u2069 \u2067rtl\u2069 \u2068first\u2069",
  "$x^2$",
  "$$\\sum_{i=1}^n i$$",
  "$`\\sqrt{2}`$",
  "costs $5 and $10",
  "a$b$c \\$escaped\\$ $\u202E$",
];
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;

/** What GitHub's math sees: the text between tags. A `$` may only stand alone in an element of its own. */
function mathDelimiters(rendered: string): string[] {
  return rendered.split(/<[^>]*>/).filter((text) => text.includes("$") && text !== "$");
}

describe("bidi controls and $ math, in every user string, on every surface", () => {
  const result = hostileResult(BIDI_AND_MATH);
  const target = { pullRequest: 2, headSha: HEAD_SHA, runUrl: "https://github.com/octo-org/ml-repo/actions/runs/4242" };
  const key = { workflow: "ci", job: "model" };
  const fromJob = gateSurfaces(result, ReportSection.parse({}), target, key);
  const fromArtifact = gateSurfaces(result, ReportSection.parse({}), target, key, { informational: true });
  const markdownSurfaces: [string, string][] = [
    ["the PR comment", surfacesComment(fromJob)],
    ["a PR comment cut to fit", commentBody(gateSection(result), { marker: null, runUrl: null, limit: 4000 }).body],
    ["the check run's summary", fromJob.check?.summary ?? ""],
    ["the informational check run's summary", fromArtifact.check?.summary ?? ""],
    ["the job summary", renderMarkdown(gateSection(result))],
  ];

  it.each(markdownSurfaces)("%s has no bidi control and no $ a math parser could pair", (_, markdown) => {
    expect(markdown.length).toBeGreaterThan(500);
    const rendered = html(markdown);
    expect(markdown).not.toMatch(BIDI);
    expect(rendered).not.toMatch(BIDI);
    // No `$` in the markdown at all (nothing for a parser to pair), and each one in the HTML alone in its own span,
    // which is how GitHub's documentation says to write a literal dollar sign beside math.
    expect(markdown).not.toContain("$");
    expect(mathDelimiters(rendered)).toEqual([]);
    expect(rendered.replace(/<span>\$<\/span>/g, "")).not.toContain("$");
  });

  it("still reads as written, less the bidi controls", () => {
    const rendered = html(surfacesComment(fromJob));
    expect(rendered).toContain("costs <span>$</span>5 and <span>$</span>10");
    expect(rendered).toContain("safeexe.txt");
    expect(rendered).toContain("abcde");
    expect(rendered).toContain("isolated rtl first");
    expect(rendered).toContain("<span>$</span>x^2<span>$</span>");
  });

  it("strips bidi controls from the check run's plain text (title, annotations), where $ is not math", () => {
    const check = fromArtifact.check;
    expect(check?.annotations.length).toBeGreaterThan(0);
    const plain = [check?.title ?? "", ...(check?.annotations ?? []).flatMap((a) => [a.title, a.message, a.path])].join(
      "\n",
    );
    expect(plain).not.toMatch(BIDI);
    expect(plain).toContain("costs $5 and $10");
  });

  it("strips bidi controls from command output in a code block, whole or cut", () => {
    const failure = Array.from({ length: 200 }, (_, i) => `line ${i}: access\u202E\u2066 granted`).join("\n");
    const section = evaluateSection(failedEvaluation(failure));
    for (const markdown of [
      renderMarkdown(section),
      commentBody(section, { marker: null, runUrl: null, limit: 2000 }).body,
    ]) {
      expect(markdown).toContain("line 1: access granted");
      expect(markdown).not.toMatch(BIDI);
    }
  });
});
