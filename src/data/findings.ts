import type { ColumnProfile, DatasetProfile } from "./profile.ts";
import type { DatasetSchema } from "./plan.ts";
import type { Tally } from "./tally.ts";

/**
 * The schema rules applied to a profile (DOMAIN.md §3): every broken rule becomes a finding that names the column,
 * the rule, the value seen first, how many rows broke it and the first few of them. Findings are data: the stage
 * decides the verdict from their severities.
 */

export interface Finding {
  dataset: string;
  /** null for dataset-level rules (row count, duplicates). */
  column: string | null;
  rule: string;
  severity: "error" | "warn";
  message: string;
  /** The observed value that broke the rule, as text. */
  observed: string;
  /** How many rows broke it. */
  count: number;
  /** First example rows, numbered as a spreadsheet shows them (the header is row 1). */
  rows: number[];
  /** The config field that holds the rule, for annotations. */
  configPath: (string | number)[];
}

export function findingsOf(profile: DatasetProfile, schema: DatasetSchema | undefined): Finding[] {
  const findings: Finding[] = [];
  const dataset = profile.dataset;
  const add = (finding: Omit<Finding, "dataset">): void => void findings.push({ dataset, ...finding });
  const fromTally = (
    tally: Tally | undefined,
    column: string | null,
    rule: string,
    severity: "error" | "warn",
    message: string,
    configPath: (string | number)[],
  ): void => {
    if (!tally || tally.count === 0) return;
    add({
      column,
      rule,
      severity,
      message,
      observed: tally.observed,
      count: tally.count,
      rows: tally.rows,
      configPath,
    });
  };
  const columns = schema?.columns ?? {};

  // Header rules, per file.
  for (const file of profile.files) {
    for (const [name, spec] of Object.entries(columns)) {
      if (spec.required && !file.columns.includes(name)) {
        add({
          column: name,
          rule: "required",
          severity: spec.severity,
          message: `column is missing from ${file.path}`,
          observed: "absent",
          count: 1,
          rows: [],
          configPath: ["data", "schema", "columns", name],
        });
      }
    }
    if (schema && schema.extra_columns !== "allow") {
      for (const name of file.columns) {
        if (name in columns) continue;
        add({
          column: name,
          rule: "extra_columns",
          severity: schema.extra_columns === "error" ? "error" : "warn",
          message: `column is not declared in data.schema.columns (${file.path})`,
          observed: "present",
          count: 1,
          rows: [],
          configPath: ["data", "schema", "extra_columns"],
        });
      }
    }
  }

  fromTally(
    profile.checks.ragged_rows,
    null,
    "ragged_rows",
    "error",
    profile.firstRow === 2
      ? "rows with a different number of fields than the header"
      : "rows with a different number of fields than the columns in data.schema.columns",
    ["data", "train"],
  );
  fromTally(
    profile.checks.extra_fields,
    null,
    "extra_fields",
    "warn",
    "records with keys the file's first record does not have (they are not read)",
    ["data", "train"],
  );

  for (const column of profile.columns)
    findings.push(...columnFindings(dataset, column, columns[column.name], profile));

  if (schema) {
    const duplicates = schema.duplicate_rows;
    if (duplicates !== "allow") {
      const tally = profile.checks.duplicate_rows;
      if (tally) tally.observed = "a repeated row";
      fromTally(tally, null, "duplicate_rows", duplicates, "rows that repeat an earlier row exactly", [
        "data",
        "schema",
        "duplicate_rows",
      ]);
    }
    if (schema.unique_key) {
      fromTally(profile.checks.unique_key, schema.unique_key.join("+"), "unique_key", "error", "repeated key values", [
        "data",
        "schema",
        "unique_key",
      ]);
    }
  }
  findings.push(...rowCountFindings(profile, schema));
  return findings;
}

/**
 * Row counts: the schema's rows.min and rows.max over the dataset, and a file with a header and no data rows, which
 * fails unless `rows.min: 0` says empty data is expected (an export that wrote only its header is the usual cause).
 */
