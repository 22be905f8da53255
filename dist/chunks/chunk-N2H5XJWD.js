import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  describeFailure,
  runCommand
} from "./chunk-LFNSLPCM.js";
import {
  CALIBRATION_BINS,
  CURVE_POINTS,
  REGRESSION_BINS,
  binaryCurves,
  calibrationBin,
  expectedCalibrationError,
  regressionCurves,
  topClassConfidence
} from "./chunk-SGRZVHZW.js";
import {
  listSources
} from "./chunk-MY2F7FYT.js";
import {
  formatOf,
  openTable
} from "./chunk-OS4GCB6S.js";
import {
  MAX_SECTION_BYTES,
  readUserSections
} from "./chunk-Y4XFK5HZ.js";
import {
  fingerprintFiles,
  listFiles,
  sha256File,
  toRelative
} from "./chunk-CQ3WEECP.js";
import {
  projectStoreSettings
} from "./chunk-KV6XCW5B.js";
import {
  formatNumber
} from "./chunk-LP2MTGO2.js";
import {
  redactorFor
} from "./chunk-5PEOAABG.js";
import {
  MAX_USER_SECTIONS,
  NAME_PATTERN,
  READ_LIMITS,
  builtinMetric,
  perClassMetric,
  primaryMetricOf,
  readJsonLimited,
  readTextLimited,
  require_dist
} from "./chunk-PILILSOP.js";
import {
  plainText
} from "./chunk-PEZVGW4L.js";
import {
  _enum,
  array,
  boolean,
  discriminatedUnion,
  literal,
  number,
  strictObject,
  string,
  union
} from "./chunk-I7GHSQM2.js";
import {
  relativePathProblem
} from "./chunk-SN54LWLO.js";
import {
  InputError,
  UserError
} from "./chunk-XOZC47AQ.js";
import {
  __toESM
} from "./chunk-RZGYXAJU.js";

// src/evaluate/evaluate.ts
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
var import_yaml = __toESM(require_dist(), 1);

// src/evaluate/confusion.ts
function compareCodePoints(a, b) {
  const left = [...a];
  const right = [...b];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i]?.codePointAt(0) ?? 0;
    const y = right[i]?.codePointAt(0) ?? 0;
    if (x !== y) return x - y;
  }
  return left.length - right.length;
}
var MAX_PER_CLASS = 30;
function metricsFromConfusion(counts, k, binary, zeroDivisions, classes) {
  const present = [];
  const rowSum = new Float64Array(k);
  const colSum = new Float64Array(k);
  let total = 0;
  let trace = 0;
  for (let t = 0; t < k; t++) {
    for (let p = 0; p < k; p++) {
      const c = counts[t * k + p] ?? 0;
      rowSum[t] = (rowSum[t] ?? 0) + c;
      colSum[p] = (colSum[p] ?? 0) + c;
      total += c;
      if (t === p) trace += c;
    }
  }
  for (let c = 0; c < k; c++) if ((rowSum[c] ?? 0) + (colSum[c] ?? 0) > 0) present.push(c);
  const ratio = (num, den, what) => {
    if (den === 0) {
      zeroDivisions?.add(what);
      return 0;
    }
    return num / den;
  };
  const f1Of = (p, r) => p + r === 0 ? 0 : 2 * p * r / (p + r);
  const metrics = { accuracy: trace / total };
  const perClass = classes !== void 0 && present.length <= MAX_PER_CLASS ? {} : null;
  let recallOfLabels = 0;
  let labelClasses = 0;
  let precisionSum = 0;
  let recallSum = 0;
  let f1Sum = 0;
  let precisionWeighted = 0;
  let recallWeighted = 0;
  let f1Weighted = 0;
  for (const c of present) {
    const tp = counts[c * k + c] ?? 0;
    const predictedCount = colSum[c] ?? 0;
    const support = rowSum[c] ?? 0;
    const precision = ratio(tp, predictedCount, "precision");
    const recall = ratio(tp, support, "recall");
    const f1 = f1Of(precision, recall);
    precisionSum += precision;
    recallSum += recall;
    f1Sum += f1;
    precisionWeighted += precision * support;
    recallWeighted += recall * support;
    f1Weighted += f1 * support;
    if (support > 0) {
      recallOfLabels += recall;
      labelClasses++;
    }
    if (perClass) {
      const name = classes?.[c] ?? "";
      perClass[`precision[${name}]`] = precision;
      perClass[`recall[${name}]`] = recall;
      perClass[`f1[${name}]`] = f1;
    }
  }
  if (labelClasses > 0) metrics.balanced_accuracy = recallOfLabels / labelClasses;
  metrics.precision_macro = precisionSum / present.length;
  metrics.recall_macro = recallSum / present.length;
  metrics.f1_macro = f1Sum / present.length;
  metrics.precision_weighted = total === 0 ? 0 : precisionWeighted / total;
  metrics.recall_weighted = total === 0 ? 0 : recallWeighted / total;
  metrics.f1_weighted = total === 0 ? 0 : f1Weighted / total;
  metrics.precision_micro = ratio(trace, total, "precision");
  metrics.recall_micro = ratio(trace, total, "recall");
  metrics.f1_micro = f1Of(metrics.precision_micro, metrics.recall_micro);
  if (binary && present.length <= 2) {
    const c = binary.positive;
    const tp = c >= 0 ? counts[c * k + c] ?? 0 : 0;
    const predictedCount = c >= 0 ? colSum[c] ?? 0 : 0;
    const support = c >= 0 ? rowSum[c] ?? 0 : 0;
    metrics.precision = ratio(tp, predictedCount, "precision");
    metrics.recall = ratio(tp, support, "recall");
    const fpFn = predictedCount - tp + (support - tp);
    metrics.f1 = 2 * tp + fpFn === 0 ? ratio(0, 0, "f1") : 2 * tp / (2 * tp + fpFn);
  }
  return perClass ? Object.assign(metrics, perClass) : metrics;
}

// src/evaluate/coded.ts
function codesFor(classCount, length) {
  if (classCount <= 256) return new Uint8Array(length);
  if (classCount <= 65536) return new Uint16Array(length);
  return new Uint32Array(length);
}
var ColumnInterner = class {
  seen = /* @__PURE__ */ new Map();
  codes = new Uint8Array(1024);
  length = 0;
  add(value) {
    let code = this.seen.get(value);
    if (code === void 0) {
      code = this.seen.size;
      this.seen.set(value, code);
      if (code === 256 || code === 65536) this.resize(this.codes.length);
    }
    if (this.length === this.codes.length) this.resize(this.codes.length * 2);
    this.codes[this.length++] = code;
  }
  resize(capacity) {
    const grown = codesFor(this.seen.size, capacity);
    grown.set(this.codes.subarray(0, this.length));
    this.codes = grown;
  }
  /** The column: codes handed out in order of first sight, renumbered once in sorted order. */
  finish() {
    const firstSight = [...this.seen.keys()];
    const classes = [...firstSight].sort(compareCodePoints);
    const renumber = new Uint32Array(firstSight.length);
    classes.forEach((value, sorted) => renumber[this.seen.get(value) ?? 0] = sorted);
    const codes = this.codes.slice(0, this.length);
    for (let i = 0; i < codes.length; i++) codes[i] = renumber[codes[i] ?? 0] ?? 0;
    return { classes, codes };
  }
};
function internColumn(values) {
  const interner = new ColumnInterner();
  for (const value of values) interner.add(value);
  return interner.finish();
}
function valueAt(column, row) {
  return column.classes[column.codes[row] ?? 0] ?? "";
}
function pickRows(column, rows, into) {
  const codes = into ? into.subarray(0, rows.length) : codesFor(column.classes.length, rows.length);
  for (let j = 0; j < rows.length; j++) codes[j] = column.codes[rows[j] ?? 0] ?? 0;
  return { classes: column.classes, codes };
}
function unionOfClasses(...columns) {
  const present = /* @__PURE__ */ new Set();
  for (const column of columns) {
    const occurs = new Uint8Array(column.classes.length);
    let seen = 0;
    for (let i = 0; i < column.codes.length && seen < occurs.length; i++) {
      const code = column.codes[i] ?? 0;
      if (occurs[code] === 1) continue;
      occurs[code] = 1;
      seen++;
    }
    column.classes.forEach((value, code) => {
      if (occurs[code] === 1) present.add(value);
    });
  }
  const classes = [...present].sort(compareCodePoints);
  const index = new Map(classes.map((value, at) => [value, at]));
  const remaps = columns.map((column) => Int32Array.from(column.classes, (value) => index.get(value) ?? -1));
  return { classes, remaps };
}
function rowsByCode(column, rows, keep) {
  const count = rows ? rows.length : column.codes.length;
  const sizes = new Uint32Array(column.classes.length);
  for (let j = 0; j < count; j++) {
    const code = column.codes[rows ? rows[j] ?? 0 : j] ?? 0;
    sizes[code] = (sizes[code] ?? 0) + 1;
  }
  const groups = Array.from(sizes, (size, code) => new Uint32Array(!keep || keep(code) ? size : 0));
  const filled = new Uint32Array(column.classes.length);
  for (let j = 0; j < count; j++) {
    const row = rows ? rows[j] ?? 0 : j;
    const code = column.codes[row] ?? 0;
    const group = groups[code];
    if (group.length === 0) continue;
    const at = filled[code] ?? 0;
    group[at] = row;
    filled[code] = at + 1;
  }
  return groups;
}

// src/evaluate/ranking.ts
function descendingOrder(scores) {
  return sortInto(scores, { order: new Uint32Array(scores.length), keys: new Float64Array(scores.length) });
}
function withDescendingOrder(scores, use) {
  const buffers = takeBuffers(scores.length);
  const out = use(sortInto(scores, buffers));
  keepBuffers(buffers);
  return out;
}
function sortInto(scores, into) {
  const n = scores.length;
  const target = { order: into.order.subarray(0, n), keys: into.keys.subarray(0, n) };
  let { order, keys } = target;
  for (let i = 0; i < n; i++) {
    order[i] = i;
    const score = scores[i] ?? 0;
    keys[i] = score === 0 ? 0 : score;
  }
  const spare = takeBuffers(n);
  let nextOrder = spare.order.subarray(0, n);
  let nextKeys = spare.keys.subarray(0, n);
  const count = spare.count ??= new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    if (!radixPass(order, keys, nextOrder, nextKeys, count, pass >> 1, (pass & 1) * 16)) continue;
    [order, nextOrder] = [nextOrder, order];
    [keys, nextKeys] = [nextKeys, keys];
  }
  if (order.buffer !== target.order.buffer) {
    target.order.set(order);
    target.keys.set(keys);
  }
  keepBuffers(spare);
  return { order: target.order, sorted: target.keys };
}
var pool = [];
var POOLED = 2;
function takeBuffers(n) {
  let best = -1;
  for (let k = 0; k < pool.length; k++) {
    const length = pool[k]?.deref()?.order.length ?? -1;
    if (length >= n && (best < 0 || length < (pool[best]?.deref()?.order.length ?? 0))) best = k;
  }
  const taken = best < 0 ? void 0 : pool.splice(best, 1)[0]?.deref();
  return taken ?? { order: new Uint32Array(n), keys: new Float64Array(n) };
}
function keepBuffers(buffers) {
  pool.push(new WeakRef(buffers));
  pool.sort((a, b) => (b.deref()?.order.length ?? -1) - (a.deref()?.order.length ?? -1));
  pool.length = Math.min(pool.length, POOLED);
}
function radixPass(order, keys, nextOrder, nextKeys, count, word, shift) {
  const n = order.length;
  const words = new Uint32Array(keys.buffer, keys.byteOffset, 2 * n);
  count.fill(0);
  for (let i = 0; i < n; i++) {
    const digit = (words[2 * i + word] ?? 0) >>> shift & 65535;
    count[digit] = (count[digit] ?? 0) + 1;
  }
  if (count[(words[word] ?? 0) >>> shift & 65535] === n) return false;
  let start = 0;
  for (let digit = 65535; digit >= 0; digit--) {
    const size = count[digit] ?? 0;
    count[digit] = start;
    start += size;
  }
  for (let i = 0; i < n; i++) {
    const digit = (words[2 * i + word] ?? 0) >>> shift & 65535;
    const at = count[digit] ?? 0;
    count[digit] = at + 1;
    nextOrder[at] = order[i] ?? 0;
    nextKeys[at] = keys[i] ?? 0;
  }
  return true;
}
function rankingMetrics({ order, sorted }, positive, weights) {
  const n = order.length;
  let positives = 0;
  let total = 0;
  if (weights) {
    for (let i = 0; i < n; i++) {
      const w = weights[i] ?? 0;
      total += w;
      if (positive[i]) positives += w;
    }
  } else {
    total = n;
    for (let i = 0; i < n; i++) if (positive[i]) positives++;
  }
  const negatives = total - positives;
  if (positives === 0 || negatives === 0) return null;
  let tp = 0;
  let fp = 0;
  let prevTpr = 0;
  let prevFpr = 0;
  let area = 0;
  let averagePrecision = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k] ?? 0;
    const w = weights ? weights[i] ?? 0 : 1;
    if (positive[i]) tp += w;
    else fp += w;
    if (k + 1 < n && sorted[k + 1] === sorted[k]) continue;
    if (tp + fp === 0) continue;
    const tpr = tp / positives;
    const fpr = fp / negatives;
    area += (fpr - prevFpr) * (tpr + prevTpr) / 2;
    averagePrecision += (tpr - prevTpr) * (tp / (tp + fp));
    prevTpr = tpr;
    prevFpr = fpr;
  }
  return { rocAuc: area, averagePrecision };
}
function oneVsRestRocAucs(ranked, truth, weights) {
  const aucs = [];
  const flags = new Uint8Array(truth.length);
  for (let c = 0; c < ranked.length; c++) {
    for (let i = 0; i < truth.length; i++) flags[i] = truth[i] === c ? 1 : 0;
    const column = ranked[c];
    const values = column ? rankingMetrics(column, flags, weights) : null;
    if (!values) return null;
    aucs.push(values.rocAuc);
  }
  return aucs;
}
function oneVsRestRocAuc(ranked, truth, weights) {
  const aucs = oneVsRestRocAucs(ranked, truth, weights);
  return aucs ? aucs.reduce((sum, auc) => sum + auc, 0) / aucs.length : null;
}
function oneVsRestWeightedRocAuc(ranked, truth, weights) {
  const aucs = oneVsRestRocAucs(ranked, truth, weights);
  return aucs ? supportWeighted(aucs, truth, weights) : null;
}
function supportWeighted(aucs, truth, weights) {
  const support = new Float64Array(aucs.length);
  for (let i = 0; i < truth.length; i++) {
    const c = truth[i] ?? 0;
    support[c] = (support[c] ?? 0) + (weights ? weights[i] ?? 0 : 1);
  }
  let sum = 0;
  let total = 0;
  aucs.forEach((auc, c) => {
    sum += auc * (support[c] ?? 0);
    total += support[c] ?? 0;
  });
  return sum / total;
}
function oneVsOneRocAuc(ranked, truth, weights) {
  const k = ranked.length;
  const byClass = ranked.map((column) => ranksByClass(column, truth, k, weights));
  let sum = 0;
  let pairs = 0;
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const columnA = ranked[a];
      const columnB = ranked[b];
      if (!columnA || !columnB) return null;
      const aVsB = pairRocAuc(columnA, byClass[a]?.[a], byClass[a]?.[b], weights);
      const bVsA = pairRocAuc(columnB, byClass[b]?.[b], byClass[b]?.[a], weights);
      if (aVsB === null || bVsA === null) return null;
      sum += (aVsB + bVsA) / 2;
      pairs++;
    }
  }
  return pairs === 0 ? null : sum / pairs;
}
function ranksByClass(column, truth, k, weights) {
  const counts = new Uint32Array(k);
  for (let i = 0; i < truth.length; i++) {
    if (weights && (weights[i] ?? 0) === 0) continue;
    const c = truth[i] ?? 0;
    counts[c] = (counts[c] ?? 0) + 1;
  }
  const lists = Array.from(counts, (count) => new Uint32Array(count));
  const filled = new Uint32Array(k);
  for (let rank = 0; rank < column.order.length; rank++) {
    const row = column.order[rank] ?? 0;
    if (weights && (weights[row] ?? 0) === 0) continue;
    const c = truth[row] ?? 0;
    const at = filled[c] ?? 0;
    filled[c] = at + 1;
    const list2 = lists[c];
    if (list2) list2[at] = rank;
  }
  return lists;
}
function pairRocAuc({ order, sorted }, positives, negatives, weights) {
  if (!positives || !negatives || positives.length === 0 || negatives.length === 0) return null;
  const weightAt = (rank) => weights ? weights[order[rank] ?? 0] ?? 0 : 1;
  let tp = 0;
  let fp = 0;
  let prevTp = 0;
  let prevFp = 0;
  let area = 0;
  let p = 0;
  let q = 0;
  while (p < positives.length || q < negatives.length) {
    const takePositive = q >= negatives.length || p < positives.length && (positives[p] ?? 0) < (negatives[q] ?? 0);
    const rank = takePositive ? positives[p++] ?? 0 : negatives[q++] ?? 0;
    if (takePositive) tp += weightAt(rank);
    else fp += weightAt(rank);
    const next = p < positives.length && (q >= negatives.length || (positives[p] ?? 0) < (negatives[q] ?? 0)) ? positives[p] : negatives[q];
    if (next !== void 0 && (p < positives.length || q < negatives.length) && sorted[next] === sorted[rank]) continue;
    area += (fp - prevFp) * (tp + prevTp) / 2;
    prevTp = tp;
    prevFp = fp;
  }
  return area / (tp * fp);
}

