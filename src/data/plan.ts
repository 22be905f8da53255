import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import type { ColumnType } from "../config/schema/data.ts";
import type { MlopsConfig } from "../config/schema/index.ts";
import { InputError } from "../errors.ts";
import { type ColumnPlan, type ColumnRules, keyOf, type ValueKind } from "./column/plan.ts";
import { isGzip } from "./formats/chunks.ts";
import { heldValuesLimit } from "./held-values.ts";
import { explainReadError, formatOf, openTable, type TableFormat } from "./table.ts";
import { SAMPLE_ROWS, TypeSample } from "./type-sample.ts";
import { parseDatetime, parseNumber, parsed } from "./values.ts";

/**
 * What one pass over a dataset will do, decided before reading it, the same in every thread and every shard: the
 * files and their headers, each column's value kind (its declared type, or the type inferred from the first rows of
 * the dataset), its rules, and which rules need the whole dataset at once (repeats/).
 */

type DataSection = NonNullable<MlopsConfig["data"]>;
export type DatasetSchema = NonNullable<DataSection["schema"]>;

export { SAMPLE_ROWS } from "./type-sample.ts";

export interface DataFile {
  /** Local path (a downloaded copy for s3:// sources). */
  path: string;
  /** How messages show it: relative to mlops.yml, or the s3:// URI. */
  shown: string;
  format: TableFormat;
  gzip: boolean;
  bytes: number;
  columns: string[];
  /** Whether its first record is a header (CSV and TSV unless data.header is false); false for JSON Lines, Parquet. */
  header: boolean;
}

export interface ScanPlan {
  dataset: string;
  files: DataFile[];
  columns: ColumnPlan[];
  /** Row number of the first data record: 2 when files have a header row (CSV, TSV by default), else 1. */
  firstRow: number;
  duplicateCheck: number | null;
  /**
   * The unique check of a column that carries the duplicate-rows check (repeats/spill-format.ts): the first column with a `unique`
   * rule, when duplicate rows are checked.
   */
  duplicateCarrier: number | null;
  duplicateSeverity: "error" | "warn";
  keyCheck: number | null;
  keyColumns: string[];
  /** Number of whole-dataset checks (spill check ids are 0..checks-1). */
  checks: number;
  /** Rows the type inference read. */
  sampledRows: number;
  /** sha256 of the schema the rules came from: profiles made under another schema do not merge. */
  schemaHash: string;
}

/** What a caller already knows about a dataset before it is planned. */
export interface PlanHints {
  /**
   * The type sample of the dataset's first rows, in order, as the plan would take it ({@link SAMPLE_ROWS} rows, the
   * values as the files hold them): taken while the rows were written (the monitor's window files), not read again.
   */
  sample?: TypeSample;
  /** The numeric columns whose values are held (default: all); the others are summarised by their sketches. */
  holdOnly?: ReadonlySet<string>;
}

export function schemaHash(schema: DatasetSchema | undefined): string {
  return createHash("sha256")
    .update(JSON.stringify(schema ?? null))
    .digest("hex")
    .slice(0, 16);
}

