import { builtinMetric, perClassMetric } from "../config/metrics.ts";
import { compareCodePoints, metricsFromConfusion, type ZeroDivision } from "../evaluate/confusion.ts";
import { type ClassProbabilities, rowsSumToOne } from "../evaluate/metrics.ts";
import { descendingOrder, type Ranked } from "../evaluate/ranking.ts";
import { InputError } from "../errors.ts";
import { MAX_UNDEFINED_SHARE, quantile } from "../gate/significance/bootstrap.ts";
import { type ScoredRows, simulateRealisedMetrics } from "./cbpe-simulation.ts";
import { type CountInterval, EXACT_POISSON_BINOMIAL_ROWS, poissonBinomialInterval } from "./poisson-binomial.ts";

/**
 * Confidence-Based Performance Estimation (DOMAIN.md §7, as NannyML defines it): before labels arrive, a classifier's
 * calibrated scores say how likely each row is to be each class, so the confusion matrix to expect is the sum of those
 * probabilities (a row predicted c adds P(true class = t) to cell (t, c)), and the estimated metric is the gate's own
 * metric (src/evaluate/confusion.ts) computed from that expected matrix. Under the same assumption the realised
 * metric of the window is a random variable, and its central interval is the estimate's interval: exact (or normal)
 * for accuracy, whose count of correct rows is Poisson-binomial, and a seeded Monte Carlo over the rows' outcomes for
 * every other metric. Pure: arrays in, numbers and reasons out.
 */

/** Binary: each row's score is P(positive). Multiclass: a probability per class and row, rows summing to 1. */
export type CbpeScores =
  | { kind: "binary"; positive: string; negative: string; scores: ArrayLike<number> }
  | { kind: "multiclass"; probabilities: ClassProbabilities };

export interface CbpeInput {
  /** The class each row was predicted as; every value one of the classes the scores are for. */
  predictions: readonly string[];
  scores: CbpeScores;
  /** Metric names as the gate names them (src/config/metrics.ts). */
  metrics: readonly string[];
  /** Interval level; 0.95 unless given. */
  level?: number;
  /** Monte Carlo draws of the window's outcomes; 1,000 unless given. */
  simulations?: number;
  /** The Monte Carlo's seed (the gate's generator, src/gate/significance/random.ts); 42 unless given. */
  seed?: number;
  /** Accuracy's interval is exact up to this many rows, normal above; {@link EXACT_POISSON_BINOMIAL_ROWS} unless given. */
  exactRows?: number;
}

export type CbpeMethod = "poisson-binomial" | "normal-approximation" | "monte-carlo";

export interface CbpeEstimate {
  metric: string;
  /** The metric of the expected confusion matrix (ROC AUC: of the expected ROC curve). */
  estimate: number;
  /** Where the realised metric lies with probability `level` if the scores are calibrated. */
  interval: { low: number; high: number; level: number };
  method: CbpeMethod;
  /** The method in words, for the report. */
  how: string;
}

export interface CbpeResult {
  rows: number;
  estimates: CbpeEstimate[];
  /** Requested metrics CBPE cannot estimate here, each with why (to be read after "not estimated:"). */
  unavailable: Record<string, string>;
  /** What the estimate rests on, for the report to print beside it. */
  assumption: string;
  /** The expected confusion matrix: classes sorted as the gate sorts them; rows true classes, columns predicted. */
  expectedConfusion: { labels: string[]; matrix: number[][] };
  warnings: string[];
}

export const CBPE_ASSUMPTION =
  "CBPE assumes the scores are calibrated on this window's data: of the rows scored 0.8 for a class, 8 in 10 are " +
  "that class. It holds while the relation between features and label is the one the model learnt (no concept " +
  "drift); when it does not, the estimate is off and its interval does not cover the realised metric, so compare " +
  "with realised metrics once labels join.";

/** Metrics CBPE does not estimate, with why. */
const REFUSED: Record<string, string> = {
  log_loss:
    "it measures how well the scores are calibrated, which CBPE assumes, so its estimate would hold by construction",
  brier_score:
    "it measures how well the scores are calibrated, which CBPE assumes, so its estimate would hold by construction",
  expected_calibration_error: "CBPE assumes the scores are calibrated, so it would always estimate 0",
  average_precision: "the kit estimates ROC AUC from scores but not average precision; watch it as a realised metric",
  roc_auc_ovo: "the kit estimates one-vs-rest ROC AUC (roc_auc, roc_auc_ovr_weighted) but not one-vs-one",
};

