import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyExample, runCli } from "../helpers/cli.ts";
import { type FakeGitHub, startFakeGitHub } from "../helpers/github-server.ts";
import { git } from "../helpers/git.ts";
import { REPO_ROOT, type RunnerEnvironment, webhookExample } from "../helpers/runner.ts";
import { removeDir, tempDir } from "../helpers/temp.ts";
import { type JobRun, runWorkflowJob } from "../helpers/workflow-job.ts";

/**
 * Day one with no bucket (issue 15): a private repository on GitHub (the stand-in, its git refs a real bare repository)
 * holding the penguins example. `mlops init` writes registry.uri github://<the remote> and the workflows; the user
 * fills mlops.yml in; then the workflows init wrote run, job by job, as the runner runs them, each with the token its
 * `permissions:` grant (a read-only one for `contents: read`):
 * - the first push to main publishes the model as a release and promotes it to champion;
 * - a pull request that regresses is blocked by the gate: a change rule with a paired significance test fails;
 * - a pull request that improves passes;
 * - on a laptop, `mlops run` reads the champion with the user's token and publishes nothing unasked;
 * - the scheduled retrain finds nothing to do against the champion; forced, it retrains and keeps the champion.
 */

const REPO = "octo-org/penguins";
const WRITE = "ghs_main_job_token";
const READ = "ghs_pull_request_job_token";
const BETTER =
  "learning_rate: 0.1\nepochs: 1000\nl2: 0.001\nfeatures: [beak_length_mm, beak_depth_mm, flipper_length_mm, body_mass_g, species, island]\n";

let server: FakeGitHub;
let workspace: string;
let bare: string;

interface GateReport {
  verdict: string;
  baseline: { version: string } | null;
  pairing: { status: string };
  outcomes: { metric: string; verdict: string; significance?: unknown; reason: string }[];
}

const env = (): Record<string, string> => ({ GITHUB_API_URL: server.url, GITHUB_REPOSITORY: REPO });

async function commit(message: string): Promise<string> {
  await git(workspace, "add", "-A");
  await git(workspace, "-c", "user.name=Dev", "-c", "user.email=dev@example.com", "commit", "-qm", message);
  return git(workspace, "rev-parse", "HEAD");
}

/** A push to main (what the workspace has, merged or committed): mlops-main.yml's job runs on it. */
async function pushToMain(): Promise<JobRun> {
  const sha =
    (await git(workspace, "status", "--porcelain")) === ""
      ? await git(workspace, "rev-parse", "HEAD")
      : await commit("push to main");
  await git(workspace, "push", "-q", bare, "HEAD:refs/heads/main");
  server.requests.length = 0;
  const runner: RunnerEnvironment = {
    workspace,
    event: { name: "push", payload: webhookExample("push") },
    env: { ...env(), GITHUB_REF: "refs/heads/main", GITHUB_SHA: sha },
  };
  return runWorkflowJob(path.join(workspace, ".github/workflows/mlops-main.yml"), "publish", runner, tokens);
}

/** A pull request with `params` as its change: mlops-pr.yml's gate job runs on its head. */
async function pullRequest(params: string): Promise<{ job: JobRun; report: GateReport }> {
  await git(workspace, "checkout", "-q", "-B", "change", "main");
  await writeFile(path.join(workspace, "params.yml"), params);
  const sha = await commit("a change to the model");
  const runner: RunnerEnvironment = {
    workspace,
    event: { name: "pull_request", payload: webhookExample("pull_request", "opened") },
    env: { ...env(), GITHUB_REF: "refs/pull/2/merge", GITHUB_SHA: sha },
  };
  server.requests.length = 0;
  const job = await runWorkflowJob(path.join(workspace, ".github/workflows/mlops-pr.yml"), "gate", runner, tokens);
  await git(workspace, "checkout", "-q", "main");
  const reportPath = job.steps.gate?.outputs.report ?? "";
  expect(reportPath, job.output).not.toBe("");
  return { job, report: JSON.parse(await readFile(reportPath, "utf8")) as GateReport };
}

const tokens = { read: READ, write: WRITE };

