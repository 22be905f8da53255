import { formatOf } from "../data/table.ts";
import type { SourceFile } from "../data/sources.ts";
import { InputError } from "../errors.ts";
import { openLogRows } from "../monitor/log-rows.ts";
import { type EpochUnit, parseTimestamp } from "../monitor/windows.ts";
import { dateCache } from "../monitor/zulu-bytes.ts";

/**
 * The canary's served requests of a bake period, read from its prediction logs: per request its id, the canary's
 * prediction and score, and the champion's shadow prediction and score logged beside them, plus the slice values.
 *
 * Memory: only the rows whose timestamp lies in [since, until) are kept, as strings (predictions interned: they repeat
 * a few values) and numbers. A bake lasts hours, so these are the requests of a few hours of one canary, which a runner
 * holds easily; the log files themselves may span much more and are streamed, never held.
 */

/** The log's columns this reads, with the config field each comes from (for the message when one is missing). */
export interface ServedLayout {
  format: string;
  timestamp: string;
  unit: EpochUnit;
  id: string;
  prediction: string;
  score: string | undefined;
  shadowPrediction: string;
  shadowScore: string | undefined;
  slices: readonly string[];
}

export interface ServedRows {
  /** Rows kept: those of the period. */
  count: number;
  ids: string[];
  /** Each id's row; an id logged again in the period keeps its first row (the later ones are left out, counted). */
  rowsById: Map<string, number>;
  /** null: the cell is empty. */
  predictions: (string | null)[];
  shadowPredictions: (string | null)[];
  /** NaN where the cell is empty or not a number in [0, 1]; null when the column is not configured. */
  scores: Float64Array | null;
  shadowScores: Float64Array | null;
  slices: Map<string, string[]>;
  /** Rows of the period left out because their id (or an empty one) came again, or was empty. */
  duplicateIds: number;
  emptyIds: number;
  /** Rows whose timestamp could not be read, with a few examples. */
  unparseable: { count: number; examples: string[] };
}

const EXAMPLES = 3;

export async function readServedRows(
  files: readonly SourceFile[],
  layout: ServedLayout,
  since: number,
  until: number,
): Promise<ServedRows> {
  const ids: string[] = [];
  const rowsById = new Map<string, number>();
  const predictions: (string | null)[] = [];
  const shadowPredictions: (string | null)[] = [];
  const scores: number[] = [];
  const shadowScores: number[] = [];
  const slices = new Map<string, string[]>(layout.slices.map((column) => [column, []]));
  const strings = new Map<string, string>();
  const out = { duplicateIds: 0, emptyIds: 0, unparseable: { count: 0, examples: [] as string[] } };
  for (const file of files) {
    const rows = await openLogRows(file, formatOf(file.path, layout.format));
    try {
      const at = columnsOf(rows.columns, file.shown, layout);
      const dates = dateCache();
      while (await rows.next()) {
        let ms = rows.utcMs(at.timestamp, dates);
        if (Number.isNaN(ms)) {
          const parsed = parseTimestamp(rows.cell(at.timestamp), layout.unit);
          if ("unparseable" in parsed) {
            out.unparseable.count++;
            if (out.unparseable.examples.length < EXAMPLES)
              out.unparseable.examples.push(`${file.shown} row ${rows.record}: ${parsed.unparseable}`);
            continue;
          }
          ms = parsed.ms;
        }
        if (ms < since || ms >= until) continue;
        const id = rows.cell(at.id) ?? "";
        if (id === "") {
          out.emptyIds++;
          continue;
        }
        if (rowsById.has(id)) {
          out.duplicateIds++;
          continue;
        }
        rowsById.set(id, ids.length);
        ids.push(id);
        predictions.push(interned(strings, rows.cell(at.prediction)));
        shadowPredictions.push(interned(strings, rows.cell(at.shadowPrediction)));
        if (at.score !== undefined) scores.push(probability(rows.cell(at.score)));
        if (at.shadowScore !== undefined) shadowScores.push(probability(rows.cell(at.shadowScore)));
        for (const [column, index] of at.slices)
          slices.get(column)?.push(interned(strings, rows.cell(index)) ?? "(empty)");
      }
    } finally {
      rows.close();
    }
  }
  return {
    count: ids.length,
    ids,
    rowsById,
    predictions,
    shadowPredictions,
    scores: layout.score === undefined ? null : Float64Array.from(scores),
    shadowScores: layout.shadowScore === undefined ? null : Float64Array.from(shadowScores),
    slices,
    ...out,
  };
}

interface ColumnIndexes {
  timestamp: number;
  id: number;
  prediction: number;
  score: number | undefined;
  shadowPrediction: number;
  shadowScore: number | undefined;
  slices: (readonly [string, number])[];
}

/** Where each column the comparison reads is in this file; a missing one is an error naming the file, column and field. */
function columnsOf(columns: readonly string[], shown: string, layout: ServedLayout): ColumnIndexes {
  const required = (column: string, field: string): number => {
    const index = columns.indexOf(column);
    if (index < 0) {
      throw new InputError(`${shown} has no "${column}" column (${field})`, {
        hint: `its columns are: ${columns.join(", ")}; every file of deploy.canary.logs needs the columns the comparison reads`,
      });
    }
    return index;
  };
  return {
    timestamp: required(layout.timestamp, "monitor.logs.timestamp"),
    id: required(layout.id, "monitor.logs.id"),
    prediction: required(layout.prediction, "monitor.logs.prediction"),
    score: layout.score === undefined ? undefined : required(layout.score, "monitor.logs.score"),
    shadowPrediction: required(layout.shadowPrediction, "deploy.canary.shadow.prediction"),
    shadowScore:
      layout.shadowScore === undefined ? undefined : required(layout.shadowScore, "deploy.canary.shadow.score"),
    slices: layout.slices.map((column) => [column, required(column, "monitor.slices")] as const),
  };
}

function interned(strings: Map<string, string>, value: string | null): string | null {
  if (value === null) return null;
  const known = strings.get(value);
  if (known !== undefined) return known;
  if (strings.size < 10_000) strings.set(value, value);
  return value;
}

function probability(cell: string | null): number {
  if (cell === null || cell.trim() === "") return Number.NaN;
  const value = Number(cell);
  return value >= 0 && value <= 1 ? value : Number.NaN;
}
