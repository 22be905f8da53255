import { describe, expect, it } from "vitest";
import { validateData, type Finding } from "../../src/data/validate.ts";
import { InputError } from "../../src/errors.ts";
import { configOf } from "../helpers/config.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * Data validation findings (DOMAIN.md §3): each names the column, the rule, the observed value and up to five
 * example rows, numbered as a spreadsheet shows them (the header is row 1, the first data row is row 2).
 */

/** Validates `files` in a temp folder against the `data:` section given as YAML (indented by two spaces). */
async function validate(dataYaml: string, files: Record<string, string>) {
  const dir = await tempDir();
  await writeFiles(dir, files);
  const data = configOf(`version: 1\nmodel: { name: demo }\ndata:\n${dataYaml}`, dir).data;
  return validateData(data, dir);
}

/** The findings without the config path and dataset, for compact comparisons. */
const findingsOf = (result: Awaited<ReturnType<typeof validate>>): Omit<Finding, "configPath" | "dataset">[] =>
  result.datasets
    .flatMap((d) => d.findings)
    .map(({ column, rule, severity, message, observed, count, rows }) => ({
      column,
      rule,
      severity,
      message,
      observed,
      count,
      rows,
    }));

const csv = (header: string, rows: string[]): string => `${header}\n${rows.join("\n")}\n`;

describe("column rules", () => {
  it("reports values of the wrong type, with the first five example rows", async () => {
    const values = ["1", "2", "x", "4", "y", "z", "7", "w", "v", "u", "10"];
    const result = await validate("  train: t.csv\n  schema:\n    columns:\n      n: { type: integer }\n", {
      "t.csv": csv("n", values),
    });
    expect(result.verdict).toBe("fail");
    expect(findingsOf(result)).toEqual([
      {
        column: "n",
        rule: "type",
        severity: "error",
        message: "values that are not of type integer",
        observed: "x",
        count: 6,
        rows: [4, 6, 7, 9, 10],
      },
    ]);
    expect(result.datasets[0]?.findings[0]?.configPath).toEqual(["data", "schema", "columns", "n", "type"]);
  });

  it("checks each type's syntax", async () => {
    const result = await validate(
      `  train: t.csv
  schema:
    columns:
      i: { type: integer }
      f: { type: number }
      b: { type: boolean }
      d: { type: datetime }
`,
      {
        "t.csv": csv("i,f,b,d", [
          "-3,1.5e3,true,2024-02-29",
          "+4,.5,N,2024-01-01T10:00:00Z",
          "1.0,1.,yes,2024-01-01 10:00",
          "7,abc,maybe,2023-02-30",
        ]),
      },
    );
    expect(findingsOf(result).map((f) => [f.column, f.rule, f.observed, f.rows])).toEqual([
      ["i", "type", "1.0", [4]],
      ["f", "type", "abc", [5]],
      ["b", "type", "maybe", [5]],
      ["d", "type", "2023-02-30", [5]],
    ]);
  });

  it("reports empty values in a column that is not nullable", async () => {
    const result = await validate(
      "  train: t.csv\n  schema:\n    columns:\n      a: { nullable: false }\n      b: {}\n",
      { "t.csv": csv("a,b", ["1,", ",2", '"",3', "4,5"]) },
    );
    expect(findingsOf(result)).toEqual([
      {
        column: "a",
        rule: "nullable",
        severity: "error",
        message: "empty values in a column that is not nullable",
        observed: "empty",
        count: 2,
        rows: [3, 4],
      },
    ]);
  });

  it("checks min and max, both inclusive, for numbers and dates", async () => {
    const result = await validate(
      `  train: t.csv
  schema:
    columns:
      age: { type: integer, min: 0, max: 120 }
      at: { type: datetime, min: "2024-01-01", max: "2024-12-31" }
`,
      { "t.csv": csv("age,at", ["0,2024-01-01", "120,2024-12-31", "-1,2023-12-31", "121,2025-01-01"]) },
    );
    expect(findingsOf(result).map((f) => [f.column, f.rule, f.message, f.observed, f.rows])).toEqual([
      ["age", "min", "values below the minimum 0", "-1", [4]],
      ["age", "max", "values above the maximum 120", "121", [5]],
      ["at", "min", "values below the minimum 2024-01-01", "2023-12-31", [4]],
      ["at", "max", "values above the maximum 2024-12-31", "2025-01-01", [5]],
    ]);
    expect(result.datasets[0]?.columns.find((c) => c.name === "age")).toMatchObject({ min: -1, max: 121 });
  });

  it("checks allowed values and regular expressions (matched in full)", async () => {
    const result = await validate(
      `  train: t.csv
  schema:
    columns:
      plan: { type: category, values: [free, pro] }
      code: { regex: "[A-Z]{2}[0-9]+" }
`,
      { "t.csv": csv("plan,code", ["free,AB1", "pro,AB12", "Pro,ab1", "gold,XAB1", "free,"]) },
    );
    expect(findingsOf(result).map((f) => [f.column, f.rule, f.message, f.observed, f.count, f.rows])).toEqual([
      ["plan", "values", "values outside the allowed free, pro", "Pro", 2, [4, 5]],
      ["code", "regex", "values that do not match /[A-Z]{2}[0-9]+/", "ab1", 2, [4, 5]],
    ]);
  });

  it("reports repeated values in a unique column at the repeats", async () => {
    const result = await validate("  train: t.csv\n  schema:\n    columns:\n      id: { unique: true }\n", {
      "t.csv": csv("id,n", ["a,1", "b,2", "a,3", "c,4", "b,5", "a,6"]),
    });
    expect(findingsOf(result)).toEqual([
      {
        column: "id",
        rule: "unique",
        severity: "error",
        message: "repeated values in a unique column",
        observed: "a",
        count: 3,
        rows: [4, 6, 7],
      },
    ]);
  });

  it("checks the share of empty values against max_null_fraction", async () => {
    const data = (fraction: number): string =>
      `  train: t.csv\n  schema:\n    columns:\n      x: { max_null_fraction: ${fraction} }\n`;
    const files = { "t.csv": csv("x,y", ["1,a", ",b", "3,c", ",d"]) };
    expect(findingsOf(await validate(data(0.5), files))).toEqual([]);
    expect(findingsOf(await validate(data(0.25), files))).toEqual([
      {
        column: "x",
        rule: "max_null_fraction",
        severity: "error",
        message: "more empty values than the allowed 0.25",
        observed: "0.5000",
        count: 2,
        rows: [],
      },
    ]);
  });

  it("reports a warn-severity rule as a warning that does not fail validation", async () => {
    const result = await validate(
      "  train: t.csv\n  schema:\n    columns:\n      n: { type: integer, max: 5, severity: warn }\n",
      { "t.csv": csv("n", ["1", "9"]) },
    );
    expect(result).toMatchObject({ verdict: "pass", errors: 0, warnings: 1 });
    expect(findingsOf(result)[0]).toMatchObject({ rule: "max", severity: "warn", rows: [3] });
  });
});

