import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.ts";
import { parseGateResult } from "../../src/github/artifact.ts";
import { fitBlocks } from "../../src/report/fit.ts";
import { gateSection, significanceText } from "../../src/gate/section.ts";
import { checkRunOutput, commentBody, reportMarker } from "../../src/github/pull-request.ts";
import { type Block, blockToMarkdown, renderMarkdown, renderText } from "../../src/report/sections.ts";
import { gateResult, outcome } from "../helpers/gate-result.ts";

/** The gate report's content and its limits, independent of GitHub. */

describe("the interval column", () => {
  it("shows a bootstrap interval, a McNemar p-value, or that there was no paired test; never a point estimate", () => {
    const bootstrap = outcome({
      significance: {
        test: "bootstrap",
        level: 0.95,
        status: "applied",
        low: -0.081,
        high: -0.032,
        resamples: 1000,
        seed: 42,
        undefinedResamples: 0,
      },
    });
    const relative = outcome({
      relative: true,
      delta: -0.05,
      significance: {
        test: "bootstrap",
        level: 0.9,
        status: "applied",
        low: -0.07,
        high: 0.012,
        resamples: 1000,
        seed: 42,
        undefinedResamples: 0,
      },
    });
    const mcnemar = outcome({
      significance: {
        test: "mcnemar",
        level: 0.95,
        status: "applied",
        pValue: 0.0123,
        candidateOnly: 4,
        baselineOnly: 15,
      },
    });
    const unpaired = outcome({
      significance: { test: "bootstrap", level: 0.95, status: "unavailable", reason: "no stored predictions" },
    });
    expect([bootstrap, relative, mcnemar, unpaired, outcome()].map(significanceText)).toEqual([
      "[-0.081, -0.032] (95%)",
      "[-7%, +1.2%] (90%)",
      "p = 0.0123 (McNemar)",
      "— (no paired test)",
      "",
    ]);
    const table = renderText(gateSection(gateResult({ outcomes: [bootstrap] })));
    expect(table).toContain("interval of Δ");
    // Without significance there is no interval column at all.
    expect(renderText(gateSection(gateResult()))).not.toContain("interval");
  });

  it("explains the paired tests and the rows they used", () => {
    const result = gateResult({
      pairing: { status: "paired", detail: "paired by row id: the same 400 ids in both files, with the same labels" },
      outcomes: [
        outcome({
          significance: {
            test: "bootstrap",
            level: 0.95,
            status: "applied",
            low: -0.08,
            high: -0.03,
            resamples: 1000,
            seed: 42,
            undefinedResamples: 0,
          },
        }),
      ],
    });
    const text = renderText(gateSection(result));
    expect(text).toContain("Rows: paired by row id: the same 400 ids in both files, with the same labels.");
    expect(text).toContain(
      "Bootstrap: 1000 resamples of the paired rows, seed 42, percentile intervals of candidate minus baseline.",
    );
  });
});

