import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.ts";
import type { GateResult } from "../../src/gate/gate.ts";
import { createGitHub } from "../../src/github/client.ts";
import { resolveReportTarget, type TargetOptions } from "../../src/github/target.ts";
import { createRecordingLogger } from "../../src/logging.ts";
import { readRunnerEnvironment } from "../../src/runner/runner.ts";
import { gateResult, HEAD_SHA } from "../helpers/gate-result.ts";
import { type FakeGitHub, startFakeGitHub } from "../helpers/github-server.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";
import { BASE, FORK, workflowRunEvent, type WorkflowRunOptions } from "./workflow-run-event.ts";

/**
 * Which pull request a report posted from a trusted `workflow_run` job goes to. The payload (real shape) names the
 * run's head repository and commit; a pull request is this run's only when both match, as the payload lists it or as
 * GitHub's API reports it. A base-repository pull request whose head happens to be the same commit is not the fork
 * run's: taking it would let a fork overwrite another pull request's comment.
 */

let server: FakeGitHub;

beforeEach(async () => {
  server = await startFakeGitHub();
});
afterEach(async () => {
  expect(server.problems()).toEqual([]);
  await server.stop();
});

/** A base-repository pull request whose head commit is HEAD_SHA: the one a fork would like to write on. */
const VICTIM = { number: 5, headRef: "tune", headSha: HEAD_SHA, headRepo: BASE };
/** The fork's own pull request, at the same commit. */
const FORKS_OWN = { number: 7, headRef: "main", headSha: HEAD_SHA, headRepo: FORK };

/** The fork's run on `main` at HEAD_SHA, for which GitHub lists the base repository's #5 (same head commit). */
const forkRun: WorkflowRunOptions = {
  head: { repository: FORK, branch: "main", sha: HEAD_SHA },
  pullRequests: [{ number: 5, head: { repository: BASE, branch: "tune", sha: HEAD_SHA } }],
};

async function resolve(
  run: WorkflowRunOptions,
  options: { target?: TargetOptions; report?: GateResult } = {},
): Promise<Awaited<ReturnType<typeof resolveReportTarget>>> {
  const dir = await tempDir();
  const [eventFile = ""] = await writeFiles(dir, { "event.json": JSON.stringify(workflowRunEvent(run)) });
  const env = {
    GITHUB_EVENT_NAME: "workflow_run",
    GITHUB_EVENT_PATH: path.resolve(eventFile),
    GITHUB_REPOSITORY: BASE.fullName,
    GITHUB_SERVER_URL: "https://github.com",
  };
  const github = () =>
    createGitHub({ token: "ghs_t", repository: BASE.fullName, baseUrl: server.url, logger: createRecordingLogger() });
  const report = options.report ?? gateResult({ source: { ...gateResult().source, pullRequest: null } });
  return resolveReportTarget(report, await readRunnerEnvironment(env), options.target ?? {}, github);
}

describe("the pull request of a workflow_run report", () => {
  it("is the one GitHub lists when its head repository and commit are the run's, taken without asking again", async () => {
    const target = await resolve({
      head: { repository: BASE, branch: "tune", sha: HEAD_SHA },
      pullRequests: [{ number: 5, head: { repository: BASE, branch: "tune", sha: HEAD_SHA } }],
    });
    expect(target).toMatchObject({ pullRequest: 5, headSha: HEAD_SHA, from: "workflow_run" });
    expect(server.requests).toEqual([]);
  });

  it("is never a base-repository pull request that only shares the fork's head commit: the fork's own is found", async () => {
    server.pulls = [VICTIM, FORKS_OWN];
    const target = await resolve(forkRun);
    expect(target.pullRequest).toBe(7);
    // Found by GitHub's API from the fork's owner and branch, and matched on the fork's repository id and commit.
    expect(server.requests.map((r) => [r.operationId, r.query.head])).toEqual([["pulls/list", "forker:main"]]);
  });

  it("is refused when no open pull request has the run's head repository and commit", async () => {
    server.pulls = [VICTIM];
    const refused = resolve(forkRun);
    await expect(refused).rejects.toThrow(InputError);
    await expect(refused).rejects.toThrow(
      `the workflow run built ${FORK.fullName} at ${HEAD_SHA.slice(0, 12)}, and no open pull request here has that head: refusing to post its report`,
    );
  });

  it("is not one of the fork's own pull requests that GitHub lists (its base is the fork)", async () => {
    server.pulls = [FORKS_OWN];
    const target = await resolve({
      ...forkRun,
      pullRequests: [{ number: 1, head: { repository: FORK, branch: "main", sha: HEAD_SHA }, base: FORK }],
    });
    expect(target.pullRequest).toBe(7);
  });

  it("is matched on the repository's id, not a same-named branch of another repository of the fork's owner", async () => {
    server.pulls = [{ ...FORKS_OWN, headRepo: { id: 999_999, fullName: FORK.fullName } }];
    await expect(resolve(forkRun)).rejects.toThrow(/no open pull request here has that head/);
  });

  it("given with --pr, is checked with GitHub: its head must be the run's repository and commit", async () => {
    server.pulls = [VICTIM, FORKS_OWN];
    expect((await resolve(forkRun, { target: { pullRequest: 7 } })).pullRequest).toBe(7);
    expect(server.requests.map((r) => r.operationId)).toEqual(["pulls/get"]);
    await expect(resolve(forkRun, { target: { pullRequest: 5 } })).rejects.toThrow(
      `pull request #5 has its head in ${BASE.fullName} at ${HEAD_SHA.slice(0, 12)}, but the workflow run built ${FORK.fullName} at ${HEAD_SHA.slice(0, 12)}: refusing to post its report`,
    );
  });

  it("must agree with the pull request the report claims", async () => {
    server.pulls = [VICTIM, FORKS_OWN];
    const claimsVictim = gateResult({
      source: { ...gateResult().source, pullRequest: { number: 5, headSha: HEAD_SHA, headRef: "x", baseRef: "main" } },
    });
    await expect(resolve(forkRun, { report: claimsVictim })).rejects.toThrow(
      "the report claims pull request #5, but the workflow run is for #7: refusing to post it",
    );
  });
});
