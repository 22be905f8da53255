import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.ts";
import { type FakeGitHub, startFakeGitHub } from "../helpers/github-server.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * `mlops deploy` as a job of a workflow run, against the GitHub stand-in through the real Octokit: the approval is the
 * run's review for the target's Environment, and a job that did not wait in it is refused; a missing environment, a
 * rejection, and the dispatch fallback's rules; a failed deploy marks its deployment `failure` and opens the deploy
 * issue, which the next good deploy closes.
 */

const REPOSITORY = "octo-org/churn";
let github: FakeGitHub;
let sha = "";
beforeAll(async () => {
  github = await startFakeGitHub({
    repositories: {
      [REPOSITORY]: { environments: { production: { reviewers: ["alice"] }, staging: {} } },
    },
  });
  const ref = await fetch(`${github.url}/repos/${REPOSITORY}/git/ref/heads/main`, {
    headers: { authorization: "token ghs_test" },
  });
  sha = ((await ref.json()) as { object: { sha: string } }).object.sha;
});
afterAll(() => github.stop());

const config = (approval: "environment" | "dispatch") => `version: 1
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
    qa: { alias: qa, command: node deploy.cjs }
`;

async function project(approval: "environment" | "dispatch" = "environment"): Promise<{ dir: string; v1: string }> {
  const dir = await tempDir();
  await writeFiles(dir, {
    "mlops.yml": config(approval),
    "deploy.cjs": `if (require("node:fs").existsSync("broken")) { console.error("Error: endpoint down"); process.exit(1); }\n`,
    "metrics.json": JSON.stringify({ score: 0.9 }),
    "model/weights.bin": "w1",
  });
  expect((await runCli(["evaluate"], { cwd: dir })).exitCode).toBe(0);
  expect((await runCli(["gate"], { cwd: dir })).exitCode).toBe(0);
  const v1 = (JSON.parse((await runCli(["publish", "--json"], { cwd: dir })).stdout) as { version: string }).version;
  return { dir, v1 };
}

let runs = 500;
function job(extra: Record<string, string> = {}): { runId: number; env: Record<string, string> } {
  runs += 1;
  return {
    runId: runs,
    env: {
      GITHUB_ACTIONS: "true",
      GITHUB_REPOSITORY: REPOSITORY,
      GITHUB_API_URL: github.url,
      GITHUB_TOKEN: "ghs_deploy",
      GITHUB_SHA: sha,
      GITHUB_REF: "refs/heads/main",
      GITHUB_RUN_ID: String(runs),
      GITHUB_ACTOR: "carol",
      GITHUB_EVENT_NAME: "push",
      ...extra,
    },
  };
}

describe("mlops deploy in a workflow run", () => {
  it("records the reviewer's approval and the deployment; refuses a job that did not wait in the environment", async () => {
    const { dir, v1 } = await project();
    const unapproved = job();
    const refused = await runCli(["deploy", "production", "--version", v1], { cwd: dir, env: unapproved.env });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain(
      'the environment "production" has required reviewers, and this run has no approval for it',
    );
    expect(refused.stderr).toContain("hint: give the deploy job `environment: production`");

    const approved = job();
    github.setRunApprovals(REPOSITORY, approved.runId, [
      { user: "alice", comment: "looks good", state: "approved", environments: ["production"] },
    ]);
    const deployed = await runCli(["deploy", "production", "--version", v1, "--json"], {
      cwd: dir,
      env: approved.env,
    });
    expect(deployed.exitCode, deployed.stderr).toBe(0);
    const result = JSON.parse(deployed.stdout) as { deployment: { id: number }; approvals: unknown[] };
    expect(result.approvals).toEqual([{ user: "alice", comment: "looks good", state: "approved" }]);
    const stored = github.deployments(REPOSITORY).find((d) => d.id === result.deployment.id);
    expect(stored).toMatchObject({ environment: "production", sha, productionEnvironment: true });
    expect(stored?.statuses.map((s) => s.state)).toEqual(["in_progress", "success"]);
    const history = JSON.parse((await runCli(["models", "history", "--json"], { cwd: dir })).stdout) as {
      events: { delivery: unknown }[];
    };
    expect(history.events.at(-1)?.delivery).toEqual({
      target: "production",
      environment: "production",
      approvals: [{ user: "alice", comment: "looks good", state: "approved" }],
      approvedBy: "environment",
      deployment: {
        id: result.deployment.id,
        url: `${github.url}/repos/${REPOSITORY}/deployments/${result.deployment.id}`,
      },
      environmentUrl: null,
    });
  });

  it("refuses a rejected run and an environment that does not exist; a failure opens the deploy issue, a success closes it", async () => {
    const { dir, v1 } = await project();
    const rejected = job();
    github.setRunApprovals(REPOSITORY, rejected.runId, [
      { user: "alice", comment: "not this week", state: "rejected", environments: ["production"] },
    ]);
    const refused = await runCli(["deploy", "production", "--version", v1], { cwd: dir, env: rejected.env });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain("alice rejected the deploy to production: not this week");

    const missing = await runCli(["deploy", "qa", "--version", v1], { cwd: dir, env: job().env });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain(`the GitHub Environment "qa" does not exist in ${REPOSITORY}`);

    await writeFile(path.join(dir, "broken"), "");
    const failed = await runCli(["deploy", "staging", "--version", v1, "--json"], { cwd: dir, env: job().env });
    expect(failed.exitCode).toBe(1);
    const failure = JSON.parse(failed.stdout) as { deployment: { id: number }; issue: { done: { number: number } } };
    expect(
      github
        .deployments(REPOSITORY)
        .find((d) => d.id === failure.deployment.id)
        ?.statuses.at(-1)?.state,
    ).toBe("failure");
    const issue = github.issues.find((i) => i.number === failure.issue.done.number);
    expect(issue).toMatchObject({ state: "open", title: "Deploy failed: churn@staging" });
    expect(issue?.body).toContain("<!-- mlops-kit:deploy:churn:staging -->");
    expect(issue?.body).toContain("Error: endpoint down");

    await rm(path.join(dir, "broken"));
    const fixed = await runCli(["deploy", "staging", "--version", v1], { cwd: dir, env: job().env });
    expect(fixed.exitCode, fixed.stderr).toBe(0);
    expect(github.issues.find((i) => i.number === failure.issue.done.number)?.state).toBe("closed");
  });

  it("with approval: dispatch, deploys only from a manual run on the default branch and records its actor", async () => {
    const { dir, v1 } = await project("dispatch");
    const pushed = await runCli(["deploy", "staging", "--version", v1], { cwd: dir, env: job().env });
    expect(pushed.exitCode).toBe(2);
    expect(pushed.stderr).toContain("a deploy runs only from a manually dispatched workflow on the default branch");
    const event = path.join(dir, "event.json");
    await writeFile(event, JSON.stringify({ repository: { default_branch: "main" }, inputs: {} }));
    const dispatched = job({ GITHUB_EVENT_NAME: "workflow_dispatch", GITHUB_EVENT_PATH: event, GITHUB_ACTOR: "dave" });
    const deployed = await runCli(["deploy", "staging", "--version", v1, "--reason", "hotfix", "--json"], {
      cwd: dir,
      env: dispatched.env,
    });
    expect(deployed.exitCode, deployed.stderr).toBe(0);
    expect(JSON.parse(deployed.stdout)).toMatchObject({
      approvedBy: "dispatch",
      approvals: [{ user: "dave", comment: "hotfix", state: "approved" }],
    });
  });
});