/** The metrics computed from a confusion matrix (by metricsFromConfusion) whose interval comes from simulation. */
const CONFUSION_METRICS = new Set([
  "balanced_accuracy",
  "precision_macro",
  "recall_macro",
  "f1_macro",
  "precision_weighted",
  "recall_weighted",
  "f1_weighted",
]);
/** In single-label classification these equal accuracy: the share of rows predicted correctly. */
const ACCURACY_ALIASES = new Set(["accuracy", "precision_micro", "recall_micro", "f1_micro"]);
const BINARY_ONLY = new Set(["precision", "recall", "f1"]);
const RANKING_METRICS = new Set(["roc_auc", "roc_auc_ovr_weighted"]);

export function estimatePerformance(input: CbpeInput): CbpeResult {
  const level = input.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new RangeError(`an interval level is between 0 and 1, not ${level}`);
  const simulations = input.simulations ?? 1000;
  if (!(Number.isInteger(simulations) && simulations >= 1)) {
    throw new RangeError(`the number of simulations is a whole number of at least 1, not ${simulations}`);
  }
  const rows = scoredRows(input);
  const n = input.predictions.length;
  const k = rows.classes.length;
  const expected = expectedConfusion(rows);
  const unavailable: Record<string, string> = {};
  const warnings: string[] = [];
  const result = (estimates: CbpeEstimate[]): CbpeResult => ({
    rows: n,
    estimates,
    unavailable,
    assumption: CBPE_ASSUMPTION,
    expectedConfusion: {
      labels: rows.classes,
      matrix: rows.classes.map((_, t) => [...expected.subarray(t * k, t * k + k)]),
    },
    warnings,
  });
  const wanted = input.metrics.filter((metric) => {
    const reason = refusal(metric, rows);
    if (reason !== null) unavailable[metric] = reason;
    return reason === null;
  });
  if (n === 0) {
    for (const metric of wanted) unavailable[metric] = "the window has no rows";
    return result([]);
  }
  const zeroDivisions = new Set<ZeroDivision>();
  const estimatedValues = metricsFromConfusion(
    expected,
    k,
    rows.positive === null ? null : { positive: rows.positive },
    zeroDivisions,
    rows.classes,
  );
  for (const what of zeroDivisions) {
    warnings.push(`the expected ${what} has a zero denominator; estimated as 0, as scikit-learn reports it`);
  }
  const ranked = wanted.some((metric) => RANKING_METRICS.has(metric)) ? rankColumns(rows) : null;
  if (ranked) Object.assign(estimatedValues, expectedRocAucs(rows, ranked));
  const simulated = wanted.filter((metric) => !ACCURACY_ALIASES.has(metric));
  const seed = input.seed ?? 42;
  const draws = simulated.length > 0 ? simulateRealisedMetrics(rows, ranked, simulated, simulations, seed) : null;
  const estimates: CbpeEstimate[] = [];
  let accuracyInterval: CountInterval | null = null;
  for (const metric of wanted) {
    const estimate = estimatedValues[metric] ?? Number.NaN;
    if (Number.isNaN(estimate)) {
      unavailable[metric] = "the scores expect no row of some class, so the metric has no value to estimate";
      continue;
    }
    if (ACCURACY_ALIASES.has(metric)) {
      const exactRows = input.exactRows ?? EXACT_POISSON_BINOMIAL_ROWS;
      accuracyInterval ??= poissonBinomialInterval(chanceOfPredictedClass(rows), level, exactRows);
      estimates.push(accuracyEstimate(metric, estimate, accuracyInterval, { n, level, exactRows }));
      continue;
    }
    const outcome = simulatedEstimate(metric, estimate, draws?.get(metric), { level, simulations, seed });
    if ("unavailable" in outcome) unavailable[metric] = outcome.unavailable;
    else estimates.push(outcome);
  }
  return result(estimates);
}

function accuracyEstimate(
  metric: string,
  estimate: number,
  { low, high, method }: CountInterval,
  settings: { n: number; level: number; exactRows: number },
): CbpeEstimate {
  return {
    metric,
    estimate,
    interval: { low: low / settings.n, high: high / settings.n, level: settings.level },
    method,
    how:
      method === "poisson-binomial"
        ? "exact: the count of correct rows is Poisson-binomial, each row right with its score's probability"
        : `normal approximation to the Poisson-binomial count of correct rows (mean Σp, variance Σp(1-p)), used past ${settings.exactRows} rows`,
  };
}