describe("dataset rules", () => {
  it("reports a missing required column, and not a missing optional one", async () => {
    const result = await validate(
      "  train: t.csv\n  schema:\n    columns:\n      a: {}\n      b: {}\n      c: { required: false }\n",
      { "t.csv": csv("a", ["1"]) },
    );
    expect(findingsOf(result)).toEqual([
      {
        column: "b",
        rule: "required",
        severity: "error",
        message: "column is missing from t.csv",
        observed: "absent",
        count: 1,
        rows: [],
      },
    ]);
  });

  it("reports undeclared columns when extra_columns is warn or error", async () => {
    const data = (mode: string): string =>
      `  train: t.csv\n  schema:\n    columns:\n      a: {}\n    extra_columns: ${mode}\n`;
    const files = { "t.csv": csv("a,b,c", ["1,2,3"]) };
    expect(findingsOf(await validate(data("allow"), files))).toEqual([]);
    const warned = await validate(data("warn"), files);
    expect(warned.verdict).toBe("pass");
    expect(findingsOf(warned).map((f) => [f.column, f.rule, f.severity])).toEqual([
      ["b", "extra_columns", "warn"],
      ["c", "extra_columns", "warn"],
    ]);
    const refused = await validate(data("error"), files);
    expect(refused.verdict).toBe("fail");
    expect(findingsOf(refused)[0]?.message).toBe("column is not declared in data.schema.columns (t.csv)");
  });

  it("checks the row count against rows.min and rows.max", async () => {
    const files = { "t.csv": csv("a", ["1", "2", "3"]) };
    const bounds = (rows: string): string => `  train: t.csv\n  schema:\n    rows: ${rows}\n`;
    expect(findingsOf(await validate(bounds("{ min: 3, max: 3 }"), files))).toEqual([]);
    expect(findingsOf(await validate(bounds("{ min: 4 }"), files))).toEqual([
      {
        column: null,
        rule: "rows.min",
        severity: "error",
        message: "fewer rows than the minimum of 4",
        observed: "3",
        count: 1,
        rows: [],
      },
    ]);
    expect(findingsOf(await validate(bounds("{ max: 2 }"), files))).toMatchObject([
      { rule: "rows.max", message: "more rows than the maximum of 2", observed: "3" },
    ]);
  });

  it("reports exact duplicate rows as configured (warn by default)", async () => {
    const files = { "t.csv": csv("a,b", ["1,x", "2,y", "1,x", "1,", "1,", "1,x"]) };
    const byDefault = await validate("  train: t.csv\n  schema: {}\n", files);
    expect(byDefault.verdict).toBe("pass");
    expect(findingsOf(byDefault)).toEqual([
      {
        column: null,
        rule: "duplicate_rows",
        severity: "warn",
        message: "rows that repeat an earlier row exactly",
        observed: "a repeated row",
        count: 3,
        rows: [4, 6, 7],
      },
    ]);
    expect((await validate("  train: t.csv\n  schema: { duplicate_rows: error }\n", files)).verdict).toBe("fail");
    expect(findingsOf(await validate("  train: t.csv\n  schema: { duplicate_rows: allow }\n", files))).toEqual([]);
  });

  it("reports repeated values of a compound unique key", async () => {
    const result = await validate("  train: t.csv\n  schema:\n    unique_key: [user, day]\n", {
      "t.csv": csv("user,day,n", ["u1,mon,1", "u1,tue,2", "u2,mon,3", "u1,mon,4"]),
    });
    expect(findingsOf(result)).toEqual([
      {
        column: "user+day",
        rule: "unique_key",
        severity: "error",
        message: "repeated key values",
        observed: "u1, mon",
        count: 1,
        rows: [5],
      },
    ]);
  });

  it("reports ragged rows with their row numbers", async () => {
    const result = await validate("  train: t.csv\n", { "t.csv": csv("a,b,c", ["1,2,3", "1,2", "1,2,3,4", "1,2,3"]) });
    expect(findingsOf(result)).toEqual([
      {
        column: null,
        rule: "ragged_rows",
        severity: "error",
        message: "rows with a different number of fields than the header",
        observed: "2 fields where the header has 3 (t.csv)",
        count: 2,
        rows: [3, 4],
      },
    ]);
  });

  it("numbers rows as records, so a quoted newline does not shift them", async () => {
    const result = await validate("  train: t.csv\n  schema:\n    columns:\n      n: { type: integer }\n", {
      "t.csv": 'note,n\n"two\nlines",1\nplain,x\n',
    });
    expect(findingsOf(result)[0]).toMatchObject({ rule: "type", rows: [3] });
  });

  it("numbers rows across the files of a glob as one table under one header", async () => {
    const result = await validate("  train: parts/*.csv\n  schema:\n    columns:\n      n: { type: integer }\n", {
      "parts/a.csv": csv("n", ["1", "2"]),
      "parts/b.csv": csv("n", ["3", "x"]),
    });
    expect(result.datasets[0]).toMatchObject({ name: "train", files: ["parts/a.csv", "parts/b.csv"], rows: 4 });
    expect(findingsOf(result)[0]).toMatchObject({ rule: "type", observed: "x", rows: [5] });
  });
});

