import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.ts";
import { type FakeGitHub, startFakeGitHub } from "../helpers/github-server.ts";
import { runBundledAction } from "../helpers/runner.ts";
import { githubRegistryProject } from "../helpers/github-project.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * The kit's actions hand their `registry-token` input to a github:// registry (src/stages/github-token.ts): the
 * bundled actions, run the way the runner runs them (INPUT_* variables, no GITHUB_TOKEN in their environment), against
 * GitHub's stand-in holding a private repository. The metrics and the gate verdict it publishes are made by the CLI
 * first (the CLI reads GITHUB_TOKEN from its environment).
 */

const REPO = "octo-org/models";
const WRITE = "ghs_job_token_with_contents_write";
const READ_ONLY = "ghs_job_token_with_contents_read";
let server: FakeGitHub;
let dir: string;

beforeEach(async () => {
  server = await startFakeGitHub({ repositories: { [REPO]: { visibility: "private" } } });
  server.tokens[READ_ONLY] = "read-only";
  dir = await tempDir();
  await writeFiles(dir, {
    ...githubRegistryProject(REPO, { gate: true }),
    "model/weights.bin": "weights\n",
  });
  for (const command of ["evaluate", "gate"]) {
    const ran = await runCli([command], { cwd: dir, env: { GITHUB_API_URL: server.url, GITHUB_TOKEN: WRITE } });
    expect(ran.exitCode, ran.stderr).toBe(0);
  }
});
afterEach(async () => {
  expect(server.problems()).toEqual([]);
  await server.stop();
});

const publish = (token: string) =>
  runBundledAction(
    "publish",
    { config: "mlops.yml", "working-directory": ".", "registry-token": token },
    {
      workspace: dir,
      env: {
        GITHUB_API_URL: server.url,
        GITHUB_WORKFLOW_REF: `${REPO}/.github/workflows/mlops-main.yml@refs/heads/main`,
        GITHUB_JOB: "publish",
      },
    },
  );

describe("actions/publish on a github:// registry", () => {
  it("publishes a version with only its registry-token input, masked in the log", async () => {
    const run = await publish(WRITE);
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.outputs).toMatchObject({ result: "published", sequence: "1", promoted: "champion" });
    const release = server.repositories.get(REPO)?.releases.find((r) => r.tagName.startsWith("mlops/churn/"));
    expect(release).toMatchObject({ tagName: `mlops/churn/${run.outputs.version}`, draft: false });
    // Masked before anything could print it, and printed nowhere else.
    expect(run.stdout).toContain(`::add-mask::${WRITE}\n`);
    expect((run.stdout + run.stderr).split(WRITE).length - 1).toBe(1);
    expect(run.summary).not.toContain(WRITE);
  });

  it("with a read-only token fails the step with the one message naming contents: write and where", async () => {
    const run = await publish(READ_ONLY);
    expect(run.exitCode).toBe(1);
    expect(run.outputs.result).toBe("error");
    // One problem: the annotation with the hint, and the step's failure saying the same.
    const errors = run.annotations.filter((a) => a.level === "error").map((a) => a.message);
    expect(errors).toEqual([
      expect.stringContaining(
        "add `contents: write` under `permissions:` of the job `publish` in .github/workflows/mlops-main.yml",
      ),
      expect.any(String),
    ]);
    expect(errors[0]).toContain(`the token may not write to github://${REPO}: cannot start the release of churn`);
    expect(errors[0]?.startsWith(errors[1] ?? "-")).toBe(true);
    expect(run.stdout).toContain(`::add-mask::${READ_ONLY}\n`);
    expect(server.repositories.get(REPO)?.releases ?? []).toEqual([]);
  });

  it("the pull request's gate posts nothing (github-token empty) yet reads the private registry's champion", async () => {
    expect((await publish(WRITE)).exitCode).toBe(0);
    const champion = server.repositories.get(REPO)?.releases[0]?.tagName.split("/").at(-1);
    const gate = (registryToken: string) =>
      runBundledAction(
        "gate",
        { config: "mlops.yml", "working-directory": ".", "github-token": "", "registry-token": registryToken },
        { workspace: dir, env: { GITHUB_API_URL: server.url } },
      );
    const read = await gate(READ_ONLY);
    expect(read.exitCode, read.stdout + read.stderr).toBe(0);
    expect(read.outputs).toMatchObject({ verdict: "pass", baseline: champion, "comment-url": "" });
    // Without the registry's token a private repository cannot be seen: the one message says where a token comes from.
    const blind = await gate("");
    expect(blind.exitCode).toBe(1);
    expect(blind.annotations.find((a) => a.level === "error")?.message).toContain("`registry-token` input");
  });
});
