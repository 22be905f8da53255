import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { type Coded, ColumnInterner } from "../src/evaluate/coded.ts";
import { binaryCurves } from "../src/evaluate/curves.ts";
import { sliceMetrics, type SliceMetrics } from "../src/evaluate/evaluate.ts";
import { classificationMetrics } from "../src/evaluate/metrics.ts";
import type { Predictions } from "../src/evaluate/predictions.ts";
import { withDescendingOrder } from "../src/evaluate/ranking.ts";
import { chartBlocks } from "../src/gate/chart-section.ts";
import { curvesOfPredictions, MAX_SLICE_BARS, type SliceBar, type SliceBars } from "../src/gate/charts.ts";
import { bootstrapDeltas, pairedBootstrap } from "../src/gate/significance/bootstrap.ts";
import { pairPredictions } from "../src/gate/significance/pairing.ts";
import { pairedStatistic } from "../src/gate/significance/statistics.ts";
import { withSliceIntervals } from "../src/gate/slice-intervals.ts";
import { renderHtmlDocument } from "../src/report/html/document.ts";
import { renderMarkdown } from "../src/report/sections.ts";

/**
 * The kit's side of `npm run bench:gate`, one run in a process of its own (bundled by the bench as dist/ is, run by
 * plain `node` with bench/rss.mjs, so its peak RSS is its own): reads the data the bench wrote (labels.u8,
 * candidate.f64, baseline.f64, country.u8 with country.json naming the codes), holds the predictions as the evaluate
 * stage does, runs the gate's heavy path and prints its timings as JSON on its last line. `--memory-probe` measures
 * the bootstrap alone instead (see memoryProbe).
 */

const { values } = parseArgs({
  options: {
    data: { type: "string" },
    resamples: { type: "string", default: "1000" },
    seed: { type: "string", default: "42" },
    "memory-probe": { type: "boolean", default: false },
    rows: { type: "string" },
  },
});
const folder = values.data ?? "";
const resamples = Number(values.resamples);
const seed = Number(values.seed);

/** The bench's predictions (bench/gate.bench.ts generates them, this reads them back). */
export interface Data {
  labels: Uint8Array;
  candidateScores: Float64Array;
  baselineScores: Float64Array;
  /** A slicing column (the country) as codes into `countries`, 30 values in Zipf-like sizes. */
  country: Uint8Array;
  countries: string[];
}

function read(rows: number): Data {
  const bytes = (name: string): Buffer => readFileSync(path.join(folder, name));
  const floats = (name: string): Float64Array => {
    const buffer = bytes(name);
    return new Float64Array(buffer.buffer, buffer.byteOffset, buffer.byteLength / 8).slice(0, rows);
  };
  return {
    labels: new Uint8Array(bytes("labels.u8")).slice(0, rows),
    candidateScores: floats("candidate.f64"),
    baselineScores: floats("baseline.f64"),
    country: new Uint8Array(bytes("country.u8")).slice(0, rows),
    countries: JSON.parse(bytes("country.json").toString("utf8")) as string[],
  };
}

/**
 * A text column as readPredictions holds it: each row's text (a fresh string, as a parsed cell is) interned as it is
 * read, so the column is codes and no row's string outlives its row.
 */
function readColumn(rows: number, textOf: (row: number) => string): Coded {
  const interner = new ColumnInterner();
  for (let row = 0; row < rows; row++) interner.add(textOf(row));
  return interner.finish();
}

/** The predictions as the evaluate stage holds them: labels, predictions and slices as codes, scores as numbers. */
function predictions(data: Data, scores: Float64Array): Predictions {
  const rows = data.labels.length;
  return {
    source: "bench",
    rows,
    labels: readColumn(rows, (row) => `${data.labels[row] ?? 0}`),
    predictions: readColumn(rows, (row) => ((scores[row] ?? 0) >= 0.5 ? "1" : "0")),
    actual: null,
    predicted: null,
    scores,
    probabilities: null,
    ids: null,
    slices: new Map([["country", readColumn(rows, (row) => `${data.countries[data.country[row] ?? 0] ?? ""}`)]]),
  };
}

/**
 * The bars the gate draws for `metric` by country: the 20 largest slices, with the candidate's value in each, from the
 * evaluate stage's own slice metrics (as the gate reads them from the evaluation).
 */
