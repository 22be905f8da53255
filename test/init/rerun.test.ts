import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli } from "../helpers/cli.ts";
import { workflowYamlErrors } from "../helpers/github-yaml.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";
import { checkWorkflowSecurity } from "../helpers/workflow-security.ts";
import { git, gitEnv, gitRepo } from "../helpers/git.ts";

/**
 * Running `mlops init` again without losing anything: `--workflows` regenerates only the workflows from the mlops.yml
 * on disk and keeps a workflow edited by hand; init keeps `.mlops/` out of git; its advice never says --force.
 */

const env = gitEnv();
const init = (cwd: string, ...args: string[]) => runCli(["init", ...args], { cwd, env });
const read = (...parts: string[]) => readFile(path.join(...parts), "utf8");

interface RefreshJson {
  ok: true;
  written: { path: string; repoPath: string }[];
  kept: { path: string; repoPath: string }[];
}

/** A Python project whose origin is acme/churn, with origin/HEAD set (no guessed branch). */
async function pythonRepo(): Promise<string> {
  const dir = await tempDir();
  await gitRepo(dir, { branch: "trunk", remote: "https://github.com/acme/churn.git" });
  await git(dir, "symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/trunk");
  await writeFiles(dir, { "train.py": "", "requirements.txt": "scikit-learn\n" });
  return dir;
}

async function workflowFiles(root: string): Promise<string[]> {
  const folder = path.join(root, ".github", "workflows");
  return existsSync(folder) ? (await readdir(folder)).sort() : [];
}

const workflow = (dir: string, name: string) => read(dir, ".github", "workflows", name);

