import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ColumnDrift } from "../../src/data/drift/drift.ts";
import { numpyQuantile, PSI_FLOOR, psiAtDeciles, psiOfShares } from "../../src/data/drift/psi.ts";
import { exactDistribution } from "../../src/data/drift/stats.ts";
import { HELD_VALUES_BUDGET } from "../../src/data/held-values.ts";
import { type DatasetProfile, mergeProfiles } from "../../src/data/profile.ts";
import { KLL_RANK_ERROR } from "../../src/data/sketch/kll.ts";
import { validateDatasets, type ValidateOptions } from "../../src/data/validate.ts";
import { parse } from "../helpers/config.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * PSI by the numpy recipe of DOMAIN.md §3, against numpy itself (fixtures: test/fixtures/data/generate_psi.py), on
 * real data (US airports' coordinates) and on edge cases; and from a stored profile's sketch, the bound it states.
 */

interface Case {
  edges: number[];
  reference: number[];
  current: number[];
  psi: number;
}
const FIXTURES = path.join(import.meta.dirname, "../fixtures/data");
const fixture = JSON.parse(readFileSync(path.join(FIXTURES, "psi.json"), "utf8")) as {
  real: (Case & { column: "latitude" | "longitude"; reference_rows: string; current_rows: string })[];
  made_up: (Case & { name: string; x: number[]; y: number[] })[];
};

// The real data as psi.json's generator split it: rows by index, or by state.
const airports = readFileSync(path.join(FIXTURES, "airports.csv"), "utf8").trim().split("\n").slice(1);
const rows = airports.map((line) => {
  const [iata, state, latitude, longitude] = line.split(",");
  return { iata: iata!, state: state!, latitude: latitude!, longitude: longitude! };
});
const SPLITS: Record<string, (row: (typeof rows)[number], index: number) => boolean> = {
  all: () => true,
  "even rows": (_, i) => i % 2 === 0,
  "odd rows": (_, i) => i % 2 === 1,
  "states A-M": (row) => row.state < "N",
  "states N-Z": (row) => row.state >= "N",
};
const columnOf = (split: string, column: "latitude" | "longitude"): string =>
  `${column}\n${rows
    .filter((row, i) => SPLITS[split]!(row, i))
    .map((row) => row[column])
    .join("\n")}\n`;

/** Validates current.csv against `reference` (a data file or a profile JSON) with method psi. */
async function psiOf(
  files: Record<string, string>,
  reference = "reference.csv",
  options: ValidateOptions = {},
): Promise<ColumnDrift> {
  const dir = await tempDir();
  await writeFiles(dir, files);
  const yaml = `version: 1\nmodel: { name: demo }\ndata:\n  train: current.csv\n  drift: { reference: ${reference}, method: psi }\n`;
  const { result } = await validateDatasets(parse(yaml, dir).config.data, dir, { workers: 1, ...options });
  expect(result.drift?.columns).toHaveLength(1);
  return result.drift!.columns[0]!;
}

/** The training-data profile of `files` (what a validate run writes), holding values within `heldValuesBudget`. */
async function profileOf(files: Record<string, string>, heldValuesBudget = 0): Promise<DatasetProfile> {
  const dir = await tempDir();
  await writeFiles(dir, files);
  const [train] = Object.keys(files);
  const yaml = `version: 1\nmodel: { name: demo }\ndata:\n  train: ${train}\n`;
  const { profiles } = await validateDatasets(parse(yaml, dir).config.data, dir, { workers: 1, heldValuesBudget });
  return profiles.get("train")!;
}

const relative = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe("PSI from every value is numpy's recipe", () => {
  it.each(fixture.made_up.map((c) => [c.name, c] as const))("%s: the same edges, shares and PSI", (_name, c) => {
    const outcome = psiAtDeciles(
      { distribution: exactDistribution(c.x), rankError: 0 },
      { distribution: exactDistribution(c.y), rankError: 0 },
    );
    // The edges to the last bit: numpy's linear interpolation, in its own arithmetic.
    expect(outcome.edges).toEqual(c.edges);
    expect(outcome.reference.map((r) => (r === 0 ? PSI_FLOOR : r))).toEqual(c.reference);
    expect(outcome.current.map((s) => (s === 0 ? PSI_FLOOR : s))).toEqual(c.current);
    expect(relative(outcome.value, c.psi) < 1e-12 || Math.abs(outcome.value - c.psi) < 1e-15).toBe(true);
    expect(outcome.bounds).toBeNull();
  });

  it("floors only empty bins: a share of 5e-5 stays (no clipping, no renormalising)", () => {
    const c = fixture.made_up.find((m) => m.name === "empty and tiny bins")!;
    expect(c.current[0]).toBe(5e-5);
    expect(c.current[1]).toBe(PSI_FLOOR);
    expect(psiOfShares(c.reference, c.current)).toBeCloseTo(c.psi, 12);
  });

  it("numpy.quantile's arithmetic: b - (b - a)(1 - g) from g = 0.5 on, a + (b - a)g below", () => {
    const d = exactDistribution([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 1000]);
    expect(numpyQuantile(d, 0.1)).toBe(1);
    expect(numpyQuantile(d, 0.95)).toBe(9 + (1000 - 9) * 0.5);
    expect(numpyQuantile(exactDistribution([0.1, 0.7]), 0.3)).toBe(0.1 + (0.7 - 0.1) * 0.3);
    expect(numpyQuantile(exactDistribution([0.1, 0.7]), 0.7)).toBe(0.7 - (0.7 - 0.1) * (1 - 0.7));
  });

  it.each(fixture.made_up.map((c) => [c.name, c] as const))(
    "%s, through the validate stage (data files as reference and current)",
    async (_name, c) => {
      const v = await psiOf({ "reference.csv": `v\n${c.x.join("\n")}\n`, "current.csv": `v\n${c.y.join("\n")}\n` });
      expect(v).toMatchObject({ method: "psi", approximation: null, bounds: null, edges: c.edges });
      expect(v.sources.reference).not.toBe("sketch");
      expect(v.sources.current).not.toBe("sketch");
      expect(Math.abs(v.value - c.psi)).toBeLessThanOrEqual(1e-12 * Math.max(1, c.psi));
    },
  );

  it.each(fixture.real.map((c) => [`${c.column}: ${c.current_rows} against ${c.reference_rows}`, c] as const))(
    "real data, %s",
    async (_name, c) => {
      const v = await psiOf({
        "reference.csv": columnOf(c.reference_rows, c.column),
        "current.csv": columnOf(c.current_rows, c.column),
      });
      expect(v).toMatchObject({ sources: { reference: "values" }, approximation: null, edges: c.edges });
      expect(relative(v.value, c.psi)).toBeLessThan(1e-12);
    },
  );
});

describe("which values PSI is computed from, and memory", () => {
  const c = fixture.made_up.find((m) => m.name === "normal, shifted")!;
  const files = { "reference.csv": `v\n${c.x.join("\n")}\n`, "current.csv": `v\n${c.y.join("\n")}\n` };

  it("values held across byte ranges and threads give numpy's PSI, the same as one thread", async () => {
    const v = await psiOf(files, "reference.csv", { workers: 2, rangeBytes: 4096, parallelFrom: 0 });
    expect(v).toMatchObject({ sources: { reference: "values", current: "values" }, edges: c.edges });
    expect(relative(v.value, c.psi)).toBeLessThan(1e-12);
  });

  it("past its share of the budget a column lets its values go: the sketch is used, and the report says so", async () => {
    // 3,000 and 2,500 distinct values: past the exact counts (2,048) and past a budget of 2,000 values.
    const v = await psiOf(files, "reference.csv", { heldValuesBudget: 2000 });
    expect(v.sources).toEqual({ reference: "sketch", current: "sketch" });
    expect(v.approximation).toMatch(/^from the quantile sketch of the reference and the current data: /);
    const [low, high] = v.bounds!;
    expect(c.psi).toBeGreaterThanOrEqual(low);
    expect(c.psi).toBeLessThanOrEqual(high);
    // Within the budget the values are held, and the PSI is numpy's.
    const held = await psiOf(files, "reference.csv", { heldValuesBudget: 3000 });
    expect(held.sources).toEqual({ reference: "values", current: "values" });
  });
});

describe("PSI against a stored profile is an approximation within its stated bound", () => {
  /** The PSI of the bins at `edges`, counted from every value (the quantity the bound is about). */
  function psiAtEdges(reference: number[], current: number[], edges: number[]): number {
    const shares = (values: number[]): number[] => {
      const counts = new Array<number>(edges.length + 1).fill(0);
      for (const v of values) counts[edges.filter((e) => e <= v).length]!++;
      return counts.map((count) => count / values.length);
    };
    return psiOfShares(shares(reference), shares(current));
  }

  it.each(
    fixture.real.filter((c) => c.reference_rows === "all").map((c) => [`${c.column}, ${c.current_rows}`, c] as const),
  )("real data, %s against the profile of all airports", async (_name, c) => {
    // The reference is a stored profile (as the champion's is): 3,376 distinct values, so a KLL sketch.
    const json = JSON.stringify(await profileOf({ "all.csv": columnOf("all", c.column) }));
    const v = await psiOf(
      { "reference.json": json, "current.csv": columnOf(c.current_rows, c.column) },
      "reference.json",
    );
    expect(v.sources).toEqual({ reference: "sketch", current: "values" });
    expect(v.approximation).toContain(`each bin's share is within ±${2 * KLL_RANK_ERROR}`);
    const [low, high] = v.bounds!;
    // The PSI over the same bins from every value lies in the stated interval ...
    const all = rows.map((row) => Number(row[c.column]));
    const current = rows.filter((row, i) => SPLITS[c.current_rows]!(row, i)).map((row) => Number(row[c.column]));
    const exact = psiAtEdges(all, current, v.edges!);
    expect(exact).toBeGreaterThanOrEqual(low);
    expect(exact).toBeLessThanOrEqual(high);
    expect(v.value).toBeGreaterThanOrEqual(low);
    expect(v.value).toBeLessThanOrEqual(high);
    // ... and here numpy's own does too. That is a fact about this data, not a guarantee: numpy's deciles differ from
    // the sketch's, and current data crowded between the two could move its PSI past the interval (docs/data-validation.md, Drift).
    expect(c.psi).toBeGreaterThanOrEqual(low);
    expect(c.psi).toBeLessThanOrEqual(high);
  });
});

describe("a profile made from every value stores numpy's deciles", () => {
  it.each(
    fixture.real.filter((c) => c.reference_rows === "all").map((c) => [`${c.column}, ${c.current_rows}`, c] as const),
  )("real data, %s against such a profile of all airports: numpy's PSI, exactly", async (_name, c) => {
    // What a validate run with data.drift writes as profile-train.json (and publish stores as the champion's).
    const profile = await profileOf({ "all.csv": columnOf("all", c.column) }, HELD_VALUES_BUDGET);
    expect(profile.columns[0]!.deciles?.edges).toEqual(c.edges);
    const v = await psiOf(
      { "reference.json": JSON.stringify(profile), "current.csv": columnOf(c.current_rows, c.column) },
      "reference.json",
    );
    expect(v).toMatchObject({
      sources: { reference: "deciles", current: "values" },
      approximation: null,
      bounds: null,
    });
    expect(relative(v.value, c.psi)).toBeLessThan(1e-12);
  });

  it("merged profiles drop them (a part's deciles are not the whole's)", async () => {
    const parts = [
      await profileOf({ "a.csv": columnOf("even rows", "latitude") }, HELD_VALUES_BUDGET),
      await profileOf({ "b.csv": columnOf("odd rows", "latitude") }, HELD_VALUES_BUDGET),
    ];
    expect(parts[0]!.columns[0]!.deciles).toBeDefined();
    expect(mergeProfiles(parts).columns[0]!.deciles).toBeUndefined();
  });
});

it("a profile whose stored deciles are malformed is refused by name", async () => {
  const profile = await profileOf({ "all.csv": columnOf("all", "latitude") }, HELD_VALUES_BUDGET);
  profile.columns[0]!.deciles!.edges.pop();
  const error: unknown = await psiOf(
    { "reference.json": JSON.stringify(profile), "current.csv": columnOf("odd rows", "latitude") },
    "reference.json",
  ).catch((thrown: unknown) => thrown);
  expect((error as Error).message).toMatch(
    /^reference\.json is not an mlops-kit profile \(columns\.0\.deciles\.edges: /,
  );
});