// src/evaluate/metrics.ts
function markUndefined(outcome, names, reason) {
  for (const name of names) outcome.undefined[name] = reason;
  const listed = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1) ?? ""}`;
  outcome.warnings.push(`${listed} ${names.length === 1 ? "is" : "are"} undefined because ${reason}`);
}
var EPS = 2220446049250313e-31;
function classificationMetrics(input) {
  const { labels, predictions } = input;
  const warnings = [];
  const undefinedMetrics = {};
  const outcome = { warnings, undefined: undefinedMetrics };
  const {
    classes,
    remaps: [truthClass = new Int32Array(), predictedClass = new Int32Array()]
  } = unionOfClasses(labels, predictions);
  const k = classes.length;
  const counts = remappedConfusionCounts(labels.codes, truthClass, predictions.codes, predictedClass, k);
  const positive = input.positiveLabel;
  const zeroDivisions = /* @__PURE__ */ new Set();
  const binary = k <= 2 && positive !== void 0 ? { positive: classes.indexOf(positive) } : null;
  const metrics = metricsFromConfusion(counts, k, binary, zeroDivisions, classes);
  if (k > MAX_PER_CLASS) {
    for (const name of ["precision", "recall", "f1"])
      undefinedMetrics[`${name}[*]`] = `per-class metrics are computed for at most ${MAX_PER_CLASS} classes and the data has ${k}`;
  }
  if (k <= 2 && positive === void 0) {
    warnings.push(
      `binary metrics (precision, recall, f1, roc_auc ...) need the positive class; the labels are ${classes.map((c) => JSON.stringify(c)).join(" and ")}: set model.positive_label`
    );
  }
  let curves;
  if (binary && positive !== void 0 && input.scores) {
    const scores = input.scores instanceof Float64Array ? input.scores : Float64Array.from(input.scores);
    const scored = binaryScoreMetrics(labels, scores, positive, outcome, input.withCurves);
    Object.assign(metrics, scored.metrics);
    curves = scored.curves;
  }
  if (input.probabilities) Object.assign(metrics, probabilityMetrics(labels, input.probabilities, k, outcome));
  for (const what of zeroDivisions) {
    warnings.push(
      `${what} is ill-defined for a class with no ${what === "recall" ? "true" : "predicted"} samples; set to 0 as scikit-learn does`
    );
  }
  const matrix = classes.map((_, t) => classes.map((__, p) => counts[t * k + p] ?? 0));
  return {
    metrics,
    warnings,
    undefined: undefinedMetrics,
    confusion: { labels: classes, matrix },
    ...curves ? { curves } : {}
  };
}
function remappedConfusionCounts(truth, truthClass, predicted, predictedClass, k) {
  const counts = new Float64Array(k * k);
  for (let i = 0; i < truth.length; i++) {
    const cell = (truthClass[truth[i] ?? 0] ?? 0) * k + (predictedClass[predicted[i] ?? 0] ?? 0);
    counts[cell] = (counts[cell] ?? 0) + 1;
  }
  return counts;
}
function binaryLogLoss(isPositive, score) {
  const clipped = Math.min(Math.max(score, EPS), 1 - EPS);
  return isPositive ? -Math.log(clipped) : -Math.log(1 - clipped);
}
function binaryScoreMetrics(labels, scores, positive, outcome, withCurves = false) {
  const n = labels.codes.length;
  const positiveCode = labels.classes.indexOf(positive);
  const isPositive = new Uint8Array(n);
  let brier = 0;
  let logLoss = 0;
  for (let i = 0; i < n; i++) {
    const y = labels.codes[i] === positiveCode ? 1 : 0;
    isPositive[i] = y;
    const p = scores[i] ?? 0;
    brier += (y - p) ** 2;
    logLoss += binaryLogLoss(y === 1, p);
  }
  const metrics = {
    brier_score: brier / n,
    log_loss: logLoss / n,
    expected_calibration_error: expectedCalibrationError(scores, isPositive)
  };
  const { curves, ranking } = withDescendingOrder(scores, (ranked) => ({
    curves: withCurves ? { curves: binaryCurves(ranked, scores, isPositive) } : {},
    ranking: rankingMetrics(ranked, isPositive)
  }));
  if (!ranking) {
    markUndefined(outcome, ["roc_auc", "average_precision"], "only one class is present in the labels");
    return { metrics, ...curves };
  }
  metrics.roc_auc = ranking.rocAuc;
  metrics.average_precision = ranking.averagePrecision;
  return { metrics, ...curves };
}
function multiclassLogLosses(truth, columns) {
  const n = truth.length;
  const losses = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (const column of columns) sum += Math.min(Math.max(column[i] ?? 0, EPS), 1 - EPS);
    const own = Math.min(Math.max(columns[truth[i] ?? 0]?.[i] ?? 0, EPS), 1 - EPS);
    losses[i] = -Math.log(own / sum);
  }
  return losses;
}
function rowsSumToOne(columns, n) {
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (const column of columns) sum += column[i] ?? 0;
    if (Math.abs(1 - sum) > 1e-8 + 1e-5 * Math.abs(sum)) return false;
  }
  return true;
}
function probabilityMetrics(labels, probabilities, k, outcome) {
  const column = new Map(probabilities.classes.map((cls, c) => [cls, c]));
  const columnOfClass = Int32Array.from(labels.classes, (cls) => column.get(cls) ?? -1);
  const n = labels.codes.length;
  const truth = new Int32Array(n);
  for (let i = 0; i < n; i++) truth[i] = columnOfClass[labels.codes[i] ?? 0] ?? -1;
  const metrics = {};
  const losses = multiclassLogLosses(truth, probabilities.columns);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += losses[i] ?? 0;
  metrics.log_loss = sum / n;
  if (k > 2 || probabilities.classes.length > 2) {
    const { confidence, correct } = topClassConfidence(truth, probabilities.columns);
    metrics.expected_calibration_error = expectedCalibrationError(confidence, correct);
    const names = ["roc_auc", "roc_auc_ovr_weighted", "roc_auc_ovo"];
    const labelled = new Uint8Array(probabilities.classes.length);
    for (const c of truth) if (c >= 0) labelled[c] = 1;
    const unlabelled = probabilities.classes.filter((_, c) => labelled[c] === 0);
    if (!rowsSumToOne(probabilities.columns, n)) {
      markUndefined(outcome, names, "the class probabilities of a row do not sum to 1");
    } else if (unlabelled.length > 0) {
      const distinct = unionOfClasses(labels).classes.length;
      markUndefined(
        outcome,
        names,
        distinct === 1 ? "only one class is present in the labels" : `no row is labelled ${unlabelled.map((c) => JSON.stringify(c)).join(", ")}`
      );
    } else {
      const ranked = probabilities.columns.map((column2) => descendingOrder(column2));
      const perClass = oneVsRestRocAucs(ranked, truth) ?? [];
      metrics.roc_auc = perClass.reduce((total, auc) => total + auc, 0) / perClass.length;
      metrics.roc_auc_ovr_weighted = supportWeighted(perClass, truth);
      metrics.roc_auc_ovo = oneVsOneRocAuc(ranked, truth) ?? Number.NaN;
    }
  }
  return metrics;
}
function regressionMetrics(actual, predicted) {
  const n = actual.length;
  let absolute = 0;
  let squared = 0;
  let percentage = 0;
  let sum = 0;
  const errors = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const y = actual[i] ?? 0;
    const error = Math.abs(y - (predicted[i] ?? 0));
    errors[i] = error;
    absolute += error;
    squared += error * error;
    percentage += error / Math.max(Math.abs(y), EPS);
    sum += y;
  }
  const mean = sum / n;
  let total = 0;
  for (let i = 0; i < n; i++) total += ((actual[i] ?? 0) - mean) ** 2;
  const warnings = [];
  const r2 = r2Score(squared, total);
  let maxError = 0;
  let residualSum = 0;
  for (let i = 0; i < n; i++) {
    const residual = (actual[i] ?? 0) - (predicted[i] ?? 0);
    residualSum += residual;
    maxError = Math.max(maxError, Math.abs(residual));
  }
  const residualMean = residualSum / n;
  let residualVariance = 0;
  for (let i = 0; i < n; i++) residualVariance += ((actual[i] ?? 0) - (predicted[i] ?? 0) - residualMean) ** 2;
  if (total === 0)
    warnings.push(
      "r2 and explained_variance are ill-defined for a constant target; reported as scikit-learn does (1 if perfect, else 0)"
    );
  return {
    metrics: {
      mae: absolute / n,
      mse: squared / n,
      rmse: Math.sqrt(squared / n),
      r2,
      mape: percentage / n,
      median_absolute_error: median(errors.sort()),
      explained_variance: r2Score(residualVariance, total),
      max_error: maxError
    },
    warnings,
    undefined: {}
  };
}
function r2Score(residual, total) {
  if (total === 0) return residual === 0 ? 1 : 0;
  return 1 - residual / total;
}
function median(sorted) {
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] ?? 0 : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

// src/evaluate/predictions.ts
function predictionColumns(value) {
  if (typeof value === "string") {
    return {
      path: value,
      label: "label",
      prediction: "prediction",
      score: "score",
      scoreRequired: false,
      scorePrefix: void 0,
      id: void 0
    };
  }
  return {
    path: value.path,
    label: value.label,
    prediction: value.prediction,
    score: value.score ?? (value.score_prefix === void 0 ? "score" : void 0),
    scoreRequired: value.score !== void 0,
    scorePrefix: value.score_prefix,
    id: value.id
  };
}
async function readPredictions(file, columns, options) {
  const { source, task } = options;
  const table = await openTable(file, formatOf(file), {
    displayName: source,
    what: "predictions file",
    missingHint: "the evaluate command should write it (evaluate.predictions)"
  });
  const header = table.columns;
  const refuse = (message) => {
    table.close();
    throw new InputError(message, { hint: `its columns are: ${header.join(", ")}` });
  };
  const required = (column, what) => {
    const at = header.indexOf(column);
    return at < 0 ? refuse(`${source} has no "${column}" column (${what})`) : at;
  };
  const labelAt = required(columns.label, "evaluate.predictions.label");
  const predictionAt = required(columns.prediction, "evaluate.predictions.prediction");
  const idAt = columns.id === void 0 ? -1 : required(columns.id, "evaluate.predictions.id");
  const sliceAts = options.slices.map((column) => [column, required(column, "evaluate.slices")]);
  const classification = task === "classification";
  const scoreAt = !classification || columns.score === void 0 ? -1 : columns.scoreRequired ? required(columns.score, "evaluate.predictions.score") : header.indexOf(columns.score);
  const prefix = classification ? columns.scorePrefix : void 0;
  const probabilityAts = prefix === void 0 ? [] : header.flatMap((c, at) => c.startsWith(prefix) ? [at] : []);
  if (prefix !== void 0 && probabilityAts.length === 0) {
    refuse(`${source} has no columns starting with "${prefix}" (evaluate.predictions.score_prefix)`);
  }
  const labels = new ColumnInterner();
  const predictions = new ColumnInterner();
  let rows = 0;
  const scores = scoreAt >= 0 ? [] : null;
  const probabilityColumns = probabilityAts.map(() => []);
  const ids = idAt >= 0 ? [] : null;
  const idRows = /* @__PURE__ */ new Map();
  const sliceInterners = sliceAts.map(() => new ColumnInterner());
  for await (const row of table.rows) {
    const where = `${source} row ${row.record + 1}`;
    if (row.cells.length !== header.length) {
      throw new InputError(
        `${where} has ${row.cells.length} values but the header names ${header.length} columns (${row.cells.length > header.length ? "extra" : "missing"} values)`,
        { hint: "every row needs exactly one value per column; quote values that contain the delimiter" }
      );
    }
    const label = row.cells[labelAt];
    const prediction = row.cells[predictionAt];
    if (label === null || label === void 0) throw new InputError(`${where}: the label is empty`);
    if (prediction === null || prediction === void 0) throw new InputError(`${where}: the prediction is empty`);
    labels.add(label);
    predictions.add(prediction);
    rows++;
    if (scores) scores.push(probability(row.cells[scoreAt], `${where}: score`));
    probabilityAts.forEach((at, c) => {
      probabilityColumns[c]?.push(probability(row.cells[at], `${where}: ${header[at] ?? ""}`));
    });
    if (ids) {
      const id = row.cells[idAt];
      if (id === null || id === void 0) throw new InputError(`${where}: the row id (${columns.id ?? ""}) is empty`);
      const earlier = idRows.get(id);
      if (earlier !== void 0) {
        throw new InputError(
          `${source}: row id ${JSON.stringify(id)} appears twice (rows ${earlier} and ${row.record + 1})`,
          {
            hint: "an id column must identify each row once, so rows can be paired with the baseline's"
          }
        );
      }
      idRows.set(id, row.record + 1);
      ids.push(id);
    }
    sliceAts.forEach(([, at], s) => sliceInterners[s]?.add(row.cells[at] ?? "(empty)"));
  }
  if (rows === 0)
    throw new InputError(`${source} has no rows`, { hint: "the evaluate command wrote an empty predictions file" });
  const probabilities = prefix === void 0 ? null : {
    classes: probabilityAts.map((at) => (header[at] ?? "").slice(prefix.length)),
    columns: probabilityColumns.map((values) => Float64Array.from(values))
  };
  const labelColumn = labels.finish();
  const predictionColumn = predictions.finish();
  if (probabilities) {
    const known = new Set(probabilities.classes);
    const unknown = Uint8Array.from(labelColumn.classes, (label) => known.has(label) ? 0 : 1);
    const row = labelColumn.codes.findIndex((code) => unknown[code] === 1);
    if (row >= 0) {
      const label = labelColumn.classes[labelColumn.codes[row] ?? 0] ?? "";
      throw new InputError(
        `${source}: the label ${JSON.stringify(label)} (row ${row + 2}) has no probability column "${prefix ?? ""}${label}"`,
        { hint: "write one probability column per class, named score_prefix + class" }
      );
    }
  }
  return {
    source,
    rows,
    labels: labelColumn,
    predictions: predictionColumn,
    actual: classification ? null : numbers(labelColumn, source, "label"),
    predicted: classification ? null : numbers(predictionColumn, source, "prediction"),
    scores: scores ? Float64Array.from(scores) : null,
    probabilities,
    ids,
    slices: new Map(
      sliceAts.map(([column], s) => [column, sliceInterners[s]?.finish() ?? { classes: [], codes: new Uint32Array() }])
    )
  };
}
function probability(cell, what) {
  const value = cell === null || cell === void 0 || cell.trim() === "" ? Number.NaN : Number(cell);
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new InputError(`${what} ${JSON.stringify(cell ?? null)} is not a probability between 0 and 1`, {
      hint: "scores must be finite probabilities; NaN, empty and out-of-range values cannot be scored"
    });
  }
  return value + 0;
}
function numbers(column, source, what) {
  const parsed = Float64Array.from(column.classes, (text) => text.trim() === "" ? Number.NaN : Number(text));
  const out = new Float64Array(column.codes.length);
  column.codes.forEach((code, i) => {
    const value = parsed[code] ?? Number.NaN;
    if (!Number.isFinite(value)) {
      const text = column.classes[code] ?? "";
      throw new InputError(`${source} row ${i + 2}: ${what} ${JSON.stringify(text)} is not a number`);
    }
    out[i] = value;
  });
  return out;
}

// src/evaluate/evaluate.ts
async function evaluateModel(context) {
  const { loaded, logger } = context;
  const evaluate = loaded.config.evaluate;
  const result = {
    stage: "evaluate",
    status: "ok",
    metrics: {},
    undefinedMetrics: {},
    sources: {},
    slices: [],
    rows: 0,
    confusion: null,
    curves: null,
    predictions: null,
    warnings: [],
    failure: null
  };
  if (!evaluate) return { ...result, status: "skipped" };
  if (evaluate.command) {
    const env = { ...context.env, ...loaded.config.train?.env ?? {} };
    const redact = redactorFor(env);
    logger.info(`$ ${redact(evaluate.command)}`);
    const timeoutMs = evaluate.timeout_minutes === void 0 ? void 0 : evaluate.timeout_minutes * 6e4;
    const run = await runCommand({
      command: evaluate.command,
      cwd: loaded.root,
      env,
      logger,
      label: "evaluate",
      redact,
      ...timeoutMs === void 0 ? {} : { timeoutMs }
    });
    if (run.exitCode !== 0) {
      const failure = describeFailure("evaluation", redact(evaluate.command), run, timeoutMs);
      return { ...result, status: "failed", failure };
    }
  }
  if (evaluate.predictions) {
    const columns = predictionColumns(evaluate.predictions);
    const file = path.resolve(loaded.root, columns.path);
    const task = loaded.config.model.task;
    const table = await readPredictions(file, columns, { task, slices: evaluate.slices, source: columns.path });
    const positiveLabel = resolvePositiveLabel(loaded.config.model.positive_label, table.labels.classes);
    const overall = computeMetrics(task, table, positiveLabel, void 0, true);
    Object.assign(result.metrics, overall.metrics);
    result.undefinedMetrics = overall.undefined;
    for (const name of Object.keys(overall.metrics)) result.sources[name] = columns.path;
    result.warnings.push(...overall.warnings);
    result.rows = table.rows;
    if (overall.confusion && overall.confusion.labels.length <= MAX_CONFUSION_CLASSES)
      result.confusion = overall.confusion;
    result.curves = overall.curves ?? null;
    result.predictions = await snapshotPredictions(file, columns.path, context.workspace.outDir);
    result.slices.push(...sliceMetrics(task, table, positiveLabel));
  }
  const metricFiles = typeof evaluate.metrics_file === "string" ? [evaluate.metrics_file] : evaluate.metrics_file ?? [];
  for (const file of metricFiles) {
    for (const [name, value] of Object.entries(await readMetricsFile(path.resolve(loaded.root, file), file))) {
      if (name in result.metrics && result.sources[name] !== file) {
        result.warnings.push(`${file} also defines "${name}"; the value computed from predictions is kept`);
        continue;
      }
      result.metrics[name] = value;
      result.sources[name] = file;
      delete result.undefinedMetrics?.[name];
    }
  }
  return result;
}
async function snapshotPredictions(file, shown, outDir) {
  await mkdir(outDir, { recursive: true });
  const snapshot = path.join(outDir, `predictions${path.extname(file)}`);
  await copyFile(file, snapshot);
  return { path: shown, snapshot, sha256: (await sha256File(snapshot)).sha256 };
}
var MAX_CONFUSION_CLASSES = 30;
function computeMetrics(task, table, positiveLabel, rows, withCurves = false, into) {
  const pick = (column, buffer) => rows ? pickRows(column, rows, buffer) : column;
  const pickNumbers = (values, buffer) => {
    if (!rows) return values;
    const picked = buffer ? buffer.subarray(0, rows.length) : new Float64Array(rows.length);
    for (let j = 0; j < rows.length; j++) picked[j] = values[rows[j] ?? 0] ?? 0;
    return picked;
  };
  if (task === "regression") {
    const actual = pickNumbers(table.actual ?? new Float64Array());
    const predicted = pickNumbers(table.predicted ?? new Float64Array());
    return {
      ...regressionMetrics(actual, predicted),
      ...withCurves ? { curves: regressionCurves(actual, predicted) } : {}
    };
  }
  const lent = withCurves ? void 0 : into;
  const labels = pick(table.labels, lent?.labels);
  let scores = table.scores ? pickNumbers(table.scores, lent?.scores) : void 0;
  const probabilities = table.probabilities ? {
    classes: table.probabilities.classes,
    columns: table.probabilities.columns.map((column) => pickNumbers(column))
  } : void 0;
  if (!scores && probabilities && probabilities.classes.length === 2 && positiveLabel !== void 0) {
    scores = probabilities.columns[probabilities.classes.indexOf(positiveLabel)];
  }
  return classificationMetrics({
    labels,
    predictions: pick(table.predictions, lent?.predictions),
    ...scores ? { scores } : {},
    ...probabilities ? { probabilities } : {},
    ...positiveLabel === void 0 ? {} : { positiveLabel },
    withCurves
  });
}
function sliceMetrics(task, table, positiveLabel, rows) {
  const out = [];
  for (const [column, values] of table.slices) {
    const groups = rowsByCode(values, rows);
    const largest = groups.reduce((most, members) => Math.max(most, members.length), 0);
    const into = {
      labels: codesFor(table.labels.classes.length, largest),
      predictions: codesFor(table.predictions.classes.length, largest),
      scores: new Float64Array(table.scores ? largest : 0)
    };
    for (const [code, members] of groups.entries()) {
      if (members.length === 0) continue;
      const value = values.classes[code] ?? "";
      const slice = computeMetrics(
        task,
        table,
        positiveLabel,
        members,
        false,
        task === "classification" ? into : void 0
      );
      out.push({ column, value, rows: members.length, metrics: slice.metrics, undefinedMetrics: slice.undefined });
    }
  }
  return out;
}
function resolvePositiveLabel(configured, labels) {
  if (configured !== void 0) return String(configured);
  const distinct = new Set(labels);
  for (const candidate of ["1", "true", "True", "TRUE", "yes", "Yes", "YES"])
    if (distinct.has(candidate)) return candidate;
  return void 0;
}
async function readMetricsFile(file, shown) {
  const options = {
    shown,
    what: "metrics file",
    limit: READ_LIMITS.userJson,
    missingMessage: `metrics file not found: ${shown}`,
    missingHint: "your evaluate command should write it (evaluate.metrics_file)"
  };
  const yaml = /\.ya?ml$/i.test(file);
  const value = yaml ? await readYamlMetrics(file, options) : await readJsonLimited(file, options);
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new InputError(`metrics file ${shown} must hold a ${yaml ? "YAML mapping" : "JSON object"}`);
  const metrics = {};
  const walk = (node, prefix) => {
    if (typeof node === "number" && Number.isFinite(node)) metrics[prefix] = node;
    else if (node !== null && typeof node === "object" && !Array.isArray(node)) {
      for (const [key, child] of Object.entries(node)) walk(child, prefix === "" ? key : `${prefix}.${key}`);
    }
  };
  walk(value, "");
  return metrics;
}
async function readYamlMetrics(file, options) {
  const text = await readTextLimited(file, options);
  try {
    return (0, import_yaml.parse)(text);
  } catch (error) {
    throw new InputError(`metrics file ${options.shown} is not valid YAML: ${error.message.split("\n")[0]}`);
  }
}

// src/chain/chain.ts
import { createHash, randomBytes } from "node:crypto";
import { stat } from "node:fs/promises";
import path2 from "node:path";
var StaleInputError = class extends UserError {
};
function newResultId(now) {
  return `${now.toISOString().replace(/[-:.]/g, "")}-${randomBytes(3).toString("hex")}`;
}
function modelTargets(config) {
  return config.train ? config.train.outputs : config.publish.files ?? [];
}
function describeTargets(config) {
  return modelTargets(config).join(", ") || "(no model files)";
}
async function digestModel(context) {
  const { root } = context.loaded;
  const files = /* @__PURE__ */ new Set();
  for (const target of modelTargets(context.loaded.config)) {
    try {
      for (const file of await listFiles(root, target, { outsideLinks: "follow" })) files.add(file);
    } catch (error) {
      if (error.code !== "ENOENT") throw error;
    }
  }
  const relative = [...files].sort();
  const pass = await fingerprintFiles(
    relative.map((file) => path2.join(root, file)),
    { stampsFile: path2.join(context.workspace.cacheDir, "stamps.json"), keepOtherStamps: true }
  );
  return relative.map((file) => {
    const print = pass.files.get(path2.join(root, file));
    if (!print) throw new Error(`no fingerprint for ${file}`);
    return { path: file, size: print.size, sha256: print.sha256 };
  });
}
function modelDifference(recorded, current) {
  const now = new Map(current.map((file) => [file.path, file]));
  const before = new Map(recorded.map((file) => [file.path, file]));
  const changes = [];
  for (const file of recorded) {
    const found = now.get(file.path);
    if (!found) changes.push(`${file.path} is gone`);
    else if (found.sha256 !== file.sha256 || found.size !== file.size) changes.push(`${file.path} changed`);
  }
  for (const file of current) if (!before.has(file.path)) changes.push(`${file.path} is new`);
  if (changes.length === 0) return null;
  const shown = changes.slice(0, 3).join(", ");
  return changes.length > 3 ? `${shown} and ${changes.length - 3} more` : shown;
}
async function dataIdentity(context) {
  const { config, root } = context.loaded;
  const sources = [config.data?.train, config.data?.eval].flatMap(
    (s) => s === void 0 ? [] : typeof s === "string" ? [s] : s
  );
  if (sources.length === 0) return null;
  const hash = createHash("sha256");
  for (const entry of await listSources(sources, root, projectStoreSettings(config.registry, context.env))) {
    if (entry.kind === "local") {
      const info = await stat(entry.path, { bigint: true });
      hash.update(
        `${toRelative(root, entry.path)}	${info.dev}	${info.ino}	${info.size}	${info.mtimeNs}	${info.ctimeNs}
