import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { REPORT_BOOTSTRAP_DRAWS } from "../src/gate/slice-intervals.ts";
import { Random } from "../src/gate/significance/random.ts";
import { bundleForBench, runChild } from "./bundle.ts";
import { median, spread } from "./figures.ts";
import type { Data, KitRun, MemoryProbe } from "./gate-worker.ts";

/**
 * `npm run bench:gate`: the gate's heavy path over 1,000,000 predictions: every classification metric of two models
 * (accuracy, precision/recall/F1 in four averages, ROC AUC, average precision, log loss, Brier), then a
 * 1,000-resample paired bootstrap of the accuracy delta, as the gate runs them; and the report's charts (the
 * candidate's curves from the ranking its metrics already sorted, the baseline's from its predictions; the intervals of
 * the slice bars, by a country column of 30 values, with accuracy and with ROC AUC as the primary metric). The same
 * metrics and bootstrap, vectorised in numpy, run on the same data with /usr/bin/python3's numpy (Debian's
 * python3-numpy): numpy is required, and a missing or failing numpy fails the bench.
 *
 * Each side runs --runs times (at least 7), interleaved, the order swapped every round, every run in a fresh process
 * of its own: the kit's side (bench/gate-worker.ts) bundled with esbuild as dist/ is and run by plain `node` with
 * bench/rss.mjs, numpy's by /usr/bin/python3 (its ru_maxrss printed as rss.mjs prints it); each reads the same data
 * files and times its own phases, so start-up counts on neither side, and each reports its process's peak RSS. The
 * kit draws the bootstrap's resamples on every core (docs/gate.md), numpy's loop runs on one: both sides' CPU time is
 * printed beside their wall time. Printed: each side's median, range and max/min,
 * the ratio of the medians, and the targets of issue 22 (the kit's total at most 0.8x numpy's, its runs within 1.2x
 * of each other, its peak RSS at most 1.5x numpy's), which fail the bench when missed. Then the bootstrap's memory
 * against rows and resamples. Times are wall clock on whatever the machine is doing: quote numbers from a quiet one.
 */

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "1000000" },
    resamples: { type: "string", default: "1000" },
    seed: { type: "string", default: "42" },
    runs: { type: "string", default: "7" },
  },
});
const runs = Number(values.runs);
const rows = Number(values.rows);
const resamples = Number(values.resamples);
const seed = Number(values.seed);
const PYTHON = "/usr/bin/python3";
const MIN_RUNS = 7;
/** Issue 22's targets: kit/numpy time (medians), the kit's max/min over its runs, kit/numpy peak RSS (medians). */
const TIME_RATIO_TARGET = 0.8;
const SPREAD_TARGET = 1.2;
const RSS_RATIO_TARGET = 1.5;
const COUNTRIES = 30;

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
  const country = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const u = uniform();
    country[i] = cumulative.findIndex((edge) => u < edge);
    const y = uniform() < 0.4 ? 1 : 0;
    labels[i] = y;
    // Scores rounded to 3 decimals, so there are ties, as real models' scores have.
    const base = Math.min(1, Math.max(0, 0.3 * y + 0.7 * uniform()));
    baselineScores[i] = Math.round(base * 1000) / 1000;
    candidateScores[i] = Math.round(Math.min(1, Math.max(0, base + 0.2 * (uniform() - 0.52))) * 1000) / 1000;
  }
  const countries = Array.from({ length: COUNTRIES }, (_, k) => `c${String(k + 1).padStart(2, "0")}`);
  return { labels, candidateScores, baselineScores, country, countries };
}

async function writeData(folder: string, data: Data): Promise<void> {
  const bytes = (array: Float64Array): Uint8Array => new Uint8Array(array.buffer);
  await writeFile(path.join(folder, "labels.u8"), data.labels);
  await writeFile(path.join(folder, "candidate.f64"), bytes(data.candidateScores));
  await writeFile(path.join(folder, "baseline.f64"), bytes(data.baselineScores));
  await writeFile(path.join(folder, "country.u8"), data.country);
  await writeFile(path.join(folder, "country.json"), JSON.stringify(data.countries));
}

/** A child's last stdout line as JSON, with its peak RSS in MiB (bench/rss.mjs's line, or the numpy script's). */
async function child<T>(command: string, args: string[]): Promise<T & { rssMiB: number }> {
  const result = await runChild(command, args, process.env);
  const line = result.stdout.trim().split("\n").at(-1) ?? "";
  return { ...(JSON.parse(line) as T), rssMiB: result.rssKiB / 1024 };
}

