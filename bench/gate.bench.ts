import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { binaryCurves } from "../src/evaluate/curves.ts";
import { classificationMetrics } from "../src/evaluate/metrics.ts";
import { descendingOrder } from "../src/evaluate/ranking.ts";
import { chartBlocks } from "../src/gate/chart-section.ts";
import { renderHtmlDocument } from "../src/report/html/document.ts";
import { renderMarkdown } from "../src/report/sections.ts";
import { curvesOfPredictions, MAX_SLICE_BARS, type SliceBar, type SliceBars } from "../src/gate/charts.ts";
import { REPORT_BOOTSTRAP_DRAWS, withSliceIntervals } from "../src/gate/slice-intervals.ts";
import type { Predictions } from "../src/evaluate/predictions.ts";
import { bootstrapDeltas, pairedBootstrap } from "../src/gate/significance/bootstrap.ts";
import { pairPredictions } from "../src/gate/significance/pairing.ts";
import { Random } from "../src/gate/significance/random.ts";
import { pairedStatistic } from "../src/gate/significance/statistics.ts";

/**
 * `npm run bench:gate`: the gate's heavy path over 1,000,000 predictions: every classification metric of two models
 * (accuracy, precision/recall/F1 in four averages, ROC AUC, average precision, log loss, Brier), then a
 * 1,000-resample paired bootstrap of the accuracy delta, as the gate runs them; and the report's charts (the
 * candidate's curves from the ranking its metrics already sorted, the baseline's from its predictions; the intervals of
 * the slice bars, by a country column of 30 values, with accuracy and with ROC AUC as the primary metric). The same computation, vectorised in
 * numpy, runs in the same run on the same data with /usr/bin/python3's numpy (Debian's python3-numpy), and the
 * ratio is printed: numpy is required, and a missing or failing numpy fails the bench. Memory: the bootstrap's extra peak RSS, measured in child processes at two resample counts and
 * two sizes, to show it grows with the predictions and not with the resamples. Times are wall clock on whatever the
 * machine is doing: run it on a quiet machine for numbers to quote.
 */

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "1000000" },
    resamples: { type: "string", default: "1000" },
    seed: { type: "string", default: "42" },
    "memory-probe": { type: "boolean", default: false },
    runs: { type: "string", default: "5" },
  },
});
const runs = Number(values.runs);
const rows = Number(values.rows);
const resamples = Number(values.resamples);
const seed = Number(values.seed);
const PYTHON = "/usr/bin/python3";

interface Data {
  /** A slicing column (e.g. the country), 30 values in Zipf-like sizes: the largest about a quarter of the rows. */
  country: string[];
  labels: Uint8Array;
  candidateScores: Float64Array;
  baselineScores: Float64Array;
}

/** Two correlated binary classifiers over n rows: the baseline's score, and the candidate's a noisy variant of it. */
function generate(n: number): Data {
  const random = new Random(seed);
  const uniform = (): number => random.nextUint32() / 4294967296;
  const labels = new Uint8Array(n);
  const baselineScores = new Float64Array(n);
  const candidateScores = new Float64Array(n);
  const harmonic = Array.from({ length: COUNTRIES }, (_, k) => 1 / (k + 1));
  const total = harmonic.reduce((a, b) => a + b, 0);
  const cumulative = harmonic.map((_, k) => harmonic.slice(0, k + 1).reduce((a, b) => a + b, 0) / total);
  const country = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const u = uniform();
    country[i] = `c${String(cumulative.findIndex((edge) => u < edge) + 1).padStart(2, "0")}`;
    const y = uniform() < 0.4 ? 1 : 0;
    labels[i] = y;
    // Scores rounded to 3 decimals, so there are ties, as real models' scores have.
    const base = Math.min(1, Math.max(0, 0.3 * y + 0.7 * uniform()));
    baselineScores[i] = Math.round(base * 1000) / 1000;
    candidateScores[i] = Math.round(Math.min(1, Math.max(0, base + 0.2 * (uniform() - 0.52))) * 1000) / 1000;
  }
  return { country, labels, candidateScores, baselineScores };
}

