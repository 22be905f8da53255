import { formatPath } from "../../errors.ts";
import type { MlopsConfig } from "../schema/index.ts";
import type { FieldPath, Report } from "./report.ts";

/** The data section's schema and drift settings: bounds that can be met, rules that can apply. */
export function checkData(config: MlopsConfig, report: Report): void {
  checkDrift(config, report);
  checkHeader(config, report);
  const schema = config.data?.schema;
  if (!schema) return;
  for (const [name, column] of Object.entries(schema.columns)) {
    const at: FieldPath = ["data", "schema", "columns", name];
    if (typeof column.min === "number" && typeof column.max === "number" && column.min > column.max) {
      report("error", [...at, "min"], `min (${column.min}) is greater than max (${column.max})`);
    }
    if (column.regex !== undefined) {
      try {
        new RegExp(column.regex, "u");
      } catch (error) {
        report("error", [...at, "regex"], `invalid regular expression: ${(error as Error).message}`);
      }
    }
    if (
      column.values !== undefined &&
      column.type !== undefined &&
      column.type !== "category" &&
      column.type !== "string"
    ) {
      report("warning", [...at, "values"], `allowed values are checked as text, but the column type is ${column.type}`);
    }
    if (!column.nullable && column.max_null_fraction !== undefined) {
      report("warning", [...at, "max_null_fraction"], "max_null_fraction has no effect when nullable is false");
    }
  }
  const target = config.data?.target;
  if (target !== undefined && Object.keys(schema.columns).length > 0 && !(target in schema.columns)) {
    report("warning", ["data", "target"], `the target "${target}" is not declared in data.schema.columns`);
  }
  if (schema.rows?.min !== undefined && schema.rows.max !== undefined && schema.rows.min > schema.rows.max) {
    report(
      "error",
      ["data", "schema", "rows", "min"],
      `rows.min (${schema.rows.min}) is greater than rows.max (${schema.rows.max})`,
    );
  }
}

const TESTS = new Set(["ks", "chi2"]);

/** Drift settings that parse but cannot mean what they say (DOMAIN.md §3: p-values for tests, distances otherwise). */
function checkDrift(config: MlopsConfig, report: Report): void {
  const drift = config.data?.drift;
  if (!drift) return;
  if (drift.threshold !== undefined && drift.method === "auto") {
    report(
      "warning",
      ["data", "drift", "threshold"],
      "with method auto the statistic differs per column (a p-value for tests, a distance otherwise), so this threshold is not used",
      "set data.drift.method, or put thresholds in data.drift.columns",
    );
  }
  const pValue = (method: string | undefined, threshold: number | undefined, at: FieldPath): void => {
    if (method !== undefined && TESTS.has(method) && threshold !== undefined && threshold >= 1) {
      report(
        "error",
        at,
        `${method} is a test: its threshold is a p-value below 1, not ${threshold}`,
        "the usual value is 0.05",
      );
    }
  };
  pValue(drift.method, drift.threshold, ["data", "drift", "threshold"]);
  const declared = config.data?.schema?.columns ?? {};
  for (const [name, column] of Object.entries(drift.columns)) {
    const at: FieldPath = ["data", "drift", "columns", name];
    pValue(column.method, column.threshold, [...at, "threshold"]);
    const type = declared[name]?.type;
    if (
      (column.method === "ks" || column.method === "wasserstein") &&
      (type === "string" || type === "category" || type === "boolean")
    ) {
      report(
        "error",
        [...at, "method"],
        `${column.method} compares numbers, and "${name}" is declared ${type}`,
        "use chi2, jensen_shannon or psi",
      );
    }
    if (Object.keys(declared).length > 0 && !(name in declared)) {
      report("warning", at, `"${name}" is not declared in data.schema.columns`, "check the column name");
    }
  }
}

/** An array-index key (0 to 2^32 - 2): JavaScript objects put these first, so its place in the YAML mapping is lost. */
const isIndexLike = (name: string): boolean => /^(?:0|[1-9]\d*)$/.test(name) && Number(name) <= 4294967294;

/**
 * `header: false` names the columns from data.schema.columns, in order: there must be some, their order must survive
 * parsing, and the files must be CSV or TSV (JSON Lines and Parquet name their columns themselves). A file whose
 * format only its name tells (format auto, a glob matching other files) is checked again when it is read.
 */
function checkHeader(config: MlopsConfig, report: Report): void {
  const data = config.data;
  if (!data || data.header) return;
  const names = Object.keys(data.schema?.columns ?? {});
  if (names.length === 0) {
    report(
      "error",
      ["data", "header"],
      "header: false takes the column names from data.schema.columns, which lists none",
      "declare every column of the files under data.schema.columns, in their order in the file",
    );
  }
  for (const name of names.filter(isIndexLike)) {
    report(
      "error",
      ["data", "schema", "columns", name],
      `with header: false the columns are taken in their order here, and a column named "${name}" (a whole number) loses its place when the config is read`,
      `give it a name that is not a whole number, e.g. "c${name}"`,
    );
  }
  if (data.format === "jsonl" || data.format === "parquet") {
    report(
      "error",
      ["data", "header"],
      `header: false does not apply to ${data.format === "jsonl" ? "JSON Lines" : "Parquet"} files: they name their columns themselves`,
      "remove data.header (it is for CSV and TSV files)",
    );
    return;
  }
  if (data.format !== "auto") return;
  const sources: [FieldPath, string][] = [];
  for (const dataset of ["train", "eval"] as const) {
    const value = data[dataset];
    if (value === undefined) continue;
    if (typeof value === "string") sources.push([["data", dataset], value]);
    else value.forEach((source, i) => sources.push([["data", dataset, i], source]));
  }
  const reference = data.drift?.reference;
  if (reference !== undefined && reference !== "champion") sources.push([["data", "drift", "reference"], reference]);
  for (const [at, source] of sources) {
    const kind = namedFormat(source);
    if (kind === null) continue;
    report(
      "error",
      ["data", "header"],
      `header: false does not apply to ${source} (${formatPath(at)}): ${kind} files name their columns themselves`,
      "remove data.header, or set data.format if the file is really CSV or TSV",
    );
  }
}

/** The self-describing format a file name says (as `format: auto` reads it), or null for CSV, TSV and the rest. */
function namedFormat(source: string): string | null {
  const name = source.toLowerCase().replace(/\.gz$/, "");
  if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) return "JSON Lines";
  if (name.endsWith(".parquet") || name.endsWith(".pq")) return "Parquet";
  return null;
}
