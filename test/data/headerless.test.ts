import { readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { DriftResult } from "../../src/data/drift/drift.ts";
import type { DatasetProfile } from "../../src/data/profile.ts";
import { type ValidateResult, validateDatasets } from "../../src/data/validate.ts";
import { runCli, stackFrames } from "../helpers/cli.ts";
import { configOf, writeConfig } from "../helpers/config.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * Headerless CSV and TSV files (`data.header: false`): every row is data and the columns are named by
 * data.schema.columns in their order, as for the TSVs DVC's get-started project prepares (id, label, text, no header).
 * Rows are numbered from 1, the first data row.
 */

const SCHEMA = `  schema:
    columns:
      pid: { type: integer, unique: true }
      label: { type: integer, min: 0, max: 1 }
      text: { type: category, values: [good, bad, meh] }
`;

const config = (data: string): string =>
  `version: 1\nmodel: { name: demo }\ndata:\n${data}publish: { promote: false }\n`;

/** `count` rows of pid, label and text (pids from `from`), tab-separated, no header; `edit` changes a row. */
function prepared(count: number, from = 0, edit: (i: number, row: string) => string = (_, row) => row): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++)
    lines.push(edit(i, `${from + i}\t${(i * 7) % 3 === 0 ? 1 : 0}\t${["good", "bad", "meh"][i % 3]}`));
  return `${lines.join("\n")}\n`;
}

async function project(data: string, files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await tempDir();
  await writeFiles(dir, files);
  await writeConfig(dir, config(data));
  return dir;
}

async function validateJson(dir: string): Promise<{ exitCode: number; result: ValidateResult; stderr: string }> {
  const run = await runCli(["validate", "--json", "--workers", "1"], { cwd: dir });
  return { exitCode: run.exitCode, result: JSON.parse(run.stdout) as ValidateResult, stderr: run.stderr };
}

describe("mlops validate on a headerless TSV", () => {
  it("names the columns from the schema, reads the first row as data and numbers rows from 1", async () => {
    const broken = (i: number, row: string) => (i === 0 || i === 4 ? row.replace(/\t[01]\t/, "\t7\t") : row);
    const dir = await project(`  train: data/train.tsv\n  header: false\n${SCHEMA}`, {
      "data/train.tsv": prepared(50, 0, broken),
    });
    const { exitCode, result } = await validateJson(dir);
    expect(exitCode).toBe(1);
    const [train] = result.datasets;
    expect(train?.rows).toBe(50);
    expect(train?.columns.map((c) => [c.name, c.type])).toEqual([
      ["pid", "integer"],
      ["label", "integer"],
      ["text", "category"],
    ]);
    expect(train?.findings.map((f) => [f.column, f.rule, f.observed, f.rows])).toEqual([["label", "max", "7", [1, 5]]]);
  });

  it("the same file without header: false is read as it always was: its first row names the columns", async () => {
    const dir = await project(`  train: data/train.tsv\n${SCHEMA}`, { "data/train.tsv": prepared(50) });
    const { exitCode, result } = await validateJson(dir);
    expect(exitCode).toBe(1);
    expect(result.datasets[0]?.rows).toBe(49);
    expect(result.datasets[0]?.columns.map((c) => c.name)).toEqual(["0", "1", "good"]);
    expect(result.datasets[0]?.findings.map((f) => [f.column, f.rule])).toEqual([
      ["pid", "required"],
      ["label", "required"],
      ["text", "required"],
    ]);
  });

  it("profiles a headerless file the same as the file with a header, across ranges, threads and gzip", async () => {
    const body = prepared(3000);
    const dir = await project("", {
      "plain.tsv": body,
      "plain.tsv.gz": gzipSync(body),
      "headed.tsv": `pid\tlabel\ttext\n${body}`,
    });
    const said: string[] = [];
    const profileOf = async (train: string, header: string, ranges: boolean): Promise<DatasetProfile> => {
      const data = configOf(config(`  train: ${train}\n${header}${SCHEMA}`), dir).data;
      const debug = (message: string) => void said.push(message);
      const options = ranges ? { workers: 2, rangeBytes: 4096, parallelFrom: 0, debug } : { workers: 1 };
      const { result, profiles } = await validateDatasets(data, dir, options);
      expect(result.verdict).toBe("pass");
      return profiles.get("train")!;
    };
    const headed = await profileOf("headed.tsv", "", false);
    expect(headed.firstRow).toBe(2);
    for (const train of ["plain.tsv", "plain.tsv.gz"]) {
      const headerless = await profileOf(train, "  header: false\n", false);
      expect(headerless.rows).toBe(3000);
      expect(headerless.firstRow).toBe(1);
      expect(headerless.columns).toEqual(headed.columns);
      expect(headerless.checks).toEqual(headed.checks);
    }
    // Many ranges on two threads: none loses its first record, and no record is read twice (pid is unique).
    const ranged = await profileOf("plain.tsv", "  header: false\n", true);
    expect(said.join("\n")).toMatch(/on 2 thread\(s\), (?:[2-9]|\d{2,}) range\(s\)/);
    const pid = ranged.columns.find((c) => c.name === "pid")!;
    expect([ranged.rows, pid.values, pid.summary.min, pid.summary.max]).toEqual([3000, 3000, 0, 2999]);
    expect(ranged.checks).toEqual({});
  });
});

