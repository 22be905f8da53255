import { rowsByCode } from "../evaluate/coded.ts";
import type { Predictions } from "../evaluate/predictions.ts";
import type { SliceBar, SliceBars, ValueInterval } from "./charts.ts";
import { pairedBootstrap } from "./significance/bootstrap.ts";
import { deLongInterval } from "./significance/delong.ts";
import { normalMeanInterval } from "./significance/normal-mean.ts";
import { type ClassCodes, type PairedData, restrictRows } from "./significance/paired-data.ts";
import { type Pairing, pairPredictions } from "./significance/pairing.ts";
import { type PairedStatistic, pairedStatistic } from "./significance/statistics.ts";
import { wilsonInterval } from "./significance/wilson.ts";

/**
 * An interval for every drawn slice bar (docs/gate.md, "Per-slice bars"): the candidate's value in the slice gets one
 * (the bar's error bar), and so does the change where both models' predictions are on the same rows, unless a slice
 * rule's paired test already gave it. The candidate's value gets a closed form where one fits, one pass (or one sort)
 * over the slice's rows: a proportion (accuracy, binary recall or precision) Wilson's score interval, binary ROC AUC
 * DeLong's, a mean over rows (log loss, Brier, MAE, MSE, MAPE; RMSE through MSE's) the normal interval of the mean.
 * Any other metric, and every change, gets the gate's own bootstrap (significance/bootstrap.ts: its seed, its
 * resamples, its percentile interval), so the report's numbers are the ones a slice rule with `significance` would give.
 *
 * Cost: a bootstrap is resamples × rows draws, and the gate may see a million rows. The report spends at most
 * {@link REPORT_BOOTSTRAP_DRAWS} bootstrap draws in all (a ranking metric's count double), smallest slices first; the
 * closed forms spend none of it. A slice past the budget says so in its cell, and a slice rule with `significance`
 * still computes its interval.
 */

/**
 * 1% of the draws of the gate's own 1,000-resample bootstrap over a million rows: `npm run bench:gate` measured the
 * report's slice intervals at 3.7% of that gate's time with twice this budget (most of it grouping the rows by slice,
 * which any budget pays), and at 6.5% for ROC AUC, whose resamples also re-walk the ranking. Binary ROC AUC, the mean
 * losses and the proportions now take closed forms that spend none of it (DeLong's ROC AUC intervals on all 20 bars of
 * that gate: 2.9%); it is left to the other metrics and to the changes.
 */
export const REPORT_BOOTSTRAP_DRAWS = 10_000_000;

export interface SliceIntervalSources {
  /** The candidate's predictions, with its slice columns (row i of every slice column is row i of the file). */
  candidate: Predictions;
  positiveLabel: string | undefined;
  /** The candidate's rows paired with the baseline's, or why not; null without a baseline's predictions. */
  pairing: Pairing | null;
  /** The gate's bootstrap settings, and the level (a rule's on the metric, else 95%). */
  settings: { resamples: number; seed: number; level: number };
  /** The draws the bootstraps may spend in all (tests lower it). */
  budget?: number;
}

