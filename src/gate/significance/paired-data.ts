import { type Codes, codesFor } from "../../evaluate/coded.ts";

/**
 * Candidate and baseline predictions on the same rows, row i of one matching row i of the other (see pairing.ts).
 * Everything the paired tests need, in typed arrays: memory grows with the rows, never with the resamples.
 */

export interface PairedClassification {
  task: "classification";
  n: number;
  /** Sorted union of labels and both models' predictions; codes below index into it. */
  classes: string[];
  truth: ClassCodes;
  candidate: ClassCodes;
  baseline: ClassCodes;
  /** Index of the positive class for binary metrics (-1 when it does not occur); null when none is configured. */
  positive: number | null;
  /** P(positive) per row, per model, when both files have it. */
  candidateScores: Float64Array | null;
  baselineScores: Float64Array | null;
  /** Per-class probability columns (ordered as `probabilityClasses`), per model, when both files have the same. */
  probabilityClasses: string[] | null;
  candidateProbabilities: Float64Array[] | null;
  baselineProbabilities: Float64Array[] | null;
}

export interface PairedRegression {
  task: "regression";
  n: number;
  truth: Float64Array;
  candidate: Float64Array;
  baseline: Float64Array;
}

export type PairedData = PairedClassification | PairedRegression;

/**
 * Per row, an index into the classes: pairing holds them in the narrowest array (coded.ts's {@link codesFor}), a byte a
 * row for up to 256 classes, so three columns of a million rows are 3 MB rather than 12; Int32Array is accepted too.
 */
export type ClassCodes = Codes | Int32Array;

/**
 * f(i) for every row i below n. A plain loop, as every per-row column here is built: Float64Array.from with a mapping
 * function first gathers the values in a list on the heap, tens of MB over a million rows for the GC to reclaim.
 */
export function floatsPerRow(n: number, f: (row: number) => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f(i);
  return out;
}

/** 1 where f(i) holds, else 0, for every row i below n (a plain loop, as {@link floatsPerRow}). */
export function flagsPerRow(n: number, f: (row: number) => boolean): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = f(i) ? 1 : 0;
  return out;
}

/** Each row's label (a code into `data.classes`) as its index into `classes` (-1 where it has none there). */
export function truthIndexIn(data: PairedClassification, classes: readonly string[]): Int32Array {
  const indexOfCode = Int32Array.from(data.classes, (value) => classes.indexOf(value));
  const out = new Int32Array(data.n);
  for (let i = 0; i < data.n; i++) out[i] = indexOfCode[data.truth[i] ?? 0] ?? -1;
  return out;
}

/** The same pairing restricted to `rows` (one slice), as fresh arrays. */
export function restrictRows(data: PairedData, rows: ArrayLike<number>): PairedData {
  // Plain loops: TypedArray.from with a mapping function is many times slower, and the report restricts every slice.
  const floats = (values: Float64Array): Float64Array => {
    const out = new Float64Array(rows.length);
    for (let j = 0; j < rows.length; j++) out[j] = values[rows[j] ?? 0] ?? 0;
    return out;
  };
  const classCount = data.task === "classification" ? data.classes.length : 0;
  const codes = (values: ClassCodes): ClassCodes => {
    const out = codesFor(classCount, rows.length);
    for (let j = 0; j < rows.length; j++) out[j] = values[rows[j] ?? 0] ?? 0;
    return out;
  };
  return withColumns(data, rows.length, codes, floats);
}

/**
 * The same pairing with every per-row array copied into shared memory once, so the threads that build a statistic from
 * it (draw-threads.ts) read these rows rather than each receiving a copy of its own.
 */
export function inSharedMemory(data: PairedData): PairedData {
  const shared = <T extends ClassCodes | Float64Array>(values: T): T => {
    const type = values.constructor as new (buffer: SharedArrayBuffer) => T;
    const copy = new type(new SharedArrayBuffer(values.byteLength));
    copy.set(values);
    return copy;
  };
  return withColumns(data, data.n, shared, shared);
}

/** The pairing with each per-row column replaced: class codes by `codes`, numbers by `floats`; `n` rows. */
function withColumns(
  data: PairedData,
  n: number,
  codes: (values: ClassCodes) => ClassCodes,
  floats: (values: Float64Array) => Float64Array,
): PairedData {
  if (data.task === "regression") {
    return {
      task: "regression",
      n,
      truth: floats(data.truth),
      candidate: floats(data.candidate),
      baseline: floats(data.baseline),
    };
  }
  return {
    ...data,
    n,
    truth: codes(data.truth),
    candidate: codes(data.candidate),
    baseline: codes(data.baseline),
    candidateScores: data.candidateScores && floats(data.candidateScores),
    baselineScores: data.baselineScores && floats(data.baselineScores),
    candidateProbabilities: data.candidateProbabilities?.map(floats) ?? null,
    baselineProbabilities: data.baselineProbabilities?.map(floats) ?? null,
  };
}
