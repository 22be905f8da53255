import type { ColumnType } from "../config/schema/data.ts";
import { isMissingToken, parseBoolean, parseDatetime, parseNumber, parsed } from "./values.ts";

/** Rows read to infer the types of columns data.schema does not type. */
export const SAMPLE_ROWS = 10_000;

interface Fit {
  integer: number;
  number: number;
  boolean: number;
  datetime: number;
  values: number;
}

export interface TypeSampleState {
  rows: number;
  fits: [string, Fit][];
}

/**
 * Which types the sampled values of each column fit (DOMAIN.md §3 types; the narrowest that fits all of them wins).
 * A column whose values are numbers but for a few (at most 10%) is read as numbers too: the others are reported as
 * mixed types, which says more than calling the whole column text. The plan (plan.ts) samples a dataset's first rows
 * as text; the monitor's spool samples each window's first rows as bytes while it writes them, so the window's
 * profile need not read them again.
 */
export class TypeSample {
  rows = 0;
  /** Each cell's UTF-8 for the byte parsers (values.ts), in one buffer reused rather than one allocated per cell. */
  private bytes = Buffer.allocUnsafe(1024);
  private readonly fits = new Map<string, Fit>();

  /** A row's cells as text, by column name. */
  add(columns: string[], cells: (string | null)[]): void {
    this.rows++;
    for (let i = 0; i < columns.length; i++) {
      const fit = this.fitOf(columns[i]!);
      const cell = cells[i];
      if (cell === null || cell === undefined || cell === "") continue;
      // A UTF-16 unit takes at most 3 bytes in UTF-8, so the whole cell always fits.
      if (cell.length * 3 > this.bytes.length) this.bytes = Buffer.allocUnsafe(cell.length * 3);
      const end = this.bytes.write(cell);
      observe(fit, this.bytes, 0, end);
    }
  }

  /**
   * A row's cells as UTF-8 spans (`starts`, `ends` into `bytes`; an empty span is an empty cell) of the columns at
   * `at` (-1: the row has no such cell), named `columns`.
   */
  addSpans(
    columns: readonly string[],
    at: readonly number[],
    bytes: Uint8Array,
    starts: Int32Array,
    ends: Int32Array,
    fieldCount: number,
  ): void {
    this.rows++;
    for (let i = 0; i < columns.length; i++) {
      const fit = this.fitOf(columns[i]!);
      const index = at[i] ?? -1;
      if (index < 0 || index >= fieldCount || starts[index] === ends[index]) continue;
      observe(fit, bytes, starts[index]!, ends[index]!);
    }
  }

  /** What the sample holds, as plain data: how a sample taken on another thread comes back ({@link TypeSample.from}). */
  state(): TypeSampleState {
    return { rows: this.rows, fits: [...this.fits].map(([name, fit]) => [name, { ...fit }]) };
  }

  static from(state: TypeSampleState): TypeSample {
    const sample = new TypeSample();
    sample.rows = state.rows;
    for (const [name, fit] of state.fits) sample.fits.set(name, { ...fit });
    return sample;
  }

  private fitOf(name: string): Fit {
    let fit = this.fits.get(name);
    if (!fit) this.fits.set(name, (fit = { integer: 0, number: 0, boolean: 0, datetime: 0, values: 0 }));
    return fit;
  }

  /** integer, number, boolean, datetime or string; null when the sample holds no value of the column. */
  inferred(name: string): ColumnType | null {
    const fit = this.fits.get(name);
    if (!fit || fit.values === 0) return null;
    const all = fit.values;
    if (fit.integer === all) return "integer";
    if (fit.number === all) return "number";
    if (fit.boolean === all) return "boolean";
    if (fit.datetime === all) return "datetime";
    if (fit.number >= 0.9 * all) return fit.integer === fit.number ? "integer" : "number";
    return "string";
  }
}

function observe(fit: Fit, bytes: Uint8Array, start: number, end: number): void {
  if (isMissingToken(bytes, start, end)) return;
  fit.values++;
  if (parseNumber(bytes, start, end)) {
    fit.number++;
    if (parsed.integer) fit.integer++;
  }
  if (parseBoolean(bytes, start, end)) fit.boolean++;
  if (parseDatetime(bytes, start, end)) fit.datetime++;
}
