import { internColumn } from "../../src/evaluate/coded.ts";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { classificationMetrics, regressionMetrics } from "../../src/evaluate/metrics.ts";
import type { Predictions } from "../../src/evaluate/predictions.ts";
import { descendingOrder, rankingMetrics } from "../../src/evaluate/ranking.ts";
import { chartBlocks } from "../../src/gate/chart-section.ts";
import type { SliceBar, SliceBars, ValueInterval } from "../../src/gate/charts.ts";
import { gateSection } from "../../src/gate/section.ts";
import { parseGateResult } from "../../src/github/artifact.ts";
import { deLongInterval } from "../../src/gate/significance/delong.ts";
import { pairPredictions } from "../../src/gate/significance/pairing.ts";
import { withSliceIntervals } from "../../src/gate/slice-intervals.ts";
import type { Chart } from "../../src/report/blocks.ts";
import { renderMarkdown } from "../../src/report/sections.ts";
import { binaryConfig, binaryCsv, binaryRows, gateAgainstChampion } from "../helpers/gate-charts.ts";
import { REPO } from "../helpers/temp.ts";

/**
 * The closed-form intervals of the per-slice bars (docs/gate.md "Intervals of the per-slice bars"): DeLong's for
 * binary ROC AUC and the normal interval of a mean loss, against numpy (test/fixtures/gate/closed-forms.json, whose
 * DeLong compares every pair of rows rather than ranking them), through the report's own entry point; and at scale,
 * every ROC AUC bar gets one without spending the bootstrap's budget.
 */

interface Fixture {
  command: string;
  numpy: string;
  roc: {
    name: string;
    scores: number[];
    labels: number[];
    levels: { level: number; auc: number; low: number; high: number }[];
  }[];
  classification: { name: string; scores: number[]; labels: number[]; intervals: Expected[] }[];
  regression: { name: string; actual: number[]; predicted: number[]; intervals: Expected[] }[];
}

interface Expected {
  metric: string;
  level: number;
  value: number;
  low: number;
  high: number;
  clamped: boolean;
}

const fixture = JSON.parse(
  readFileSync(path.join(REPO, "test", "fixtures", "gate", "closed-forms.json"), "utf8"),
) as Fixture;

