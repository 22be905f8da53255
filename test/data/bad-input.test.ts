import { copyFile, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validateData, type ValidateOptions } from "../../src/data/validate.ts";
import { InputError, UserError } from "../../src/errors.ts";
import { runCli, stackFrames } from "../helpers/cli.ts";
import { configOf, writeConfig } from "../helpers/config.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * The bad inputs of the data-validation issue, one by one: each is a finding (exit 1 when an error rule breaks) or
 * one clear InputError that names the file and the row or byte offset (exit 2), never a crash or a hang.
 */

async function validate(dataYaml: string, files: Record<string, string | Uint8Array>, options: ValidateOptions = {}) {
  const dir = await tempDir();
  await writeFiles(dir, files);
  const data = configOf(`version: 1\nmodel: { name: demo }\ndata:\n${dataYaml}`, dir).data;
  return validateData(data, dir, { workers: 1, ...options });
}

async function failure(promise: Promise<unknown>): Promise<UserError> {
  const error: unknown = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

const findings = (result: Awaited<ReturnType<typeof validate>>) =>
  result.datasets
    .flatMap((d) => d.findings)
    .map((f) => ({
      column: f.column,
      rule: f.rule,
      severity: f.severity,
      observed: f.observed,
      count: f.count,
      rows: f.rows,
    }));

describe("unreadable data is one InputError naming the file and the row or byte", () => {
  it("an unterminated quote at the end of the file", async () => {
    const error = await failure(validate("  train: t.csv\n", { "t.csv": 'a,b\n1,x\n2,"never closed\n3,y\n' }));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe("t.csv: a quoted field is never closed (unterminated quote) (row 3, byte 10)");
  });

  it("invalid UTF-8", async () => {
    const bytes = Buffer.concat([Buffer.from("a,b\n1,x\n2,y\n3,"), Buffer.from([0xc3, 0x28]), Buffer.from("\n")]);
    const error = await failure(validate("  train: t.csv\n", { "t.csv": bytes }));
    expect(error.message).toBe("t.csv: not valid UTF-8 (row 4, byte 14)");
  });

  it("an empty file, and a header that names a column twice", async () => {
    expect((await failure(validate("  train: t.csv\n", { "t.csv": "" }))).message).toBe("t.csv is empty");
    expect((await failure(validate("  train: t.csv\n", { "t.csv": "a,b,a\n1,2,3\n" }))).message).toBe(
      't.csv: column "a" appears twice in the header (columns 1 and 3)',
    );
  });

  it("a broken JSON Lines record", async () => {
    const error = await failure(validate("  train: t.jsonl\n", { "t.jsonl": '{"a":1}\n{"a":2}\n{"a":\n' }));
    expect(error.message).toMatch(/^t\.jsonl: line 3 is not valid JSON \(.+\) \(byte 16\)$/);
  });

  it("a truncated Parquet file", async () => {
    const dir = await tempDir();
    await copyFile(path.join(import.meta.dirname, "../fixtures/data/truncated.parquet"), path.join(dir, "t.parquet"));
    const data = configOf("version: 1\nmodel: { name: demo }\ndata: { train: t.parquet }\n", dir).data;
    const error = await failure(validateData(data, dir, { workers: 1 }));
    expect(error.message).toMatch(/^t\.parquet: not a readable Parquet file \(.*\) \(byte 12817\)$/);
  });

  it("a bad record in a later byte range still names its row in the whole file", async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `${i},${"x".repeat(20)}`);
    rows[2500] = '2500,"never closed';
    const body = `id,text\n${rows.join("\n")}\n`;
    const error = await failure(validate("  train: t.csv\n", { "t.csv": body }, { rangeBytes: 4096 }));
    const offset = body.indexOf('"never');
    expect(error.message).toBe(`t.csv: a quoted field is never closed (unterminated quote) (row 2502, byte ${offset})`);
  });
});