function countryBars(slices: readonly SliceMetrics[], rows: number, metric: "accuracy" | "roc_auc"): SliceBars[] {
  const largest = [...slices].sort((a, b) => b.rows - a.rows).slice(0, MAX_SLICE_BARS);
  const bars = largest.map((slice): SliceBar => ({
    value: slice.value,
    rows: slice.rows,
    candidate: slice.metrics[metric] ?? null,
    baseline: null,
    undefinedBecause: null,
    interval: null,
  }));
  const shownRows = bars.reduce((sum, bar) => sum + bar.rows, 0);
  const omitted = { slices: slices.length - bars.length, rows: rows - shownRows };
  return [{ metric, column: "country", bars, omitted }];
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

export interface KitRun {
  metricsSeconds: number;
  bootstrapSeconds: number;
  /** CPU time of the bootstrap, every thread of the process (it draws resamples on every core). */
  bootstrapCpuSeconds: number;
  metrics: Record<string, number>[];
  interval: [number, number];
  chartsSeconds: number;
  /** Per primary metric: its slice intervals, then rendering the chart blocks to markdown and to the HTML report. */
  sliceSeconds: {
    metric: string;
    seconds: number;
    methods: string;
    renderSeconds: number;
    htmlBytes: number;
    markdownBytes: number;
  }[];
}

function runKit(data: Data): KitRun {
  const rows = data.labels.length;
  const candidate = predictions(data, data.candidateScores);
  const baseline = predictions(data, data.baselineScores);
  let start = process.hrtime.bigint();
  const metrics = [candidate, baseline].map(
    (p) =>
      classificationMetrics({
        labels: p.labels,
        predictions: p.predictions,
        scores: p.scores ?? [],
        positiveLabel: "1",
      }).metrics,
  );
  const metricsSeconds = seconds(start);
  // The charts' cost as the pipeline pays it: the candidate's curves are one pass over the ranking its metrics sorted
  // (sorted again here, untimed, and let go as the metrics let it go), the baseline's are sorted and walked in the gate.
  let walkSeconds = 0;
  const candidateCurves = withDescendingOrder(data.candidateScores, (ranked) => {
    const walk = process.hrtime.bigint();
    const curves = binaryCurves(ranked, data.labels);
    walkSeconds = seconds(walk);
    return curves;
  });
  start = process.hrtime.bigint();
  const baselineCurves = curvesOfPredictions("classification", baseline, "1");
  const chartsSeconds = walkSeconds + seconds(start);
  start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const pairing = pairPredictions(candidate, baseline, "1");
  if (!pairing.paired) throw new Error(pairing.reason);
  const built = pairedStatistic("accuracy", pairing.data);
  if (!("statistic" in built)) throw new Error(built.unavailable);
  const outcome = pairedBootstrap(built.statistic, rows, { resamples, seed, level: 0.95 }, false);
  const bootstrapSeconds = seconds(start);
  const { user, system } = process.cpuUsage(cpuStart);
  const bootstrapCpuSeconds = (user + system) / 1e6;
  if (!("interval" in outcome)) throw new Error(outcome.unavailable);
  // The slice bars' intervals as the gate computes them, with the gate's pairing (untimed: evaluate's slice metrics).
  const countrySlices = sliceMetrics("classification", candidate, "1");
  const sliceSeconds = (["accuracy", "roc_auc"] as const).map((metric) => {
    const bars = countryBars(countrySlices, rows, metric);
    const begin = process.hrtime.bigint();
    const slices = withSliceIntervals(bars, {
      candidate,
      positiveLabel: "1",
      pairing,
      settings: { resamples, seed, level: 0.95 },
    });
    const elapsed = seconds(begin);
    const [out] = slices;
    // The report's rendering: the gate's chart blocks, as markdown for the comment and as the HTML report.
    const renderStart = process.hrtime.bigint();
    const blocks = chartBlocks(
      { candidate: candidateCurves, baseline: baselineCurves, baselineMissing: null, slices },
      "champion",
    );
    const markdown = renderMarkdown({ title: "Gate", status: "pass", headline: "", blocks });
    const html = renderHtmlDocument({
      title: "bench: gate report",
      generated: new Date(0).toISOString(),
      sections: [{ title: "Gate", status: "pass", headline: "", blocks }],
    });
    const renderSeconds = seconds(renderStart);
    const count = (what: string): number =>
      (out?.bars ?? []).filter((bar) =>
        what === "change" ? bar.interval !== null : bar.candidateInterval?.method === what,
      ).length;
    const methods = `${count("wilson")} Wilson, ${count("delong")} DeLong, ${count("normal")} normal, ${count("bootstrap")} bootstrapped, ${count("change")} paired of ${out?.bars.length ?? 0} bars`;
    return {
      metric,
      seconds: elapsed,
      methods,
      renderSeconds,
      htmlBytes: Buffer.byteLength(html),
      markdownBytes: Buffer.byteLength(markdown),
    };
  });
  return {
    metricsSeconds,
    bootstrapSeconds,
    bootstrapCpuSeconds,
    metrics,
    interval: [outcome.interval.low, outcome.interval.high],
    chartsSeconds,
    sliceSeconds,
  };
}

export interface MemoryProbe {
  /** Typed arrays the paired bootstrap holds (pairing, cell codes and table, one delta per resample), after a GC. */
  heldMiB: number;
  /** Peak RSS growth over the bootstrap: includes garbage the GC had not yet collected. */
  peakRssMiB: number;
}

/** The bootstrap alone over the first `rows` rows (run with --expose-gc), so earlier phases do not hide it. */
function memoryProbe(data: Data): MemoryProbe {
  const rows = data.labels.length;
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  const maxRssMiB = (): number => process.resourceUsage().maxRSS / 1024;
  const candidate = predictions(data, data.candidateScores);
  const baseline = predictions(data, data.baselineScores);
  gc();
  const heldBefore = process.memoryUsage().arrayBuffers;
  const before = maxRssMiB();
  const pairing = pairPredictions(candidate, baseline, "1");
  if (!pairing.paired) throw new Error(pairing.reason);
  const built = pairedStatistic("accuracy", pairing.data);
  if (!("statistic" in built)) throw new Error(built.unavailable);
  const deltas = bootstrapDeltas(built.statistic, rows, { resamples, seed }, false);
  const peakRssMiB = maxRssMiB() - before;
  gc();
  const heldMiB = (process.memoryUsage().arrayBuffers - heldBefore) / 2 ** 20;
  // Keep what the bootstrap holds alive until measured.
  if (deltas.length !== resamples || !built.statistic) throw new Error("unreachable");
  return { heldMiB, peakRssMiB };
}

const data = read(values.rows === undefined ? Number.POSITIVE_INFINITY : Number(values.rows));
console.log(JSON.stringify(values["memory-probe"] ? memoryProbe(data) : runKit(data)));
