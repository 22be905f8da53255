import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ReportSection } from "../../src/config/schema/report.ts";
import { createGitHub, type GitHub } from "../../src/github/client.ts";
import { publishReport } from "../../src/github/publish.ts";
import { gateSurfaces, postSurfaces } from "../../src/github/report.ts";
import { createRecordingLogger } from "../../src/logging.ts";
import { COMMENT_LIMIT, reportMarker } from "../../src/github/pull-request.ts";
import { type FakeGitHub, startFakeGitHub } from "../helpers/github-server.ts";
import { gateResult, HEAD_SHA, outcome } from "../helpers/gate-result.ts";

/**
 * Posting reports to GitHub through the real Octokit client, against a local server that checks every request
 * against GitHub's published REST description (test/helpers/github-server.ts).
 */

let server: FakeGitHub;
let sleeps: number[];
const logger = createRecordingLogger();

function client(options: { retries?: number } = {}): GitHub {
  return createGitHub({
    token: "ghs_test_token",
    repository: "octo-org/ml-repo",
    baseUrl: server.url,
    logger,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    ...options,
  });
}

const settings = ReportSection.parse({});
const target = { pullRequest: 2, headSha: HEAD_SHA, runUrl: "https://github.com/octo-org/ml-repo/actions/runs/4242" };
const key = { workflow: "ci", job: "model" };

beforeEach(async () => {
  server = await startFakeGitHub();
  sleeps = [];
});
afterEach(async () => {
  // Every request the kit sent must be one GitHub documents, with a body GitHub's description accepts.
  expect(server.problems()).toEqual([]);
  await server.stop();
});

describe("the sticky comment", () => {
  it("is created on the first run and edited in place on a re-run", async () => {
    const github = client();
    const first = await postSurfaces(github, gateSurfaces(gateResult(), settings, target, key), settings);
    expect(first).toMatchObject({ commentAction: "created", problems: [] });
    expect(first.commentUrl).toMatch(/^https:\/\/github\.com\/octo-org\/ml-repo\/pull\/2#issuecomment-\d+$/);
    expect(server.comments).toHaveLength(1);
    expect(
      server.comments[0]?.body.startsWith(`${reportMarker({ workflow: "ci", job: "model", model: "penguins" })}\n`),
    ).toBe(true);
    expect(server.comments[0]?.body).toContain("Evaluation gate: fail");

    const again = await postSurfaces(
      github,
      gateSurfaces(gateResult({ verdict: "pass", outcomes: [] }), settings, target, key),
      settings,
    );
    expect(again).toMatchObject({ commentAction: "updated", commentUrl: first.commentUrl, problems: [] });
    expect(server.comments).toHaveLength(1);
    expect(server.comments[0]?.body).toContain("Evaluation gate: pass");
    expect(server.requests.map((r) => `${r.method} ${r.template}`)).toEqual([
      "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
      "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
      "POST /repos/{owner}/{repo}/check-runs",
      "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
      "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
      "POST /repos/{owner}/{repo}/check-runs",
    ]);
    expect(server.requests[0]?.authorization).toBe("token ghs_test_token");
  });

  it("keeps one comment per matrix leg (model), each re-run editing its own", async () => {
    const github = client();
    for (const round of [1, 2]) {
      for (const model of ["churn-eu", "churn-us"]) {
        const result = gateResult({ model, notes: [`round ${round}`] });
        await postSurfaces(github, gateSurfaces(result, settings, target, key), settings);
      }
    }
    expect(server.comments.map((c) => [c.body.split("\n")[0], c.body.includes("round 2")])).toEqual([
      ["<!-- mlops-kit:report workflow=ci job=model model=churn%2Deu -->", true],
      ["<!-- mlops-kit:report workflow=ci job=model model=churn%2Dus -->", true],
    ]);
  });

  it("finds its comment among more than one page of comments", async () => {
    for (let i = 0; i < 130; i++)
      server.seedComment({
        issue: 2,
        body: `comment ${i}`,
        user: { login: "octocat", type: "User" },
        authorAssociation: "MEMBER",
      });
    const marker = reportMarker({ workflow: "ci", job: "model", model: "penguins" });
    const ours = server.seedComment({
      issue: 2,
      body: `${marker}\nold`,
      user: { login: "github-actions[bot]", type: "Bot" },
      authorAssociation: "NONE",
    });
    const posted = await postSurfaces(client(), gateSurfaces(gateResult(), settings, target, key), settings);
    expect(posted.commentAction).toBe("updated");
    expect(ours.body).toContain("Evaluation gate: fail");
    expect(
      server.requests.filter((r) => r.operationId === "issues/list-comments").map((r) => r.query.page ?? "1"),
    ).toEqual(["1", "2"]);
  });

  it("never edits a marker planted by someone without write access; it writes its own comment", async () => {
    const marker = reportMarker({ workflow: "ci", job: "model", model: "penguins" });
    const planted = server.seedComment({
      issue: 2,
      body: `${marker}\nall good!`,
      user: { login: "mallory", type: "User" },
      authorAssociation: "CONTRIBUTOR",
    });
    const posted = await postSurfaces(client(), gateSurfaces(gateResult(), settings, target, key), settings);
    expect(posted.commentAction).toBe("created");
    expect(planted.body).toBe(`${marker}\nall good!`);
    expect(server.comments).toHaveLength(2);
  });

  it("writes a new comment every run with `comment: new`, and none with `comment: off`", async () => {
    const github = client();
    const fresh = ReportSection.parse({ comment: "new", check: false });
    await postSurfaces(github, gateSurfaces(gateResult(), fresh, target, key), fresh);
    await postSurfaces(github, gateSurfaces(gateResult(), fresh, target, key), fresh);
    expect(server.comments).toHaveLength(2);
    const off = ReportSection.parse({ comment: "off", check: false });
    const posted = await postSurfaces(github, gateSurfaces(gateResult(), off, target, key), off);
    expect(posted).toMatchObject({ commentUrl: null, checkRunId: null, problems: [] });
    expect(server.comments).toHaveLength(2);
  });

  it("stays under GitHub's 65,536 characters, cut after whole rows, pointing to the job summary", async () => {
    const outcomes = Array.from({ length: 2000 }, (_, i) =>
      outcome({ slice: { column: "store", value: `store-${i}` }, reason: `fell a long way in store ${i} `.repeat(8) }),
    );
    const posted = await postSurfaces(
      client(),
      gateSurfaces(gateResult({ outcomes }), settings, target, key),
      settings,
    );
    expect(posted.problems).toEqual([]);
    const body = server.comments[0]?.body ?? "";
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body.length).toBeGreaterThan(COMMENT_LIMIT - 2000);
    expect(body).toContain(
      "**This report was cut to fit GitHub's limit of 65,536 characters. The full report is in the job summary, with plots in the mlops-run-report artifact, of [the workflow run](https://github.com/octo-org/ml-repo/actions/runs/4242).**",
    );
    // Every table line that survived is a whole row: it starts and ends with a pipe.
    const tableLines = body.split("\n").filter((line) => line.startsWith("|"));
    expect(tableLines.length).toBeGreaterThan(50);
    for (const line of tableLines) expect(line.endsWith(" |")).toBe(true);
  });
});

