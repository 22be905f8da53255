import type { MlopsConfig } from "../config/schema/index.ts";
import { formatOf, openTable } from "../data/table.ts";
import { InputError } from "../errors.ts";
import { type Coded, ColumnInterner } from "./coded.ts";
import type { ClassProbabilities } from "./metrics.ts";

/**
 * Reading a predictions file (any format `openTable` reads: CSV, TSV, JSON Lines, gzip, Parquet) into typed columns,
 * refusing what would make metrics silently wrong: missing columns, rows with more or fewer values than the header,
 * empty labels, scores that are not probabilities, numbers that are not numbers, duplicate row ids.
 */

type EvaluateSection = NonNullable<MlopsConfig["evaluate"]>;
type PredictionsConfig = NonNullable<EvaluateSection["predictions"]>;

/** The configured columns, with the string shorthand expanded. */
export interface PredictionColumns {
  path: string;
  label: string;
  prediction: string;
  /** The positive-class probability column. */
  score: string | undefined;
  /** Whether `score` was configured (a missing configured column is an error; the default `score` is optional). */
  scoreRequired: boolean;
  scorePrefix: string | undefined;
  id: string | undefined;
}

export function predictionColumns(value: PredictionsConfig): PredictionColumns {
  if (typeof value === "string") {
    return {
      path: value,
      label: "label",
      prediction: "prediction",
      score: "score",
      scoreRequired: false,
      scorePrefix: undefined,
      id: undefined,
    };
  }
  return {
    path: value.path,
    label: value.label,
    prediction: value.prediction,
    score: value.score ?? (value.score_prefix === undefined ? "score" : undefined),
    scoreRequired: value.score !== undefined,
    scorePrefix: value.score_prefix,
    id: value.id,
  };
}

export interface Predictions {
  /** The file as the user knows it, for messages. */
  source: string;
  rows: number;
  /** The labels and predictions as codes (regression files too: pairing compares their text). */
  labels: Coded;
  predictions: Coded;
  /** Regression: the labels and predictions as numbers. */
  actual: Float64Array | null;
  predicted: Float64Array | null;
  scores: Float64Array | null;
  probabilities: ClassProbabilities | null;
  ids: string[] | null;
  /** Slice column -> value per row. */
  slices: Map<string, Coded>;
}

export interface ReadOptions {
  task: "classification" | "regression";
  slices: readonly string[];
  /** How to show the file in messages. */
  source: string;
}