`
      );
    } else {
      const head = await entry.store.head(entry.key);
      hash.update(`${entry.shown}	${head ? `${head.size}	${head.etag}` : "missing"}
`);
    }
  }
  return hash.digest("hex");
}
function describeTrainRun(id) {
  return id === null ? "a model not made by a train run in this workspace" : `train run ${id}`;
}

// src/context/provenance.ts
function describeCommit(state) {
  return `commit ${state.commit.slice(0, 7)}${state.dirty ? " + uncommitted changes" : ""}`;
}

// src/gate/gate.ts
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path4 from "node:path";

// src/gate/baseline.ts
import { existsSync } from "node:fs";
import path3 from "node:path";
async function resolveBaseline(spec, model, registry, root, options = {}) {
  if (spec === "none") return { baseline: null, absence: "gate.baseline is none, so change rules do not apply" };
  const alias = typeof spec === "string" ? spec : spec.alias ?? "champion";
  const manifest = await registry.resolve(model, alias);
  if (manifest) {
    let predictionsFile = null;
    const attachment = manifest.attachments.predictions;
    if (options.predictionsDir && attachment) {
      const target = path3.join(options.predictionsDir, `baseline-${path3.basename(attachment.path)}`);
      if (await registry.pullAttachment(manifest, "predictions", target)) predictionsFile = target;
    }
    return {
      baseline: {
        description: `${alias} (${manifest.version})`,
        version: manifest.version,
        metrics: manifest.metrics,
        slices: manifest.slices,
        predictionsFile,
        hasPredictions: attachment !== void 0
      },
      absence: null
    };
  }
  const file = typeof spec === "object" ? spec.metrics_file : void 0;
  if (file !== void 0 && existsSync(path3.resolve(root, file))) {
    return {
      baseline: {
        description: `metrics file ${file}`,
        version: null,
        metrics: await readMetricsFile(path3.resolve(root, file), file),
        slices: [],
        predictionsFile: null,
        hasPredictions: false
      },
      absence: null
    };
  }
  const looked = [`no "${alias}" in the registry`, ...file === void 0 ? [] : [`no metrics file ${file}`]];
  return { baseline: null, absence: `${looked.join(" and ")}: this is a first run` };
}

// src/gate/charts.ts
var MAX_SLICE_BARS = 20;
function curvesOfPredictions(task, table, positiveLabel) {
  if (task === "regression") {
    return table.actual && table.predicted ? regressionCurves(table.actual, table.predicted) : null;
  }
  const scores = table.scores ?? (table.probabilities && positiveLabel !== void 0 && table.probabilities.classes.length === 2 ? table.probabilities.columns[table.probabilities.classes.indexOf(positiveLabel)] ?? null : null);
  if (!scores || positiveLabel === void 0) return null;
  const positiveCode = table.labels.classes.indexOf(positiveLabel);
  const codes = table.labels.codes;
  const positive = new Uint8Array(codes.length);
  for (let i = 0; i < codes.length; i++) positive[i] = codes[i] === positiveCode ? 1 : 0;
  return withDescendingOrder(scores, (ranked) => binaryCurves(ranked, scores, positive));
}
function sliceBars(config, slices, baseline, outcomes) {
  const metric = primaryMetricOf(config);
  if (metric === null || slices.length === 0) return [];
  const columns = [...new Set(slices.map((s) => s.column))];
  return columns.map((column) => {
    const all = slices.filter((s) => s.column === column).sort((a, b) => b.rows - a.rows || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    const shown = all.slice(0, MAX_SLICE_BARS);
    const left = all.slice(MAX_SLICE_BARS);
    return {
      metric,
      column,
      bars: shown.map((s) => {
        const outcome = outcomes.find(
          (o) => o.metric === metric && o.slice?.column === column && o.slice.value === s.value && o.significance?.status === "applied" && o.significance.test === "bootstrap"
        );
        const significance = outcome?.significance;
        return {
          value: s.value,
          rows: s.rows,
          candidate: s.metrics[metric] ?? null,
          baseline: baseline?.slices.find((b) => b.column === column && b.value === s.value)?.metrics[metric] ?? null,
          undefinedBecause: s.undefinedMetrics?.[metric] ?? null,
          interval: significance?.status === "applied" && significance.test === "bootstrap" ? {
            low: significance.low,
            high: significance.high,
            level: significance.level,
            relative: outcome?.relative ?? false,
            resamples: significance.resamples,
            source: "rule"
          } : null
        };
      }),
      omitted: { slices: left.length, rows: left.reduce((sum, s) => sum + s.rows, 0) }
    };
  });
}

// src/gate/rules.ts
var SLACK = 1e-12;
function directionOf(metric, rule, config) {
  return builtinMetric(metric)?.direction ?? rule?.direction ?? config.evaluate?.custom_metrics[metric]?.direction;
}
function evaluateRules(config, candidate, baseline, context = {}) {
  const direction = (rule) => directionOf(rule.metric, rule, config) ?? "higher";
  return evaluateRuleList(config.gate?.rules ?? [], direction, candidate, baseline, context);
}
function evaluateRuleList(rules, directionOf2, candidate, baseline, context = {}) {
  const outcomes = [];
  rules.forEach((rule, index) => {
    const direction = directionOf2(rule);
    const targets = rule.slice === void 0 ? [{ slice: null, value: candidate.metrics[rule.metric], base: baseline?.metrics[rule.metric], of: candidate }] : candidate.slices.filter((s) => s.column === rule.slice).map((s) => ({
      slice: { column: s.column, value: s.value },
      value: s.metrics[rule.metric],
      base: baseline?.slices.find((b) => b.column === s.column && b.value === s.value)?.metrics[rule.metric],
      of: s
    }));
    if (rule.slice !== void 0 && targets.length === 0) {
      outcomes.push(errorOutcome(index, rule, direction, null, `no slices of "${rule.slice}" were computed`));
    }
    for (const target of targets) {
      const common = { rule: index, metric: rule.metric, slice: target.slice, direction, relative: rule.relative };
      if (target.value === void 0 || !Number.isFinite(target.value)) {
        outcomes.push(
          errorOutcome(
            index,
            rule,
            direction,
            target.slice,
            `the candidate has no value for "${rule.metric}"${target.slice ? ` in slice ${target.slice.column}=${target.slice.value}` : ""}${whyUndefined(rule.metric, target.of)}`
          )
        );
        continue;
      }
      if (rule.min !== void 0 || rule.max !== void 0) {
        outcomes.push({
          ...common,
          ...valueCheck(rule, target.value),
          kind: "value",
          candidate: target.value,
          baseline: target.base ?? null,
          delta: null,
          significance: null
        });
      }
      if (rule.max_regression !== void 0 || rule.min_improvement !== void 0) {
        const comparable = baseline !== null && target.base !== void 0 && Number.isFinite(target.base);
        const significance = rule.significance !== void 0 && comparable && context.significance && hasPairedTest(rule) ? context.significance(rule, target.slice) : null;
        outcomes.push({
          ...common,
          kind: "change",
          candidate: target.value,
          significance,
          ...changeCheck(rule, direction, target.value, target.base, baseline, significance, context.absence)
        });
      }
    }
  });
  return outcomes.map(
    (outcome) => outcome.verdict === "fail" && rules[outcome.rule]?.severity === "warn" ? { ...outcome, verdict: "warn" } : outcome
  );
}
function hasPairedTest(rule) {
  return rule.test !== void 0;
}
function whyUndefined(metric, { undefinedMetrics }) {
  if (!undefinedMetrics) return "";
  const perClass = perClassMetric(metric);
  const reason = undefinedMetrics[metric] ?? (perClass ? undefinedMetrics[`${perClass.metric}[*]`] ?? `${JSON.stringify(perClass.label)} is not a class of its labels or predictions` : void 0);
  return reason === void 0 ? "" : `: undefined because ${reason}`;
}
function valueCheck(rule, value) {
  const parts = [];
  if (rule.min !== void 0) parts.push(`>= ${rule.min}`);
  if (rule.max !== void 0) parts.push(`<= ${rule.max}`);
  const requirement = parts.join(" and ");
  if (rule.min !== void 0 && value < rule.min - SLACK)
    return { requirement, verdict: "fail", reason: `${formatNumber(value)} is below the minimum ${rule.min}` };
  if (rule.max !== void 0 && value > rule.max + SLACK)
    return { requirement, verdict: "fail", reason: `${formatNumber(value)} is above the maximum ${rule.max}` };
  return { requirement, verdict: "pass", reason: `${formatNumber(value)} is ${requirement}` };
}
function changeRequirement(rule) {
  const amount = amountOf(rule);
  return (rule.max_regression !== void 0 ? `regression <= ${amount(rule.max_regression)}` : `improvement >= ${amount(rule.min_improvement ?? 0)}`) + (rule.significance === void 0 ? "" : ` (${rule.test === "mcnemar" ? "McNemar" : "bootstrap"}, ${percent(rule.significance)})`);
}
function amountOf(rule) {
  return (n) => rule.relative ? `${formatNumber(n * 100)}%` : formatNumber(n);
}
function changeCheck(rule, direction, value, base, baseline, significance, absence) {
  const amount = amountOf(rule);
  const requirement = changeRequirement(rule);
  if (baseline === null) {
    return {
      baseline: null,
      delta: null,
      requirement,
      verdict: "skipped",
      reason: absence ?? "no baseline yet (first run): change rules are skipped"
    };
  }
  if (base === void 0 || !Number.isFinite(base)) {
    return {
      baseline: null,
      delta: null,
      requirement,
      verdict: "skipped",
      reason: `the baseline has no value for "${rule.metric}", so there is nothing to compare with`
    };
  }
  if (rule.relative && base === 0) {
    return {
      baseline: base,
      delta: null,
      requirement,
      verdict: "fail",
      reason: "a relative change cannot be computed against a baseline of 0; use an absolute rule"
    };
  }
  const delta = rule.relative ? (value - base) / Math.abs(base) : value - base;
  const gain = direction === "higher" ? delta : -delta;
  const movement = `${delta < 0 ? "fell" : "rose"} from ${formatNumber(base)} to ${formatNumber(value)}`;
  const point = pointCheck(rule, gain, delta, movement, amount);
  const decided = significance?.status === "applied" ? significantCheck(rule, direction, gain, point, significance, amount) : null;
  const fallback = significance?.status === "unavailable" ? `; point estimates compared, no paired test: ${significance.reason}` : "";
  return {
    baseline: base,
    delta,
    requirement,
    verdict: decided?.verdict ?? point.verdict,
    reason: decided?.reason ?? `${point.reason}${fallback}`
  };
}
function pointCheck(rule, gain, delta, movement, amount) {
  if (rule.max_regression !== void 0) {
    const pass2 = gain >= -rule.max_regression - SLACK;
    let reason2;
    if (gain >= 0) reason2 = delta === 0 ? "unchanged" : `${movement}: no regression`;
    else if (pass2) reason2 = `${movement}: worse by ${amount(-gain)}, within the allowed ${amount(rule.max_regression)}`;
    else reason2 = `${movement}: worse by ${amount(-gain)}, more than the allowed ${amount(rule.max_regression)}`;
    return { verdict: pass2 ? "pass" : "fail", reason: reason2 };
  }
  const needed = rule.min_improvement ?? 0;
  const pass = gain >= needed - SLACK;
  const change = gain >= 0 ? `better by ${amount(gain)}` : `worse by ${amount(-gain)}`;
  const reason = `${delta === 0 ? "unchanged" : movement}: ${pass ? change : `${change}, short of the required improvement of ${amount(needed)}`}`;
  return { verdict: pass ? "pass" : "fail", reason };
}
function significantCheck(rule, direction, gain, point, significance, amount) {
  const level = percent(significance.level);
  if (significance.test === "bootstrap") {
    const gainLow = direction === "higher" ? significance.low : -significance.high;
    const gainHigh = direction === "higher" ? significance.high : -significance.low;
    const interval = `the ${level} interval of the change is [${signedAmount(significance.low, amount)}, ${signedAmount(significance.high, amount)}]`;
    if (rule.max_regression !== void 0) {
      const tolerance = rule.max_regression;
      if (gainHigh < -tolerance - SLACK)
        return {
          verdict: "fail",
          reason: `${point.reason}; ${interval}, all of it past the allowed ${amount(tolerance)}: the regression is real`
        };
      return {
        verdict: "pass",
        reason: point.verdict === "fail" ? `${point.reason}, but ${interval}, which reaches within the allowed ${amount(tolerance)}: not a significant regression` : `${point.reason}; ${interval}`
      };
    }
    const needed = rule.min_improvement ?? 0;
    if (gainLow >= needed - SLACK)
      return {
        verdict: "pass",
        reason: `${point.reason}; ${interval}, all of it clearing the required ${amount(needed)}`
      };
    return {
      verdict: "fail",
      reason: `${point.reason}${point.verdict === "pass" ? ", but" : ";"} ${interval}, which does not all clear the required ${amount(needed)}: not a significant improvement`
    };
  }
  const alpha = 1 - significance.level;
  const evidence = `McNemar's exact test p = ${formatNumber(significance.pValue)} (${significance.baselineOnly} rows only the baseline got right, ${significance.candidateOnly} only the candidate)`;
  const real = significance.pValue < alpha;
  if (rule.max_regression !== void 0) {
    const worse = significance.baselineOnly > significance.candidateOnly;
    if (point.verdict === "fail" && real && worse)
      return {
        verdict: "fail",
        reason: `${point.reason}; ${evidence} < ${formatNumber(alpha)}: the regression is real`
      };
    return {
      verdict: "pass",
      reason: point.verdict === "fail" ? `${point.reason}, but ${evidence} >= ${formatNumber(alpha)}: not a significant regression` : `${point.reason}; ${evidence}`
    };
  }
  if (point.verdict === "fail") return { verdict: "fail", reason: `${point.reason}; ${evidence}` };
  if (real && significance.candidateOnly > significance.baselineOnly && gain >= 0)
    return {
      verdict: "pass",
      reason: `${point.reason}; ${evidence} < ${formatNumber(alpha)}: the improvement is real`
    };
  return {
    verdict: "fail",
    reason: `${point.reason}, but ${evidence} >= ${formatNumber(alpha)}: not a significant improvement`
  };
}
function signedAmount(value, amount) {
  return value > 0 ? `+${amount(value)}` : amount(value);
}
function percent(level) {
  return `${formatNumber(level * 100)}%`;
}
function errorOutcome(index, rule, direction, slice, reason) {
  return {
    rule: index,
    metric: rule.metric,
    slice,
    kind: "value",
    direction,
    candidate: null,
    baseline: null,
    delta: null,
    relative: rule.relative,
    requirement: "",
    verdict: "error",
    reason,
    significance: null
  };
}

