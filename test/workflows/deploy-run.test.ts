import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEMPLATE_DEFAULTS, workflowTemplates, type WorkflowOptions } from "../../src/init/workflows.ts";
import type { DeployWorkflow } from "../../src/init/workflows/options.ts";
import { KIT_VERSION } from "../../src/version.ts";
import { runCli } from "../helpers/cli.ts";
import { type FakeGitHub, startFakeGitHub } from "../helpers/github-server.ts";
import type { RunnerEnvironment } from "../helpers/runner.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";
import { runWorkflowJob } from "../helpers/workflow-job.ts";

/**
 * The deploy jobs `mlops init` writes, run job by job as the runner runs them (test/helpers/workflow-job.ts: the
 * bundled actions from dist/, so `npm run build` first) against the GitHub stand-in: the main workflow's staging and
 * production jobs deploy the version the publish job published, and production's is refused until the run holds the
 * reviewer's approval for its environment; mlops-promote.yml deploys a dispatched version with its actor recorded.
 * What the jobs pass (target, version, the token their permissions give) must be enough for the deploy to be recorded.
 */

const REPOSITORY = "octo-org/churn";
const KIT_SHA = "0123456789abcdef0123456789abcdef01234567";
const TOKENS = { read: "ghs_read_token", write: "ghs_write_token" };

let github: FakeGitHub;
let sha = "";
beforeAll(async () => {
  github = await startFakeGitHub({
    repositories: { [REPOSITORY]: { environments: { production: { reviewers: ["alice"] }, staging: {} } } },
  });
  const ref = await fetch(`${github.url}/repos/${REPOSITORY}/git/ref/heads/main`, {
    headers: { authorization: `token ${TOKENS.write}` },
  });
  sha = ((await ref.json()) as { object: { sha: string } }).object.sha;
});
afterAll(() => github.stop());

const config = (approval: DeployWorkflow["approval"]) => `version: 1
model: { name: churn }
evaluate: { metrics_file: metrics.json }
gate:
  rules:
    - { metric: score, min: 0.5, direction: higher }
publish: { files: [model/], promote: false }
deploy:
  approval: ${approval}
  targets:
    production: { alias: champion, command: node deploy.cjs }
    staging: { alias: staging, command: node deploy.cjs }
`;

/** The workflow options init derives from that config (src/init/plan.ts), for a folder registry. */
const options = (approval: DeployWorkflow["approval"]): WorkflowOptions => ({
  ...TEMPLATE_DEFAULTS,
  model: "churn",
  registry: "folder",
  kit: { kind: "commit", sha: KIT_SHA, version: KIT_VERSION },
  deploy: {
    approval,
    targets: [
      { name: "production", alias: "champion", environment: "production", timeoutMinutes: 30 },
      { name: "staging", alias: "staging", environment: "staging", timeoutMinutes: 30 },
    ],
    canary: null,
  },
});

/** A project with one published version whose gate passed, and the workflow file init writes for it. */
async function project(approval: DeployWorkflow["approval"], workflow: string): Promise<{ dir: string; file: string }> {
  const dir = await tempDir();
  await writeFiles(dir, {
    "mlops.yml": config(approval),
    "deploy.cjs": 'console.log("environment_url=https://models.example.com/" + process.env.MLOPS_TARGET);\n',
    "metrics.json": JSON.stringify({ score: 0.9 }),
    "model/weights.bin": "w1",
  });
  expect((await runCli(["evaluate"], { cwd: dir })).exitCode).toBe(0);
  expect((await runCli(["gate"], { cwd: dir })).exitCode).toBe(0);
  expect((await runCli(["publish"], { cwd: dir })).exitCode).toBe(0);
  const content = workflowTemplates(options(approval)).find((f) => f.path === workflow)?.content;
  if (!content) throw new Error(`no ${workflow}`);
  const file = path.join(dir, ".github/workflows", workflow);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  return { dir, file };
}

let runs = 700;
function runner(dir: string, event: { name: string; payload: object }): RunnerEnvironment & { runId: number } {
  runs += 1;
  return {
    runId: runs,
    workspace: dir,
    event: { name: event.name, payload: { ...event.payload, repository: { default_branch: "main" } } },
    env: {
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: REPOSITORY,
      GITHUB_SHA: sha,
      GITHUB_REF: "refs/heads/main",
      GITHUB_RUN_ID: String(runs),
      GITHUB_ACTOR: "carol",
    },
  };
}

