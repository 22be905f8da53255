import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.ts";
import { decideRetrain } from "../../src/retrain/decide.ts";
import { copyExample, runCli } from "../helpers/cli.ts";
import { stageContext } from "../helpers/context.ts";
import { tempDir } from "../helpers/temp.ts";

/**
 * `mlops retrain decide` on a copy of the penguins example with a local registry: each of drift, age and new data
 * calls for retraining on its own; the same data soon after does not; data that fails validation blocks it.
 */

let dir = "";

/** Rewrites data/train.csv, mapping each data row (as column -> value). */
async function editTrainingData(
  change: (row: Record<string, string>) => Record<string, string>,
  extraRows: string[] = [],
): Promise<void> {
  const file = path.join(dir, "data/train.csv");
  const [header = "", ...lines] = (await readFile(file, "utf8")).trimEnd().split("\n");
  const columns = header.split(",");
  const rows = lines.map((line) => {
    const values = line.split(",");
    const changed = change(Object.fromEntries(columns.map((c, i) => [c, values[i] ?? ""])));
    return columns.map((c) => changed[c] ?? "").join(",");
  });
  await writeFile(file, `${[header, ...rows, ...extraRows].join("\n")}\n`);
}

interface DecisionJson {
  shouldRetrain: boolean;
  reasons: string[];
  blocked: string | null;
  checks: Record<string, { triggered: boolean | null; detail: string }>;
}

async function decide(...args: string[]): Promise<{ exitCode: number; decision: DecisionJson; stderr: string }> {
  const result = await runCli(["retrain", "decide", "--json", ...args], { cwd: dir });
  return { exitCode: result.exitCode, decision: JSON.parse(result.stdout) as DecisionJson, stderr: result.stderr };
}

beforeEach(async () => {
  dir = await tempDir();
  await copyExample(dir);
});

describe("mlops retrain decide", () => {
  it("retrains when there is no champion yet", async () => {
    const { exitCode, decision } = await decide();
    expect(exitCode).toBe(0);
    expect(decision.shouldRetrain).toBe(true);
    expect(decision.reasons).toEqual(["there is no champion yet: the first model trains"]);
  });

  describe("with a champion", () => {
    beforeEach(async () => {
      expect((await runCli(["run"], { cwd: dir })).exitCode).toBe(0);
    });

    it("does not retrain on the same data soon after, and says why for each check", async () => {
      const { exitCode, decision } = await decide();
      expect(exitCode).toBe(0);
      expect(decision.shouldRetrain).toBe(false);
      expect(decision.reasons).toHaveLength(1);
      expect(decision.reasons[0]).toMatch(
        /^nothing calls for retraining: no dataset drift against the champion's training data \(v\S+\): 0 of 7 columns drifted \(share 0, limit 0\.5\); the champion is 0 days old \(limit 30\); the training data is the champion's$/,
      );
    });

    it("retrains when forced", async () => {
      const { decision } = await decide("--force");
      expect(decision.shouldRetrain).toBe(true);
      expect(decision.reasons).toEqual(["forced (the workflow's force input or --force)"]);
    });

    it("retrains on new training data, naming what changed", async () => {
      await editTrainingData((row) => row, ["Gentoo,Biscoe,47.1,14.9,216,5100,FEMALE"]);
      const { decision } = await decide();
      expect(decision.shouldRetrain).toBe(true);
      expect(decision.checks.newData).toMatchObject({ triggered: true });
      expect(decision.reasons).toEqual([
        expect.stringMatching(/^new training data since v\S+: 1 changed \(data\/train\.csv\)$/),
      ]);
    });

    it("retrains when the data drifted from the champion's training data", async () => {
      const config = await readFile(path.join(dir, "mlops.yml"), "utf8");
      await writeFile(
        path.join(dir, "mlops.yml"),
        config.replace("drift: { reference: champion }", "drift: { reference: champion, max_drifted_share: 0.25 }"),
      );
      // Heavier and longer-winged penguins, still within the schema's bounds.
      await editTrainingData((row) => ({
        ...row,
        body_mass_g: String(Math.round(Number(row.body_mass_g) * 1.05)),
        flipper_length_mm: String(Number(row.flipper_length_mm) + 6),
      }));
      const { decision } = await decide();
      expect(decision.shouldRetrain).toBe(true);
      expect(decision.checks.drift).toMatchObject({ triggered: true });
      expect(decision.checks.drift?.detail).toMatch(
        /^the data drifted from the champion's training data \(v\S+\): 2 of 7 columns drifted \(share 0\.2857, limit 0\.25\): flipper_length_mm \(ks [^)]+\), body_mass_g \(ks [^)]+\)$/,
      );
    });

    it("is blocked, with exit 1, when the data fails validation", async () => {
      await editTrainingData((row) => ({ ...row, body_mass_g: String(Math.round(Number(row.body_mass_g) * 1.25)) }));
      const { exitCode, decision, stderr } = await decide();
      expect(exitCode).toBe(1);
      expect(decision.shouldRetrain).toBe(false);
      expect(decision.blocked).toBe(
        "the data failed validation (1 error(s)): retraining on it is blocked until someone looks",
      );
      expect(stderr).toContain("body_mass_g: values above the maximum 7500");
    });

    it("retrains when the champion is older than retrain.when.max_age_days", async () => {
      const loaded = await loadConfig("mlops.yml", dir);
      const manifest = JSON.parse((await runCli(["models", "show", "champion", "--json"], { cwd: dir })).stdout) as {
        createdAt: string;
      };
      const context = {
        ...stageContext(loaded),
        now: () => new Date(Date.parse(manifest.createdAt) + 31 * 86_400_000),
      };
      const { result } = await decideRetrain(context, { force: false });
      expect(result.shouldRetrain).toBe(true);
      expect(result.reasons).toEqual([
        expect.stringMatching(/^the champion v\S+ is 31 days old, more than retrain\.when\.max_age_days \(30\)$/),
      ]);
    });
  });
});
