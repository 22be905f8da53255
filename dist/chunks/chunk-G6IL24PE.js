import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  isMissingToken,
  parseBoolean,
  parseDatetime,
  parseNumber,
  parsed
} from "./chunk-Z7WWPMG5.js";

// src/data/type-sample.ts
var SAMPLE_ROWS = 1e4;
var TypeSample = class _TypeSample {
  rows = 0;
  /** Each cell's UTF-8 for the byte parsers (values.ts), in one buffer reused rather than one allocated per cell. */
  bytes = Buffer.allocUnsafe(1024);
  fits = /* @__PURE__ */ new Map();
  /** A row's cells as text, by column name. */
  add(columns, cells) {
    this.rows++;
    for (let i = 0; i < columns.length; i++) {
      const fit = this.fitOf(columns[i]);
      const cell = cells[i];
      if (cell === null || cell === void 0 || cell === "") continue;
      if (cell.length * 3 > this.bytes.length) this.bytes = Buffer.allocUnsafe(cell.length * 3);
      const end = this.bytes.write(cell);
      observe(fit, this.bytes, 0, end);
    }
  }
  /**
   * A row's cells as UTF-8 spans (`starts`, `ends` into `bytes`; an empty span is an empty cell) of the columns at
   * `at` (-1: the row has no such cell), named `columns`.
   */
  addSpans(columns, at, bytes, starts, ends, fieldCount) {
    this.rows++;
    for (let i = 0; i < columns.length; i++) {
      const fit = this.fitOf(columns[i]);
      const index = at[i] ?? -1;
      if (index < 0 || index >= fieldCount || starts[index] === ends[index]) continue;
      observe(fit, bytes, starts[index], ends[index]);
    }
  }
  /** What the sample holds, as plain data: how a sample taken on another thread comes back ({@link TypeSample.from}). */
  state() {
    return { rows: this.rows, fits: [...this.fits].map(([name, fit]) => [name, { ...fit }]) };
  }
  static from(state) {
    const sample = new _TypeSample();
    sample.rows = state.rows;
    for (const [name, fit] of state.fits) sample.fits.set(name, { ...fit });
    return sample;
  }
  fitOf(name) {
    let fit = this.fits.get(name);
    if (!fit) this.fits.set(name, fit = { integer: 0, number: 0, boolean: 0, datetime: 0, values: 0 });
    return fit;
  }
  /** integer, number, boolean, datetime or string; null when the sample holds no value of the column. */
  inferred(name) {
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
};
function observe(fit, bytes, start, end) {
  if (isMissingToken(bytes, start, end)) return;
  fit.values++;
  if (parseNumber(bytes, start, end)) {
    fit.number++;
    if (parsed.integer) fit.integer++;
  }
  if (parseBoolean(bytes, start, end)) fit.boolean++;
  if (parseDatetime(bytes, start, end)) fit.datetime++;
}

export {
  SAMPLE_ROWS,
  TypeSample
};
