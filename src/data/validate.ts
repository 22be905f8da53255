import { createHash } from "node:crypto";
import type { ColumnSpec, MlopsConfig } from "../config/schema/index.ts";
import { displayPath, formatOf, openTable, type Table } from "./table.ts";
import { resolveDataFiles } from "./sources.ts";

/**
 * The validate stage: schema checks over each dataset (DOMAIN.md §3). A broken rule is a finding (data), not an
 * exception; only data that cannot be read at all throws.
 */

export type ColumnType = NonNullable<ColumnSpec["type"]>;
type DataSection = NonNullable<MlopsConfig["data"]>;
type DatasetSchema = NonNullable<DataSection["schema"]>;

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

export interface ColumnSummary {
  name: string;
  type: ColumnType;
  /** Whether `type` came from the config (else it was inferred from the values). */
  declared: boolean;
  count: number;
  nulls: number;
  min?: number;
  max?: number;
}

export interface DatasetReport {
  name: string;
  files: string[];
  rows: number;
  columns: ColumnSummary[];
  findings: Finding[];
}

export interface ValidateResult {
  stage: "validate";
  verdict: "pass" | "fail" | "skipped";
  datasets: DatasetReport[];
  errors: number;
  warnings: number;
  /**
   * The training data's profile (a JSON file in the workspace), when this run wrote one. Publish stores it with the
   * model, and later runs compare their data with it (drift against the champion's training data).
   */
  profile: string | null;
}

const EXAMPLE_ROWS = 5;

export async function validateData(data: DataSection | undefined, root: string): Promise<ValidateResult> {
  if (!data) return { stage: "validate", verdict: "skipped", datasets: [], errors: 0, warnings: 0, profile: null };
  const datasets: DatasetReport[] = [];
  const named: [string, string | readonly string[] | undefined][] = [
    ["train", data.train],
    ["eval", data.eval],
  ];
  for (const [name, sources] of named) {
    if (sources === undefined) continue;
    const files = await resolveDataFiles(sources, root);
    datasets.push(await validateDataset(name, files, data, root));
  }
  const findings = datasets.flatMap((d) => d.findings);
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  return { stage: "validate", verdict: errors > 0 ? "fail" : "pass", datasets, errors, warnings, profile: null };
}

async function validateDataset(name: string, files: string[], data: DataSection, root: string): Promise<DatasetReport> {
  const schema: DatasetSchema = data.schema ?? {
    columns: {},
    duplicate_rows: "allow",
    extra_columns: "allow",
  };
  const findings: Finding[] = [];
  const add = (finding: Omit<Finding, "dataset">): void => void findings.push({ dataset: name, ...finding });
  const checkers = new Map<string, ColumnChecker>();
  const duplicates = schema.duplicate_rows === "allow" ? undefined : new RowTally(add, schema.duplicate_rows);
  const keyTally = schema.unique_key ? new RowTally(add, "error", schema.unique_key) : undefined;
  let rows = 0;
  const ragged = { count: 0, rows: [] as number[], observed: "" };

  for (const file of files) {
    const shown = displayPath(root, file);
    const table: Table = await openTable(file, formatOf(file, data.format), { displayName: shown });
    checkHeader(table.columns, schema, add, shown);
    const indexes = table.columns.map((column, index) => {
      let checker = checkers.get(column);
      if (!checker) {
        checker = new ColumnChecker(column, schema.columns[column]);
        checkers.set(column, checker);
      }
      return { checker, index };
    });
    const keyIndexes = schema.unique_key?.map((column) => table.columns.indexOf(column));
    for await (const row of table.rows) {
      rows++;
      // Rows are numbered across files as if the files were concatenated under one header.
      const rowNumber = rows + 1;
      if (row.cells.length !== table.columns.length) {
        ragged.count++;
        if (ragged.rows.length < EXAMPLE_ROWS) ragged.rows.push(rowNumber);
        ragged.observed ||= `${row.cells.length} fields where the header has ${table.columns.length} (${shown})`;
      }
      for (const { checker, index } of indexes) checker.observe(row.cells[index] ?? null, rowNumber);
      duplicates?.observe(row.cells, rowNumber);
      if (keyTally && keyIndexes)
        keyTally.observe(
          keyIndexes.map((i) => (i >= 0 ? (row.cells[i] ?? null) : null)),
          rowNumber,
        );
    }
  }

  if (ragged.count > 0) {
    add({
      column: null,
      rule: "ragged_rows",
      severity: "error",
      message: "rows with a different number of fields than the header",
      observed: ragged.observed,
      count: ragged.count,
      rows: ragged.rows,
      configPath: ["data", "train"],
    });
  }
  for (const checker of checkers.values()) findings.push(...checker.findings(name, rows));
  duplicates?.report();
  keyTally?.report();
  const bounds = schema.rows;
  if (bounds?.min !== undefined && rows < bounds.min) {
    add({
      column: null,
      rule: "rows.min",
      severity: "error",
      message: `fewer rows than the minimum of ${bounds.min}`,
      observed: String(rows),
      count: 1,
      rows: [],
      configPath: ["data", "schema", "rows", "min"],
    });
  }
  if (bounds?.max !== undefined && rows > bounds.max) {
    add({
      column: null,
      rule: "rows.max",
      severity: "error",
      message: `more rows than the maximum of ${bounds.max}`,
      observed: String(rows),
      count: 1,
      rows: [],
      configPath: ["data", "schema", "rows", "max"],
    });
  }
  return {
    name,
    files: files.map((file) => displayPath(root, file)),
    rows,
    columns: [...checkers.values()].map((checker) => checker.summary()),
    findings,
  };
}

