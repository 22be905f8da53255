import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { DatasetProfile } from "../../src/data/profile.ts";
import { mergeProfileFiles } from "../../src/data/stage.ts";
import { Random } from "../../src/data/sketch/hash.ts";
import { KLL_RANK_ERROR } from "../../src/data/sketch/kll.ts";
import { runCli } from "../helpers/cli.ts";
import { writeConfig } from "../helpers/config.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * The shard-and-merge recipe, run locally the way the workflow in docs/data-validation.md runs it: each matrix leg profiles its block
 * of files (`mlops profile --shard i/n`), a final job merges the profiles and applies the rules
 * (`mlops validate --profiles`). The merged profile equals the profile of all the data, up to the sketches' error.
 */

const CONFIG = `version: 1
model: { name: demo }
data:
  train: data/part-*.csv
  schema:
    columns:
      n: { type: integer, max: 5000 }
      x: { type: number }
      c: { type: category, values: [a, b, c] }
publish: { promote: false }
`;

async function project(): Promise<string> {
  const dir = await tempDir();
  const random = new Random(3);
  const files: Record<string, string> = {};
  let row = 0;
  for (let part = 1; part <= 5; part++) {
    const lines = ["n,x,c"];
    for (let i = 0; i < 1200; i++, row++) {
      const n = row === 4321 ? "oops" : String(Math.floor(random.next() / 2 ** 22));
      lines.push(`${n},${(random.next() / 2 ** 32) * 50 + part},${row % 997 === 0 ? "d" : ["a", "b", "c"][row % 3]}`);
    }
    files[`data/part-${part}.csv`] = `${lines.join("\n")}\n`;
  }
  await writeFiles(dir, files);
  await writeConfig(dir, CONFIG);
  return dir;
}

/** Every value of column `index` in data/part-*.csv, sorted. */
async function columnValues(dir: string, index: number): Promise<Float64Array> {
  const values: number[] = [];
  for (let part = 1; part <= 5; part++) {
    const text = await readFile(path.join(dir, `data/part-${part}.csv`), "utf8");
    for (const line of text.trim().split("\n").slice(1)) values.push(Number(line.split(",")[index]));
  }
  return Float64Array.from(values).sort();
}

/** How far (as a share of n) the rank of `value` is from q: 0 when q falls within the ranks `value` occupies. */
function rankDistance(sorted: Float64Array, value: number, q: number): number {
  const below = sorted.findIndex((v) => v >= value);
  let atOrBelow = below;
  while (atOrBelow < sorted.length && sorted[atOrBelow] === value) atOrBelow++;
  const target = q * sorted.length;
  return Math.max(0, below - target, target - atOrBelow) / sorted.length;
}

async function profileOf(file: string): Promise<DatasetProfile> {
  return JSON.parse(await readFile(file, "utf8")) as DatasetProfile;
}

describe("shard and merge", () => {
  it("profiles of 3 shards merge into the profile of all 5 files, and validate applies the rules to it", async () => {
    const dir = await project();
    const whole = await runCli(["profile", "--out", "whole.json", "--workers", "1"], { cwd: dir });
    expect(whole.exitCode, whole.stderr).toBe(0);
    for (const shard of [1, 2, 3]) {
      const leg = await runCli(
        ["profile", "--shard", `${shard}/3`, "--out", `shards/p${shard}.json`, "--workers", "1"],
        { cwd: dir },
      );
      expect(leg.exitCode, leg.stderr).toBe(0);
    }
    // Given in the wrong order on purpose: shards carry their index, and merge in dataset order.
    const merged = await mergeProfileFiles(
      ["shards/p3.json", "shards/p1.json", "shards/p2.json"].map((f) => path.join(dir, f)),
      path.join(dir, "merged.json"),
      dir,
    );
    const all = await profileOf(path.join(dir, "whole.json"));
    expect(merged.rows).toBe(6000);
    expect(merged.files.map((f) => f.path)).toEqual(all.files.map((f) => f.path));
    for (const column of all.columns) {
      const other = merged.columns.find((c) => c.name === column.name)!;
      const a = column.summary;
      const b = other.summary;
      // Counts, nulls, distinct (exact here), extremes and value counts are exact; the mean to rounding.
      expect([b.count, b.nulls, b.min, b.max, b.distinct, b.top], column.name).toEqual([
        a.count,
        a.nulls,
        a.min,
        a.max,
        a.distinct,
        a.top,
      ]);
      if (typeof a.mean === "number")
        expect(Math.abs((b.mean as number) - a.mean) / Math.abs(a.mean)).toBeLessThan(1e-12);
      // Quantiles from the merged sketch are within the sketch's rank error of the true ones (6,000 values: past the
      // sketch's exact size, so it is approximate).
      if (column.name === "x") {
        expect(other.sketch?.exact).toBe(false);
        const values = await columnValues(dir, 1);
        for (const q of b.quantiles)
          expect(rankDistance(values, q.value as number, q.q), `x q${q.q}`).toBeLessThanOrEqual(KLL_RANK_ERROR);
      }
      expect(other.checks).toEqual(column.checks);
    }
    expect(merged.notes).toEqual([
      "unique values, unique keys and duplicate rows were checked within each part, not across parts",
    ]);

    // The final job: rules on the merged shards give the same findings as validating the files directly.
    const direct = await runCli(["validate", "--json", "--workers", "1"], { cwd: dir });
    const fromShards = await runCli(["validate", "--json", "--profiles", "shards/*.json"], { cwd: dir });
    expect(fromShards.exitCode).toBe(1);
    expect(direct.exitCode).toBe(1);
    const findings = (out: string) =>
      (JSON.parse(out) as { datasets: { findings: unknown[] }[] }).datasets[0]!.findings;
    expect(findings(fromShards.stdout)).toEqual(findings(direct.stdout));
    expect(findings(fromShards.stdout)).toMatchObject([
      { column: "n", rule: "type", observed: "oops", rows: [4323] },
      { column: "c", rule: "values", observed: "d", count: 7, rows: [2, 999, 1996, 2993, 3990] },
    ]);
  });

  it("refuses a merge with a shard missing, or shards cut two ways", async () => {
    const dir = await project();
    for (const shard of ["1/3", "3/3", "1/2"]) {
      const leg = await runCli(
        ["profile", "--shard", shard, "--out", `p-${shard.replace("/", "-of-")}.json`, "--workers", "1"],
        { cwd: dir },
      );
      expect(leg.exitCode).toBe(0);
    }
    const missing = await runCli(["profile", "merge", "p-1-of-3.json", "p-3-of-3.json", "--out", "m.json"], {
      cwd: dir,
    });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain("shard(s) 2/3 missing: the merged profile would not be the whole dataset");
    const mixed = await runCli(["profile", "merge", "p-1-of-3.json", "p-1-of-2.json", "--out", "m.json"], { cwd: dir });
    expect(mixed.exitCode).toBe(2);
    expect(mixed.stderr).toContain("the shards were cut differently");
  });
});
