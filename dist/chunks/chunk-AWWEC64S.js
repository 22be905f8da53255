import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  measureDrift,
  sortDoubles
} from "./chunk-QJXKZEE6.js";
import {
  findingsOf
} from "./chunk-CY6NSRLG.js";
import {
  ByteStrings,
  isoUtc,
  labelCompleteness,
  openDelimitedSpans
} from "./chunk-IYKSYI5H.js";
import {
  normalQuantile
} from "./chunk-5S2V7SVG.js";
import {
  MAX_UNDEFINED_SHARE,
  computeMetrics,
  quantile,
  resolvePositiveLabel,
  sliceMetrics
} from "./chunk-QFBHIOL6.js";
import {
  evaluateRuleList
} from "./chunk-PMBSX2RF.js";
import {
  Random,
  compareCodePoints,
  descendingOrder,
  fillUniform,
  internColumn,
  metricsFromConfusion,
  oneVsRestRocAucs,
  rankingMetrics,
  rowsSumToOne,
  supportWeighted
} from "./chunk-BUY5QZDY.js";
import {
  formatOf,
  openTable
} from "./chunk-3EFEPTIF.js";
import {
  formatNumber
} from "./chunk-LP2MTGO2.js";
import {
  ESTIMATED_PREFIX,
  LATENCY_PERCENTILES,
  windowMetricKind
} from "./chunk-TEWQFG7M.js";
import {
  _default,
  _enum,
  _gte,
  array,
  boolean,
  int,
  iso_exports,
  literal,
  looseObject,
  nullable,
  number,
  object,
  record,
  string
} from "./chunk-MOKAEFJD.js";
import {
  builtinMetric,
  perClassMetric
} from "./chunk-KIGM2236.js";
import {
  InputError
} from "./chunk-XOZC47AQ.js";

// src/monitor/rules.ts
var MEDIAN_WINDOWS = 7;
function judgeWindows(rules, windows, baseline) {
  if (rules.length === 0) return [];
  const seen = new Map(baseline.history.map((earlier) => [earlier.key, earlier]));
  for (const window of windows) {
    seen.set(window.window.key, {
      key: window.window.key,
      start: Date.parse(window.window.start),
      metrics: window.metrics
    });
  }
  const ordered = [...seen.values()].sort((a, b) => a.start - b.start);
  return windows.map((window) => {
    const start = Date.parse(window.window.start);
    const before = ordered.filter((earlier) => earlier.start < start).slice(-MEDIAN_WINDOWS);
    return judgeWindow(rules, window, baseline, before);
  });
}
function judgeWindow(rules, window, baseline, before) {
  const base = {
    description: `the version's evaluation (${baseline.version}) for performance metrics; the median of the ${before.length} window(s) before for the rest`,
    version: baseline.version,
    metrics: baselineMetrics(rules, baseline.metrics, before),
    slices: baseline.slices.map((slice) => ({ ...slice, metrics: withEstimated(slice.metrics) })),
    predictionsFile: null,
    hasPredictions: false
  };
  const direction = (rule) => windowMetricKind(rule.metric)?.direction ?? rule.direction ?? "higher";
  const outcomes = evaluateRuleList(rules, direction, { metrics: window.metrics, slices: window.slices }, base, {
    absence: "no baseline"
  }).map((outcome) => explainGap(outcome, rules[outcome.rule], window));
  const verdict = outcomes.some((o) => o.verdict === "fail" || o.verdict === "error") ? "fail" : outcomes.some((o) => o.verdict === "warn") ? "warn" : "pass";
  return { window: window.window.key, outcomes, verdict };
}
function baselineMetrics(rules, version, before) {
  const metrics = withEstimated(version);
  for (const rule of rules) {
    if (windowMetricKind(rule.metric)?.kind !== "measure") continue;
    const values = before.map((w) => w.metrics[rule.metric]).filter((v) => Number.isFinite(v));
    if (values.length > 0) metrics[rule.metric] = median(values);
    else delete metrics[rule.metric];
  }
  return metrics;
}
function withEstimated(metrics) {
  const out = { ...metrics };
  for (const [name, value] of Object.entries(metrics)) out[`${ESTIMATED_PREFIX}${name}`] = value;
  return out;
}
function median(values) {
  return quantile(Float64Array.from(values).sort(), 0.5);
}
function explainGap(outcome, rule, window) {
  const kind = windowMetricKind(outcome.metric);
  const skip = (reason) => ({ ...outcome, verdict: "skipped", reason });
  if (kind?.kind === "realised" && window.labels && !window.labels.complete) {
    return skip(
      `labels are incomplete: ${window.labels.joined - window.labels.unusable} of ${window.rows} row(s) labelled so far, complete at ${window.labels.completeAt}`
    );
  }
  if (kind?.kind === "realised" && window.labels?.complete && window.labels.joined === 0 && window.rows > 0) {
    return {
      ...outcome,
      verdict: rule?.severity === "warn" ? "warn" : "fail",
      reason: `no label joined any of the window's ${window.rows} row(s), though its labels were all due by ${window.labels.completeAt}: check that label files arrive (monitor.labels.path) and carry the logged request ids (monitor.labels.id, monitor.logs.id)`
    };
  }
  if (outcome.verdict !== "error" || outcome.candidate !== null) return outcome;
  if (window.rows === 0 && outcome.metric !== "rows") return skip("the window has no rows");
  if (kind?.kind === "realised" && window.realisedNote) return skip(window.realisedNote);
  if (kind?.kind === "estimated" && window.estimatedNote) return skip(window.estimatedNote);
  if (kind?.kind === "estimated" && window.estimated) {
    const why = window.estimated.unavailable[outcome.metric.slice(ESTIMATED_PREFIX.length)];
    if (why) return skip(`not estimated: ${why}`);
  }
  if ((outcome.metric === "drift_share" || outcome.metric === "drifted_features") && window.driftNote)
    return skip(window.driftNote);
  if (outcome.metric === "prediction_drift" && window.predictionDriftNote) return skip(window.predictionDriftNote);
  return rule?.severity === "warn" ? { ...outcome, verdict: "warn" } : outcome;
}
function breachLines(judgements, only) {
  const kept = (o) => only === "warn" ? o.verdict === "warn" : only === "error" ? o.verdict === "fail" || o.verdict === "error" : o.verdict === "fail" || o.verdict === "error" || o.verdict === "warn";
  return judgements.flatMap(
    (judgement) => judgement.outcomes.filter(kept).map(
      (o) => `${judgement.window}: ${o.metric}${o.slice ? ` [${o.slice.column}=${o.slice.value}]` : ""} ${o.candidate === null ? "" : `${formatNumber(o.candidate)} `}(${o.requirement}${o.verdict === "warn" ? ", warn" : ""}): ${o.reason}`
    )
  );
}