describe("the report", () => {
  it("puts failing checks first, slices in their own table, and a chart with the table beside it", () => {
    const outcomes = [
      outcome({ verdict: "pass", reason: "fine" }),
      outcome({ verdict: "fail", metric: "f1", reason: "broke" }),
      ...["DE", "FR", "IT"].map((value, i) =>
        outcome({
          slice: { column: "country", value },
          kind: "value",
          verdict: i === 1 ? "fail" : "pass",
          candidate: 0.7 + i / 10,
          baseline: 0.8,
        }),
      ),
    ];
    const section = gateSection(gateResult({ outcomes }));
    const markdown = renderMarkdown(section);
    expect(markdown.indexOf("| f1 |")).toBeLessThan(markdown.indexOf("| accuracy |"));
    expect(markdown.indexOf("| country=FR |")).toBeLessThan(markdown.indexOf("| country=DE |"));
    expect(markdown).toContain(
      'accuracy by country: bars are the candidate, the line is the baseline.\n\n```mermaid\nxychart-beta\n    title "accuracy by country"\n    x-axis ["DE", "FR", "IT"]\n    y-axis 0 --> 1\n    bar [0.7, 0.8, 0.9]\n    line [0.8, 0.8, 0.8]\n```',
    );
    expect(markdown).toContain("<details><summary>Confusion matrix (rows: true class, columns: predicted)</summary>");
    // The terminal gets the tables, not the chart.
    expect(renderText(section)).not.toContain("mermaid");
  });

  it("annotates failed and errored checks, and warnings as warnings, on each rule's line", () => {
    const output = checkRunOutput(
      gateResult({
        outcomes: [
          outcome({ rule: 0 }),
          outcome({ rule: 1, verdict: "warn", slice: { column: "country", value: "DE" } }),
          outcome({ rule: 1, verdict: "error", reason: 'the candidate has no value for "accuracy"', requirement: "" }),
          outcome({ rule: 0, verdict: "pass" }),
        ],
      }),
      { runUrl: null },
    );
    expect(output.conclusion).toBe("failure");
    expect(output.annotations.map((a) => [a.start_line, a.annotation_level, a.title])).toEqual([
      [12, "failure", "mlops gate: accuracy fail"],
      [13, "warning", "mlops gate: accuracy [country=DE] warn"],
      [13, "failure", "mlops gate: accuracy error"],
    ]);
    expect(output.annotations[2]?.message).toBe('accuracy: the candidate has no value for "accuracy"');
  });

  it("is never posted as a passing check when the gate could not be evaluated", () => {
    const output = checkRunOutput(
      gateResult({
        verdict: "error",
        outcomes: [],
        notes: ["The baseline could not be fetched: the bucket is unreachable"],
      }),
      { runUrl: null },
    );
    expect(output).toMatchObject({ conclusion: "failure", title: "penguins: the gate could not be evaluated" });
    expect(output.summary).toContain("The baseline could not be fetched: the bucket is unreachable");
  });
});

