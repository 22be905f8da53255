import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { maintenancePolicy, readPolicy, trustPolicy, writePolicy } from "../../src/init/aws-policy.ts";
import { GATE_CHECK } from "../../src/init/workflows.ts";
import { runCli, stackFrames } from "../helpers/cli.ts";
import { workflowYamlErrors } from "../helpers/github-yaml.ts";
import { findOperation, requestProblems } from "../helpers/openapi.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";
import { checkWorkflowSecurity } from "../helpers/workflow-security.ts";
import { git, gitEnv, gitRepo } from "../helpers/git.ts";

/**
 * `mlops init` end to end, in real folders with real git: what it writes (valid for GitHub's parser, secure, a config
 * `mlops check` accepts), what it refuses to overwrite, and the next steps it prints.
 */

const env = gitEnv();
const init = (cwd: string, ...args: string[]) => runCli(["init", ...args], { cwd, env });

interface InitJson {
  ok: true;
  written: { path: string; repoPath: string; purpose: string }[];
  detected: {
    repository: { host: string; owner: string; repo: string } | null;
    defaultBranch: string;
    workingDirectory: string;
    training: { command: string | null; setup: { kind: string; version: string } | null };
  };
  nextSteps: {
    requiredCheck: string;
    ruleset: unknown;
    idsCommand: string;
    aws: {
      bucket: string;
      prefix: string;
      variables: { name: string }[];
      roles: Record<"read" | "write", { permissions: unknown; trust: unknown; trusts: string[] }>;
    } | null;
    notes: string[];
  };
}

/** A Python project in a git repository whose origin is acme/churn and whose default branch is trunk. */
async function pythonRepo(): Promise<string> {
  const dir = await tempDir();
  await gitRepo(dir, { branch: "trunk", remote: "https://github.com/acme/churn.git" });
  await git(dir, "symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/trunk");
  await writeFiles(dir, { "train.py": "", "requirements.txt": "scikit-learn\n", ".python-version": "3.11\n" });
  return dir;
}

async function workflowFiles(root: string): Promise<string[]> {
  const folder = path.join(root, ".github", "workflows");
  return existsSync(folder) ? (await readdir(folder)).sort() : [];
}

/** Every workflow file under `root`: zero parser errors and zero security findings. */
async function expectValidAndSecure(root: string): Promise<void> {
  const names = await workflowFiles(root);
  expect(names.length).toBeGreaterThanOrEqual(3);
  for (const name of names) {
    const file = path.join(root, ".github", "workflows", name);
    expect(await workflowYamlErrors(file), name).toEqual([]);
    expect(checkWorkflowSecurity(await readFile(file, "utf8"), name), name).toEqual([]);
  }
}

async function expectCheckPasses(cwd: string, config = "mlops.yml"): Promise<void> {
  const check = await runCli(["check", "--config", config], { cwd, env });
  expect(check.stderr).toBe("");
  expect(check.exitCode).toBe(0);
}

describe("every file init writes is valid and secure, and the config passes mlops check", () => {
  const cases: [string, () => Promise<{ root: string; cwd: string; args: string[] }>][] = [
    [
      "Python, S3 registry, a schedule",
      async () => {
        const root = await pythonRepo();
        return { root, cwd: root, args: ["--registry", "s3://ml-models/registry", "--schedule", "17 3 * * 1"] };
      },
    ],
    [
      "Node, local registry, regression",
      async () => {
        const root = await tempDir();
        await gitRepo(root, { remote: "git@github.com:acme/prices.git" });
        await writeFiles(root, { "package.json": JSON.stringify({ scripts: { train: "node train.mjs" } }) });
        return { root, cwd: root, args: ["--task", "regression"] };
      },
    ],
    [
      "Makefile in a monorepo's subfolder, S3 registry",
      async () => {
        const root = await tempDir();
        await gitRepo(root, { remote: "https://github.com/acme/platform" });
        const cwd = path.join(root, "models", "churn");
        await writeFiles(cwd, { Makefile: "train:\n\t./train.sh\n" });
        return { root, cwd, args: ["--registry", "s3://ml-models/churn"] };
      },
    ],
    [
      "DVC with --python, regression, a schedule",
      async () => {
        const root = await tempDir();
        await gitRepo(root);
        await writeFiles(root, {
          "dvc.yaml": "stages:\n  train:\n    cmd: python -m src.train\n    outs: [model.pkl]\n",
        });
        return { root, cwd: root, args: ["--python", "3.13", "--task", "regression", "--schedule", "45 4 * * 2"] };
      },
    ],
    [
      "nothing detected, outside git",
      async () => {
        const root = await tempDir();
        return { root, cwd: root, args: [] };
      },
    ],
  ];

  it.each(cases)("%s", async (_, setup) => {
    const { root, cwd, args } = await setup();
    const result = await init(cwd, ...args);
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    await expectValidAndSecure(root);
    await expectCheckPasses(cwd);
  });
});

