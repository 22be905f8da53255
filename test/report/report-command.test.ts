import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { stackFrames } from "../helpers/cli.ts";
import { type FakeGitHub, startFakeGitHub } from "../helpers/github-server.ts";
import { gateResult, HEAD_SHA } from "../helpers/gate-result.ts";
import { webhookExample } from "../helpers/runner.ts";
import { BASE, FORK, workflowRunEvent, type WorkflowRunOptions } from "../github/workflow-run-event.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * `mlops report` in the fork-safe pattern: a trusted `workflow_run` job posts the report artifact a fork's pull
 * request produced. The target comes from the real event payload, the artifact is checked against it, and GitHub is
 * the fake server (real Octokit, GitHub's REST description).
 */

let server: FakeGitHub;
let dir: string;

beforeEach(async () => {
  server = await startFakeGitHub();
  dir = await tempDir();
});
afterEach(async () => {
  expect(server.problems()).toEqual([]);
  await server.stop();
});

/** A real workflow_run.completed payload, for a run of `ci` on a fork's pull request (none listed, as for forks). */
function forkRunEvent(options: Partial<WorkflowRunOptions> = {}): unknown {
  return workflowRunEvent({ head: { repository: FORK, branch: "changes", sha: HEAD_SHA }, ...options });
}

/** The fork's pull request, as GitHub's API reports it. */
const FORK_PULL = { number: 2, headRef: "changes", headSha: HEAD_SHA, headRepo: FORK };

async function report(
  argv: string[],
  options: { event?: unknown; eventName?: string; token?: string | null } = {},
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  const eventFile = path.join(dir, "event.json");
  await writeFile(eventFile, JSON.stringify(options.event ?? forkRunEvent()));
  let stdout = "";
  let stderr = "";
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GITHUB_ACTIONS: "true",
    GITHUB_REPOSITORY: "octo-org/ml-repo",
    GITHUB_API_URL: server.url,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_EVENT_NAME: options.eventName ?? "workflow_run",
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_WORKFLOW: "report",
    GITHUB_JOB: "post",
    ...(options.token === null ? {} : { GITHUB_TOKEN: options.token ?? "ghs_workflow_run_token" }),
  };
  const exitCode = await main(["report", ...argv], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
    cwd: dir,
    color: false,
  });
  return { exitCode, stdout, stderr };
}

async function artifact(result = gateResult()): Promise<string> {
  await writeFiles(dir, { "artifact/gate.json": JSON.stringify(result) });
  return "artifact/gate.json";
}