describe("bad values are findings, with rows", () => {
  it('a header-only file fails with "no rows" unless rows.min: 0 is declared', async () => {
    const noRows = await validate("  train: t.csv\n", { "t.csv": "a,b\n" });
    expect(noRows.datasets[0]?.rows).toBe(0);
    expect(noRows.verdict).toBe("fail");
    expect(noRows.datasets[0]?.findings).toMatchObject([
      {
        column: null,
        rule: "rows.min",
        severity: "error",
        message: "no rows: t.csv has a header and no data rows (declare rows.min: 0 if that is expected)",
        observed: "0",
        configPath: ["data", "train"],
      },
    ]);
    // With rows.min the dataset rule says it, once.
    const withMin = await validate("  train: t.csv\n  schema: { rows: { min: 1 } }\n", { "t.csv": "a,b\n" });
    expect(withMin.datasets[0]?.findings).toMatchObject([
      { rule: "rows.min", message: "no rows, fewer than the minimum of 1", observed: "0" },
    ]);
    const allowed = await validate("  train: t.csv\n  schema: { rows: { min: 0 } }\n", { "t.csv": "a,b\n" });
    expect(allowed).toMatchObject({ verdict: "pass", errors: 0 });
  });

  it("an empty file among others is named, even when the dataset as a whole has rows", async () => {
    const result = await validate("  train: parts/*.csv\n  eval: e.csv\n", {
      "parts/a.csv": "a\n1\n",
      "parts/b.csv": "a\n",
      "e.csv": "a\n",
    });
    expect(result.verdict).toBe("fail");
    expect(result.datasets.flatMap((d) => d.findings.map((f) => [f.dataset, f.message, f.configPath]))).toEqual([
      [
        "train",
        "no rows: parts/b.csv has a header and no data rows (declare rows.min: 0 if that is expected)",
        ["data", "train"],
      ],
      [
        "eval",
        "no rows: e.csv has a header and no data rows (declare rows.min: 0 if that is expected)",
        ["data", "eval"],
      ],
    ]);
  });

  it("a single field over 10 MB is read, counted and checked like any other", async () => {
    const big = "w".repeat(10 * 1024 * 1024 + 5);
    const result = await validate("  train: t.csv\n  schema:\n    columns:\n      n: { type: integer }\n", {
      "t.csv": `n,text\n1,${big}\nx,"${big}"\n`,
    });
    expect(result.datasets[0]?.rows).toBe(2);
    expect(findings(result)).toMatchObject([{ column: "n", rule: "type", observed: "x", rows: [3] }]);
  });

  it("NaN, n/a, NA and empty strings in a numeric column are missing values; inf is reported", async () => {
    const result = await validate(
      "  train: t.csv\n  schema:\n    columns:\n      x: { type: number, max_null_fraction: 0.4 }\n",
      { "t.csv": 'x\n1.5\nNaN\nn/a\n""\n\nNA\ninf\n-Infinity\n2\n' },
    );
    const column = result.datasets[0]?.columns.find((c) => c.name === "x");
    // 1.5 and 2 are values; NaN, n/a, "", NA are missing (the blank line is skipped, as pandas does); inf and
    // -Infinity are numbers but not finite, so they stay out of the statistics and are reported.
    expect(column).toMatchObject({ count: 2, nulls: 4, min: 1.5, max: 2, mean: 1.75 });
    expect(findings(result)).toEqual([
      { column: "x", rule: "finite", severity: "error", observed: "inf", count: 2, rows: [7, 8] },
      { column: "x", rule: "max_null_fraction", severity: "error", observed: "0.5000", count: 4, rows: [] },
    ]);
  });

  it("mixed types in a column the schema does not type are a warning, with the rows", async () => {
    const rows = Array.from({ length: 20 }, (_, i) => String(i));
    rows.push("twenty", "21", "n/a");
    const result = await validate("  train: t.csv\n", { "t.csv": `n\n${rows.join("\n")}\n` });
    expect(result.verdict).toBe("pass");
    expect(findings(result)).toEqual([
      { column: "n", rule: "type", severity: "warn", observed: "twenty", count: 1, rows: [22] },
    ]);
    expect(result.datasets[0]?.findings[0]?.message).toBe(
      "values that are not integer, the type the first 23 rows suggested (mixed types)",
    );
  });

  it("ragged rows of a JSON Lines file (keys the first record lacks) are a warning", async () => {
    const result = await validate("  train: t.jsonl\n", { "t.jsonl": '{"a":1}\n{"a":2,"b":3}\n' });
    expect(findings(result)).toEqual([
      {
        column: null,
        rule: "extra_fields",
        severity: "warn",
        observed: "keys not in the first record: b",
        count: 1,
        rows: [2],
      },
    ]);
  });
});