describe("datasets and summaries", () => {
  it("validates train and eval with the same schema and summarises each column", async () => {
    const result = await validate(
      "  train: train.csv\n  eval: eval.csv\n  schema:\n    columns:\n      n: { type: number }\n",
      {
        "train.csv": csv("n,label,flag", ["1.5,a,true", ",b,false", "3,a,"]),
        "eval.csv": csv("n,label,flag", ["2,b,true"]),
      },
    );
    expect(result).toMatchObject({ verdict: "pass", errors: 0, warnings: 0 });
    expect(result.datasets.map((d) => [d.name, d.rows])).toEqual([
      ["train", 3],
      ["eval", 1],
    ]);
    expect(result.datasets[0]?.columns).toMatchObject([
      { name: "n", type: "number", declared: true, count: 2, nulls: 1, min: 1.5, max: 3, mean: 2.25 },
      {
        name: "label",
        type: "string",
        declared: false,
        count: 3,
        nulls: 0,
        min: null,
        distinct: { value: 2, exact: true },
        top: [
          { value: "a", count: 2 },
          { value: "b", count: 1 },
        ],
      },
      { name: "flag", type: "boolean", declared: false, count: 2, nulls: 1 },
    ]);
  });

  it("skips validation without a data section", async () => {
    expect(await validateData(undefined, "/nonexistent")).toEqual({
      stage: "validate",
      verdict: "skipped",
      datasets: [],
      errors: 0,
      warnings: 0,
      profile: null,
      drift: null,
      evalDrift: null,
      skew: null,
      driftNote: null,
    });
  });

  it("names a data file that does not exist", async () => {
    const error: unknown = await validate("  train: data/missing.csv\n", {}).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).describe()).toBe(
      "data file not found: data/missing.csv\n  hint: paths are relative to the folder of mlops.yml",
    );
    const glob: unknown = await validate("  train: data/*.csv\n", {}).catch((thrown: unknown) => thrown);
    expect((glob as InputError).message).toBe("no file matches data/*.csv");
  });
});
