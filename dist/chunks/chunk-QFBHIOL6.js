import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  describeFailure,
  runCommand
} from "./chunk-LFNSLPCM.js";
import {
  ColumnInterner,
  cellLookup,
  claimsFor,
  classificationMetrics,
  codesFor,
  drawClaimed,
  inSharedMemory,
  interleave,
  lemireThreshold,
  pickRows,
  regressionMetrics,
  resampleDrawer,
  resampleStates,
  rowsByCode,
  typedArray
} from "./chunk-BUY5QZDY.js";
import {
  regressionCurves
} from "./chunk-X2I57EAR.js";
import {
  startWorkerThread
} from "./chunk-N6JR4UVL.js";
import {
  formatOf,
  openTable
} from "./chunk-3EFEPTIF.js";
import {
  sha256File
} from "./chunk-CQ3WEECP.js";
import {
  redactorFor
} from "./chunk-5PEOAABG.js";
import {
  aliasInsideItsAnchor,
  require_dist
} from "./chunk-VJBMOATJ.js";
import {
  READ_LIMITS,
  readJsonLimited,
  readTextLimited
} from "./chunk-5AQJPSN5.js";
import {
  InputError
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
  const doc = (0, import_yaml.parseDocument)(text);
  const [error] = doc.errors;
  if (error !== void 0)
    throw new InputError(`metrics file ${options.shown} is not valid YAML: ${error.message.split("\n")[0]}`);
  const selfNesting = aliasInsideItsAnchor(doc);
  if (selfNesting !== null)
    throw new InputError(
      `metrics file ${options.shown}: the alias *${selfNesting.source} is inside the value its anchor names, so that value would contain itself without end`,
      { hint: "write the metrics out instead of repeating them with an alias" }
    );
  try {
    return doc.toJS();
  } catch (cause) {
    throw new InputError(`metrics file ${options.shown} is not valid YAML: ${cause.message}`);
  }
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

export {
  predictionColumns,
  readPredictions,
  evaluateModel,
  computeMetrics,
  sliceMetrics,
  resolvePositiveLabel,
  readMetricsFile,
  MAX_UNDEFINED_SHARE,
  pairedBootstrap,
  quantile
};
