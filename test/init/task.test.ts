import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { guessTask, MAX_CLASSES_GUESSED, TASK_SAMPLE_ROWS } from "../../src/init/task.ts";
import { runCli } from "../helpers/cli.ts";
import { gitEnv, gitRepo } from "../helpers/git.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/** Without --task, init tells a regression from a classification by a sample of the target column's values. */

describe("guessTask", () => {
  it("words are classes, fractions a quantity, many whole numbers a quantity, a few whole numbers classes", () => {
    expect(guessTask(["benign", "malignant", "benign"], "label")).toEqual({
      task: "classification",
      from: "label holds words, e.g. benign",
    });
    expect(guessTask(["5", "6.5", "7"], "quality")).toEqual({
      task: "regression",
      from: "quality holds fractional numbers, e.g. 6.5",
    });
    const prices = Array.from({ length: MAX_CLASSES_GUESSED + 1 }, (_, i) => String(1000 + i * 10));
    expect(guessTask(prices, "price")).toEqual({
      task: "regression",
      from: `price holds ${MAX_CLASSES_GUESSED + 1} distinct whole numbers in ${prices.length} rows`,
    });
    expect(guessTask(["0", "1", "1", "0"], "churn")).toEqual({
      task: "classification",
      from: "churn holds 2 distinct whole numbers in 4 rows: classes",
    });
    expect(guessTask(["1e3", "-2.5e-1"], "y").task).toBe("regression");
    expect(guessTask([], "y").task).toBe("classification");
  });
});

describe("init without --task", () => {
  const env = gitEnv();
  const adopt = async (files: Record<string, string>, ...args: string[]) => {
    const dir = await tempDir();
    await gitRepo(dir);
    await writeFiles(dir, { "train.py": "", ...files });
    const result = await runCli(["init", "--no-workflows", ...args], { cwd: dir, env });
    expect(result.exitCode, result.stderr).toBe(0);
    const config = parse(await readFile(path.join(dir, "mlops.yml"), "utf8")) as {
      model: { task: string };
      gate: { rules: { metric: string }[] };
    };
    return { stdout: result.stdout, config };
  };

  it("a fractional target: regression, with its starter rules on r2, and the summary says why and how to change it", async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `${i},${(5 + i / 7).toFixed(3)}`);
    const { stdout, config } = await adopt({ "data/train.csv": `alcohol,quality\n${rows.join("\n")}\n` });
    expect(config.model.task).toBe("regression");
    expect(config.gate.rules.map((rule) => rule.metric)).toEqual(["r2", "r2"]);
    expect(stdout).toContain(
      "Task: regression (quality holds fractional numbers, e.g. 5.143). If it is classification: `npx mlops-kit config set model.task classification`, and gate.rules on classification metrics (accuracy, f1, ...).",
    );
  });

  it("reads a bounded sample: a target whole for its first rows and fractional only later stays classification", async () => {
    const early = Array.from({ length: TASK_SAMPLE_ROWS }, (_, i) => `${i},${i % 2}`);
    const { config } = await adopt({ "data/train.csv": `x,label\n${early.join("\n")}\n${TASK_SAMPLE_ROWS},0.5\n` });
    expect(config.model.task).toBe("classification");
  });

  it("--task wins over the guess; a target init cannot read values of keeps the default and says why", async () => {
    const rows = "a,quality\n1,5.5\n2,6.25\n";
    const forced = await adopt({ "data/train.csv": rows }, "--task", "classification");
    expect(forced.config.model.task).toBe("classification");
    expect(forced.stdout).toContain("Task: classification (--task).");
    const jsonl = await adopt({ "data/train.jsonl": '{"a": 1, "quality": 5.5}\n' });
    expect(jsonl.config.model.task).toBe("classification");
    expect(jsonl.stdout).toContain(
      "Task: classification (the default: init reads the target's values from CSV and TSV files only).",
    );
  });
});