const NUMPY = String.raw`
import json, resource, sys, time
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

t = time.perf_counter()
cpu = time.process_time()
right = {k: ((s >= 0.5).astype(np.uint8) == y) for k, s in scores.items()}
diff = right["candidate"].astype(np.int8) - right["baseline"].astype(np.int8)
rng = np.random.default_rng(seed)
deltas = np.empty(resamples)
for r in range(resamples):
    deltas[r] = diff[rng.integers(0, n, n)].mean()
low, high = np.quantile(deltas, [0.025, 0.975])
bootstrap_seconds = time.perf_counter() - t
bootstrap_cpu_seconds = time.process_time() - cpu
print(json.dumps({"metricsSeconds": metrics_seconds, "bootstrapSeconds": bootstrap_seconds,
                  "bootstrapCpuSeconds": bootstrap_cpu_seconds, "metrics": computed,
                  "interval": [float(low), float(high)], "numpy": np.__version__}))
print(f"BENCH_MAX_RSS_KB {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", file=sys.stderr)
`;

interface NumpyRun {
  metricsSeconds: number;
  bootstrapSeconds: number;
  bootstrapCpuSeconds: number;
  metrics: Record<string, number>[];
  interval: [number, number];
  numpy: string;
}

const fmt = (value: number, digits = 2): string => value.toFixed(digits);
const verdict = (met: boolean): string => (met ? "met" : "MISSED");
const spreadOf = (values: readonly number[]): number => Math.max(...values) / Math.min(...values);
/** median (min-max) and max/min of some runs' values. */
const summary = (values: readonly number[], unit: string, digits = 2): string =>
  `${spread(values, digits, unit)} x${fmt(spreadOf(values))}`;

function printTable(rowsOut: string[][]): void {
  const widths = rowsOut[0]?.map((_, c) => Math.max(...rowsOut.map((r) => (r[c] ?? "").length))) ?? [];
  for (const r of rowsOut)
    console.log(
      r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join("   "),
    );
}

