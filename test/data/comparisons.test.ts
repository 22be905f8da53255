import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { DriftResult } from "../../src/data/drift/drift.ts";
import { validateDatasets } from "../../src/data/validate.ts";
import { runCli } from "../helpers/cli.ts";
import { parse, writeConfig } from "../helpers/config.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * The three drift comparisons (DOMAIN.md §3): the training data and the evaluation data against the reference, and
 * the evaluation data against the training data (skew). Each is judged on its own with data.drift's settings.
 */

/** `count` rows of a numeric column `age` (shifted by `shift`) and a category `plan`. */
function rows(count: number, shift: number, plans = ["free", "pro", "team"]): string {
  const lines = ["age,plan"];
  for (let i = 0; i < count; i++) lines.push(`${20 + ((i * 7) % 50) + shift},${plans[i % plans.length]}`);
  return `${lines.join("\n")}\n`;
}

const CONFIG = (drift: string): string =>
  `version: 1\nmodel: { name: churn }\ndata:\n  train: train.csv\n  eval: eval.csv\n  drift: ${drift}\npublish: { promote: false }\n`;

const summary = (c: DriftResult | null) =>
  c && {
    comparison: c.comparison,
    dataset: c.dataset,
    reference: c.reference,
    drifted: c.columns.filter((column) => column.drifted).map((column) => column.column),
    datasetDrift: c.datasetDrift,
  };

describe("drift of the evaluation data, and skew", () => {
  it("shifting only the evaluation data is drift of eval and skew, each a finding on eval; train stays stable", async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      "reference.csv": rows(600, 0),
      "train.csv": rows(600, 0),
      "eval.csv": rows(400, 12, ["free", "free", "pro"]),
    });
    const loaded = parse(CONFIG("{ reference: reference.csv, severity: error }"), dir);
    const { result } = await validateDatasets(loaded.config.data, dir, { workers: 1 });
    expect(summary(result.drift)).toEqual({
      comparison: "drift",
      dataset: "train",
      reference: "reference.csv",
      drifted: [],
      datasetDrift: false,
    });
    expect(summary(result.evalDrift)).toEqual({
      comparison: "drift",
      dataset: "eval",
      reference: "reference.csv",
      drifted: ["age", "plan"],
      datasetDrift: true,
    });
    expect(summary(result.skew)).toEqual({
      comparison: "skew",
      dataset: "eval",
      reference: "the training data",
      drifted: ["age", "plan"],
      datasetDrift: true,
    });
    expect(result.verdict).toBe("fail");
    const evalFindings = result.datasets.find((d) => d.name === "eval")!.findings;
    expect(evalFindings.map((f) => [f.rule, f.severity, f.message, f.configPath.join(".")])).toEqual([
      [
        "drift",
        "error",
        "dataset drift: 2 of 2 columns drifted (share 1.00 >= 0.5) against reference.csv",
        "data.drift.max_drifted_share",
      ],
      [
        "skew",
        "error",
        "skew: 2 of 2 columns drifted (share 1.00 >= 0.5) against the training data",
        "data.drift.max_drifted_share",
      ],
    ]);
    expect(result.datasets.find((d) => d.name === "train")!.findings).toEqual([]);
  });

  it("measures skew before there is a reference (no champion yet), and says why drift was not measured", async () => {
    const dir = await tempDir();
    await writeFiles(dir, { "train.csv": rows(300, 0), "eval.csv": rows(300, 15) });
    const { result } = await validateDatasets(parse(CONFIG("{ reference: champion }"), dir).config.data, dir, {
      workers: 1,
      championProfile: () => Promise.resolve({ none: "No drift check yet: churn has no champion." }),
    });
    expect(result.drift).toBeNull();
    expect(result.evalDrift).toBeNull();
    expect(result.driftNote).toBe("No drift check yet: churn has no champion.");
    // One of two columns is a share of 0.5, which reaches max_drifted_share (0.5): skew, under the default severity
    // warn a warning, not a failure.
    expect(summary(result.skew)).toMatchObject({ comparison: "skew", drifted: ["age"], datasetDrift: true });
    expect(result).toMatchObject({ verdict: "pass", errors: 0, warnings: 1 });
  });

  it("--json, the markdown report and the terminal show each comparison with method, unit, threshold and direction", async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      "reference.csv": rows(600, 0),
      "train.csv": rows(600, 0),
      "eval.csv": rows(400, 12, ["free", "free", "pro"]),
    });
    await writeConfig(dir, CONFIG("{ reference: reference.csv, max_drifted_share: 0.4 }"));
    const run = await runCli(["validate", "--json", "--workers", "1"], { cwd: dir });
    expect(run.exitCode).toBe(0);
    const json = JSON.parse(run.stdout) as Record<"drift" | "evalDrift" | "skew", DriftResult>;
    for (const key of ["drift", "evalDrift", "skew"] as const) {
      const comparison = json[key];
      expect(comparison).toMatchObject({ maxDriftedShare: 0.4, severity: "warn" });
      for (const column of comparison.columns) {
        expect(column.method).toMatch(/^(ks|chi2)$/);
        expect(column.unit).toBe("p-value");
        expect(column.threshold).toBe(0.05);
        expect(column.driftWhen).toBe("below");
        expect(column.sources).toEqual(
          column.kind === "numeric"
            ? { reference: "values", current: "values" }
            : { reference: "value counts", current: "value counts" },
        );
      }
    }
    expect(json.evalDrift.datasetDrift).toBe(true);
    const markdown = await readFile(path.join(dir, ".mlops/out/validate.md"), "utf8");
    expect(markdown).toContain(
      "| comparison | against | method | value | unit | threshold | drifted when | verdict | severity |",
    );
    expect(markdown).toContain(
      "| drift: train | reference.csv | share of compared columns that drifted | 0.00 (0 of 2) | share of columns | 0.4 | ≥ 0.4 | stable | warn |",
    );
    expect(markdown).toContain(
      "| drift: eval | reference.csv | share of compared columns that drifted | 1.00 (2 of 2) | share of columns | 0.4 | ≥ 0.4 | drifted | warn |",
    );
    expect(markdown).toMatch(/\| skew: eval \| the training data \| .* \| drifted \| warn \|/);
    expect(markdown).toContain("Drift of eval against reference.csv: 2 of 2 columns drifted");
    expect(markdown).toContain("Skew of eval against the training data: 2 of 2 columns drifted");
    expect(markdown).toMatch(
      /\| age \| ks \(auto\) \| [^|]+ \| p-value of the two-sample [^|]+ \| p-value \| 0\.05 \| &lt; 0\.05 \| drifted \| values \|/,
    );
    expect(run.stderr).toContain("eval: dataset drift: 2 of 2 columns drifted");
    expect(run.stderr).toContain("eval: skew: 2 of 2 columns drifted");
  });
});