describe("mlops report in a workflow_run job", () => {
  it("finds a fork's pull request by its head, then comments and checks with the event's commit and run", async () => {
    server.pulls = [FORK_PULL];
    const from = await artifact();
    const run = await report(["--from", from, "--json"]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      posted: true,
      verdict: "fail",
      model: "penguins",
      target: { repository: "octo-org/ml-repo", pullRequest: 2, headSha: HEAD_SHA, from: "workflow_run" },
      problems: [],
    });
    expect(server.requests.find((r) => r.operationId === "pulls/list")?.query).toMatchObject({
      head: "forker:changes",
      state: "open",
    });
    const body = server.comments[0]?.body ?? "";
    // The marker names the workflow that produced the report (from the event), its job and model.
    expect(body.split("\n")[0]).toBe("<!-- mlops-kit:report workflow=ci job=model model=penguins -->");
    // Links go to the run the event names, not to whatever the artifact says.
    expect(body).toContain("(https://github.com/octo-org/ml-repo/actions/runs/777)");
    expect(body).not.toContain("runs/4242");
    // The check run shows what the fork's run uploaded: named and said to be informational, never the required one.
    expect(server.checkRuns).toEqual([
      expect.objectContaining({
        headSha: HEAD_SHA,
        conclusion: "failure",
        name: "mlops report: penguins (informational)",
      }),
    ]);
    expect(server.checkRuns[0]?.output.summary).toContain(
      "Informational: a trusted workflow posted this check from the report that the pull request's own run uploaded",
    );
  });

  it("posts a fork's report on the fork's pull request, never on a base-repository one at the same commit", async () => {
    // The fork pushed the head commit of the base repository's #5, and GitHub lists #5 with the fork's run.
    const victim = { number: 5, headRef: "tune", headSha: HEAD_SHA, headRepo: BASE };
    server.pulls = [victim, FORK_PULL];
    const marker = "<!-- mlops-kit:report workflow=ci job=model model=penguins -->";
    const victimComment = server.seedComment({
      issue: 5,
      body: `${marker}\nthe real report of #5`,
      user: { login: "github-actions[bot]", type: "Bot" },
      authorAssociation: "NONE",
    });
    const event = forkRunEvent({
      pullRequests: [{ number: 5, head: { repository: BASE, branch: "tune", sha: HEAD_SHA } }],
    });
    // The fork's artifact claims no pull request, so nothing in it contradicts the payload's #5.
    const from = await artifact(gateResult({ verdict: "pass", source: { ...gateResult().source, pullRequest: null } }));
    const run = await report(["--from", from, "--json"], { event });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ target: { pullRequest: 2 } });
    expect(victimComment.body).toBe(`${marker}\nthe real report of #5`);
    expect(server.comments.map((c) => c.issue)).toEqual([5, 2]);
  });

  it("refuses, exit 2 and one message, a fork's run whose head no open pull request has", async () => {
    server.pulls = [{ number: 5, headRef: "tune", headSha: HEAD_SHA, headRepo: BASE }];
    const event = forkRunEvent({
      pullRequests: [{ number: 5, head: { repository: BASE, branch: "tune", sha: HEAD_SHA } }],
    });
    const from = await artifact(gateResult({ source: { ...gateResult().source, pullRequest: null } }));
    const run = await report(["--from", from], { event });
    expect(run.exitCode).toBe(2);
    expect(run.stderr.split("\n").filter((line) => line.startsWith("error:"))).toEqual([
      `error: the workflow run built forker/ml-repo at ${HEAD_SHA.slice(0, 12)}, and no open pull request here has that head: refusing to post its report`,
    ]);
    expect(stackFrames(run.stderr)).toEqual([]);
    expect(server.requests.filter((r) => r.method !== "GET")).toEqual([]);
  });

  it("updates the same comment when the report is posted again", async () => {
    const from = await artifact();
    const head = { repository: BASE, branch: "changes", sha: HEAD_SHA };
    const event = workflowRunEvent({ head, pullRequests: [{ number: 2, head }] });
    expect((await report(["--from", from], { event })).exitCode).toBe(0);
    await artifact(gateResult({ verdict: "pass", outcomes: [] }));
    const again = await report(["--from", from], { event });
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toMatch(/comment updated: https:\/\/github\.com\/octo-org\/ml-repo\/pull\/2#issuecomment-\d+/);
    expect(server.comments).toHaveLength(1);
    expect(server.checkRuns.map((r) => r.conclusion)).toEqual(["failure", "success"]);
  });

  it("refuses a report about another commit than the run built", async () => {
    const from = await artifact(gateResult({ source: { ...gateResult().source, commit: "f".repeat(40) } }));
    const run = await report(["--from", from]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(
      "the report is about commit ffffffffffff, but the workflow run built ec26c3e57ca3: refusing to post it",
    );
    expect(server.requests.filter((r) => r.method !== "GET")).toEqual([]);
  });

  it("refuses an artifact that is not a gate report, before talking to GitHub", async () => {
    await writeFiles(dir, { "artifact/gate.json": JSON.stringify({ ...gateResult(), body: "<script>" }) });
    const run = await report(["--from", "artifact/gate.json"]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(
      'artifact/gate.json is not a valid gate report: (top level): Unrecognized key: "body"',
    );
    expect(server.requests).toEqual([]);
  });

  it("retries GitHub's server errors (honouring Retry-After) and then posts", async () => {
    server.failNext({ method: "POST", path: /\/comments$/, status: 502, times: 2, headers: { "retry-after": "0" } });
    server.pulls = [FORK_PULL];
    const from = await artifact();
    const run = await report(["--from", from, "--pr", "2"]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stderr.match(/retry \d of 3 in 0 ms/g)).toHaveLength(2);
    expect(server.comments).toHaveLength(1);
  });

  it("exits 2 and says what to do when the token is read-only", async () => {
    server.tokenScope = "read-only";
    server.pulls = [FORK_PULL];
    const from = await artifact();
    const run = await report(["--from", from, "--pr", "2"]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(
      /could not post the pull-request comment: GitHub API: could not comment on #2: 403: Resource not accessible by integration \(hint: /,
    );
    expect(run.stdout).toContain("could not post the check run");
  });

  it("needs a token, and prints the comment without one with --dry-run", async () => {
    const from = await artifact();
    const missing = await report(["--from", from], { token: null });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain("error: posting to GitHub needs a token");
    const dry = await report(["--from", from, "--dry-run"], { token: null });
    expect(dry.exitCode).toBe(0);
    expect(
      dry.stdout.startsWith(
        "<!-- mlops-kit:report workflow=ci job=model model=penguins -->\n\n### ❌ Evaluation gate: fail",
      ),
    ).toBe(true);
    expect(server.requests).toEqual([]);
  });
});

describe("mlops report in the job that ran the gate", () => {
  it("takes the pull request from the pull_request event", async () => {
    const from = await artifact();
    const run = await report(["--from", from, "--json"], {
      event: webhookExample("pull_request", "opened"),
      eventName: "pull_request",
    });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      target: { pullRequest: 2, headSha: HEAD_SHA, from: "pull_request" },
    });
    expect(server.comments.map((c) => c.issue)).toEqual([2]);
  });
});