describe("what init writes", () => {
  it("mlops.yml and the workflows for the detected repository: Python set up, S3 by OIDC, the retrain schedule", async () => {
    const dir = await pythonRepo();
    const result = await init(dir, "--registry", "s3://ml-models/registry", "--schedule", "17 3 * * 1", "--json");
    expect(result.exitCode).toBe(0);
    const json = JSON.parse(result.stdout) as InitJson;
    expect(json.written.map((w) => w.path)).toEqual([
      "mlops.yml",
      ".gitignore",
      ".github/workflows/mlops-pr.yml",
      ".github/workflows/mlops-pr-report.yml",
      ".github/workflows/mlops-main.yml",
      ".github/workflows/mlops-retrain.yml",
    ]);
    expect(await workflowFiles(dir)).toEqual([
      "mlops-main.yml",
      "mlops-pr-report.yml",
      "mlops-pr.yml",
      "mlops-retrain.yml",
    ]);
    expect(json.detected).toMatchObject({
      repository: { host: "github.com", owner: "acme", repo: "churn" },
      defaultBranch: "trunk",
      workingDirectory: ".",
      training: { command: "python train.py", setup: { kind: "python", version: "3.11" } },
    });

    const config = parse(await readFile(path.join(dir, "mlops.yml"), "utf8")) as Record<
      string,
      Record<string, unknown>
    >;
    expect(config.model?.name).toBe(
      path
        .basename(dir)
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, "-"),
    );
    expect(config.train?.command).toBe("python train.py");
    expect(config.train?.params).toBeUndefined(); // no params file: a params line would fail training
    expect(config.registry).toEqual({ uri: "s3://ml-models/registry" });
    expect(config.retrain?.schedule).toBe("17 3 * * 1");

    const workflow = async (name: string) =>
      parse(await readFile(path.join(dir, ".github", "workflows", name), "utf8")) as {
        on: Record<string, unknown>;
        jobs: Record<string, { name?: string; steps: { uses?: string; with?: Record<string, unknown> }[] }>;
      };
    const pr = await workflow("mlops-pr.yml");
    expect(pr.jobs.gate?.name).toBe(GATE_CHECK);
    expect(pr.jobs.gate?.steps.find((s) => s.uses?.startsWith("actions/setup-python@"))?.with).toEqual({
      "python-version": "3.11",
      cache: "pip",
      "cache-dependency-path": "requirements.txt",
    });
    expect(pr.jobs.gate?.steps.find((s) => s.uses?.startsWith("aws-actions/"))?.with?.["role-to-assume"]).toBe(
      "${{ vars.MLOPS_AWS_READ_ROLE_ARN }}",
    );
    expect((await workflow("mlops-main.yml")).on.push).toEqual({ branches: ["trunk"] });
    expect((await workflow("mlops-retrain.yml")).on.schedule).toEqual([{ cron: "17 3 * * 1" }]);
  });

  it("no retrain workflow without a schedule, no AWS steps for a local registry", async () => {
    const dir = await pythonRepo();
    expect((await init(dir)).exitCode).toBe(0);
    expect(await workflowFiles(dir)).toEqual(["mlops-main.yml", "mlops-pr-report.yml", "mlops-pr.yml"]);
    for (const name of await workflowFiles(dir)) {
      expect(await readFile(path.join(dir, ".github", "workflows", name), "utf8")).not.toContain("aws-actions");
    }
  });

  it("in a monorepo's subfolder: workflows at the repository root, each step in the subfolder", async () => {
    const root = await tempDir();
    await gitRepo(root, { remote: "git@github.com:acme/platform.git" });
    const sub = path.join(root, "models", "churn");
    await writeFiles(sub, { "train.py": "" });
    const result = await init(sub, "--json");
    expect(result.exitCode).toBe(0);
    const json = JSON.parse(result.stdout) as InitJson;
    expect(json.written.map((w) => w.path)).toEqual([
      "mlops.yml",
      ".gitignore",
      "../../.github/workflows/mlops-pr.yml",
      "../../.github/workflows/mlops-pr-report.yml",
      "../../.github/workflows/mlops-main.yml",
    ]);
    expect(json.written.map((w) => w.repoPath)).toEqual([
      "models/churn/mlops.yml",
      "models/churn/.gitignore",
      ".github/workflows/mlops-pr.yml",
      ".github/workflows/mlops-pr-report.yml",
      ".github/workflows/mlops-main.yml",
    ]);
    expect(existsSync(path.join(sub, ".github"))).toBe(false);
    const pr = await readFile(path.join(root, ".github", "workflows", "mlops-pr.yml"), "utf8");
    expect(pr).toContain("working-directory: models/churn");
    expect(json.detected.workingDirectory).toBe("models/churn");
    expect(parse(await readFile(path.join(sub, "mlops.yml"), "utf8"))).toMatchObject({ model: { name: "churn" } });
  });

  it("--config names the file (and its folder) to write, from the repository root", async () => {
    const root = await tempDir();
    await gitRepo(root, { remote: "https://github.com/acme/platform.git" });
    const result = await init(root, "--config", "models/fraud/ml.yml", "--name", "fraud");
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    const pr = await readFile(path.join(root, ".github", "workflows", "mlops-pr.yml"), "utf8");
    expect(pr).toContain("working-directory: models/fraud");
    expect(pr).toContain("config: ml.yml");
    expect(result.stdout).toContain(
      "npx mlops-kit check --config models/fraud/ml.yml && npx mlops-kit run --config models/fraud/ml.yml",
    );
    await expectCheckPasses(root, "models/fraud/ml.yml");
  });

  it("--no-workflows writes only mlops.yml (and the workspace into .gitignore)", async () => {
    const dir = await pythonRepo();
    const result = await init(dir, "--no-workflows", "--json");
    expect(result.exitCode).toBe(0);
    expect((JSON.parse(result.stdout) as InitJson).written.map((w) => w.path)).toEqual(["mlops.yml", ".gitignore"]);
    expect(existsSync(path.join(dir, ".github"))).toBe(false);
  });

  it("train.py's own modules go into train.inputs, and the predictions it writes into train.outputs", async () => {
    const dir = await pythonRepo();
    await writeFiles(dir, { "train.py": "import sklearn\nfrom predict import score\n", "predict.py": "" });
    expect((await init(dir, "--no-workflows")).exitCode).toBe(0);
    const config = parse(await readFile(path.join(dir, "mlops.yml"), "utf8")) as {
      train: { inputs: string[]; outputs: string[] };
      evaluate: { command?: string; predictions: string };
    };
    // No evaluate command: training writes the predictions, and a run cache hit must restore them with the model.
    expect(config.evaluate).toEqual({ predictions: "predictions.csv" });
    expect(config.train.outputs).toEqual(["model/", "predictions.csv"]);
    expect(config.train.inputs).toEqual(["predict.py"]);
  });

  it("a detected command that YAML would misread is quoted and reads back as it was; DVC's params.yaml is used", async () => {
    const dir = await tempDir();
    await gitRepo(dir);
    const command = "dvc repro 'train #1: fast'";
    await writeFiles(dir, {
      "dvc.yaml": 'stages:\n  "train #1: fast":\n    cmd: python train.py\n    params: [lr]\n',
      "params.yaml": "lr: 0.1\n",
    });
    expect((await init(dir)).exitCode).toBe(0);
    const config = parse(await readFile(path.join(dir, "mlops.yml"), "utf8")) as {
      train: { command: string; params: string };
    };
    expect(config.train.command).toBe(command);
    expect(config.train.params).toBe("params.yaml");
  });
});