function checkHeader(
  columns: string[],
  schema: DatasetSchema,
  add: (f: Omit<Finding, "dataset">) => void,
  shown: string,
): void {
  for (const [column, spec] of Object.entries(schema.columns)) {
    if (spec.required && !columns.includes(column)) {
      add({
        column,
        rule: "required",
        severity: spec.severity,
        message: `column is missing from ${shown}`,
        observed: "absent",
        count: 1,
        rows: [],
        configPath: ["data", "schema", "columns", column],
      });
    }
  }
  if (schema.extra_columns !== "allow") {
    for (const column of columns) {
      if (!(column in schema.columns)) {
        add({
          column,
          rule: "extra_columns",
          severity: schema.extra_columns === "error" ? "error" : "warn",
          message: `column is not declared in data.schema.columns (${shown})`,
          observed: "present",
          count: 1,
          rows: [],
          configPath: ["data", "schema", "extra_columns"],
        });
      }
    }
  }
}

// --- per-column checks ----------------------------------------------------------------------------------------

interface Violation {
  count: number;
  rows: number[];
  observed: string;
}

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const BOOLEAN = /^(?:true|false|t|f|yes|no|y|n|1|0)$/i;
const DATETIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export function parsesAs(type: ColumnType, text: string): boolean {
  switch (type) {
    case "integer":
      return INTEGER.test(text);
    case "number":
      return NUMBER.test(text);
    case "boolean":
      return BOOLEAN.test(text);
    case "datetime":
      return DATETIME.test(text) && !Number.isNaN(Date.parse(text)) && isCalendarDate(text);
    case "string":
    case "category":
      return true;
  }
}

/** Date.parse rolls 2023-02-30 over to March 2; a day past the end of its month is not a date. */
function isCalendarDate(text: string): boolean {
  const [year, month, day] = text.slice(0, 10).split("-").map(Number);
  const date = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1));
  return date.getUTCMonth() === (month ?? 1) - 1 && date.getUTCDate() === day;
}

/** The narrowest type every non-null value fits, for columns the schema does not type. */
const INFERENCE_ORDER: ColumnType[] = ["integer", "number", "boolean", "datetime"];

class ColumnChecker {
  private nulls = 0;
  private count = 0;
  private min = Infinity;
  private max = -Infinity;
  private readonly violations = new Map<string, Violation>();
  private readonly possibleTypes = new Set(INFERENCE_ORDER);
  private readonly seen: Set<string> | undefined;
  private readonly allowed: Set<string> | undefined;
  private readonly pattern: RegExp | undefined;
  private readonly lower: number | undefined;
  private readonly upper: number | undefined;

  constructor(
    private readonly name: string,
    private readonly spec: ColumnSpec | undefined,
  ) {
    this.seen = spec?.unique ? new Set() : undefined;
    this.allowed = spec?.values ? new Set(spec.values.map(String)) : undefined;
    this.pattern = spec?.regex === undefined ? undefined : new RegExp(`^(?:${spec.regex})$`, "u");
    this.lower = bound(spec?.min, spec?.type);
    this.upper = bound(spec?.max, spec?.type);
  }

  observe(cell: string | null, row: number): void {
    if (cell === null || cell === "") {
      this.nulls++;
      if (this.spec && !this.spec.nullable) this.violate("nullable", row, "empty");
      return;
    }
    this.count++;
    for (const type of this.possibleTypes) if (!parsesAs(type, cell)) this.possibleTypes.delete(type);
    const spec = this.spec;
    const type = spec?.type;
    if (type && !parsesAs(type, cell)) {
      this.violate("type", row, cell);
      return;
    }
    const numeric = type === "datetime" ? Date.parse(cell) : Number(cell);
    if ((type === "integer" || type === "number" || type === "datetime") && Number.isFinite(numeric)) {
      if (numeric < this.min) this.min = numeric;
      if (numeric > this.max) this.max = numeric;
      if (this.lower !== undefined && numeric < this.lower) this.violate("min", row, cell);
      if (this.upper !== undefined && numeric > this.upper) this.violate("max", row, cell);
    } else if (type === undefined && NUMBER.test(cell)) {
      if (numeric < this.min) this.min = numeric;
      if (numeric > this.max) this.max = numeric;
    }
    if (this.allowed && !this.allowed.has(cell)) this.violate("values", row, cell);
    if (this.pattern && !this.pattern.test(cell)) this.violate("regex", row, cell);
    if (this.seen) {
      if (this.seen.has(cell)) this.violate("unique", row, cell);
      else this.seen.add(cell);
    }
  }