function rowCountFindings(profile: DatasetProfile, schema: DatasetSchema | undefined): Finding[] {
  const found: Finding[] = [];
  const bounds = schema?.rows;
  const add = (rule: "rows.min" | "rows.max", message: string, observed: number, path: (string | number)[]): void =>
    void found.push({
      dataset: profile.dataset,
      column: null,
      rule,
      severity: "error",
      message,
      observed: String(observed),
      count: 1,
      rows: [],
      configPath: path,
    });
  const belowMin = bounds?.min !== undefined && profile.rows < bounds.min;
  if (belowMin) {
    const what = profile.rows === 0 ? "no rows, fewer" : "fewer rows";
    add("rows.min", `${what} than the minimum of ${bounds.min}`, profile.rows, ["data", "schema", "rows", "min"]);
  }
  if (bounds?.max !== undefined && profile.rows > bounds.max)
    add("rows.max", `more rows than the maximum of ${bounds.max}`, profile.rows, ["data", "schema", "rows", "max"]);
  // The dataset rule has said it already when the empty file is the only one.
  if (bounds?.min === 0 || (belowMin && profile.files.length === 1)) return found;
  for (const file of profile.files) {
    if (file.rows > 0) continue;
    const what = profile.firstRow === 2 ? "has a header and no data rows" : "has no data rows";
    const message = `no rows: ${file.path} ${what} (declare rows.min: 0 if that is expected)`;
    add("rows.min", message, 0, ["data", profile.dataset]);
  }
  return found;
}

function columnFindings(
  dataset: string,
  column: ColumnProfile,
  spec: NonNullable<DatasetSchema["columns"]>[string] | undefined,
  profile: DatasetProfile,
): Finding[] {
  const found: Finding[] = [];
  const name = column.name;
  const at = (field: string): (string | number)[] => ["data", "schema", "columns", name, field];
  const severity = spec?.severity ?? "warn";
  const push = (
    tally: Tally | undefined,
    rule: string,
    message: string,
    path: (string | number)[],
    level = severity,
  ): void => {
    if (!tally || tally.count === 0) return;
    found.push({
      dataset,
      column: name,
      rule,
      severity: level,
      message,
      observed: tally.observed,
      count: tally.count,
      rows: tally.rows,
      configPath: path,
    });
  };
  const checks = column.checks;
  if (spec?.type) {
    push(checks.type, "type", `values that are not of type ${spec.type}`, at("type"));
  } else if (column.inferred) {
    // A column the schema does not type, read as the type its first rows had: later values of another type are mixed
    // types, worth a warning (and a declared type), not an error.
    push(
      checks.type,
      "type",
      `values that are not ${column.inferred}, the type the first ${profile.sampledRows} rows suggested (mixed types)`,
      spec ? ["data", "schema", "columns", name] : ["data", "schema"],
      "warn",
    );
  }
  push(
    checks.finite,
    "finite",
    "infinite values (inf) in a numeric column; they are left out of the statistics",
    spec ? at("type") : ["data", "schema"],
    spec ? severity : "warn",
  );
  if (!spec) return found;
  push(checks.nullable, "nullable", "empty values in a column that is not nullable", at("nullable"));
  push(checks.min, "min", `values below the minimum ${String(spec.min)}`, at("min"));
  push(checks.max, "max", `values above the maximum ${String(spec.max)}`, at("max"));
  push(
    checks.values,
    "values",
    `values outside the allowed ${(spec.values ?? []).map(String).join(", ")}`,
    at("values"),
  );
  push(checks.regex, "regex", `values that do not match /${spec.regex ?? ""}/`, at("regex"));
  push(profile.checks[`unique:${name}`], "unique", "repeated values in a unique column", at("unique"));
  const rows = column.rows;
  if (spec.max_null_fraction !== undefined && rows > 0 && column.nulls / rows > spec.max_null_fraction) {
    found.push({
      dataset,
      column: name,
      rule: "max_null_fraction",
      severity,
      message: `more empty values than the allowed ${spec.max_null_fraction}`,
      observed: (column.nulls / rows).toFixed(4),
      count: column.nulls,
      rows: [],
      configPath: at("max_null_fraction"),
    });
  }
  return found;
}
