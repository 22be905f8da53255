import { copyFile, mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describeFailure, runCommand } from "../command/run-command.ts";
import type { MlopsConfig } from "../config/schema/index.ts";
import { formatOf, openTable } from "../data/table.ts";
import { InputError, isErrnoException } from "../errors.ts";
import { sha256File } from "../files/hash.ts";
import type { StageContext } from "../pipeline/context.ts";
import { classificationMetrics, type MetricsOutcome, type MetricValues, regressionMetrics } from "./metrics.ts";

/** The evaluate stage: runs the evaluation command, computes built-in metrics from predictions, merges metrics files. */

export interface SliceMetrics {
  column: string;
  value: string;
  rows: number;
  metrics: MetricValues;
}

export interface EvaluateResult {
  stage: "evaluate";
  status: "ok" | "failed" | "skipped";
  metrics: MetricValues;
  /** Where each metric came from: "predictions" or a metrics file path. */
  sources: Record<string, string>;
  slices: SliceMetrics[];
  /** Rows in the predictions file. */
  rows: number;
  /** The predictions file with its sha256, so the gate can pair rows with a baseline's. */
  predictions: PredictionsSnapshot | null;
  warnings: string[];
  failure: string | null;
}

export interface PredictionsSnapshot {
  /** The predictions file as configured. */
  path: string;
  /** A copy of exactly the rows these metrics were computed from (in the workspace); publish attaches it. */
  snapshot: string;
  sha256: string;
}

type EvaluateSection = NonNullable<MlopsConfig["evaluate"]>;
type PredictionsSpec = Exclude<NonNullable<EvaluateSection["predictions"]>, string>;