/** API calls a job made (the docs' "calls per pipeline run"), printed for the docs and bounded here. */
function callsOf(what: string): number {
  const calls = server.calls();
  console.info(`[github calls] ${what}: ${calls.total} (${calls.notModified} answered 304)`);
  server.requests.length = 0;
  return calls.total;
}

beforeAll(async () => {
  server = await startFakeGitHub({ repositories: { [REPO]: { visibility: "private" } } });
  server.tokens[READ] = "read-only";
  bare = server.repositories.get(REPO)?.gitDir ?? "";
  workspace = await tempDir({ keep: true });
  await copyExample(workspace);
  await removeDir(path.join(workspace, "mlops.yml"));
  await writeFile(path.join(workspace, ".gitignore"), "model/\npredictions.csv\n.mlops/\n");
  await git(workspace, "init", "-q", "-b", "main");
  await git(workspace, "remote", "add", "origin", `https://github.com/${REPO}.git`);
  // The repository GitHub made has a first commit: the work goes on top of it (the files stay as they are).
  await git(workspace, "fetch", "-q", bare, "main");
  await git(workspace, "reset", "-q", "FETCH_HEAD");
}, 60_000);
afterAll(async () => {
  expect(server.problems()).toEqual([]);
  await server.stop();
  await removeDir(workspace);
});

