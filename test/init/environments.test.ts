import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { runCli, stackFrames } from "../helpers/cli.ts";
import { workflowYamlErrors } from "../helpers/github-yaml.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";
import { checkWorkflowSecurity } from "../helpers/workflow-security.ts";
import { gitEnv, gitRepo } from "../helpers/git.ts";

/**
 * `mlops init` through the real CLI on each shape of Python project and on a DVC pipeline: the config it writes passes
 * `mlops check`, the workflows pass GitHub's parser and the security rules, install with the project's own tool, and
 * the printed summary says what was found (or that nothing was).
 */

const env = gitEnv();
const cli = (cwd: string, ...args: string[]) => runCli(args, { cwd, env });

interface Detected {
  detected: {
    training: {
      command: string | null;
      setup: { kind: string; environment?: { installer: string } } | null;
      dvc: { remote: { name: string; type: string } | null } | null;
      notes: string[];
    };
  };
}

/** init in `files` (a git repository on github.com), checked; returns the summary, the JSON and the PR workflow. */
async function adopt(files: Record<string, string>, ...args: string[]) {
  const dir = await tempDir();
  await gitRepo(dir, { remote: "https://github.com/acme/churn.git" });
  await writeFiles(dir, files);
  const text = await cli(dir, "init", ...args);
  expect(text.stderr).toBe("");
  expect(stackFrames(text.stdout)).toEqual([]);
  expect(text.exitCode).toBe(0);

  const check = await cli(dir, "check");
  expect(check.stderr).toBe("");
  expect(check.exitCode).toBe(0);
  const folder = path.join(dir, ".github", "workflows");
  const names = await readdir(folder);
  expect(names.length).toBeGreaterThanOrEqual(3);
  for (const name of names) {
    const file = path.join(folder, name);
    expect(await workflowYamlErrors(file), name).toEqual([]);
    expect(checkWorkflowSecurity(await readFile(file, "utf8"), name), name).toEqual([]);
  }
  // The same detection, as JSON, from a second init that writes nothing new (--force: the files are init's own).
  const json = JSON.parse((await cli(dir, "init", "--force", "--json", ...args)).stdout) as Detected;
  const pr = await readFile(path.join(folder, "mlops-pr.yml"), "utf8");
  const config = parse(await readFile(path.join(dir, "mlops.yml"), "utf8")) as {
    train: Record<string, unknown>;
    evaluate: Record<string, unknown>;
  };
  return { dir, summary: text.stdout, detected: json.detected.training, pr, config };
}

const PYPROJECT = '[project]\nname = "churn"\nrequires-python = ">=3.11"\ndependencies = ["scikit-learn"]\n';

describe("each Python environment: installed by its own tool in the workflows", () => {
  it.each([
    ["pip", { "train.py": "", "requirements.txt": "scikit-learn\n" }, "pip install -r requirements.txt"],
    ["uv", { "train.py": "", "pyproject.toml": PYPROJECT, "uv.lock": "version = 1\n" }, "uv sync --locked"],
    [
      "poetry",
      { "train.py": "", "pyproject.toml": '[tool.poetry]\nname = "churn"\n', "poetry.lock": "" },
      "poetry install --no-interaction",
    ],
    [
      "pipenv",
      { "train.py": "", Pipfile: '[packages]\nscikit-learn = "*"\n', "Pipfile.lock": "{}" },
      "pipenv install --dev --deploy",
    ],
    [
      "conda",
      { "train.py": "", "environment.yml": "name: churn\ndependencies:\n  - python=3.11\n  - scikit-learn\n" },
      '"$CONDA/bin/conda" env create --quiet --file environment.yml',
    ],
  ])("%s", async (installer, files, install) => {
    const { summary, detected, pr, config } = await adopt(files);
    expect(config.train.command).toBe("python train.py"); // the environment is on PATH: the command stays plain
    expect(detected.setup?.environment?.installer).toBe(installer);
    expect(detected.notes).toEqual([]);
    expect(summary).toMatch(new RegExp(`runtime: python [\\d.]+ \\(.*; ${installer} from `));
    expect(pr).toContain(install);
  });

  it("conda: the Python is the one the environment file pins, not .python-version or the default", async () => {
    const { summary, detected } = await adopt({
      "train.py": "",
      ".python-version": "3.12\n",
      "environment.yml": "name: churn\ndependencies:\n  - python>=3.10,<3.11\n  - scikit-learn\n",
    });
    expect(detected.setup).toMatchObject({ kind: "python", version: "3.10" });
    expect(summary).toContain(
      'runtime: python 3.10 (environment.yml; version from "python>=3.10,<3.11" in environment.yml;',
    );
  });

  it("no environment file: init says so, and the workflow keeps its note where to install", async () => {
    const { summary, detected, pr } = await adopt({ "train.py": "" });
    expect(detected.setup).toEqual({ kind: "python", version: "3.12" });
    expect(summary).toContain(
      "Note: no Python environment file (requirements.txt, pyproject.toml, Pipfile, environment.yml, environment.yaml, conda.yaml): the workflows set up Python only; install what training needs in their marked step.",
    );
    expect(pr).toContain("# No requirements.txt, pyproject.toml, Pipfile or environment.yml was found");
  });

  it("malformed environment files: noted, never a crash; the next file found is used", async () => {
    const { summary, detected, pr } = await adopt({
      "train.py": "",
      "pyproject.toml": "[project\nname = 1\n",
      "environment.yml": "dependencies: [python\n",
      "requirements.txt": "pandas\n",
    });
    expect(detected.setup?.environment?.installer).toBe("pip");
    expect(summary).toMatch(/Note: environment\.yml is not valid YAML \(.+\): ignored\./);
    expect(summary).toContain(
      "Note: pyproject.toml is not valid TOML (line 1: expected [table] or key = value): ignored.",
    );
    expect(pr).toContain("pip install -r requirements.txt");
  });
});

