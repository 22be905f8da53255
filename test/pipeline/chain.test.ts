import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyExample, runCli, stackFrames } from "../helpers/cli.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";
import { toyProject } from "../helpers/toy-project.ts";

/**
 * The stage chain (DOMAIN.md §6): stages run one by one hand over through .mlops/out, and a result from another chain
 * is refused with exit 2 and the command that makes it fresh. Every out-of-order sequence of train, evaluate, gate
 * and publish, plus data that changes under them; `mlops run` never trips.
 */

type Step = [command: string[], exitCode: number, stderr?: RegExp];

/** Runs the steps in order, checking each exit code (and message), and never a stack trace. */
async function steps(dir: string, list: Step[]): Promise<void> {
  for (const [command, exitCode, stderr] of list) {
    const result = await runCli(command, { cwd: dir });
    expect(result.exitCode, `mlops ${command.join(" ")}\n${result.stderr}`).toBe(exitCode);
    if (stderr) expect(result.stderr).toMatch(stderr);
    expect(stackFrames(result.stderr)).toEqual([]);
  }
}

async function json<T>(dir: string, stage: string): Promise<T> {
  return JSON.parse(await readFile(path.join(dir, ".mlops/out", `${stage}.json`), "utf8")) as T;
}

interface Chain {
  id: string;
  trainRun: string | null;
  evaluation: string | null;
}

const RUN_ID = /(\d{8}T\d{9}Z-[0-9a-f]{6})/;

describe("the issue's reproduction on the penguins example", () => {
  it("refuses to gate or publish the retrained model with the first model's evaluation and verdict", async () => {
    const dir = await tempDir();
    await copyExample(dir);
    await steps(dir, [[["run"], 0]]);
    const first = await json<{ runId: string }>(dir, "train");
    await steps(dir, [[["train", "--set", "learning_rate=0.5", "--force"], 0]]);
    const second = await json<{ runId: string }>(dir, "train");

    const refusal = new RegExp(
      `the evaluation is of train run ${first.runId}; the model in model/ is from train run ${second.runId}\\n  hint: run \`mlops evaluate\``,
    );
    await steps(dir, [
      [["gate"], 2, refusal],
      [["publish"], 2, refusal],
      [["models", "list", "--json"], 0],
    ]);
    const { versions } = JSON.parse((await runCli(["models", "list", "--json"], { cwd: dir })).stdout) as {
      versions: unknown[];
    };
    expect(versions).toHaveLength(1);

    // Made fresh in order, the retrained model publishes with its own evaluation, verdict and params.
    await steps(dir, [
      [["evaluate"], 0],
      [["gate"], 0],
      [["publish", "--json"], 0],
    ]);
    const evaluation = await json<{ metrics: { accuracy: number }; chain: Chain }>(dir, "evaluate");
    const gate = await json<{ chain: Chain }>(dir, "gate");
    const published = await json<{ version: string }>(dir, "publish");
    const manifest = JSON.parse(
      (await runCli(["models", "show", published.version, "--json"], { cwd: dir })).stdout,
    ) as {
      params: { learning_rate: number };
      metrics: { accuracy: number };
      chain: { trainRun: string; evaluation: string; gate: string };
    };
    expect(manifest.params.learning_rate).toBe(0.5);
    expect(manifest.metrics.accuracy).toBe(evaluation.metrics.accuracy);
    expect(manifest.chain).toEqual({
      trainRun: second.runId,
      evaluation: evaluation.chain.id,
      gate: gate.chain.id,
    });
  });
});

