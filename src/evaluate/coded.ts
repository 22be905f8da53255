import { compareCodePoints } from "./confusion.ts";

/**
 * A text column held as codes: each distinct value once in `classes`, each row as its value's index there. A million
 * labels of a few classes are 1 MB of codes instead of a million strings (8 MB of pointers alone), and metrics count
 * codes instead of looking strings up.
 */
export interface Coded {
  /**
   * The distinct values in code-point order, as Python (and so scikit-learn) sorts labels: whatever iterates classes
   * (per-class metrics, confusion matrices, slice tables) meets them in the order the results have always used.
   */
  readonly classes: readonly string[];
  /** Per row, an index into `classes`: one byte per row up to 256 classes, two up to 65,536, else four. */
  readonly codes: Codes;
}

export type Codes = Uint8Array | Uint16Array | Uint32Array;

/** Room for `length` codes of a column of `classCount` classes, in the narrowest array that holds them. */
export function codesFor(classCount: number, length: number): Codes {
  if (classCount <= 0x100) return new Uint8Array(length);
  if (classCount <= 0x10000) return new Uint16Array(length);
  return new Uint32Array(length);
}

/** Builds a {@link Coded} column value by value, as a file is read, without holding the values themselves. */
export class ColumnInterner {
  private readonly seen = new Map<string, number>();
  private codes: Codes = new Uint8Array(1024);
  private length = 0;

  add(value: string): void {
    let code = this.seen.get(value);
    if (code === undefined) {
      code = this.seen.size;
      this.seen.set(value, code);
      // The 257th (65,537th) class needs wider codes.
      if (code === 0x100 || code === 0x10000) this.resize(this.codes.length);
    }
    if (this.length === this.codes.length) this.resize(this.codes.length * 2);
    this.codes[this.length++] = code;
  }

  private resize(capacity: number): void {
    const grown = codesFor(this.seen.size, capacity);
    grown.set(this.codes.subarray(0, this.length));
    this.codes = grown;
  }

  /** The column: codes handed out in order of first sight, renumbered once in sorted order. */
  finish(): Coded {
    const firstSight = [...this.seen.keys()];
    const classes = [...firstSight].sort(compareCodePoints);
    const renumber = new Uint32Array(firstSight.length);
    classes.forEach((value, sorted) => (renumber[this.seen.get(value) ?? 0] = sorted));
    const codes = this.codes.slice(0, this.length);
    for (let i = 0; i < codes.length; i++) codes[i] = renumber[codes[i] ?? 0] ?? 0;
    return { classes, codes };
  }
}

/** A column of values as a {@link Coded} one (tests, fixtures and rows built in memory). */
export function internColumn(values: Iterable<string>): Coded {
  const interner = new ColumnInterner();
  for (const value of values) interner.add(value);
  return interner.finish();
}

/** Row `row`'s value. */
export function valueAt(column: Coded, row: number): string {
  return column.classes[column.codes[row] ?? 0] ?? "";
}

/** Every row's value as a string, for the few places that need text per row (messages, joins by value). */
export function valuesOf(column: Coded): string[] {
  return Array.from(column.codes, (code) => column.classes[code] ?? "");
}

/**
 * The rows `rows` of a column, sharing its class table (so some classes may occur in no picked row); written into the
 * start of `into` when given (codesFor this column, at least rows.length long), which the caller then lends out.
 */
export function pickRows(column: Coded, rows: ArrayLike<number>, into?: Codes): Coded {
  const codes = into ? into.subarray(0, rows.length) : codesFor(column.classes.length, rows.length);
  for (let j = 0; j < rows.length; j++) codes[j] = column.codes[rows[j] ?? 0] ?? 0;
  return { classes: column.classes, codes };
}

/**
 * The sorted union of the classes that occur in the columns (scikit-learn's unique_labels; a class of a table that no
 * row holds is left out), with per column the map from its codes to indices into that union (-1: never occurs).
 */
export function unionOfClasses(...columns: readonly Coded[]): { classes: string[]; remaps: Int32Array[] } {
  const present = new Set<string>();
  for (const column of columns) {
    const occurs = new Uint8Array(column.classes.length);
    // Every class of the table is usually seen within the first rows: stop there rather than read a million codes.
    let seen = 0;
    for (let i = 0; i < column.codes.length && seen < occurs.length; i++) {
      const code = column.codes[i] ?? 0;
      if (occurs[code] === 1) continue;
      occurs[code] = 1;
      seen++;
    }
    column.classes.forEach((value, code) => {
      if (occurs[code] === 1) present.add(value);
    });
  }
  const classes = [...present].sort(compareCodePoints);
  const index = new Map(classes.map((value, at) => [value, at]));
  const remaps = columns.map((column) => Int32Array.from(column.classes, (value) => index.get(value) ?? -1));
  return { classes, remaps };
}

/**
 * Per code of a column, the rows (of `rows`, else all, in that order) that hold it: one pass to count, one to fill,
 * so a million rows are 4 MB of indices instead of arrays of numbers grown on the heap. With `keep`, only the codes it
 * keeps get their rows (the others an empty list).
 */
export function rowsByCode(column: Coded, rows?: ArrayLike<number>, keep?: (code: number) => boolean): Uint32Array[] {
  const count = rows ? rows.length : column.codes.length;
  const sizes = new Uint32Array(column.classes.length);
  for (let j = 0; j < count; j++) {
    const code = column.codes[rows ? (rows[j] ?? 0) : j] ?? 0;
    sizes[code] = (sizes[code] ?? 0) + 1;
  }
  const groups = Array.from(sizes, (size, code) => new Uint32Array(!keep || keep(code) ? size : 0));
  const filled = new Uint32Array(column.classes.length);
  for (let j = 0; j < count; j++) {
    const row = rows ? (rows[j] ?? 0) : j;
    const code = column.codes[row] ?? 0;
    const group = groups[code]!;
    if (group.length === 0) continue;
    const at = filled[code] ?? 0;
    group[at] = row;
    filled[code] = at + 1;
  }
  return groups;
}