/** The same bars with their intervals, and where one is missing, why. */
export function withSliceIntervals(slices: readonly SliceBars[], sources: SliceIntervalSources): SliceBars[] {
  const { settings } = sources;
  const unpaired = !sources.pairing
    ? "there are no baseline predictions to pair with"
    : sources.pairing.paired
      ? null
      : sources.pairing.reason;
  const out = slices.map((bars) => ({
    ...bars,
    unpaired,
    bars: bars.bars.map((bar): SliceBar => ({
      ...bar,
      candidateInterval: null,
      candidateIntervalMissing: null,
      changeIntervalMissing: null,
    })),
  }));
  // Smallest slices first, so the budget serves as many bars as it can.
  const jobs = out.flatMap((bars) => {
    const rows = rowsOfValues(
      sources.candidate,
      bars.column,
      bars.bars.map((bar) => bar.value),
    );
    return bars.bars.map((bar) => ({ bar, metric: bars.metric, rows: rows.get(bar.value) ?? new Uint32Array() }));
  });
  jobs.sort((a, b) => a.rows.length - b.rows.length);
  const total = sources.budget ?? REPORT_BOOTSTRAP_DRAWS;
  const intervals = intervalMaker(sources, {
    total,
    left: total,
    whose: "the report's",
    before: "smaller slices",
    remedy: "a slice rule with significance computes it",
  });
  for (const { bar, metric, rows } of jobs) {
    const paired = bar.interval === null && sources.pairing?.paired ? sources.pairing.data : null;
    const missing = (why: string): void => {
      bar.candidateIntervalMissing = why;
      if (paired) bar.changeIntervalMissing = why;
    };
    if (bar.candidate === null) {
      missing(`${metric} is undefined in this slice`);
      continue;
    }
    if (rows.length <= 1) {
      missing(rows.length === 1 ? "one row: nothing to resample" : "no rows");
      continue;
    }
    const value = intervals.value(metric, rows);
    if (typeof value === "string") bar.candidateIntervalMissing = value;
    else bar.candidateInterval = value;
    if (!paired) continue;
    const change = intervals.change(paired, metric, rows);
    if (typeof change === "string") bar.changeIntervalMissing = change;
    else {
      const { low, high } = change;
      bar.interval = {
        low,
        high,
        level: settings.level,
        relative: false,
        resamples: settings.resamples,
        source: "report",
      };
    }
  }
  return out;
}

/**
 * The interval of each metric's value over all the candidate's rows (the model card's, src/card/intervals.ts): the same
 * closed forms and the same bootstrap, with the same budget, as a slice's bar; a reason in words where there is none.
 * `levels` gives a metric its own level (a rule's significance on it), else `settings.level`.
 */
export function overallIntervals(
  metrics: readonly string[],
  sources: Omit<SliceIntervalSources, "pairing"> & { levels?: ReadonlyMap<string, number> },
): Map<string, ValueInterval | string> {
  const all = new Uint32Array(sources.candidate.rows);
  for (let row = 0; row < all.length; row++) all[row] = row;
  const budget: Budget = {
    total: sources.budget ?? REPORT_BOOTSTRAP_DRAWS,
    left: sources.budget ?? REPORT_BOOTSTRAP_DRAWS,
    whose: "the model card's",
    before: "the metrics before it",
    remedy: "",
  };
  const intervals = intervalMaker({ ...sources, pairing: null }, budget);
  const out = new Map<string, ValueInterval | string>();
  for (const metric of metrics) {
    if (all.length <= 1) out.set(metric, all.length === 1 ? "one row: nothing to resample" : "no rows");
    else out.set(metric, intervals.value(metric, all, sources.levels?.get(metric) ?? sources.settings.level));
  }
  return out;
}

/** The bootstrap draws a set of intervals may spend in all, and the words that say so when one is past it. */
interface Budget {
  readonly total: number;
  left: number;
  /** "the report's" */
  whose: string;
  /** What spent the budget before: "smaller slices". */
  before: string;
  /** What to do instead, in parentheses after the message; empty for nothing. */
  remedy: string;
}

/**
 * The candidate's value interval on a set of rows (a closed form where one fits, else the bootstrap) and the change's,
 * the bootstraps spending one budget between them.
 */
