import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exactDistribution, jensenShannon, ksStatistic, wasserstein } from "../../src/data/drift/stats.ts";
import { Random } from "../../src/data/sketch/hash.ts";
import { KLL_RANK_ERROR } from "../../src/data/sketch/kll.ts";
import { validateDatasets, type ValidateOptions } from "../../src/data/validate.ts";
import { ExternalError } from "../../src/errors.ts";
import { runValidateStage } from "../../src/pipeline/stages.ts";
import { createRegistry } from "../../src/registry/registry.ts";
import { createLocalStore } from "../../src/store/local-store.ts";
import { parse, writeConfig } from "../helpers/config.ts";
import { stageContext } from "../helpers/context.ts";
import { publishInput } from "../helpers/publish.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * Drift from profiles (DOMAIN.md §3): Evidently's automatic choice of method, overrides, the dataset rule, warnings on
 * small samples, the stated approximation when sketches stand in for the data, and the champion as the reference.
 */

const fixture = JSON.parse(readFileSync(path.join(import.meta.dirname, "../fixtures/data/drift.json"), "utf8")) as {
  ks_2samp: { name: string; x: number[]; y: number[]; statistic: number; pvalue: number }[];
  chi2_contingency: { name: string; table: number[][]; statistic: number; pvalue: number }[];
};

const csv = (header: string, rows: (string | number)[]): string => `${header}\n${rows.join("\n")}\n`;

async function drift(driftYaml: string, files: Record<string, string>, options: ValidateOptions = {}) {
  const dir = await tempDir();
  await writeFiles(dir, files);
  const loaded = parse(`version: 1\nmodel: { name: demo }\ndata:\n  train: current.csv\n  drift:\n${driftYaml}`, dir);
  const validation = await validateDatasets(loaded.config.data, dir, { workers: 1, ...options });
  return validation.result;
}

function categories(counts: number[], names: string[]): string[] {
  return counts.flatMap((count, i) => Array<string>(count).fill(names[i]!));
}

