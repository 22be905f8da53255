import { chmod, copyFile, cp, readFile, rename } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { type CliResult, runCli, stackFrames } from "../helpers/cli.ts";
import { git, gitRepo } from "../helpers/git.ts";
import { debianPythonMissing, pathWithDebianPython } from "../helpers/python.ts";
import { REPO, removeDir, tempDir } from "../helpers/temp.ts";

/**
 * Issue 16's "done when": three shapes of Python project (test/fixtures/adopt, see its README), each a git repository
 * with an `origin` on github.com, adopted by `mlops init` with no flags but `--registry` (a local folder, so nothing
 * reaches GitHub), then a green `mlops run` with what init wrote, untouched. Each shape checks what init guessed:
 * the data files and target, the training command, params and metrics files, and how the workflows install the
 * environment. Commands run with Debian's Python first on PATH; for the DVC shape, a stand-in `dvc`
 * (test/fixtures/adopt/dvc-stand-in.py: DVC cannot be installed on the test machines) runs `dvc repro`.
 */

const FIXTURES = path.join(REPO, "test", "fixtures", "adopt");
const missing = debianPythonMissing();

interface Config {
  data: { train: string; eval: string; target: string };
  train: { command: string; params?: string };
  evaluate?: { command?: string; predictions?: unknown; metrics_file?: string | string[] };
}

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}

interface RunJson {
  exitCode: number;
  stages: {
    stage: string;
    verdict?: string;
    status?: string;
    metrics?: Record<string, number>;
    version?: string;
    promoted?: string | null;
  }[];
}

interface Shape {
  name: "pip" | "dvc" | "conda";
  data: Config["data"];
  params: string;
  /** The training command init should propose. */
  command: RegExp;
  /** What the pull-request workflow's steps must do to set the environment up. */
  environment: (steps: Step[], initText: string) => void;
}

const runs = (steps: Step[]): string => steps.map((step) => step.run ?? "").join("\n");

const SHAPES: Shape[] = [
  {
    name: "pip",
    data: { train: "data/train.csv", eval: "data/test.csv", target: "target" },
    params: "params.json",
    command: /^python3? train\.py$/,
    environment: (steps) => {
      const python = steps.find((step) => step.uses?.startsWith("actions/setup-python@"));
      expect(python, "Python is set up").toBeDefined();
      const cached = python?.with?.cache === "pip" || steps.some((step) => step.uses?.startsWith("actions/cache@"));
      expect(cached, "pip's downloads are cached (setup-python's cache: pip, or actions/cache)").toBe(true);
      expect(runs(steps)).toContain("pip install -r requirements.txt");
    },
  },
  {
    name: "dvc",
    data: { train: "data/prepared/train.tsv", eval: "data/prepared/test.tsv", target: "diagnosis" },
    params: "params.yaml",
    command: /^dvc repro(?: [\w-]+)*$/,
    environment: (steps) => {
      expect(runs(steps)).toContain("pip install -r requirements.txt");
      // .dvc/config names a remote: the data comes from it before training.
      expect(runs(steps)).toMatch(/^dvc pull\b/m);
    },
  },
  {
    name: "conda",
    data: { train: "data/train.csv", eval: "data/valid.csv", target: "species" },
    params: "params.yml",
    command: /^python3? train\.py$/,
    environment: (steps, initText) => {
      // The runner's own conda ($CONDA) creates the environment from the file, with conda's downloads cached.
      expect(runs(steps)).toMatch(/"\$CONDA\/bin\/conda" env create .*--file environment\.yml/);
      const cache = steps.find((step) => step.uses?.startsWith("actions/cache@"));
      expect(JSON.stringify(cache?.with ?? {}), "conda's downloads are cached by the environment file").toContain(
        "hashFiles('environment.yml')",
      );
      expect(initText).toContain("environment.yml");
    },
  },
];