export async function planDataset(
  dataset: string,
  files: { path: string; shown: string }[],
  /** data.format and data.header. */
  reading: { format: string; header: boolean },
  schema: DatasetSchema | undefined,
  /** Values of numeric columns to hold for exact drift, shared between them (held-values.ts); 0 holds none. */
  heldValuesBudget = 0,
  hints: PlanHints = {},
): Promise<ScanPlan> {
  const dataFiles: DataFile[] = [];
  const sample = hints.sample ?? new TypeSample();
  for (const file of files) {
    const fileFormat = formatOf(file.path, reading.format);
    const delimited = fileFormat === "csv" || fileFormat === "tsv";
    if (!reading.header && !delimited) {
      throw new InputError(
        `data.header: false does not apply to ${file.shown}: ${fileFormat === "jsonl" ? "JSON Lines" : "Parquet"} files name their columns themselves`,
        { hint: "remove data.header, or list only CSV and TSV files in this dataset" },
      );
    }
    const table = await openTable(file.path, fileFormat, {
      displayName: file.shown,
      ...(reading.header ? {} : { columns: Object.keys(schema?.columns ?? {}) }),
    });
    const entry: DataFile = {
      path: file.path,
      shown: file.shown,
      format: fileFormat,
      gzip: isGzip(file.path),
      // A regular file (openTable refused anything else): its size cuts byte ranges, and the last range reads to the
      // end, whatever the size has become by then.
      bytes: statSync(file.path).size,
      columns: table.columns,
      header: delimited && reading.header,
    };
    dataFiles.push(entry);
    if (table.spans && !hints.sample && sample.rows < SAMPLE_ROWS) {
      // The sample straight from the bytes: the same cells as `rows` gives them, without a string for each.
      const at = table.columns.map((_, i) => i);
      await table.spans((record) => {
        sample.addSpans(table.columns, at, record.buffer, record.starts, record.ends, record.fieldCount);
        return sample.rows < SAMPLE_ROWS;
      });
      continue;
    }
    if (hints.sample || sample.rows >= SAMPLE_ROWS) {
      // The sample is full (or given): this file's header was all the plan needed of it.
      table.close();
      continue;
    }
    const iterator = table.rows[Symbol.asyncIterator]();
    try {
      while (sample.rows < SAMPLE_ROWS) {
        const next = await iterator.next();
        if (next.done) break;
        sample.add(table.columns, next.value.cells);
      }
    } catch (error) {
      throw explainReadError(error, file.shown, (record) => record + (entry.header ? 1 : 0));
    } finally {
      await iterator.return?.();
    }
  }
  const names: string[] = [];
  for (const file of dataFiles) for (const column of file.columns) if (!names.includes(column)) names.push(column);
  let checks = 0;
  const duplicateRows = schema?.duplicate_rows ?? "allow";
  const duplicateCheck = duplicateRows === "allow" ? null : checks++;
  const keyCheck = schema?.unique_key ? checks++ : null;
  const columns = names.map((name): ColumnPlan => {
    const spec = schema?.columns[name];
    const declared = spec?.type ?? null;
    const inferred = sample.inferred(name);
    const type = declared ?? inferred;
    return {
      name,
      declared,
      inferred,
      kind: kindOf(type),
      severity: spec?.severity ?? "error",
      rules: spec ? rulesOf(spec, declared) : null,
      uniqueCheck: spec?.unique ? checks++ : null,
      valuesLimit: 0,
    };
  });
  const numeric = columns.filter((c) => c.kind === "numeric" || c.kind === "datetime" || c.kind === "any");
  const limit = heldValuesLimit(heldValuesBudget, numeric.length);
  // Every numeric column counts in the shares, held or not, so holding fewer changes no column's limit.
  for (const column of numeric) if (!hints.holdOnly || hints.holdOnly.has(column.name)) column.valuesLimit = limit;
  return {
    dataset,
    files: dataFiles,
    columns,
    firstRow: dataFiles[0]?.header ? 2 : 1,
    duplicateCheck,
    duplicateCarrier:
      duplicateCheck === null ? null : (columns.find((c) => c.uniqueCheck !== null)?.uniqueCheck ?? null),
    duplicateSeverity: duplicateRows === "error" ? "error" : "warn",
    keyCheck,
    keyColumns: schema?.unique_key ?? [],
    checks,
    sampledRows: sample.rows,
    schemaHash: schemaHash(schema),
  };
}

export function kindOf(type: ColumnType | null): ValueKind {
  switch (type) {
    case "integer":
    case "number":
      return "numeric";
    case "datetime":
      return "datetime";
    case "boolean":
      return "boolean";
    case "string":
    case "category":
      return "text";
    case null:
      return "any";
  }
}

function rulesOf(spec: NonNullable<DatasetSchema["columns"][string]>, declared: ColumnType | null): ColumnRules {
  const bound = (value: number | string | undefined): number | null => {
    if (value === undefined) return null;
    if (typeof value === "number") return value;
    const bytes = Buffer.from(value);
    if (declared === "datetime" && parseDatetime(bytes, 0, bytes.length)) return parsed.value;
    return parseNumber(bytes, 0, bytes.length) ? parsed.value : null;
  };
  return {
    nullable: spec.nullable,
    min: bound(spec.min),
    max: bound(spec.max),
    allowed: spec.values ? spec.values.map((v) => keyOf(String(v))) : null,
    regex: spec.regex ?? null,
    unique: spec.unique,
  };
}
