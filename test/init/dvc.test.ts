import { mkdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectTraining } from "../../src/init/detect.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * What `mlops init` takes from a DVC project, from real project folders. The get-started shape follows DVC's
 * example-get-started repository (iterative/example-get-started: prepare -> featurize -> train -> evaluate, params in
 * params.yaml, data tracked by data/data.xml.dvc, metrics at eval/metrics.json), cut down to its files' structure.
 */

const GET_STARTED_PIPELINE = `stages:
  prepare:
    cmd: python src/prepare.py data/data.xml
    deps:
    - data/data.xml
    - src/prepare.py
    params:
    - prepare.seed
    - prepare.split
    outs:
    - data/prepared
  featurize:
    cmd: python src/featurization.py data/prepared data/features
    deps:
    - data/prepared
    - src/featurization.py
    params:
    - featurize.max_features
    outs:
    - data/features
  train:
    cmd: python src/train.py data/features model.pkl
    deps:
    - data/features
    - src/train.py
    params:
    - train.n_est
    outs:
    - model.pkl
  evaluate:
    cmd: python src/evaluate.py model.pkl data/features
    deps:
    - data/features
    - model.pkl
    - src/evaluate.py
    outs:
    - eval
metrics:
- eval/metrics.json
`;

/** DVC's get-started project, with `remote` as the default remote's URL (none: no .dvc/config remote). */
async function getStarted(remote?: string): Promise<string> {
  const dir = await tempDir();
  await mkdir(path.join(dir, ".dvc"));
  await writeFiles(dir, {
    "dvc.yaml": GET_STARTED_PIPELINE,
    "params.yaml": "prepare:\n  split: 0.2\n  seed: 20170428\nfeaturize:\n  max_features: 100\ntrain:\n  n_est: 50\n",
    "data/data.xml.dvc": "outs:\n- md5: a304afb96060aad90176268345e10355\n  path: data.xml\n",
    "src/prepare.py": "",
    "src/featurization.py": "",
    "src/train.py": "",
    "src/evaluate.py": "",
    "requirements.txt": "dvc\npandas\nscikit-learn\n",
    ...(remote ? { ".dvc/config": `[core]\n    remote = storage\n['remote "storage"']\n    url = ${remote}\n` } : {}),
  });
  return dir;
}

