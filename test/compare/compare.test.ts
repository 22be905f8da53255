import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, stackFrames } from "../helpers/cli.ts";
import { git, gitRepo } from "../helpers/git.ts";
import { writeFiles } from "../helpers/temp.ts";
import { toyProject } from "../helpers/toy-project.ts";

/**
 * `mlops compare` and `mlops metrics diff` through the real CLI, over the toy project (the learning rate is the share
 * of the ten eval rows predicted right), a local folder registry and real git repositories. The paired intervals are
 * checked against the gate's own, run on the same predictions.
 */

interface ComparisonJson {
  runs: { ref: string; kind: string; label: string; predictions: { file?: string; missing?: string } }[];
  params: { name: string; values: (string | null)[]; differs: boolean }[];
  metrics: {
    name: string;
    values: (number | null)[];
    deltas: (number | null)[];
    better: (boolean | null)[];
    intervals: ({ low: number; high: number } | { unavailable: string } | null)[];
  }[];
  pairings: { run: number; paired: boolean; detail: string; rows: number | null }[];
}

const GATE = `gate:
  rules:
    - { metric: accuracy, max_regression: 1, significance: 0.9 }
  bootstrap: { resamples: 500, seed: 7 }
`;

async function commitAll(dir: string, message: string): Promise<string> {
  await git(dir, "add", "--", ".");
  await git(dir, "-c", "user.name=Ada", "-c", "user.email=ada@example.com", "commit", "--quiet", "-m", message);
  return git(dir, "rev-parse", "HEAD");
}

/** The toy project in git, run and published once at lr 0.9 (accuracy 0.9, champion), from its first commit. */
async function publishedToy(options: { gate?: string; config?: (text: string) => string } = {}): Promise<string> {
  const dir = await toyProject();
  const file = path.join(dir, "mlops.yml");
  let config = (await readFile(file, "utf8")).replace(/gate:\n[\s\S]*$/, options.gate ?? GATE);
  if (options.config) config = options.config(config);
  await writeFile(file, config);
  await writeFiles(dir, { ".gitignore": ".mlops/\nmodel/\npredictions.csv\n" });
  await gitRepo(dir);
  await commitAll(dir, "toy");
  const run = await runCli(["run"], { cwd: dir });
  expect(run.exitCode, run.stderr).toBe(0);
  return dir;
}

/** Trains and evaluates the workspace at `lr`, leaving the published version alone. */
async function workspaceRun(dir: string, lr: number): Promise<void> {
  expect((await runCli(["train", "--set", `lr=${lr}`], { cwd: dir })).exitCode).toBe(0);
  expect((await runCli(["evaluate"], { cwd: dir })).exitCode).toBe(0);
}