// src/gate/significance/random.ts
var TWO_32 = 4294967296;
var MASK_64 = (1n << 64n) - 1n;
var Random = class {
  /**
   * xoshiro128** state; an Int32Array so stepping it allocates nothing. Hot loops (the bootstrap) copy it into local
   * variables, step them inline with exactly {@link nextUint32}'s code, and store them back.
   */
  state = new Int32Array(4);
  constructor(seed) {
    let x = BigInt.asUintN(64, BigInt(Math.trunc(seed)));
    const next = () => {
      x = x + 0x9e3779b97f4a7c15n & MASK_64;
      let z = x;
      z = (z ^ z >> 30n) * 0xbf58476d1ce4e5b9n & MASK_64;
      z = (z ^ z >> 27n) * 0x94d049bb133111ebn & MASK_64;
      return z ^ z >> 31n;
    };
    const a = next();
    const b = next();
    this.state[0] = Number(a & 0xffffffffn);
    this.state[1] = Number(a >> 32n);
    this.state[2] = Number(b & 0xffffffffn);
    this.state[3] = Number(b >> 32n);
    if (this.state.every((word) => word === 0)) this.state[0] = 1;
  }
  /** The next 32 random bits, as an unsigned integer. */
  nextUint32() {
    const s = this.state;
    const s1 = s[1] ?? 0;
    const times5 = Math.imul(s1, 5);
    const result = Math.imul(times5 << 7 | times5 >>> 25, 9);
    const t = s1 << 9;
    const s2 = (s[2] ?? 0) ^ (s[0] ?? 0);
    const s3 = (s[3] ?? 0) ^ s1;
    s[1] = s1 ^ s2;
    s[0] = (s[0] ?? 0) ^ s3;
    s[2] = s2 ^ t;
    s[3] = s3 << 11 | s3 >>> 21;
    return result >>> 0;
  }
  /**
   * A uniform integer in [0, n), for 1 <= n < 2^32: the high word of x * n, redrawing x while the low word falls
   * below 2^32 mod n (Lemire 2019). `threshold` is {@link lemireThreshold}(n), passed in so hot loops compute it once.
   */
  below(n, threshold) {
    for (; ; ) {
      const x = this.nextUint32();
      const low = Math.imul(x, n) >>> 0;
      if (low >= threshold) return Math.round((x * n - low) / TWO_32);
    }
  }
};
function lemireThreshold(n) {
  return (TWO_32 - n) % n;
}
var TWO_TO_MINUS_32 = 2 ** -32;
function fillUniform(random, uniforms) {
  const state = random.state;
  let s0 = state[0] ?? 0;
  let s1 = state[1] ?? 0;
  let s2 = state[2] ?? 0;
  let s3 = state[3] ?? 0;
  for (let i = 0; i < uniforms.length; i++) {
    const times5 = Math.imul(s1, 5);
    uniforms[i] = (Math.imul(times5 << 7 | times5 >>> 25, 9) >>> 0) * TWO_TO_MINUS_32;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = s3 << 11 | s3 >>> 21;
  }
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
}

