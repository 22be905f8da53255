import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueMarker } from "../../src/retrain/conclude.ts";
import { runCli } from "../helpers/cli.ts";
import { runCompositeAction } from "../helpers/composite.ts";
import { startFakeGitHub, type FakeGitHub } from "../helpers/github-server.ts";
import { REPO_ROOT, runBundledAction, webhookExample, type RunnerEnvironment } from "../helpers/runner.ts";
import { startS3Server, type S3Server } from "../helpers/s3-server.ts";

/**
 * The continuous-training loop end to end (issue 7), the way the workflows run it: actions/retrain (a composite,
 * run step by step over the bundled actions) and the pull-request actions, with the registry in a bucket (s3rver)
 * and GitHub on loopback (reached through the real Octokit client, every request checked against GitHub's REST
 * description). The penguins example is the model; the scenarios follow one repository through time.
 */

let workspace: string;
let project: string;
let s3: S3Server;
let github: FakeGitHub;
const TOKEN = "ghs_retraining_token";
const BETTER =
  "learning_rate: 0.1\nepochs: 1000\nl2: 0.001\nfeatures: [beak_length_mm, beak_depth_mm, flipper_length_mm, body_mass_g, species, island]\n";
const BASELINE =
  "learning_rate: 0.1\nepochs: 300\nl2: 0.001\nfeatures: [beak_length_mm, beak_depth_mm, flipper_length_mm, body_mass_g]\n";

function scheduled(): RunnerEnvironment & { token: string } {
  return {
    workspace,
    token: TOKEN,
    // GitHub's schedule payload: the cron that fired (webhooks-examples has none for schedules).
    event: { name: "schedule", payload: { schedule: "17 3 * * 1" } },
    env: { ...s3.env, GITHUB_API_URL: github.url, GITHUB_REF: "refs/heads/main" },
  };
}

function pullRequest(): RunnerEnvironment {
  return {
    workspace,
    event: { name: "pull_request", payload: webhookExample("pull_request", "opened") },
    env: { ...s3.env, GITHUB_API_URL: github.url, GITHUB_REF: "refs/pull/2/merge" },
  };
}

async function retrain(force = false) {
  return runCompositeAction("retrain", { "working-directory": "ml", force: String(force) }, scheduled());
}

/** Heavier, longer-winged penguins (a new season), within the schema's bounds, in both data files. */
async function shiftData(): Promise<void> {
  for (const name of ["train.csv", "eval.csv"]) {
    const file = path.join(project, "data", name);
    const [header = "", ...lines] = (await readFile(file, "utf8")).trimEnd().split("\n");
    const columns = header.split(",");
    const mass = columns.indexOf("body_mass_g");
    const flipper = columns.indexOf("flipper_length_mm");
    const shifted = lines.map((line) => {
      const cells = line.split(",");
      cells[mass] = String(Math.round(Number(cells[mass]) * 1.05));
      cells[flipper] = String(Number(cells[flipper]) + 6);
      return cells.join(",");
    });
    await writeFile(file, `${[header, ...shifted].join("\n")}\n`);
  }
}

async function history(): Promise<{ alias: string; to: string; reason: string }[]> {
  const result = await runCli(["models", "history", "--json"], { cwd: project, env: s3.env });
  expect(result.exitCode, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { events: { alias: string; to: string; reason: string }[] }).events;
}

beforeAll(async () => {
  s3 = await startS3Server(["models"]);
  github = await startFakeGitHub();
  workspace = await mkdtemp(path.join(os.tmpdir(), "mlops-loop-"));
  await mkdir(path.join(workspace, ".git"));
  project = path.join(workspace, "ml");
  await cp(path.join(REPO_ROOT, "examples/penguins"), project, {
    recursive: true,
    filter: (s) => !/[/\\](\.mlops|model|predictions\.csv)$/.test(s),
  });
  const config = (await readFile(path.join(project, "mlops.yml"), "utf8"))
    .replace("drift: { reference: champion }", "drift: { reference: champion, max_drifted_share: 0.25 }")
    .concat(`\nregistry: { uri: "s3://models/registry", endpoint: "${s3.endpoint}" }\n`);
  await writeFile(path.join(project, "mlops.yml"), config);
  // The champion to begin with: the baseline, published from main.
  const first = await runCli(["run"], { cwd: project, env: s3.env });
  expect(first.exitCode, first.stderr).toBe(0);
});

afterAll(async () => {
  await github.stop();
  await s3.stop();
  await rm(workspace, { recursive: true, force: true });
});

