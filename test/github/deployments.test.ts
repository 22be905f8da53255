import { getOctokit } from "@actions/github";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ExternalError } from "../../src/errors.ts";
import { createGitHub, type GitHub } from "../../src/github/client.ts";
import { DEPLOYMENT_HISTORY_LIMIT, STATUS_DESCRIPTION_LIMIT } from "../../src/github/deployments.ts";
import { createRecordingLogger } from "../../src/logging.ts";
import { type FakeGitHub, startFakeGitHub } from "../helpers/github-server.ts";
import { resolveCommit } from "../helpers/github/bare-repo.ts";

/**
 * Deployments, environments and run approvals (src/github/deployments.ts) through the real Octokit client, against the
 * stand-in for api.github.com, which checks every request and its own answers against GitHub's REST description.
 */

const REPOSITORY = "octo-org/models";
let server: FakeGitHub;
let sleeps: number[];

function client(token = "ghs_write"): GitHub {
  return createGitHub({
    token,
    repository: REPOSITORY,
    baseUrl: server.url,
    logger: createRecordingLogger(),
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
  });
}

async function mainCommit(): Promise<string> {
  const gitDir = server.repositories.get(REPOSITORY)?.gitDir ?? "";
  return (await resolveCommit(gitDir, "main")) ?? "";
}

/** The states a deployment went through, oldest first, as the stand-in keeps them. */
function states(id: number): string[] {
  return (server.deployments(REPOSITORY).find((d) => d.id === id)?.statuses ?? []).map((s) => s.state);
}

/** A deployment of main to `environment` that has reached `success`. */
async function deployed(github: GitHub, environment: string, options: { transient?: boolean } = {}): Promise<number> {
  const { id } = await github.createDeployment({
    ref: "main",
    environment,
    ...(options.transient ? { transientEnvironment: true } : {}),
  });
  await github.setDeploymentStatus(id, { state: "success" });
  return id;
}

beforeEach(async () => {
  server = await startFakeGitHub({
    repositories: {
      [REPOSITORY]: {
        environments: {
          production: {
            reviewers: ["alice", "octo-org/ml-leads"],
            waitTimer: 30,
            preventSelfReview: true,
            branchPolicy: { protectedBranches: false, customBranchPolicies: true },
          },
          staging: {},
        },
      },
    },
  });
  server.tokens.ghs_fork = "read-only";
  sleeps = [];
});
afterEach(async () => {
  expect(server.problems()).toEqual([]);
  await server.stop();
});