  private violate(rule: string, row: number, observed: string): void {
    let violation = this.violations.get(rule);
    if (!violation) {
      violation = { count: 0, rows: [], observed: observed.length > 60 ? `${observed.slice(0, 57)}...` : observed };
      this.violations.set(rule, violation);
    }
    violation.count++;
    if (violation.rows.length < EXAMPLE_ROWS) violation.rows.push(row);
  }

  findings(dataset: string, rows: number): Finding[] {
    const spec = this.spec;
    if (!spec) return [];
    const severity = spec.severity;
    const at = (field: string): (string | number)[] => ["data", "schema", "columns", this.name, field];
    const messages: Record<string, [string, string]> = {
      nullable: ["empty values in a column that is not nullable", "nullable"],
      type: [`values that are not of type ${spec.type}`, "type"],
      min: [`values below the minimum ${String(spec.min)}`, "min"],
      max: [`values above the maximum ${String(spec.max)}`, "max"],
      values: [`values outside the allowed ${(spec.values ?? []).map(String).join(", ")}`, "values"],
      regex: [`values that do not match /${spec.regex}/`, "regex"],
      unique: ["repeated values in a unique column", "unique"],
    };
    const found: Finding[] = [];
    for (const [rule, violation] of this.violations) {
      const [message, field] = messages[rule] ?? [rule, rule];
      found.push({
        dataset,
        column: this.name,
        rule,
        severity,
        message,
        observed: violation.observed,
        count: violation.count,
        rows: violation.rows,
        configPath: at(field),
      });
    }
    if (spec.max_null_fraction !== undefined && rows > 0 && this.nulls / rows > spec.max_null_fraction) {
      const share = this.nulls / rows;
      found.push({
        dataset,
        column: this.name,
        rule: "max_null_fraction",
        severity,
        message: `more empty values than the allowed ${spec.max_null_fraction}`,
        observed: share.toFixed(4),
        count: this.nulls,
        rows: [],
        configPath: at("max_null_fraction"),
      });
    }
    return found;
  }

  summary(): ColumnSummary {
    const declared = this.spec?.type;
    const inferred = this.count === 0 ? "string" : (INFERENCE_ORDER.find((t) => this.possibleTypes.has(t)) ?? "string");
    const summary: ColumnSummary = {
      name: this.name,
      type: declared ?? inferred,
      declared: declared !== undefined,
      count: this.count,
      nulls: this.nulls,
    };
    if (this.max >= this.min) {
      summary.min = this.min;
      summary.max = this.max;
    }
    return summary;
  }
}

function bound(value: number | string | undefined, type: ColumnType | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "number") return value;
  return type === "datetime" ? Date.parse(value) : Number(value);
}

/** Counts repeated rows (or repeated key tuples) by a hash of their cells, keeping a few example rows. */
class RowTally {
  private readonly seen = new Set<string>();
  private readonly violation: Violation = { count: 0, rows: [], observed: "" };

  constructor(
    private readonly add: (f: Omit<Finding, "dataset">) => void,
    private readonly severity: "warn" | "error",
    private readonly keyColumns?: string[],
  ) {}

  observe(cells: readonly (string | null)[], row: number): void {
    // A hash instead of the joined text keeps memory per row fixed (20 bytes) however wide the rows are.
    const hash = createHash("sha1");
    for (const cell of cells) hash.update(cell === null ? "\u0000null" : `\u0001${cell}`);
    const digest = hash.digest("base64");
    if (this.seen.has(digest)) {
      this.violation.count++;
      if (this.violation.rows.length < EXAMPLE_ROWS) this.violation.rows.push(row);
      this.violation.observed ||= this.keyColumns ? cells.map(String).join(", ") : "a repeated row";
    } else {
      this.seen.add(digest);
    }
  }

  report(): void {
    if (this.violation.count === 0) return;
    const keyed = this.keyColumns !== undefined;
    this.add({
      column: keyed ? (this.keyColumns ?? []).join("+") : null,
      rule: keyed ? "unique_key" : "duplicate_rows",
      severity: this.severity,
      message: keyed ? "repeated key values" : "rows that repeat an earlier row exactly",
      observed: this.violation.observed,
      count: this.violation.count,
      rows: this.violation.rows,
      configPath: ["data", "schema", keyed ? "unique_key" : "duplicate_rows"],
    });
  }
}