describe("the continuous-training loop", () => {
  it("(a) drifted data: retrains, and the better model becomes champion, recorded in the alias history", async () => {
    await shiftData();
    await writeFile(path.join(project, "params.yml"), BETTER); // an improvement merged on main meanwhile
    const run = await retrain();
    expect(run.conclusion, run.stdout).toBe("success");
    expect(run.outputs["should-retrain"]).toBe("true");
    expect(run.outputs.reason).toMatch(
      /^the data drifted from the champion's training data \(v\S+\): 2 of 7 columns drifted/,
    );
    expect(run.outputs.result).toBe("promoted");
    expect(run.outputs.version).toMatch(/^v\d{8}T/);
    expect(run.summary).toContain("Promoted: better than the champion: accuracy 0.9009 against the champion's 0.8829");
    const last = (await history()).at(-1);
    expect(last).toMatchObject({ alias: "champion", to: run.outputs.version });
    expect(last?.reason).toMatch(/^gate passed against champion/);
    expect(github.issues).toEqual([]);
  });

  it("nothing new: decides not to retrain, trains nothing, and says why", async () => {
    const run = await retrain();
    expect(run.conclusion).toBe("success");
    expect(run.outputs["should-retrain"]).toBe("false");
    expect(run.steps.train?.outcome).toBe("skipped");
    expect(run.outputs.result).toBe("skipped");
    expect(run.outputs.reason).toMatch(/^nothing calls for retraining: no dataset drift/);
  });

  it("(b) a retrained model that is not better is not promoted, and the report says why", async () => {
    const champion = (await history()).at(-1)?.to;
    await writeFile(path.join(project, "params.yml"), BASELINE); // a worse model on main
    await writeFile(
      path.join(project, "data/train.csv"),
      `${(await readFile(path.join(project, "data/train.csv"), "utf8")).trimEnd()}\nGentoo,Biscoe,47.1,14.9,222,5355,FEMALE\n`,
    );
    const run = await retrain();
    expect(run.outputs.reason).toMatch(/new training data since v\S+: 1 changed \(data\/train\.csv\)/);
    expect(run.conclusion).toBe("success");
    expect(run.outputs.result).toBe("not-better");
    expect(run.outputs.version).toBe("");
    // Within the gate's tolerance (it passes), yet not better on the primary metric: the champion stays.
    expect(run.steps.conclude?.outputs.reason).toBe(
      "passed the gate but is not better than the champion: accuracy 0.8829 against the champion's 0.9009 (higher is better); the champion stays",
    );
    expect((await history()).at(-1)?.to).toBe(champion);
  });

  it("(c) training fails: one issue opened; a second failure updates it; the next success closes it", async () => {
    await writeFile(path.join(project, "params.yml"), BETTER.replace("epochs: 1000", "epochs: 0"));
    const failed = await retrain(true);
    expect(failed.conclusion).toBe("failure");
    expect(failed.outputs.result).toBe("failed");
    expect(failed.steps.conclude?.outputs.reason).toMatch(/^training failed with exit code 2: node train\.mjs/);
    expect(github.issues).toHaveLength(1);
    const [issue] = github.issues;
    expect(issue).toMatchObject({
      state: "open",
      title: "Retraining failed: penguins",
      labels: ["mlops", "retraining"],
    });
    expect(issue?.body).toContain(issueMarker("penguins"));
    // The training's output is in the issue, where no log is above it.
    expect(issue?.body).toContain("<details><summary>Last lines of the training's output</summary>");
    expect(issue?.body).toMatch(/^ {2}epochs must be a positive integer, got 0\n```$/m);
    expect(failed.outputs["issue-url"]).toBe(`https://github.com/octo-org/ml-repo/issues/${issue?.number}`);

    const again = await retrain(true);
    expect(again.outputs.result).toBe("failed");
    expect(github.issues).toHaveLength(1);
    expect(github.comments.filter((c) => c.issue === issue?.number).map((c) => c.body)).toEqual([
      expect.stringMatching(
        /^Retraining failed again in https:\/\/github\.com\/octo-org\/ml-repo\/actions\/runs\/4242: training failed with exit code 2: [\s\S]*last line: .*epochs must be a positive integer, got 0\)$/,
      ),
    ]);

    await writeFile(path.join(project, "params.yml"), BETTER);
    const fixed = await retrain(true);
    expect(fixed.conclusion).toBe("success");
    // Retraining works again; the model ties the champion (equal is not better), which still closes the issue.
    expect(fixed.outputs.result).toBe("not-better");
    expect(fixed.steps.conclude?.outputs.reason).toBe(
      "passed the gate but is not better than the champion: accuracy 0.9009 against the champion's 0.9009 (higher is better); the champion stays",
    );
    expect(github.issues[0]).toMatchObject({ state: "closed", stateReason: "completed" });
    expect(github.comments.filter((c) => c.issue === issue?.number).at(-1)?.body).toMatch(
      /^Retraining succeeded in https:\/\/github\.com\/octo-org\/ml-repo\/actions\/runs\/4242: .*\. Closing\.$/,
    );
    expect(github.problems()).toEqual([]);
  });

  it("(d) a pull request that regresses fails the gate and its comment says why; one that improves passes", async () => {
    const prStep = async (action: string) =>
      runBundledAction(
        action,
        { "working-directory": "ml", ...(action === "gate" ? { "github-token": TOKEN } : {}) },
        pullRequest(),
      );
    await writeFile(path.join(project, "params.yml"), BETTER.replace("epochs: 1000", "epochs: 3"));
    for (const step of ["validate", "train", "evaluate"]) expect((await prStep(step)).exitCode, step).toBe(0);
    const regressed = await prStep("gate");
    expect(regressed.exitCode).toBe(1);
    expect(regressed.outputs.verdict).toBe("fail");
    const comments = github.comments.filter((c) => c.issue === 2);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toMatch(/more than the allowed 0\.02/);
    expect(github.checkRuns.at(-1)).toMatchObject({
      conclusion: "failure",
      headSha: "ec26c3e57ca3a959ca5aad62de7213c562f8c821",
    });

    await writeFile(path.join(project, "params.yml"), BETTER);
    for (const step of ["train", "evaluate"]) expect((await prStep(step)).exitCode, step).toBe(0);
    const improved = await prStep("gate");
    expect(improved.exitCode, improved.stdout).toBe(0);
    expect(improved.outputs.verdict).toBe("pass");
    // The same sticky comment, updated in place.
    expect(github.comments.filter((c) => c.issue === 2)).toHaveLength(1);
    expect(github.comments.find((c) => c.issue === 2)?.body).not.toMatch(/more than the allowed/);
    expect(github.checkRuns.at(-1)).toMatchObject({ conclusion: "success" });
    expect(github.problems()).toEqual([]);
  });
});