describe("the check run", () => {
  it("concludes with the verdict and annotates each broken rule on its line", async () => {
    const posted = await postSurfaces(client(), gateSurfaces(gateResult(), settings, target, key), settings);
    expect(posted.checkRunId).toBeTypeOf("number");
    expect(server.checkRuns).toEqual([
      expect.objectContaining({
        name: "mlops gate (penguins)",
        headSha: HEAD_SHA,
        status: "completed",
        conclusion: "failure",
        detailsUrl: "https://github.com/octo-org/ml-repo/actions/runs/4242",
        output: {
          title: "penguins: gate failed (1 of 2 checks)",
          summary: expect.stringContaining("Evaluation gate: fail") as string,
        },
        annotations: [
          {
            path: "ml/mlops.yml",
            start_line: 12,
            end_line: 12,
            annotation_level: "failure",
            title: "mlops gate: accuracy fail",
            message:
              "accuracy: fell from 0.88 to 0.82: worse by 0.06, more than the allowed 0.02 (rule: regression <= 0.02)",
          },
        ],
      }),
    ]);
  });

  it.each([
    ["pass", "success"],
    ["error", "failure"],
    ["skipped", "neutral"],
  ] as const)("concludes %s as %s, and uses report.check_name", async (verdict, conclusion) => {
    const named = ReportSection.parse({ check_name: "model quality", comment: "off" });
    await postSurfaces(client(), gateSurfaces(gateResult({ verdict, outcomes: [] }), named, target, key), named);
    expect(server.checkRuns.map((r) => [r.name, r.conclusion])).toEqual([["model quality", conclusion]]);
  });

  it("sends more than 50 annotations 50 per request, all of them kept", async () => {
    const outcomes = Array.from({ length: 123 }, (_, i) => outcome({ slice: { column: "store", value: `s${i}` } }));
    await postSurfaces(
      client(),
      gateSurfaces(gateResult({ outcomes }), ReportSection.parse({ comment: "off" }), target, key),
      settings,
    );
    const checkRequests = server.requests.filter((r) => r.template?.includes("check-runs"));
    expect(
      checkRequests.map((r) => [
        r.method,
        (r.body as { output: { annotations: unknown[] } }).output.annotations.length,
      ]),
    ).toEqual([
      ["POST", 50],
      ["PATCH", 50],
      ["PATCH", 23],
    ]);
    expect(server.checkRuns[0]?.annotations).toHaveLength(123);
    expect(server.checkRuns[0]?.annotations.map((a) => a.title)).toContain("mlops gate: accuracy [store=s122] fail");
  });
});

