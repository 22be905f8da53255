import { appendFile, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.ts";
import { git, gitEnv, gitRepo } from "../helpers/git.ts";
import { toyProject } from "../helpers/toy-project.ts";

/**
 * Why `mlops run` did or did not promote the version it published (src/publish/publish.ts): every reason that holds
 * is said at once, in the run's publish line and in the publish report.
 */

/** The toy project committed on `branch` in its own repository (git isolated from the machine's config). */
async function committedProject(branch: string): Promise<{ dir: string; head: string }> {
  const dir = await toyProject();
  await gitRepo(dir, { branch });
  await git(dir, "add", "-A");
  await git(dir, "-c", "user.name=Ada", "-c", "user.email=ada@example.com", "commit", "--quiet", "-m", "toy");
  return { dir, head: await git(dir, "rev-parse", "HEAD") };
}

async function cli(dir: string, ...argv: string[]) {
  return runCli(argv, { cwd: dir, env: gitEnv() });
}

interface PublishJson {
  promoted: string | null;
  promotion: string;
  notPromotedBecause: string | null;
  refusedDirty: boolean;
}

async function publishResult(dir: string): Promise<PublishJson> {
  return JSON.parse(await readFile(path.join(dir, ".mlops/out/publish.json"), "utf8")) as PublishJson;
}

describe("a version that is not promoted", () => {
  it("is refused for every reason at once: a branch not in promote_branches and uncommitted changes", async () => {
    const { dir, head } = await committedProject("feature");
    await appendFile(path.join(dir, "train.mjs"), "// tuned\n");
    const run = await cli(dir, "run");
    // Not a usage error: --allow-dirty alone would not promote it from this branch.
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /── Publish: OK \(v\S+, not promoted: feature is not in publish\.promote_branches \(main, master\); built from uncommitted changes\)/,
    );
    const published = await publishResult(dir);
    expect(published).toMatchObject({ promoted: null, refusedDirty: false });
    expect(published.promotion).toBe(
      `not promoted to champion: refs/heads/feature is not one of publish.promote_branches (main, master); it was built from commit ${head.slice(0, 7)} + uncommitted changes (1 changed path(s), e.g. train.mjs); commit them and run again, or pass --allow-dirty to promote it as it is`,
    );
  });

  it("from a failed gate on a branch that may not promote says both", async () => {
    const { dir } = await committedProject("feature");
    const run = await cli(dir, "run", "--set", "lr=0");
    expect(run.exitCode).toBe(1);
    expect((await publishResult(dir)).notPromotedBecause).toBe(
      "the gate verdict is fail; feature is not in publish.promote_branches (main, master)",
    );
  });
});