describe.skipIf(missing !== null).each(SHAPES)("adopting a $name project", (shape) => {
  let root = "";
  let project = "";
  let env: NodeJS.ProcessEnv = {};
  let init: CliResult;
  let config: Config;

  beforeAll(async () => {
    root = await tempDir({ keep: true });
    project = path.join(root, shape.name);
    await cp(path.join(FIXTURES, shape.name), project, { recursive: true });
    // The fixtures keep their .gitignore files as _gitignore, so that the kit's own git does not apply them.
    for (const folder of ["", "data", ".dvc"]) {
      await rename(path.join(project, folder, "_gitignore"), path.join(project, folder, ".gitignore")).catch(
        () => undefined,
      );
    }
    env = { PATH: await pathWithDebianPython(root) };
    await copyFile(path.join(FIXTURES, "dvc-stand-in.py"), path.join(root, "bin", "dvc"));
    await chmod(path.join(root, "bin", "dvc"), 0o755);
    await gitRepo(project, { remote: `https://github.com/octo-org/${shape.name}-project.git` });
    await git(project, "add", "-A");
    await git(project, "-c", "user.name=Dev", "-c", "user.email=dev@example.com", "commit", "-qm", "the project");
    init = await runCli(["init", "--registry", ".mlops/registry"], { cwd: project, env });
    config = parseYaml(await readFile(path.join(project, "mlops.yml"), "utf8").catch(() => "{}")) as Config;
  }, 120_000);
  afterAll(() => removeDir(root));

  it("init writes mlops.yml and the workflows", () => {
    expect(init.exitCode, init.stderr).toBe(0);
    expect(init.stdout).toContain("Repository: github.com/octo-org/");
  });

  it("init finds the data files and the target column", () => {
    expect(config.data).toMatchObject(shape.data);
  });

  it("init finds the training command and its params file", () => {
    expect(config.train.command).toMatch(shape.command);
    expect(config.train.params).toBe(shape.params);
  });

  it.runIf(shape.name === "dvc")("init feeds the DVC metrics file to evaluate.metrics_file", () => {
    expect([config.evaluate?.metrics_file].flat()).toContain("eval/metrics.json");
  });

  it("the workflows install the environment with the project's tool", async () => {
    const workflow = parseYaml(await readFile(path.join(project, ".github/workflows/mlops-pr.yml"), "utf8")) as {
      jobs: Record<string, { steps: Step[] }>;
    };
    shape.environment(
      Object.values(workflow.jobs).flatMap((job) => job.steps),
      init.stdout,
    );
  });

  it("mlops run, as init advises, is green with what init wrote: validate, train, evaluate, gate", async () => {
    expect(init.stdout).toContain("npx mlops-kit check && npx mlops-kit run --no-publish");
    const check = await runCli(["check"], { cwd: project, env });
    expect(check.exitCode, check.stdout + check.stderr).toBe(0);
    const run = await runCli(["run", "--no-publish", "--json"], { cwd: project, env });
    expect(stackFrames(run.stderr)).toEqual([]);
    const json = JSON.parse(run.stdout) as Partial<RunJson>;
    expect(json.stages, `${run.stdout}\n${run.stderr}`).toBeDefined();
    expect(
      json.stages?.map((s) => [s.stage, s.verdict ?? s.status]),
      run.stderr,
    ).toEqual([
      ["validate", "pass"],
      ["train", "ok"],
      ["evaluate", "ok"],
      ["gate", "pass"],
    ]);
    expect(run.exitCode).toBe(0);
    const metrics = json.stages?.find((s) => s.stage === "evaluate")?.metrics ?? {};
    expect(metrics.accuracy).toBeGreaterThan(0.7);
    if (shape.name === "dvc") {
      // The evaluate stage's own metrics file reached the kit.
      const file = JSON.parse(await readFile(path.join(project, "eval/metrics.json"), "utf8")) as {
        roc_auc: { test: number };
      };
      expect(metrics["roc_auc.test"]).toBe(file.roc_auc.test);
    }
  }, 120_000);

  it("committed, mlops run publishes the first version to the registry and promotes it to champion", async () => {
    await git(project, "add", "-A");
    await git(project, "-c", "user.name=Dev", "-c", "user.email=dev@example.com", "commit", "-qm", "mlops-kit");
    const run = await runCli(["run", "--json"], { cwd: project, env });
    const json = JSON.parse(run.stdout) as Partial<RunJson>;
    const publish = json.stages?.find((s) => s.stage === "publish");
    expect(publish, `${run.stdout}\n${run.stderr}`).toMatchObject({ promoted: "champion" });
    expect(run.exitCode).toBe(0);
    const list = await runCli(["models", "list", "--json"], { cwd: project, env });
    expect(list.exitCode, list.stderr).toBe(0);
    const listed = JSON.parse(list.stdout) as { versions: { version: string }[]; aliases: Record<string, string> };
    expect(listed.versions.map((v) => v.version)).toEqual([publish?.version]);
    expect(listed.aliases).toEqual({ champion: publish?.version });
  }, 120_000);
});
