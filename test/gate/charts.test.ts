import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { binaryCurves } from "../../src/evaluate/curves.ts";
import { descendingOrder } from "../../src/evaluate/ranking.ts";
import { chartBlocks } from "../../src/gate/chart-section.ts";
import { gateSection } from "../../src/gate/section.ts";
import { parseGateResult } from "../../src/github/artifact.ts";
import { InputError } from "../../src/errors.ts";
import { commentBody } from "../../src/github/pull-request.ts";
import { blockToMarkdown, renderMarkdown, renderText } from "../../src/report/sections.ts";
import { outcome } from "../helpers/gate-result.ts";
import {
  binaryConfig,
  binaryCsv,
  binaryRows,
  expectWellFormedCharts,
  gateAgainstChampion,
} from "../helpers/gate-charts.ts";
import { mermaidCharts, parseXyChart } from "../helpers/xychart.ts";

/**
 * The gate report's charts (docs/reports.md) from real predictions files and a real (folder) registry: ROC and
 * precision-recall curves of the candidate against the champion's stored predictions, the reliability curve with its
 * ECE, the primary metric per slice, the regression bins; what each bad input says in the chart's place; and the
 * comment that keeps under GitHub's limit by losing charts before tables. Every chart is checked to be well-formed
 * xychart-beta (test/helpers/xychart.ts); one small report is compared with a golden file.
 */

describe("binary classifier against the champion", () => {
  const championRows = binaryRows(300, 0.6, 1);
  const candidateRows = binaryRows(300, 0.3, 2);

  it("draws ROC and precision-recall of both, from the champion's stored predictions, with their numbers", async () => {
    // No rule asks for significance: the champion's predictions are fetched for its curves alone.
    const result = await gateAgainstChampion(
      binaryConfig(["{ metric: roc_auc, max_regression: 0.5 }"]),
      binaryCsv(championRows),
      binaryCsv(candidateRows),
    );
    const { candidate, baseline } = result.charts ?? {};
    const expected = (rows: string[]) => {
      const scores = Float64Array.from(rows, (row) => Number(row.split(",")[2]));
      const positive = Uint8Array.from(rows, (row) => Number(row.split(",")[0]));
      return binaryCurves(descendingOrder(scores), positive);
    };
    expect(candidate).toEqual(expected(candidateRows));
    expect(baseline).toEqual(expected(championRows));
    const markdown = renderMarkdown(gateSection(result));
    const charts = expectWellFormedCharts(markdown);
    expect(charts.map((chart) => /title "(.*)"/.exec(chart)?.[1])).toEqual([
      "ROC curve",
      "Precision-recall curve",
      "Reliability curve",
      "roc_auc by group",
    ]);
    // Candidate, baseline and chance: three lines of 21 points on a numeric axis.
    const roc = parseXyChart(charts[0] ?? "").chart;
    expect(roc.series.map((s) => s.values.length)).toEqual([21, 21, 21]);
    expect(roc.series[1]?.values[4]).toBeCloseTo(baseline?.task === "binary" ? (baseline.roc?.[4] ?? -1) : -1, 5);
    expect(markdown).toContain("blue: candidate; orange: the baseline, champion (");
    expect(markdown).toMatch(
      /Reliability curve of the candidate, expected calibration error 0\.\d+ \(baseline 0\.\d+\)/,
    );
    expect(markdown).toContain("<details><summary>ROC curve: the numbers</summary>");
    // The terminal draws no chart and keeps the numbers for --verbose.
    expect(renderText(gateSection(result))).not.toContain("ROC curve");
    expect(renderText(gateSection(result), { verbose: true })).toContain("ROC curve: the numbers:");
  });

  it("says why the baseline has no curve when the champion stored no predictions", async () => {
    const result = await gateAgainstChampion(
      binaryConfig(["{ metric: accuracy, max_regression: 0.5 }"]),
      binaryCsv(championRows),
      binaryCsv(candidateRows),
      { storePredictions: false },
    );
    const markdown = renderMarkdown(gateSection(result));
    expect(markdown).toContain("ROC curve (blue: candidate (no baseline curve: champion (");
    expect(markdown).toContain("has no stored predictions (only versions published with an evaluate stage have them)");
    expect(parseXyChart(mermaidCharts(markdown).charts[0] ?? "").chart.series).toHaveLength(2);
    expectWellFormedCharts(markdown);
  });
});