export async function readPredictions(
  file: string,
  columns: PredictionColumns,
  options: ReadOptions,
): Promise<Predictions> {
  const { source, task } = options;
  const table = await openTable(file, formatOf(file), {
    displayName: source,
    what: "predictions file",
    missingHint: "the evaluate command should write it (evaluate.predictions)",
  });
  const header = table.columns;
  // A file refused for its header is closed here: its rows are never read, so their reader never closes it.
  const refuse = (message: string): never => {
    table.close();
    throw new InputError(message, { hint: `its columns are: ${header.join(", ")}` });
  };
  const required = (column: string, what: string): number => {
    const at = header.indexOf(column);
    return at < 0 ? refuse(`${source} has no "${column}" column (${what})`) : at;
  };
  const labelAt = required(columns.label, "evaluate.predictions.label");
  const predictionAt = required(columns.prediction, "evaluate.predictions.prediction");
  const idAt = columns.id === undefined ? -1 : required(columns.id, "evaluate.predictions.id");
  const sliceAts = options.slices.map((column) => [column, required(column, "evaluate.slices")] as const);
  const classification = task === "classification";
  const scoreAt =
    !classification || columns.score === undefined
      ? -1
      : columns.scoreRequired
        ? required(columns.score, "evaluate.predictions.score")
        : header.indexOf(columns.score);
  const prefix = classification ? columns.scorePrefix : undefined;
  const probabilityAts = prefix === undefined ? [] : header.flatMap((c, at) => (c.startsWith(prefix) ? [at] : []));
  if (prefix !== undefined && probabilityAts.length === 0) {
    refuse(`${source} has no columns starting with "${prefix}" (evaluate.predictions.score_prefix)`);
  }

  const labels = new ColumnInterner();
  const predictions = new ColumnInterner();
  let rows = 0;
  const scores: number[] | null = scoreAt >= 0 ? [] : null;
  const probabilityColumns: number[][] = probabilityAts.map(() => []);
  const ids: string[] | null = idAt >= 0 ? [] : null;
  const idRows = new Map<string, number>();
  const sliceInterners = sliceAts.map(() => new ColumnInterner());
  for await (const row of table.rows) {
    const where = `${source} row ${row.record + 1}`;
    if (row.cells.length !== header.length) {
      throw new InputError(
        `${where} has ${row.cells.length} values but the header names ${header.length} columns (${row.cells.length > header.length ? "extra" : "missing"} values)`,
        { hint: "every row needs exactly one value per column; quote values that contain the delimiter" },
      );
    }
    const label = row.cells[labelAt];
    const prediction = row.cells[predictionAt];
    if (label === null || label === undefined) throw new InputError(`${where}: the label is empty`);
    if (prediction === null || prediction === undefined) throw new InputError(`${where}: the prediction is empty`);
    labels.add(label);
    predictions.add(prediction);
    rows++;
    if (scores) scores.push(probability(row.cells[scoreAt], `${where}: score`));
    probabilityAts.forEach((at, c) => {
      probabilityColumns[c]?.push(probability(row.cells[at], `${where}: ${header[at] ?? ""}`));
    });
    if (ids) {
      const id = row.cells[idAt];
      if (id === null || id === undefined) throw new InputError(`${where}: the row id (${columns.id ?? ""}) is empty`);
      const earlier = idRows.get(id);
      if (earlier !== undefined) {
        throw new InputError(
          `${source}: row id ${JSON.stringify(id)} appears twice (rows ${earlier} and ${row.record + 1})`,
          {
            hint: "an id column must identify each row once, so rows can be paired with the baseline's",
          },
        );
      }
      idRows.set(id, row.record + 1);
      ids.push(id);
    }
    sliceAts.forEach(([, at], s) => sliceInterners[s]?.add(row.cells[at] ?? "(empty)"));
  }
  if (rows === 0)
    throw new InputError(`${source} has no rows`, { hint: "the evaluate command wrote an empty predictions file" });

  const probabilities =
    prefix === undefined
      ? null
      : {
          classes: probabilityAts.map((at) => (header[at] ?? "").slice(prefix.length)),
          columns: probabilityColumns.map((values) => Float64Array.from(values)),
        };
  const labelColumn = labels.finish();
  const predictionColumn = predictions.finish();
  if (probabilities) {
    const known = new Set(probabilities.classes);
    const unknown = Uint8Array.from(labelColumn.classes, (label) => (known.has(label) ? 0 : 1));
    const row = labelColumn.codes.findIndex((code) => unknown[code] === 1);
    if (row >= 0) {
      const label = labelColumn.classes[labelColumn.codes[row] ?? 0] ?? "";
      throw new InputError(
        `${source}: the label ${JSON.stringify(label)} (row ${row + 2}) has no probability column "${prefix ?? ""}${label}"`,
        { hint: "write one probability column per class, named score_prefix + class" },
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
      sliceAts.map(([column], s) => [column, sliceInterners[s]?.finish() ?? { classes: [], codes: new Uint32Array() }]),
    ),
  };
}

function probability(cell: string | null | undefined, what: string): number {
  const value = cell === null || cell === undefined || cell.trim() === "" ? Number.NaN : Number(cell);
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new InputError(`${what} ${JSON.stringify(cell ?? null)} is not a probability between 0 and 1`, {
      hint: "scores must be finite probabilities; NaN, empty and out-of-range values cannot be scored",
    });
  }
  // -0 and 0 are the same probability.
  return value + 0;
}

/** The column as numbers, each distinct text parsed once; the first row that is not a number is named. */
function numbers(column: Coded, source: string, what: string): Float64Array {
  const parsed = Float64Array.from(column.classes, (text) => (text.trim() === "" ? Number.NaN : Number(text)));
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