describe("fitting a report under a limit", () => {
  const blocks: Block[] = [
    { kind: "text", text: "A paragraph about the verdict, with several words in it." },
    {
      kind: "table",
      table: { headers: ["metric", "value"], rows: Array.from({ length: 40 }, (_, i) => [`metric ${i}`, String(i)]) },
    },
    { kind: "code", text: Array.from({ length: 30 }, (_, i) => `log line ${i}`).join("\n") },
    {
      kind: "details",
      summary: "More",
      blocks: [{ kind: "table", table: { headers: ["a"], rows: Array.from({ length: 30 }, (_, i) => [`row ${i}`]) } }],
    },
    // A user's section, as written: cut after a whole line, with a fence the cut leaves open closed.
    {
      kind: "markdown",
      title: "Notes",
      text: [
        "Some words.",
        "",
        "```python",
        ...Array.from({ length: 20 }, (_, i) => `x = ${i}`),
        "```",
        "",
        "The end.",
      ].join("\n"),
    },
  ];
  const full = fitBlocks(blocks, Number.MAX_SAFE_INTEGER).markdown;

  it("keeps everything when it fits", () => {
    expect(fitBlocks(blocks, full.length)).toEqual({ markdown: full, truncated: false });
  });

  it("never exceeds the budget and always leaves valid, whole markdown", () => {
    for (let budget = 0; budget <= full.length; budget += 17) {
      const { markdown, truncated } = fitBlocks(blocks, budget);
      expect(markdown.length, `budget ${budget}`).toBeLessThanOrEqual(budget);
      expect(truncated).toBe(budget < full.length);
      expect(full.startsWith(markdown.slice(0, markdown.lastIndexOf("\n") + 1)) || markdown === "" || truncated).toBe(
        true,
      );
      // Fences and details are closed; table lines are whole rows.
      expect((markdown.match(/^```/gm) ?? []).length % 2, `budget ${budget}`).toBe(0);
      expect((markdown.match(/<details>/g) ?? []).length).toBe((markdown.match(/<\/details>/g) ?? []).length);
      for (const line of markdown.split("\n").filter((l) => l.startsWith("|"))) expect(line.endsWith("|")).toBe(true);
      const html = micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true });
      expect(html.match(/<table>/g)?.length ?? 0).toBe(html.match(/<\/table>/g)?.length ?? 0);
    }
  });

  it("says where the rest is when a comment had to be cut", () => {
    const section = { title: "Evaluation gate", status: "fail" as const, headline: "", blocks };
    const marker = reportMarker({ workflow: "ci", job: "model", model: "m" });
    const cut = commentBody(section, { marker, runUrl: "https://github.com/o/r/actions/runs/1", limit: 1500 });
    expect(cut.truncated).toBe(true);
    expect(cut.body.length).toBeLessThanOrEqual(1500);
    expect(cut.body).toContain(
      "**This report was cut to fit GitHub's limit of 1,500 characters. The full report is in the job summary, with plots in the mlops-run-report artifact, of [the workflow run](https://github.com/o/r/actions/runs/1).**",
    );
    // A run URL the kit cannot vouch for is never made a link.
    const unsafe = commentBody(section, { marker, runUrl: "https://evil.example/x?(y)", limit: 1500 });
    expect(unsafe.body).not.toContain("](https://evil");
    expect(blockToMarkdown({ kind: "link", text: "run", url: "javascript:alert(1)" })).toBe("run: javascript:alert(1)");
  });
});

describe("the report artifact, read as untrusted input", () => {
  const valid = gateResult();

  it("round-trips a gate result", () => {
    expect(parseGateResult(JSON.stringify(valid), "gate.json")).toEqual(valid);
  });

  it.each([
    ["not JSON", "{", /^gate\.json is not valid JSON: /],
    [
      "another format",
      JSON.stringify({ ...valid, format: "mlops-kit/gate@2" }),
      /^gate\.json is not a valid gate report: format: /,
    ],
    [
      "an unknown key",
      JSON.stringify({ ...valid, html: "<script>" }),
      /^gate\.json is not a valid gate report: \(top level\): Unrecognized key: "html"/,
    ],
    [
      "a verdict it cannot have",
      JSON.stringify({ ...valid, verdict: "passed" }),
      /^gate\.json is not a valid gate report: verdict: /,
    ],
    [
      "a model name with a path in it",
      JSON.stringify({ ...valid, model: "../x" }),
      /^gate\.json is not a valid gate report: model: expected a model name/,
    ],
    [
      "an oversized string",
      JSON.stringify({ ...valid, notes: ["x".repeat(5000)] }),
      /^gate\.json is not a valid gate report: notes\.0: /,
    ],
    [
      "a number that is not one",
      JSON.stringify({ ...valid, outcomes: [{ ...outcome(), candidate: "0.9" }] }),
      /outcomes\.0\.candidate: /,
    ],
    [
      "a short commit sha",
      JSON.stringify({ ...valid, source: { ...valid.source, commit: "abc" } }),
      /source\.commit: expected a 40-digit commit sha/,
    ],
    [
      "an outcome of a rule it does not list",
      JSON.stringify({ ...valid, outcomes: [outcome({ rule: 7 })] }),
      /an outcome refers to rule 7, which it does not list/,
    ],
    [
      "a config path leaving the repository",
      JSON.stringify({ ...valid, configFile: "../../etc/passwd" }),
      /configFile: /,
    ],
  ])("refuses %s", (_what, text, message) => {
    let error: unknown;
    try {
      parseGateResult(text, "gate.json");
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
  });

  it("quotes the artifact without its bidi controls (the message becomes an annotation)", () => {
    const text = JSON.stringify({ ...valid, "\u202Ehtml\u2066": 1 });
    expect(() => parseGateResult(text, "gate.json")).toThrow(
      /^gate\.json is not a valid gate report: \(top level\): Unrecognized key: "html"$/,
    );
    expect(() => parseGateResult("[1, \u202E]", "gate.json")).toThrow(
      /^gate\.json is not valid JSON: [^\u202A-\u202E\u2066-\u2069]*$/,
    );
  });
});