async function main(): Promise<void> {
  if (!(runs >= MIN_RUNS)) {
    console.error(`--runs must be at least ${MIN_RUNS}: fewer runs cannot show a spread`);
    process.exitCode = 2;
    return;
  }
  console.log(
    `gate bench: ${rows.toLocaleString("en-US")} predictions, ${resamples.toLocaleString("en-US")}-resample paired bootstrap of accuracy, seed ${seed}, ${runs} runs of each side interleaved, each in a fresh process`,
  );
  console.log(
    `node ${process.version}, ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ""}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  if (!existsSync(PYTHON)) return peerFailed(`${PYTHON} not found`);
  const probe = spawnSync(PYTHON, ["-c", "import numpy"], { encoding: "utf8" });
  if (probe.status !== 0)
    return peerFailed("numpy is not installed for /usr/bin/python3 (apt-get install python3-numpy)");
  const folder = await mkdtemp(path.join(os.tmpdir(), "mlops-bench-gate-"));
  try {
    await writeData(folder, generate(rows));
    const worker = await bundleForBench(path.join(import.meta.dirname, "gate-worker.ts"), path.join(folder, "worker"));
    const kitArgs = ["--import", path.join(import.meta.dirname, "rss.mjs"), worker, "--data", folder];
    const settings = ["--resamples", String(resamples), "--seed", String(seed)];
    const runKit = (): Promise<KitRun & { rssMiB: number }> =>
      child<KitRun>(process.execPath, [...kitArgs, ...settings]);
    const runNumpy = (): Promise<NumpyRun & { rssMiB: number }> =>
      child<NumpyRun>(PYTHON, ["-c", NUMPY, folder, String(rows), String(resamples), String(seed)]);
    const kitRuns: (KitRun & { rssMiB: number })[] = [];
    const numpyRuns: (NumpyRun & { rssMiB: number })[] = [];
    for (let run = 0; run < runs; run++) {
      // The order swapped every round, so neither side always runs on the other's leftovers (page cache, heat).
      if (run % 2 === 0) kitRuns.push(await runKit());
      try {
        numpyRuns.push(await runNumpy());
      } catch (error) {
        return peerFailed((error as Error).message);
      }
      if (run % 2 === 1) kitRuns.push(await runKit());
    }
    report(kitRuns, numpyRuns);
    await memory(kitArgs, settings);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** A peer that fails fails the bench: a ratio against nothing is no measurement. */
function peerFailed(reason: string): void {
  console.error(`numpy, the peer, failed: ${reason}`);
  process.exitCode = 1;
}

function report(kitRuns: (KitRun & { rssMiB: number })[], numpyRuns: (NumpyRun & { rssMiB: number })[]): void {
  const kit = kitRuns[0] as KitRun;
  const numpy = numpyRuns[0] as NumpyRun;
  const total = (m: { metricsSeconds: number; bootstrapSeconds: number }): number =>
    m.metricsSeconds + m.bootstrapSeconds;
  const rowsOut: string[][] = [["", "mlops-kit", `numpy ${numpy.numpy}`, "kit / numpy"]];
  const line = (label: string, pick: (m: KitRun | NumpyRun) => number): string[] => {
    const kitValues = kitRuns.map(pick);
    const numpyValues = numpyRuns.map(pick);
    return [label, summary(kitValues, " s"), summary(numpyValues, " s"), fmt(median(kitValues) / median(numpyValues))];
  };
  rowsOut.push(line("metrics, 2 models", (m) => m.metricsSeconds));
  rowsOut.push(line("paired bootstrap", (m) => m.bootstrapSeconds));
  // The kit draws resamples on every core, numpy on one: their CPU time says what each costs the machine.
  rowsOut.push(line("  its CPU time, all threads", (m) => m.bootstrapCpuSeconds));
  rowsOut.push(line("total", total));
  const kitRss = kitRuns.map((m) => m.rssMiB);
  const numpyRss = numpyRuns.map((m) => m.rssMiB);
  rowsOut.push([
    "peak RSS",
    summary(kitRss, " MiB", 0),
    summary(numpyRss, " MiB", 0),
    fmt(median(kitRss) / median(numpyRss)),
  ]);
  rowsOut.push([
    "charts (curves of both)",
    summary(
      kitRuns.map((m) => m.chartsSeconds),
      " s",
    ),
    "",
    "",
  ]);
  for (const [i, slice] of kit.sliceSeconds.entries())
    rowsOut.push([
      `slice intervals, ${slice.metric}`,
      summary(
        kitRuns.map((m) => m.sliceSeconds[i]?.seconds ?? Number.NaN),
        " s",
      ),
      "",
      "",
    ]);
  console.log("median (range) xmax/min of the runs");
  printTable(rowsOut);
  const timeRatio = median(kitRuns.map(total)) / median(numpyRuns.map(total));
  const spread = spreadOf(kitRuns.map(total));
  const rssRatio = median(kitRss) / median(numpyRss);
  console.log(
    `targets (issue 22): kit's total / numpy's ${fmt(timeRatio)} [<= ${TIME_RATIO_TARGET}: ${verdict(timeRatio <= TIME_RATIO_TARGET)}]; kit's max/min ${fmt(spread)} [<= ${SPREAD_TARGET}: ${verdict(spread <= SPREAD_TARGET)}]; peak RSS kit / numpy ${fmt(rssRatio)} [<= ${RSS_RATIO_TARGET}: ${verdict(rssRatio <= RSS_RATIO_TARGET)}]`,
  );
  if (timeRatio > TIME_RATIO_TARGET || spread > SPREAD_TARGET || rssRatio > RSS_RATIO_TARGET) process.exitCode = 1;
  // Each run's share of that run's total, as median (range): the share the issue caps, measured in the same run.
  const shareOf = (part: (m: KitRun) => number): string => {
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
    const reportShare = (m: KitRun): number => {
      const own = m.sliceSeconds[i];
      return (100 * (m.chartsSeconds + (own?.seconds ?? Number.NaN) + (own?.renderSeconds ?? Number.NaN))) / total(m);
    };
    const shares = kitRuns.map(reportShare);
    const bytes = Math.max(...kitRuns.map((m) => m.sliceSeconds[i]?.htmlBytes ?? Number.POSITIVE_INFINITY));
    console.log(
      `primary metric ${slice.metric}: charts and the HTML report add ${fmt(median(shares), 1)}% (${fmt(Math.min(...shares), 1)}-${fmt(Math.max(...shares), 1)}) [target <= 10%: ${verdict(median(shares) <= 10)}]; rendering ${summary(
        kitRuns.map((m) => m.sliceSeconds[i]?.renderSeconds ?? Number.NaN),
        " s",
      )}; HTML ${(bytes / 1024).toFixed(0)} KiB [target < 2 MB: ${verdict(bytes < 2e6)}], comment markdown ${((slice.markdownBytes ?? 0) / 1024).toFixed(0)} KiB`,
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
}

/** Memory grows with the rows, not the resamples: the same rows at 4x and 16x the resamples, and 4x the rows. */
async function memory(kitArgs: string[], settings: string[]): Promise<void> {
  const quarter = Math.max(1000, Math.floor(rows / 4));
  const probes = [
    [quarter, Math.floor(resamples / 4)],
    [quarter, resamples],
    [quarter, resamples * 4],
    [rows, resamples],
  ] as const;
  console.log("kit bootstrap memory, each in a fresh process: typed arrays held / peak RSS growth (MiB)");
  for (const [n, r] of probes) {
    const args = [...kitArgs, ...settings, "--memory-probe", "--rows", String(n), "--resamples", String(r)];
    const probe = await child<MemoryProbe>(process.execPath, ["--expose-gc", ...args]);
    console.log(
      `  ${n.toLocaleString("en-US")} rows x ${r.toLocaleString("en-US")} resamples: ${fmt(probe.heldMiB, 2)} / ${fmt(probe.peakRssMiB, 1)}`,
    );
  }
}

await main();