// src/gate/significance/bootstrap.ts
var MAX_UNDEFINED_SHARE = 0.05;
function pairedBootstrap(statistic, n, settings, relative) {
  const deltas = bootstrapDeltas(statistic, n, settings, relative);
  const defined = deltas.filter((value) => !Number.isNaN(value)).sort();
  const undefinedResamples = deltas.length - defined.length;
  if (defined.length === 0 || undefinedResamples > MAX_UNDEFINED_SHARE * deltas.length) {
    return {
      unavailable: `the metric${relative ? " or its relative change" : ""} is undefined in ${undefinedResamples} of ${deltas.length} resamples (too few rows of some class)`
    };
  }
  const tail = (1 - settings.level) / 2;
  return {
    interval: {
      low: quantile(defined, tail),
      high: quantile(defined, 1 - tail),
      level: settings.level,
      resamples: settings.resamples,
      seed: settings.seed,
      undefinedResamples
    }
  };
}
function bootstrapDeltas(statistic, n, settings, relative) {
  const random = new Random(settings.seed);
  const state = random.state;
  const threshold = lemireThreshold(n);
  const deltas = new Float64Array(settings.resamples);
  const delta = ([candidate, baseline]) => relative ? baseline === 0 ? Number.NaN : (candidate - baseline) / Math.abs(baseline) : candidate - baseline;
  switch (statistic.family) {
    case "cells": {
      const lookup = cellLookup(statistic.codes, statistic.cells, n);
      const counts = new Int32Array(statistic.cells);
      for (let r = 0; r < settings.resamples; r++) {
        counts.fill(0);
        countCells(random, n, threshold, lookup, counts);
        deltas[r] = delta(statistic.finalize(counts));
      }
      break;
    }
    case "sums": {
      const pairs = interleave(statistic.columns, n);
      const sums2 = new Float64Array(2);
      for (let r = 0; r < settings.resamples; r++) {
        drawSums(state[0], state[1], state[2], state[3], n, threshold, pairs, sums2, state);
        deltas[r] = delta(statistic.finalize(sums2, n));
      }
      break;
    }
    case "weights": {
      const weights = new Int32Array(n);
      for (let r = 0; r < settings.resamples; r++) {
        weights.fill(0);
        drawWeights(state[0], state[1], state[2], state[3], n, threshold, weights, state);
        deltas[r] = delta(statistic.finalize(weights));
      }
      break;
    }
  }
  return deltas;
}
function countCells(random, n, threshold, lookup, counts) {
  const { table, shift, thresholds } = lookup;
  const state = random.state;
  for (let left = n; left > 0; ) {
    left = drawCells(state[0], state[1], state[2], state[3], left, n, threshold, table, shift, counts, state);
    if (left > 0) {
      const cell = cellAbove(random.nextUint32(), thresholds);
      counts[cell] = counts[cell] + 1;
      left--;
    }
  }
}
function drawCells(s0, s1, s2, s3, left, n, threshold, table, shift, counts, state) {
  while (left > 0) {
    const times5 = Math.imul(s1, 5);
    const x = Math.imul(times5 << 7 | times5 >>> 25, 9);
    const rejected = Math.imul(x, n) >>> 0 < threshold;
    const cell = table[x >>> shift];
    if (cell === STRADDLES && !rejected) break;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = s3 << 11 | s3 >>> 21;
    if (!rejected) {
      left--;
      counts[cell] = counts[cell] + 1;
    }
  }
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
  return left;
}
function cellAbove(x, thresholds) {
  let low = 0;
  let high = thresholds.length - 1;
  while (low < high) {
    const middle = low + high >>> 1;
    if (x < thresholds[middle]) high = middle;
    else low = middle + 1;
  }
  return low;
}
function drawSums(s0, s1, s2, s3, n, threshold, pairs, sums2, state) {
  let a = 0;
  let b = 0;
  for (let j = 0; j < n; ) {
    const times5 = Math.imul(s1, 5);
    const x = Math.imul(times5 << 7 | times5 >>> 25, 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = s3 << 11 | s3 >>> 21;
    const low = Math.imul(x, n) >>> 0;
    if (low < threshold) continue;
    j++;
    const i = Math.round(((x >>> 0) * n - low) / TWO_322);
    a += pairs[2 * i];
    b += pairs[2 * i + 1];
  }
  sums2[0] = a;
  sums2[1] = b;
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
}
function drawWeights(s0, s1, s2, s3, n, threshold, weights, state) {
  for (let j = 0; j < n; ) {
    const times5 = Math.imul(s1, 5);
    const x = Math.imul(times5 << 7 | times5 >>> 25, 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = s3 << 11 | s3 >>> 21;
    const low = Math.imul(x, n) >>> 0;
    if (low < threshold) continue;
    j++;
    const i = Math.round(((x >>> 0) * n - low) / TWO_322);
    weights[i] = weights[i] + 1;
  }
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
}
var TWO_322 = 4294967296;
var STRADDLES = 65535;
function cellLookup(codes, cells, n) {
  if (cells >= STRADDLES) throw new Error(`${cells} cells do not fit a 16-bit cell table`);
  const sizes = new Float64Array(cells);
  for (const code of codes) sizes[code] = (sizes[code] ?? 0) + 1;
  const thresholds = new Float64Array(cells);
  let end = 0n;
  let boundaries = 0;
  for (let c = 0; c < cells; c++) {
    end += BigInt(sizes[c] ?? 0);
    thresholds[c] = Number(((end << 32n) + BigInt(n) - 1n) / BigInt(n));
    if (c > 0 && thresholds[c] !== thresholds[c - 1]) boundaries++;
  }
  const bits = Math.min(16, Math.max(12, Math.ceil(Math.log2(64 * boundaries + 1))));
  const shift = 32 - bits;
  const width = 2 ** shift;
  const table = new Uint16Array(2 ** bits);
  for (let slice = 0; slice < table.length; slice++) {
    const first = cellAbove(slice * width, thresholds);
    table[slice] = first === cellAbove(slice * width + width - 1, thresholds) ? first : STRADDLES;
  }
  return { table, shift, thresholds };
}
function interleave(columns, n) {
  const [first, second] = columns;
  if (!first || !second || columns.length !== 2) throw new Error("a sums statistic has two columns");
  const pairs = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    pairs[2 * i] = first[i] ?? 0;
    pairs[2 * i + 1] = second[i] ?? 0;
  }
  return pairs;
}
function quantile(sorted, q) {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const a = sorted[below] ?? Number.NaN;
  const b = sorted[Math.min(below + 1, sorted.length - 1)] ?? a;
  const t = position - below;
  const difference = b - a;
  return t >= 0.5 ? b - difference * (1 - t) : a + difference * t;
}

// src/gate/significance/mcnemar.ts
function mcnemarExact(candidateCorrect, baselineCorrect) {
  let candidateOnly = 0;
  let baselineOnly = 0;
  for (let i = 0; i < candidateCorrect.length; i++) {
    const c = candidateCorrect[i] ?? 0;
    const b = baselineCorrect[i] ?? 0;
    if (c > b) candidateOnly++;
    else if (b > c) baselineOnly++;
  }
  return { candidateOnly, baselineOnly, pValue: binomialTwoSidedHalf(candidateOnly, candidateOnly + baselineOnly) };
}
function binomialTwoSidedHalf(k, n) {
  if (n === 0) return 1;
  const m = Math.min(k, n - k);
  if (2 * m === n) return 1;
  let logTerm = -n * Math.LN2;
  for (let i = 0; i < m; i++) logTerm += Math.log(n - i) - Math.log(i + 1);
  let relative = 1;
  let term = 1;
  for (let i = m; i > 0; i--) {
    term *= i / (n - i + 1);
    relative += term;
    if (term < relative * 1e-17) break;
  }
  return Math.min(1, 2 * Math.exp(logTerm + Math.log(relative)));
}

// src/gate/significance/paired-data.ts
function floatsPerRow(n, f) {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f(i);
  return out;
}
function flagsPerRow(n, f) {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = f(i) ? 1 : 0;
  return out;
}
function truthIndexIn(data, classes) {
  const indexOfCode = Int32Array.from(data.classes, (value) => classes.indexOf(value));
  const out = new Int32Array(data.n);
  for (let i = 0; i < data.n; i++) out[i] = indexOfCode[data.truth[i] ?? 0] ?? -1;
  return out;
}
function restrictRows(data, rows) {
  const floats = (values) => {
    const out = new Float64Array(rows.length);
    for (let j = 0; j < rows.length; j++) out[j] = values[rows[j] ?? 0] ?? 0;
    return out;
  };
  if (data.task === "regression") {
    return {
      task: "regression",
      n: rows.length,
      truth: floats(data.truth),
      candidate: floats(data.candidate),
      baseline: floats(data.baseline)
    };
  }
  const classCount = data.classes.length;
  const codes = (values) => {
    const out = codesFor(classCount, rows.length);
    for (let j = 0; j < rows.length; j++) out[j] = values[rows[j] ?? 0] ?? 0;
    return out;
  };
  return {
    ...data,
    n: rows.length,
    truth: codes(data.truth),
    candidate: codes(data.candidate),
    baseline: codes(data.baseline),
    candidateScores: data.candidateScores && floats(data.candidateScores),
    baselineScores: data.baselineScores && floats(data.baselineScores),
    candidateProbabilities: data.candidateProbabilities?.map(floats) ?? null,
    baselineProbabilities: data.baselineProbabilities?.map(floats) ?? null
  };
}

// src/gate/significance/probability-statistics.ts
var MULTICLASS_ROC = {
  roc_auc: oneVsRestRocAuc,
  roc_auc_ovr_weighted: oneVsRestWeightedRocAuc,
  roc_auc_ovo: oneVsOneRocAuc
};
function isMulticlassRocMetric(metric) {
  return Object.hasOwn(MULTICLASS_ROC, metric);
}
function multiclassRocAuc(metric, data) {
  const classes = data.probabilityClasses ?? [];
  const candidate = data.candidateProbabilities;
  const baseline = data.baselineProbabilities;
  if (!candidate || !baseline || classes.length <= 2)
    return { unavailable: `"${metric}" needs the class probabilities (more than two classes) of both models` };
  if (!rowsSumToOne(candidate, data.n) || !rowsSumToOne(baseline, data.n))
    return { unavailable: `"${metric}" is undefined: the class probabilities of a row do not sum to 1` };
  const truth = truthIndexIn(data, classes);
  const score = MULTICLASS_ROC[metric];
  const orders = (columns) => columns.map((column) => descendingOrder(column));
  const candidateOrders = orders(candidate);
  const baselineOrders = orders(baseline);
  return {
    statistic: {
      family: "weights",
      finalize: (weights) => [
        score(candidateOrders, truth, weights) ?? Number.NaN,
        score(baselineOrders, truth, weights) ?? Number.NaN
      ]
    }
  };
}
function calibrationStatistic(data) {
  const classes = data.probabilityClasses;
  let sides;
  if (classes && classes.length > 2 && data.candidateProbabilities && data.baselineProbabilities) {
    const truth = truthIndexIn(data, classes);
    sides = [
      topClassConfidence(truth, data.candidateProbabilities),
      topClassConfidence(truth, data.baselineProbabilities)
    ];
  } else if (data.candidateScores && data.baselineScores && data.positive !== null) {
    const positive = flagsPerRow(data.n, (i) => data.truth[i] === data.positive);
    sides = [
      { confidence: data.candidateScores, correct: positive },
      { confidence: data.baselineScores, correct: positive }
    ];
  } else {
    return {
      unavailable: '"expected_calibration_error" needs the positive-class score (or the class probabilities) of both models'
    };
  }
  const [candidate, baseline] = sides.map(({ confidence, correct }) => {
    const bins = new Uint8Array(data.n);
    for (let i = 0; i < data.n; i++) bins[i] = calibrationBin(confidence[i] ?? 0);
    return { bins, gaps: floatsPerRow(data.n, (i) => (correct[i] ?? 0) - (confidence[i] ?? 0)) };
  });
  const gap = new Float64Array(CALIBRATION_BINS);
  const ece = (side, weights) => {
    gap.fill(0);
    let drawn = 0;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i] ?? 0;
      if (w === 0 || !side) continue;
      const bin = side.bins[i] ?? 0;
      gap[bin] = (gap[bin] ?? 0) + w * (side.gaps[i] ?? 0);
      drawn += w;
    }
    let sum = 0;
    for (const g of gap) sum += Math.abs(g);
    return sum / drawn;
  };
  return { statistic: { family: "weights", finalize: (weights) => [ece(candidate, weights), ece(baseline, weights)] } };
}