describe("each result names the run it was made from", () => {
  it("carries the train run's id and output hashes forward through evaluate and gate", async () => {
    const dir = await toyProject();
    await steps(dir, [[["run", "--no-publish"], 0]]);
    const train = await json<{ runId: string; outputs: unknown[]; chain: Chain & { model: unknown[] } }>(dir, "train");
    const evaluation = await json<{ chain: Chain & { model: unknown[] } }>(dir, "evaluate");
    const gate = await json<{ chain: Chain & { model: unknown[] } }>(dir, "gate");
    expect(train.chain).toMatchObject({ id: train.runId, trainRun: train.runId, model: train.outputs });
    expect(evaluation.chain).toMatchObject({ trainRun: train.runId, model: train.outputs, evaluation: null });
    expect(gate.chain).toMatchObject({
      trainRun: train.runId,
      model: train.outputs,
      evaluation: evaluation.chain.id,
    });
    expect(new Set([train.runId, evaluation.chain.id, gate.chain.id]).size).toBe(3);
  });
});

describe("out of order, stale input is refused with the command that makes it fresh", () => {
  const evaluateAgain = /hint: run `mlops evaluate`\n/;
  const gateAgain = /hint: run `mlops gate`\n/;
  const trainAgain = /hint: run `mlops train` to train it again \(or `mlops run`\)\n/;
  const retrainAndEvaluate = /hint: run `mlops train` and `mlops evaluate` \(or `mlops run`\)\n/;
  const sequences: { name: string; steps: Step[] }[] = [
    {
      name: "gate or publish on a fresh workspace",
      steps: [
        [["gate"], 2, /the evaluate stage has not run in this workspace/],
        [["publish"], 2, /there is no train result in the workspace/],
      ],
    },
    {
      name: "train, then gate or publish before evaluating",
      steps: [
        [["run", "--no-publish"], 0],
        [["train", "--set", "lr=0.5"], 0],
        [["gate"], 2, evaluateAgain],
        [["publish"], 2, evaluateAgain],
        [["evaluate"], 0],
        [
          ["publish"],
          2,
          /the gate verdict is of evaluation \S+; the evaluation in the workspace is \S+ \(of train run/,
        ],
        [["gate"], 0],
        [["publish"], 0],
      ],
    },
    {
      name: "evaluate again, then publish with the old verdict",
      steps: [
        [["run", "--no-publish"], 0],
        [["evaluate"], 0],
        [["publish"], 2, gateAgain],
        [["gate"], 0],
        [["publish"], 0],
      ],
    },
    {
      name: "a training that fails after a good chain",
      steps: [
        [["run", "--no-publish"], 0],
        [["train", "--set", "lr=9"], 1],
        [
          ["evaluate"],
          2,
          /train run \S+ failed: model\/ is not its model\n {2}hint: run `mlops train` \(or `mlops run`\)/,
        ],
        [["gate"], 2, evaluateAgain],
        [["publish"], 2, /train run \S+ failed/],
      ],
    },
    {
      name: "train twice without evaluating in between",
      steps: [
        [["train"], 0],
        [["evaluate"], 0],
        [["train", "--set", "lr=0.3"], 0],
        [["train", "--set", "lr=0.9"], 0],
        [["gate"], 2, evaluateAgain],
        [["evaluate"], 0],
        [["gate"], 0],
        [["publish"], 0],
      ],
    },
  ];
  it.each(sequences)("$name", async ({ steps: list }) => {
    await steps(await toyProject(), list);
  });

  it("a model put in place by hand: evaluated and gated as such, published only once a train run made it", async () => {
    const dir = await toyProject();
    await writeFiles(dir, { "model/weights.json": '{"lr":0.9}' });
    await steps(dir, [
      [["evaluate"], 0],
      [["gate"], 0],
      [
        ["publish"],
        2,
        /there is no train result in the workspace: nothing records which run made model\/, nor its params/,
      ],
    ]);
    expect((await json<{ chain: Chain }>(dir, "evaluate")).chain.trainRun).toBeNull();
    // Training writes the same bytes, but the evaluation was not of its run.
    await steps(dir, [
      [["train"], 0],
      [
        ["gate"],
        2,
        /the evaluation is of a model not made by a train run in this workspace; the model in model\/ is from train run/,
      ],
      [["evaluate"], 0],
      [["gate"], 0],
      [["publish"], 0],
    ]);
  });

  it("a model changed by hand after training or evaluation", async () => {
    const dir = await toyProject();
    await steps(dir, [[["run", "--no-publish"], 0]]);
    const train = await json<{ runId: string }>(dir, "train");
    await writeFile(path.join(dir, "model/weights.json"), '{"lr":0.1}');
    await writeFile(path.join(dir, "model/notes.txt"), "tuned by hand");
    await steps(dir, [
      [
        ["evaluate"],
        2,
        new RegExp(
          `model/ is not what train run ${train.runId} left: model/weights\\.json changed, model/notes\\.txt is new`,
        ),
      ],
      [["gate"], 2, retrainAndEvaluate],
      [["publish"], 2, trainAgain],
    ]);
    await rm(path.join(dir, "model"), { recursive: true });
    await steps(dir, [[["publish"], 2, /model\/weights\.json is gone/]]);
    await steps(dir, [
      [["run"], 0],
      [["run"], 0],
    ]);
  });

  it("a result saved by an older mlops-kit (no chain link)", async () => {
    const dir = await toyProject();
    await steps(dir, [[["run", "--no-publish"], 0]]);
    const evaluation = await json<Record<string, unknown>>(dir, "evaluate");
    delete evaluation.chain;
    await writeFile(path.join(dir, ".mlops/out/evaluate.json"), JSON.stringify(evaluation));
    await steps(dir, [
      [["gate"], 2, /the evaluation in the workspace names no train run \(an older mlops-kit saved it\)/],
      [["publish"], 2, /hint: run `mlops evaluate` \(or `mlops run`\)/],
    ]);
  });
});

describe("the data a version records is the data its model was trained on", () => {
  it("refuses to publish after the data changed, and after a validation of other data", async () => {
    const dir = await toyProject();
    await steps(dir, [[["run", "--no-publish"], 0]]);
    const train = await json<{ runId: string }>(dir, "train");
    await writeFile(path.join(dir, "data/train.csv"), "x,label\n1,a\n2,b\n3,a\n");
    await steps(dir, [
      [["publish"], 2, new RegExp(`the data changed after train run ${train.runId} trained on it`)],
      [["validate"], 0],
      [["publish"], 2, /the data changed after train run/],
    ]);

    // Validated before the change, trained after it: the profile would describe other data than the model's.
    const other = await toyProject();
    await steps(other, [[["validate"], 0]]);
    await writeFile(path.join(other, "data/eval.csv"), "x,label\n1,a\n2,b\n5,b\n");
    await steps(other, [
      [["train"], 0],
      [["evaluate"], 0],
      [["gate"], 0],
      [
        ["publish"],
        2,
        /the validation in the workspace is of other data than train run \S+ trained on\n {2}hint: run `mlops validate`/,
      ],
      [["validate"], 0],
      [["publish"], 0],
    ]);
    expect(RUN_ID.test(train.runId)).toBe(true);
  });
});

describe("retraining judges only its own run", () => {
  it("fails, instead of promoting, when the evaluation and verdict in the workspace are of an earlier train run", async () => {
    const dir = await toyProject();
    const config = await readFile(path.join(dir, "mlops.yml"), "utf8");
    await writeFile(
      path.join(dir, "mlops.yml"),
      `${config}retrain: { schedule: "17 3 * * 1", when: { drift: false, max_age_days: 30 } }\n`,
    );
    await steps(dir, [
      [["run"], 0],
      [["retrain", "decide", "--force"], 0],
      // The evaluate and gate steps of this retraining never ran: their results are the first run's.
      [["train", "--set", "lr=0.5"], 0],
      [["retrain", "conclude"], 1],
    ]);
    const outcome = await json<{ outcome: string; reason: string; promoted: string | null }>(dir, "retrain");
    const train = await json<{ runId: string }>(dir, "train");
    expect(outcome).toMatchObject({
      outcome: "failed",
      promoted: null,
      reason: `the evaluation and gate verdict in the workspace are not of train run ${train.runId}: run the evaluate and gate steps after training`,
    });
  });
});
