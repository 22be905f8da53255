import { cp, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { type CliResult, runCli, stackFrames } from "../helpers/cli.ts";
import { debianPythonMissing, pathWithDebianPython, run } from "../helpers/python.ts";
import { REPO, removeDir, tempDir } from "../helpers/temp.ts";

/**
 * The scikit-learn example (examples/breast-cancer) end to end, as its README tells a user to run it, with Debian's
 * Python: prepare.py writes the data, `mlops run` validates, trains (train.py reads params.yaml itself), evaluates the
 * predictions train.py wrote, gates and publishes to the local registry; then a rerun with `--set train.C=0.01` is
 * gated against that champion. Expected numbers are computed here from the files the scripts wrote, never copied.
 */

const EXAMPLE = path.join(REPO, "examples", "breast-cancer");
const missing = debianPythonMissing();

/** scikit-learn's own metrics of predictions.csv, with malignant as the positive class, as JSON. */
const SKLEARN_METRICS = `
import csv, json
from sklearn import metrics
rows = list(csv.DictReader(open("predictions.csv")))
y = [r["label"] == "malignant" for r in rows]
p = [r["prediction"] == "malignant" for r in rows]
s = [float(r["score"]) for r in rows]
print(json.dumps({
    "accuracy": metrics.accuracy_score(y, p),
    "precision": metrics.precision_score(y, p),
    "recall": metrics.recall_score(y, p),
    "f1": metrics.f1_score(y, p),
    "roc_auc": metrics.roc_auc_score(y, s),
    "average_precision": metrics.average_precision_score(y, s),
    "log_loss": metrics.log_loss(y, s),
    "brier_score": metrics.brier_score_loss(y, s),
}))
`;

interface RunJson {
  exitCode: number;
  stages: {
    stage: string;
    verdict?: string;
    status?: string;
    params?: unknown;
    metrics?: Record<string, number>;
    rows?: number;
    version?: string;
    promoted?: string | null;
    outcomes?: { metric: string; verdict: string }[];
  }[];
}

interface Predictions {
  labels: string[];
  predicted: string[];
}

const stageOf = (json: RunJson, name: string): RunJson["stages"][number] | undefined =>
  json.stages.find((s) => s.stage === name);

/** label and prediction columns of a CSV the example wrote (plain values: no quoting to undo). */
function readPredictions(text: string): Predictions {
  const [header = "", ...rows] = text.trimEnd().split("\n");
  const columns = header.split(",");
  expect(columns).toEqual(["label", "prediction", "score"]);
  const cells = rows.map((row) => row.split(","));
  return { labels: cells.map((c) => c[0] ?? ""), predicted: cells.map((c) => c[1] ?? "") };
}

const accuracyOf = (p: Predictions): number =>
  p.labels.filter((label, i) => label === p.predicted[i]).length / p.labels.length;

/** The last column of each data row of a CSV: the example's `label`. */
const labelsOf = (text: string): string[] =>
  text
    .trimEnd()
    .split("\n")
    .slice(1)
    .map((row) => row.split(",").at(-1) ?? "");

describe.skipIf(missing !== null)("the scikit-learn example, end to end with Debian's Python", () => {
  let dir = "";
  let env: NodeJS.ProcessEnv = {};
  let pythonEnv: NodeJS.ProcessEnv = {};
  let first: CliResult;
  let firstJson: RunJson;
  let firstPredictions: Predictions;

  beforeAll(async () => {
    dir = await tempDir({ keep: true });
    const project = path.join(dir, "project");
    // The example as committed, without what a run leaves behind and without its data: prepare.py writes it.
    await cp(EXAMPLE, project, {
      recursive: true,
      filter: (file) =>
        !["model", ".mlops", "predictions.csv", "__pycache__", "data"].includes(
          path.relative(EXAMPLE, file).split(path.sep)[0] ?? "",
        ),
    });
    env = { PATH: await pathWithDebianPython(dir) };
    pythonEnv = { ...process.env, ...env };
    dir = project;
    await run("python", ["prepare.py"], { cwd: dir, env: pythonEnv });
    first = await runCli(["run", "--json"], { cwd: dir, env });
    firstJson = JSON.parse(first.stdout) as RunJson;
    firstPredictions = readPredictions(await readFile(path.join(dir, "predictions.csv"), "utf8"));
  }, 180_000);
  afterAll(() => removeDir(path.dirname(dir)));

  it("prepare.py writes the committed CSVs byte for byte: a deterministic, stratified split", async () => {
    for (const file of ["data/train.csv", "data/eval.csv"])
      expect(await readFile(path.join(dir, file), "utf8"), file).toBe(await readFile(path.join(EXAMPLE, file), "utf8"));
    const train = labelsOf(await readFile(path.join(dir, "data/train.csv"), "utf8"));
    const evaluation = labelsOf(await readFile(path.join(dir, "data/eval.csv"), "utf8"));
    expect(train.length + evaluation.length).toBe(569);
    const share = (labels: string[]): number => labels.filter((l) => l === "malignant").length / labels.length;
    // Stratified: both sets keep the dataset's 212/569 malignant share to within a row.
    expect(Math.abs(share(train) - 212 / 569)).toBeLessThan(1 / train.length);
    expect(Math.abs(share(evaluation) - 212 / 569)).toBeLessThan(1 / evaluation.length);
  });

  it("validates the data, trains with the params train.py read from params.yaml, and passes every stage", async () => {
    expect(first.exitCode, first.stderr).toBe(0);
    expect(firstJson.stages.map((s) => s.stage)).toEqual(["validate", "train", "evaluate", "gate", "publish"]);
    expect(stageOf(firstJson, "validate")?.verdict).toBe("pass");
    expect(stageOf(firstJson, "train")?.status).toBe("ok");
    const params = parseYaml(await readFile(path.join(dir, "params.yaml"), "utf8")) as { train: unknown };
    // What train.py recorded having read, and what the run record says it was given.
    const used = JSON.parse(await readFile(path.join(dir, "model/params.json"), "utf8")) as unknown;
    expect(used).toEqual(params.train);
    expect(stageOf(firstJson, "train")?.params).toEqual(params);
    expect(first.stderr).toMatch(/▸ train\n\$ python train\.py\n/);
    expect(stackFrames(first.stderr)).toEqual([]);
  });

  it("evaluates the predictions train.py wrote: the kit's metrics are scikit-learn's on the same file, and plausible", async () => {
    const evaluation = await readFile(path.join(dir, "data/eval.csv"), "utf8");
    expect(firstPredictions.labels).toEqual(labelsOf(evaluation));
    const metrics = stageOf(firstJson, "evaluate")?.metrics ?? {};
    expect(stageOf(firstJson, "evaluate")?.rows).toBe(firstPredictions.labels.length);
    expect(metrics.accuracy).toBeCloseTo(accuracyOf(firstPredictions), 12);
    // The kit's metrics are scikit-learn's (DOMAIN.md §1): computed here by scikit-learn from the same file.
    const reference = JSON.parse(
      (await run("python", ["-c", SKLEARN_METRICS], { cwd: dir, env: pythonEnv })).stdout,
    ) as Record<string, number>;
    for (const [name, value] of Object.entries(reference)) expect(metrics[name], name).toBeCloseTo(value, 9);
    // A scaled logistic regression on this data is right about nine times in ten or better; a broken pipeline is not.
    expect(metrics.accuracy).toBeGreaterThan(0.9);
    expect(metrics.roc_auc).toBeGreaterThan(0.95);
    expect(metrics.log_loss).toBeLessThan(0.3);
  });

  it("passes the gate (a first run: the value rule only) and publishes a version promoted to champion", async () => {
    const gate = stageOf(firstJson, "gate");
    expect(gate?.verdict).toBe(accuracyOf(firstPredictions) >= 0.7 ? "pass" : "fail");
    // In mlops.yml's order: the floor applies, the change rule has no champion to compare with yet.
    expect(gate?.outcomes?.map((o) => [o.metric, o.verdict])).toEqual([
      ["accuracy", gate?.verdict],
      ["accuracy", "skipped"],
    ]);
    const published = stageOf(firstJson, "publish");
    expect(published?.promoted).toBe("champion");
    const list = await runCli(["models", "list", "--json"], { cwd: dir, env });
    const listed = JSON.parse(list.stdout) as { versions: { version: string }[]; aliases: Record<string, string> };
    expect(listed.versions.map((v) => v.version)).toEqual([published?.version]);
    expect(listed.aliases).toEqual({ champion: published?.version });
  });

  it("a rerun with --set train.C=0.01 trains with it (params.yaml is put back) and is gated against the champion", async () => {
    const paramsBefore = await readFile(path.join(dir, "params.yaml"), "utf8");
    const second = await runCli(["run", "--json", "--set", "train.C=0.01"], { cwd: dir, env });
    const json = JSON.parse(second.stdout) as RunJson;
    expect(stageOf(json, "train")?.status, second.stderr).toBe("ok");
    // The run record holds the params the script saw, and the script says it saw them.
    const record = JSON.parse(await readFile(path.join(dir, ".mlops/out/train.json"), "utf8")) as {
      params: { train: { C: number; max_iter: number } };
    };
    expect(record.params.train).toEqual({ C: 0.01, max_iter: 1000 });
    expect(JSON.parse(await readFile(path.join(dir, "model/params.json"), "utf8"))).toEqual(record.params.train);
    expect(second.stderr).toContain("[train] trained on 426 rows with C=0.01 max_iter=1000");
    expect(await readFile(path.join(dir, "params.yaml"), "utf8")).toBe(paramsBefore);

    // The verdict follows from the two runs' predictions and the rules in mlops.yml (>= 0.7, at most 0.01 below).
    const before = accuracyOf(firstPredictions);
    const after = accuracyOf(readPredictions(await readFile(path.join(dir, "predictions.csv"), "utf8")));
    expect(stageOf(json, "evaluate")?.metrics?.accuracy).toBeCloseTo(after, 12);
    const passes = after >= 0.7 && before - after <= 0.01 + 1e-12;
    expect(stageOf(json, "gate")?.verdict).toBe(passes ? "pass" : "fail");
    expect(second.exitCode).toBe(passes ? 0 : 1);
    const published = stageOf(json, "publish");
    expect(published?.promoted ?? null).toBe(passes ? "champion" : null);
    const list = await runCli(["models", "list", "--json"], { cwd: dir, env });
    const listed = JSON.parse(list.stdout) as { versions: { version: string }[] };
    expect(listed.versions.map((v) => v.version)).toEqual([stageOf(firstJson, "publish")?.version, published?.version]);
  }, 120_000);
});