describe("init --workflows regenerates only the workflows, from the current mlops.yml", () => {
  it("a retrain schedule added to mlops.yml adds mlops-retrain.yml; mlops.yml stays byte for byte", async () => {
    const dir = await pythonRepo();
    expect((await init(dir)).exitCode).toBe(0);
    expect(await workflowFiles(dir)).toEqual(["mlops-main.yml", "mlops-pr-report.yml", "mlops-pr.yml"]);
    const written = await read(dir, "mlops.yml");
    const edited = written.replace(
      /^# retrain: .*$/m,
      'retrain:\n  schedule: "5 4 * * 2" # weekly, my own comment\n  when: { drift: false, new_data: true }',
    );
    expect(edited).not.toBe(written);
    await writeFile(path.join(dir, "mlops.yml"), edited);
    const gitignore = await read(dir, ".gitignore");

    const refreshed = await init(dir, "--workflows");
    expect(refreshed.stderr).toBe("");
    expect(refreshed.exitCode).toBe(0);
    expect(refreshed.stdout).toContain("Wrote (from mlops.yml, left as it was):\n");
    expect(refreshed.stdout).toContain("  .github/workflows/mlops-retrain.yml: ");
    expect(refreshed.stdout).not.toContain("Kept");
    expect(await read(dir, "mlops.yml")).toBe(edited);
    expect(await read(dir, ".gitignore")).toBe(gitignore);
    expect(await workflowFiles(dir)).toEqual([
      "mlops-main.yml",
      "mlops-pr-report.yml",
      "mlops-pr.yml",
      "mlops-retrain.yml",
    ]);
    expect(await workflow(dir, "mlops-retrain.yml")).toContain('- cron: "5 4 * * 2"');
    for (const name of await workflowFiles(dir)) {
      const file = path.join(dir, ".github", "workflows", name);
      expect(await workflowYamlErrors(file), name).toEqual([]);
      expect(checkWorkflowSecurity(await readFile(file, "utf8"), name), name).toEqual([]);
    }
  });

  it("a monitor section added to mlops.yml adds mlops-monitor.yml on its schedule and shards; removed, removes it", async () => {
    const dir = await pythonRepo();
    expect((await init(dir)).exitCode).toBe(0);
    const written = await read(dir, "mlops.yml");
    const monitor = 'monitor:\n  logs: { path: "s3://serving/logs/*.jsonl" }\n  schedule: "40 6 * * *"\n  shards: 3\n';
    await writeFile(path.join(dir, "mlops.yml"), `${written}${monitor}`);

    const refreshed = await init(dir, "--workflows");
    expect(refreshed.stderr).toBe("");
    expect(refreshed.exitCode).toBe(0);
    expect(refreshed.stdout).toContain(
      "  .github/workflows/mlops-monitor.yml: scheduled monitoring of the served model (40 6 * * *, UTC): new windows",
    );
    expect(refreshed.stdout).toContain("split over 3 matrix legs and merged");
    expect(await workflowFiles(dir)).toContain("mlops-monitor.yml");
    const file = path.join(dir, ".github", "workflows", "mlops-monitor.yml");
    const content = await readFile(file, "utf8");
    expect(content).toContain('- cron: "40 6 * * *"');
    expect(content).toContain("shard: [1, 2, 3]");
    // The logs are on S3 and the registry on GitHub: the legs assume the AWS role to read them.
    expect(content).toContain("role-to-assume: ${{ vars.MLOPS_AWS_ROLE_ARN }}");
    expect(await workflowYamlErrors(file)).toEqual([]);
    expect(checkWorkflowSecurity(content, "mlops-monitor.yml")).toEqual([]);

    await writeFile(path.join(dir, "mlops.yml"), written);
    const removing = await init(dir, "--workflows");
    expect(removing.exitCode).toBe(0);
    expect(removing.stdout).toContain(
      "Removed, no longer asked for by mlops.yml:\n  .github/workflows/mlops-monitor.yml\n",
    );
    expect(await workflowFiles(dir)).not.toContain("mlops-monitor.yml");
  });

  it("a predict section added to mlops.yml adds mlops-predict.yml on its schedule and shards, and says what it needs; removed, removes it", async () => {
    const dir = await pythonRepo();
    expect((await init(dir)).exitCode).toBe(0);
    const written = await read(dir, "mlops.yml");
    const predict =
      "predict:\n  input: s3://fresh-data/new/*.csv\n  command: python score.py\n  output: s3://scores-bucket/scores\n" +
      '  schedule: "11 1 * * *"\n  shards: 3\n';
    await writeFile(path.join(dir, "mlops.yml"), `${written}${predict}`);

    const refreshed = await init(dir, "--workflows");
    expect(refreshed.stderr).toBe("");
    expect(refreshed.exitCode).toBe(0);
    expect(refreshed.stdout).toContain(
      "  .github/workflows/mlops-predict.yml: scheduled batch scoring (11 1 * * *, UTC): the version predict.alias points at",
    );
    expect(refreshed.stdout).toContain("split over 3 matrix legs and one job completes the result");
    expect(refreshed.stdout).toContain('Batch scoring on a schedule:\n  "mlops predict" (mlops-predict.yml) scores');
    // The registry is on GitHub (origin): the role for the data on S3 is one the user makes.
    expect(refreshed.stdout).toContain("Its jobs reach S3 with a role trusting ref:refs/heads/trunk");
    const file = path.join(dir, ".github", "workflows", "mlops-predict.yml");
    const content = await readFile(file, "utf8");
    expect(content).toContain('- cron: "11 1 * * *"');
    expect(content).toContain("shard: [1, 2, 3]");
    expect(content).toContain("role-to-assume: ${{ vars.MLOPS_AWS_ROLE_ARN }}");
    expect(content).toContain("python-version:");
    expect(await workflowYamlErrors(file)).toEqual([]);
    expect(checkWorkflowSecurity(content, "mlops-predict.yml")).toEqual([]);

    await writeFile(path.join(dir, "mlops.yml"), written);
    const removing = await init(dir, "--workflows");
    expect(removing.exitCode).toBe(0);
    expect(removing.stdout).toContain(
      "Removed, no longer asked for by mlops.yml:\n  .github/workflows/mlops-predict.yml\n",
    );
    expect(removing.stdout).not.toContain("Batch scoring");
  });

  it("a deploy section adds deploy jobs to mlops-main.yml, or with approval: dispatch mlops-promote.yml, and says which approval applies", async () => {
    const dir = await pythonRepo();
    expect((await init(dir)).exitCode).toBe(0);
    // publish no longer moves an alias a target serves: the deploy job does, after its approval.
    const written = (await read(dir, "mlops.yml")).replace(
      /^publish: \{ promote: champion \}$/m,
      "publish: { promote: false }",
    );
    const deploy = [
      "deploy:",
      "  targets:",
      "    staging: { alias: staging, command: ./deploy.sh }",
      "    production: { alias: champion, environment: prod, command: ./deploy.sh }",
      "",
    ].join("\n");
    await writeFile(path.join(dir, "mlops.yml"), `${written}${deploy}`);

    const environment = await init(dir, "--workflows");
    expect(environment.stderr).toBe("");
    expect(environment.exitCode).toBe(0);
    expect(environment.stdout).toContain(
      "  .github/workflows/mlops-main.yml: pushes to trunk: the pipeline, then publish; deploy",
    );
    expect(environment.stdout).toContain("Approvals for deploys:\n  deploy.approval is environment: ");
    expect(environment.stdout).toContain('prod (production): gh api --method PUT "repos/acme/churn/environments/prod"');
    expect(environment.stdout).toContain(
      "npx mlops-kit config set deploy.approval dispatch && npx mlops-kit init --workflows",
    );
    expect(await workflowFiles(dir)).not.toContain("mlops-promote.yml");
    const main = parse(await workflow(dir, "mlops-main.yml")) as { jobs: Record<string, { environment?: unknown }> };
    expect(Object.keys(main.jobs)).toEqual(["publish", "deploy-staging", "deploy-production"]);
    expect(main.jobs["deploy-production"]?.environment).toEqual({
      name: "prod",
      url: "${{ steps.deploy.outputs.environment-url }}",
    });

    await writeFile(path.join(dir, "mlops.yml"), `${written}${deploy}  approval: dispatch\n`);
    const dispatch = await init(dir, "--workflows", "--json");
    expect(dispatch.exitCode).toBe(0);
    const json = JSON.parse(dispatch.stdout) as RefreshJson & { delivery: { approval: string } };
    expect(json.written.map((w) => w.repoPath)).toContain(".github/workflows/mlops-promote.yml");
    expect(json.delivery.approval).toBe("dispatch");
    expect(await workflowFiles(dir)).toContain("mlops-promote.yml");
    const promoteFile = path.join(dir, ".github", "workflows", "mlops-promote.yml");
    expect(await workflowYamlErrors(promoteFile)).toEqual([]);
    const promote = await readFile(promoteFile, "utf8");
    expect(checkWorkflowSecurity(promote, "mlops-promote.yml")).toEqual([]);
    expect(promote).toContain("options: [staging, production]");
    expect(Object.keys((parse(await workflow(dir, "mlops-main.yml")) as { jobs: object }).jobs)).toEqual(["publish"]);

    // Edited by hand, it is kept while mlops.yml asks for it, and when it no longer does; init's own is removed.
    await writeFile(promoteFile, `${promote}# mine\n`);
    expect((await init(dir, "--workflows")).stdout).toContain(
      "Kept, edited by hand since init wrote them (--force replaces them with the regenerated ones):\n" +
        "  .github/workflows/mlops-promote.yml\n",
    );
    await writeFile(path.join(dir, "mlops.yml"), `${written}${deploy}`);
    expect((await init(dir, "--workflows")).stdout).toContain(
      "Kept, no longer asked for by mlops.yml but edited by hand (delete it, or --force):\n" +
        "  .github/workflows/mlops-promote.yml\n",
    );
    await writeFile(promoteFile, promote);
    const removing = await init(dir, "--workflows");
    expect(removing.stdout).toContain(
      "Removed, no longer asked for by mlops.yml:\n  .github/workflows/mlops-promote.yml\n",
    );
    expect(await workflowFiles(dir)).not.toContain("mlops-promote.yml");

    // Without a deploy section, nothing is said about approvals.
    await writeFile(path.join(dir, "mlops.yml"), written);
    expect((await init(dir, "--workflows")).stdout).not.toContain("Approvals for deploys");
  });

  it("refuses deploy targets whose names make one job id (exit 2, nothing written)", async () => {
    const dir = await pythonRepo();
    expect((await init(dir)).exitCode).toBe(0);
    const written = (await read(dir, "mlops.yml")).replace(
      /^publish: \{ promote: champion \}$/m,
      "publish: { promote: false }",
    );
    const deploy =
      "deploy:\n  targets:\n    eu.prod: { alias: champion, command: ./d.sh }\n    eu-prod: { alias: eu, command: ./d.sh }\n";
    await writeFile(path.join(dir, "mlops.yml"), `${written}${deploy}`);
    const before = await workflow(dir, "mlops-main.yml");
    const refused = await init(dir, "--workflows");
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain(
      'the deploy targets "eu.prod" and "eu-prod" would have the same job id, deploy-eu-prod',
    );
    expect(await workflow(dir, "mlops-main.yml")).toBe(before);
  });

  it("run right after init it writes the same bytes: init's own files count as unedited", async () => {
    const dir = await pythonRepo();
    expect((await init(dir)).exitCode).toBe(0);
    const before = await Promise.all((await workflowFiles(dir)).map((name) => workflow(dir, name)));
    const refreshed = await init(dir, "--workflows", "--json");
    expect(refreshed.exitCode).toBe(0);
    const json = JSON.parse(refreshed.stdout) as RefreshJson;
    expect(json.written.map((w) => w.repoPath)).toEqual([
      ".github/workflows/mlops-pr.yml",
      ".github/workflows/mlops-pr-report.yml",
      ".github/workflows/mlops-main.yml",
    ]);
    expect(json.kept).toEqual([]);
    expect(await Promise.all((await workflowFiles(dir)).map((name) => workflow(dir, name)))).toEqual(before);
  });

  it("keeps a workflow edited by hand (and one written by hand), replaces the rest; --force replaces it too", async () => {
    const dir = await pythonRepo();
    expect((await init(dir)).exitCode).toBe(0);
    const mine = `${await workflow(dir, "mlops-main.yml")}# my own step notes\n`;
    await writeFile(path.join(dir, ".github", "workflows", "mlops-main.yml"), mine);
    await writeFile(path.join(dir, ".github", "workflows", "mlops-pr-report.yml"), "# written by hand\n");
    // A choice changed in mlops.yml: the registry moves to a bucket, so the pull-request job needs AWS by OIDC.
    const config = (await read(dir, "mlops.yml")).replace(/^ {2}uri: \S+/m, "  uri: s3://ml-models/registry");
    await writeFile(path.join(dir, "mlops.yml"), config);
    expect(await workflow(dir, "mlops-pr.yml")).not.toContain("aws-actions");

    const refreshed = await init(dir, "--workflows");
    expect(refreshed.exitCode).toBe(0);
    expect(refreshed.stdout).toContain(
      "Kept, edited by hand since init wrote them (--force replaces them with the regenerated ones):\n" +
        "  .github/workflows/mlops-pr-report.yml\n" +
        "  .github/workflows/mlops-main.yml\n",
    );
    expect(await workflow(dir, "mlops-pr.yml")).toContain("aws-actions");
    expect(await workflow(dir, "mlops-main.yml")).toBe(mine);
    expect(await workflow(dir, "mlops-pr-report.yml")).toBe("# written by hand\n");
    expect(await read(dir, "mlops.yml")).toBe(config);

    const forced = await init(dir, "--workflows", "--force", "--json");
    expect(forced.exitCode).toBe(0);
    const json = JSON.parse(forced.stdout) as RefreshJson;
    expect(json.kept).toEqual([]);
    expect(json.written.map((w) => w.repoPath)).toContain(".github/workflows/mlops-main.yml");
    const main = await workflow(dir, "mlops-main.yml");
    expect(main).not.toContain("# my own step notes");
    expect(main).toContain("aws-actions");
    expect(await workflow(dir, "mlops-pr-report.yml")).toContain("name: mlops PR report");
    // Replaced by --force, the files are init's own again: the next refresh replaces them without asking.
    const again = JSON.parse((await init(dir, "--workflows", "--json")).stdout) as RefreshJson;
    expect(again.kept).toEqual([]);
  });

  it("a workflow mlops.yml no longer asks for is removed when init's own, kept when edited by hand", async () => {
    const dir = await pythonRepo();
    expect((await init(dir, "--schedule", "17 3 * * 1")).exitCode).toBe(0);
    expect(await workflowFiles(dir)).toContain("mlops-retrain.yml");
    const withoutRetrain = (await read(dir, "mlops.yml")).replace(/^retrain:\n(?: {2}.*\n)+/m, "");
    expect(withoutRetrain).not.toContain("retrain:");
    await writeFile(path.join(dir, "mlops.yml"), withoutRetrain);

    const edited = `${await workflow(dir, "mlops-retrain.yml")}# mine\n`;
    await writeFile(path.join(dir, ".github", "workflows", "mlops-retrain.yml"), edited);
    const keeping = await init(dir, "--workflows");
    expect(keeping.exitCode).toBe(0);
    expect(keeping.stdout).toContain(
      "Kept, no longer asked for by mlops.yml but edited by hand (delete it, or --force):\n" +
        "  .github/workflows/mlops-retrain.yml\n",
    );
    expect(await workflow(dir, "mlops-retrain.yml")).toBe(edited);

    await writeFile(path.join(dir, ".github", "workflows", "mlops-retrain.yml"), edited.slice(0, -"# mine\n".length));
    const removing = await init(dir, "--workflows");
    expect(removing.exitCode).toBe(0);
    expect(removing.stdout).toContain(
      "Removed, no longer asked for by mlops.yml:\n  .github/workflows/mlops-retrain.yml\n",
    );
    expect(await workflowFiles(dir)).toEqual(["mlops-main.yml", "mlops-pr-report.yml", "mlops-pr.yml"]);
  });

  it("is refused with --no-workflows, or with an option that mlops.yml decides: exit 2, nothing written", async () => {
    const dir = await pythonRepo();
    expect((await init(dir, "--no-workflows")).exitCode).toBe(0);
    const both = await init(dir, "--workflows", "--no-workflows");
    expect(both.exitCode).toBe(2);
    expect(both.stderr).toContain(
      "error: pass --workflows (only the workflows) or --no-workflows (only mlops.yml), not both",
    );
    const registry = await init(dir, "--workflows", "--registry", "s3://ml-models/registry");
    expect(registry.exitCode).toBe(2);
    expect(registry.stderr).toContain("error: --workflows reads the registry from mlops.yml, not --registry\n");
    expect(registry.stderr).toContain("npx mlops-kit config set <path> <value>");
    expect(await workflowFiles(dir)).toEqual([]);
  });

  it("a mlops.yml that does not load is exit 2 with its error at file:line:col, and nothing is written", async () => {
    const dir = await pythonRepo();
    const missing = await init(dir, "--workflows");
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain("mlops.yml");
    await writeFiles(dir, { "mlops.yml": "version: 1\nmodel:\n  name: churn\n  task: clasification\n" });
    const broken = await init(dir, "--workflows");
    expect(broken.exitCode).toBe(2);
    expect(broken.stderr).toMatch(/mlops\.yml:4:\d+/);
    expect(broken.stderr).not.toMatch(/^\s+at /m);
    expect(await workflowFiles(dir)).toEqual([]);
    expect(existsSync(path.join(dir, ".gitignore"))).toBe(false);
  });
});

