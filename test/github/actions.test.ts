import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.ts";
import { type FakeGitHub, startFakeGitHub } from "../helpers/github-server.ts";
import { REPO_ROOT, runBundledAction, type RunnerEnvironment, webhookExample } from "../helpers/runner.ts";
import { BASE, FORK, workflowRunEvent } from "./workflow-run-event.ts";

/**
 * The bundled gate, evaluate and report actions, run the way the runner runs them, posting to the fake GitHub
 * (GITHUB_API_URL) through the real Octokit: the same-repository pull request, the fork (read-only token), and the
 * fork-safe workflow_run job that posts the fork's artifact.
 */

const HEAD_SHA = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
let workspace: string;
let server: FakeGitHub;

beforeAll(async () => {
  workspace = await mkdtemp(path.join(os.tmpdir(), "mlops-pr-actions-"));
  await mkdir(path.join(workspace, ".git"));
  await cp(path.join(REPO_ROOT, "examples/penguins"), path.join(workspace, "ml"), {
    recursive: true,
    filter: (source) => !/[/\\](\.mlops|model|predictions\.csv)$/.test(source),
  });
});
afterAll(async () => {
  await rm(workspace, { recursive: true, force: true });
});
beforeEach(async () => {
  server = await startFakeGitHub();
});
afterEach(async () => {
  expect(server.problems()).toEqual([]);
  await server.stop();
});

const inputs = (extra: Record<string, string> = {}) => ({
  config: "mlops.yml",
  "working-directory": "ml",
  "github-token": "ghs_job_token",
  ...extra,
});

function pullRequestJob(): RunnerEnvironment {
  return {
    workspace,
    event: { name: "pull_request", payload: webhookExample("pull_request", "opened") },
    env: {
      GITHUB_REF: "refs/pull/2/merge",
      GITHUB_API_URL: server.url,
      GITHUB_WORKFLOW: "ci",
      GITHUB_JOB: "model",
    },
  };
}

/** Trains and evaluates in-process (the stages the gate reads), with param overrides. */
async function trainAndEvaluate(...overrides: string[]): Promise<void> {
  const cwd = path.join(workspace, "ml");
  const train = await runCli(["train", ...overrides.flatMap((o) => ["--set", o])], { cwd });
  expect(train.exitCode, train.stderr).toBe(0);
  const evaluate = await runCli(["evaluate"], { cwd });
  expect(evaluate.exitCode, evaluate.stderr).toBe(0);
}

describe("actions/gate on a pull request", () => {
  it("comments and checks on the first run, then edits the same comment when a regression fails the step", async () => {
    await trainAndEvaluate();
    const first = await runBundledAction("gate", inputs(), pullRequestJob());
    expect(first.exitCode, first.stdout).toBe(0);
    expect(first.outputs).toMatchObject({ verdict: "pass", "check-run-id": expect.stringMatching(/^\d+$/) as string });
    expect(first.outputs["comment-url"]).toMatch(
      /^https:\/\/github\.com\/octo-org\/ml-repo\/pull\/2#issuecomment-\d+$/,
    );
    expect(server.checkRuns[0]).toMatchObject({
      headSha: HEAD_SHA,
      conclusion: "success",
      name: "mlops gate (penguins)",
    });
    expect(server.comments[0]?.body.split("\n")[0]).toBe(
      "<!-- mlops-kit:report workflow=ci job=model model=penguins -->",
    );
    expect(first.summary).toContain("Evaluation gate: pass");

    // The baseline becomes champion on main; the next candidate regresses.
    expect((await runCli(["publish"], { cwd: path.join(workspace, "ml") })).exitCode).toBe(0);
    await trainAndEvaluate("epochs=3");
    const second = await runBundledAction("gate", inputs(), pullRequestJob());
    expect(second.exitCode).toBe(1);
    expect(second.outputs.verdict).toBe("fail");
    expect(second.outputs["comment-url"]).toBe(first.outputs["comment-url"]);
    expect(server.comments).toHaveLength(1);
    expect(server.comments[0]?.body).toContain("Evaluation gate: fail");
    const failed = server.checkRuns[1];
    expect(failed?.conclusion).toBe("failure");
    const config = await readFile(path.join(workspace, "ml/mlops.yml"), "utf8");
    const line = (text: string): number => config.split("\n").findIndex((l) => l.includes(text)) + 1;
    expect(failed?.annotations.map((a) => [a.path, a.start_line, a.annotation_level])).toEqual([
      ["ml/mlops.yml", line("max_regression: 0.02"), "failure"],
      ["ml/mlops.yml", line("max_regression: 0.05"), "failure"],
    ]);
  });

  it("keeps the step's outcome the verdict's with a fork's read-only token, and warns how to post instead", async () => {
    server.tokenScope = "read-only";
    const run = await runBundledAction("gate", inputs(), pullRequestJob());
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ verdict: "fail", "comment-url": "", "check-run-id": "" });
    const warnings = run.annotations.filter((a) => a.level === "warning").map((a) => a.message);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^could not post the pull-request comment: GitHub API: could not comment on #2: 403: Resource not accessible by integration \(hint: .*workflow_run/,
      ),
      expect.stringMatching(/^could not post the check run: .*403/),
    ]);
    // A passing gate stays passed when posting is refused.
    await trainAndEvaluate();
    const passing = await runBundledAction("gate", inputs(), pullRequestJob());
    expect(passing.exitCode).toBe(0);
    expect(passing.outputs.verdict).toBe("pass");
  });

  it("posts nothing without a token and says so", async () => {
    const run = await runBundledAction("gate", inputs({ "github-token": "" }), pullRequestJob());
    expect(run.outputs["comment-url"]).toBe("");
    expect(run.stdout).toContain("No github-token: the report is in the job summary only");
    expect(server.requests).toEqual([]);
  });
});

