import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  describeOverrides
} from "./chunk-IY6KPMTB.js";
import {
  significanceProvider
} from "./chunk-VAXOH5AZ.js";
import {
  pairPredictions
} from "./chunk-ZZCSUO3L.js";
import {
  normalQuantile
} from "./chunk-5S2V7SVG.js";
import {
  pairedBootstrap,
  predictionColumns,
  readMetricsFile,
  readPredictions,
  resolvePositiveLabel
} from "./chunk-QFBHIOL6.js";
import {
  listSources
} from "./chunk-LGIA7PQF.js";
import {
  MAX_SECTION_BYTES,
  readUserSections
} from "./chunk-Y4XFK5HZ.js";
import {
  directionOf,
  evaluateRules
} from "./chunk-PMBSX2RF.js";
import {
  pairedStatistic
} from "./chunk-U3OKT6DL.js";
import {
  flagsPerRow,
  restrictRows,
  rowsByCode,
  withDescendingOrder
} from "./chunk-BUY5QZDY.js";
import {
  CALIBRATION_BINS,
  CURVE_POINTS,
  REGRESSION_BINS,
  binaryCurves,
  regressionCurves
} from "./chunk-X2I57EAR.js";
import {
  fingerprintFiles,
  listFiles,
  toRelative
} from "./chunk-CQ3WEECP.js";
import {
  projectStoreSettings
} from "./chunk-WOQKGCDT.js";
import {
  MAX_USER_SECTIONS
} from "./chunk-WYGES5K7.js";
import {
  NAME_PATTERN
} from "./chunk-LNIKRDBK.js";
import {
  plainText
} from "./chunk-PEZVGW4L.js";
import {
  _enum,
  _gt,
  _gte,
  _length,
  _lt,
  _lte,
  _maxLength,
  _positive,
  _regex,
  array,
  boolean,
  discriminatedUnion,
  int,
  literal,
  nullable,
  number,
  optional,
  refine,
  strictObject,
  string,
  union,
  unknown
} from "./chunk-MOKAEFJD.js";
import {
  primaryMetricOf
} from "./chunk-KIGM2236.js";
import {
  relativePathProblem
} from "./chunk-SN54LWLO.js";
import {
  InputError,
  UserError
} from "./chunk-XOZC47AQ.js";