describe("init keeps the kit's workspace, what training writes and Python's bytecode out of git", () => {
  const IGNORED =
    "# mlops-kit's workspace (run records, cache stamps)\n.mlops/\n" +
    "# what training writes (train.outputs): the registry keeps it\n/model/\n/predictions.csv\n" +
    "# Python's bytecode\n__pycache__/\n";

  it("creates .gitignore when there is none, and git then ignores each of them", async () => {
    const dir = await pythonRepo();
    const result = await init(dir);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(
      "  .gitignore: ignores .mlops/, the kit's workspace; and model/, predictions.csv, __pycache__/\n",
    );
    expect(await read(dir, ".gitignore")).toBe(IGNORED);
    for (const file of [".mlops/runs/x.json", "model/model.pkl", "predictions.csv", "__pycache__/predict.pyc"])
      expect(await git(dir, "check-ignore", file)).toBe(file);
    // Anchored: a folder named model deeper down is the project's own.
    expect(await git(dir, "check-ignore", "src/model/layers.py").catch(() => "not ignored")).not.toBe(
      "src/model/layers.py",
    );
  });

  it("appends to an existing .gitignore (even one without a final newline)", async () => {
    const dir = await pythonRepo();
    await writeFiles(dir, { ".gitignore": "node_modules/\n__pycache__/" });
    expect((await init(dir)).exitCode).toBe(0);
    expect(await read(dir, ".gitignore")).toBe(
      "node_modules/\n__pycache__/\n# mlops-kit's workspace (run records, cache stamps)\n.mlops/\n" +
        "# what training writes (train.outputs): the registry keeps it\n/model/\n/predictions.csv\n",
    );
  });

  it("leaves a .gitignore that already ignores them as it was, and does not list it; a `!` line is the user's choice and stays", async () => {
    for (const line of [".mlops/", "/.mlops", ".mlops"]) {
      const dir = await pythonRepo();
      const existing = `*.pyc\n${line}\nmodel\n/predictions.csv\n__pycache__\n`;
      await writeFiles(dir, { ".gitignore": existing });
      const result = await init(dir, "--json");
      expect(result.exitCode).toBe(0);
      expect((JSON.parse(result.stdout) as RefreshJson).written.map((w) => w.path)).not.toContain(".gitignore");
      expect(await read(dir, ".gitignore")).toBe(existing);
    }
    // `!model/`: the user keeps the model in git on purpose; init leaves that choice alone.
    const dir = await pythonRepo();
    await writeFiles(dir, { ".gitignore": "model/\n!model/\n" });
    expect((await init(dir)).exitCode).toBe(0);
    const written = await read(dir, ".gitignore");
    expect(written).toContain("\n/predictions.csv\n");
    expect(written).not.toContain("/model/");
  });

  it("in a monorepo's subfolder, beside mlops.yml (where the workspace is)", async () => {
    const root = await tempDir();
    await gitRepo(root, { remote: "git@github.com:acme/platform.git" });
    const sub = path.join(root, "models", "churn");
    await writeFiles(sub, { "train.py": "" });
    expect((await init(sub)).exitCode).toBe(0);
    expect(existsSync(path.join(root, ".gitignore"))).toBe(false);
    expect(await git(root, "check-ignore", "models/churn/.mlops/cache")).toBe("models/churn/.mlops/cache");
  });
});

