import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { redactorFor } from "../command/redact.ts";
import { describeFailure, runCommand } from "../command/run-command.ts";
import { InputError } from "../errors.ts";
import { type LimitedReadOptions, READ_LIMITS, readJsonLimited, readTextLimited } from "../files/read-limited.ts";
import { parseDocument } from "yaml";
import { aliasInsideItsAnchor } from "../config/yaml-source.ts";
import { sha256File } from "../files/hash.ts";
import type { ChainLink } from "../chain/chain.ts";
import type { StageContext } from "../context/context.ts";
import { type Coded, type Codes, codesFor, pickRows, rowsByCode } from "./coded.ts";
import {
  classificationMetrics,
  type ConfusionMatrix,
  type MetricsOutcome,
  type MetricValues,
  regressionMetrics,
} from "./metrics.ts";
import { type Curves, regressionCurves } from "./curves.ts";
import { predictionColumns, type Predictions, readPredictions } from "./predictions.ts";

/** The evaluate stage: runs the evaluation command, computes built-in metrics from predictions, merges metrics files. */

export interface SliceMetrics {
  column: string;
  value: string;
  rows: number;
  metrics: MetricValues;
  /** Metrics undefined on this slice's rows, with why (see {@link EvaluateResult.undefinedMetrics}). */
  undefinedMetrics?: Record<string, string>;
}

export interface EvaluateResult {
  stage: "evaluate";
  status: "ok" | "failed" | "skipped";
  metrics: MetricValues;
  /**
   * Built-in metrics that could not be computed on these predictions, each with why, worded to follow "undefined
   * because" ("only one class is present in the labels"). Reports and gate rules show the reason, never NaN.
   * Optional: results written before it existed have none.
   */
  undefinedMetrics?: Record<string, string>;
  /** Where each metric came from: "predictions" or a metrics file path. */
  sources: Record<string, string>;
  slices: SliceMetrics[];
  /** Rows in the predictions file. */
  rows: number;
  /** The confusion matrix of a classifier (left out above {@link MAX_CONFUSION_CLASSES} classes). */
  confusion: ConfusionMatrix | null;
  /**
   * The report's curves over all rows (docs/reports.md): ROC, precision-recall and reliability for a binary
   * classifier with scores, predicted-vs-actual bins for regression; null otherwise. Optional: older results have none.
   */
  curves?: Curves | null;
  /** The predictions file with its sha256, so the gate can pair rows with a baseline's. */
  predictions: PredictionsSnapshot | null;
  warnings: string[];
  failure: string | null;
  /** The train run and model files this evaluation is of (DOMAIN.md §6); added by the stage runner. */
  chain: ChainLink;
}

export interface PredictionsSnapshot {
  /** The predictions file as configured. */
  path: string;
  /** A copy of exactly the rows these metrics were computed from (in the workspace); publish attaches it. */
  snapshot: string;
  sha256: string;
}

/** The evaluation itself; which model it is of (its chain link) is the stage runner's to record. */
export type Evaluation = Omit<EvaluateResult, "chain">;