/** The central interval of the simulated realised values, unless the metric is too often undefined in them. */
function simulatedEstimate(
  metric: string,
  estimate: number,
  values: Float64Array | undefined,
  settings: { level: number; simulations: number; seed: number },
): CbpeEstimate | { unavailable: string } {
  const { level, simulations, seed } = settings;
  const defined = values ? values.filter((value) => !Number.isNaN(value)).sort() : new Float64Array();
  const undefinedDraws = simulations - defined.length;
  // As the gate's bootstrap: past this share, the interval would describe windows unlike this one.
  if (defined.length === 0 || undefinedDraws > MAX_UNDEFINED_SHARE * simulations) {
    return {
      unavailable: `it is undefined in ${undefinedDraws} of ${simulations} simulated windows (too few rows of some class)`,
    };
  }
  const tail = (1 - level) / 2;
  return {
    metric,
    estimate,
    interval: { low: quantile(defined, tail), high: quantile(defined, 1 - tail), level },
    method: "monte-carlo",
    how: `the central ${Math.round(level * 1000) / 10}% of the metric over ${simulations} simulated windows (seed ${seed}), each row's class drawn from its scores`,
  };
}

/** Why `metric` cannot be estimated for these rows, or null when it can. */
function refusal(metric: string, rows: ScoredRows): string | null {
  const known = REFUSED[metric];
  if (known !== undefined) return known;
  const perClass = perClassMetric(metric);
  if (perClass) {
    return rows.classes.includes(perClass.label)
      ? null
      : `${JSON.stringify(perClass.label)} is not one of the classes the scores are for (${rows.classes.map((c) => JSON.stringify(c)).join(", ")})`;
  }
  const builtin = builtinMetric(metric);
  if (!builtin) return "CBPE estimates built-in classification metrics only, not custom ones";
  if (builtin.task !== "classification") {
    return "CBPE estimates classification metrics from class probabilities; a regressor has none";
  }
  if (BINARY_ONLY.has(metric) && rows.positive === null) {
    return `${metric} of one positive class is for binary classifiers; use ${metric}_macro or ${metric}_weighted`;
  }
  if (metric === "roc_auc_ovr_weighted" && rows.positive !== null) {
    return "roc_auc_ovr_weighted is for multiclass classifiers; a binary one has roc_auc";
  }
  if (ACCURACY_ALIASES.has(metric) || CONFUSION_METRICS.has(metric) || BINARY_ONLY.has(metric)) return null;
  if (RANKING_METRICS.has(metric)) return null;
  // Every built-in classification metric is handled above; a new one must be placed in one of the sets.
  return "CBPE does not estimate this metric yet";
}

/** Checks the input and lays it out as one probability column per class, with the predicted class of each row. */
export function scoredRows(input: CbpeInput): ScoredRows {
  const { predictions, scores } = input;
  const n = predictions.length;
  if (scores.kind === "binary") {
    if (scores.positive === scores.negative) {
      throw new InputError(`the positive and the negative class are both ${JSON.stringify(scores.positive)}`, {
        hint: "name the two classes of the binary classifier",
      });
    }
    if (scores.scores.length !== n) throw lengthMismatch("scores", scores.scores.length, n);
    const classes = [scores.negative, scores.positive].sort(compareCodePoints);
    const positive = classes.indexOf(scores.positive);
    const columns = [new Float64Array(n), new Float64Array(n)];
    for (let i = 0; i < n; i++) {
      const score = scores.scores[i] ?? Number.NaN;
      if (!(score >= 0 && score <= 1)) {
        throw new InputError(`row ${i + 1}: the score ${score} is not a probability between 0 and 1`, {
          hint: "CBPE needs the positive class's calibrated probability, not a margin or a logit",
        });
      }
      (columns[positive] as Float64Array)[i] = score;
      (columns[1 - positive] as Float64Array)[i] = 1 - score;
    }
    return { classes, probabilities: columns, predicted: predictedIndices(predictions, classes), positive };
  }
  const { classes, columns } = scores.probabilities;
  if (classes.length < 2 || columns.length !== classes.length || new Set(classes).size !== classes.length) {
    throw new InputError(`class probabilities need one column for each of two or more distinct classes`, {
      hint: `found ${columns.length} columns for the classes ${classes.map((c) => JSON.stringify(c)).join(", ")}`,
    });
  }
  for (const column of columns) {
    if (column.length !== n) throw lengthMismatch("class probabilities", column.length, n);
    const bad = column.findIndex((p) => !(p >= 0 && p <= 1));
    if (bad >= 0) {
      throw new InputError(`row ${bad + 1}: the class probability ${column[bad]} is not between 0 and 1`, {
        hint: "CBPE needs each row's calibrated class probabilities (a softmax output), one column per class",
      });
    }
  }
  if (!rowsSumToOne(columns, n)) {
    throw new InputError("the class probabilities of some row do not sum to 1", {
      hint: "CBPE needs each row's calibrated class probabilities (a softmax output), one column per class",
    });
  }
  const order = classes.map((_, c) => c).sort((a, b) => compareCodePoints(classes[a] ?? "", classes[b] ?? ""));
  const sorted = order.map((c) => classes[c] ?? "");
  return {
    classes: sorted,
    probabilities: order.map((c) => columns[c] ?? new Float64Array(n)),
    predicted: predictedIndices(predictions, sorted),
    positive: null,
  };
}