describe("init's advice changes a choice without --force", () => {
  it("a guessed default branch and a local registry: set-head, config set, then init --workflows", async () => {
    const dir = await tempDir();
    await gitRepo(dir, { branch: "trunk", remote: "https://github.com/acme/churn.git" }); // no origin/HEAD
    await writeFiles(dir, { "train.py": "" });
    const result = await init(dir, "--registry", ".mlops/registry");
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(
      "`git remote set-head origin --auto`, then `npx mlops-kit init --workflows` to regenerate the workflows",
    );
    expect(result.stdout).toContain(
      "(`npx mlops-kit config set registry.uri github://acme/churn`) or in a bucket " +
        "(`npx mlops-kit config set registry.uri s3://bucket/prefix`), then run `npx mlops-kit init --workflows`",
    );
    expect(result.stdout).toContain("npx mlops-kit check && npx mlops-kit run --no-publish");
    expect(result.stdout).not.toContain("--force");
  });

  it("neither for a github:// nor for an S3 registry", async () => {
    for (const registry of [[], ["--registry", "s3://ml-models/registry"]]) {
      const dir = await pythonRepo();
      const result = await init(dir, ...registry);
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toContain("Next steps:");
      expect(result.stdout).not.toContain("--force");
    }
  });
});

describe("a registry folder init writes into mlops.yml is kept out of git", () => {
  it("--registry registry: /registry/ joins the .gitignore, and git ignores what a publish writes there", async () => {
    const dir = await pythonRepo();
    const result = await init(dir, "--registry", "registry", "--no-workflows");
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(
      "  .gitignore: ignores .mlops/, the kit's workspace; registry/, the registry; and model/, predictions.csv, __pycache__/\n",
    );
    expect(await read(dir, ".gitignore")).toContain("# the model registry (registry.uri), a folder\n/registry/\n");
    const manifest = "registry/churn/versions/v1/manifest.json";
    expect(await git(dir, "check-ignore", manifest)).toBe(manifest);
  });

  it("not a folder the workspace line covers, one outside the folder of mlops.yml, a bucket or a repository", async () => {
    for (const registry of [".mlops/registry", "./.mlops/models", "s3://ml-models/registry", "github://acme/churn"]) {
      const dir = await pythonRepo();
      expect((await init(dir, "--registry", registry, "--no-workflows")).exitCode).toBe(0);
      expect(await read(dir, ".gitignore"), registry).not.toContain("registry.uri");
    }
    const root = await tempDir();
    await gitRepo(root, { remote: "git@github.com:acme/platform.git" });
    const sub = path.join(root, "models", "churn");
    await writeFiles(sub, { "train.py": "" });
    expect((await init(sub, "--registry", "../registry", "--no-workflows")).exitCode).toBe(0);
    expect(await read(sub, ".gitignore")).not.toContain("registry.uri");
  });
});