// src/monitor/cbpe-simulation.ts
function simulateRealisedMetrics(rows, ranked, metrics, simulations, seed) {
  const { classes, probabilities, predicted, positive } = rows;
  const n = predicted.length;
  const k = classes.length;
  const random = new Random(seed);
  const values = new Map(metrics.map((metric) => [metric, new Float64Array(simulations)]));
  const wantsRocAuc = metrics.includes("roc_auc") || metrics.includes("roc_auc_ovr_weighted");
  const perClassNames = metrics.some((metric) => metric.includes("[")) ? classes : void 0;
  const truth = new Int32Array(n);
  const isPositive = new Uint8Array(n);
  const counts = new Float64Array(k * k);
  const first = probabilities[0] ?? new Float64Array(n);
  const uniforms = new Float64Array(n);
  for (let s = 0; s < simulations; s++) {
    counts.fill(0);
    fillUniform(random, uniforms);
    if (k === 2) drawBinary(uniforms, first, predicted, truth, counts);
    else drawMulticlass(uniforms, probabilities, predicted, truth, counts);
    const realised = metricsFromConfusion(counts, k, positive === null ? null : { positive }, void 0, perClassNames);
    if (wantsRocAuc && ranked) Object.assign(realised, realisedRocAucs(truth, isPositive, positive, ranked));
    for (const [metric, column] of values) column[s] = realised[metric] ?? Number.NaN;
  }
  return values;
}
function drawBinary(uniforms, first, predicted, truth, counts) {
  for (let i = 0; i < predicted.length; i++) {
    const c = (uniforms[i] ?? 0) < (first[i] ?? 0) ? 0 : 1;
    truth[i] = c;
    const cell = c * 2 + (predicted[i] ?? 0);
    counts[cell] = (counts[cell] ?? 0) + 1;
  }
}
function drawMulticlass(uniforms, probabilities, predicted, truth, counts) {
  const k = probabilities.length;
  for (let i = 0; i < predicted.length; i++) {
    const u = uniforms[i] ?? 0;
    let c = 0;
    let cumulative = probabilities[0]?.[i] ?? 0;
    while (u >= cumulative && c < k - 1) {
      c++;
      cumulative += probabilities[c]?.[i] ?? 0;
    }
    truth[i] = c;
    const cell = c * k + (predicted[i] ?? 0);
    counts[cell] = (counts[cell] ?? 0) + 1;
  }
}
function realisedRocAucs(truth, isPositive, positive, ranked) {
  if (positive !== null) {
    for (let i = 0; i < truth.length; i++) isPositive[i] = truth[i] === positive ? 1 : 0;
    const column = ranked[0];
    return { roc_auc: (column && rankingMetrics(column, isPositive)?.rocAuc) ?? Number.NaN };
  }
  const aucs = oneVsRestRocAucs(ranked, truth);
  if (!aucs) return { roc_auc: Number.NaN, roc_auc_ovr_weighted: Number.NaN };
  return {
    roc_auc: aucs.reduce((sum, auc) => sum + auc, 0) / aucs.length,
    roc_auc_ovr_weighted: supportWeighted(aucs, truth)
  };
}