/** actions/report in the trusted workflow_run job of the base repository, with the write token. */
function reportJob(report: string, event: unknown): ReturnType<typeof runBundledAction> {
  return runBundledAction(
    "report",
    { report, "github-token": "ghs_trusted_token" },
    {
      workspace,
      event: { name: "workflow_run", payload: event },
      env: { GITHUB_API_URL: server.url, GITHUB_REPOSITORY: BASE.fullName },
    },
  );
}

describe("the fork-safe pattern: actions/report in a workflow_run job", () => {
  it("posts the artifact of the fork's run on the fork's pull request", async () => {
    const artifact = path.join(workspace, "artifact");
    await mkdir(artifact, { recursive: true });
    await cp(path.join(workspace, "ml/.mlops/out/gate.json"), path.join(artifact, "gate.json"));
    server.pulls = [{ number: 2, headRef: "changes", headSha: HEAD_SHA, headRepo: FORK }];
    const event = workflowRunEvent({
      head: { repository: FORK, branch: "changes", sha: HEAD_SHA },
      runUrl: "https://github.com/octo-org/ml-repo/actions/runs/99",
    });
    const run = await reportJob("artifact/gate.json", event);
    // The last gate in this workspace passed (the fork test above ends with a passing run).
    const { verdict } = JSON.parse(await readFile(path.join(artifact, "gate.json"), "utf8")) as { verdict: string };
    expect(verdict).toBe("pass");
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ verdict, "check-run-id": expect.stringMatching(/^\d+$/) as string });
    expect(run.outputs["comment-url"]).toMatch(/\/pull\/2#issuecomment-\d+$/);
    // Informational: it shows what the fork's run uploaded; the required check is the gate job itself.
    expect(server.checkRuns[0]).toMatchObject({
      headSha: HEAD_SHA,
      conclusion: "success",
      name: "mlops report: penguins (informational)",
    });
    expect(server.comments[0]?.body).toContain("(https://github.com/octo-org/ml-repo/actions/runs/99)");
    expect(run.summary).toContain("Evaluation gate: pass");
  });

  it("renders the artifact's report.sections as written for this repository's run, as text for a fork's", async () => {
    const report = JSON.parse(await readFile(path.join(workspace, "artifact/gate.json"), "utf8")) as object;
    const card = '## Card\n\n<img src="https://tracker.example/p.png"> @someone [docs](https://evil.example/x)\n';
    const sections = [{ title: "Model card", path: "docs/card.md", text: card, problem: null, cutFrom: null }];
    await writeFile(path.join(workspace, "artifact/sections.json"), JSON.stringify({ ...report, sections }));
    const html = (markdown: string): string =>
      micromark(markdown.slice(markdown.indexOf("\n")), {
        extensions: [gfm()],
        htmlExtensions: [gfmHtml()],
        allowDangerousHtml: true,
      });
    for (const head of [BASE, FORK]) {
      server.pulls = [{ number: 2, headRef: "changes", headSha: HEAD_SHA, headRepo: head }];
      const event = workflowRunEvent({ head: { repository: head, branch: "changes", sha: HEAD_SHA } });
      const run = await reportJob("artifact/sections.json", event);
      expect(run.exitCode, run.stdout).toBe(0);
      const surfaces = [server.comments.at(-1)?.body ?? "", run.summary, server.checkRuns.at(-1)?.output.summary ?? ""];
      for (const rendered of surfaces.map(html)) {
        if (head === BASE) {
          expect(rendered).toContain("<h4>Model card</h4>\n<h2>Card</h2>");
          expect(rendered).toContain('<a href="https://evil.example/x">docs</a>');
        } else {
          expect(rendered).not.toMatch(/<img|<h2>|<h4>|href="https:\/\/evil/);
          expect(rendered).toMatch(
            /<pre><code[^>]*>## Card\n\n&lt;img src=&quot;https:\/\/tracker\.example\/p\.png&quot;&gt; @someone/,
          );
        }
      }
    }
  });

  it("refuses to post a fork's report on a base-repository pull request at the same commit", async () => {
    // GitHub lists the base repository's #5 with the fork's run, because #5's head is the commit the fork pushed.
    server.pulls = [{ number: 5, headRef: "tune", headSha: HEAD_SHA, headRepo: BASE }];
    const event = workflowRunEvent({
      head: { repository: FORK, branch: "main", sha: HEAD_SHA },
      pullRequests: [{ number: 5, head: { repository: BASE, branch: "tune", sha: HEAD_SHA } }],
    });
    const report = JSON.parse(await readFile(path.join(workspace, "artifact/gate.json"), "utf8")) as {
      source: Record<string, unknown>;
    };
    report.source.pullRequest = null;
    await writeFile(path.join(workspace, "artifact/forged.json"), JSON.stringify(report));
    const run = await reportJob("artifact/forged.json", event);
    expect(run.exitCode).toBe(1);
    // The door's usual pair: the error with its hint, and the step's failure message.
    const refusal = `the workflow run built forker/ml-repo at ${HEAD_SHA.slice(0, 12)}, and no open pull request here has that head: refusing to post its report`;
    const errors = run.annotations.filter((a) => a.level === "error").map((a) => a.message);
    expect(errors).toHaveLength(2);
    expect(errors[0]?.startsWith(`${refusal} (a pull request that moved on since this run`)).toBe(true);
    expect(errors[1]).toBe(refusal);
    expect(server.comments).toEqual([]);
    expect(server.checkRuns).toEqual([]);
  });

  it("fails the step on an artifact that is not a gate report", async () => {
    await writeFile(path.join(workspace, "artifact/gate.json"), JSON.stringify({ stage: "gate", verdict: "pass" }));
    const run = await runBundledAction(
      "report",
      { report: "artifact/gate.json", "github-token": "t" },
      { workspace, env: { GITHUB_API_URL: server.url } },
    );
    expect(run.exitCode).toBe(1);
    expect(run.outputs.verdict).toBe("error");
    expect(run.stdout).toContain("artifact/gate.json is not a valid gate report");
    expect(server.requests).toEqual([]);
  });
});

describe("actions/evaluate", () => {
  it("reports on the pull request itself when there is no gate", async () => {
    const config = await readFile(path.join(workspace, "ml/mlops.yml"), "utf8");
    await writeFile(
      path.join(workspace, "ml/nogate.yml"),
      config.replace(/\ngate:[\s\S]*?\n\n/, "\n\n").replace("promote: champion", "promote: false"),
    );
    const run = await runBundledAction("evaluate", inputs({ config: "nogate.yml" }), pullRequestJob());
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs["comment-url"]).toMatch(/#issuecomment-\d+$/);
    expect(server.checkRuns[0]).toMatchObject({ name: "mlops evaluate (penguins)", conclusion: "success" });
    expect(server.comments[0]?.body).toContain("Evaluation: ok");
  });

  it("leaves the pull request to the gate when there is one", async () => {
    const run = await runBundledAction("evaluate", inputs(), pullRequestJob());
    expect(run.exitCode).toBe(0);
    expect(run.outputs["comment-url"]).toBe("");
    expect(server.requests).toEqual([]);
  });
});