describe("never overwrites without --force", () => {
  it("checks every target first: writes nothing, names each existing file, exit 2", async () => {
    const dir = await pythonRepo();
    await writeFiles(dir, { "mlops.yml": "# mine\n", ".github/workflows/mlops-main.yml": "# mine too\n" });
    const refused = await init(dir);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toBe(
      "error: mlops.yml, .github/workflows/mlops-main.yml already exist\n" +
        "  hint: to keep mlops.yml and regenerate the workflows from it, run `npx mlops-kit init --workflows`; to start " +
        "over, pass --force to overwrite them; nothing was written\n",
    );
    expect(await workflowFiles(dir)).toEqual(["mlops-main.yml"]);
    expect(await readFile(path.join(dir, "mlops.yml"), "utf8")).toBe("# mine\n");
    expect(existsSync(path.join(dir, ".gitignore"))).toBe(false);

    const json = await init(dir, "--json");
    expect(json.exitCode).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { kind: "UsageError" } });
  });

  it("one existing workflow is enough to refuse", async () => {
    const dir = await pythonRepo();
    await writeFiles(dir, { ".github/workflows/mlops-pr-report.yml": "# mine\n" });
    const refused = await init(dir);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain("error: .github/workflows/mlops-pr-report.yml already exists\n");
    expect(existsSync(path.join(dir, "mlops.yml"))).toBe(false);
  });

  it("an mlops.yaml counts as the config", async () => {
    const dir = await pythonRepo();
    await writeFiles(dir, { "mlops.yaml": "# mine\n" });
    const refused = await init(dir, "--no-workflows");
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain("error: mlops.yaml already exists");
  });

  it("--force overwrites every target", async () => {
    const dir = await pythonRepo();
    await writeFiles(dir, { "mlops.yml": "# mine\n", ".github/workflows/mlops-main.yml": "# mine too\n" });
    const forced = await init(dir, "--force");
    expect(forced.exitCode).toBe(0);
    expect(await readFile(path.join(dir, "mlops.yml"), "utf8")).toContain("command: python train.py");
    expect(await readFile(path.join(dir, ".github", "workflows", "mlops-main.yml"), "utf8")).toContain(
      "name: mlops main",
    );
    await expectValidAndSecure(dir);
  });

  it("options that make a config mlops check refuses: exit 2, nothing written", async () => {
    const dir = await pythonRepo();
    const badCron = await init(dir, "--schedule", "17 3 * *");
    expect(badCron.exitCode).toBe(2);
    expect(badCron.stderr).toContain("retrain.schedule: invalid cron schedule");
    expect(badCron.stderr).toContain("nothing was written");
    const outside = await init(dir, "--registry", "../elsewhere");
    expect(outside.exitCode).toBe(2);
    expect(outside.stderr).toContain("registry.uri");
    const bucket = await init(dir, "--registry", "s3://Not_A_Bucket/x");
    expect(bucket.exitCode).toBe(2);
    const both = await init(dir, "--python", "3.12", "--node", "22");
    expect(both.exitCode).toBe(2);
    const version = await init(dir, "--python", '3.12"; curl evil');
    expect(version.exitCode).toBe(2);
    expect(existsSync(path.join(dir, "mlops.yml"))).toBe(false);
    expect(await workflowFiles(dir)).toEqual([]);
  });

  it("a default branch the workflow files could not hold is refused with a way out", async () => {
    const dir = await tempDir();
    await gitRepo(dir, { branch: "odd#branch" });
    const refused = await init(dir);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('the default branch "odd#branch"');
    expect((await init(dir, "--no-workflows")).exitCode).toBe(0);
  });
});