describe("mlops profile and drift with headerless files", () => {
  it("profiles a headerless TSV, and measures drift against that profile and against a headerless reference file", async () => {
    const dir = await project(`  train: train.tsv\n  header: false\n${SCHEMA}`, {
      "train.tsv": prepared(600),
      "shifted.tsv": prepared(600, 5000),
    });
    const profiled = await runCli(["profile", "--out", "reference.json", "--workers", "1"], { cwd: dir });
    expect(profiled.exitCode, profiled.stderr).toBe(0);
    const profile = JSON.parse(await readFile(path.join(dir, "reference.json"), "utf8")) as DatasetProfile;
    expect(profile).toMatchObject({ rows: 600, firstRow: 1, files: [{ path: "train.tsv", rows: 600 }] });
    expect(profile.files[0]?.columns).toEqual(["pid", "label", "text"]);

    const drifted = (result: ValidateResult) => {
      const drift = result.drift as DriftResult;
      return drift.columns.filter((c) => c.drifted).map((c) => c.column);
    };
    for (const reference of ["reference.json", "train.tsv"]) {
      await writeConfig(
        dir,
        config(`  train: shifted.tsv\n  header: false\n  drift: { reference: ${reference} }\n${SCHEMA}`),
      );
      const { exitCode, result, stderr } = await validateJson(dir);
      expect(exitCode, stderr).toBe(0);
      expect(result.datasets[0]?.rows).toBe(600);
      expect(drifted(result)).toEqual(["pid"]);
    }
  });
});

describe("bad input", () => {
  async function refused(data: string, files: Record<string, string>): Promise<string> {
    const dir = await project(data, files);
    const run = await runCli(["validate", "--workers", "1"], { cwd: dir });
    expect(run.exitCode, run.stderr).toBe(2);
    expect(stackFrames(run.stderr)).toEqual([]);
    return run.stderr;
  }

  it("header: false without column names is a config error at data.header", async () => {
    const stderr = await refused("  train: t.tsv\n  header: false\n", { "t.tsv": prepared(3) });
    expect(stderr).toContain(
      "mlops.yml:5:11: error at data.header: header: false takes the column names from data.schema.columns, which lists none",
    );
  });

  it("header: false on JSON Lines or Parquet is a config error naming the field: they name their columns", async () => {
    const byName = await refused(`  train: [a.tsv, data/b.parquet]\n  header: false\n${SCHEMA}`, { "a.tsv": "" });
    expect(byName).toContain(
      "error at data.header: header: false does not apply to data/b.parquet (data.train[1]): Parquet files name their columns themselves",
    );
    const byFormat = await refused(`  train: t.txt\n  format: jsonl\n  header: false\n${SCHEMA}`, { "t.txt": "" });
    expect(byFormat).toContain(
      "error at data.header: header: false does not apply to JSON Lines files: they name their columns themselves",
    );
    // A glob says nothing of the format until it is read.
    const byGlob = await refused(`  train: "data/*"\n  header: false\n${SCHEMA}`, {
      "data/a.tsv": prepared(3),
      "data/b.jsonl": '{"pid": 9, "label": 0, "text": "good"}\n',
    });
    expect(byGlob).toContain(
      "data.header: false does not apply to data/b.jsonl: JSON Lines files name their columns themselves",
    );
  });

  it("a column named by a whole number cannot keep its place, so it is refused", async () => {
    const stderr = await refused("  train: t.tsv\n  header: false\n  schema:\n    columns: { id: {}, '0': {} }\n", {
      "t.tsv": prepared(3),
    });
    expect(stderr).toMatch(/mlops\.yml:7:\d+: error at data\.schema\.columns\.0: with header: false the columns/);
    // Every array index (up to 2^32 - 2) moves to the front of a JavaScript object, ten digits too.
    const long = await refused(
      "  train: t.tsv\n  header: false\n  schema:\n    columns: { id: {}, '1234567890': {} }\n",
      { "t.tsv": prepared(3) },
    );
    expect(long).toMatch(/error at data\.schema\.columns\.1234567890: with header: false the columns/);
  });

  it("a file whose first row has more or fewer fields than the schema has columns names both counts", async () => {
    const wider = await refused(`  train: t.tsv\n  header: false\n${SCHEMA}`, {
      "t.tsv": prepared(3, 0, (_, row) => `${row}\textra`),
    });
    expect(wider).toContain(
      "t.tsv has 4 fields in its first row, but data.schema.columns lists 3 columns (data.header is false, so they name the file's columns in order)",
    );
    expect(wider).toContain(
      "hint: list every column of the file, and only those, under data.schema.columns, in their order in the file",
    );
    const narrower = await refused(`  train: t.tsv\n  header: false\n${SCHEMA}`, { "t.tsv": "1\t0\n" });
    expect(narrower).toContain("t.tsv has 2 fields in its first row, but data.schema.columns lists 3 columns");
  });

  it("a later row of another width is a ragged-rows finding, and an empty file has no data rows", async () => {
    const dir = await project(`  train: t.tsv\n  eval: e.tsv\n  header: false\n${SCHEMA}`, {
      "t.tsv": prepared(5, 0, (i, row) => (i === 3 ? "3\t1" : row)),
      "e.tsv": "",
    });
    const { exitCode, result } = await validateJson(dir);
    expect(exitCode).toBe(1);
    expect(result.datasets.flatMap((d) => d.findings).map((f) => [f.rule, f.message, f.observed, f.rows])).toEqual([
      [
        "ragged_rows",
        "rows with a different number of fields than the columns in data.schema.columns",
        "2 fields where data.schema.columns lists 3 (t.tsv)",
        [4],
      ],
      ["rows.min", "no rows: e.tsv has no data rows (declare rows.min: 0 if that is expected)", "0", []],
    ]);
  });
});