interface Delivery {
  target: string;
  approvedBy: string;
  approvals: { user: string; comment: string }[];
  environmentUrl: string | null;
  deployment: { id: number } | null;
}
async function lastDelivery(dir: string, alias: string): Promise<{ to: string; delivery: Delivery } | undefined> {
  const history = await runCli(["models", "history", "--alias", alias, "--json"], { cwd: dir });
  // An alias that never moved is refused by name (exit 2): nothing was delivered to it.
  if (history.exitCode === 2 && history.stderr.includes(`has no alias "${alias}"`)) return undefined;
  return (JSON.parse(history.stdout) as { events: { to: string; delivery: Delivery }[] }).events.at(-1);
}

describe("the deploy jobs of mlops-main.yml, run as the runner runs them", () => {
  it("deploy what publish published, staging then production; production only with the reviewer's approval", async () => {
    const { dir, file } = await project("environment", "mlops-main.yml");
    const published = JSON.parse((await runCli(["models", "show", "1", "--json"], { cwd: dir })).stdout) as {
      version: string;
    };
    const push = runner(dir, { name: "push", payload: {} });
    const publish = { result: "success", outputs: { version: published.version, verdict: "pass" } };

    const staging = await runWorkflowJob(file, "deploy-staging", push, TOKENS, {}, { needs: { publish } });
    expect(staging.conclusion, staging.output).toBe("success");
    expect(staging.steps.deploy?.outputs).toMatchObject({
      verdict: "pass",
      version: published.version,
      "environment-url": "https://models.example.com/staging",
    });
    const stagingDeployment = github
      .deployments(REPOSITORY)
      .find((d) => d.id === Number(staging.steps.deploy?.outputs["deployment-id"]));
    expect(stagingDeployment).toMatchObject({ environment: "staging", sha });
    expect(stagingDeployment?.statuses.map((s) => s.state)).toEqual(["in_progress", "success"]);
    expect((await lastDelivery(dir, "staging"))?.delivery).toMatchObject({
      target: "staging",
      approvedBy: "environment",
    });

    const needs = { publish, "deploy-staging": { result: "success", outputs: {} } };
    // GitHub holds the job until a reviewer approves; a run without that approval is refused and moves nothing.
    const waiting = await runWorkflowJob(file, "deploy-production", push, TOKENS, {}, { needs });
    expect(waiting.conclusion).toBe("failure");
    expect(waiting.output).toContain(
      'the environment "production" has required reviewers, and this run has no approval',
    );
    expect(await lastDelivery(dir, "champion")).toBeUndefined();

    github.setRunApprovals(REPOSITORY, push.runId, [
      { user: "alice", comment: "load test ok", state: "approved", environments: ["production"] },
    ]);
    const production = await runWorkflowJob(file, "deploy-production", push, TOKENS, {}, { needs });
    expect(production.conclusion, production.output).toBe("success");
    expect(production.steps.deploy?.outputs["environment-url"]).toBe("https://models.example.com/production");
    const champion = await lastDelivery(dir, "champion");
    expect(champion?.to).toBe(published.version);
    expect(champion?.delivery).toMatchObject({
      target: "production",
      approvedBy: "environment",
      approvals: [{ user: "alice", comment: "load test ok" }],
      environmentUrl: "https://models.example.com/production",
    });
  }, 120_000);
});

describe("mlops-promote.yml, run as the runner runs it", () => {
  it("deploys the dispatched version to the chosen target on the default branch, its actor recorded", async () => {
    const { dir, file } = await project("dispatch", "mlops-promote.yml");
    const inputs = { target: "production", version: "1", reason: "hotfix for the holiday traffic" };
    const dispatch = runner(dir, { name: "workflow_dispatch", payload: { inputs } });
    const run = await runWorkflowJob(file, "deploy-production", dispatch, TOKENS, inputs);
    expect(run.conclusion, run.output).toBe("success");
    const champion = await lastDelivery(dir, "champion");
    expect(champion?.delivery).toMatchObject({
      target: "production",
      approvedBy: "dispatch",
      approvals: [{ user: "carol", comment: "hotfix for the holiday traffic" }],
    });
    expect(champion?.delivery.deployment).not.toBeNull();

    // The same job from another branch is refused by the deploy step too (the job's `if:` already skips it).
    const elsewhere = runner(dir, { name: "workflow_dispatch", payload: { inputs } });
    elsewhere.env = { ...elsewhere.env, GITHUB_REF: "refs/heads/feature" };
    const refused = await runWorkflowJob(file, "deploy-staging", elsewhere, TOKENS, { ...inputs, target: "staging" });
    expect(refused.conclusion).toBe("failure");
    expect(refused.output).toContain("a deploy runs only from a manually dispatched workflow on the default branch");
  }, 120_000);
});