describe("through the CLI: exit 1 for broken rules, exit 2 for unreadable data, never a stack trace", () => {
  it("exits 1 on a broken rule and 2 on an unreadable file, naming it", async () => {
    const dir = await tempDir();
    await writeFiles(dir, { "data/t.csv": "n\n1\nx\n", "data/bad.csv": 'n\n1\n"open\n' });
    await writeConfig(
      dir,
      "version: 1\nmodel: { name: demo }\ndata:\n  train: data/t.csv\n  schema:\n    columns:\n      n: { type: integer }\npublish: { promote: false }\n",
    );
    const failed = await runCli(["validate", "--workers", "1"], { cwd: dir });
    expect(failed.exitCode).toBe(1);
    expect(failed.stdout).toContain("values that are not of type integer");
    await writeConfig(
      dir,
      "version: 1\nmodel: { name: demo }\ndata: { train: data/bad.csv }\npublish: { promote: false }\n",
    );
    const unreadable = await runCli(["validate", "--json"], { cwd: dir });
    expect(unreadable.exitCode).toBe(2);
    expect(JSON.parse(unreadable.stdout)).toMatchObject({
      ok: false,
      error: {
        kind: "InputError",
        message: "data/bad.csv: a quoted field is never closed (unterminated quote) (row 3, byte 4)",
      },
    });
    expect(stackFrames(unreadable.stderr)).toEqual([]);
  });

  it("exits 1 on a data file with a header and no rows, and 0 once rows.min: 0 says that is expected", async () => {
    const dir = await tempDir();
    await writeFiles(dir, { "t.csv": "a,b\n" });
    const config = (schema: string): string =>
      `version: 1\nmodel: { name: demo }\ndata:\n  train: t.csv\n${schema}publish: { promote: false }\n`;
    await writeConfig(dir, config(""));
    const empty = await runCli(["validate", "--json", "--workers", "1"], { cwd: dir });
    expect(empty.exitCode).toBe(1);
    const result = JSON.parse(empty.stdout) as { datasets: { findings: { message: string }[] }[] };
    expect(result.datasets[0]?.findings.map((f) => f.message)).toEqual([
      "no rows: t.csv has a header and no data rows (declare rows.min: 0 if that is expected)",
    ]);
    await writeConfig(dir, config("  schema: { rows: { min: 0 } }\n"));
    expect((await runCli(["validate", "--workers", "1"], { cwd: dir })).exitCode).toBe(0);
  });

  it("caps every value it echoes at 256 characters, marked as cut: --json, the report and the annotations", async () => {
    const dir = await tempDir();
    const huge = "w".repeat(12 * 1024 * 1024);
    const repeated = "é".repeat(300);
    await writeFiles(dir, {
      "t.csv": `n,text,id\n1,${huge},${repeated}\n${huge},short,${repeated}\n3,short,x\n`,
    });
    await writeConfig(
      dir,
      "version: 1\nmodel: { name: demo }\ndata:\n  train: t.csv\n  schema:\n    columns:\n      n: { type: integer }\n      id: { unique: true }\npublish: { promote: false }\n",
    );
    const run = await runCli(["validate", "--json", "--workers", "1"], { cwd: dir });
    expect(run.exitCode).toBe(1);
    const cut = `${"w".repeat(256)}…`;
    const result = JSON.parse(run.stdout) as {
      datasets: { findings: { rule: string; observed: string }[]; columns: { name: string; top: unknown[] }[] }[];
    };
    const [train] = result.datasets;
    expect(train?.columns.find((c) => c.name === "text")?.top).toEqual([
      { value: "short", count: 2 },
      { value: cut, count: 1, cut: true },
    ]);
    expect(train?.findings.map((f) => [f.rule, f.observed])).toEqual([
      ["type", cut],
      ["unique", `${"é".repeat(256)}…`],
    ]);
    // Nowhere more than 256 characters of the value: not in the JSON, the markdown report or the annotations.
    const longest = (text: string): number => Math.max(0, ...(text.match(/w+/g) ?? []).map((run) => run.length));
    expect(run.stdout.length).toBeLessThan(100_000);
    expect(longest(run.stdout)).toBe(256);
    expect(longest(run.stderr)).toBe(256);
    expect(longest(await readFile(path.join(dir, ".mlops/out/validate.md"), "utf8"))).toBeLessThanOrEqual(256);
    expect(longest(await readFile(path.join(dir, ".mlops/out/profile-train.json"), "utf8"))).toBe(256);
  });

  it("exits 2 when an s3:// source cannot be reached, naming the URI", async () => {
    const dir = await tempDir();
    await writeConfig(
      dir,
      "version: 1\nmodel: { name: demo }\ndata: { train: s3://no-such-bucket/data/t.csv }\nregistry: { endpoint: http://127.0.0.1:9, force_path_style: true }\npublish: { promote: false }\n",
    );
    const result = await runCli(["validate", "--json"], {
      cwd: dir,
      env: { AWS_ACCESS_KEY_ID: "x", AWS_SECRET_ACCESS_KEY: "y", AWS_REGION: "us-east-1", AWS_MAX_ATTEMPTS: "1" },
    });
    expect(result.exitCode).toBe(2);
    const error = (JSON.parse(result.stdout) as { error: { kind: string; message: string } }).error;
    expect(error.kind).toBe("ExternalError");
    expect(error.message).toMatch(
      /^cannot download s3:\/\/no-such-bucket\/data\/t\.csv: http:\/\/127\.0\.0\.1:9 is unreachable/,
    );
    expect(stackFrames(result.stderr)).toEqual([]);
  });
});