describe("day one on a github:// registry, with no bucket", () => {
  let initOutput = "";

  it("mlops init keeps the registry in the repository itself, and gives only main's job contents: write", async () => {
    const init = await runCli(["init", "--name", "penguins", "--node", "22", "--schedule", "17 3 * * 1"], {
      cwd: workspace,
    });
    expect(init.exitCode, init.stderr).toBe(0);
    initOutput = init.stdout;
    expect(initOutput).toContain(`Registry: github://${REPO} (this repository, from origin).`);
    const written = await readFile(path.join(workspace, "mlops.yml"), "utf8");
    const registry = /^registry:\n(?: {2}.*\n)+/m.exec(written)?.[0] ?? "";
    expect(registry).toMatch(new RegExp(`^ {2}uri: github://${REPO} #`, "m"));
    // The user fills mlops.yml in: here, the example's own config, with the registry init wrote.
    const example = await readFile(path.join(REPO_ROOT, "examples/penguins/mlops.yml"), "utf8");
    await writeFile(path.join(workspace, "mlops.yml"), `${example}\n${registry}`);
    const check = await runCli(["check"], { cwd: workspace });
    expect(check.exitCode, check.stdout + check.stderr).toBe(0);
    const workflows = path.join(workspace, ".github/workflows");
    expect(await readFile(path.join(workflows, "mlops-main.yml"), "utf8")).toMatch(/^ {6}contents: write #/m);
    expect(await readFile(path.join(workflows, "mlops-pr.yml"), "utf8")).not.toMatch(/contents: write/);
  });

  it("the first push to main publishes a release and promotes it to champion", async () => {
    const job = await pushToMain();
    expect(job.conclusion, job.output).toBe("success");
    expect(job.token).toBe(WRITE);
    // Two uploads: the run's HTML report (mlops-run-report) and the model's page (mlops-model-page).
    expect(job.thirdParty).toEqual([
      "actions/checkout",
      "actions/setup-node",
      "actions/attest-build-provenance",
      "actions/upload-artifact",
      "actions/upload-artifact",
    ]);
    const published = Object.values(job.steps).find((step) => step.outputs.result === "published")?.outputs;
    expect(published).toMatchObject({ result: "published", promoted: "champion" });
    // The model's page, read back from the registry in the repository, for the job summary and the artifact.
    expect(job.steps.page).toMatchObject({ outcome: "success", outputs: { result: "written", versions: "1" } });
    const releases = server.repositories.get(REPO)?.releases ?? [];
    expect(releases.map((r) => [r.tagName, r.draft])).toEqual([[`mlops/penguins/${published?.version}`, false]]);
    expect(server.repositories.get(REPO)?.latestReleaseId).toBeNull();
    // The model's page after the publish reads the registry back: about a third of the job's calls.
    expect(callsOf("main's job, first push")).toBeLessThan(55);
  }, 120_000);

  it("a pull request that regresses is blocked by a change rule's paired significance test", async () => {
    const champion = server.repositories.get(REPO)?.releases[0]?.tagName.split("/").at(-1);
    const { job, report } = await pullRequest(
      "learning_rate: 0.1\nepochs: 3\nl2: 0.001\nfeatures: [beak_length_mm, beak_depth_mm, flipper_length_mm, body_mass_g]\n",
    );
    expect(job.token).toBe(READ);
    expect(job.conclusion).toBe("failure");
    expect(job.steps.gate).toMatchObject({ outcome: "failure", outputs: { verdict: "fail", baseline: champion } });
    expect(report.baseline?.version).toBe(champion);
    expect(report.pairing.status).toBe("paired");
    const paired = report.outcomes.find((o) => o.metric === "log_loss");
    expect(paired).toMatchObject({ verdict: "fail" });
    expect(paired?.reason).toMatch(/the 95% interval of the change is .* the regression is real/);
    // A pull request reads the registry and writes nothing to it.
    expect(server.repositories.get(REPO)?.releases).toHaveLength(1);
    expect(callsOf("a pull request's gate job")).toBeLessThan(30);
  }, 120_000);

  it("a pull request that improves passes; merged, main promotes it", async () => {
    const { job, report } = await pullRequest(BETTER);
    expect(job.conclusion, job.output).toBe("success");
    expect(report).toMatchObject({ verdict: "pass", pairing: { status: "paired" } });
    expect(report.baseline).not.toBeNull();
    callsOf("a pull request's gate job");
    await git(workspace, "merge", "-q", "--ff-only", "change");
    const merged = await pushToMain();
    expect(merged.conclusion, merged.output).toBe("success");
    const published = Object.values(merged.steps).find((step) => step.outputs.result === "published")?.outputs;
    expect(published).toMatchObject({ promoted: "champion" });
    expect(merged.steps.page).toMatchObject({ outcome: "success", outputs: { versions: "2" } });
    expect(callsOf("main's job, with a champion")).toBeLessThan(80);
  }, 120_000);

  it("on a laptop, mlops run gates against the champion with the user's token and publishes only when asked", async () => {
    const run = await runCli(["run", "--json"], { cwd: workspace, env: { ...env(), GITHUB_TOKEN: READ } });
    expect(run.exitCode, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { stages: { stage: string; baseline?: unknown }[]; notPublished: string };
    expect(result.stages.map((s) => s.stage)).toEqual(["validate", "train", "evaluate", "gate"]);
    expect(result.notPublished).toBe(
      `Not published: github://${REPO} is the team's registry and this run is outside a workflow; pass --publish to publish from here.`,
    );
    expect(server.repositories.get(REPO)?.releases).toHaveLength(2);
    const asked = await runCli(["run", "--publish"], { cwd: workspace, env: { ...env(), GITHUB_TOKEN: READ } });
    expect(asked.exitCode).toBe(2);
    expect(asked.stderr).toContain(`the token may not write to github://${REPO}`);
  }, 120_000);

  it("the scheduled retrain reads the champion's profile and finds nothing to do; forced, it keeps the better champion", async () => {
    const runner: RunnerEnvironment = {
      workspace,
      // GitHub's schedule payload: the cron that fired (webhooks-examples has none for schedules).
      event: { name: "schedule", payload: { schedule: "17 3 * * 1" } },
      env: { ...env(), GITHUB_REF: "refs/heads/main", GITHUB_SHA: await git(workspace, "rev-parse", "HEAD") },
    };
    const file = path.join(workspace, ".github/workflows/mlops-retrain.yml");
    const scheduled = await runWorkflowJob(file, "retrain", runner, tokens);
    expect(scheduled.conclusion, scheduled.output).toBe("success");
    expect(scheduled.token).toBe(WRITE);
    expect(scheduled.steps.retrain?.outputs).toMatchObject({ "should-retrain": "false", result: "skipped" });
    const forced = await runWorkflowJob(
      file,
      "retrain",
      { ...runner, event: { name: "workflow_dispatch", payload: {} } },
      tokens,
      { force: true },
    );
    expect(forced.conclusion, forced.output).toBe("success");
    expect(forced.steps.retrain?.outputs).toMatchObject({ "should-retrain": "true", result: "not-better" });
    expect(server.repositories.get(REPO)?.releases).toHaveLength(2);
  }, 180_000);
});