describe("the next steps", () => {
  it("name the required check, the variables, the policies and both subject formats for the detected repository", async () => {
    const dir = await pythonRepo();
    const result = await init(dir, "--registry", "s3://ml-models/registry");
    expect(result.exitCode).toBe(0);
    const text = result.stdout;
    expect(text).toContain(`Make "${GATE_CHECK}" a required status check on trunk.`);
    expect(text).toContain("Rulesets");
    expect(text).toContain("gh api --method POST repos/acme/churn/rulesets");
    for (const variable of ["MLOPS_AWS_ROLE_ARN", "MLOPS_AWS_READ_ROLE_ARN", "MLOPS_AWS_REGION"])
      expect(text).toContain(variable);
    for (const subject of [
      '"repo:acme/churn:ref:refs/heads/trunk"',
      '"repo:acme@<OWNER_ID>/churn@<REPO_ID>:ref:refs/heads/trunk"',
      '"repo:acme/churn:pull_request"',
      '"repo:acme@<OWNER_ID>/churn@<REPO_ID>:pull_request"',
    ])
      expect(text).toContain(subject);
    expect(text).toContain("gh api repos/acme/churn --jq");
    expect(text).toContain('"Resource": "arn:aws:s3:::ml-models/registry/*"');
    expect(text).toContain("GITHUB_TOKEN");
    expect(text).toContain("GitHub App");
    expect(text).toContain("npx mlops-kit check && npx mlops-kit run --no-publish");
    expect(text.indexOf("Run it locally first")).toBeLessThan(text.indexOf("required status check"));
    // The policies printed are the ones built in src/init/aws-policy.ts.
    const printed = [...text.matchAll(/^ {6}\{\n[\s\S]*?^ {6}\}$/gm)].map((m) => JSON.parse(m[0]) as unknown);
    const registry = { bucket: "ml-models", prefix: "registry" };
    const repository = { owner: "acme", repo: "churn" };
    expect(printed).toEqual([
      writePolicy(registry),
      trustPolicy(repository, "write", "trunk"),
      readPolicy(registry),
      trustPolicy(repository, "read", "trunk"),
      maintenancePolicy(registry),
    ]);
    expect(text).toContain("e. The read-write role cannot replace nor delete versions or alias history");
  });

  it("--json carries the same steps as data; the ruleset is a request GitHub documents", async () => {
    const dir = await pythonRepo();
    const result = await init(dir, "--registry", "s3://ml-models/team/registry", "--json");
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain("Next steps:");
    const { nextSteps } = JSON.parse(result.stdout) as InitJson;
    expect(nextSteps.requiredCheck).toBe("mlops gate");
    expect(nextSteps.idsCommand).toBe(`gh api repos/acme/churn --jq '"OWNER_ID=\\(.owner.id) REPO_ID=\\(.id)"'`);
    expect(nextSteps.aws?.bucket).toBe("ml-models");
    expect(nextSteps.aws?.prefix).toBe("team/registry");
    expect(nextSteps.aws?.variables.map((v) => v.name)).toEqual([
      "MLOPS_AWS_ROLE_ARN",
      "MLOPS_AWS_READ_ROLE_ARN",
      "MLOPS_AWS_REGION",
    ]);
    expect(nextSteps.aws?.roles.write.trusts).toEqual([
      "repo:acme/churn:ref:refs/heads/trunk",
      "repo:acme@<OWNER_ID>/churn@<REPO_ID>:ref:refs/heads/trunk",
    ]);
    expect(nextSteps.aws?.roles.read.trusts).toEqual([
      "repo:acme/churn:pull_request",
      "repo:acme@<OWNER_ID>/churn@<REPO_ID>:pull_request",
    ]);
    const operation = findOperation("POST", "/repos/acme/churn/rulesets");
    expect(operation).toBeDefined();
    if (operation) expect(requestProblems(operation, new URLSearchParams(), nextSteps.ruleset)).toEqual([]);
  });

  it("without a remote: placeholders and a note; a local registry: no AWS steps, and a note why a bucket matters", async () => {
    const dir = await tempDir();
    await gitRepo(dir);
    const result = await init(dir, "--json");
    expect(result.exitCode).toBe(0);
    const { nextSteps, detected } = JSON.parse(result.stdout) as InitJson;
    expect(detected.repository).toBeNull();
    expect(nextSteps.aws).toBeNull();
    expect(nextSteps.notes.join("\n")).toContain("no GitHub remote named origin");
    expect(nextSteps.notes.join("\n")).toContain("the registry is a local folder");
    expect(result.stderr).toContain("gh api --method POST repos/<OWNER>/<REPO>/rulesets");

    const s3 = await tempDir();
    await gitRepo(s3);
    const withBucket = await init(s3, "--registry", "s3://ml-models/registry");
    expect(withBucket.stdout).toContain('"repo:<OWNER>/<REPO>:pull_request"');
  });
});

describe("a folder that cannot be made", () => {
  it("is a clear error before any file is written", async () => {
    const dir = await pythonRepo();
    await writeFiles(dir, { ".github/workflows": "a file where the folder should be\n" });
    const result = await init(dir);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^error: cannot create the folder \S+workflows: /);
    expect(stackFrames(result.stderr)).toEqual([]);
    expect(existsSync(path.join(dir, "mlops.yml"))).toBe(false);
  });
});