describe("bad input", () => {
  it("single-class eval data: no ROC, said in its place; the reliability curve stays", async () => {
    const onlyPositive = binaryRows(40, 0.5, 3).map((row) => `1${row.slice(1)}`);
    const result = await gateAgainstChampion(
      binaryConfig(["{ metric: accuracy, min: 0 }"]),
      binaryCsv(binaryRows(40, 0.5, 4)),
      binaryCsv(onlyPositive),
    );
    const markdown = renderMarkdown(gateSection(result));
    expect(markdown).toContain(
      "No ROC or precision-recall curve: only one class is present in the labels, so ROC and precision-recall curves are undefined.",
    );
    const titles = expectWellFormedCharts(markdown).map((chart) => /title "(.*)"/.exec(chart)?.[1]);
    expect(titles).toEqual(["Reliability curve", "accuracy by group"]);
  });

  it("scores that are all equal: the diagonal, with a note", async () => {
    const flat = binaryRows(20, 0.5, 5).map((row) => row.replace(/,[\d.]+,(\w)$/, ",0.5,$1"));
    const result = await gateAgainstChampion(
      binaryConfig(["{ metric: accuracy, min: 0 }"]),
      binaryCsv(binaryRows(20, 0.5, 6)),
      binaryCsv(flat),
    );
    const markdown = renderMarkdown(gateSection(result));
    expect(markdown).toContain("Note on the curves: all scores are equal: the model ranks no row above another.");
    const roc = parseXyChart(expectWellFormedCharts(markdown)[0] ?? "").chart;
    expect(roc.series[0]?.values).toEqual(roc.series[2]?.values);
  });

  it("thousands of slices, one of a single row: the largest 20 are drawn and the rest counted", async () => {
    // 2,000 slices of 2 rows, and "solo" of one row.
    const rows = binaryRows(4001, 0.5, 7, (i) => (i === 4000 ? "solo" : `g${String(i % 2000).padStart(4, "0")}`));
    const result = await gateAgainstChampion(
      binaryConfig(["{ metric: accuracy, min: 0 }"]),
      binaryCsv(binaryRows(4001, 0.5, 8)),
      binaryCsv(rows),
    );
    const bars = result.charts?.slices[0];
    expect(bars?.bars).toHaveLength(20);
    expect(bars?.omitted).toEqual({ slices: 2001 - 20, rows: 4001 - 20 * 2 });
    const markdown = renderMarkdown(gateSection(result));
    expect(markdown).toContain("The 20 largest slices are drawn; 1981 more (3961 rows) are in the evaluation's table.");
    const sliceChart = parseXyChart(expectWellFormedCharts(markdown).at(-1) ?? "").chart;
    expect(sliceChart.categories).toBe(20);
  });
});

describe("regression", () => {
  it("draws predicted against actual and the residuals by bins of the predicted value", async () => {
    const rows = (shift: number) =>
      ["actual,predicted", ...Array.from({ length: 50 }, (_, i) => `${i},${i + shift + (i % 3)}`)].join("\n") + "\n";
    const config = `version: 1
model: { name: prices, task: regression }
evaluate:
  predictions: { path: predictions.csv, label: actual, prediction: predicted }
gate:
  baseline: champion
  rules:
    - { metric: rmse, max_regression: 10 }
`;
    const result = await gateAgainstChampion(config, rows(0), rows(2));
    const curves = result.charts?.candidate;
    expect(curves?.task).toBe("regression");
    if (curves?.task !== "regression") return;
    expect(curves.bins.reduce((sum, bin) => sum + bin.rows, 0)).toBe(50);
    const markdown = renderMarkdown(gateSection(result));
    const charts = expectWellFormedCharts(markdown);
    expect(charts.map((chart) => /title "(.*)"/.exec(chart)?.[1])).toEqual([
      "Predicted vs actual",
      "Residuals by predicted value",
    ]);
    const residuals = parseXyChart(charts[1] ?? "").chart.series[0]?.values ?? [];
    expect(residuals).toHaveLength(curves.bins.length);
    expect(residuals.every((value) => value < 0)).toBe(true);
  });
});

describe("labels", () => {
  it("stay distinct on the axis when slice values look alike once made safe", () => {
    const bar = { rows: 1, candidate: 0.5, baseline: null, undefinedBecause: null, interval: null };
    const blocks = chartBlocks(
      {
        candidate: null,
        baseline: null,
        baselineMissing: null,
        slices: [
          {
            metric: "accuracy",
            column: "path",
            bars: [
              { ...bar, value: "a/b" },
              { ...bar, value: "a_b" },
              { ...bar, value: "a?b" },
            ],
            omitted: { slices: 0, rows: 0 },
          },
        ],
      },
      null,
    );
    const markdown = blocks.map(blockToMarkdown).join("\n\n");
    expect(markdown).toContain('x-axis ["a_b", "a_b 2", "a_b 3"]');
    expectWellFormedCharts(markdown);
  });
});