describe("a DVC pipeline becomes the train -> evaluate chain", () => {
  it("DVC's get-started project: dvc repro of the train and evaluate stages, their params, deps, outs and metrics", async () => {
    const dir = await getStarted("s3://dvc-public/remote/get-started");
    const training = await detectTraining(dir);
    expect(training).toMatchObject({
      command: "dvc repro train",
      commandFrom: "dvc.yaml stage train",
      evaluateCommand: "dvc repro evaluate",
      evaluateFrom: "dvc.yaml stage evaluate",
      outputs: ["model.pkl"],
      // The data as its .dvc file (present before `dvc pull`), the code of every stage training runs; not what a
      // stage produces (data/prepared, data/features), which its own deps cover.
      inputs: ["dvc.yaml", "data/data.xml.dvc", "src/prepare.py", "src/featurization.py", "src/train.py"],
      params: "params.yaml",
      metricsFiles: ["eval/metrics.json"],
      dvc: { remote: { name: "storage", type: "s3", extra: "s3" } },
      // The stages' commands say it is Python, behind `dvc repro`.
      setup: { kind: "python", environment: { installer: "pip", file: "requirements.txt" } },
    });
    expect(training.notes).toEqual([
      "evaluate.metrics_file reads eval/metrics.json; the starter gate rules use built-in metrics, computed from evaluate.predictions: write that file, or gate on the metrics your pipeline writes (gate.rules)",
    ]);
  });

  it("a DVC pipeline wins over a Makefile and train.py; a train stage's metrics come back with its outs", async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      "dvc.yaml": [
        "stages:",
        "  train:",
        "    cmd:",
        "      - python src/train.py --data data/train.csv",
        "      - python src/export.py",
        "    deps: [src/train.py, src/export.py, data/train.csv, src]",
        "    outs:",
        "      - model/",
        "      - metrics/plots.json: { cache: false }",
        "    metrics:",
        "      - metrics/train.json: { cache: false }",
        "",
      ].join("\n"),
      Makefile: "train:\n\tdvc repro\n",
      "train.py": "",
      "src/train.py": "",
      "src/export.py": "",
      "data/train.csv": "a,b\n1,2\n",
    });
    expect(await detectTraining(dir)).toMatchObject({
      command: "dvc repro train",
      evaluateCommand: null,
      outputs: ["model/", "metrics/plots.json", "metrics/train.json"],
      inputs: ["dvc.yaml", "src/train.py", "src/export.py", "data/train.csv", "src/**"],
      metricsFiles: ["metrics/train.json"],
      params: null,
      dvc: { remote: null },
    });
  });

  it("a stage's wdir: paths are read from it; the stage name is one shell word", async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      "dvc.yaml":
        "stages:\n  train model:\n    wdir: ml\n    cmd: python train.py\n    deps: [train.py, ../shared.py]\n    outs: [model]\n",
      "ml/train.py": "",
      "shared.py": "",
    });
    expect(await detectTraining(dir)).toMatchObject({
      command: "dvc repro 'train model'",
      outputs: ["ml/model"],
      inputs: ["dvc.yaml", "ml/train.py", "shared.py"],
      setup: { kind: "python" },
    });
  });

  it("params from the file the training stages name, TOML too; a Python one is left out with a note", async () => {
    const yaml = await tempDir();
    await writeFiles(yaml, {
      "dvc.yaml":
        "stages:\n  train:\n    cmd: python train.py\n    params:\n      - conf/train.yaml: [lr]\n      - conf/extra.json:\n",
      "conf/train.yaml": "lr: 0.1\n",
      "conf/extra.json": "{}",
      "params.yaml": "unused: 1\n",
    });
    const fromYaml = await detectTraining(yaml);
    expect(fromYaml.params).toBe("conf/train.yaml");
    expect(fromYaml.notes).toContain(
      "train.params names conf/train.yaml; the stages also read conf/extra.json, which --set cannot reach",
    );

    const toml = await tempDir();
    await writeFiles(toml, {
      "dvc.yaml": "stages:\n  train:\n    cmd: python train.py\n    params:\n      - params.toml:\n",
      "params.toml": "lr = 0.1\n",
    });
    expect((await detectTraining(toml)).params).toBe("params.toml");

    // DVC also reads params from a Python file; --set cannot be written into one.
    const python = await tempDir();
    await writeFiles(python, {
      "dvc.yaml": "stages:\n  train:\n    cmd: python train.py\n    params:\n      - params.py:\n",
      "params.py": "LR = 0.1\n",
    });
    const fromPython = await detectTraining(python);
    expect(fromPython.params).toBeNull();
    expect(fromPython.notes).toContain(
      "the stages read params from params.py; train.params takes YAML, JSON or TOML, so it is not set",
    );
  });

  it("metrics files the kit cannot read (TOML) are left out of evaluate.metrics_file, with a note", async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      "dvc.yaml":
        "stages:\n  train:\n    cmd: python train.py\n  evaluate:\n    cmd: python evaluate.py\n    metrics: [scores.yaml, scores.toml]\n",
    });
    const training = await detectTraining(dir);
    expect(training.metricsFiles).toEqual(["scores.yaml"]);
    expect(training.notes).toContain(
      "DVC metrics file scores.toml: the kit reads JSON or YAML metrics files, so it is not in evaluate.metrics_file",
    );
  });
});

describe("a DVC pipeline init cannot map stage by stage", () => {
  it("no stage named like train: `dvc repro` of the whole pipeline, whose final products are the outputs", async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      "dvc.yaml": [
        "stages:",
        "  prepare:",
        "    cmd: python prepare.py",
        "    outs: [data/clean.csv]",
        "  fit_forest:",
        "    cmd: python forest.py",
        "    deps: [data/clean.csv, forest.py]",
        "    outs: [forest.pkl]",
        "    metrics: [scores.json]",
        "",
      ].join("\n"),
      "forest.py": "",
    });
    const training = await detectTraining(dir);
    expect(training).toMatchObject({
      command: "dvc repro",
      commandFrom: "dvc.yaml, the whole pipeline",
      evaluateCommand: null,
      outputs: ["forest.pkl", "scores.json"],
      inputs: ["dvc.yaml", "forest.py"],
      metricsFiles: ["scores.json"],
    });
    expect(training.notes[0]).toBe(
      "dvc.yaml has no stage named like train (stages: prepare, fit_forest): train.command runs the whole pipeline; name the training stage in it (`dvc repro <stage>`) to split training from evaluation",
    );
  });

  it("a malformed dvc.yaml counts as absent, with a note: the Makefile is used, nothing crashes", async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      "dvc.yaml": "stages:\n  train:\n    cmd: [python train.py\n",
      Makefile: "train:\n\tpython t.py\n",
    });
    const training = await detectTraining(dir);
    expect(training.command).toBe("make train");
    expect(training.notes).toHaveLength(1);
    expect(training.notes[0]).toMatch(/^dvc\.yaml is not valid YAML \(.+\): its stages were not read$/);
  });

  it("stages with foreach are not expanded; a dvc.yaml of another shape (a list) has no stages", async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      "dvc.yaml": "stages:\n  train:\n    foreach: [a, b]\n    do:\n      cmd: python train.py ${item}\n",
      "train.py": "",
    });
    const training = await detectTraining(dir);
    expect(training.command).toBe("python train.py");
    expect(training.notes).toContain("dvc.yaml stage train uses foreach/matrix, which init does not expand");

    const list = await tempDir();
    await writeFiles(list, { "dvc.yaml": "- just\n- a list\n" });
    expect(await detectTraining(list)).toMatchObject({ command: null, dvc: { remote: null }, notes: [] });
  });
});