async function compareJson(dir: string, ...refs: string[]): Promise<ComparisonJson> {
  const result = await runCli(["compare", ...refs, "--json"], { cwd: dir });
  expect(result.exitCode, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as ComparisonJson;
}

const metric = (comparison: ComparisonJson, name: string): ComparisonJson["metrics"][number] => {
  const row = comparison.metrics.find((m) => m.name === name);
  if (!row) throw new Error(`no ${name} in the comparison`);
  return row;
};

describe("mlops compare", () => {
  it("puts a registry version and the workspace's run side by side, with deltas and the gate's paired interval", async () => {
    const dir = await publishedToy();
    await workspaceRun(dir, 0.5);
    const comparison = await compareJson(dir, "champion", "workspace");
    expect(comparison.runs.map((r) => [r.ref, r.kind])).toEqual([
      ["champion", "version"],
      ["workspace", "workspace"],
    ]);
    const accuracy = metric(comparison, "accuracy");
    expect(accuracy.values).toEqual([0.9, 0.5]);
    expect(accuracy.deltas[1]).toBeCloseTo(-0.4, 12);
    expect(accuracy.better).toEqual([null, false]);
    expect(comparison.params).toEqual([{ name: "lr", values: ["0.9", "0.5"], differs: true }]);
    expect(comparison.pairings).toEqual([
      {
        run: 1,
        paired: true,
        detail: "paired by position: both files hold the same 10 labels in the same order",
        rows: 10,
      },
    ]);

    // The gate, on the same two predictions files with the same resamples and seed, finds the same interval
    // (the gate's level is the rule's, 0.9, so compare's 95% interval holds it).
    const gate = await runCli(["gate", "--json"], { cwd: dir });
    const outcome = (
      JSON.parse(gate.stdout) as { outcomes: { metric: string; significance?: { low: number; high: number } }[] }
    ).outcomes.find((o) => o.metric === "accuracy");
    const interval = accuracy.intervals[1];
    if (!outcome?.significance || !interval || "unavailable" in interval) throw new Error(gate.stdout);
    expect(interval.low).toBeLessThanOrEqual(outcome.significance.low);
    expect(interval.high).toBeGreaterThanOrEqual(outcome.significance.high);
    expect(interval.high).toBeLessThan(0);

    // Informational: b is worse, and the exit code is still 0; the text says which way and by how much.
    const text = await runCli(["compare", "champion", "workspace"], { cwd: dir });
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toMatch(/accuracy \(↑\) +0\.9 +0\.5 +-0\.4 worse +\[-0\.\d+, -0\.\d+\]/);
    expect(text.stdout).toContain("workspace and champion are paired by position");
    expect(text.stdout).toMatch(/\* lr +0\.9 +0\.5/);
  });

  it("computes the interval exactly as the gate does when the levels agree", async () => {
    const dir = await publishedToy({
      gate: `gate:\n  rules:\n    - { metric: accuracy, max_regression: 1, significance: 0.95 }\n  bootstrap: { resamples: 700, seed: 3 }\n`,
    });
    await workspaceRun(dir, 0.6);
    const interval = metric(await compareJson(dir, "champion", "workspace"), "accuracy").intervals[1];
    const gate = JSON.parse((await runCli(["gate", "--json"], { cwd: dir })).stdout) as {
      outcomes: { metric: string; significance?: { low: number; high: number; resamples: number; seed: number } }[];
    };
    const significance = gate.outcomes.find((o) => o.metric === "accuracy")?.significance;
    expect(significance).toMatchObject({ resamples: 700, seed: 3 });
    expect(interval).toEqual({ low: significance?.low, high: significance?.high });
  });

  it("writes CSV, one row per run and metric or param", async () => {
    const dir = await publishedToy();
    await workspaceRun(dir, 0.5);
    const result = await runCli(["compare", "v1", "workspace", "--csv"], { cwd: dir });
    expect(result.exitCode, result.stderr).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toBe("kind,name,run,label,value,delta,interval_low,interval_high,paired");
    expect(lines.find((l) => l.startsWith("metric,accuracy,v1,"))).toMatch(
      /^metric,accuracy,v1,"toy v\S+ \(#1, champion\)",0\.9,,,,$/,
    );
    expect(lines.find((l) => l.startsWith("metric,accuracy,workspace,"))).toMatch(
      /^metric,accuracy,workspace,"the workspace's run, on [0-9a-f]{7}",0\.5,-0\.4\d*,-0\.\d+,-0\.\d+,true$/,
    );
    expect(lines).toContain(
      "param,lr,workspace,\"the workspace's run, on " +
        (await git(dir, "rev-parse", "--short=7", "HEAD")) +
        '",0.5,,,,',
    );
  });

  it("says when the rows differ, and gives no interval rather than an unpaired one", async () => {
    const dir = await publishedToy();
    // Twelve eval rows now: the published version was evaluated on ten.
    const predict = path.join(dir, "predict.mjs");
    await writeFile(predict, (await readFile(predict, "utf8")).replace("length: 10", "length: 12"));
    await workspaceRun(dir, 0.5);
    const comparison = await compareJson(dir, "champion", "workspace");
    expect(comparison.pairings[0]).toMatchObject({ paired: false, rows: null });
    expect(comparison.pairings[0]?.detail).toContain(
      "the files hold different rows: 12 in the candidate's, 10 in the baseline's",
    );
    expect(metric(comparison, "accuracy").intervals).toEqual([null, null]);
    const text = await runCli(["compare", "champion", "workspace"], { cwd: dir });
    expect(text.stdout).toContain("workspace and champion are not paired, so there is no interval:");
    expect(text.stdout).toMatch(/accuracy \(↑\) +0\.9 +0\.4167 +-0\.4833 worse +not paired/);
  });

  it("refuses models of different tasks", async () => {
    const dir = await publishedToy();
    // A regression model published into the same registry (the toy's local folder) from a project beside it.
    const other = path.join(dir, "prices");
    await writeFiles(other, {
      "mlops.yml": `version: 1\nmodel: { name: prices, task: regression }\nevaluate: { predictions: predictions.csv }\npublish: { files: [model.txt], promote: false }\nregistry: { uri: ../.mlops/registry }\n`,
      "model.txt": "y = x\n",
      "predictions.csv": "label,prediction\n1,1.5\n2,2\n3,2.5\n",
    });
    expect((await runCli(["evaluate"], { cwd: other })).exitCode).toBe(0);
    const published = await runCli(["publish"], { cwd: other });
    expect(published.exitCode, published.stderr).toBe(0);
    const result = await runCli(["compare", "champion", "prices@v1"], { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(
      /toy v\S+ \(#1, champion\) is a classification model and prices v\S+ \(#1\) a regression one: their metrics do not compare/,
    );
    expect(stackFrames(result.stderr)).toEqual([]);
  });

  it("names what an unknown reference probably meant", async () => {
    const dir = await publishedToy();
    await workspaceRun(dir, 0.5);
    const alias = await runCli(["compare", "champoin", "workspace"], { cwd: dir });
    expect(alias.exitCode).toBe(2);
    expect(alias.stderr).toContain('"champoin" is not the workspace, a sweep leg, or a version or alias of toy');
    expect(alias.stderr).toContain("did you mean champion?");
    const model = await runCli(["compare", "tyo@champion", "workspace"], { cwd: dir });
    expect(model.exitCode).toBe(2);
    expect(model.stderr).toContain('has no model "tyo"');
    expect(model.stderr).toContain("did you mean toy@champion?");
    const workspace = await runCli(["compare", "champion", "wokrspace"], { cwd: dir });
    expect(workspace.stderr).toContain("did you mean workspace?");
    const one = await runCli(["compare", "champion"], { cwd: dir });
    expect(one.exitCode).toBe(2);
    expect(one.stderr).toContain("compare needs at least two runs");
    for (const result of [alias, model, workspace, one]) expect(stackFrames(result.stderr)).toEqual([]);
  });

  it("compares the legs of the last sweep, paired on the predictions each leg kept", async () => {
    const dir = await publishedToy({
      config: (text) => text.replace("params: { lr: 0.9 }", "params: { lr: 0.9 }\n  matrix: { lr: [0.3, 0.7] }"),
    });
    const before = await runCli(["compare", "leg:1", "leg:2"], { cwd: dir });
    expect(before.exitCode).toBe(2);
    expect(before.stderr).toContain("no sweep has run in this workspace");
    expect((await runCli(["sweep"], { cwd: dir })).exitCode).toBe(0);
    const comparison = await compareJson(dir, "legs", "champion");
    expect(comparison.runs.map((r) => r.ref)).toEqual(["leg:1", "leg:2", "champion"]);
    expect(comparison.runs[0]?.label).toBe("leg 1 (lr=0.3)");
    expect(metric(comparison, "accuracy").values).toEqual([0.3, 0.7, 0.9]);
    // Leg 1's predictions were replaced in the workspace by leg 2's and the winner's: it pairs on its own copy.
    expect(comparison.pairings.map((p) => p.paired)).toEqual([true, true]);
    const interval = metric(comparison, "accuracy").intervals[1];
    expect(interval && "low" in interval && interval.low).toBeGreaterThan(0);
    const unknown = await runCli(["compare", "leg:9", "workspace"], { cwd: dir });
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('the last sweep has no leg "9"');
    expect(unknown.stderr).toContain("its legs are leg:1, leg:2");
  });

  it("suggests the workspace for a typo before anything is published", async () => {
    const dir = await toyProject();
    await workspaceRun(dir, 0.5);
    const result = await runCli(["compare", "wokrspace", "workspace"], { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('"wokrspace" is not the workspace or a sweep leg, and toy has no versions in');
    expect(result.stderr).toContain("did you mean workspace?");
  });

  it("says there is no run in the workspace yet", async () => {
    const dir = await toyProject();
    const result = await runCli(["compare", "workspace", "leg:1"], { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("there is no run in this workspace yet (no .mlops/out/evaluate.json)");
    expect(result.stderr).toContain("hint: run `mlops run`");
  });
});

describe("mlops metrics diff", () => {
  it("compares the workspace with the version published from HEAD, by default", async () => {
    const dir = await publishedToy();
    const head = await git(dir, "rev-parse", "HEAD");
    await workspaceRun(dir, 0.5);
    const result = await runCli(["metrics", "diff", "--json"], { cwd: dir });
    expect(result.exitCode, result.stderr).toBe(0);
    const diff = JSON.parse(result.stdout) as ComparisonJson & { revision: string };
    expect(diff.revision).toBe(head);
    expect(diff.runs[0]?.label).toMatch(
      new RegExp(`^commit ${head.slice(0, 7)}: toy v\\S+ \\(#1\\), published from it$`),
    );
    expect(metric(diff, "accuracy").values).toEqual([0.9, 0.5]);
    expect(diff.pairings[0]?.paired).toBe(true);
  });

  it("reads the metrics files committed at a revision when no version was published from it", async () => {
    const dir = await toyProject();
    await writeFiles(dir, {
      ".gitignore": ".mlops/\nmodel/\npredictions.csv\n",
      "score.mjs": `import fs from "node:fs";\nconst { lr } = JSON.parse(fs.readFileSync("model/weights.json", "utf8"));\nfs.writeFileSync("metrics.json", JSON.stringify({ train: { loss: 1 - lr } }));\n`,
    });
    const file = path.join(dir, "mlops.yml");
    await writeFile(
      file,
      (await readFile(file, "utf8")).replace(
        "command: node predict.mjs",
        "command: node predict.mjs && node score.mjs\n  metrics_file: metrics.json\n  custom_metrics: { train.loss: { direction: lower } }",
      ),
    );
    await gitRepo(dir);
    const first = await commitAll(dir, "no metrics yet");
    await workspaceRun(dir, 0.8);
    await commitAll(dir, "metrics at lr 0.8");
    await workspaceRun(dir, 0.6);
    const diff = await runCli(["metrics", "diff", "main", "--json"], { cwd: dir });
    expect(diff.exitCode, diff.stderr).toBe(0);
    const parsed = JSON.parse(diff.stdout) as ComparisonJson;
    expect(parsed.runs[0]?.label).toMatch(/^commit [0-9a-f]{7}: metrics\.json as committed$/);
    const loss = metric(parsed, "train.loss");
    expect(loss.values[0]).toBeCloseTo(0.2, 12);
    expect(loss.values[1]).toBeCloseTo(0.4, 12);
    expect(loss.better).toEqual([null, false]);
    expect(parsed.pairings[0]).toMatchObject({
      paired: false,
      detail: "main has no registry version, so no predictions of it are stored",
    });

    const absent = await runCli(["metrics", "diff", first], { cwd: dir });
    expect(absent.exitCode).toBe(2);
    expect(absent.stderr).toContain("metrics.json is not committed at it");
  });

  it("says when git does not know the revision, or there is no run yet", async () => {
    const dir = await publishedToy();
    const typo = await runCli(["metrics", "diff", "mian"], { cwd: dir });
    expect(typo.exitCode).toBe(2);
    expect(typo.stderr).toContain('git does not know the revision "mian"');
    expect(typo.stderr).toContain("did you mean main?");
    const unknown = await runCli(["metrics", "diff", "0123456789abcdef"], { cwd: dir });
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain("git does not know the revision");
    expect(stackFrames(typo.stderr + unknown.stderr)).toEqual([]);

    const fresh = await toyProject();
    await gitRepo(fresh);
    await commitAll(fresh, "toy");
    const none = await runCli(["metrics", "diff"], { cwd: fresh });
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain("there is no run in this workspace yet");
  });
});
