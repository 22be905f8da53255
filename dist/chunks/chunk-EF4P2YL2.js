import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  describeFailure,
  runCommand
} from "./chunk-LFNSLPCM.js";
import {
  listSources
} from "./chunk-LGIA7PQF.js";
import {
  MAX_SECTION_BYTES,
  readUserSections
} from "./chunk-Y4XFK5HZ.js";
import {
  ColumnInterner,
  cellLookup,
  claimsFor,
  classificationMetrics,
  codesFor,
  drawClaimed,
  flagsPerRow,
  inSharedMemory,
  interleave,
  lemireThreshold,
  pairedStatistic,
  pickRows,
  regressionMetrics,
  resampleDrawer,
  resampleStates,
  restrictRows,
  rowsByCode,
  typedArray,
  unionOfClasses,
  valueAt,
  withDescendingOrder
} from "./chunk-IMIDEYOI.js";
import {
  CALIBRATION_BINS,
  CURVE_POINTS,
  REGRESSION_BINS,
  binaryCurves,
  regressionCurves
} from "./chunk-CWKVTY4K.js";
import {
  startWorkerThread
} from "./chunk-N6JR4UVL.js";
import {
  formatOf,
  openTable
} from "./chunk-3EFEPTIF.js";
import {
  fingerprintFiles,
  listFiles,
  sha256File,
  toRelative
} from "./chunk-CQ3WEECP.js";
import {
  projectStoreSettings
} from "./chunk-WOQKGCDT.js";
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
  readJsonLimited,
  readTextLimited,
  require_dist
} from "./chunk-OZSKINQ5.js";
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
  builtinMetric,
  perClassMetric,
  primaryMetricOf
} from "./chunk-QNNQNI2B.js";
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
  const positive = flagsPerRow(codes.length, (i) => codes[i] === positiveCode);
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

// src/gate/significance/draw-threads.ts
import { availableParallelism } from "node:os";
var THREADS_FROM_DRAWS = 32e6;
var MAX_THREADS = 8;
var MAX_WEIGHTS_THREADS = 4;
function drawThreadsFor(draws, family) {
  const most = family === "weights" ? MAX_WEIGHTS_THREADS : MAX_THREADS;
  return draws < THREADS_FROM_DRAWS ? 1 : Math.max(1, Math.min(most, availableParallelism()));
}
function drawResamples(job, threads, options = {}) {
  const { finalize, patience } = options;
  const helpers = [];
  for (let t = 1; t < threads; t++) {
    try {
      helpers.push(startDrawThread(job));
    } catch {
      break;
    }
  }
  try {
    const started = performance.now();
    const drawn = drawClaimed(job, finalize);
    if (threads === 1) return drawn;
    const perResample = drawn > 0 ? (performance.now() - started) / drawn : 200;
    return drawn + awaitOthers(job, patience ?? Math.max(2e3, 50 * perResample), finalize);
  } finally {
    for (const helper of helpers) void helper.terminate();
  }
}
function startDrawThread(job) {
  const worker = startWorkerThread(
    { name: "draw-worker", source: new URL("./draw-worker.ts", import.meta.url), caller: import.meta.url },
    // Its heap holds the cell table and one resample's accumulator (the rows are in shared memory), or a weights
    // statistic's ranking and per-row buffers (typed arrays, outside the heap).
    { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 32 } }
  );
  worker.on("error", () => void 0);
  worker.unref();
  return worker;
}
function awaitOthers(job, patience, finalize) {
  let drawHere;
  let drawn = 0;
  for (let slot = 0; slot < job.count; slot++) {
    if (Atomics.wait(job.claims, 1 + slot, 0, patience) !== "timed-out") continue;
    drawHere ??= resampleDrawer(job, finalize);
    drawHere(slot);
    drawn++;
  }
  return drawn;
}

// src/gate/significance/bootstrap.ts
var MAX_UNDEFINED_SHARE = 0.05;
function pairedBootstrap(statistic, n, settings, relative, source) {
  const deltas = bootstrapDeltas(statistic, n, settings, relative, source);
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
function bootstrapDeltas(statistic, n, settings, relative, source) {
  const { resamples } = settings;
  const threshold = lemireThreshold(n);
  const deltas = new Float64Array(resamples);
  const delta = ([candidate, baseline]) => relative ? baseline === 0 ? Number.NaN : (candidate - baseline) / Math.abs(baseline) : candidate - baseline;
  if (statistic.family === "weights") {
    const threads2 = source ? settings.threads ?? drawThreadsFor(n * resamples, "weights") : 1;
    const shared2 = threads2 > 1;
    const job2 = {
      family: "weights",
      n,
      threshold,
      first: 0,
      count: resamples,
      states: resampleStates(settings.seed, resamples, shared2),
      claims: claimsFor(resamples, shared2),
      source: source && shared2 ? { ...source, data: inSharedMemory(source.data) } : null,
      values: typedArray(Float64Array, 2 * resamples, shared2)
    };
    drawResamples(job2, threads2, { finalize: (weights) => statistic.finalize(weights) });
    const values = job2.values;
    for (let r = 0; r < resamples; r++) deltas[r] = delta([values[2 * r], values[2 * r + 1]]);
    return deltas;
  }
  const width = statistic.family === "cells" ? statistic.cells : 2;
  const wanted = settings.threads ?? drawThreadsFor(n * resamples, statistic.family);
  const threads = width * resamples <= MAX_SHARED_OUTPUT ? wanted : 1;
  const shared = threads > 1;
  const batch = shared ? resamples : 1;
  const base = {
    n,
    threshold,
    first: 0,
    count: batch,
    states: resampleStates(settings.seed, resamples, shared),
    claims: claimsFor(batch, shared)
  };
  let job;
  let valueOf;
  if (statistic.family === "cells") {
    const counts = typedArray(Int32Array, width * batch, shared);
    job = { ...base, family: "cells", cells: width, lookup: cellLookup(statistic.codes, width, n), counts };
    valueOf = shared ? (slot) => statistic.finalize(counts.subarray(slot * width, (slot + 1) * width)) : () => statistic.finalize(counts);
  } else {
    const sums = typedArray(Float64Array, width * batch, shared);
    job = { ...base, family: "sums", pairs: interleave(statistic.columns, n, shared), sums };
    valueOf = shared ? (slot) => statistic.finalize(sums.subarray(slot * width, (slot + 1) * width), n) : () => statistic.finalize(sums, n);
  }
  if (shared) {
    drawResamples(job, threads);
    for (let r = 0; r < resamples; r++) deltas[r] = delta(valueOf(r));
  } else {
    const draw = resampleDrawer(job);
    for (let r = 0; r < resamples; r++) {
      job.first = r;
      draw(0);
      deltas[r] = delta(valueOf(0));
    }
  }
  return deltas;
}
var MAX_SHARED_OUTPUT = 4 * 1024 * 1024;
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
  const source = { metric: rule.metric, data };
  const outcome = pairedBootstrap(built.statistic, data.n, { ...settings, level }, rule.relative, source);
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
  const { auc, squares10, squares01 } = withDescendingOrder(scores, (ranked) => {
    const [sum10, sum01] = componentSums(ranked, positive, m, n, null);
    const means = { auc: sum10 / m, mean01: sum01 / n };
    const [squares102, squares012] = componentSums(ranked, positive, m, n, means);
    return { auc: means.auc, squares10: squares102, squares01: squares012 };
  });
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
  MAX_UNDEFINED_SHARE,
  pairedBootstrap,
  quantile,
  significanceProvider,
  pairPredictions,
  normalQuantile,
  overallIntervals,
  runGate,
  parseGateResult
};