describe("the DVC remote the workflows pull from", () => {
  it.each([
    ["s3://bucket/dvc", { type: "s3", extra: "s3" }],
    ["gs://bucket/dvc", { type: "gs", extra: "gs" }],
    ["azure://container/dvc", { type: "azure", extra: "azure" }],
    ["ssh://user@host/srv/dvc", { type: "ssh", extra: "ssh" }],
    ["gdrive://0AIac4JZqHhKmUk9PDA", { type: "gdrive", extra: "gdrive" }],
    ["https://remote.dvc.org/get-started", { type: "https", extra: null }],
  ])("%s: its type and the dvc extra it needs", async (url, expected) => {
    const dir = await getStarted(url);
    expect((await detectTraining(dir)).dvc).toEqual({ remote: { name: "storage", ...expected } });
  });

  it("a local folder, remotes without a default, a default that is not defined: no pull, each with a note", async () => {
    const local = await getStarted("/mnt/shared/dvc-cache");
    const localTraining = await detectTraining(local);
    expect(localTraining.dvc).toEqual({ remote: null });
    expect(localTraining.notes).toContain(
      "the DVC remote storage is a local folder, which a runner cannot reach: the workflows do not run dvc pull",
    );

    const noDefault = await getStarted();
    await writeFiles(noDefault, {
      ".dvc/config": '[\'remote "a"\']\n    url = s3://a/b\n[remote "b"]\n    url = s3://c/d\n',
    });
    const noDefaultTraining = await detectTraining(noDefault);
    expect(noDefaultTraining.dvc).toEqual({ remote: null });
    expect(noDefaultTraining.notes).toContain(
      ".dvc/config has remotes (a, b) but no default (core.remote): the workflows do not run dvc pull; `dvc remote default <name>` sets one",
    );

    const undefinedRemote = await getStarted();
    await writeFiles(undefinedRemote, { ".dvc/config": "[core]\n    remote = gone\n" });
    expect((await detectTraining(undefinedRemote)).notes).toContain(
      ".dvc/config names the default remote gone, which it does not define: the workflows do not run dvc pull",
    );
  });

  it("never reads .dvc/config.local (credentials, not in git): a remote only it sets is no remote", async () => {
    const dir = await getStarted();
    await writeFiles(dir, {
      ".dvc/config.local":
        "[core]\n    remote = private\n['remote \"private\"']\n    url = s3://private/dvc\n    secret_access_key = wJalrXUtnFEMI-secret\n",
    });
    const training = await detectTraining(dir);
    expect(training.dvc).toEqual({ remote: null });
    expect(JSON.stringify(training)).not.toMatch(/private|wJalrXUtnFEMI/);
  });

  it("the URL itself is never kept (it may hold a user and password)", async () => {
    const dir = await getStarted("https://alice:hunter2@dvc.example.com/store");
    const training = await detectTraining(dir);
    expect(training.dvc).toEqual({ remote: { name: "storage", type: "https", extra: null } });
    expect(JSON.stringify(training)).not.toContain("hunter2");
  });

  it("finds .dvc/ above a monorepo subfolder, but not above the git repository", async () => {
    const dir = await getStarted("s3://bucket/dvc");
    const sub = path.join(dir, "models", "churn");
    await writeFiles(sub, { "dvc.yaml": "stages:\n  train:\n    cmd: python train.py\n" });
    expect((await detectTraining(sub)).dvc).toEqual({ remote: { name: "storage", type: "s3", extra: "s3" } });

    await mkdir(path.join(dir, "models", ".git"));
    expect((await detectTraining(sub)).dvc).toEqual({ remote: null });
  });
});