/** Within `tolerance`, by default 10⁻⁸ of the value (z comes from Acklam's quantile, relative error < 1.2·10⁻⁹). */
function expectClose(
  actual: number | undefined,
  expected: number,
  what: string,
  tolerance = 1e-8 * Math.max(1, Math.abs(expected)),
): void {
  expect(Math.abs((actual ?? Number.NaN) - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    tolerance,
  );
}

/**
 * Predictions whose slice "case" holds the given rows, every other row of the file in slice "other" (a different
 * model's rows, interleaved), so an interval computed on more than the slice's rows would differ.
 */
function interleaved(
  rows: number,
  value: (row: number) => { label: string; prediction: string; score?: number; actual?: number; predicted?: number },
  other: (row: number) => { label: string; prediction: string; score?: number; actual?: number; predicted?: number },
  regression: boolean,
): Predictions {
  const all = Array.from({ length: 2 * rows }, (_, i) => (i % 2 === 1 ? value((i - 1) / 2) : other(i / 2)));
  return {
    source: "predictions.csv",
    rows: all.length,
    labels: internColumn(all.map((r) => r.label)),
    predictions: internColumn(all.map((r) => r.prediction)),
    actual: regression ? Float64Array.from(all, (r) => r.actual ?? 0) : null,
    predicted: regression ? Float64Array.from(all, (r) => r.predicted ?? 0) : null,
    scores: regression ? null : Float64Array.from(all, (r) => r.score ?? 0),
    probabilities: null,
    ids: null,
    slices: new Map([["group", internColumn(all.map((_, i) => (i % 2 === 1 ? "case" : "other")))]]),
  };
}

function caseInterval(metric: string, candidate: Predictions, level: number, value: number): SliceBar {
  const bar: SliceBar = {
    value: "case",
    rows: candidate.rows / 2,
    candidate: value,
    baseline: null,
    undefinedBecause: null,
    interval: null,
  };
  const [out] = withSliceIntervals([{ metric, column: "group", bars: [bar], omitted: { slices: 0, rows: 0 } }], {
    candidate,
    positiveLabel: candidate.actual ? undefined : "1",
    pairing: null,
    settings: { resamples: 1000, seed: 1, level },
    budget: 0,
  });
  const got = out?.bars[0];
  if (!got) throw new Error("no bar");
  return got;
}

const classified = (scores: number[], labels: number[]) => (row: number) => ({
  label: String(labels[row]),
  prediction: (scores[row] ?? 0) >= 0.5 ? "1" : "0",
  score: scores[row] ?? 0,
});

describe("DeLong's interval of ROC AUC matches numpy's pairwise DeLong", () => {
  it("records how it was made", () => {
    expect(fixture.command).toBe("/usr/bin/python3 test/fixtures/gate/closed-forms.py");
    expect(fixture.roc.map((c) => c.name)).toContain("scores rounded to one decimal (many ties)");
  });

  it.each(fixture.roc)("$name", ({ scores, labels, levels }) => {
    const flags = Uint8Array.from(labels);
    const values = Float64Array.from(scores);
    const gate = rankingMetrics(descendingOrder(values), flags)?.rocAuc ?? Number.NaN;
    // Noise rows in the other slice: the opposite ranking, so they would pull any interval that saw them.
    const candidate = interleaved(
      scores.length,
      classified(scores, labels),
      classified(
        scores.map((s) => 1 - s),
        labels,
      ),
      false,
    );
    for (const { level, auc, low, high } of levels) {
      const interval = deLongInterval(values, flags, level);
      if (typeof interval === "string") throw new Error(interval);
      expectClose(interval.auc, auc, "auc", 1e-12);
      expectClose(interval.auc, gate, "the gate's auc", 1e-12);
      const clamped = low < 0 || high > 1;
      expect(interval).toMatchObject({ clamped });
      expectClose(interval.low, Math.max(0, low), `low at ${level}`);
      expectClose(interval.high, Math.min(1, high), `high at ${level}`);
      const bar = caseInterval("roc_auc", candidate, level, gate);
      expect(bar.candidateInterval).toEqual({
        low: interval.low,
        high: interval.high,
        level,
        method: "delong",
        resamples: null,
        ...(clamped ? { clamped: true } : {}),
      });
    }
  });

  it("says why a slice with a single positive or negative has none", () => {
    expect(deLongInterval(Float64Array.of(0.9, 0.4, 0.3, 0.2), Uint8Array.of(1, 0, 0, 0), 0.95)).toBe(
      "1 positive row: DeLong's variance needs two of each class",
    );
    expect(deLongInterval(Float64Array.of(0.9, 0.4, 0.3, 0.2), Uint8Array.of(1, 1, 1, 0), 0.95)).toBe(
      "1 negative row: DeLong's variance needs two of each class",
    );
  });
});

describe("the normal interval of a mean loss matches numpy, per row as the gate's metric", () => {
  const cases = [
    ...fixture.classification.flatMap((c) =>
      c.intervals.map((expected) => ({
        name: `${c.name}: ${expected.metric} at ${expected.level}`,
        expected,
        candidate: interleaved(
          c.scores.length,
          classified(c.scores, c.labels),
          classified(
            c.scores.map((s) => 1 - s),
            c.labels,
          ),
          false,
        ),
        gate: classificationMetrics({
          labels: internColumn(c.labels.map(String)),
          predictions: internColumn(c.scores.map((s) => (s >= 0.5 ? "1" : "0"))),
          scores: Float64Array.from(c.scores),
          positiveLabel: "1",
        }).metrics[expected.metric],
      })),
    ),
    ...fixture.regression.flatMap((c) =>
      c.intervals.map((expected) => {
        const row = (predicted: number[]) => (i: number) => ({
          label: String(c.actual[i]),
          prediction: String(predicted[i]),
          actual: c.actual[i] ?? 0,
          predicted: predicted[i] ?? 0,
        });
        return {
          name: `${c.name}: ${expected.metric} at ${expected.level}`,
          expected,
          candidate: interleaved(c.actual.length, row(c.predicted), row(c.actual.map((a) => a * 3 + 100)), true),
          gate: regressionMetrics(c.actual, c.predicted).metrics[expected.metric],
        };
      }),
    ),
  ];

  it("covers every mean metric, clamped and not", () => {
    expect(new Set(cases.map((c) => c.expected.metric))).toEqual(
      new Set(["log_loss", "brier_score", "mae", "mse", "rmse", "mape"]),
    );
    expect(new Set(cases.map((c) => c.expected.clamped))).toEqual(new Set([true, false]));
  });

  it.each(cases)("$name", ({ expected, candidate, gate }) => {
    // numpy's per-row values average to the evaluate stage's metric: the same definition (log loss's clipping too).
    expectClose(gate, expected.value, "the gate's value", 1e-12);
    const bar = caseInterval(expected.metric, candidate, expected.level, gate ?? Number.NaN);
    const interval = bar.candidateInterval as ValueInterval;
    expect(interval).toMatchObject({
      level: expected.level,
      method: "normal",
      resamples: null,
      ...(expected.clamped ? { clamped: true } : {}),
    });
    expect(interval.clamped ?? false).toBe(expected.clamped);
    expectClose(interval.low, expected.low, "low");
    expectClose(interval.high, expected.high, "high");
  });
});

describe("at scale, every ROC AUC bar gets DeLong's interval and the bootstrap's budget is left to the changes", () => {
  it("30 slices of 20,000 rows", () => {
    const slices = 30;
    const perSlice = 20_000;
    const n = slices * perSlice;
    let state = 42;
    const next = (): number => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
    const labels = Array.from({ length: n }, () => (next() < 0.3 ? "1" : "0"));
    const scores = Float64Array.from(
      labels,
      (label) => Math.round((next() * 0.7 + (label === "1" ? 0.3 : 0)) * 1000) / 1000,
    );
    const group = labels.map((_, i) => `s${String(i % slices).padStart(2, "0")}`);
    const candidate: Predictions = {
      source: "predictions.csv",
      rows: n,
      labels: internColumn(labels),
      predictions: internColumn(Array.from(scores, (s) => (s >= 0.5 ? "1" : "0"))),
      actual: null,
      predicted: null,
      scores,
      probabilities: null,
      ids: null,
      slices: new Map([["group", internColumn(group)]]),
    };
    const values = [...new Set(group)].slice(0, 20);
    const gateValue = (value: string): number => {
      const rows = group.flatMap((g, i) => (g === value ? [i] : []));
      const flags = Uint8Array.from(rows, (i) => (labels[i] === "1" ? 1 : 0));
      return rankingMetrics(descendingOrder(Float64Array.from(rows, (i) => scores[i] ?? 0)), flags)?.rocAuc ?? 0;
    };
    const bars: SliceBars[] = [
      {
        metric: "roc_auc",
        column: "group",
        bars: values.map((value) => ({
          value,
          rows: perSlice,
          candidate: gateValue(value),
          baseline: null,
          undefinedBecause: null,
          interval: null,
        })),
        omitted: { slices: slices - values.length, rows: (slices - values.length) * perSlice },
      },
    ];
    // Room for exactly three paired changes (20,000 rows × 10 resamples, ROC AUC's counting double): were the
    // candidates' intervals drawing on the budget, fewer changes would get theirs.
    const budget = 3 * 2 * perSlice * 10;
    const [out] = withSliceIntervals(bars, {
      candidate,
      positiveLabel: "1",
      pairing: pairPredictions(candidate, candidate, "1"),
      settings: { resamples: 10, seed: 1, level: 0.95 },
      budget,
    });
    const drawn = out?.bars ?? [];
    expect(drawn).toHaveLength(20);
    for (const bar of drawn) {
      expect(bar.candidateInterval).toMatchObject({ method: "delong", level: 0.95, resamples: null });
      const { low = 0, high = 0 } = bar.candidateInterval ?? {};
      expectClose((low + high) / 2, bar.candidate ?? Number.NaN, `${bar.value}: centred on the gate's value`, 1e-12);
      expect(high - low).toBeGreaterThan(0.005);
      expect(high - low).toBeLessThan(0.05);
    }
    expect(drawn.filter((bar) => bar.interval !== null)).toHaveLength(3);
    expect(drawn.filter((bar) => bar.changeIntervalMissing !== null).map((bar) => bar.changeIntervalMissing)).toEqual(
      Array(17).fill(
        `20000 rows × 10 resamples is more than the 0 bootstrap draws smaller slices left of the report's budget of ${budget} (a slice rule with significance computes it)`,
      ),
    );
  });
});

describe("the report names the methods", () => {
  it("roc_auc: DeLong's intervals in the chart, their cells and the line under the table", async () => {
    const result = await gateAgainstChampion(
      binaryConfig(["{ metric: roc_auc, max_regression: 0.5 }"]),
      binaryCsv(binaryRows(300, 0.6, 1)),
      binaryCsv(binaryRows(300, 0.3, 2)),
    );
    const bars = result.charts?.slices[0]?.bars ?? [];
    expect(bars.map((bar) => bar.candidateInterval?.method)).toEqual(["delong", "delong"]);
    const chart = chartBlocks(result.charts, "champion").flatMap((block) =>
      block.kind === "chart" && block.chart.title === "roc_auc by group" ? [block.chart] : [],
    )[0] as Chart;
    expect(chart.intervals?.bounds).toEqual(
      bars.map((bar) => ({ low: bar.candidateInterval?.low, high: bar.candidateInterval?.high })),
    );
    const markdown = renderMarkdown(gateSection(result));
    expect(markdown).toMatch(/\| \\\[0\.\d+, 0\.\d+\\\] \(95%, DeLong\) \|/);
    expect(markdown).toContain("DeLong: the normal interval of ROC AUC with DeLong's variance");
    expect(markdown).not.toContain("Wilson:");
    // The change keeps the paired bootstrap.
    expect(bars.every((bar) => bar.interval?.resamples === 200)).toBe(true);
    // gate.json (the report artifact) reads them back, a clamped one too.
    const read = parseGateResult(JSON.stringify(result), "gate.json");
    expect(read.charts).toEqual(result.charts);
    const first = result.charts?.slices[0]?.bars[0];
    const clamped = {
      ...result,
      charts: result.charts && {
        ...result.charts,
        slices: [
          {
            ...(result.charts.slices[0] as SliceBars),
            bars: first
              ? [
                  {
                    ...first,
                    candidateInterval: {
                      low: 0.9,
                      high: 1,
                      level: 0.95,
                      method: "delong" as const,
                      resamples: null,
                      clamped: true,
                    },
                  },
                ]
              : [],
          },
        ],
      },
    };
    expect(parseGateResult(JSON.stringify(clamped), "gate.json").charts).toEqual(clamped.charts);
    expect(renderMarkdown(gateSection(clamped))).toContain("\\[0.9, 1\\] (95%, DeLong, clamped to \\[0, 1\\])");
  });

  it("log_loss: the normal interval, and a clamped end says so", () => {
    const bar = (candidateInterval: ValueInterval): SliceBar => ({
      value: "a",
      rows: 5,
      candidate: 0.2,
      baseline: null,
      undefinedBecause: null,
      interval: null,
      candidateInterval,
    });
    const markdown = renderMarkdown({
      title: "Gate",
      status: "pass",
      headline: "",
      blocks: chartBlocks(
        {
          candidate: null,
          baseline: null,
          baselineMissing: null,
          slices: [
            {
              metric: "log_loss",
              column: "group",
              bars: [bar({ low: 0, high: 0.5, level: 0.95, method: "normal", resamples: null, clamped: true })],
              omitted: { slices: 0, rows: 0 },
            },
          ],
        },
        "champion",
      ),
    });
    expect(markdown).toContain("\\[0, 0.5\\] (95%, normal, clamped at 0)");
    expect(markdown).toContain("normal: mean ± z·s/√n of the per-row losses of the slice");
  });
});