const COUNTRIES = 30;

/** The predictions as the evaluate stage reads them: text labels and predictions, scores as numbers. */
function predictions(data: Data, scores: Float64Array): Predictions {
  const text = ["0", "1"];
  return {
    source: "bench",
    rows: data.labels.length,
    labels: Array.from(data.labels, (y) => text[y] ?? "0"),
    predictions: Array.from(scores, (s) => (s >= 0.5 ? "1" : "0")),
    actual: null,
    predicted: null,
    scores,
    probabilities: null,
    ids: null,
    slices: new Map([["country", data.country]]),
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The bars the gate draws for `metric` by country: the 20 largest slices, with the candidate's value in each. */
function countryBars(data: Data, metric: "accuracy" | "roc_auc"): SliceBars[] {
  const rowsOf = new Map<string, number[]>();
  data.country.forEach((value, i) => {
    const rows = rowsOf.get(value) ?? [];
    rows.push(i);
    rowsOf.set(value, rows);
  });
  const largest = [...rowsOf].sort((a, b) => b[1].length - a[1].length).slice(0, MAX_SLICE_BARS);
  const bars = largest.map(([value, rows]): SliceBar => {
    const labels = Uint8Array.from(rows, (i) => data.labels[i] ?? 0);
    const scores = Float64Array.from(rows, (i) => data.candidateScores[i] ?? 0);
    const outcome = classificationMetrics({
      labels: Array.from(labels, String),
      predictions: Array.from(scores, (s) => (s >= 0.5 ? "1" : "0")),
      scores,
      positiveLabel: "1",
    });
    return {
      value,
      rows: rows.length,
      candidate: outcome.metrics[metric] ?? null,
      baseline: null,
      undefinedBecause: null,
      interval: null,
    };
  });
  const shownRows = bars.reduce((sum, bar) => sum + bar.rows, 0);
  const omitted = { slices: rowsOf.size - bars.length, rows: data.labels.length - shownRows };
  return [{ metric, column: "country", bars, omitted }];
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function maxRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

interface Measured {
  metricsSeconds: number;
  bootstrapSeconds: number;
  metrics: Record<string, number>[];
  interval: [number, number];
  bootstrapPeakMiB: number;
  chartsSeconds: number;
  /** Per primary metric, the slice bars' intervals (Wilson's, DeLong's, normal or bootstrapped, and the paired change's). */
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

function runKit(data: Data): Measured {
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
  // (sorted again here, untimed), the baseline's are sorted and walked in the gate.
  const positive = data.labels;
  const ranked = descendingOrder(data.candidateScores);
  start = process.hrtime.bigint();
  const candidateCurves = binaryCurves(ranked, data.candidateScores, positive);
  const baselineCurves = curvesOfPredictions("classification", baseline, "1");
  const chartsSeconds = seconds(start);
  const before = maxRssMiB();
  start = process.hrtime.bigint();
  const pairing = pairPredictions(candidate, baseline, "1");
  if (!pairing.paired) throw new Error(pairing.reason);
  const built = pairedStatistic("accuracy", pairing.data);
  if (!("statistic" in built)) throw new Error(built.unavailable);
  const outcome = pairedBootstrap(built.statistic, rows, { resamples, seed, level: 0.95 }, false);
  const bootstrapSeconds = seconds(start);
  if (!("interval" in outcome)) throw new Error(outcome.unavailable);
  // The slice bars' intervals as the gate computes them, with the gate's pairing (untimed: evaluate's slice metrics).
  const sliceSeconds = (["accuracy", "roc_auc"] as const).map((metric) => {
    const bars = countryBars(data, metric);
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
    metrics,
    interval: [outcome.interval.low, outcome.interval.high],
    bootstrapPeakMiB: maxRssMiB() - before,
    chartsSeconds,
    sliceSeconds,
  };
}

const NUMPY = String.raw`
import json, sys, time, tracemalloc
import numpy as np

folder, n, resamples, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
y = np.fromfile(f"{folder}/labels.u8", dtype=np.uint8)
scores = {"candidate": np.fromfile(f"{folder}/candidate.f64"), "baseline": np.fromfile(f"{folder}/baseline.f64")}
eps = np.finfo(np.float64).eps

def metrics(y, s):
    p = (s >= 0.5).astype(np.uint8)
    cm = np.bincount(y.astype(np.int64) * 2 + p, minlength=4).reshape(2, 2).astype(np.float64)
    tp, support, predicted = np.diag(cm), cm.sum(axis=1), cm.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.where(predicted > 0, tp / predicted, 0.0)
        recall = np.where(support > 0, tp / support, 0.0)
        f1 = np.where(precision + recall > 0, 2 * precision * recall / (precision + recall), 0.0)
    out = {"accuracy": np.trace(cm) / cm.sum()}
    out.update(precision=precision[1], recall=recall[1], f1=f1[1])
    out.update(precision_macro=precision.mean(), recall_macro=recall.mean(), f1_macro=f1.mean())
    w = support / support.sum()
    out.update(precision_weighted=(precision * w).sum(), recall_weighted=(recall * w).sum(), f1_weighted=(f1 * w).sum())
    micro = np.trace(cm) / cm.sum()
    out.update(precision_micro=micro, recall_micro=micro, f1_micro=micro)
    c = np.clip(s, eps, 1 - eps)
    out["log_loss"] = -np.mean(np.where(y == 1, np.log(c), np.log(1 - c)))
    out["brier_score"] = np.mean((y - s) ** 2)
    order = np.argsort(-s, kind="stable")
    ss, yy = s[order], y[order]
    last = np.r_[np.flatnonzero(np.diff(ss)), len(ss) - 1]
    tps = np.cumsum(yy)[last].astype(np.float64)
    fps = (last + 1) - tps
    tpr, fpr = np.r_[0, tps / tps[-1]], np.r_[0, fps / fps[-1]]
    out["roc_auc"] = np.trapz(tpr, fpr)
    out["average_precision"] = np.sum(np.diff(tpr) * (tps / (tps + fps)))
    return {k: float(v) for k, v in out.items()}

t = time.perf_counter()
computed = [metrics(y, scores["candidate"]), metrics(y, scores["baseline"])]
metrics_seconds = time.perf_counter() - t

tracemalloc.start()
t = time.perf_counter()
right = {k: ((s >= 0.5).astype(np.uint8) == y) for k, s in scores.items()}
diff = right["candidate"].astype(np.int8) - right["baseline"].astype(np.int8)
rng = np.random.default_rng(seed)
deltas = np.empty(resamples)
for r in range(resamples):
    deltas[r] = diff[rng.integers(0, n, n)].mean()
low, high = np.quantile(deltas, [0.025, 0.975])
bootstrap_seconds = time.perf_counter() - t
peak = tracemalloc.get_traced_memory()[1] / 2**20
tracemalloc.stop()
print(json.dumps({"metricsSeconds": metrics_seconds, "bootstrapSeconds": bootstrap_seconds, "metrics": computed,
                  "interval": [float(low), float(high)], "bootstrapPeakMiB": peak, "numpy": np.__version__}))
`;

async function runNumpy(data: Data): Promise<(Measured & { numpy: string }) | string> {
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  const probe = spawnSync(PYTHON, ["-c", "import numpy"], { encoding: "utf8" });
  if (probe.status !== 0) return "numpy is not installed for /usr/bin/python3 (apt-get install python3-numpy)";
  const folder = await mkdtemp(path.join(os.tmpdir(), "mlops-bench-"));
  try {
    await writeFile(path.join(folder, "labels.u8"), data.labels);
    await writeFile(path.join(folder, "candidate.f64"), new Uint8Array(data.candidateScores.buffer));
    await writeFile(path.join(folder, "baseline.f64"), new Uint8Array(data.baselineScores.buffer));
    const run = spawnSync(PYTHON, ["-c", NUMPY, folder, String(rows), String(resamples), String(seed)], {
      encoding: "utf8",
      maxBuffer: 1 << 24,
    });
    if (run.status !== 0) return `numpy run failed: ${run.stderr}`;
    return JSON.parse(run.stdout) as Measured & { numpy: string };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

interface MemoryProbe {
  /** Typed arrays the paired bootstrap holds (pairing, cell codes and table, one delta per resample), after a GC. */
  heldMiB: number;
  /** Peak RSS growth over the bootstrap: includes garbage the GC had not yet collected. */
  peakRssMiB: number;
}

/** The bootstrap's memory in a fresh process (with --expose-gc), so earlier phases do not hide it. */
function memoryProbe(n: number, r: number): MemoryProbe {
  const child = spawnSync(
    process.execPath,
    [
      "--expose-gc",
      ...process.execArgv,
      import.meta.filename,
      "--memory-probe",
      "--rows",
      String(n),
      "--resamples",
      String(r),
    ],
    { encoding: "utf8" },
  );
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout.trim()) as MemoryProbe;
}

if (values["memory-probe"]) {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  const data = generate(rows);
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
  console.log(JSON.stringify({ heldMiB, peakRssMiB }));
} else {
  const fmt = (value: number, digits = 2): string => value.toFixed(digits);
  console.log(
    `gate bench: ${rows.toLocaleString("en-US")} predictions, ${resamples.toLocaleString("en-US")}-resample paired bootstrap of accuracy, seed ${seed}, ${runs} runs of each side interleaved`,
  );
  console.log(
    `node ${process.version}, ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ""}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  const data = generate(rows);
  const kitRuns: Measured[] = [];
  const numpyRuns: (Measured & { numpy: string })[] = [];
  let peerFailure: string | null = null;
  for (let run = 0; run < runs && peerFailure === null; run++) {
    kitRuns.push(runKit(data));
    const numpy = await runNumpy(data);
    if (typeof numpy === "string") peerFailure = numpy;
    else numpyRuns.push(numpy);
  }
  // A peer that fails fails the bench: a ratio against nothing is no measurement.
  if (peerFailure !== null) {
    console.error(`numpy, the peer, failed: ${peerFailure}`);
    process.exitCode = 1;
  } else {
    const kit = kitRuns[0] as Measured;
    const numpy = numpyRuns[0] as Measured & { numpy: string };
    const total = (m: Measured): number => m.metricsSeconds + m.bootstrapSeconds;
    const spread = (values: number[], unit = " s"): string =>
      `${fmt(median(values))}${unit} (${fmt(Math.min(...values))}-${fmt(Math.max(...values))})`;
    const rowsOut: string[][] = [["", "mlops-kit", `numpy ${numpy.numpy}`, "kit / numpy"]];
    const line = (label: string, pick: (m: Measured) => number): string[] => {
      const kitValues = kitRuns.map(pick);
      const numpyValues = numpyRuns.map(pick);
      return [label, spread(kitValues), spread(numpyValues), fmt(median(kitValues) / median(numpyValues))];
    };
    rowsOut.push(line("metrics, 2 models", (m) => m.metricsSeconds));
    rowsOut.push(line("paired bootstrap", (m) => m.bootstrapSeconds));
    rowsOut.push(line("total", total));
    rowsOut.push(["charts (curves of both)", spread(kitRuns.map((m) => m.chartsSeconds)), "", ""]);
    for (const [i, slice] of kit.sliceSeconds.entries())
      rowsOut.push([
        `slice intervals, ${slice.metric}`,
        spread(kitRuns.map((m) => m.sliceSeconds[i]?.seconds ?? Number.NaN)),
        "",
        "",
      ]);
    const widths = rowsOut[0]?.map((_, c) => Math.max(...rowsOut.map((r) => (r[c] ?? "").length))) ?? [];
    console.log("seconds as median (range) of the runs");
    for (const r of rowsOut)
      console.log(
        r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join("   "),
      );
    // Each run's share of that run's total, as median (range): the share the issue caps, measured in the same run.
    const shareOf = (part: (m: Measured) => number): string => {
      const shares = kitRuns.map((m) => (100 * part(m)) / total(m));
      return `${fmt(median(shares), 1)}% (${fmt(Math.min(...shares), 1)}-${fmt(Math.max(...shares), 1)})`;
    };
    console.log(`charts add ${shareOf((m) => m.chartsSeconds)} to the kit's total`);
    for (const [i, slice] of kit.sliceSeconds.entries())
      console.log(
        `slice intervals of ${slice.metric} add ${shareOf((m) => m.sliceSeconds[i]?.seconds ?? Number.NaN)} (${slice.methods}; ${REPORT_BOOTSTRAP_DRAWS.toLocaleString("en-US")} bootstrap draws at most)`,
      );
    // What the issue caps: the charts (curves, slice bars with intervals) and the HTML report together, at most 10% of
    // the kit's time in the same run, and an HTML report under 2 MB.
    for (const [i, slice] of kit.sliceSeconds.entries()) {
      const reportShare = (m: Measured): number => {
        const own = m.sliceSeconds[i];
        return (100 * (m.chartsSeconds + (own?.seconds ?? Number.NaN) + (own?.renderSeconds ?? Number.NaN))) / total(m);
      };
      const shares = kitRuns.map(reportShare);
      const bytes = Math.max(...kitRuns.map((m) => m.sliceSeconds[i]?.htmlBytes ?? Number.POSITIVE_INFINITY));
      console.log(
        `primary metric ${slice.metric}: charts and the HTML report add ${fmt(median(shares), 1)}% (${fmt(Math.min(...shares), 1)}-${fmt(Math.max(...shares), 1)}) [target <= 10%: ${median(shares) <= 10 ? "met" : "MISSED"}]; rendering ${spread(kitRuns.map((m) => m.sliceSeconds[i]?.renderSeconds ?? Number.NaN))}; HTML ${(bytes / 1024).toFixed(0)} KiB [target < 2 MB: ${bytes < 2e6 ? "met" : "MISSED"}], comment markdown ${((slice.markdownBytes ?? 0) / 1024).toFixed(0)} KiB`,
      );
      if (bytes >= 2e6) process.exitCode = 1;
    }
    console.log(
      `95% interval of the accuracy delta: kit [${kit.interval.map((v) => v.toFixed(5)).join(", ")}], numpy [${numpy.interval.map((v) => v.toFixed(5)).join(", ")}] (its own random stream)`,
    );
    let worst = 0;
    kit.metrics.forEach((m, i) => {
      for (const [name, value] of Object.entries(numpy.metrics[i] ?? {}))
        worst = Math.max(worst, Math.abs((m[name] ?? Number.NaN) - value));
    });
    console.log(
      `metrics agree with numpy within ${worst.toExponential(1)} (max abs difference over ${Object.keys(numpy.metrics[0] ?? {}).length} metrics x 2 models)`,
    );
    if (!(worst < 1e-9)) {
      console.error("the kit's metrics and numpy's differ by more than 1e-9");
      process.exitCode = 1;
    }
    const other = numpy;
    // Memory grows with the rows, not the resamples: the same rows at 4x and 16x the resamples, and 4x the rows.
    console.log(
      `numpy bootstrap: peak traced allocation ${fmt(other.bootstrapPeakMiB, 1)} MiB (an index array and a gather per resample)`,
    );
    const quarter = Math.max(1000, Math.floor(rows / 4));
    const probes = [
      [quarter, Math.floor(resamples / 4)],
      [quarter, resamples],
      [quarter, resamples * 4],
      [rows, resamples],
    ] as const;
    console.log("kit bootstrap memory, each in a fresh process: typed arrays held / peak RSS growth (MiB)");
    for (const [n, r] of probes) {
      const probe = memoryProbe(n, r);
      console.log(
        `  ${n.toLocaleString("en-US")} rows x ${r.toLocaleString("en-US")} resamples: ${fmt(probe.heldMiB, 2)} / ${fmt(probe.peakRssMiB, 1)}`,
      );
    }
  }
}