describe("the comment's size limit", () => {
  it("loses the charts before the rules table, and says where the full report is", async () => {
    const result = await gateAgainstChampion(
      binaryConfig(["{ metric: accuracy, max_regression: 0.5 }"]),
      binaryCsv(binaryRows(300, 0.6, 1)),
      binaryCsv(binaryRows(300, 0.3, 2)),
    );
    const section = gateSection({
      ...result,
      // Enough failing checks that the whole report is far over the limit.
      outcomes: Array.from({ length: 400 }, (_, i) =>
        outcome({ rule: 0, slice: { column: "region", value: `r${i}` }, reason: "x".repeat(150) }),
      ),
    });
    const { body, truncated } = commentBody(section, {
      marker: null,
      runUrl: "https://github.com/o/r/actions/runs/1",
      limit: 65_536,
    });
    expect(truncated).toBe(true);
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toContain("| region=r0 |");
    expect(body).not.toContain("```mermaid\n%%{init");
    expect(body).toContain("The full report is in the job summary, with plots in the mlops-run-report artifact, of");
    expectWellFormedCharts(body);
  });

  it("keeps every chart when the report fits", async () => {
    const result = await gateAgainstChampion(
      binaryConfig(["{ metric: accuracy, max_regression: 0.5 }"]),
      binaryCsv(binaryRows(300, 0.6, 1)),
      binaryCsv(binaryRows(300, 0.3, 2)),
    );
    const { body, truncated } = commentBody(gateSection(result), { marker: null, runUrl: null });
    expect(truncated).toBe(false);
    expect(expectWellFormedCharts(body)).toHaveLength(4);
  });
});

// The golden file is the markdown as the report posts it (a .txt, so no formatter touches it). When the rendering
// changes on purpose, write it again from this test's blocks and read the diff before committing it.
describe("the report artifact (gate.json, untrusted in the fork flow)", () => {
  it("carries the charts, so the trusted job draws them without any predictions", async () => {
    const result = await gateAgainstChampion(
      binaryConfig(["{ metric: accuracy, max_regression: 0.5 }"]),
      binaryCsv(binaryRows(100, 0.6, 1)),
      binaryCsv(binaryRows(100, 0.3, 2)),
    );
    const read = parseGateResult(JSON.stringify(result), "gate.json");
    expect(read.charts).toEqual(result.charts);
    expect(renderMarkdown(gateSection(read))).toBe(renderMarkdown(gateSection(result)));
  });

  it("refuses charts longer than the kit ever makes them", async () => {
    const result = await gateAgainstChampion(
      binaryConfig(["{ metric: accuracy, max_regression: 0.5 }"]),
      binaryCsv(binaryRows(100, 0.6, 1)),
      binaryCsv(binaryRows(100, 0.3, 2)),
    );
    const candidate = result.charts?.candidate;
    if (candidate?.task !== "binary") throw new Error("expected binary curves");
    const hostile = {
      ...result,
      charts: { ...result.charts, candidate: { ...candidate, roc: new Array<number>(100_000).fill(0.5) } },
    };
    expect(() => parseGateResult(JSON.stringify(hostile), "gate.json")).toThrow(InputError);
    expect(() => parseGateResult(JSON.stringify(hostile), "gate.json")).toThrow(
      /^gate\.json is not a valid gate report: charts\.candidate\.roc: /,
    );
  });
});

describe("golden output", () => {
  it("renders a small report's charts exactly as test/fixtures/curves/golden-charts.txt", () => {
    // Ten rows whose curves the fixture checks against scikit-learn ("ten rows" in curves.json).
    const fixture = JSON.parse(readFileSync(new URL("../fixtures/curves/curves.json", import.meta.url), "utf8")) as {
      cases: { name: string; labels: number[]; scores: number[] }[];
    };
    const ten = fixture.cases.find((c) => c.name === "ten rows");
    const scores = Float64Array.from(ten?.scores ?? []);
    const candidate = binaryCurves(descendingOrder(scores), Uint8Array.from(ten?.labels ?? []));
    const baselineScores = scores.map((s) => 1 - s);
    const baseline = binaryCurves(descendingOrder(baselineScores), Uint8Array.from(ten?.labels ?? []));
    const blocks = chartBlocks(
      {
        candidate,
        baseline,
        baselineMissing: null,
        slices: [
          {
            metric: "accuracy",
            column: "country",
            bars: [
              {
                value: "DE",
                rows: 6,
                candidate: 0.8,
                baseline: 0.7,
                undefinedBecause: null,
                interval: { low: -0.05, high: 0.25, level: 0.95, relative: false, resamples: 1000, source: "rule" },
                candidateInterval: { low: 0.4, high: 0.96, level: 0.95, method: "wilson", resamples: null },
              },
              {
                value: "FR",
                rows: 1,
                candidate: 1,
                baseline: 1,
                undefinedBecause: null,
                interval: null,
                candidateInterval: null,
                candidateIntervalMissing: "one row: nothing to resample",
                changeIntervalMissing: "one row: nothing to resample",
              },
            ],
            omitted: { slices: 0, rows: 0 },
            unpaired: null,
          },
        ],
      },
      "champion (v1)",
    );
    const markdown = blocks.map(blockToMarkdown).join("\n\n") + "\n";
    expectWellFormedCharts(markdown);
    expect(markdown).toBe(readFileSync(new URL("../fixtures/curves/golden-charts.txt", import.meta.url), "utf8"));
  });
});