describe("GitHub's refusals", () => {
  it("reports a read-only fork token (403) with what to do, for both surfaces, without throwing", async () => {
    server.tokenScope = "read-only";
    const posted = await postSurfaces(client(), gateSurfaces(gateResult(), settings, target, key), settings);
    expect(posted.commentUrl).toBeNull();
    expect(posted.checkRunId).toBeNull();
    expect(posted.problems).toHaveLength(2);
    expect(posted.problems[0]).toMatch(
      /^the pull-request comment: GitHub API: could not comment on #2: 403: Resource not accessible by integration \(hint: .*on a pull request from a fork GITHUB_TOKEN is read-only.*workflow_run/,
    );
    expect(posted.problems[1]).toMatch(
      /^the check run: GitHub API: could not create the check run "mlops gate \(penguins\)": 403/,
    );
    expect(sleeps).toEqual([]);
  });

  it("reports GitHub's 422 for a body over the limit, with GitHub's own message", async () => {
    const posted = await publishReport(client(), {
      pullRequest: 2,
      headSha: null,
      comment: { mode: "new", marker: "<!-- x -->", body: "x".repeat(COMMENT_LIMIT + 1) },
      check: null,
    });
    expect(posted.problems).toEqual([
      "the pull-request comment: GitHub API: could not comment on #2: 422: Validation Failed; body is too long (maximum is 65536 characters)",
    ]);
  });

  it("retries server errors with exponential backoff and then succeeds", async () => {
    server.failNext({ method: "POST", path: /\/check-runs$/, status: 502, times: 2 });
    const posted = await postSurfaces(client(), gateSurfaces(gateResult(), settings, target, key), settings);
    expect(posted.problems).toEqual([]);
    expect(sleeps).toEqual([1000, 2000]);
    expect(server.requests.filter((r) => r.operationId === "checks/create").map((r) => r.status)).toEqual([
      502, 502, 201,
    ]);
    expect(server.checkRuns).toHaveLength(1);
  });

  it("reports a server error that outlasts the retries", async () => {
    server.failNext({ method: "GET", path: /\/comments$/, status: 503, times: 10 });
    const posted = await postSurfaces(client(), gateSurfaces(gateResult(), settings, target, key), settings);
    expect(sleeps).toEqual([1000, 2000, 4000]);
    expect(posted.problems).toEqual([
      "the pull-request comment: GitHub API: could not list the comments of #2: 503 after 4 attempts: Server Error",
    ]);
    expect(posted.checkRunId).toBeTypeOf("number");
  });

  it("waits as long as a 429's Retry-After says", async () => {
    server.failNext({ method: "POST", path: /\/comments$/, status: 429, times: 1, headers: { "retry-after": "7" } });
    const posted = await postSurfaces(client(), gateSurfaces(gateResult(), settings, target, key), settings);
    expect(posted.problems).toEqual([]);
    expect(sleeps).toEqual([7000]);
  });
});

describe("the fake checks requests against GitHub's description", () => {
  it("flags a request GitHub would not accept", async () => {
    const response = await fetch(`${server.url}/repos/octo-org/ml-repo/check-runs`, {
      method: "POST",
      headers: { authorization: "token x", "content-type": "application/json" },
      body: JSON.stringify({
        name: "x",
        head_sha: HEAD_SHA,
        conclusion: "passed",
        output: {
          title: "t",
          summary: "s",
          annotations: Array.from({ length: 51 }, () => ({
            path: "a",
            start_line: 1,
            end_line: 1,
            annotation_level: "failure",
            message: "m",
          })),
        },
        colour: "green",
      }),
    });
    expect(response.status).toBe(400);
    const problems = server.problems();
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('body.conclusion: "passed" is not one of'),
        expect.stringContaining("body.output.annotations: more than 50 items (51)"),
        expect.stringContaining("body: unknown property colour"),
      ]),
    );
    server.requests.length = 0;
  });
});
