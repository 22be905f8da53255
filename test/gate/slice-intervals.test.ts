import { internColumn } from "../../src/evaluate/coded.ts";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { classificationMetrics } from "../../src/evaluate/metrics.ts";
import type { Predictions } from "../../src/evaluate/predictions.ts";
import { chartBlocks } from "../../src/gate/chart-section.ts";
import type { SliceBar, SliceBars } from "../../src/gate/charts.ts";
import { gateSection } from "../../src/gate/section.ts";
import { pairPredictions } from "../../src/gate/significance/pairing.ts";
import { lemireThreshold, Random } from "../../src/gate/significance/random.ts";
import { wilsonInterval } from "../../src/gate/significance/wilson.ts";
import { overallIntervals, withSliceIntervals } from "../../src/gate/slice-intervals.ts";
import { commentBody } from "../../src/github/pull-request.ts";
import { renderMarkdown } from "../../src/report/sections.ts";
import type { Chart } from "../../src/report/blocks.ts";
import {
  binaryConfig,
  binaryCsv,
  binaryRows,
  expectWellFormedCharts,
  gateAgainstChampion,
} from "../helpers/gate-charts.ts";
import { REPO } from "../helpers/temp.ts";
import { mermaidCharts, parseXyChart } from "../helpers/xychart.ts";

/**
 * Every drawn slice bar gets its interval (docs/gate.md "Per-slice bars"), from real predictions files and a real
 * folder registry: Wilson's for a proportion (checked against scipy, test/fixtures/gate/wilson.json), the gate's
 * bootstrap for metrics without a closed form (checked against a replay of its random stream scored by the evaluate stage's metrics,
 * as test/gate/significance.test.ts checks the gate's own), the slice rule's paired interval kept where there is one,
 * and the reason in the cell where none can be computed. DeLong's and the normal intervals: closed-form-intervals.test.ts.
 */

interface Row {
  label: number;
  prediction: number;
  score: number;
  group: string;
}

const parseRows = (rows: string[]): Row[] =>
  rows.map((row) => {
    const [label, prediction, score, group] = row.split(",");
    return { label: Number(label), prediction: Number(prediction), score: Number(score), group: group ?? "" };
  });

const barOf = (bars: SliceBars | undefined, value: string): SliceBar => {
  const bar = bars?.bars.find((b) => b.value === value);
  if (!bar) throw new Error(`no bar ${value}`);
  return bar;
};

/** numpy.quantile's default (linear) of ascending values. */
function quantile(sorted: number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const a = sorted[below] ?? Number.NaN;
  const b = sorted[Math.min(below + 1, sorted.length - 1)] ?? a;
  return a + (b - a) * (position - below);
}

/**
 * The percentile bootstrap the gate documents, replayed: per resample, m draws of Random.below(m) over the slice's
 * rows in file order (resample r from xoshiro128** seeded with `seed` and jumped r times), the statistic of the
 * drawn rows, then numpy's quantiles.
 */
function replayBootstrap(m: number, resamples: number, seed: number, statistic: (drawn: number[]) => number) {
  const stream = new Random(seed);
  const threshold = lemireThreshold(m);
  const values: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const random = new Random(0);
    random.state.set(stream.state);
    const drawn = Array.from({ length: m }, () => random.below(m, threshold));
    values.push(statistic(drawn));
    stream.jump();
  }
  values.sort((a, b) => a - b);
  return { low: quantile(values, 0.025), high: quantile(values, 0.975) };
}

function averagePrecision(rows: Row[]): number {
  const outcome = classificationMetrics({
    labels: internColumn(rows.map((row) => String(row.label))),
    predictions: internColumn(rows.map((row) => String(row.prediction))),
    scores: Float64Array.from(rows, (row) => row.score),
    positiveLabel: "1",
  });
  return outcome.metrics["average_precision"] ?? Number.NaN;
}