describe("automatic choice, as Evidently", () => {
  it("a reference of at most 1000 rows: KS for numbers, chi-square for categories, equal to scipy", async () => {
    const ks = fixture.ks_2samp.find((c) => c.name === "unequal sizes")!;
    const numbers = await drift("    reference: reference.csv\n", {
      "reference.csv": csv("v", ks.x),
      "current.csv": csv("v", ks.y),
    });
    expect(numbers.drift?.columns).toHaveLength(1);
    const v = numbers.drift!.columns[0]!;
    expect(v).toMatchObject({ column: "v", method: "ks", chosenBy: "auto", threshold: 0.05, driftWhen: "below" });
    expect(Math.abs(v.statistic! - ks.statistic)).toBeLessThan(1e-9);
    expect(Math.abs(v.value - ks.pvalue)).toBeLessThan(1e-6);
    expect(v.drifted).toBe(ks.pvalue < 0.05);
    expect(v.approximation).toBeNull();
    expect(v.measure).toMatch(
      /^p-value of the two-sample Kolmogorov-Smirnov test \(D = .*, exact as scipy's ks_2samp\)$/,
    );

    const chi = fixture.chi2_contingency.find((c) => c.name === "2x3")!;
    const names = ["a", "b", "c"];
    const cats = await drift("    reference: reference.csv\n", {
      "reference.csv": csv("c", categories(chi.table[0]!, names)),
      "current.csv": csv("c", categories(chi.table[1]!, names)),
    });
    const c = cats.drift!.columns[0]!;
    expect(c).toMatchObject({ column: "c", kind: "categorical", method: "chi2", chosenBy: "auto" });
    expect(Math.abs(c.statistic! - chi.statistic)).toBeLessThan(1e-9);
    expect(Math.abs(c.value - chi.pvalue)).toBeLessThan(1e-6);
    expect(c.measure).toContain("no continuity correction");
  });

  it("a larger reference: normed Wasserstein for numbers, Jensen-Shannon distance for categories", async () => {
    const random = new Random(9);
    const reference = Array.from(
      { length: 3000 },
      (_, i) => `${(random.next() / 2 ** 32) * 10},${["x", "y", "z"][i % 3]}`,
    );
    const current = Array.from(
      { length: 2500 },
      (_, i) => `${(random.next() / 2 ** 32) * 10 + 3},${["x", "y", "z", "z"][i % 4]}`,
    );
    // Drift from the profiles' sketches alone (values not held): what a stored profile as the reference gives.
    const result = await drift(
      "    reference: reference.csv\n",
      { "reference.csv": csv("v,c", reference), "current.csv": csv("v,c", current) },
      { heldValuesBudget: 0 },
    );
    const [v, c] = result.drift!.columns;
    expect(v).toMatchObject({
      method: "wasserstein",
      chosenBy: "auto",
      threshold: 0.1,
      driftWhen: "at or above",
      drifted: true,
    });
    expect(v!.measure).toMatch(/^Wasserstein-1 distance in reference standard deviations/);
    // Both sides are past the sketch's exact size (1,024 values) and the exact counts' (2,048 distinct values): the
    // value is approximate, within the stated bound.
    const ref = reference.map((r) => Number(r.split(",")[0]));
    const cur = current.map((r) => Number(r.split(",")[0]));
    const mean = ref.reduce((s, x) => s + x, 0) / ref.length;
    const std = Math.sqrt(ref.reduce((s, x) => s + (x - mean) ** 2, 0) / ref.length);
    const exact = wasserstein(exactDistribution(ref), exactDistribution(cur)) / std;
    const bound = Number(/within ±([\d.e-]+) standard deviations/.exec(v!.approximation ?? "")?.[1]);
    expect(bound).toBeGreaterThan(0);
    expect(Math.abs(v!.value - exact)).toBeLessThanOrEqual(bound);
    expect(c).toMatchObject({ kind: "categorical", method: "jensen_shannon", threshold: 0.1, approximation: null });
    expect(c!.value).toBeCloseTo(jensenShannon([1000, 1000, 1000], [625, 625, 1250]), 12);
    expect(c!.measure).toMatch(
      /^Jensen-Shannon distance \(square root of the divergence, natural log; 0 same, 0\.833 disjoint/,
    );
  });
});

describe("settings, the dataset rule and warnings", () => {
  const files = {
    "reference.csv": csv(
      "v,c,id",
      Array.from({ length: 600 }, (_, i) => `${i % 50},${i % 2 ? "a" : "b"},${i}`),
    ),
    "current.csv": csv(
      "v,c,id",
      Array.from({ length: 500 }, (_, i) => `${(i % 50) + 20},${i % 5 ? "a" : "b"},${i}`),
    ),
  };

  it("uses per-column methods and thresholds, skips columns, and says why others were not compared", async () => {
    const result = await drift(
      "    reference: reference.csv\n    columns:\n      v: { method: psi, threshold: 0.2 }\n      id: { skip: true }\n",
      files,
    );
    const v = result.drift!.columns.find((c) => c.column === "v")!;
    expect(v).toMatchObject({ method: "psi", chosenBy: "config", threshold: 0.2, drifted: true });
    expect(v.measure).toMatch(
      /^population stability index \(natural log; 10 bins at the reference's deciles as numpy\.quantile computes them, left-closed, empty bins as 0\.0001, no renormalising; < 0\.1 stable, 0\.1-0\.25 moderate, > 0\.25 major: major shift\)$/,
    );
    expect(result.drift!.skipped).toEqual([{ column: "id", reason: "skip: true in data.drift.columns" }]);
  });

  it("fails validation when the share of drifted columns reaches the limit and severity is error", async () => {
    const result = await drift(
      "    reference: reference.csv\n    max_drifted_share: 0.5\n    severity: error\n",
      files,
    );
    expect(result.drift).toMatchObject({ drifted: 3, share: 1, datasetDrift: true, severity: "error" });
    expect(result.verdict).toBe("fail");
    expect(result.datasets[0]?.findings.at(-1)).toMatchObject({
      rule: "drift",
      severity: "error",
      observed: "v, c, id",
      configPath: ["data", "drift", "max_drifted_share"],
    });
    const warned = await drift("    reference: reference.csv\n", files);
    expect(warned).toMatchObject({ verdict: "pass", warnings: 1 });
  });

  it("warns when a sample is too small to mean anything", async () => {
    const result = await drift("    reference: reference.csv\n", {
      "reference.csv": csv("v", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
      "current.csv": csv(
        "v",
        Array.from({ length: 100 }, (_, i) => i),
      ),
    });
    expect(result.drift!.columns[0]!.warnings).toEqual([
      "the reference has only 10 values (fewer than 30): too few to mean much",
    ]);
  });
});

describe("drift from sketches is approximate, within the stated bound", () => {
  it("the KS statistic of two 120,000-row profiles is within the two sketches' rank errors of the exact one", async () => {
    const random = new Random(21);
    const normal = (shift: number): number => shift + (random.next() + random.next() + random.next()) / 2 ** 32 - 1.5;
    const ref = Array.from({ length: 120_000 }, () => normal(0));
    const cur = Array.from({ length: 100_000 }, () => normal(0.05));
    const files = { "reference.csv": csv("v", ref), "current.csv": csv("v", cur) };
    const result = await drift("    reference: reference.csv\n    method: ks\n", files, { heldValuesBudget: 0 });
    const v = result.drift!.columns[0]!;
    const exact = ksStatistic(exactDistribution(ref), exactDistribution(cur));
    expect(v.sources).toEqual({ reference: "sketch", current: "sketch" });
    expect(v.approximation).toContain(`D is within ±${2 * KLL_RANK_ERROR}`);
    expect(Math.abs(v.statistic! - exact)).toBeLessThanOrEqual(2 * KLL_RANK_ERROR);
    // With the values held while reading (the default under data.drift), D is the exact one.
    const held = (await drift("    reference: reference.csv\n    method: ks\n", files)).drift!.columns[0]!;
    expect(held).toMatchObject({ sources: { reference: "values", current: "values" }, approximation: null });
    expect(held.statistic).toBe(exact);
  });
});

describe("the champion's training data as the reference", () => {
  it("says in words that there is no champion yet, compares with one, and fails when the registry cannot be read", async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      "data/train.csv": csv(
        "v",
        Array.from({ length: 200 }, (_, i) => i % 40),
      ),
      "data/old.csv": csv(
        "v",
        Array.from({ length: 200 }, (_, i) => (i % 40) + 25),
      ),
    });
    const config = (registry: string): string =>
      `version: 1\nmodel: { name: churn }\ndata:\n  train: data/train.csv\n  drift: { reference: champion }\nregistry: { uri: ${registry} }\npublish: { promote: false }\n`;
    await writeConfig(dir, config("registry"));
    const context = stageContext(parse(config("registry"), dir));
    const first = await runValidateStage(context);
    expect(first.result.drift).toBeNull();
    expect(first.result.driftNote).toMatch(
      /^No drift check yet: churn has no champion in .*registry, so there is no reference to compare with\.$/,
    );
    expect(first.result.profile).toBe(path.join(dir, ".mlops/out/profile-train.json"));

    // Publish a champion whose training-data profile is the old data's.
    const old = stageContext(parse(config("registry").replace("data/train.csv", "data/old.csv"), dir));
    const oldRun = await runValidateStage(old);
    const registry = createRegistry(createLocalStore(path.join(dir, "registry")));
    await writeFile(path.join(dir, "model.bin"), "weights");
    const manifest = await registry.publish(
      publishInput({
        model: "churn",
        files: [{ path: "model.bin", source: path.join(dir, "model.bin") }],
        attachments: [{ name: "profile", source: oldRun.result.profile! }],
      }),
    );
    await registry.moveAlias("churn", "champion", manifest.version, {
      at: "2026-01-01T00:00:00Z",
      actor: null,
      reason: "test",
      runUrl: null,
      forced: false,
    });
    const second = await runValidateStage(stageContext(parse(config("registry"), dir)));
    expect(second.result.drift?.reference).toBe(`the champion's training data (${manifest.version})`);
    expect(second.result.drift?.columns[0]).toMatchObject({ column: "v", method: "ks", drifted: true });

    // A registry that cannot be read is an error, not a skipped check.
    const broken = stageContext(parse(config("s3://mlops-test-bucket/reg"), dir), {
      AWS_ACCESS_KEY_ID: "x",
      AWS_SECRET_ACCESS_KEY: "y",
      AWS_MAX_ATTEMPTS: "1",
    });
    broken.loaded.config.registry.endpoint = "http://127.0.0.1:9";
    broken.loaded.config.registry.force_path_style = true;
    await expect(runValidateStage(broken)).rejects.toBeInstanceOf(ExternalError);
  });
});