function lengthMismatch(what: string, length: number, n: number): InputError {
  return new InputError(`${length} ${what} for ${n} predictions`, { hint: "give one value per predicted row" });
}

function predictedIndices(predictions: readonly string[], classes: readonly string[]): Int32Array {
  const index = new Map(classes.map((c, i) => [c, i]));
  const predicted = new Int32Array(predictions.length);
  for (let i = 0; i < predictions.length; i++) {
    const c = index.get(predictions[i] ?? "");
    if (c === undefined) {
      throw new InputError(
        `row ${i + 1}: the prediction ${JSON.stringify(predictions[i])} is not one of the classes the scores are for (${classes.map((name) => JSON.stringify(name)).join(", ")})`,
        { hint: "log the predicted class with the same labels as the scores' classes" },
      );
    }
    predicted[i] = c;
  }
  return predicted;
}

/** Row-major k×k: cell (t, c) sums P(true class t) over the rows predicted c. */
export function expectedConfusion({ classes, probabilities, predicted }: ScoredRows): Float64Array {
  const k = classes.length;
  const counts = new Float64Array(k * k);
  for (let t = 0; t < k; t++) {
    const column = probabilities[t] ?? new Float64Array();
    for (let i = 0; i < predicted.length; i++) {
      const cell = t * k + (predicted[i] ?? 0);
      counts[cell] = (counts[cell] ?? 0) + (column[i] ?? 0);
    }
  }
  return counts;
}

/** Each row's probability of being right: its probability of the class it was predicted as. */
function chanceOfPredictedClass({ probabilities, predicted }: ScoredRows): Float64Array {
  const p = new Float64Array(predicted.length);
  for (let i = 0; i < predicted.length; i++) p[i] = probabilities[predicted[i] ?? 0]?.[i] ?? 0;
  return p;
}

/** The ranking each ROC AUC walks: binary, the positive class's scores; multiclass, every class's column. */
function rankColumns(rows: ScoredRows): Ranked[] {
  const columns =
    rows.positive === null ? rows.probabilities : [rows.probabilities[rows.positive] ?? new Float64Array()];
  return columns.map((column) => descendingOrder(column));
}

/**
 * NannyML's estimated ROC AUC: the trapezoidal area under the expected ROC curve, whose point at each distinct score
 * has as true positives the sum of the positive probabilities of the rows scored at least that, and as false
 * positives the sum of their complements. Multiclass: each class one-vs-rest, then the macro and the
 * expected-support-weighted averages.
 */
function expectedRocAucs(rows: ScoredRows, ranked: readonly Ranked[]): Record<string, number> {
  if (rows.positive !== null) {
    const auc = expectedRocAuc(
      ranked[0] ?? descendingOrder(new Float64Array()),
      rows.probabilities[rows.positive] ?? new Float64Array(),
    );
    return { roc_auc: auc };
  }
  let macro = 0;
  let weighted = 0;
  let total = 0;
  rows.probabilities.forEach((column, c) => {
    const auc = expectedRocAuc(ranked[c] ?? descendingOrder(column), column);
    let support = 0;
    for (const p of column) support += p;
    macro += auc;
    weighted += auc * support;
    total += support;
  });
  return { roc_auc: macro / rows.classes.length, roc_auc_ovr_weighted: weighted / total };
}

function expectedRocAuc({ order, sorted }: Ranked, positiveProbability: Float64Array): number {
  let positives = 0;
  for (const p of positiveProbability) positives += p;
  const negatives = positiveProbability.length - positives;
  if (positives <= 0 || negatives <= 0) return Number.NaN;
  let tp = 0;
  let fp = 0;
  let prevTpr = 0;
  let prevFpr = 0;
  let area = 0;
  for (let j = 0; j < order.length; j++) {
    const p = positiveProbability[order[j] ?? 0] ?? 0;
    tp += p;
    fp += 1 - p;
    if (j + 1 < order.length && sorted[j + 1] === sorted[j]) continue;
    const tpr = tp / positives;
    const fpr = fp / negatives;
    area += ((fpr - prevFpr) * (tpr + prevTpr)) / 2;
    prevTpr = tpr;
    prevFpr = fpr;
  }
  return area;
}