export async function evaluateModel(context: StageContext): Promise<EvaluateResult> {
  const { loaded, logger } = context;
  const evaluate = loaded.config.evaluate;
  const result: EvaluateResult = {
    stage: "evaluate",
    status: "ok",
    metrics: {},
    sources: {},
    slices: [],
    rows: 0,
    predictions: null,
    warnings: [],
    failure: null,
  };
  if (!evaluate) return { ...result, status: "skipped" };

  if (evaluate.command) {
    logger.info(`$ ${evaluate.command}`);
    const timeoutMs = evaluate.timeout_minutes === undefined ? undefined : evaluate.timeout_minutes * 60_000;
    const run = await runCommand({
      command: evaluate.command,
      cwd: loaded.root,
      env: { ...context.env, ...(loaded.config.train?.env ?? {}) },
      logger,
      label: "evaluate",
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
    });
    if (run.exitCode !== 0)
      return { ...result, status: "failed", failure: describeFailure("evaluation", evaluate.command, run, timeoutMs) };
  }

  if (evaluate.predictions) {
    const spec = predictionsSpec(evaluate.predictions);
    const table = await readPredictions(path.resolve(loaded.root, spec.path), spec, evaluate.slices);
    const task = loaded.config.model.task;
    const positiveLabel = resolvePositiveLabel(loaded.config.model.positive_label, table.labels);
    const compute = (rows?: number[]): MetricsOutcome => computeMetrics(task, table, positiveLabel, rows);
    const overall = compute();
    Object.assign(result.metrics, overall.metrics);
    for (const name of Object.keys(overall.metrics)) result.sources[name] = spec.path;
    result.warnings.push(...overall.warnings);
    result.rows = table.labels.length;
    result.predictions = await snapshotPredictions(
      path.resolve(loaded.root, spec.path),
      spec.path,
      context.workspace.outDir,
    );
    for (const [column, values] of table.slices) {
      const groups = new Map<string, number[]>();
      values.forEach((value, row) => {
        const group = groups.get(value);
        if (group) group.push(row);
        else groups.set(value, [row]);
      });
      for (const [value, rows] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
        result.slices.push({ column, value, rows: rows.length, metrics: compute(rows).metrics });
      }
    }
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

function predictionsSpec(value: string | PredictionsSpec): PredictionsSpec {
  return typeof value === "string"
    ? { path: value, label: "label", prediction: "prediction", score: "score" }
    : { score: "score", ...value };
}

interface PredictionsTable {
  labels: string[];
  predictions: string[];
  scores: number[] | undefined;
  slices: Map<string, string[]>;
}

async function readPredictions(
  file: string,
  spec: PredictionsSpec,
  sliceColumns: readonly string[],
): Promise<PredictionsTable> {
  const table = await openTable(file, formatOf(file), {
    displayName: spec.path,
    what: "predictions file",
    missingHint: "the evaluate command should write it (evaluate.predictions)",
  });
  const index = (column: string, what: string): number => {
    const at = table.columns.indexOf(column);
    if (at < 0) {
      throw new InputError(`${spec.path} has no "${column}" column (${what})`, {
        hint: `its columns are: ${table.columns.join(", ")}`,
      });
    }
    return at;
  };
  const labelAt = index(spec.label, "evaluate.predictions.label");
  const predictionAt = index(spec.prediction, "evaluate.predictions.prediction");
  const scoreAt = spec.score === undefined ? -1 : table.columns.indexOf(spec.score);
  const sliceAts = sliceColumns.map((column) => [column, index(column, "evaluate.slices")] as const);
  const labels: string[] = [];
  const predictions: string[] = [];
  const scores: number[] | undefined = scoreAt >= 0 ? [] : undefined;
  const slices = new Map<string, string[]>(sliceColumns.map((column) => [column, []]));
  for await (const row of table.rows) {
    const label = row.cells[labelAt];
    const prediction = row.cells[predictionAt];
    const where = `${spec.path} row ${row.record + 1}`;
    if (label === null || label === undefined) throw new InputError(`${where}: the label is empty`);
    if (prediction === null || prediction === undefined) throw new InputError(`${where}: the prediction is empty`);
    labels.push(label);
    predictions.push(prediction);
    if (scores) {
      const score = Number(row.cells[scoreAt]);
      if (!Number.isFinite(score) || score < 0 || score > 1) {
        throw new InputError(
          `${where}: score ${JSON.stringify(row.cells[scoreAt])} is not a probability between 0 and 1`,
        );
      }
      scores.push(score);
    }
    for (const [column, at] of sliceAts) slices.get(column)?.push(row.cells[at] ?? "(empty)");
  }
  if (labels.length === 0)
    throw new InputError(`${spec.path} has no rows`, { hint: "the evaluate command wrote an empty predictions file" });
  return { labels, predictions, scores, slices };
}

function computeMetrics(
  task: "classification" | "regression",
  table: PredictionsTable,
  positiveLabel: string | undefined,
  rows?: number[],
): MetricsOutcome {
  const pick = <T>(values: readonly T[]): T[] => (rows ? rows.map((i) => values[i] as T) : [...values]);
  if (task === "classification") {
    return classificationMetrics({
      labels: pick(table.labels),
      predictions: pick(table.predictions),
      ...(table.scores ? { scores: pick(table.scores) } : {}),
      ...(positiveLabel === undefined ? {} : { positiveLabel }),
    });
  }
  const numbers = (values: string[], what: string): number[] =>
    values.map((text, i) => {
      const value = Number(text);
      if (text.trim() === "" || !Number.isFinite(value))
        throw new InputError(`predictions row ${i + 2}: ${what} ${JSON.stringify(text)} is not a number`);
      return value;
    });
  return regressionMetrics(numbers(pick(table.labels), "label"), numbers(pick(table.predictions), "prediction"));
}

/** The configured positive label, else the conventional one when the labels are 0/1, true/false or yes/no. */
function resolvePositiveLabel(
  configured: string | number | boolean | undefined,
  labels: readonly string[],
): string | undefined {
  if (configured !== undefined) return String(configured);
  const distinct = new Set(labels);
  for (const candidate of ["1", "true", "True", "TRUE", "yes", "Yes", "YES"])
    if (distinct.has(candidate)) return candidate;
  return undefined;
}

/** A user's metrics JSON, flat or nested (DVC style): nested keys are joined with dots; non-numbers are skipped. */
export async function readMetricsFile(file: string, shown: string): Promise<MetricValues> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if (isErrnoException(error, "ENOENT"))
      throw new InputError(`metrics file not found: ${shown}`, {
        hint: "your evaluate command should write it (evaluate.metrics_file)",
      });
    throw new InputError(`cannot read ${shown}: ${(error as Error).message}`, { cause: error });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`metrics file ${shown} is not valid JSON: ${(error as Error).message}`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new InputError(`metrics file ${shown} must hold a JSON object`);
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