// src/chain/chain.ts
import { createHash, randomBytes } from "node:crypto";
import { stat } from "node:fs/promises";
import path from "node:path";
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
    relative.map((file) => path.join(root, file)),
    { stampsFile: path.join(context.workspace.cacheDir, "stamps.json"), keepOtherStamps: true }
  );
  return relative.map((file) => {
    const print = pass.files.get(path.join(root, file));
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
import path3 from "node:path";

// src/gate/baseline.ts
import { existsSync } from "node:fs";
import path2 from "node:path";
async function resolveBaseline(spec, model, registry, root, options = {}) {
  if (spec === "none") return { baseline: null, absence: "gate.baseline is none, so change rules do not apply" };
  const alias = typeof spec === "string" ? spec : spec.alias ?? "champion";
  const manifest = await registry.resolve(model, alias);
  if (manifest) {
    let predictionsFile = null;
    const attachment = manifest.attachments.predictions;
    if (options.predictionsDir && attachment) {
      const target = path2.join(options.predictionsDir, `baseline-${path2.basename(attachment.path)}`);
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
  if (file !== void 0 && existsSync(path2.resolve(root, file))) {
    return {
      baseline: {
        description: `metrics file ${file}`,
        version: null,
        metrics: await readMetricsFile(path2.resolve(root, file), file),
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
  const positive = flagsPerRow(codes.length, (i) => codes[i] === positiveCode);
  return withDescendingOrder(scores, (ranked) => binaryCurves(ranked, positive));
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

// src/gate/significance/delong.ts
function deLongInterval(scores, positive, level, rows) {
  const total = rows?.length ?? scores.length;
  let m = 0;
  for (let i = 0; i < total; i++) m += positive[i] ? 1 : 0;
  const n = total - m;
  if (m < 2 || n < 2)
    return `${m < 2 ? `${m} positive` : `${n} negative`} row${Math.min(m, n) === 1 ? "" : "s"}: DeLong's variance needs two of each class`;
  const { auc, squares10, squares01 } = withDescendingOrder(
    scores,
    (ranked) => {
      const [sum10, sum01] = componentSums(ranked, positive, m, n, null);
      const means = { auc: sum10 / m, mean01: sum01 / n };
      const [squares102, squares012] = componentSums(ranked, positive, m, n, means);
      return { auc: means.auc, squares10: squares102, squares01: squares012 };
    },
    rows
  );
  const variance = squares10 / (m - 1) / m + squares01 / (n - 1) / n;
  const half = normalQuantile(1 - (1 - level) / 2) * Math.sqrt(variance);
  const low = auc - half;
  const high = auc + half;
  return { auc, low: Math.max(0, low), high: Math.min(1, high), clamped: low < 0 || high > 1 };
}
function componentSums({ order, sorted }, positive, m, n, around) {
  const total = order.length;
  let sum10 = 0;
  let sum01 = 0;
  let positivesAbove = 0;
  let negativesAbove = 0;
  let start = 0;
  for (let k = 0; k < total; k++) {
    if (k + 1 < total && sorted[k + 1] === sorted[k]) continue;
    let positives = 0;
    for (let j = start; j <= k; j++) positives += positive[order[j] ?? 0] ? 1 : 0;
    const negatives = k + 1 - start - positives;
    const negativesBelow = n - negativesAbove - negatives;
    const v10 = (negativesBelow + negatives / 2) / n;
    const v01 = (positivesAbove + positives / 2) / m;
    sum10 += around ? positives * (v10 - around.auc) ** 2 : positives * v10;
    sum01 += around ? negatives * (v01 - around.mean01) ** 2 : negatives * v01;
    positivesAbove += positives;
    negativesAbove += negatives;
    start = k + 1;
  }
  return [sum10, sum01];
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
      return { ...s, finalize: (sums, n) => [s.finalize(sums, n)[0], 0] };
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
    const interval2 = deLongInterval(scores, positiveFlags(whole.truth, positive, rows), level, rows);
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
function positiveFlags(truth, positive, rows) {
  const flags = new Uint8Array(rows.length);
  for (let j = 0; j < rows.length; j++) flags[j] = truth[rows[j] ?? 0] === positive ? 1 : 0;
  return flags;
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
    candidate: describeCandidate(context.provenance, evaluation.chain),
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
    configFile: path3.relative(context.loaded.repoRoot, context.loaded.file).split(path3.sep).join("/"),
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
  const scratch = wantsPredictions ? await mkdtemp(path3.join(os.tmpdir(), "mlops-gate-")) : void 0;
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
function describeCandidate(provenance, chain) {
  const tree = chain.git;
  const pr = provenance.pullRequest;
  const changes = tree?.dirty ? " + uncommitted changes" : "";
  const set = chain.overrides && chain.overrides.length > 0 ? ` with ${describeOverrides(chain.overrides)}` : "";
  if (pr) return `pull request #${pr.number} (head ${pr.headSha.slice(0, 7)}${changes}${set})`;
  if (tree) return `${describeCommit(tree)}${set}`;
  if (provenance.gitSha) return `commit ${provenance.gitSha.slice(0, 7)}${set}`;
  return `the working tree${set}`;
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
var Text = string().check(_maxLength(2e3));
var Finite = number().check(refine(Number.isFinite, { error: "expected a finite number" }));
var Count = number().check(int(), _gte(0));
var Notes = array(Text).check(_maxLength(10));
var Grid = array(Finite).check(_length(CURVE_POINTS));
var Level = number().check(_gt(0), _lt(1));
var BinaryCurves = strictObject({
  task: literal("binary"),
  rows: Count,
  positives: Count,
  roc: nullable(Grid),
  precision: nullable(Grid),
  calibration: array(
    strictObject({
      bin: number().check(int(), _gte(0), _lte(CALIBRATION_BINS - 1)),
      rows: Count,
      meanScore: Finite,
      positiveRate: Finite
    })
  ).check(_maxLength(CALIBRATION_BINS)),
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
  ).check(_maxLength(REGRESSION_BINS)),
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
      candidate: nullable(Finite),
      baseline: nullable(Finite),
      undefinedBecause: nullable(Text),
      interval: nullable(
        strictObject({
          low: Finite,
          high: Finite,
          level: Level,
          relative: boolean(),
          resamples: optional(Count),
          source: optional(_enum(["rule", "report"]))
        })
      ),
      candidateInterval: optional(
        nullable(
          strictObject({
            low: Finite,
            high: Finite,
            level: Level,
            method: _enum(["wilson", "delong", "normal", "bootstrap"]),
            resamples: nullable(Count),
            clamped: optional(boolean())
          })
        )
      ),
      candidateIntervalMissing: optional(nullable(Text)),
      changeIntervalMissing: optional(nullable(Text))
    })
  ).check(_maxLength(MAX_SLICE_BARS)),
  omitted: strictObject({ slices: Count, rows: Count }),
  unpaired: optional(nullable(Text))
});
var GateChartsSchema = strictObject({
  candidate: nullable(Curves),
  baseline: nullable(Curves),
  baselineMissing: nullable(Text),
  slices: array(SliceBars).check(_maxLength(100))
});

// src/github/artifact.ts
var MAX_TEXT = 2e3;
var MAX_ITEMS = 2e4;
var Text2 = string().check(_maxLength(MAX_TEXT));
var Finite2 = number().check(refine(Number.isFinite, { error: "expected a finite number" }));
var MaybeNumber = nullable(Finite2);
var Level2 = number().check(_gt(0), _lt(1));
var Significance = union([
  strictObject({
    test: literal("bootstrap"),
    level: Level2,
    status: literal("applied"),
    low: Finite2,
    high: Finite2,
    resamples: number().check(int(), _positive()),
    seed: number().check(int()),
    undefinedResamples: number().check(int(), _gte(0))
  }),
  strictObject({
    test: literal("mcnemar"),
    level: Level2,
    status: literal("applied"),
    pValue: number().check(_gte(0), _lte(1)),
    candidateOnly: number().check(int(), _gte(0)),
    baselineOnly: number().check(int(), _gte(0))
  }),
  strictObject({
    test: _enum(["bootstrap", "mcnemar"]),
    level: Level2,
    status: literal("unavailable"),
    reason: Text2
  })
]);
var Outcome = strictObject({
  rule: number().check(int(), _gte(0), _lte(MAX_ITEMS)),
  metric: Text2,
  slice: nullable(strictObject({ column: Text2, value: Text2 })),
  kind: _enum(["value", "change"]),
  direction: _enum(["higher", "lower"]),
  candidate: MaybeNumber,
  baseline: MaybeNumber,
  delta: MaybeNumber,
  relative: boolean(),
  requirement: Text2,
  verdict: _enum(["pass", "fail", "warn", "skipped", "error"]),
  reason: Text2,
  significance: nullable(Significance)
});
var Sha = string().check(_regex(/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/, { error: "expected a 40-digit commit sha" }));
var Digest = strictObject({
  path: Text2,
  size: number().check(int(), _gte(0)),
  sha256: string().check(_regex(/^[0-9a-f]{64}$/, { error: "expected a sha256" }))
});
var Chain = strictObject({
  id: Text2,
  trainRun: nullable(Text2),
  model: array(Digest).check(_maxLength(MAX_ITEMS)),
  evaluation: nullable(Text2),
  git: nullable(
    strictObject({
      commit: Sha,
      dirty: boolean(),
      diff: nullable(Text2),
      changed: array(Text2).check(_maxLength(100)),
      changedCount: number().check(int(), _gte(0))
    })
  ),
  // The --set overrides the model was trained with; only the candidate line (text, bounded above) shows them.
  overrides: optional(array(strictObject({ name: Text2, value: unknown() })).check(_maxLength(1e3))),
  data: nullable(Text2)
});
var GateResultSchema = strictObject({
  stage: literal("gate"),
  format: literal(GATE_RESULT_FORMAT),
  verdict: _enum(["pass", "fail", "error", "skipped"]),
  model: string().check(_regex(NAME_PATTERN, { error: "expected a model name" })),
  baseline: nullable(strictObject({ description: Text2, version: nullable(Text2) })),
  candidate: Text2,
  source: strictObject({
    repository: nullable(Text2),
    workflow: nullable(Text2),
    job: nullable(Text2),
    runUrl: nullable(Text2),
    pullRequest: nullable(
      strictObject({ number: number().check(int(), _positive()), headSha: Sha, headRef: Text2, baseRef: Text2 })
    ),
    commit: nullable(Sha)
  }),
  outcomes: array(Outcome).check(_maxLength(MAX_ITEMS)),
  comparison: array(
    strictObject({
      metric: Text2,
      direction: nullable(_enum(["higher", "lower"])),
      baseline: MaybeNumber,
      candidate: MaybeNumber,
      delta: MaybeNumber,
      change: nullable(_enum(["better", "worse", "same", "changed"]))
    })
  ).check(_maxLength(MAX_ITEMS)),
  pairing: strictObject({ status: _enum(["paired", "unpaired", "not-needed"]), detail: Text2 }),
  notes: array(Text2).check(_maxLength(100)),
  rules: array(
    strictObject({
      metric: Text2,
      line: nullable(number().check(int(), _positive())),
      description: nullable(Text2)
    })
  ).check(_maxLength(MAX_ITEMS)),
  configFile: Text2.check(
    refine((value) => relativePathProblem(value) === void 0, {
      error: "expected a path inside the repository"
    })
  ),
  evaluation: strictObject({
    rows: number().check(int(), _gte(0)),
    confusion: nullable(
      strictObject({
        labels: array(Text2).check(_maxLength(100)),
        matrix: array(array(number().check(_gte(0), refine(Number.isFinite))).check(_maxLength(100))).check(_maxLength(100))
      })
    )
  }),
  charts: optional(GateChartsSchema),
  chain: Chain,
  // Absent when none are configured (and in a report of an earlier release). The text has at most as many characters
  // as the bytes read of the file.
  sections: optional(
    array(
      strictObject({
        title: Text2,
        path: Text2,
        text: nullable(string().check(_maxLength(MAX_SECTION_BYTES))),
        problem: nullable(Text2),
        cutFrom: nullable(number().check(int(), _gte(0)))
      })
    ).check(_maxLength(MAX_USER_SECTIONS))
  )
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
  StaleInputError,
  newResultId,
  describeTargets,
  digestModel,
  modelDifference,
  dataIdentity,
  describeTrainRun,
  describeCommit,
  overallIntervals,
  runGate,
  parseGateResult
};