function intervalMaker(
  sources: SliceIntervalSources,
  budget: Budget,
): {
  value: (metric: string, rows: Rows, level?: number) => ValueInterval | string;
  change: (paired: PairedData, metric: string, rows: Rows) => { low: number; high: number } | string;
} {
  const { settings } = sources;
  const candidateOnly = lazy(() => selfPaired(sources));
  const bootstrap = (
    whole: PairedData,
    rows: Rows,
    statistic: (data: PairedData) => PairedStatistic | string,
    level: number,
  ): { low: number; high: number } | string => {
    const draws = rows.length * settings.resamples;
    // Said as it is: more than the whole budget, or more than what was spent before left of it.
    const over = (cost: number): string =>
      `${rows.length} rows × ${settings.resamples} resamples is more than ${
        cost > budget.total
          ? `${budget.whose} budget of ${budget.total} bootstrap draws`
          : `the ${budget.left} bootstrap draws ${budget.before} left of ${budget.whose} budget of ${budget.total}`
      }${budget.remedy ? ` (${budget.remedy})` : ""}`;
    if (draws > budget.left) return over(draws);
    const data = restrictRows(whole, rows);
    const built = statistic(data);
    if (typeof built === "string") return built;
    // A "weights" statistic walks every row once more per resample (ranking metrics, medians): it counts double.
    const cost = built.family === "weights" ? 2 * draws : draws;
    if (cost > budget.left) return over(cost);
    budget.left -= cost;
    const outcome = pairedBootstrap(built, data.n, { ...settings, level }, false);
    return "interval" in outcome ? outcome.interval : outcome.unavailable;
  };
  return {
    value(metric, rows, level = settings.level) {
      const proportion = wilsonCounts(metric, candidateOnly(), rows);
      if (proportion) return typeof proportion === "string" ? proportion : wilson(proportion, level);
      const closed = closedForm(metric, candidateOnly(), rows, level);
      if (closed) return closed;
      const interval = bootstrap(candidateOnly(), rows, (d) => statisticOf(metric, d, true), level);
      if (typeof interval === "string") return interval;
      return { ...interval, level, method: "bootstrap", resamples: settings.resamples };
    },
    change: (paired, metric, rows) => bootstrap(paired, rows, (d) => statisticOf(metric, d, false), settings.level),
  };
}

/** The candidate against itself: the paired machinery then resamples one model, and the "delta" is its value. */
function selfPaired(sources: SliceIntervalSources): PairedData {
  if (sources.pairing?.paired) {
    const data = sources.pairing.data;
    return data.task === "regression"
      ? { ...data, baseline: data.candidate }
      : {
          ...data,
          baseline: data.candidate,
          baselineScores: data.candidateScores,
          baselineProbabilities: data.candidateProbabilities,
        };
  }
  // Paired by position with itself (ids would only cost a lookup per row).
  const alone = { ...sources.candidate, ids: null };
  const pairing = pairPredictions(alone, alone, sources.positiveLabel);
  if (!pairing.paired) throw new Error(`the candidate's predictions do not pair with themselves: ${pairing.reason}`);
  return pairing.data;
}

/** The metric's paired statistic; with `alone`, its candidate half only (minus zero, so the "delta" is the value). */
function statisticOf(metric: string, data: PairedData, alone: boolean): PairedStatistic | string {
  const built = pairedStatistic(metric, data);
  if ("unavailable" in built) return built.unavailable;
  if (!alone) return built.statistic;
  const s = built.statistic;
  switch (s.family) {
    case "cells":
      return { ...s, finalize: (counts: Int32Array): [number, number] => [s.finalize(counts)[0], 0] };
    case "sums":
      return { ...s, finalize: (sums: Float64Array, n: number): [number, number] => [s.finalize(sums, n)[0], 0] };
    case "weights":
      return { ...s, finalize: (weights: Int32Array): [number, number] => [s.finalize(weights)[0], 0] };
  }
}

/**
 * The counts of a metric that is a proportion of rows: accuracy (and its micro averages) is the share of rows right,
 * binary recall the share of the positives found, binary precision the share of predicted positives that are. null
 * for any other metric; a reason when the proportion has no rows to be a share of.
 */