// src/gate/significance/statistics.ts
var LABEL_METRICS = /* @__PURE__ */ new Set([
  "accuracy",
  "balanced_accuracy",
  "precision",
  "recall",
  "f1",
  "precision_macro",
  "recall_macro",
  "f1_macro",
  "precision_micro",
  "recall_micro",
  "f1_micro",
  "precision_weighted",
  "recall_weighted",
  "f1_weighted"
]);
var MAX_CELLS = 1 << 16;
function pairedStatistic(metric, data) {
  return data.task === "classification" ? classificationStatistic(metric, data) : regressionStatistic(metric, data);
}
function classificationStatistic(metric, data) {
  const { n, k } = { n: data.n, k: data.classes.length };
  if (LABEL_METRICS.has(metric) || perClassMetric(metric)) {
    if (["precision", "recall", "f1"].includes(metric) && data.positive === null)
      return { unavailable: `"${metric}" needs the positive class (model.positive_label)` };
    const binary = data.positive === null ? null : { positive: data.positive };
    const classes = perClassMetric(metric) ? data.classes : void 0;
    const fromConfusions = (candidate, baseline) => [
      metricsFromConfusion(candidate, k, binary, void 0, classes)[metric] ?? Number.NaN,
      metricsFromConfusion(baseline, k, binary, void 0, classes)[metric] ?? Number.NaN
    ];
    if (k * k * k <= MAX_CELLS) {
      const codes = codesFor(k * k * k, n);
      for (let i = 0; i < n; i++)
        codes[i] = ((data.truth[i] ?? 0) * k + (data.candidate[i] ?? 0)) * k + (data.baseline[i] ?? 0);
      const candidate = new Float64Array(k * k);
      const baseline = new Float64Array(k * k);
      return {
        statistic: {
          family: "cells",
          cells: k * k * k,
          codes,
          finalize(counts) {
            candidate.fill(0);
            baseline.fill(0);
            for (let cell = 0; cell < counts.length; cell++) {
              const count = counts[cell] ?? 0;
              if (count === 0) continue;
              const b = cell % k;
              const truthAndCandidate = (cell - b) / k;
              const t = Math.floor(truthAndCandidate / k);
              candidate[truthAndCandidate] = (candidate[truthAndCandidate] ?? 0) + count;
              baseline[t * k + b] = (baseline[t * k + b] ?? 0) + count;
            }
            return fromConfusions(candidate, baseline);
          }
        }
      };
    }
    return {
      statistic: {
        family: "weights",
        finalize(weights) {
          const candidate = new Float64Array(k * k);
          const baseline = new Float64Array(k * k);
          for (let i = 0; i < n; i++) {
            const w = weights[i] ?? 0;
            if (w === 0) continue;
            const t = data.truth[i] ?? 0;
            candidate[t * k + (data.candidate[i] ?? 0)] = (candidate[t * k + (data.candidate[i] ?? 0)] ?? 0) + w;
            baseline[t * k + (data.baseline[i] ?? 0)] = (baseline[t * k + (data.baseline[i] ?? 0)] ?? 0) + w;
          }
          return fromConfusions(candidate, baseline);
        }
      }
    };
  }
  if (metric === "log_loss") return logLossStatistic(data);
  if (metric === "expected_calibration_error") return calibrationStatistic(data);
  if (metric === "roc_auc_ovr_weighted" || metric === "roc_auc_ovo") return multiclassRocAuc(metric, data);
  if (metric === "brier_score" || metric === "roc_auc" || metric === "average_precision") {
    if (data.probabilityClasses && data.probabilityClasses.length > 2 && isMulticlassRocMetric(metric))
      return multiclassRocAuc(metric, data);
    const { candidateScores, baselineScores } = data;
    if (!candidateScores || !baselineScores)
      return { unavailable: `"${metric}" needs the positive-class score of both models on every row` };
    if (data.positive === null) return { unavailable: `"${metric}" needs the positive class (model.positive_label)` };
    const positive = new Uint8Array(n);
    for (let i = 0; i < n; i++) positive[i] = data.truth[i] === data.positive ? 1 : 0;
    if (metric === "brier_score") {
      const squared = (scores) => floatsPerRow(n, (i) => ((positive[i] ?? 0) - (scores[i] ?? 0)) ** 2);
      return sums([squared(candidateScores), squared(baselineScores)], (s, count) => [
        (s[0] ?? 0) / count,
        (s[1] ?? 0) / count
      ]);
    }
    const orders = [descendingOrder(candidateScores), descendingOrder(baselineScores)];
    const pick = metric === "roc_auc" ? "rocAuc" : "averagePrecision";
    return {
      statistic: {
        family: "weights",
        finalize(weights) {
          const c = rankingMetrics(orders[0], positive, weights);
          const b = rankingMetrics(orders[1], positive, weights);
          return [c ? c[pick] : Number.NaN, b ? b[pick] : Number.NaN];
        }
      }
    };
  }
  return { unavailable: `"${metric}" is not a classification metric the kit computes from predictions` };
}
function logLossStatistic(data) {
  if (data.candidateProbabilities && data.baselineProbabilities && data.probabilityClasses) {
    const truth = truthIndexIn(data, data.probabilityClasses);
    return sums(
      [multiclassLogLosses(truth, data.candidateProbabilities), multiclassLogLosses(truth, data.baselineProbabilities)],
      meanOfBoth
    );
  }
  const { candidateScores, baselineScores } = data;
  if (!candidateScores || !baselineScores || data.positive === null)
    return { unavailable: '"log_loss" needs the probabilities of both models on every row' };
  const losses = (scores) => floatsPerRow(data.n, (i) => binaryLogLoss(data.truth[i] === data.positive, scores[i] ?? 0));
  return sums([losses(candidateScores), losses(baselineScores)], meanOfBoth);
}
function regressionStatistic(metric, data) {
  const { n, truth } = data;
  const perRow = (f) => (predicted) => floatsPerRow(n, (i) => f(truth[i] ?? 0, predicted[i] ?? 0));
  const both = (f) => [
    perRow(f)(data.candidate),
    perRow(f)(data.baseline)
  ];
  switch (metric) {
    case "mae":
      return sums(
        both((y, p) => Math.abs(y - p)),
        meanOfBoth
      );
    case "mse":
      return sums(
        both((y, p) => (y - p) ** 2),
        meanOfBoth
      );
    case "rmse":
      return sums(
        both((y, p) => (y - p) ** 2),
        (s, count) => [Math.sqrt((s[0] ?? 0) / count), Math.sqrt((s[1] ?? 0) / count)]
      );
    case "mape":
      return sums(
        both((y, p) => Math.abs(y - p) / Math.max(Math.abs(y), EPS)),
        meanOfBoth
      );
    case "median_absolute_error": {
      const errors = both((y, p) => Math.abs(y - p));
      const orders = errors.map(
        (values) => Uint32Array.from(values.keys()).sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0))
      );
      return {
        statistic: {
          family: "weights",
          finalize: (weights) => [
            weightedMedian(errors[0] ?? new Float64Array(), orders[0] ?? new Uint32Array(), weights, n),
            weightedMedian(errors[1] ?? new Float64Array(), orders[1] ?? new Uint32Array(), weights, n)
          ]
        }
      };
    }
    case "max_error":
      return {
        statistic: {
          family: "weights",
          finalize(weights) {
            let candidate = 0;
            let baseline = 0;
            for (let i = 0; i < n; i++) {
              if ((weights[i] ?? 0) === 0) continue;
              const y = truth[i] ?? 0;
              candidate = Math.max(candidate, Math.abs(y - (data.candidate[i] ?? 0)));
              baseline = Math.max(baseline, Math.abs(y - (data.baseline[i] ?? 0)));
            }
            return [candidate, baseline];
          }
        }
      };
    case "explained_variance":
      return {
        statistic: {
          family: "weights",
          finalize: (weights) => [
            explainedVariance(truth, data.candidate, weights),
            explainedVariance(truth, data.baseline, weights)
          ]
        }
      };
    case "r2":
      return {
        statistic: {
          family: "weights",
          finalize(weights) {
            let sum = 0;
            for (let i = 0; i < n; i++) sum += (weights[i] ?? 0) * (truth[i] ?? 0);
            const mean = sum / n;
            let total = 0;
            let candidate = 0;
            let baseline = 0;
            for (let i = 0; i < n; i++) {
              const w = weights[i] ?? 0;
              if (w === 0) continue;
              const y = truth[i] ?? 0;
              total += w * (y - mean) ** 2;
              candidate += w * (y - (data.candidate[i] ?? 0)) ** 2;
              baseline += w * (y - (data.baseline[i] ?? 0)) ** 2;
            }
            return [r2Score(candidate, total), r2Score(baseline, total)];
          }
        }
      };
    default:
      return { unavailable: `"${metric}" is not a regression metric the kit computes from predictions` };
  }
}
function explainedVariance(truth, predicted, weights) {
  let count = 0;
  let truthSum = 0;
  let residualSum = 0;
  for (let i = 0; i < truth.length; i++) {
    const w = weights[i] ?? 0;
    count += w;
    truthSum += w * (truth[i] ?? 0);
    residualSum += w * ((truth[i] ?? 0) - (predicted[i] ?? 0));
  }
  const truthMean = truthSum / count;
  const residualMean = residualSum / count;
  let total = 0;
  let residual = 0;
  for (let i = 0; i < truth.length; i++) {
    const w = weights[i] ?? 0;
    if (w === 0) continue;
    total += w * ((truth[i] ?? 0) - truthMean) ** 2;
    residual += w * ((truth[i] ?? 0) - (predicted[i] ?? 0) - residualMean) ** 2;
  }
  return r2Score(residual, total);
}
function sums(columns, finalize) {
  return { statistic: { family: "sums", columns, finalize } };
}
function meanOfBoth(s, n) {
  return [(s[0] ?? 0) / n, (s[1] ?? 0) / n];
}
function weightedMedian(values, ascending, weights, n) {
  const lowRank = n - 1 >> 1;
  const highRank = n >> 1;
  let seen = 0;
  let low = Number.NaN;
  for (let k = 0; k < ascending.length; k++) {
    const i = ascending[k] ?? 0;
    const w = weights[i] ?? 0;
    if (w === 0) continue;
    const value = values[i] ?? 0;
    if (seen <= lowRank && lowRank < seen + w) low = value;
    if (seen <= highRank && highRank < seen + w) return (low + value) / 2;
    seen += w;
  }
  return Number.NaN;
}

// src/gate/significance/assess.ts
function assessRule(rule, data, settings) {
  const level = rule.significance ?? 0.95;
  if (rule.test === "mcnemar") {
    if (data.task !== "classification")
      return { test: "mcnemar", level, status: "unavailable", reason: "McNemar's test needs classification" };
    const correct = (predicted) => flagsPerRow(data.n, (i) => predicted[i] === data.truth[i]);
    return {
      test: "mcnemar",
      level,
      status: "applied",
      ...mcnemarExact(correct(data.candidate), correct(data.baseline))
    };
  }
  const built = pairedStatistic(rule.metric, data);
  if ("unavailable" in built) return { test: "bootstrap", level, status: "unavailable", reason: built.unavailable };
  const outcome = pairedBootstrap(built.statistic, data.n, { ...settings, level }, rule.relative);
  if ("unavailable" in outcome) return { test: "bootstrap", level, status: "unavailable", reason: outcome.unavailable };
  const { low, high, resamples, seed, undefinedResamples } = outcome.interval;
  return { test: "bootstrap", level, status: "applied", low, high, resamples, seed, undefinedResamples };
}
function significanceProvider(pairing, slices, settings) {
  return (rule, slice) => {
    const level = rule.significance ?? 0.95;
    if (!pairing.paired) return { test: rule.test, level, status: "unavailable", reason: pairing.reason };
    if (slice === null) return assessRule(rule, pairing.data, settings);
    const values = slices.get(slice.column);
    const code = values ? values.classes.indexOf(slice.value) : -1;
    const rows = [];
    if (values && code >= 0)
      values.codes.forEach((value, row) => {
        if (value === code) rows.push(row);
      });
    if (rows.length === 0) {
      return {
        test: rule.test,
        level,
        status: "unavailable",
        reason: `no rows of slice ${slice.column}=${slice.value}`
      };
    }
    return assessRule(rule, restrictRows(pairing.data, rows), settings);
  };
}

// src/gate/significance/pairing.ts
var EXAMPLES = 3;
function pairPredictions(candidate, baseline, positiveLabel) {
  let baselineRow;
  let how;
  if (candidate.ids && baseline.ids) {
    const byId = pairByIds(candidate, baseline);
    if (!byId.paired) return byId;
    baselineRow = byId.baselineRow;
    how = `paired by row id: the same ${candidate.rows} ids in both files, with the same labels`;
  } else if (candidate.ids && !baseline.ids) {
    return { paired: false, reason: "the baseline's predictions have no row id column, so rows cannot be matched" };
  } else {
    if (candidate.rows !== baseline.rows) {
      return {
        paired: false,
        reason: `without a row id column (evaluate.predictions.id) rows pair only by position, and the files hold different rows: ${candidate.rows} in the candidate's, ${baseline.rows} in the baseline's`
      };
    }
    const differs = firstDifference(candidate, baseline);
    if (differs >= 0) {
      const [mine, theirs] = [candidate, baseline].map(
        (p) => JSON.stringify(p.actual ? p.actual[differs] : valueAt(p.labels, differs))
      );
      return {
        paired: false,
        reason: `without a row id column (evaluate.predictions.id) rows pair only by position, and the labels differ (row ${differs + 2}: ${mine} in the candidate's, ${theirs} in the baseline's): the rows cannot be shown to be the same`
      };
    }
    baselineRow = null;
    how = `paired by position: both files hold the same ${candidate.rows} labels in the same order`;
  }
  return { paired: true, data: alignedData(candidate, baseline, baselineRow, positiveLabel), how };
}
function pairByIds(candidate, baseline) {
  const candidateIds = candidate.ids ?? [];
  const baselineIds = baseline.ids ?? [];
  const baselineLabels = new Set(baseline.labels.classes);
  const unseen = firstSightOrder(candidate.labels).filter((label) => !baselineLabels.has(label));
  if (unseen.length > 0) {
    return {
      paired: false,
      reason: `the candidate's labels include ${list(unseen)}, which the baseline's predictions never contain: the two were evaluated on different data`
    };
  }
  const baselineIndex = new Map(baselineIds.map((id, row) => [id, row]));
  const baselineRow = new Uint32Array(candidate.rows);
  const onlyCandidate = [];
  candidateIds.forEach((id, row) => {
    const match = baselineIndex.get(id);
    if (match === void 0) onlyCandidate.push(id);
    else baselineRow[row] = match;
  });
  const candidateSet = new Set(candidateIds);
  const onlyBaseline = baselineIds.filter((id) => !candidateSet.has(id));
  if (onlyCandidate.length > 0 || onlyBaseline.length > 0) {
    const parts = [
      onlyCandidate.length > 0 ? `${onlyCandidate.length} row id(s) only in the candidate's (${list(onlyCandidate)})` : "",
      onlyBaseline.length > 0 ? `${onlyBaseline.length} only in the baseline's (${list(onlyBaseline)})` : ""
    ].filter(Boolean);
    return { paired: false, reason: `the files hold different rows: ${parts.join(", ")}` };
  }
  const baselineCodeOf = codesIn(candidate.labels, baseline.labels);
  for (let row = 0; row < candidate.rows; row++) {
    const other = baselineRow[row] ?? 0;
    if (baselineCodeOf[candidate.labels.codes[row] ?? 0] !== baseline.labels.codes[other]) {
      return {
        paired: false,
        reason: `row id ${JSON.stringify(candidateIds[row])} has the label ${JSON.stringify(valueAt(candidate.labels, row))} in the candidate's predictions but ${JSON.stringify(valueAt(baseline.labels, other))} in the baseline's`
      };
    }
  }
  return { paired: true, baselineRow };
}
function codesIn(mine, theirs) {
  const index = new Map(theirs.classes.map((value, code) => [value, code]));
  return Int32Array.from(mine.classes, (value) => index.get(value) ?? -1);
}
function firstSightOrder(column) {
  const seen = new Uint8Array(column.classes.length);
  const order = [];
  for (const code of column.codes) {
    if (seen[code] === 1) continue;
    seen[code] = 1;
    order.push(column.classes[code] ?? "");
  }
  return order;
}
function list(values) {
  const shown = values.slice(0, EXAMPLES).map((value) => JSON.stringify(value));
  return values.length > EXAMPLES ? `${shown.join(", ")} ...` : shown.join(", ");
}
function firstDifference(candidate, baseline) {
  if (candidate.actual && baseline.actual) {
    for (let i = 0; i < candidate.rows; i++) if (candidate.actual[i] !== baseline.actual[i]) return i;
    return -1;
  }
  const baselineCodeOf = codesIn(candidate.labels, baseline.labels);
  const [mine, theirs] = [candidate.labels.codes, baseline.labels.codes];
  for (let i = 0; i < candidate.rows; i++) if (baselineCodeOf[mine[i] ?? 0] !== theirs[i]) return i;
  return -1;
}
function alignedData(candidate, baseline, baselineRow, positiveLabel) {
  const n = candidate.rows;
  const floats = (values) => {
    if (!baselineRow) return values;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = values[baselineRow[i] ?? 0] ?? 0;
    return out;
  };
  if (candidate.actual && candidate.predicted && baseline.predicted) {
    return {
      task: "regression",
      n,
      truth: candidate.actual,
      candidate: candidate.predicted,
      baseline: floats(baseline.predicted)
    };
  }
  const {
    classes,
    remaps: [truthClass, candidateClass, baselineClass]
  } = unionOfClasses(candidate.labels, candidate.predictions, baseline.predictions);
  const recode = (column, remap, rows) => {
    const out = codesFor(classes.length, n);
    for (let i = 0; i < n; i++) out[i] = remap?.[column.codes[rows ? rows[i] ?? 0 : i] ?? 0] ?? 0;
    return out;
  };
  const truth = recode(candidate.labels, truthClass, null);
  const candidateCodes = recode(candidate.predictions, candidateClass, null);
  const baselineCodes = recode(baseline.predictions, baselineClass, baselineRow);
  const positive = positiveLabel === void 0 ? null : classes.indexOf(positiveLabel);
  const candidateProbabilities = candidate.probabilities;
  const baselineProbabilities = baseline.probabilities;
  const sameClasses = candidateProbabilities && baselineProbabilities && candidateProbabilities.classes.length === baselineProbabilities.classes.length && candidateProbabilities.classes.every((c) => baselineProbabilities.classes.includes(c));
  const binaryScore = (predictions, align) => {
    const scores = predictions.scores ?? (predictions.probabilities && positiveLabel !== void 0 && predictions.probabilities.classes.length === 2 ? predictions.probabilities.columns[predictions.probabilities.classes.indexOf(positiveLabel)] ?? null : null);
    return scores && align ? floats(scores) : scores;
  };
  return {
    task: "classification",
    n,
    classes,
    truth,
    candidate: candidateCodes,
    baseline: baselineCodes,
    positive,
    candidateScores: binaryScore(candidate, false),
    baselineScores: binaryScore(baseline, true),
    probabilityClasses: sameClasses ? [...candidateProbabilities.classes] : null,
    candidateProbabilities: sameClasses ? [...candidateProbabilities.columns] : null,
    baselineProbabilities: sameClasses ? candidateProbabilities.classes.map(
      (cls) => floats(baselineProbabilities.columns[baselineProbabilities.classes.indexOf(cls)] ?? new Float64Array(n))
    ) : null
  };
}

