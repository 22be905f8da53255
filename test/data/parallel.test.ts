import { writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { scanDataset, ScanThreads } from "../../src/data/parallel.ts";
import { planDataset } from "../../src/data/plan.ts";
import { buildProfile } from "../../src/data/profile.ts";
import { Random } from "../../src/data/sketch/hash.ts";
import { validateDatasets } from "../../src/data/validate.ts";
import { configOf } from "../helpers/config.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * The parallel pass (src/data/parallel.ts): files cut into byte ranges at guessed record boundaries, read by worker
 * threads, merged in order. Whatever the cut, the result equals one thread reading front to back: rows, statistics,
 * findings and their row numbers, repeats across ranges.
 */

const SCHEMA = `  schema:
    duplicate_rows: warn
    columns:
      id: { type: integer, unique: true }
      amount: { type: integer, max: 990 }
      kind: { type: category, values: [x, y] }
`;

const csv = (header: string, rows: string[]): string => `${header}\n${rows.join("\n")}\n`;

/** A CSV whose quoted fields hold commas, quotes, CR/LF and lines that look like records, so cuts land inside them. */
async function setup(): Promise<{ dir: string; data: NonNullable<ReturnType<typeof configOf>["data"]> }> {
  const dir = await tempDir();
  const lines = ["id,amount,kind,note"];
  for (let i = 0; i < 900; i++) {
    const note =
      i % 7 === 0
        ? `"line one\n${i + 1},999,fake,""not a record""\r\nstill the same field"`
        : i % 5 === 0
          ? `"a, b and ""c"""`
          : `plain ${i % 11}`;
    const amount = i % 13 === 0 ? "" : i === 300 ? "oops" : String((i * 37) % 1000);
    lines.push(`${i % 450},${amount},${["x", "y", "z"][i % 3]},${note}`);
  }
  // A repeated row at the end (a duplicate of row 2's record), crossing every range.
  lines.push(lines[1]!);
  await writeFiles(dir, { "data.csv": `${lines.join("\n")}\n` });
  const data = configOf(`version: 1\nmodel: { name: demo }\ndata:\n  train: data.csv\n${SCHEMA}`, dir).data!;
  return { dir, data };
}

describe("byte ranges and worker threads", () => {
  it("give the same profile and findings as one thread reading the file whole", async () => {
    const { dir, data } = await setup();
    const whole = await validateDatasets(data, dir, { workers: 1, rangeBytes: 1 << 30 });
    const ranges = await validateDatasets(data, dir, { workers: 1, rangeBytes: 997 });
    const threads = await validateDatasets(data, dir, { workers: 2, rangeBytes: 1499, parallelFrom: 0 });
    // Every range read by a worker, this thread left free (the monitor's windows).
    const workersOnly = await validateDatasets(data, dir, { workers: 3, rangeBytes: 1499, readHere: false });
    // Means and deviations merge in another order of additions: equal to 12 significant digits, not to the last bit.
    const round = (value: unknown): unknown => (typeof value === "number" ? Number(value.toPrecision(12)) : value);
    const comparable = (v: typeof whole): unknown =>
      JSON.parse(JSON.stringify({ datasets: v.result.datasets, errors: v.result.errors }), (_key, value: unknown) =>
        round(value),
      );
    expect(whole.result.datasets[0]?.rows).toBe(901);
    expect(comparable(ranges)).toEqual(comparable(whole));
    expect(comparable(threads)).toEqual(comparable(whole));
    expect(comparable(workersOnly)).toEqual(comparable(whole));
    const findings = whole.result.datasets[0]!.findings.map((f) => [f.column, f.rule, f.count, f.rows, f.observed]);
    const over = Array.from({ length: 900 }, (_, i) => i).filter(
      (i) => i % 13 !== 0 && i !== 300 && (i * 37) % 1000 > 990,
    );
    expect(findings).toEqual([
      ["id", "unique", 451, [452, 453, 454, 455, 456], "0"],
      ["amount", "type", 1, [302], "oops"],
      ["amount", "max", over.length, over.slice(0, 5).map((i) => i + 2), String((over[0]! * 37) % 1000)],
      ["kind", "values", 300, [4, 7, 10, 13, 16], "z"],
      [null, "duplicate_rows", 1, [902], "a repeated row"],
    ]);
  });

  it("kept for several passes (the monitor's windows), read each dataset as threads started for it do", async () => {
    const { dir, data } = await setup();
    await writeFiles(dir, { "other.csv": csv("code,score", ["a,1", "b,2", "a,3", "c,oops", "b,2"]) });
    const other = configOf(
      `version: 1\nmodel: { name: demo }\ndata:\n  train: other.csv\n  schema:\n    duplicate_rows: warn\n    columns:\n      score: { type: integer }\n`,
      dir,
    ).data!;
    const fresh = [
      await validateDatasets(data, dir, { workers: 2, rangeBytes: 1499, readHere: false }),
      await validateDatasets(other, dir, { workers: 2, readHere: false }),
    ];
    const threads = new ScanThreads(1);
    try {
      // The same thread reads both datasets in turn, the first twice (the second time with this thread reading
      // beside it, as the monitor's last window is read), one of a single range (not read here).
      const kept = [];
      for (const [config, rangeBytes, readHere] of [
        [data, 1499, false],
        [other, undefined, false],
        [data, 1499, true],
      ] as const) {
        kept.push(
          await validateDatasets(config, dir, {
            workers: 2,
            readHere,
            threads,
            ...(rangeBytes === undefined ? {} : { rangeBytes }),
          }),
        );
      }
      const datasets = (v: (typeof fresh)[number]): unknown => JSON.parse(JSON.stringify(v.result.datasets));
      expect(datasets(kept[0]!)).toEqual(datasets(fresh[0]!));
      expect(datasets(kept[1]!)).toEqual(datasets(fresh[1]!));
      expect(datasets(kept[2]!)).toEqual(datasets(fresh[0]!));
      expect(kept[1]!.result.datasets[0]!.findings.map((f) => [f.column, f.rule, f.rows])).toEqual([
        ["score", "type", [5]],
        [null, "duplicate_rows", [6]],
      ]);
    } finally {
      await threads.close();
    }
  });

  it("read a range again when its guessed start was inside a quoted field", async () => {
    const { dir, data } = await setup();
    const plan = await planDataset(
      "train",
      [{ path: path.join(dir, "data.csv"), shown: "data.csv" }],
      { format: "auto", header: true },
      data.schema,
    );
    const outcome = await scanDataset(plan, { workers: 1, tempDir: dir, rangeBytes: 211 });
    expect(outcome.ranges).toBeGreaterThan(100);
    expect(outcome.reread).toBeGreaterThan(0);
    expect(outcome.rows).toBe(901);
    const profile = buildProfile(plan, outcome);
    expect(profile.columns.find((c) => c.name === "kind")?.summary.top).toEqual([
      { value: "x", count: 301 },
      { value: "y", count: 300 },
      { value: "z", count: 300 },
    ]);
  });

  it("read a range that starts inside a multi-byte character as the valid UTF-8 it is", async () => {
    const dir = await tempDir();
    // Three- and four-byte characters on every line: ranges of 101 bytes start inside many of them.
    const lines = ["id,word"];
    for (let i = 0; i < 400; i++) lines.push(`${i},${["日本語", "😀x", "ünï", "plain"][i % 4]}`);
    await writeFiles(dir, { "words.csv": `${lines.join("\n")}\n` });
    const data = configOf("version: 1\nmodel: { name: demo }\ndata:\n  train: words.csv\n", dir).data!;
    const whole = await validateDatasets(data, dir, { workers: 1, rangeBytes: 1 << 30 });
    const ranges = await validateDatasets(data, dir, { workers: 2, rangeBytes: 101, parallelFrom: 0 });
    expect(ranges.result.datasets).toEqual(whole.result.datasets);
    const top = whole.result.datasets[0]?.columns.find((c) => c.name === "word")?.top;
    expect(top?.map((t) => `${t.value} ${t.count}`).sort()).toEqual(["plain 100", "ünï 100", "日本語 100", "😀x 100"]);
  });

  it("name the row and byte of invalid UTF-8 in a later range", async () => {
    const dir = await tempDir();
    const lines = Array.from({ length: 600 }, (_, i) => `${i},ünï`);
    const head = Buffer.from(`id,word\n${lines.join("\n")}\n500,`);
    await writeFiles(dir, { "words.csv": Buffer.concat([head, Buffer.from([0xe6, 0x97, 0x28]), Buffer.from("\n")]) });
    const data = configOf("version: 1\nmodel: { name: demo }\ndata:\n  train: words.csv\n", dir).data!;
    const error: unknown = await validateDatasets(data, dir, { workers: 2, rangeBytes: 101, parallelFrom: 0 }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect((error as Error).message).toBe(`words.csv: not valid UTF-8 (row 602, byte ${head.length})`);
  });
});

describe("duplicate rows carried by a unique column's check", () => {
  it("are the rows an in-memory comparison finds, with or without a unique rule, in any format and cut", async () => {
    const dir = await tempDir();
    const random = new Random(5);
    // Ids repeat often, with different rows for one id; some are empty or not integers (those rows are checked on
    // their own); a tenth of the rows copy an earlier row exactly.
    const lines: string[] = [];
    for (let i = 0; i < 3000; i++) {
      if (i > 10 && random.below(10) === 0) {
        lines.push(lines[random.below(lines.length)]!);
        continue;
      }
      const roll = random.below(20);
      const id = roll === 0 ? "" : roll === 1 ? "x" : String(random.below(1500));
      lines.push(`${id},${random.below(3)},${["a", "b, c", "d"][random.below(3)]!.replace(/.*,.*/, '"$&"')}`);
    }
    const seen = new Set<string>();
    const expected: number[] = [];
    lines.forEach((line, i) => (seen.has(line) ? expected.push(i + 2) : seen.add(line)));
    const jsonl = lines.map((line) => {
      const [id, n, ...rest] = line.split(",");
      const text = rest.join(",").replace(/^"|"$/g, "");
      return JSON.stringify({ id: id === "" ? null : id, n: Number(n), text });
    });
    await writeFiles(dir, {
      "data.csv": csv("id,n,text", lines),
      "data.jsonl": `${jsonl.join("\n")}\n`,
    });
    await writeFile(path.join(dir, "data.csv.gz"), gzipSync(csv("id,n,text", lines)));
    const duplicatesOf = async (train: string, unique: boolean, options: Parameters<typeof validateDatasets>[2]) => {
      const schema = unique ? "    columns:\n      id: { type: integer, unique: true, severity: warn }\n" : "";
      const yaml = `version: 1\nmodel: { name: demo }\ndata:\n  train: ${train}\n  schema:\n    duplicate_rows: warn\n${schema}`;
      const { result } = await validateDatasets(configOf(yaml, dir).data, dir, options);
      return result.datasets[0]!.findings.find((f) => f.rule === "duplicate_rows");
    };
    const firstRow = { "data.csv": 2, "data.csv.gz": 2, "data.jsonl": 1 };
    for (const [train, offset] of Object.entries(firstRow)) {
      const rows = expected.map((row) => row - 2 + offset);
      for (const unique of [false, true]) {
        for (const options of [
          { workers: 1, rangeBytes: 1 << 30 },
          { workers: 2, rangeBytes: 3001, parallelFrom: 0 },
        ]) {
          const found = await duplicatesOf(train, unique, options);
          expect({ train, unique, count: found?.count, rows: found?.rows }).toEqual({
            train,
            unique,
            count: expected.length,
            rows: rows.slice(0, 5),
          });
        }
      }
    }
    expect(expected.length).toBeGreaterThan(250);
  });
});

describe("unique values in ascending order", () => {
  /** Scans `files` (name → lines after the header `id,v`) with `unique: true` on id, in small ranges on 2 threads. */
  async function scan(files: Record<string, string[]>) {
    const dir = await tempDir();
    await writeFiles(dir, Object.fromEntries(Object.entries(files).map(([name, lines]) => [name, csv("id,v", lines)])));
    const schema = configOf(
      "version: 1\nmodel: { name: demo }\ndata:\n  train: d*.csv\n  schema:\n    columns:\n      id: { type: integer, unique: true }\n",
      dir,
    ).data!.schema;
    const plan = await planDataset(
      "train",
      Object.keys(files).map((name) => ({ path: path.join(dir, name), shown: name })),
      { format: "auto", header: true },
      schema,
    );
    const outcome = await scanDataset(plan, { workers: 2, tempDir: dir, rangeBytes: 500, parallelFrom: 0 });
    expect(outcome.ranges).toBeGreaterThan(4);
    const tally = (rule: string) =>
      outcome.checks[rule] && { count: outcome.checks[rule].count, rows: outcome.checks[rule].rows };
    return { inOrder: outcome.uniqueInOrder, unique: tally("unique:id"), duplicates: tally("duplicate_rows") };
  }
  const ids = (from: number, to: number, v = (i: number) => String(i % 3)): string[] =>
    Array.from({ length: to - from + 1 }, (_, i) => `${from + i},${v(from + i)}`);

  it("are never spilled, and duplicate rows are still found among rows without one", async () => {
    // Rows with no id repeat each other: those are duplicate rows, checked on their own.
    const lines = [...ids(1, 300), ",x", ",x", ...ids(301, 600), ",x"];
    expect(await scan({ "d1.csv": lines })).toEqual({
      inOrder: 600,
      unique: undefined,
      duplicates: { count: 2, rows: [303, 604] },
    });
    // Ranges apart from each other, in any order: files that the glob lists out of the order of their ids.
    expect(await scan({ "d1.csv": ids(401, 700), "d2.csv": ids(1, 400) })).toMatchObject({ inOrder: 700 });
  });

  it("are spilled after all where their span meets other values, and every repeat is found", async () => {
    // Each file ascends, but the second starts below where the first ended.
    const overlap = await scan({ "d1.csv": ids(1, 500), "d2.csv": ids(451, 800) });
    expect(overlap).toMatchObject({
      unique: { count: 50, rows: [502, 503, 504, 505, 506] },
      duplicates: { count: 50, rows: [502, 503, 504, 505, 506] },
    });
    expect(overlap.inOrder).toBeGreaterThan(0);
    expect(overlap.inOrder).toBeLessThan(850 - 100);
    // One value repeated in place; values that descend; values in no order, repeating across ranges.
    expect(await scan({ "d1.csv": [...ids(1, 250), "250,z", ...ids(251, 500)] })).toMatchObject({
      unique: { count: 1, rows: [252] },
      duplicates: undefined,
    });
    expect(await scan({ "d1.csv": ids(1, 600).reverse() })).toMatchObject({ unique: undefined, duplicates: undefined });
    const shuffled = ids(1, 600).map((line, i) => (i % 7 === 3 ? `${(i * 13) % 600},w` : line));
    const seen = new Set<string>();
    const repeats: number[] = [];
    shuffled.forEach((line, i) => {
      const id = line.split(",")[0]!;
      if (seen.has(id)) repeats.push(i + 2);
      else seen.add(id);
    });
    expect(await scan({ "d1.csv": shuffled })).toMatchObject({
      unique: { count: repeats.length, rows: repeats.slice(0, 5) },
    });
  });
});