function wilsonCounts(
  metric: string,
  data: PairedData,
  rows: Rows,
): { successes: number; trials: number } | string | null {
  if (data.task !== "classification") return null;
  const { truth, candidate, positive } = data;
  if (["accuracy", "precision_micro", "recall_micro", "f1_micro"].includes(metric)) {
    let right = 0;
    for (let j = 0; j < rows.length; j++) {
      const i = rows[j] ?? 0;
      if (truth[i] === candidate[i]) right++;
    }
    return { successes: right, trials: rows.length };
  }
  if ((metric !== "recall" && metric !== "precision") || positive === null) return null;
  const counted = metric === "recall" ? truth : candidate;
  let trials = 0;
  let successes = 0;
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j] ?? 0;
    if (counted[i] !== positive) continue;
    trials++;
    if (truth[i] === candidate[i]) successes++;
  }
  if (trials > 0) return { successes, trials };
  return metric === "recall"
    ? "no row of the slice has the positive label"
    : "no row of the slice is predicted positive";
}

/** The metrics whose gate statistic is a mean of per-row values ("sums"), RMSE through the mean of its squares. */
const MEAN_METRICS = new Set(["log_loss", "brier_score", "mae", "mse", "rmse", "mape"]);

/**
 * DeLong's interval for binary ROC AUC, the normal interval of the mean for a mean over rows; null for any other
 * metric (the bootstrap's then), a reason when the metric has none on these rows.
 */
function closedForm(metric: string, whole: PairedData, rows: Rows, level: number): ValueInterval | string | null {
  if (metric === "roc_auc" && whole.task === "classification") {
    const { candidateScores: scores, positive, probabilityClasses } = whole;
    // Multiclass ROC AUC (an average of one-vs-rest or one-vs-one AUCs) is the bootstrap's.
    if (!scores || positive === null || (probabilityClasses && probabilityClasses.length > 2)) return null;
    const interval = deLongInterval(scores, positiveFlags(whole.truth, positive, rows), level, rows);
    if (typeof interval === "string") return interval;
    const { low, high, clamped } = interval;
    return { low, high, level, method: "delong", resamples: null, ...(clamped ? { clamped } : {}) };
  }
  if (!MEAN_METRICS.has(metric)) return null;
  const data = restrictRows(whole, rows);
  const built = statisticOf(metric, data, true);
  if (typeof built === "string") return built;
  if (built.family !== "sums") return null;
  const interval = normalMeanInterval(built.columns[0] ?? new Float64Array(), level);
  // Every mean metric is a loss, never below 0; its value is a monotone function of the mean (RMSE the square root).
  const value = (mean: number): number => built.finalize(Float64Array.of(mean * data.n, mean * data.n), data.n)[0];
  const clamped = interval.low < 0;
  return {
    low: value(Math.max(0, interval.low)),
    high: value(interval.high),
    level,
    method: "normal",
    resamples: null,
    ...(clamped ? { clamped } : {}),
  };
}

/** Per row of `rows`, whether its truth is the positive class (a loop in a function of its own: see ranking.ts). */
function positiveFlags(truth: ClassCodes, positive: number, rows: Rows): Uint8Array {
  const flags = new Uint8Array(rows.length);
  for (let j = 0; j < rows.length; j++) flags[j] = truth[rows[j] ?? 0] === positive ? 1 : 0;
  return flags;
}

function wilson(counts: { successes: number; trials: number }, level: number): ValueInterval {
  return { ...wilsonInterval(counts.successes, counts.trials, level), level, method: "wilson", resamples: null };
}

/** Per value, the rows (in file order) whose `column` holds it (coded.ts's rowsByCode over the column's codes). */
function rowsOfValues(candidate: Predictions, column: string, values: readonly string[]): Map<string, Uint32Array> {
  const coded = candidate.slices.get(column);
  const wanted = new Set(values);
  // A class no bar shows gets no list.
  const groups = coded ? rowsByCode(coded, undefined, (code) => wanted.has(coded.classes[code] ?? "")) : [];
  const byValue = new Map(coded?.classes.map((value, code) => [value, groups[code]]));
  return new Map(values.map((value) => [value, byValue.get(value) ?? new Uint32Array()]));
}

/** Row indices into the candidate's predictions (one slice, or all rows). */
type Rows = ArrayLike<number>;

function lazy<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}