// src/gate/significance/normal-quantile.ts
function normalQuantile(q) {
  if (!(q > 0 && q < 1)) throw new RangeError(`a normal quantile needs 0 < q < 1, not ${q}`);
  const a = [
    -39.69683028665376,
    220.9460984245205,
    -275.9285104469687,
    138.357751867269,
    -30.66479806614716,
    2.506628277459239
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293,
    -0.3223964580411365,
    -2.400758277161838,
    -2.549732539343734,
    4.374664141464968,
    2.938163982698783
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const poly = (coefficients, x) => coefficients.reduce((sum, k) => sum * x + k, 0);
  const lowTail = 0.02425;
  if (q < lowTail) {
    const r2 = Math.sqrt(-2 * Math.log(q));
    return poly(c, r2) / (poly(d, r2) * r2 + 1);
  }
  if (q > 1 - lowTail) {
    const r2 = Math.sqrt(-2 * Math.log(1 - q));
    return -poly(c, r2) / (poly(d, r2) * r2 + 1);
  }
  const r = q - 0.5;
  const s = r * r;
  return poly(a, s) * r / (poly(b, s) * s + 1);
}

// src/gate/significance/delong.ts
function deLongInterval(scores, positive, level) {
  const total = scores.length;
  let m = 0;
  for (let i = 0; i < total; i++) m += positive[i] ? 1 : 0;
  const n = total - m;
  if (m < 2 || n < 2)
    return `${m < 2 ? `${m} positive` : `${n} negative`} row${Math.min(m, n) === 1 ? "" : "s"}: DeLong's variance needs two of each class`;
  const groups = withDescendingOrder(scores, ({ order, sorted }) => {
    const tieGroups = [];
    let positivesAbove = 0;
    let negativesAbove = 0;
    let start = 0;
    for (let k = 0; k < total; k++) {
      if (k + 1 < total && sorted[k + 1] === sorted[k]) continue;
      let positives = 0;
      for (let j = start; j <= k; j++) positives += positive[order[j] ?? 0] ? 1 : 0;
      const negatives = k + 1 - start - positives;
      const negativesBelow = n - negativesAbove - negatives;
      tieGroups.push({
        positives,
        negatives,
        v10: (negativesBelow + negatives / 2) / n,
        v01: (positivesAbove + positives / 2) / m
      });
      positivesAbove += positives;
      negativesAbove += negatives;
      start = k + 1;
    }
    return tieGroups;
  });
  let sum10 = 0;
  let sum01 = 0;
  for (const g of groups) {
    sum10 += g.positives * g.v10;
    sum01 += g.negatives * g.v01;
  }
  const auc = sum10 / m;
  const mean01 = sum01 / n;
  let squares10 = 0;
  let squares01 = 0;
  for (const g of groups) {
    squares10 += g.positives * (g.v10 - auc) ** 2;
    squares01 += g.negatives * (g.v01 - mean01) ** 2;
  }
  const variance = squares10 / (m - 1) / m + squares01 / (n - 1) / n;
  const half = normalQuantile(1 - (1 - level) / 2) * Math.sqrt(variance);
  const low = auc - half;
  const high = auc + half;
  return { auc, low: Math.max(0, low), high: Math.min(1, high), clamped: low < 0 || high > 1 };
}

// src/gate/significance/normal-mean.ts
function normalMeanInterval(values, level) {
  const n = values.length;
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  const half = normalQuantile(1 - (1 - level) / 2) * Math.sqrt(squares / (n - 1) / n);
  return { mean, low: mean - half, high: mean + half };
}

// src/gate/significance/wilson.ts
function wilsonInterval(successes, trials, level) {
  const z = normalQuantile(1 - (1 - level) / 2);
  const p = successes / trials;
  const z2n = z * z / trials;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = z / (1 + z2n) * Math.sqrt(p * (1 - p) / trials + z2n / (4 * trials));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

// src/gate/slice-intervals.ts
var REPORT_BOOTSTRAP_DRAWS = 1e7;
function withSliceIntervals(slices, sources) {
  const { settings } = sources;
  const unpaired = !sources.pairing ? "there are no baseline predictions to pair with" : sources.pairing.paired ? null : sources.pairing.reason;
  const out = slices.map((bars) => ({
    ...bars,
    unpaired,
    bars: bars.bars.map((bar) => ({
      ...bar,
      candidateInterval: null,
      candidateIntervalMissing: null,
      changeIntervalMissing: null
    }))
  }));
  const jobs = out.flatMap((bars) => {
    const rows = rowsOfValues(
      sources.candidate,
      bars.column,
      bars.bars.map((bar) => bar.value)
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
    remedy: "a slice rule with significance computes it"
  });
  for (const { bar, metric, rows } of jobs) {
    const paired = bar.interval === null && sources.pairing?.paired ? sources.pairing.data : null;
    const missing = (why) => {
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
        source: "report"
      };
    }
  }
  return out;
}
function overallIntervals(metrics, sources) {
  const all = new Uint32Array(sources.candidate.rows);
  for (let row = 0; row < all.length; row++) all[row] = row;
  const budget = {
    total: sources.budget ?? REPORT_BOOTSTRAP_DRAWS,
    left: sources.budget ?? REPORT_BOOTSTRAP_DRAWS,
    whose: "the model card's",
    before: "the metrics before it",
    remedy: ""
  };
  const intervals = intervalMaker({ ...sources, pairing: null }, budget);
  const out = /* @__PURE__ */ new Map();
  for (const metric of metrics) {
    if (all.length <= 1) out.set(metric, all.length === 1 ? "one row: nothing to resample" : "no rows");
    else out.set(metric, intervals.value(metric, all, sources.levels?.get(metric) ?? sources.settings.level));
  }
  return out;
}
function intervalMaker(sources, budget) {
  const { settings } = sources;
  const candidateOnly = lazy(() => selfPaired(sources));
  const bootstrap = (whole, rows, statistic, level) => {
    const draws = rows.length * settings.resamples;
    const over = (cost2) => `${rows.length} rows \xD7 ${settings.resamples} resamples is more than ${cost2 > budget.total ? `${budget.whose} budget of ${budget.total} bootstrap draws` : `the ${budget.left} bootstrap draws ${budget.before} left of ${budget.whose} budget of ${budget.total}`}${budget.remedy ? ` (${budget.remedy})` : ""}`;
    if (draws > budget.left) return over(draws);
    const data = restrictRows(whole, rows);
    const built = statistic(data);
    if (typeof built === "string") return built;
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
    change: (paired, metric, rows) => bootstrap(paired, rows, (d) => statisticOf(metric, d, false), settings.level)
  };
}
function selfPaired(sources) {
  if (sources.pairing?.paired) {
    const data = sources.pairing.data;
    return data.task === "regression" ? { ...data, baseline: data.candidate } : {
      ...data,
      baseline: data.candidate,
      baselineScores: data.candidateScores,
      baselineProbabilities: data.candidateProbabilities
    };
  }
  const alone = { ...sources.candidate, ids: null };
  const pairing = pairPredictions(alone, alone, sources.positiveLabel);
  if (!pairing.paired) throw new Error(`the candidate's predictions do not pair with themselves: ${pairing.reason}`);
  return pairing.data;
}
function statisticOf(metric, data, alone) {
  const built = pairedStatistic(metric, data);
  if ("unavailable" in built) return built.unavailable;
  if (!alone) return built.statistic;
  const s = built.statistic;
  switch (s.family) {
    case "cells":
      return { ...s, finalize: (counts) => [s.finalize(counts)[0], 0] };
    case "sums":
      return { ...s, finalize: (sums2, n) => [s.finalize(sums2, n)[0], 0] };
    case "weights":
      return { ...s, finalize: (weights) => [s.finalize(weights)[0], 0] };
  }
}
function wilsonCounts(metric, data, rows) {
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
  if (metric !== "recall" && metric !== "precision" || positive === null) return null;
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
  return metric === "recall" ? "no row of the slice has the positive label" : "no row of the slice is predicted positive";
}
var MEAN_METRICS = /* @__PURE__ */ new Set(["log_loss", "brier_score", "mae", "mse", "rmse", "mape"]);
function closedForm(metric, whole, rows, level) {
  if (metric === "roc_auc" && whole.task === "classification") {
    const { candidateScores: scores, positive, probabilityClasses } = whole;
    if (!scores || positive === null || probabilityClasses && probabilityClasses.length > 2) return null;
    const sliceScores = new Float64Array(rows.length);
    const flags = new Uint8Array(rows.length);
    for (let j = 0; j < rows.length; j++) {
      const row = rows[j] ?? 0;
      sliceScores[j] = scores[row] ?? 0;
      flags[j] = whole.truth[row] === positive ? 1 : 0;
    }
    const interval2 = deLongInterval(sliceScores, flags, level);
    if (typeof interval2 === "string") return interval2;
    const { low, high, clamped: clamped2 } = interval2;
    return { low, high, level, method: "delong", resamples: null, ...clamped2 ? { clamped: clamped2 } : {} };
  }
  if (!MEAN_METRICS.has(metric)) return null;
  const data = restrictRows(whole, rows);
  const built = statisticOf(metric, data, true);
  if (typeof built === "string") return built;
  if (built.family !== "sums") return null;
  const interval = normalMeanInterval(built.columns[0] ?? new Float64Array(), level);
  const value = (mean) => built.finalize(Float64Array.of(mean * data.n, mean * data.n), data.n)[0];
  const clamped = interval.low < 0;
  return {
    low: value(Math.max(0, interval.low)),
    high: value(interval.high),
    level,
    method: "normal",
    resamples: null,
    ...clamped ? { clamped } : {}
  };
}
function wilson(counts, level) {
  return { ...wilsonInterval(counts.successes, counts.trials, level), level, method: "wilson", resamples: null };
}
function rowsOfValues(candidate, column, values) {
  const coded = candidate.slices.get(column);
  const wanted = new Set(values);
  const groups = coded ? rowsByCode(coded, void 0, (code) => wanted.has(coded.classes[code] ?? "")) : [];
  const byValue = new Map(coded?.classes.map((value, code) => [value, groups[code]]));
  return new Map(values.map((value) => [value, byValue.get(value) ?? new Uint32Array()]));
}
function lazy(make) {
  let made = null;
  return () => (made ??= { value: make() }).value;
}

// src/gate/gate.ts
var GATE_RESULT_FORMAT = "mlops-kit/gate@1";
async function runGate(context, evaluation, registry) {
  const { config } = context.loaded;
  const gate = config.gate;
  const result = {
    stage: "gate",
    format: GATE_RESULT_FORMAT,
    verdict: "skipped",
    model: config.model.name,
    baseline: null,
    candidate: describeCandidate(context.provenance, evaluation.chain.git),
    source: reportSource(context.provenance, context.runner),
    outcomes: [],
    comparison: [],
    pairing: { status: "not-needed", detail: "no rule asks for significance" },
    notes: [],
    rules: (gate?.rules ?? []).map((rule, index) => ({
      metric: rule.metric,
      line: context.loaded.locate(["gate", "rules", index])?.line ?? null,
      description: rule.description ?? null
    })),
    configFile: path4.relative(context.loaded.repoRoot, context.loaded.file).split(path4.sep).join("/"),
    evaluation: { rows: evaluation.rows, confusion: evaluation.confusion },
    charts: { candidate: evaluation.curves ?? null, baseline: null, baselineMissing: null, slices: [] },
    chain: { ...evaluation.chain, id: newResultId(context.now()), evaluation: evaluation.chain.id }
  };
  const sections = await readUserSections(context.loaded);
  if (sections.length > 0) result.sections = sections;
  if (!gate) return { ...result, notes: ["no gate is configured"] };
  if (evaluation.status !== "ok")
    return { ...result, verdict: "error", notes: [`evaluation ${evaluation.status}: there are no metrics to gate`] };
  const wantsSignificance = gate.rules.some((rule) => rule.significance !== void 0);
  const primary = primaryMetricOf(config);
  const wantsSliceIntervals = primary !== null && evaluation.slices.length > 0;
  const wantsPredictions = wantsSignificance || wantsSliceIntervals || (evaluation.curves ?? null) !== null;
  const scratch = wantsPredictions ? await mkdtemp(path4.join(os.tmpdir(), "mlops-gate-")) : void 0;
  try {
    let resolved;
    try {
      resolved = await resolveBaseline(gate.baseline, config.model.name, registry, context.loaded.root, {
        ...scratch ? { predictionsDir: scratch } : {}
      });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      const message = error.message + (error.hint ? ` (${error.hint})` : "");
      context.logger.error(`gate: the baseline could not be fetched: ${message}`);
      return { ...result, verdict: "error", notes: [`The baseline could not be fetched: ${message}`] };
    }
    const { baseline, absence } = resolved;
    const baseTable = baseline ? await readBaselinePredictions(context, baseline) : null;
    const candidateTable = wantsSliceIntervals || wantsSignificance && baseTable ? await readCandidate(context, evaluation) : null;
    const pairing = baseTable && candidateTable ? pairWithBaseline(context, candidateTable, baseTable) : null;
    let significance;
    if (wantsSignificance && baseline && pairing) {
      result.pairing = pairing.paired ? { status: "paired", detail: pairing.how } : { status: "unpaired", detail: pairing.reason };
      if (!pairing.paired) {
        result.notes.push(
          `No paired test was possible: ${pairing.reason}. Rules with significance compared the point estimates instead.`
        );
      }
      significance = significanceProvider(pairing, candidateTable?.slices ?? /* @__PURE__ */ new Map(), gate.bootstrap);
    }
    const outcomes = evaluateRules(config, evaluation, baseline, {
      ...absence ? { absence } : {},
      ...significance ? { significance } : {}
    });
    if (!baseline && gate.baseline !== "none") {
      result.notes.unshift(
        "First run: there is no baseline yet, so change rules were skipped; value rules still applied."
      );
    }
    const verdict = outcomes.some((o) => o.verdict === "error") ? "error" : outcomes.some((o) => o.verdict === "fail") ? "fail" : "pass";
    return {
      ...result,
      verdict,
      baseline: baseline ? { description: baseline.description, version: baseline.version } : null,
      charts: {
        ...baselineCharts(context, evaluation, baseline, baseTable),
        slices: sliceCharts(context, evaluation, baseline, outcomes, candidateTable, pairing)
      },
      outcomes,
      comparison: compareMetrics(config, evaluation.metrics, baseline?.metrics ?? {})
    };
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}
async function readBaselinePredictions(context, baseline) {
  const { config } = context.loaded;
  if (!config.evaluate?.predictions) return { reason: "the candidate has no predictions file" };
  if (!baseline.predictionsFile) {
    return {
      reason: baseline.hasPredictions ? `the predictions of ${baseline.description} could not be downloaded` : `${baseline.description} has no stored predictions (only versions published with an evaluate stage have them)`
    };
  }
  const columns = predictionColumns(config.evaluate.predictions);
  try {
    const table = await readPredictions(baseline.predictionsFile, columns, {
      task: config.model.task,
      slices: [],
      source: `the predictions of ${baseline.description}`
    });
    return { table };
  } catch (error) {
    if (error instanceof UserError) return { reason: error.message };
    throw error;
  }
}
function baselineCharts(context, evaluation, baseline, baseTable) {
  const candidate = evaluation.curves ?? null;
  if (!candidate) return { candidate, baseline: null, baselineMissing: null };
  if (!baseline || !baseTable) return { candidate, baseline: null, baselineMissing: "there is no baseline" };
  if ("reason" in baseTable) return { candidate, baseline: null, baselineMissing: baseTable.reason };
  const { config } = context.loaded;
  const positive = resolvePositiveLabel(config.model.positive_label, baseTable.table.labels.classes);
  const curves = curvesOfPredictions(config.model.task, baseTable.table, positive);
  return curves ? { candidate, baseline: curves, baselineMissing: null } : { candidate, baseline: null, baselineMissing: `the predictions of ${baseline.description} have no scores` };
}
async function readCandidate(context, evaluation) {
  const { config } = context.loaded;
  if (!config.evaluate?.predictions || !evaluation.predictions) return null;
  const columns = predictionColumns(config.evaluate.predictions);
  return readPredictions(evaluation.predictions.snapshot, columns, {
    task: config.model.task,
    slices: config.evaluate.slices,
    source: columns.path
  });
}
function pairWithBaseline(context, candidate, baseTable) {
  if (!candidate) return { paired: false, reason: "the candidate has no predictions file" };
  if ("reason" in baseTable) return { paired: false, reason: baseTable.reason };
  const positive = resolvePositiveLabel(context.loaded.config.model.positive_label, candidate.labels.classes);
  return pairPredictions(candidate, baseTable.table, positive);
}
function sliceCharts(context, evaluation, baseline, outcomes, candidate, pairing) {
  const { config } = context.loaded;
  const bars = sliceBars(config, evaluation.slices, baseline, outcomes);
  if (bars.length === 0) return bars;
  if (!candidate) {
    const why = "the candidate has no predictions file, so no interval can be computed";
    return bars.map((b) => ({
      ...b,
      unpaired: why,
      bars: b.bars.map((bar) => ({ ...bar, candidateIntervalMissing: why }))
    }));
  }
  const metric = bars[0]?.metric;
  const level = config.gate?.rules.find(
    (rule) => rule.metric === metric && rule.significance !== void 0
  )?.significance;
  return withSliceIntervals(bars, {
    candidate,
    positiveLabel: resolvePositiveLabel(config.model.positive_label, candidate.labels.classes),
    pairing: baseline ? pairing : null,
    settings: { ...config.gate?.bootstrap ?? { resamples: 1e3, seed: 42 }, level: level ?? 0.95 }
  });
}
function describeCandidate(provenance, tree) {
  const pr = provenance.pullRequest;
  const changes = tree?.dirty ? " + uncommitted changes" : "";
  if (pr) return `pull request #${pr.number} (head ${pr.headSha.slice(0, 7)}${changes})`;
  if (tree) return describeCommit(tree);
  if (provenance.gitSha) return `commit ${provenance.gitSha.slice(0, 7)}`;
  return "the working tree";
}
function reportSource(provenance, runner) {
  return {
    repository: provenance.repository,
    workflow: runner.workflow,
    job: runner.job,
    runUrl: provenance.runUrl,
    pullRequest: provenance.pullRequest,
    commit: provenance.pullRequest?.headSha ?? provenance.gitSha
  };
}
function compareMetrics(config, candidate, baseline) {
  const names = [.../* @__PURE__ */ new Set([...Object.keys(candidate), ...Object.keys(baseline)])];
  return names.map((metric) => {
    const direction = directionOf(
      metric,
      config.gate?.rules.find((r) => r.metric === metric),
      config
    ) ?? null;
    const c = candidate[metric] ?? null;
    const b = baseline[metric] ?? null;
    const delta = c !== null && b !== null ? c - b : null;
    let change = null;
    if (delta !== null) {
      if (delta === 0) change = "same";
      else if (direction === null) change = "changed";
      else change = delta > 0 === (direction === "higher") ? "better" : "worse";
    }
    return { metric, direction, baseline: b, candidate: c, delta, change };
  });
}

// src/github/artifact-charts.ts
var Text = string().max(2e3);
var Finite = number().refine(Number.isFinite, { error: "expected a finite number" });
var Count = number().int().min(0);
var Notes = array(Text).max(10);
var Grid = array(Finite).length(CURVE_POINTS);
var Level = number().gt(0).lt(1);
var BinaryCurves = strictObject({
  task: literal("binary"),
  rows: Count,
  positives: Count,
  roc: Grid.nullable(),
  precision: Grid.nullable(),
  calibration: array(
    strictObject({
      bin: number().int().min(0).max(CALIBRATION_BINS - 1),
      rows: Count,
      meanScore: Finite,
      positiveRate: Finite
    })
  ).max(CALIBRATION_BINS),
  expectedCalibrationError: Finite,
  notes: Notes
});
var RegressionCurves = strictObject({
  task: literal("regression"),
  rows: Count,
  bins: array(
    strictObject({
      low: Finite,
      high: Finite,
      rows: Count,
      meanPredicted: Finite,
      meanActual: Finite,
      meanResidual: Finite
    })
  ).max(REGRESSION_BINS),
  notes: Notes
});
var Curves = discriminatedUnion("task", [BinaryCurves, RegressionCurves]);
var SliceBars = strictObject({
  metric: Text,
  column: Text,
  bars: array(
    strictObject({
      value: Text,
      rows: Count,
      candidate: Finite.nullable(),
      baseline: Finite.nullable(),
      undefinedBecause: Text.nullable(),
      interval: strictObject({
        low: Finite,
        high: Finite,
        level: Level,
        relative: boolean(),
        resamples: Count.optional(),
        source: _enum(["rule", "report"]).optional()
      }).nullable(),
      candidateInterval: strictObject({
        low: Finite,
        high: Finite,
        level: Level,
        method: _enum(["wilson", "delong", "normal", "bootstrap"]),
        resamples: Count.nullable(),
        clamped: boolean().optional()
      }).nullable().optional(),
      candidateIntervalMissing: Text.nullable().optional(),
      changeIntervalMissing: Text.nullable().optional()
    })
  ).max(MAX_SLICE_BARS),
  omitted: strictObject({ slices: Count, rows: Count }),
  unpaired: Text.nullable().optional()
});
var GateChartsSchema = strictObject({
  candidate: Curves.nullable(),
  baseline: Curves.nullable(),
  baselineMissing: Text.nullable(),
  slices: array(SliceBars).max(100)
});

// src/github/artifact.ts
var MAX_TEXT = 2e3;
var MAX_ITEMS = 2e4;
var Text2 = string().max(MAX_TEXT);
var Finite2 = number().refine(Number.isFinite, { error: "expected a finite number" });
var MaybeNumber = Finite2.nullable();
var Level2 = number().gt(0).lt(1);
var Significance = union([
  strictObject({
    test: literal("bootstrap"),
    level: Level2,
    status: literal("applied"),
    low: Finite2,
    high: Finite2,
    resamples: number().int().positive(),
    seed: number().int(),
    undefinedResamples: number().int().min(0)
  }),
  strictObject({
    test: literal("mcnemar"),
    level: Level2,
    status: literal("applied"),
    pValue: number().min(0).max(1),
    candidateOnly: number().int().min(0),
    baselineOnly: number().int().min(0)
  }),
  strictObject({
    test: _enum(["bootstrap", "mcnemar"]),
    level: Level2,
    status: literal("unavailable"),
    reason: Text2
  })
]);
var Outcome = strictObject({
  rule: number().int().min(0).max(MAX_ITEMS),
  metric: Text2,
  slice: strictObject({ column: Text2, value: Text2 }).nullable(),
  kind: _enum(["value", "change"]),
  direction: _enum(["higher", "lower"]),
  candidate: MaybeNumber,
  baseline: MaybeNumber,
  delta: MaybeNumber,
  relative: boolean(),
  requirement: Text2,
  verdict: _enum(["pass", "fail", "warn", "skipped", "error"]),
  reason: Text2,
  significance: Significance.nullable()
});
var Sha = string().regex(/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/, { error: "expected a 40-digit commit sha" });
var Digest = strictObject({
  path: Text2,
  size: number().int().min(0),
  sha256: string().regex(/^[0-9a-f]{64}$/, { error: "expected a sha256" })
});
var Chain = strictObject({
  id: Text2,
  trainRun: Text2.nullable(),
  model: array(Digest).max(MAX_ITEMS),
  evaluation: Text2.nullable(),
  git: strictObject({
    commit: Sha,
    dirty: boolean(),
    diff: Text2.nullable(),
    changed: array(Text2).max(100),
    changedCount: number().int().min(0)
  }).nullable(),
  data: Text2.nullable()
});
var GateResultSchema = strictObject({
  stage: literal("gate"),
  format: literal(GATE_RESULT_FORMAT),
  verdict: _enum(["pass", "fail", "error", "skipped"]),
  model: string().regex(NAME_PATTERN, { error: "expected a model name" }),
  baseline: strictObject({ description: Text2, version: Text2.nullable() }).nullable(),
  candidate: Text2,
  source: strictObject({
    repository: Text2.nullable(),
    workflow: Text2.nullable(),
    job: Text2.nullable(),
    runUrl: Text2.nullable(),
    pullRequest: strictObject({ number: number().int().positive(), headSha: Sha, headRef: Text2, baseRef: Text2 }).nullable(),
    commit: Sha.nullable()
  }),
  outcomes: array(Outcome).max(MAX_ITEMS),
  comparison: array(
    strictObject({
      metric: Text2,
      direction: _enum(["higher", "lower"]).nullable(),
      baseline: MaybeNumber,
      candidate: MaybeNumber,
      delta: MaybeNumber,
      change: _enum(["better", "worse", "same", "changed"]).nullable()
    })
  ).max(MAX_ITEMS),
  pairing: strictObject({ status: _enum(["paired", "unpaired", "not-needed"]), detail: Text2 }),
  notes: array(Text2).max(100),
  rules: array(
    strictObject({
      metric: Text2,
      line: number().int().positive().nullable(),
      description: Text2.nullable()
    })
  ).max(MAX_ITEMS),
  configFile: Text2.refine((value) => relativePathProblem(value) === void 0, {
    error: "expected a path inside the repository"
  }),
  evaluation: strictObject({
    rows: number().int().min(0),
    confusion: strictObject({
      labels: array(Text2).max(100),
      matrix: array(array(number().min(0).refine(Number.isFinite)).max(100)).max(100)
    }).nullable()
  }),
  charts: GateChartsSchema.optional(),
  chain: Chain,
  // Absent when none are configured (and in a report of an earlier release). The text has at most as many characters
  // as the bytes read of the file.
  sections: array(
    strictObject({
      title: Text2,
      path: Text2,
      text: string().max(MAX_SECTION_BYTES).nullable(),
      problem: Text2.nullable(),
      cutFrom: number().int().min(0).nullable()
    })
  ).max(MAX_USER_SECTIONS).optional()
});
function parseGateResult(text, shown) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${shown} is not valid JSON: ${plainText(error.message)}`, {
      hint: "pass the gate.json the gate stage wrote (the `report` output of actions/gate)"
    });
  }
  const parsed = GateResultSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue?.path.length ? issue.path.join(".") : "(top level)";
    throw new InputError(`${shown} is not a valid gate report: ${plainText(`${at}: ${issue?.message ?? "invalid"}`)}`, {
      hint: "it must be the gate.json the gate stage wrote, unchanged"
    });
  }
  const result = parsed.data;
  for (const outcome of result.outcomes) {
    if (outcome.rule >= result.rules.length)
      throw new InputError(
        `${shown} is not a valid gate report: an outcome refers to rule ${outcome.rule}, which it does not list`
      );
  }
  return result;
}

export {
  compareCodePoints,
  metricsFromConfusion,
  internColumn,
  descendingOrder,
  rankingMetrics,
  oneVsRestRocAucs,
  supportWeighted,
  rowsSumToOne,
  predictionColumns,
  readPredictions,
  evaluateModel,
  computeMetrics,
  sliceMetrics,
  resolvePositiveLabel,
  readMetricsFile,
  StaleInputError,
  newResultId,
  describeTargets,
  digestModel,
  modelDifference,
  dataIdentity,
  describeTrainRun,
  describeCommit,
  directionOf,
  evaluateRuleList,
  changeRequirement,
  Random,
  fillUniform,
  MAX_UNDEFINED_SHARE,
  pairedBootstrap,
  quantile,
  pairedStatistic,
  significanceProvider,
  pairPredictions,
  normalQuantile,
  overallIntervals,
  runGate,
  parseGateResult
};
