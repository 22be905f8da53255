import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { scorePrefixOf } from "../../src/init/predictions.ts";
import { runCli } from "../helpers/cli.ts";
import { gitEnv, gitRepo } from "../helpers/git.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * A multi-class project whose predictions.csv has a probability column per class (a new user's report): init writes
 * evaluate.predictions as the mapping with score_prefix, so evaluate computes the metrics that need probabilities
 * (log_loss, roc_auc, ...) instead of skipping them, and says where the guess came from.
 */

const env = gitEnv();
const init = (cwd: string, ...args: string[]) => runCli(["init", ...args], { cwd, env });

describe("scorePrefixOf", () => {
  it("is the prefix whose columns cover every class, the longest of several; never one catching label or prediction", () => {
    const header = ["label", "prediction", "proba_bird", "proba_cat", "proba_dog"];
    expect(scorePrefixOf(header, ["bird", "cat", "dog"])).toBe("proba_");
    expect(scorePrefixOf(["label", "prediction", "p_1", "p_11"], ["1", "11"])).toBe("p_");
    expect(scorePrefixOf(["label", "prediction", "proba_cat"], ["cat", "dog"])).toBeNull();
    expect(scorePrefixOf(["label", "prediction", "l0", "l1"], ["0", "1"])).toBeNull();
    expect(scorePrefixOf(header, ["cat"])).toBeNull();
  });
});

describe("init with a predictions file beside mlops.yml", () => {
  const rows = [
    "label,prediction,proba_bird,proba_cat,proba_dog",
    "cat,cat,0.1,0.8,0.1",
    "dog,cat,0.2,0.5,0.3",
    "bird,bird,0.7,0.2,0.1",
  ];

  async function project(predictions: string): Promise<string> {
    const dir = await tempDir();
    await gitRepo(dir);
    await writeFiles(dir, {
      "train.py": "",
      "train.csv": "x,label\n1,cat\n2,dog\n3,bird\n",
      "predictions.csv": `${predictions}\n`,
    });
    return dir;
  }

  it("per-class probability columns: the mapping form with score_prefix, and where the guess came from", async () => {
    const dir = await project(rows.join("\n"));
    const result = await init(dir, "--no-workflows");
    expect(result.exitCode).toBe(0);
    const from = "a proba_<class> column in predictions.csv for each class of label in its first rows: bird, cat, dog";
    expect(result.stdout).toContain(
      `Predictions: evaluate.predictions.score_prefix proba_ (${from}): evaluate computes log_loss, roc_auc and calibration from them.`,
    );
    const text = await readFile(path.join(dir, "mlops.yml"), "utf8");
    expect(text).toContain(`  # score_prefix: ${from}.\n`);
    const config = parse(text) as { evaluate: { predictions: unknown } };
    expect(config.evaluate.predictions).toEqual({ path: "predictions.csv", score_prefix: "proba_" });
    const check = await runCli(["check"], { cwd: dir, env });
    expect(check.exitCode).toBe(0);
  });

  it("keeps the path form for columns that are no class's, a binary file's score column, and a regression", async () => {
    const cases: [string, string[]][] = [
      ["label,prediction,score_a,score_b\ncat,cat,0.1,0.9\ndog,dog,0.8,0.2", []],
      ["label,prediction,score,proba_0,proba_1\n0,0,0.2,0.8,0.2\n1,1,0.9,0.1,0.9", []],
      [rows.join("\n"), ["--task", "regression"]],
    ];
    for (const [predictions, args] of cases) {
      const dir = await project(predictions);
      const result = await init(dir, "--no-workflows", ...args);
      expect(result.exitCode).toBe(0);
      expect(result.stdout, predictions).not.toContain("score_prefix");
      const config = parse(await readFile(path.join(dir, "mlops.yml"), "utf8")) as {
        evaluate: { predictions: unknown };
      };
      expect(config.evaluate.predictions).toBe("predictions.csv");
    }
  });
});
