import { existsSync } from "node:fs";
import { cp, mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.ts";
import { digestFiles } from "../../src/files/hash.ts";
import { type FoundResult, selectBest } from "../../src/train/select.ts";
import { findLeg, legParams, planLegs, planSweep } from "../../src/train/sweep.ts";
import { runCli } from "../helpers/cli.ts";
import { configOf, configErrorOf, brief, parse, writeConfig } from "../helpers/config.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/** Sweeps: legs from train.matrix, `mlops plan`'s matrix, `mlops select`'s choice, and `mlops sweep` end to end. */

const config = (matrix: string, extra = "") =>
  configOf(`version: 1
model: { name: demo }
train:
  command: node train.mjs
  params: { lr: 0.1, opt: { beta: 0.9 } }
  outputs: [model/]
  matrix: ${matrix}
${extra}`);

describe("planning legs", () => {
  it("expands the matrix in a fixed order (first param slowest), with ids that sort", () => {
    const legs = planLegs(config("{ lr: [0.01, 0.1, 1], depth: [2, 4], opt.beta: [0.9, 0.99], act: [relu, tanh] }"));
    expect(legs).toHaveLength(24);
    expect(legs.slice(0, 3).map((l) => [l.id, l.name])).toEqual([
      ["01", "lr=0.01 depth=2 opt.beta=0.9 act=relu"],
      ["02", "lr=0.01 depth=2 opt.beta=0.9 act=tanh"],
      ["03", "lr=0.01 depth=2 opt.beta=0.99 act=relu"],
    ]);
    expect(legs[23]).toMatchObject({ id: "24", index: 23, values: { lr: 1, depth: 4, "opt.beta": 0.99, act: "tanh" } });
    expect(planLegs(configOf("version: 1\nmodel: { name: demo }\ntrain: { command: x }\n"))).toEqual([
      { id: "1", index: 0, name: "default", values: {} },
    ]);
  });

  it("writes a leg's values over the params: new names allowed, dotted names reach into mappings", () => {
    const [leg] = planLegs(config("{ opt.beta: [0.5], depth: [3], lr: [0.2] }"));
    expect(legParams({ lr: 0.1, opt: { beta: 0.9, name: "adam" } }, leg ?? expect.fail("no leg"))).toEqual({
      lr: 0.2,
      depth: 3,
      opt: { beta: 0.5, name: "adam" },
    });
    const [through] = planLegs(config("{ lr.x: [1] }"));
    expect(() => legParams({ lr: 0.1 }, through ?? expect.fail("no leg"))).toThrow(
      'train.matrix.lr.x: "lr" is not a mapping in the params',
    );
  });

  it("finds a leg by its id, with or without the zero padding", () => {
    const sweep = config("{ lr: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }");
    expect(findLeg(sweep, "3").id).toBe("03");
    expect(findLeg(sweep, "03").values).toEqual({ lr: 3 });
    expect(() => findLeg(sweep, "11")).toThrow(UsageError);
    expect(() => findLeg(sweep, "11")).toThrow('there is no sweep leg "11"');
  });

  it("emits GitHub's strategy.matrix with the runner labels, and refuses more than 256 legs", () => {
    const plan = planSweep(config("{ lr: [0.1, 0.2] }", "  runs_on: [self-hosted, gpu]\n"));
    expect(plan.matrix).toEqual({
      include: [
        { leg: "1", name: "lr=0.1", params: { lr: 0.1 }, runs_on: ["self-hosted", "gpu"] },
        { leg: "2", name: "lr=0.2", params: { lr: 0.2 }, runs_on: ["self-hosted", "gpu"] },
      ],
    });
    expect(planSweep(config("{ lr: [0.1] }")).runsOn).toEqual(["ubuntu-latest"]);
    const values = `[${Array.from({ length: 17 }, (_, i) => i).join(", ")}]`;
    const error = configErrorOf(() =>
      parse(
        `version: 1\nmodel: { name: demo }\ntrain:\n  command: x\n  outputs: [m/]\n  matrix: { a: ${values}, b: ${values} }\n`,
      ),
    );
    expect(brief(error.diagnostics.filter((d) => d.severity === "error"))).toEqual([
      "6:11 error train.matrix: the sweep has 289 combinations; GitHub runs at most 256 jobs from one matrix",
    ]);
  });
});

describe("selecting the best leg", () => {
  const sweep = planSweep(config("{ lr: [0.1, 0.2, 0.3, 0.4] }"));
  const found = (id: string, lr: number, metrics: Record<string, number> | null, status = "ok"): FoundResult => ({
    source: `legs/leg-${id}`,
    train: { stage: "train", status, params: { lr }, durationMs: 1000, startedAt: "2026-01-01T00:00:00Z", leg: { id } },
    evaluate: metrics ? { stage: "evaluate", status: "ok", metrics } : null,
  });

  it("picks the best by the metric's direction; a tie goes to the earlier leg", () => {
    const results = [
      found("1", 0.1, { accuracy: 0.8, log_loss: 0.5 }),
      found("2", 0.2, { accuracy: 0.9, log_loss: 0.3 }),
      found("3", 0.3, { accuracy: 0.9 + 1e-15, log_loss: 0.3 }),
      found("4", 0.4, { accuracy: 0.85, log_loss: 0.2 }),
    ];
    expect(selectBest(sweep, results, { metric: "accuracy", direction: "higher" }).winner?.leg.id).toBe("2");
    // The same results in another order pick the same leg.
    expect(selectBest(sweep, [...results].reverse(), { metric: "accuracy", direction: "higher" }).winner?.leg.id).toBe(
      "2",
    );
    expect(selectBest(sweep, results, { metric: "log_loss", direction: "lower" }).winner?.leg.id).toBe("4");
  });

  it("says why a leg cannot win: failed, not evaluated, no metric, missing, stale", () => {
    const selection = selectBest(
      sweep,
      [
        found("1", 0.1, null, "failed"),
        found("2", 0.2, null),
        found("3", 0.3, { f1: 0.7 }),
        found("4", 0.5, { accuracy: 0.99 }),
        found("9", 0.9, { accuracy: 1 }),
      ],
      { metric: "accuracy", direction: "higher" },
    );
    expect(selection.winner).toBeNull();
    expect(selection.legs.map((l) => [l.leg.id, l.state, l.reason])).toEqual([
      ["1", "train failed", "training failed"],
      ["2", "not evaluated", "it has no evaluate.json"],
      ["3", "no metric", 'its evaluation has no "accuracy"'],
      ["4", "stale", "it trained with lr=0.5, but the plan says 0.4"],
    ]);
    expect(selection.notes).toEqual(["1 result(s) belong to no leg of the current plan and were ignored: legs/leg-9"]);
  });

  it("takes a re-run leg's evaluated result over its failed attempt", () => {
    const retried = { ...found("2", 0.2, { accuracy: 0.7 }), source: "legs/retry" };
    const selection = selectBest(sweep, [found("2", 0.2, null, "failed"), retried], {
      metric: "accuracy",
      direction: "higher",
    });
    expect(selection.winner).toMatchObject({ source: "legs/retry", value: 0.7 });
    expect(selection.notes).toEqual(["leg 2 has 2 results; the latest evaluated one counts"]);
  });
});

/** A project whose training score peaks at lr=0.5, depth=1: leg 3 of lr [0.1, 0.5, 0.9] x depth [1, 2]. */
async function sweepProject(root: string, extra = ""): Promise<void> {
  await writeFiles(root, {
    "train.mjs": `import fs from "node:fs";
const p = JSON.parse(fs.readFileSync(process.env.MLOPS_PARAMS_FILE, "utf8"));
fs.appendFileSync("log/runs.log", p.lr + "/" + p.depth + "\\n");
fs.mkdirSync("model", { recursive: true });
const score = 1 - (p.lr - 0.5) ** 2 - p.depth * 0.01;
fs.writeFileSync("model/weights.txt", "lr=" + p.lr + " depth=" + p.depth);
fs.writeFileSync("model/metrics.json", JSON.stringify({ score, penalty: p.depth * 0.01 }));
`,
    "data/train.csv": "x\n1\n",
    // A folder nothing declares as written: parallel legs see it through a symlink, so their lines land here.
    "log/.keep": "",
  });
  await writeConfig(
    root,
    `version: 1
model: { name: sweepy }
data: { train: data/train.csv }
train:
  command: node train.mjs
  params: { lr: 0.1, depth: 2 }
  inputs: [train.mjs]
  outputs: [model/]
  matrix: { lr: [0.1, 0.5, 0.9], depth: [1, 2] }
evaluate:
  metrics_file: model/metrics.json
  custom_metrics: { score: { direction: higher } }
gate:
  rules: [{ metric: score, min: 0 }]
${extra}`,
  );
}

interface SweepJson {
  exitCode: number;
  selection: { winner: { leg: { id: string } } | null; legs: { state: string; value: number | null }[] };
  final: { train: { cache: { status: string } } };
}

describe("mlops plan, sweep and select", () => {
  it("plan prints the matrix for fromJSON", async () => {
    const dir = await tempDir();
    await sweepProject(dir, "");
    const result = await runCli(["plan", "--json"], { cwd: dir });
    expect(result.exitCode).toBe(0);
    const plan = JSON.parse(result.stdout) as { matrix: { include: { leg: string; name: string }[] } };
    expect(plan.matrix.include.map((e) => `${e.leg}: ${e.name}`)).toEqual([
      "1: lr=0.1 depth=1",
      "2: lr=0.1 depth=2",
      "3: lr=0.5 depth=1",
      "4: lr=0.5 depth=2",
      "5: lr=0.9 depth=1",
      "6: lr=0.9 depth=2",
    ]);
    expect(result.stderr).toContain('strategy.matrix: {"include":[{"leg":"1","name":"lr=0.1 depth=1"');
  });

  it.each([
    ["one after another", []],
    ["two at once", ["--parallel", "2"]],
  ])("sweep runs every leg %s, picks the best, and leaves its outputs in place", async (_how, extra: string[]) => {
    const dir = await tempDir();
    await sweepProject(dir);
    const result = await runCli(["sweep", "--json", ...extra], { cwd: dir });
    expect(result.exitCode, result.stderr).toBe(0);
    const sweep = JSON.parse(result.stdout) as SweepJson;
    expect(sweep.selection.winner?.leg.id).toBe("3");
    expect(sweep.selection.legs.map((l) => l.state)).toEqual(["ok", "ok", "ok", "ok", "ok", "ok"]);
    // The best leg's outputs came back from the run cache: six trainings, no seventh.
    expect(sweep.final.train.cache.status).toBe("hit");
    expect(await readFile(path.join(dir, "model", "weights.txt"), "utf8")).toBe("lr=0.5 depth=1");
    const log = (await readFile(path.join(dir, "log", "runs.log"), "utf8")).trim().split("\n");
    expect(log.sort()).toEqual(["0.1/1", "0.1/2", "0.5/1", "0.5/2", "0.9/1", "0.9/2"]);
    expect(result.stderr).toMatch(/best +3 +0\.5 +1 +ok +miss +\d+\.\d s +0\.99/);
    expect(existsSync(path.join(dir, ".mlops", "sweep-work"))).toBe(false);

    // select over the saved results gives the same answer, and a table.
    const select = await runCli(["select"], { cwd: dir });
    expect(select.exitCode).toBe(0);
    expect(select.stdout).toContain("Best by score (higher is better): leg 3 (lr=0.5 depth=1), score 0.99.");
  });

  it("the sweep report shows every metric the legs produced, the ranking one first", async () => {
    const dir = await tempDir();
    await sweepProject(dir);
    expect((await runCli(["sweep"], { cwd: dir })).exitCode).toBe(0);
    const select = await runCli(["select"], { cwd: dir });
    expect(select.stdout).toMatch(/train time +score +penalty/);
    // Leg 3 (lr=0.5 depth=1): score 1 - 0 - 0.01, penalty 0.01; leg 6 (lr=0.9 depth=2): 1 - 0.16 - 0.02, 0.02.
    expect(select.stdout).toMatch(/best +3 +0\.5 +1 +ok .* 0\.99 +0\.01\n/);
    expect(select.stdout).toMatch(/ 6 +0\.9 +2 +ok .* 0\.82 +0\.02\n/);
    const markdown = await readFile(path.join(dir, ".mlops", "out", "select.md"), "utf8");
    expect(markdown).toContain("| score | penalty |");
  });

  it("select reads leg results downloaded from artifacts, and fails when no leg produced the metric", async () => {
    const dir = await tempDir();
    await sweepProject(dir);
    expect((await runCli(["sweep"], { cwd: dir })).exitCode).toBe(0);
    // As actions/download-artifact lays them out: one folder per artifact.
    const downloaded = path.join(dir, "legs");
    for (const leg of ["2", "5"]) {
      await mkdir(path.join(downloaded, `mlops-leg-${leg}`), { recursive: true });
      await cp(
        path.join(dir, ".mlops", "sweep", `leg-${leg}`),
        path.join(downloaded, `mlops-leg-${leg}`, ".mlops", "out"),
        {
          recursive: true,
        },
      );
    }
    const partial = await runCli(["select", "--results", "legs", "--json"], { cwd: dir });
    expect(partial.exitCode).toBe(0);
    const selection = JSON.parse(partial.stdout) as SweepJson["selection"];
    expect(selection.winner?.leg.id).toBe("5");
    expect(selection.legs.map((l) => l.state)).toEqual(["missing", "ok", "missing", "missing", "ok", "missing"]);

    const none = await runCli(["select", "--results", "nowhere"], { cwd: dir });
    expect(none.exitCode).toBe(1);
    expect(none.stdout).toContain("No leg produced score: there is nothing to select.");
  });

  it("--parallel refuses a project whose paths leave its folder; --set may not name a swept param", async () => {
    const repo = await tempDir();
    await mkdir(path.join(repo, ".git"));
    await writeFiles(repo, { "shared/data.csv": "x\n1\n" });
    const dir = path.join(repo, "ml");
    await sweepProject(dir);
    const text = await readFile(path.join(dir, "mlops.yml"), "utf8");
    await writeConfig(dir, text.replace("data: { train: data/train.csv }", "data: { train: ../shared/data.csv }"));
    const parallel = await runCli(["sweep", "--parallel", "2"], { cwd: dir });
    expect(parallel.exitCode).toBe(2);
    expect(parallel.stderr).toContain(
      "--parallel runs each leg in a copy of ml/, and ../shared/data.csv lie outside it",
    );
    const clash = await runCli(["sweep", "--set", "lr=0.3"], { cwd: dir });
    expect(clash.exitCode).toBe(2);
    expect(clash.stderr).toContain("--set lr=0.3: that param is swept by train.matrix");
    expect((await runCli(["sweep", "--parallel", "0"], { cwd: dir })).stderr).toContain(
      '--parallel must be a whole number of at least 1, not "0"',
    );
  });

  it("train --leg trains one leg, as a matrix job does", async () => {
    const dir = await tempDir();
    await sweepProject(dir);
    const result = await runCli(["train", "--leg", "4", "--json"], { cwd: dir });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      params: { lr: 0.5, depth: 2 },
      leg: { id: "4", name: "lr=0.5 depth=2" },
    });
    expect((await digestFiles(dir, ["model/weights.txt"]))[0]?.size).toBe("lr=0.5 depth=2".length);
  });
});