const PIPELINE = `stages:
  prepare:
    cmd: python src/prepare.py
    deps: [data/data.xml, src/prepare.py]
    params: [prepare.split]
    outs: [data/prepared]
  train:
    cmd: python src/train.py
    deps: [data/prepared, src/train.py]
    params: [train.n_est]
    outs: [model.pkl]
  evaluate:
    cmd: python src/evaluate.py
    deps: [model.pkl, data/prepared, src/evaluate.py]
    metrics:
      - eval/metrics.json: { cache: false }
`;

const DVC_PROJECT = {
  "dvc.yaml": PIPELINE,
  "params.yaml": "prepare:\n  split: 0.2\ntrain:\n  n_est: 50\n",
  "data/data.xml.dvc": "outs:\n- md5: a304afb96060aad90176268345e10355\n  path: data.xml\n",
  "src/prepare.py": "",
  "src/train.py": "",
  "src/evaluate.py": "",
  "requirements.txt": "scikit-learn\n",
  ".dvc/.gitignore": "/config.local\n",
};

describe("a DVC pipeline", () => {
  it("with an S3 remote: dvc repro in mlops.yml; the workflows install dvc[s3] and pull before training", async () => {
    const { summary, detected, pr, config } = await adopt({
      ...DVC_PROJECT,
      ".dvc/config": "[core]\n    remote = storage\n['remote \"storage\"']\n    url = s3://acme-dvc/get-started\n",
      ".dvc/config.local": "['remote \"storage\"']\n    access_key_id = AKIAEXAMPLE\n    secret_access_key = s3cr3t\n",
    });
    expect(config.train).toMatchObject({
      command: "dvc repro train",
      params: "params.yaml",
      outputs: ["model.pkl"],
      inputs: ["dvc.yaml", "data/data.xml.dvc", "src/prepare.py", "src/train.py"],
    });
    expect(config.evaluate).toMatchObject({ command: "dvc repro evaluate", metrics_file: "eval/metrics.json" });
    expect(detected.dvc).toEqual({ remote: { name: "storage", type: "s3", extra: "s3" } });
    expect(summary).toContain(
      'DVC: remote "storage" (s3): the workflows install dvc[s3] and run `dvc pull` before training',
    );
    const steps = (parse(pr) as { jobs: { gate: { steps: { name?: string; run?: string; uses?: string }[] } } }).jobs
      .gate.steps;
    const at = (match: (step: { name?: string; run?: string; uses?: string }) => boolean): number =>
      steps.findIndex(match);
    const pull = at((s) => s.run === "dvc pull");
    expect(at((s) => s.run === 'pipx install "dvc[s3]"')).toBeGreaterThan(
      at((s) => s.run?.startsWith("pip install") ?? false),
    );
    expect(pull).toBeGreaterThan(at((s) => s.run === 'pipx install "dvc[s3]"'));
    expect(pull).toBeLessThan(at((s) => s.uses?.includes("/actions/train@") ?? false));
    expect(pr).toContain('# DVC remote "storage" (s3) needs AWS credentials');
    for (const text of [summary, pr, JSON.stringify(detected)]) expect(text).not.toMatch(/AKIAEXAMPLE|s3cr3t|acme-dvc/);
  });

  it("without a remote: DVC installed for dvc repro, no pull; --workflows follows a command changed by hand", async () => {
    const { dir, summary, pr } = await adopt(DVC_PROJECT);
    expect(summary).toContain("DVC: no default remote in .dvc/config, so the workflows do not run `dvc pull`.");
    expect(pr).toContain('pipx install "dvc"');
    expect(pr).not.toContain("dvc pull");

    expect((await cli(dir, "config", "set", "train.command", "python src/train.py")).exitCode).toBe(0);
    expect((await cli(dir, "config", "set", "evaluate.command", "python src/evaluate.py")).exitCode).toBe(0);
    expect((await cli(dir, "init", "--workflows")).exitCode).toBe(0);
    expect(await readFile(path.join(dir, ".github", "workflows", "mlops-pr.yml"), "utf8")).not.toContain("dvc");
  });

  it("data tracked by DVC without a pipeline: the training command is the project's own, the data is pulled", async () => {
    const { config, pr } = await adopt({
      "train.py": "",
      "requirements.txt": "",
      "data.dvc": "outs:\n- md5: 0cc175b9c0f1b6a831c399e269772661.dir\n  path: data\n",
      ".dvc/config":
        "[core]\n    remote = public\n['remote \"public\"']\n    url = https://remote.dvc.org/get-started\n",
    });
    expect(config.train.command).toBe("python train.py");
    expect(pr).toContain('pipx install "dvc"');
    expect(pr).toContain('# DVC remote "public" (https) needs nothing when its URL is public');
    expect(pr).toContain("run: dvc pull");
  });

  it("a malformed dvc.yaml, a dvc.yaml without a train stage: a note each, and a config that passes check", async () => {
    const malformed = await adopt({ "dvc.yaml": "stages: [\n", "train.py": "", "requirements.txt": "" });
    expect(malformed.config.train.command).toBe("python train.py");
    expect(malformed.summary).toMatch(/Note: dvc\.yaml is not valid YAML \(.+\): its stages were not read\./);

    const noTrain = await adopt({
      "dvc.yaml": "stages:\n  build:\n    cmd: python build.py\n    outs: [out/]\n",
      "requirements.txt": "",
    });
    expect(noTrain.config.train).toMatchObject({ command: "dvc repro", outputs: ["out/"] });
    expect(noTrain.summary).toContain("Note: dvc.yaml has no stage named like train (stages: build)");
  });
});