function expectClose(actual: number | undefined, expected: number, what: string, tolerance = 1e-9): void {
  expect(Math.abs((actual ?? Number.NaN) - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    tolerance,
  );
}

describe("Wilson's score interval matches scipy.stats.binomtest(k, n).proportion_ci(method='wilson')", () => {
  const fixture = JSON.parse(readFileSync(path.join(REPO, "test", "fixtures", "gate", "wilson.json"), "utf8")) as {
    command: string;
    scipy: string;
    cases: { successes: number; trials: number; level: number; low: number; high: number }[];
  };

  it("records how it was made", () => {
    expect(fixture.command).toBe("/usr/bin/python3 test/fixtures/gate/wilson.py");
    expect(fixture.cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(fixture.cases)("$successes of $trials at $level", ({ successes, trials, level, low, high }) => {
    const interval = wilsonInterval(successes, trials, level);
    expectClose(interval.low, low, "low", 1e-8);
    expectClose(interval.high, high, "high", 1e-8);
  });
});

describe("every slice bar gets an interval without any slice rule", () => {
  const championRows = binaryRows(300, 0.6, 1);
  const candidateRows = binaryRows(300, 0.3, 2);

  it("accuracy: Wilson's interval of the candidate, and the paired interval of the change a slice rule would give", async () => {
    const result = await gateAgainstChampion(
      binaryConfig(["{ metric: accuracy, max_regression: 0.5 }"]),
      binaryCsv(championRows),
      binaryCsv(candidateRows),
    );
    const bars = result.charts?.slices[0];
    expect(bars?.bars.map((bar) => bar.value)).toEqual(["b", "a"]);
    expect(bars?.unpaired).toBeNull();
    const rows = parseRows(candidateRows);
    for (const value of ["a", "b"]) {
      const bar = barOf(bars, value);
      const slice = rows.filter((row) => row.group === value);
      const right = slice.filter((row) => row.label === row.prediction).length;
      expect(bar.candidateInterval).toEqual({
        ...wilsonInterval(right, slice.length, 0.95),
        level: 0.95,
        method: "wilson",
        resamples: null,
      });
      expect(bar.interval).toMatchObject({ level: 0.95, relative: false, resamples: 200, source: "report" });
      expect(bar.interval?.low).toBeLessThan(bar.interval?.high ?? Number.NaN);
    }

    // The same rules plus a slice rule with significance: its paired interval is kept, and it is the very interval
    // the report computed on its own.
    const withRule = await gateAgainstChampion(
      binaryConfig([
        "{ metric: accuracy, max_regression: 0.5 }",
        "{ metric: accuracy, max_regression: 0.5, significance: 0.95, slice: group }",
      ]),
      binaryCsv(championRows),
      binaryCsv(candidateRows),
    );
    for (const value of ["a", "b"]) {
      const ruled = barOf(withRule.charts?.slices[0], value);
      const significance = withRule.outcomes.find((o) => o.slice?.value === value)?.significance;
      if (significance?.status !== "applied" || significance.test !== "bootstrap") throw new Error("no interval");
      expect(ruled.interval).toEqual({
        low: significance.low,
        high: significance.high,
        level: 0.95,
        relative: false,
        resamples: 200,
        source: "rule",
      });
      const own = barOf(bars, value).interval;
      expect([own?.low, own?.high]).toEqual([significance.low, significance.high]);
      expect(ruled.candidateInterval).toEqual(barOf(bars, value).candidateInterval);
    }
  });

  it("average_precision (no closed form): the gate's bootstrap of the candidate and of the change, as a replay of its stream computes them", async () => {
    const result = await gateAgainstChampion(
      binaryConfig(["{ metric: average_precision, max_regression: 0.5 }"]),
      binaryCsv(championRows),
      binaryCsv(candidateRows),
    );
    const candidate = parseRows(candidateRows);
    const champion = parseRows(championRows);
    for (const value of ["a", "b"]) {
      const bar = barOf(result.charts?.slices[0], value);
      const at = candidate.flatMap((row, i) => (row.group === value ? [i] : []));
      const pick = (rows: Row[], drawn: number[]): Row[] => drawn.map((j) => rows[at[j] ?? 0] as Row);
      const own = replayBootstrap(at.length, 200, 7, (drawn) => averagePrecision(pick(candidate, drawn)));
      const change = replayBootstrap(
        at.length,
        200,
        7,
        (drawn) => averagePrecision(pick(candidate, drawn)) - averagePrecision(pick(champion, drawn)),
      );
      expect(bar.candidateInterval).toMatchObject({ method: "bootstrap", resamples: 200, level: 0.95 });
      expectClose(bar.candidateInterval?.low, own.low, `${value} low`);
      expectClose(bar.candidateInterval?.high, own.high, `${value} high`);
      expectClose(bar.interval?.low, change.low, `${value} change low`);
      expectClose(bar.interval?.high, change.high, `${value} change high`);
    }
  });

  it("says why there is no paired interval when the champion stored no predictions", async () => {
    const result = await gateAgainstChampion(
      binaryConfig(["{ metric: accuracy, max_regression: 0.5 }"]),
      binaryCsv(championRows),
      binaryCsv(candidateRows),
      { storePredictions: false },
    );
    const bars = result.charts?.slices[0];
    expect(bars?.bars.every((bar) => bar.candidateInterval?.method === "wilson" && bar.interval === null)).toBe(true);
    expect(bars?.unpaired).toMatch(/^champion \(v\w+-\w+\) has no stored predictions \(only versions published/);
    expect(renderMarkdown(gateSection(result))).toContain("No interval of Δ is computed for the report: champion (v");
  });
});

describe("a slice with no interval says why in its cell", () => {
  it("one row", async () => {
    const group = (i: number): string => (i === 0 ? "solo" : "rest");
    const result = await gateAgainstChampion(
      binaryConfig(["{ metric: accuracy, max_regression: 0.5 }"]),
      binaryCsv(binaryRows(120, 0.6, 1, group)),
      binaryCsv(binaryRows(120, 0.3, 2, group)),
    );
    const solo = barOf(result.charts?.slices[0], "solo");
    expect(solo).toMatchObject({
      candidateInterval: null,
      interval: null,
      candidateIntervalMissing: "one row: nothing to resample",
      changeIntervalMissing: "one row: nothing to resample",
    });
    expect(renderMarkdown(gateSection(result))).toContain(
      "| solo | 1 | 0 | none (one row: nothing to resample) | 1 | none (one row: nothing to resample) |",
    );
  });

  it("a single-class slice, and one whose metric is undefined in too many resamples", async () => {
    // "ones": 30 positive rows only; "nearly": 30 positives and one negative, which a resample often misses.
    const group = (i: number): string =>
      i % 2 === 0 && i < 60 ? "ones" : (i % 2 === 0 && i < 120) || i === 1 ? "nearly" : "rest";
    const result = await gateAgainstChampion(
      binaryConfig(["{ metric: roc_auc, max_regression: 0.5 }"]),
      binaryCsv(binaryRows(300, 0.6, 1, group)),
      binaryCsv(binaryRows(300, 0.3, 2, group)),
    );
    const bars = result.charts?.slices[0];
    expect(barOf(bars, "ones")).toMatchObject({
      candidate: null,
      candidateInterval: null,
      candidateIntervalMissing: "roc_auc is undefined in this slice",
    });
    // DeLong's interval of the candidate needs two rows of each class; the change's bootstrap misses the negative.
    const nearly = barOf(bars, "nearly");
    expect(nearly.candidate).not.toBeNull();
    expect(nearly.candidateInterval).toBeNull();
    expect(nearly.candidateIntervalMissing).toBe("1 negative row: DeLong's variance needs two of each class");
    expect(nearly.changeIntervalMissing).toMatch(
      /^the metric is undefined in \d+ of 200 resamples \(too few rows of some class\)$/,
    );
    const markdown = renderMarkdown(gateSection(result));
    expect(markdown).toContain(
      "| ones | 30 | undefined (only one class is present in the labels) | none (roc\\_auc is undefined in this slice) |",
    );
    expect(markdown).toMatch(
      /\| nearly \| 31 \| [\d.]+ \| none \(1 negative row: DeLong's variance needs two of each class\) \| [\d.]+ \| none \(the metric is undefined in \d+ of 200 resamples/,
    );
  });

  it("past the report's bootstrap budget, smallest slices first", () => {
    const n = 60;
    const labels = Array.from({ length: n }, (_, i) => String(i % 2));
    const candidate: Predictions = {
      source: "predictions.csv",
      rows: n,
      labels: internColumn(labels),
      predictions: internColumn(labels.map((label, i) => (i % 5 === 0 ? String(1 - Number(label)) : label))),
      actual: null,
      predicted: null,
      scores: Float64Array.from({ length: n }, (_, i) => ((i * 37) % 100) / 100),
      probabilities: null,
      ids: null,
      slices: new Map([["group", internColumn(labels.map((_, i) => (i < 20 ? "small" : "large")))]]),
    };
    const bar = (value: string, rows: number): SliceBar => ({
      value,
      rows,
      candidate: 0.5,
      baseline: null,
      undefinedBecause: null,
      interval: null,
    });
    // average_precision: ROC AUC gets DeLong's closed form, which spends none of the budget.
    const bars: SliceBars[] = [
      {
        metric: "average_precision",
        column: "group",
        bars: [bar("large", 40), bar("small", 20)],
        omitted: { slices: 0, rows: 0 },
      },
    ];
    // Room for the small slice's 20 × 100 draws (a ranking metric's count double), not for the large one's 40 × 100 after it.
    const [out] = withSliceIntervals(bars, {
      candidate,
      positiveLabel: "1",
      pairing: null,
      settings: { resamples: 100, seed: 1, level: 0.95 },
      budget: 5_000,
    });
    expect(barOf(out, "small").candidateInterval?.method).toBe("bootstrap");
    expect(barOf(out, "large").candidateInterval).toBeNull();
    expect(barOf(out, "large").candidateIntervalMissing).toBe(
      "40 rows × 100 resamples is more than the 1000 bootstrap draws smaller slices left of the report's budget of 5000 (a slice rule with significance computes it)",
    );
    // Paired with itself, the change's interval is exactly [0, 0]: it measures the difference, not the spread.
    const self = pairPredictions(candidate, candidate, "1");
    const [paired] = withSliceIntervals(bars, {
      candidate,
      positiveLabel: "1",
      pairing: self,
      settings: { resamples: 100, seed: 1, level: 0.95 },
    });
    expect(barOf(paired, "large").interval).toMatchObject({ low: 0, high: 0, source: "report" });
  });
});

describe("intervals over all rows (the model card's)", () => {
  const n = 60;
  const labels = Array.from({ length: n }, (_, i) => String(i % 2));
  const candidate: Predictions = {
    source: "predictions.csv",
    rows: n,
    labels: internColumn(labels),
    predictions: internColumn(labels.map((label, i) => (i % 5 === 0 ? String(1 - Number(label)) : label))),
    actual: null,
    predicted: null,
    scores: Float64Array.from({ length: n }, (_, i) => ((i * 37) % 100) / 100),
    probabilities: null,
    ids: null,
    // One slice holding every row: its bar is what a slice of the whole would get.
    slices: new Map([["all", internColumn(labels.map(() => "every row"))]]),
  };
  const settings = { resamples: 200, seed: 7, level: 0.95 };
  const wholeBar = (metric: string) =>
    withSliceIntervals(
      [
        {
          metric,
          column: "all",
          bars: [
            { value: "every row", rows: n, candidate: 0.5, baseline: null, undefinedBecause: null, interval: null },
          ],
          omitted: { slices: 0, rows: 0 },
        },
      ],
      { candidate, positiveLabel: "1", pairing: null, settings },
    )[0]?.bars[0]?.candidateInterval;

  it("are the slice bars' own: the same closed forms and the same seeded bootstrap, at a rule's level where one is set", () => {
    const metrics = ["accuracy", "roc_auc", "f1", "log_loss"];
    const out = overallIntervals(metrics, { candidate, positiveLabel: "1", settings });
    for (const metric of metrics) expect(out.get(metric), metric).toEqual(wholeBar(metric));
    expect((out.get("f1") as { method: string }).method).toBe("bootstrap");
    // 48 of 60 right: Wilson's interval at the level a significance rule on the metric sets.
    const at90 = overallIntervals(["accuracy"], {
      candidate,
      positiveLabel: "1",
      settings,
      levels: new Map([["accuracy", 0.9]]),
    }).get("accuracy");
    expect(at90).toEqual({ ...wilsonInterval(48, 60, 0.9), level: 0.9, method: "wilson", resamples: null });
  });

  it("say why a metric has none: past the card's budget, or unknown to the gate's statistics", () => {
    const out = overallIntervals(["accuracy", "f1", "no_such_metric"], {
      candidate,
      positiveLabel: "1",
      settings,
      budget: 1_000,
    });
    expect(out.get("accuracy")).toMatchObject({ method: "wilson" });
    expect(out.get("f1")).toBe("60 rows × 200 resamples is more than the model card's budget of 1000 bootstrap draws");
    expect(typeof out.get("no_such_metric")).toBe("string");
  });
});

describe("the chart", () => {
  it("carries the intervals, and draws their ends as two grey lines its caption names", async () => {
    const result = await gateAgainstChampion(
      binaryConfig(["{ metric: accuracy, max_regression: 0.5 }"]),
      binaryCsv(binaryRows(300, 0.6, 1)),
      binaryCsv(binaryRows(300, 0.3, 2)),
    );
    const bars = result.charts?.slices[0];
    const chart = chartBlocks(result.charts, "champion").flatMap((block) =>
      block.kind === "chart" && block.chart.title === "accuracy by group" ? [block.chart] : [],
    )[0] as Chart;
    const expected = bars?.bars.map((bar) => bar.candidateInterval) ?? [];
    expect(chart.intervals?.bounds).toEqual(expected.map((b) => ({ low: b?.low, high: b?.high })));
    expect(chart.intervals?.label).toBe("95% interval of the candidate's accuracy in the slice");
    const markdown = renderMarkdown(gateSection(result));
    const drawn = expectWellFormedCharts(markdown).find((c) => c.includes('title "accuracy by group"')) ?? "";
    const { series } = parseXyChart(drawn).chart;
    expect(series.map((s) => s.kind)).toEqual(["bar", "line", "line", "line"]);
    expect(series[2]?.values).toEqual(expected.map((b) => Number((b?.low ?? 0).toPrecision(6))));
    expect(series[3]?.values).toEqual(expected.map((b) => Number((b?.high ?? 0).toPrecision(6))));
    expect(drawn).toContain('"plotColorPalette": "#2563eb, #ea580c, #9ca3af, #9ca3af"');
    expect(markdown).toContain(
      "The two grey lines join the low and the high ends of each slice's 95% interval of the candidate's value (Mermaid draws no error bars;",
    );
    expect(markdown).toContain("| b | 200 | ");
    expect(markdown).toMatch(/\| \\\[0\.\d+, 0\.\d+\\\] \(95%, Wilson\) \|/);
  });

  it("keeps the comment under GitHub's limit with twenty intervals per column and thousands of slices", async () => {
    const group = (i: number): string => `slice-${"x".repeat(40)}-${String(i % 1500).padStart(4, "0")}`;
    const result = await gateAgainstChampion(
      binaryConfig(["{ metric: roc_auc, max_regression: 0.5 }"]),
      binaryCsv(binaryRows(6000, 0.6, 1, group)),
      binaryCsv(binaryRows(6000, 0.3, 2, group)),
    );
    expect(
      result.charts?.slices[0]?.bars.every((bar) => bar.candidateInterval !== null || bar.candidateIntervalMissing),
    ).toBe(true);
    const { body } = commentBody(gateSection(result), {
      marker: null,
      runUrl: "https://github.com/o/r/actions/runs/1",
      limit: 65_536,
    });
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(mermaidCharts(body).unclosed).toBe(false);
  });
});