// src/monitor/poisson-binomial.ts
var EXACT_POISSON_BINOMIAL_ROWS = 1e4;
function poissonBinomialInterval(p, level, exactRows = EXACT_POISSON_BINOMIAL_ROWS) {
  const tail = (1 - level) / 2;
  if (p.length <= exactRows) {
    const pmf = poissonBinomialPmf(p);
    let cumulative = 0;
    let low = -1;
    let high = p.length;
    for (let k = 0; k < pmf.length; k++) {
      cumulative += pmf[k] ?? 0;
      if (low < 0 && cumulative > tail) low = k;
      if (cumulative >= 1 - tail - 1e-12) {
        high = k;
        break;
      }
    }
    return { low: Math.max(low, 0), high, method: "poisson-binomial" };
  }
  let mean = 0;
  let variance = 0;
  for (let i = 0; i < p.length; i++) {
    const q = p[i] ?? 0;
    mean += q;
    variance += q * (1 - q);
  }
  const spread = normalQuantile(1 - tail) * Math.sqrt(variance);
  return {
    low: Math.max(mean - spread, 0),
    high: Math.min(mean + spread, p.length),
    method: "normal-approximation"
  };
}
function poissonBinomialPmf(p) {
  const n = p.length;
  const pmf = new Float64Array(n + 1);
  pmf[0] = 1;
  for (let i = 0; i < n; i++) {
    const q = p[i] ?? 0;
    const stay = 1 - q;
    for (let k = i + 1; k > 0; k--) pmf[k] = (pmf[k] ?? 0) * stay + (pmf[k - 1] ?? 0) * q;
    pmf[0] = (pmf[0] ?? 0) * stay;
  }
  return pmf;
}