describe("createDeployment and setDeploymentStatus", () => {
  it("records a deployment of the commit, not gated by status checks nor merging, with its statuses", async () => {
    const github = client();
    const created = await github.createDeployment({
      ref: "main",
      environment: "staging",
      description: "penguins v3 as staging",
      payload: { model: "penguins", version: 3 },
      productionEnvironment: false,
    });
    expect(created.url).toBe(`${server.url}/repos/${REPOSITORY}/deployments/${created.id}`);
    const request = server.requests.find((r) => r.operationId === "repos/create-deployment");
    expect(request?.body).toMatchObject({ auto_merge: false, required_contexts: [] });

    await github.setDeploymentStatus(created.id, { state: "in_progress", logUrl: "https://github.com/o/r/runs/1" });
    await github.setDeploymentStatus(created.id, {
      state: "success",
      description: "serving",
      environmentUrl: "https://staging.example.com/penguins",
    });
    const [stored] = server.deployments(REPOSITORY);
    expect(stored).toMatchObject({
      sha: await mainCommit(),
      environment: "staging",
      payload: { model: "penguins", version: 3 },
      productionEnvironment: false,
    });
    expect(stored?.statuses.map((s) => [s.state, s.description, s.environmentUrl, s.logUrl])).toEqual([
      ["in_progress", "", "", "https://github.com/o/r/runs/1"],
      ["success", "serving", "https://staging.example.com/penguins", ""],
    ]);
  });

  it("cuts a description to GitHub's 140 characters instead of being refused", async () => {
    const github = client();
    const { id } = await github.createDeployment({ ref: "main", environment: "staging" });
    const long = `rolled back: ${"the canary's error rate rose above the champion's ".repeat(4)}`;
    await github.setDeploymentStatus(id, { state: "failure", description: long });
    const description = server.deployments(REPOSITORY)[0]?.statuses[0]?.description ?? "";
    expect(description).toHaveLength(STATUS_DESCRIPTION_LIMIT);
    expect(description).toBe(`${long.slice(0, STATUS_DESCRIPTION_LIMIT - 1)}…`);
  });

  it("creates an environment GitHub does not know yet, as GitHub does", async () => {
    const github = client();
    expect(await github.getEnvironment("canary")).toBeNull();
    await github.createDeployment({ ref: "main", environment: "canary" });
    expect(await github.getEnvironment("canary")).toEqual({ name: "canary", protectionRules: [], branchPolicy: null });
  });

  it("reports a ref the repository does not have with GitHub's message", async () => {
    const error = await client()
      .createDeployment({ ref: "no-such-branch", environment: "staging" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExternalError);
    expect((error as ExternalError).message).toMatch(/422: No ref found for: no-such-branch/);
    expect(server.deployments(REPOSITORY)).toEqual([]);
  });
});

describe("auto-inactive", () => {
  it("a success marks the environment's earlier successful deployments inactive, and only those", async () => {
    const github = client();
    const first = await deployed(github, "production");
    const preview = await deployed(github, "production", { transient: true });
    const elsewhere = await deployed(github, "staging");
    const failed = await github.createDeployment({ ref: "main", environment: "production" });
    await github.setDeploymentStatus(failed.id, { state: "failure" });
    expect(states(first)).toEqual(["success"]);

    const second = await deployed(github, "production");
    expect(states(first)).toEqual(["success", "inactive"]);
    expect(states(preview)).toEqual(["success"]);
    expect(states(elsewhere)).toEqual(["success"]);
    expect(states(failed.id)).toEqual(["failure"]);
    expect(states(second)).toEqual(["success"]);
  });

  it("leaves the earlier deployments be when the status asks not to", async () => {
    const github = client();
    const first = await deployed(github, "staging");
    const { id } = await github.createDeployment({ ref: "main", environment: "staging" });
    await github.setDeploymentStatus(id, { state: "success", autoInactive: false });
    expect(states(first)).toEqual(["success"]);
  });
});

describe("listDeployments", () => {
  it("lists one environment's deployments newest first with each one's latest state", async () => {
    const github = client();
    const first = await deployed(github, "staging");
    await deployed(github, "production");
    const second = await github.createDeployment({
      ref: await mainCommit(),
      environment: "staging",
      payload: { version: 4 },
    });
    await github.setDeploymentStatus(second.id, { state: "in_progress" });
    const third = await github.createDeployment({ ref: "main", environment: "staging" });

    const listed = await github.listDeployments("staging");
    expect(listed.map((d) => [d.id, d.latestState])).toEqual([
      [third.id, null],
      [second.id, "in_progress"],
      [first, "success"],
    ]);
    expect(listed[1]).toMatchObject({
      ref: await mainCommit(),
      sha: await mainCommit(),
      environment: "staging",
      payload: { version: 4 },
    });
    expect(listed[1]?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it(`reads at most the newest ${DEPLOYMENT_HISTORY_LIMIT}`, async () => {
    const github = client();
    const ids: number[] = [];
    for (let i = 0; i < DEPLOYMENT_HISTORY_LIMIT + 2; i++)
      ids.push((await github.createDeployment({ ref: "main", environment: "staging" })).id);
    const listed = await github.listDeployments("staging");
    expect(listed.map((d) => d.id)).toEqual(ids.slice(2).reverse());
  });
});

describe("getEnvironment", () => {
  it("reads the protection rules a deploy job waits for", async () => {
    expect(await client().getEnvironment("production")).toEqual({
      name: "production",
      protectionRules: [
        { type: "wait_timer", waitTimer: 30 },
        { type: "required_reviewers", reviewers: ["alice", "octo-org/ml-leads"], preventSelfReview: true },
        { type: "branch_policy" },
      ],
      branchPolicy: { protectedBranches: false, customBranchPolicies: true },
    });
    expect(await client().getEnvironment("staging")).toEqual({
      name: "staging",
      protectionRules: [],
      branchPolicy: null,
    });
  });

  it("is null for an environment the repository does not have", async () => {
    expect(await client().getEnvironment("prod")).toBeNull();
  });
});

describe("listRunApprovals", () => {
  it("lists who approved or rejected a run's deployments, with their comments", async () => {
    server.setRunApprovals(REPOSITORY, 4242, [
      { user: "bob", comment: "not on a Friday", state: "rejected", environments: ["production"] },
      { user: "alice", comment: "Ship it!", state: "approved", environments: ["production", "staging"] },
    ]);
    expect(await client().listRunApprovals(4242)).toEqual([
      { user: "bob", comment: "not on a Friday", state: "rejected", environments: ["production"] },
      { user: "alice", comment: "Ship it!", state: "approved", environments: ["production", "staging"] },
    ]);
    expect(await client().listRunApprovals(4243)).toEqual([]);
  });

  it("lists a review made through the pending deployments API", async () => {
    server.setPendingDeployments(REPOSITORY, 77, ["production"]);
    server.author = { login: "alice", type: "User", association: "MEMBER" };
    const octokit = getOctokit("ghs_write", { baseUrl: server.url });
    const repo = { owner: "octo-org", repo: "models", run_id: 77 };
    const { data: pending } = await octokit.rest.actions.getPendingDeploymentsForRun(repo);
    expect(pending.map((p) => [p.environment.name, p.wait_timer, p.current_user_can_approve])).toEqual([
      ["production", 30, true],
    ]);
    await octokit.rest.actions.reviewPendingDeploymentsForRun({
      ...repo,
      environment_ids: [pending[0]?.environment.id ?? 0],
      state: "approved",
      comment: "looks good",
    });
    expect(await client().listRunApprovals(77)).toEqual([
      { user: "alice", comment: "looks good", state: "approved", environments: ["production"] },
    ]);
    expect((await octokit.rest.actions.getPendingDeploymentsForRun(repo)).data).toEqual([]);
  });
});

describe("failures", () => {
  it("a read-only token's deployment is refused with the permission to grant", async () => {
    const error = await client("ghs_fork")
      .createDeployment({ ref: "main", environment: "staging" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExternalError);
    expect((error as ExternalError).message).toMatch(/403: Resource not accessible by integration/);
    expect((error as ExternalError).hint).toMatch(/permissions: deployments: write/);
    expect(server.deployments(REPOSITORY)).toEqual([]);
  });

  it("a refused approvals read names actions: read", async () => {
    server.failNext({ method: "GET", path: /\/approvals$/, status: 403, times: 1 });
    const error = await client()
      .listRunApprovals(1)
      .catch((e: unknown) => e);
    expect((error as ExternalError).hint).toMatch(/permissions: actions: read/);
  });

  it("a server error is retried and the deployment created once", async () => {
    server.failNext({ method: "POST", path: /\/deployments$/, status: 502, times: 2 });
    const { id } = await client().createDeployment({ ref: "main", environment: "staging" });
    expect(sleeps).toEqual([1000, 2000]);
    expect(server.deployments(REPOSITORY).map((d) => d.id)).toEqual([id]);
  });
});

describe("the stand-in", () => {
  it("refuses a status description over 140 characters, as GitHub does", async () => {
    const octokit = getOctokit("ghs_write", { baseUrl: server.url });
    const repo = { owner: "octo-org", repo: "models" };
    const { data } = await octokit.rest.repos.createDeployment({ ...repo, ref: "main", environment: "staging" });
    const id = "id" in data ? data.id : 0;
    const refused = await octokit.rest.repos
      .createDeploymentStatus({ ...repo, deployment_id: id, state: "success", description: "x".repeat(141) })
      .catch((e: unknown) => e);
    expect((refused as { status?: number }).status).toBe(422);
    expect(server.deployments("octo-org/models")[0]?.statuses).toEqual([]);
  });
});