export async function evaluateModel(context: StageContext): Promise<Evaluation> {
  const { loaded, logger } = context;
  const evaluate = loaded.config.evaluate;
  const result: Evaluation = {
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
    failure: null,
  };
  if (!evaluate) return { ...result, status: "skipped" };

  if (evaluate.command) {
    const env = { ...context.env, ...(loaded.config.train?.env ?? {}) };
    const redact = redactorFor(env);
    logger.info(`$ ${redact(evaluate.command)}`);
    const timeoutMs = evaluate.timeout_minutes === undefined ? undefined : evaluate.timeout_minutes * 60_000;
    const run = await runCommand({
      command: evaluate.command,
      cwd: loaded.root,
      env,
      logger,
      label: "evaluate",
      redact,
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
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
    const overall = computeMetrics(task, table, positiveLabel, undefined, true);
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

  const metricFiles =
    typeof evaluate.metrics_file === "string" ? [evaluate.metrics_file] : (evaluate.metrics_file ?? []);
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

/** Copies the predictions file next to the stage results, so what is published later matches these metrics. */
async function snapshotPredictions(file: string, shown: string, outDir: string): Promise<PredictionsSnapshot> {
  await mkdir(outDir, { recursive: true });
  const snapshot = path.join(outDir, `predictions${path.extname(file)}`);
  await copyFile(file, snapshot);
  return { path: shown, snapshot, sha256: (await sha256File(snapshot)).sha256 };
}

/** More classes than this make a confusion matrix nobody reads; the report says so instead. */
export const MAX_CONFUSION_CLASSES = 30;

/**
 * Where a run of slices picks its rows, sized for the largest slice. A slice's metrics read the picked labels,
 * predictions and scores and keep none of them, so one set serves every slice: fresh ones, 10 bytes a row per slice,
 * were garbage V8 is slow to collect (see ranking.ts's pool) and raised the gate's peak memory.
 */
interface SliceBuffers {
  labels: Codes;
  predictions: Codes;
  scores: Float64Array;
}

/**
 * Metrics over all rows, or over `rows` (one slice); with the report's curves when `withCurves`. With `into`, a
 * slice's classification inputs are picked into those buffers (only for a result that keeps none of them: no curves).
 */
export function computeMetrics(
  task: "classification" | "regression",
  table: Predictions,
  positiveLabel: string | undefined,
  rows?: ArrayLike<number>,
  withCurves = false,
  into?: SliceBuffers,
): MetricsOutcome & { confusion?: ConfusionMatrix; curves?: Curves } {
  const pick = (column: Coded, buffer?: Codes): Coded => (rows ? pickRows(column, rows, buffer) : column);
  // A plain loop: Float64Array.from with a mapping function first gathers the values in a list on the heap.
  const pickNumbers = (values: Float64Array, buffer?: Float64Array): Float64Array => {
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
      ...(withCurves ? { curves: regressionCurves(actual, predicted) } : {}),
    };
  }
  const lent = withCurves ? undefined : into;
  const labels = pick(table.labels, lent?.labels);
  let scores = table.scores ? pickNumbers(table.scores, lent?.scores) : undefined;
  const probabilities = table.probabilities
    ? {
        classes: table.probabilities.classes,
        columns: table.probabilities.columns.map((column) => pickNumbers(column)),
      }
    : undefined;
  // Two probability columns (score_prefix) on a binary task: the positive class's column is its score.
  if (!scores && probabilities && probabilities.classes.length === 2 && positiveLabel !== undefined) {
    scores = probabilities.columns[probabilities.classes.indexOf(positiveLabel)];
  }
  return classificationMetrics({
    labels,
    predictions: pick(table.predictions, lent?.predictions),
    ...(scores ? { scores } : {}),
    ...(probabilities ? { probabilities } : {}),
    ...(positiveLabel === undefined ? {} : { positiveLabel }),
    withCurves,
  });
}

/**
 * Metrics per value of each slice column of `table` (over `rows` only, when given), values in code-point order: the
 * evaluate stage's slices, and the monitor's per window.
 */
export function sliceMetrics(
  task: "classification" | "regression",
  table: Predictions,
  positiveLabel: string | undefined,
  rows?: readonly number[],
): SliceMetrics[] {
  const out: SliceMetrics[] = [];
  for (const [column, values] of table.slices) {
    // The class table is in code-point order already, so groups by code come out in the order the values sort.
    const groups = rowsByCode(values, rows);
    const largest = groups.reduce((most, members) => Math.max(most, members.length), 0);
    const into: SliceBuffers = {
      labels: codesFor(table.labels.classes.length, largest),
      predictions: codesFor(table.predictions.classes.length, largest),
      scores: new Float64Array(table.scores ? largest : 0),
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
        task === "classification" ? into : undefined,
      );
      out.push({ column, value, rows: members.length, metrics: slice.metrics, undefinedMetrics: slice.undefined });
    }
  }
  return out;
}

/** The configured positive label, else the conventional one when the labels are 0/1, true/false or yes/no. */
export function resolvePositiveLabel(
  configured: string | number | boolean | undefined,
  labels: readonly string[],
): string | undefined {
  if (configured !== undefined) return String(configured);
  const distinct = new Set(labels);
  for (const candidate of ["1", "true", "True", "TRUE", "yes", "Yes", "YES"])
    if (distinct.has(candidate)) return candidate;
  return undefined;
}

/**
 * A user's metrics file, JSON or YAML (.yaml, .yml) as DVC writes either, flat or nested: nested keys are joined with
 * dots; non-numbers are skipped.
 */
export async function readMetricsFile(file: string, shown: string): Promise<MetricValues> {
  const options: LimitedReadOptions = {
    shown,
    what: "metrics file",
    limit: READ_LIMITS.userJson,
    missingMessage: `metrics file not found: ${shown}`,
    missingHint: "your evaluate command should write it (evaluate.metrics_file)",
  };
  const yaml = /\.ya?ml$/i.test(file);
  const value = yaml ? await readYamlMetrics(file, options) : await readJsonLimited(file, options);
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new InputError(`metrics file ${shown} must hold a ${yaml ? "YAML mapping" : "JSON object"}`);
  const metrics: MetricValues = {};
  const walk = (node: unknown, prefix: string): void => {
    if (typeof node === "number" && Number.isFinite(node)) metrics[prefix] = node;
    else if (node !== null && typeof node === "object" && !Array.isArray(node)) {
      for (const [key, child] of Object.entries(node)) walk(child, prefix === "" ? key : `${prefix}.${key}`);
    }
  };
  walk(value, "");
  return metrics;
}

async function readYamlMetrics(file: string, options: LimitedReadOptions): Promise<unknown> {
  const text = await readTextLimited(file, options);
  const doc = parseDocument(text);
  const [error] = doc.errors;
  if (error !== undefined)
    throw new InputError(`metrics file ${options.shown} is not valid YAML: ${error.message.split("\n")[0]}`);
  // Such an alias makes a mapping that contains itself: the walk over the metrics would never end.
  const selfNesting = aliasInsideItsAnchor(doc);
  if (selfNesting !== null)
    throw new InputError(
      `metrics file ${options.shown}: the alias *${selfNesting.source} is inside the value its anchor names, so that ` +
        "value would contain itself without end",
      { hint: "write the metrics out instead of repeating them with an alias" },
    );
  try {
    return doc.toJS() as unknown;
  } catch (cause) {
    // yaml's guard against an alias bomb (more than 100 expansions).
    throw new InputError(`metrics file ${options.shown} is not valid YAML: ${(cause as Error).message}`);
  }
}