// src/monitor/cbpe.ts
var CBPE_ASSUMPTION = "CBPE assumes the scores are calibrated on this window's data: of the rows scored 0.8 for a class, 8 in 10 are that class. It holds while the relation between features and label is the one the model learnt (no concept drift); when it does not, the estimate is off and its interval does not cover the realised metric, so compare with realised metrics once labels join.";
var REFUSED = {
  log_loss: "it measures how well the scores are calibrated, which CBPE assumes, so its estimate would hold by construction",
  brier_score: "it measures how well the scores are calibrated, which CBPE assumes, so its estimate would hold by construction",
  expected_calibration_error: "CBPE assumes the scores are calibrated, so it would always estimate 0",
  average_precision: "the kit estimates ROC AUC from scores but not average precision; watch it as a realised metric",
  roc_auc_ovo: "the kit estimates one-vs-rest ROC AUC (roc_auc, roc_auc_ovr_weighted) but not one-vs-one"
};
var CONFUSION_METRICS = /* @__PURE__ */ new Set([
  "balanced_accuracy",
  "precision_macro",
  "recall_macro",
  "f1_macro",
  "precision_weighted",
  "recall_weighted",
  "f1_weighted"
]);
var ACCURACY_ALIASES = /* @__PURE__ */ new Set(["accuracy", "precision_micro", "recall_micro", "f1_micro"]);
var BINARY_ONLY = /* @__PURE__ */ new Set(["precision", "recall", "f1"]);
var RANKING_METRICS = /* @__PURE__ */ new Set(["roc_auc", "roc_auc_ovr_weighted"]);
function estimatePerformance(input) {
  const level = input.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new RangeError(`an interval level is between 0 and 1, not ${level}`);
  const simulations = input.simulations ?? 1e3;
  if (!(Number.isInteger(simulations) && simulations >= 1)) {
    throw new RangeError(`the number of simulations is a whole number of at least 1, not ${simulations}`);
  }
  const rows = scoredRows(input);
  const n = input.predictions.length;
  const k = rows.classes.length;
  const expected = expectedConfusion(rows);
  const unavailable = {};
  const warnings = [];
  const result = (estimates2) => ({
    rows: n,
    estimates: estimates2,
    unavailable,
    assumption: CBPE_ASSUMPTION,
    expectedConfusion: {
      labels: rows.classes,
      matrix: rows.classes.map((_, t) => [...expected.subarray(t * k, t * k + k)])
    },
    warnings
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
  const zeroDivisions = /* @__PURE__ */ new Set();
  const estimatedValues = metricsFromConfusion(
    expected,
    k,
    rows.positive === null ? null : { positive: rows.positive },
    zeroDivisions,
    rows.classes
  );
  for (const what of zeroDivisions) {
    warnings.push(`the expected ${what} has a zero denominator; estimated as 0, as scikit-learn reports it`);
  }
  const ranked = wanted.some((metric) => RANKING_METRICS.has(metric)) ? rankColumns(rows) : null;
  if (ranked) Object.assign(estimatedValues, expectedRocAucs(rows, ranked));
  const simulated = wanted.filter((metric) => !ACCURACY_ALIASES.has(metric));
  const seed = input.seed ?? 42;
  const draws = simulated.length > 0 ? simulateRealisedMetrics(rows, ranked, simulated, simulations, seed) : null;
  const estimates = [];
  let accuracyInterval = null;
  for (const metric of wanted) {
    const estimate2 = estimatedValues[metric] ?? Number.NaN;
    if (Number.isNaN(estimate2)) {
      unavailable[metric] = "the scores expect no row of some class, so the metric has no value to estimate";
      continue;
    }
    if (ACCURACY_ALIASES.has(metric)) {
      const exactRows = input.exactRows ?? EXACT_POISSON_BINOMIAL_ROWS;
      accuracyInterval ??= poissonBinomialInterval(chanceOfPredictedClass(rows), level, exactRows);
      estimates.push(accuracyEstimate(metric, estimate2, accuracyInterval, { n, level, exactRows }));
      continue;
    }
    const outcome = simulatedEstimate(metric, estimate2, draws?.get(metric), { level, simulations, seed });
    if ("unavailable" in outcome) unavailable[metric] = outcome.unavailable;
    else estimates.push(outcome);
  }
  return result(estimates);
}
function accuracyEstimate(metric, estimate2, { low, high, method }, settings) {
  return {
    metric,
    estimate: estimate2,
    interval: { low: low / settings.n, high: high / settings.n, level: settings.level },
    method,
    how: method === "poisson-binomial" ? "exact: the count of correct rows is Poisson-binomial, each row right with its score's probability" : `normal approximation to the Poisson-binomial count of correct rows (mean \u03A3p, variance \u03A3p(1-p)), used past ${settings.exactRows} rows`
  };
}
function simulatedEstimate(metric, estimate2, values, settings) {
  const { level, simulations, seed } = settings;
  const defined = values ? values.filter((value) => !Number.isNaN(value)).sort() : new Float64Array();
  const undefinedDraws = simulations - defined.length;
  if (defined.length === 0 || undefinedDraws > MAX_UNDEFINED_SHARE * simulations) {
    return {
      unavailable: `it is undefined in ${undefinedDraws} of ${simulations} simulated windows (too few rows of some class)`
    };
  }
  const tail = (1 - level) / 2;
  return {
    metric,
    estimate: estimate2,
    interval: { low: quantile(defined, tail), high: quantile(defined, 1 - tail), level },
    method: "monte-carlo",
    how: `the central ${Math.round(level * 1e3) / 10}% of the metric over ${simulations} simulated windows (seed ${seed}), each row's class drawn from its scores`
  };
}
function refusal(metric, rows) {
  const known = REFUSED[metric];
  if (known !== void 0) return known;
  const perClass = perClassMetric(metric);
  if (perClass) {
    return rows.classes.includes(perClass.label) ? null : `${JSON.stringify(perClass.label)} is not one of the classes the scores are for (${rows.classes.map((c) => JSON.stringify(c)).join(", ")})`;
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
  return "CBPE does not estimate this metric yet";
}
function scoredRows(input) {
  const { predictions, scores } = input;
  const n = predictions.length;
  if (scores.kind === "binary") {
    if (scores.positive === scores.negative) {
      throw new InputError(`the positive and the negative class are both ${JSON.stringify(scores.positive)}`, {
        hint: "name the two classes of the binary classifier"
      });
    }
    if (scores.scores.length !== n) throw lengthMismatch("scores", scores.scores.length, n);
    const classes2 = [scores.negative, scores.positive].sort(compareCodePoints);
    const positive = classes2.indexOf(scores.positive);
    const columns2 = [new Float64Array(n), new Float64Array(n)];
    for (let i = 0; i < n; i++) {
      const score = scores.scores[i] ?? Number.NaN;
      if (!(score >= 0 && score <= 1)) {
        throw new InputError(`row ${i + 1}: the score ${score} is not a probability between 0 and 1`, {
          hint: "CBPE needs the positive class's calibrated probability, not a margin or a logit"
        });
      }
      columns2[positive][i] = score;
      columns2[1 - positive][i] = 1 - score;
    }
    return { classes: classes2, probabilities: columns2, predicted: predictedIndices(predictions, classes2), positive };
  }
  const { classes, columns } = scores.probabilities;
  if (classes.length < 2 || columns.length !== classes.length || new Set(classes).size !== classes.length) {
    throw new InputError(`class probabilities need one column for each of two or more distinct classes`, {
      hint: `found ${columns.length} columns for the classes ${classes.map((c) => JSON.stringify(c)).join(", ")}`
    });
  }
  for (const column of columns) {
    if (column.length !== n) throw lengthMismatch("class probabilities", column.length, n);
    const bad = column.findIndex((p) => !(p >= 0 && p <= 1));
    if (bad >= 0) {
      throw new InputError(`row ${bad + 1}: the class probability ${column[bad]} is not between 0 and 1`, {
        hint: "CBPE needs each row's calibrated class probabilities (a softmax output), one column per class"
      });
    }
  }
  if (!rowsSumToOne(columns, n)) {
    throw new InputError("the class probabilities of some row do not sum to 1", {
      hint: "CBPE needs each row's calibrated class probabilities (a softmax output), one column per class"
    });
  }
  const order = classes.map((_, c) => c).sort((a, b) => compareCodePoints(classes[a] ?? "", classes[b] ?? ""));
  const sorted = order.map((c) => classes[c] ?? "");
  return {
    classes: sorted,
    probabilities: order.map((c) => columns[c] ?? new Float64Array(n)),
    predicted: predictedIndices(predictions, sorted),
    positive: null
  };
}
function lengthMismatch(what, length, n) {
  return new InputError(`${length} ${what} for ${n} predictions`, { hint: "give one value per predicted row" });
}
function predictedIndices(predictions, classes) {
  const index = new Map(classes.map((c, i) => [c, i]));
  const predicted = new Int32Array(predictions.length);
  for (let i = 0; i < predictions.length; i++) {
    const c = index.get(predictions[i] ?? "");
    if (c === void 0) {
      throw new InputError(
        `row ${i + 1}: the prediction ${JSON.stringify(predictions[i])} is not one of the classes the scores are for (${classes.map((name) => JSON.stringify(name)).join(", ")})`,
        { hint: "log the predicted class with the same labels as the scores' classes" }
      );
    }
    predicted[i] = c;
  }
  return predicted;
}
function expectedConfusion({ classes, probabilities, predicted }) {
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
function chanceOfPredictedClass({ probabilities, predicted }) {
  const p = new Float64Array(predicted.length);
  for (let i = 0; i < predicted.length; i++) p[i] = probabilities[predicted[i] ?? 0]?.[i] ?? 0;
  return p;
}
function rankColumns(rows) {
  const columns = rows.positive === null ? rows.probabilities : [rows.probabilities[rows.positive] ?? new Float64Array()];
  return columns.map((column) => descendingOrder(column));
}
function expectedRocAucs(rows, ranked) {
  if (rows.positive !== null) {
    const auc = expectedRocAuc(
      ranked[0] ?? descendingOrder(new Float64Array()),
      rows.probabilities[rows.positive] ?? new Float64Array()
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
function expectedRocAuc({ order, sorted }, positiveProbability) {
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
    area += (fpr - prevFpr) * (tpr + prevTpr) / 2;
    prevTpr = tpr;
    prevFpr = fpr;
  }
  return area;
}

// src/monitor/labels.ts
var DAY = 864e5;
function arrivalDateOf(shown) {
  const match = /(?:^|[^0-9])(\d{4})([-/])(\d{2})\2(\d{2})(?![0-9])/.exec(shown);
  if (!match) return void 0;
  const [year, month, day] = [Number(match[1]), Number(match[3]), Number(match[4])];
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? ms : void 0;
}
function labelFiles(shown) {
  return shown.map((name) => {
    const arrival = arrivalDateOf(name);
    if (arrival === void 0) {
      throw new InputError(`cannot tell when the labels in ${name} arrived: its path names no date`, {
        hint: "partition label files by arrival date: labels/2026-03-28.csv or labels/date=2026-03-28/part-0.csv (monitor.labels.path)"
      });
    }
    return { shown: name, arrival };
  });
}
function requireLabelFiles(found, pattern, windows, delayMs, now) {
  if (found > 0) return;
  let due = null;
  for (const window of windows) {
    const { complete, completeAt } = labelCompleteness(window, delayMs, now);
    if (complete && (!due || window.start < due.window.start)) due = { window, at: completeAt };
  }
  if (!due) return;
  const shown = typeof pattern === "string" ? pattern : pattern.join(", ");
  throw new InputError(
    `no file matches ${shown} (monitor.labels.path), yet the labels of window ${due.window.key} were all due by ${isoUtc(due.at)}`,
    {
      hint: "check the pattern and where it is relative to (the folder of mlops.yml); a path that matches nothing is accepted only until the first window's labels are due (its end plus monitor.labels.delay)"
    }
  );
}
function labelFilesFor(window, files, delayMs) {
  return files.filter((file) => file.arrival < window.end + delayMs && file.arrival + DAY > window.start);
}
async function joinLabels(ids, rowCount, files, columns, matched) {
  const labels = new Array(rowCount).fill(null);
  const result = { labels, joined: 0, duplicates: 0, empty: 0 };
  const labelText = new ByteStrings(/* @__PURE__ */ new Map());
  for (const file of files) {
    const rows = await openLabelRows(file, formatOf(file.path, columns.format));
    try {
      const idAt = rows.columns.indexOf(columns.id);
      const labelAt = rows.columns.indexOf(columns.label);
      for (const [at, column, field] of [
        [idAt, columns.id, "monitor.labels.id"],
        [labelAt, columns.label, "monitor.labels.label"]
      ]) {
        if (at < 0) {
          throw new InputError(`${file.shown} has no "${column}" column (${field})`, {
            hint: `its columns are: ${rows.columns.join(", ")}`
          });
        }
      }
      let marks = matched.get(file.shown) ?? new Uint8Array(1024);
      let rowsRead = 0;
      while (rows.nextHere() ?? await rows.next()) {
        const index = rowsRead++;
        if (index >= marks.length) {
          const grown = new Uint8Array(marks.length * 2);
          grown.set(marks);
          marks = grown;
        }
        if (rows.empty(idAt) || rows.empty(labelAt)) {
          result.empty++;
          marks[index] = 2;
          continue;
        }
        const at = ids === null ? void 0 : rows.rowsOf(ids, idAt);
        if (at === void 0) continue;
        marks[index] = 1;
        if (labels[typeof at === "number" ? at : at[0] ?? 0] !== null) {
          result.duplicates++;
          continue;
        }
        const label = rows.text(labelAt, labelText);
        if (typeof at === "number") {
          labels[at] = label;
          result.joined++;
        } else {
          for (const row of at) labels[row] = label;
          result.joined += at.length;
        }
      }
      matched.set(file.shown, marks.length === rowsRead ? marks : marks.subarray(0, Math.max(rowsRead, 0)));
    } finally {
      rows.close();
    }
  }
  return result;
}
async function openLabelRows(file, format) {
  const open = { what: "label file", missingHint: "check monitor.labels.path" };
  if (format === "csv" || format === "tsv") {
    const spans = await openDelimitedSpans(file.path, format, { ...open, shown: file.shown });
    const { reader } = spans;
    return {
      columns: spans.columns,
      next: () => spans.next(),
      nextHere: () => spans.nextHere(),
      text: (index, strings) => strings.of(reader, index),
      empty: (index) => index >= reader.fieldCount || reader.starts[index] === reader.ends[index],
      rowsOf: (ids, index) => ids.rowsOf(reader.buffer, reader.starts[index] ?? 0, reader.ends[index] ?? 0),
      close: () => spans.close()
    };
  }
  const table = await openTable(file.path, format, { ...open, displayName: file.shown });
  const iterator = table.rows[Symbol.asyncIterator]();
  let cells = [];
  return {
    columns: table.columns,
    async next() {
      const got = await iterator.next();
      cells = got.done ? [] : got.value.cells;
      return !got.done;
    },
    nextHere: () => void 0,
    text: (index, strings) => strings.text(cells[index] ?? ""),
    empty: (index) => (cells[index] ?? "") === "",
    rowsOf(ids, index) {
      const bytes = Buffer.from(cells[index] ?? "");
      return ids.rowsOf(bytes, 0, bytes.length);
    },
    // The file, whether or not a row was read (a reader never started runs no `finally` of its own).
    close: () => table.close()
  };
}
function unmatchedLabels(matched) {
  let count = 0;
  const files = [];
  for (const [shown, marks] of matched) {
    let here = 0;
    for (const mark of marks) if (mark === 0) here++;
    if (here > 0) files.push(shown);
    count += here;
  }
  return { count, files };
}
function packMarks(matched) {
  const packed = {};
  for (const [shown, marks] of matched) {
    const bits = new Uint8Array(Math.ceil(marks.length / 8));
    marks.forEach((mark, i) => {
      if (mark !== 0) bits[i >> 3] = (bits[i >> 3] ?? 0) | 1 << (i & 7);
    });
    packed[shown] = { rows: marks.length, bits: Buffer.from(bits).toString("base64") };
  }
  return packed;
}
function unpackMarks(legs) {
  const matched = /* @__PURE__ */ new Map();
  for (const leg of legs) {
    for (const [shown, { rows, bits }] of Object.entries(leg)) {
      const bytes = Buffer.from(bits, "base64");
      const marks = matched.get(shown) ?? new Uint8Array(rows);
      for (let i = 0; i < Math.min(rows, marks.length); i++) if ((bytes[i >> 3] ?? 0) >> (i & 7) & 1) marks[i] = 1;
      matched.set(shown, marks);
    }
  }
  return matched;
}

// src/monitor/realised.ts
function realisedMetrics(task, rows, labels, positiveLabel) {
  const labelled = [];
  labels.forEach((label, i) => {
    if (label !== null) labelled.push(i);
  });
  const table = predictionsOf(
    task,
    rows.pick(labelled),
    labelled.map((i) => labels[i] ?? "")
  );
  const warnings = [];
  const invalid = countNaN(table.scores) + (table.probabilities?.columns.reduce((n, c) => n + countNaN(c), 0) ?? 0);
  if (invalid > 0) {
    warnings.push(`${invalid} score value(s) are empty or not probabilities, so metrics that need scores are left out`);
    table.scores = null;
    table.probabilities = null;
  }
  if (task === "regression") {
    const labelsNaN = countNaN(table.actual);
    const predictionsNaN = countNaN(table.predicted);
    if (labelsNaN + predictionsNaN > 0) {
      const usable = [...labelled.keys()].filter(
        (i) => Number.isFinite(table.actual?.[i] ?? Number.NaN) && Number.isFinite(table.predicted?.[i] ?? Number.NaN)
      );
      warnings.push(
        `${labelled.length - usable.length} labelled row(s) left out of the realised metrics: ${labelsNaN} label(s) and ${predictionsNaN} prediction(s) are not numbers`
      );
      return finish(task, table, void 0, usable, warnings);
    }
  }
  const positive = task === "classification" ? resolvePositiveLabel(positiveLabel, table.labels.classes) : void 0;
  return finish(task, table, positive, void 0, warnings);
}
function finish(task, table, positive, usable, warnings) {
  const overall = computeMetrics(task, table, positive, usable);
  return {
    rows: usable?.length ?? table.rows,
    metrics: overall.metrics,
    undefined: overall.undefined,
    slices: sliceMetrics(task, table, positive, usable),
    warnings: [...warnings, ...overall.warnings]
  };
}
function predictionsOf(task, rows, labels) {
  const regression = task === "regression";
  return {
    source: "the window's labelled predictions",
    rows: rows.count,
    labels: internColumn(labels),
    predictions: internColumn(rows.predictions),
    actual: regression ? Float64Array.from(labels, numberOf) : null,
    predicted: regression ? Float64Array.from(rows.predictions, numberOf) : null,
    scores: regression ? null : rows.scores,
    probabilities: regression ? null : rows.probabilities,
    ids: null,
    slices: new Map([...rows.slices].map(([column, values]) => [column, internColumn(values)]))
  };
}
function numberOf(text) {
  return text.trim() === "" ? Number.NaN : Number(text);
}
function countNaN(values) {
  let count = 0;
  for (const value of values ?? []) if (!Number.isFinite(value)) count++;
  return count;
}

// src/monitor/window.ts
var WINDOW_RESULT_FORMAT = "mlops-kit/monitor-window@1";
function measureWindow(input) {
  const { window, profiled, rows, columns } = input;
  const warnings = [];
  const findings = windowFindings(profiled, input.schema, rows);
  const errors = findings.filter((f) => f.severity === "error").length;
  const features = new Set(columns.features);
  const drift = "none" in input.training ? null : measureDrift(
    restrict(profiled.profile, (name) => features.has(name)),
    restrict(input.training.profile, (name) => features.has(name)),
    input.drift,
    { comparison: "drift", referenceName: input.training.name, held: { current: profiled.held } }
  );
  const reference = input.predictions;
  const predictionDrift = "none" in reference ? null : measureDrift(
    restrict(profiled.profile, (name) => reference.rename.has(name)),
    renamed(reference),
    { ...input.drift, columns: {} },
    {
      comparison: "drift",
      referenceName: reference.name,
      held: { current: profiled.held, reference: renamedHeld(reference) }
    }
  );
  const latency = rows.latency ? latencyOf(rows.latency) : null;
  const labels = input.labels;
  let realised = null;
  let realisedRefused = null;
  try {
    realised = labels && labels.joined.joined > 0 ? realisedMetrics(input.task, rows, labels.joined.labels, input.positiveLabel) : null;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    realisedRefused = `realised metrics could not be computed: ${error.message}`;
    warnings.push(realisedRefused);
  }
  if (realised) warnings.push(...realised.warnings);
  let estimated = null;
  try {
    estimated = input.task === "classification" ? estimate(input, rows) : null;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    estimated = { note: `CBPE could not estimate this window: ${error.message}` };
    warnings.push(estimated.note);
  }
  const metrics = {
    rows: profiled.profile.rows,
    quality_errors: errors,
    quality_warnings: findings.length - errors
  };
  if (drift && drift.columns.length > 0) {
    metrics.drift_share = drift.share;
    metrics.drifted_features = drift.drifted;
  }
  if (predictionDrift && predictionDrift.columns.length > 0) metrics.prediction_drift = predictionDrift.share;
  if (rows.rowIds) metrics.duplicate_ids = rows.duplicateIds;
  for (const [name, value] of Object.entries(latency?.percentiles ?? {}))
    if (Number.isFinite(value)) metrics[name] = value;
  const unusable = realised && labels ? labels.joined.joined - realised.rows : 0;
  if (labels) metrics.labelled_share = rows.count === 0 ? 0 : (labels.joined.joined - unusable) / rows.count;
  for (const [name, value] of Object.entries(realised?.metrics ?? {})) metrics[name] = value;
  const estimates = estimated && "estimates" in estimated ? estimated : null;
  for (const e of estimates?.estimates ?? []) metrics[`estimated_${e.metric}`] = e.estimate;
  return {
    format: WINDOW_RESULT_FORMAT,
    window: { key: window.key, start: isoUtc(window.start), end: isoUtc(window.end) },
    rows: profiled.profile.rows,
    sources: input.sources,
    quality: { errors, warnings: findings.length - errors, findings },
    drift,
    driftNote: "none" in input.training ? input.training.none : null,
    predictionDrift,
    predictionDriftNote: "none" in input.predictions ? input.predictions.none : null,
    latency,
    duplicateIds: rows.rowIds ? rows.duplicateIds : null,
    labels: labels ? {
      complete: labels.complete,
      completeAt: isoUtc(labels.completeAt),
      joined: labels.joined.joined,
      unusable,
      duplicates: labels.joined.duplicates,
      empty: labels.joined.empty,
      files: labels.files
    } : null,
    realised,
    realisedNote: realisedRefused ?? (labels ? labels.joined.joined === 0 ? labels.complete ? `no label joined, though the window's labels were all due by ${isoUtc(labels.completeAt)}` : "no label has joined yet" : null : "no labels are configured (monitor.labels)"),
    estimated: estimates,
    estimatedNote: estimated && "note" in estimated ? estimated.note : null,
    metrics,
    slices: sliceMetrics2(rows, realised, estimates),
    warnings
  };
}
function windowFindings(profiled, schema, rows) {
  const first = profiled.profile.firstRow;
  return findingsOf(profiled.profile, schema).map((finding) => ({
    ...finding,
    rows: [],
    examples: finding.rows.map((row) => {
      const index = row - first;
      return { row: index + 1, id: rows.ids?.[index] ?? null };
    })
  }));
}
function restrict(profile, keep) {
  return { ...profile, columns: profile.columns.filter((column) => keep(column.name)) };
}
function renamed(reference) {
  const byReference = new Map([...reference.rename].map(([log, ref]) => [ref, log]));
  return {
    ...reference.profile,
    columns: reference.profile.columns.flatMap((column) => {
      const name = byReference.get(column.name);
      return name === void 0 ? [] : [{ ...column, name }];
    })
  };
}
function renamedHeld(reference) {
  const held = /* @__PURE__ */ new Map();
  for (const [log, ref] of reference.rename) {
    const values = reference.held.get(ref);
    if (values) held.set(log, values);
  }
  return held;
}
function latencyOf(values) {
  const sorted = sortDoubles(values.values.slice());
  const percentiles = {};
  for (const p of LATENCY_PERCENTILES) percentiles[`latency_p${p}`] = quantile(sorted, p / 100);
  return { count: sorted.length, invalid: values.invalid, percentiles };
}
function estimate(input, rows) {
  const scores = rows.cbpeScores(input.positiveLabel, input.classes);
  if ("none" in scores) return { note: scores.none };
  if (input.metrics.length === 0) return { note: "no metric to estimate (monitor.metrics, or the rules' metrics)" };
  const level = input.config.level;
  const overall = estimatePerformance({
    predictions: rows.predictions,
    scores: scores.scores,
    metrics: input.metrics,
    level
  });
  const slices = [];
  for (const [column, values] of rows.slices) {
    for (const [value, indices] of groupRows(values)) {
      const part = rows.pick(indices).cbpeScores(input.positiveLabel, input.classes);
      if ("none" in part) continue;
      const result = estimatePerformance({
        predictions: indices.map((i) => rows.predictions[i] ?? ""),
        scores: part.scores,
        metrics: input.metrics,
        level
      });
      slices.push({ column, value, rows: indices.length, estimates: result.estimates });
    }
  }
  return { estimates: overall.estimates, unavailable: overall.unavailable, assumption: overall.assumption, slices };
}
function groupRows(values) {
  const groups = /* @__PURE__ */ new Map();
  values.forEach((value, i) => {
    const group = groups.get(value);
    if (group) group.push(i);
    else groups.set(value, [i]);
  });
  return groups;
}
function sliceMetrics2(rows, realised, estimated) {
  const out = [];
  for (const [column, values] of rows.slices) {
    for (const [value, indices] of groupRows(values)) {
      const metrics = { rows: indices.length };
      const real = realised?.slices.find((s) => s.column === column && s.value === value);
      for (const [name, v] of Object.entries(real?.metrics ?? {})) metrics[name] = v;
      const est = estimated?.slices.find((s) => s.column === column && s.value === value);
      for (const e of est?.estimates ?? []) metrics[`estimated_${e.metric}`] = e.estimate;
      out.push({ column, value, rows: indices.length, metrics });
    }
  }
  return out;
}
function emptyWindow(window, why) {
  return {
    format: WINDOW_RESULT_FORMAT,
    window: { key: window.key, start: isoUtc(window.start), end: isoUtc(window.end) },
    rows: 0,
    sources: [],
    quality: { errors: 0, warnings: 0, findings: [] },
    drift: null,
    driftNote: `nothing to compare: ${why}`,
    predictionDrift: null,
    predictionDriftNote: `nothing to compare: ${why}`,
    latency: null,
    duplicateIds: null,
    labels: null,
    realised: null,
    realisedNote: `no rows: ${why}`,
    estimated: null,
    estimatedNote: `no rows: ${why}`,
    metrics: { rows: 0 },
    slices: [],
    warnings: [`the window has no rows: ${why}`]
  };
}

// src/monitor/history.ts
var Stamped = object({ shown: string(), stamp: string() });
var StoredWindow = looseObject({
  format: literal(WINDOW_RESULT_FORMAT),
  window: object({ key: string(), start: iso_exports.datetime(), end: iso_exports.datetime() }),
  rows: number().check(int(), _gte(0)),
  sources: array(Stamped),
  labels: nullable(
    looseObject({ complete: boolean(), completeAt: string(), joined: number(), files: array(Stamped) })
  ),
  metrics: record(string(), number()),
  slices: array(
    object({ column: string(), value: string(), rows: number(), metrics: record(string(), number()) })
  ),
  /** The window's verdict when it was judged; absent in entries from before verdicts were kept. */
  judgement: _default(
    nullable(object({ verdict: _enum(["pass", "fail", "warn"]), breaches: array(string()) })),
    null
  )
});
function historyWindows(log, size, warn) {
  const windows = [];
  for (const entry of log.latest) {
    if (entry.window.size !== size) continue;
    const parsed = StoredWindow.safeParse(entry.result);
    if (!parsed.success) {
      warn(
        `the monitoring log's entry for window ${entry.window.key} (${entry.key}) is not one this kit reads; left out`
      );
      continue;
    }
    windows.push({
      key: entry.window.key,
      size: entry.window.size,
      start: Date.parse(entry.window.start),
      version: entry.version,
      computedAt: entry.computedAt,
      runUrl: entry.runUrl,
      result: parsed.data
    });
  }
  return windows.sort((a, b) => a.start - b.start);
}
function earlierWindows(history) {
  return history.map((window) => ({
    key: window.key,
    start: window.start,
    sources: window.result.sources,
    labels: window.result.labels ? { complete: window.result.labels.complete, files: window.result.labels.files } : null
  }));
}
function logEntry(result, judgement, size, version, computedAt, runUrl) {
  return {
    window: { key: result.window.key, size, start: result.window.start, end: result.window.end },
    version,
    computedAt: computedAt.toISOString(),
    runUrl,
    result: JSON.parse(
      JSON.stringify({
        ...result,
        judgement: judgement ? { verdict: judgement.verdict, breaches: breachLines([judgement]) } : null
      })
    )
  };
}

export {
  judgeWindows,
  breachLines,
  CBPE_ASSUMPTION,
  arrivalDateOf,
  labelFiles,
  requireLabelFiles,
  labelFilesFor,
  joinLabels,
  unmatchedLabels,
  packMarks,
  unpackMarks,
  WINDOW_RESULT_FORMAT,
  measureWindow,
  emptyWindow,
  historyWindows,
  earlierWindows,
  logEntry
};
