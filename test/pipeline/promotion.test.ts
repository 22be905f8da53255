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

  it("from a failed gate on a branch that may not promote, trained with --set, says all three", async () => {
    const { dir } = await committedProject("feature");
    const run = await cli(dir, "run", "--set", "lr=0");
    expect(run.exitCode).toBe(1);
    expect((await publishResult(dir)).notPromotedBecause).toBe(
      "the gate verdict is fail; feature is not in publish.promote_branches (main, master); trained with --set overrides",
    );
  });
});

interface ManifestJson {
  version: string;
  params: Record<string, unknown>;
  overrides?: { name: string; value: unknown }[];
  git: { sha: string | null; dirty?: boolean };
}

async function shownManifest(dir: string, ref: string): Promise<ManifestJson> {
  const shown = await cli(dir, "models", "show", ref, "--json");
  expect(shown.exitCode, shown.stderr).toBe(0);
  return JSON.parse(shown.stdout) as ManifestJson;
}

describe("a version trained with --set overrides on a clean commit", () => {
  it("records them, says so in the candidate line and models show, and is promoted only with --allow-dirty", async () => {
    const { dir, head } = await committedProject("main");
    const short = head.slice(0, 7);
    const run = await cli(dir, "run", "--set", "lr=0.5", "--set", "lr=0.6");
    // As for uncommitted changes: published, not promoted, exit 1 (--allow-dirty alone would promote it).
    expect(run.exitCode, run.stderr).toBe(1);
    expect(run.stderr).toContain(
      `not promoted to champion: it was trained with --set lr=0.5 --set lr=0.6, which the params at commit ${short} do not hold; commit the values and run again, or pass --allow-dirty to promote it as it is`,
    );
    expect(run.stdout).toContain(`Candidate: commit ${short} with --set lr=0.5 --set lr=0.6.`);
    const published = await publishResult(dir);
    expect(published).toMatchObject({ promoted: null, refusedDirty: true });
    const version = (JSON.parse(await readFile(path.join(dir, ".mlops/out/publish.json"), "utf8")) as ManifestJson)
      .version;
    // The tree was clean: the record says so, and says what else went into the params.
    expect(await shownManifest(dir, version)).toMatchObject({
      params: { lr: 0.6 },
      overrides: [
        { name: "lr", value: 0.5 },
        { name: "lr", value: 0.6 },
      ],
      git: { sha: head, dirty: false },
    });
    expect((await cli(dir, "models", "show", version)).stdout).toMatch(
      new RegExp(`^overrides --set lr=0\\.5 --set lr=0\\.6 \\(not in the params at ${short}\\)$`, "m"),
    );
    expect(await readFile(path.join(dir, ".mlops/out/publish.md"), "utf8")).toContain(
      `Built from commit ${short} with --set lr=0.5 --set lr=0.6.`,
    );
    expect((await cli(dir, "models", "list", "--json")).stdout).not.toContain('"champion"');
    // By hand, the same rule: refused (a check failed) unless --allow-dirty, which the history records.
    const byHand = await cli(dir, "promote", version, "--alias", "staging", "--reason", "try it");
    expect(byHand.exitCode, byHand.stderr).toBe(1);
    expect(byHand.stdout).toContain(`was built from commit ${short} with --set lr=0.5 --set lr=0.6.`);
    expect(
      (await cli(dir, "promote", version, "--alias", "staging", "--reason", "try it", "--allow-dirty")).exitCode,
    ).toBe(0);
    const staging = JSON.parse((await cli(dir, "models", "history", "--alias", "staging", "--json")).stdout) as {
      events: { reason: string }[];
    };
    expect(staging.events.at(-1)?.reason).toBe(
      `try it (built from commit ${short} with --set lr=0.5 --set lr=0.6, --allow-dirty)`,
    );

    const allowed = await cli(dir, "run", "--set", "lr=0.5", "--allow-dirty");
    expect(allowed.exitCode, allowed.stderr).toBe(0);
    const history = JSON.parse((await cli(dir, "models", "history", "--json")).stdout) as {
      events: { reason: string }[];
    };
    expect(history.events.at(-1)?.reason).toBe(
      `gate passed (first version) (built from commit ${short} with --set lr=0.5, --allow-dirty)`,
    );
  });

  it("records that there were none, and promotes, when nothing was overridden", async () => {
    const { dir, head } = await committedProject("main");
    const run = await cli(dir, "run");
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Candidate: commit ${head.slice(0, 7)}. Baseline: none.`);
    const champion = await shownManifest(dir, "champion");
    expect(champion.overrides).toEqual([]);
    expect((await cli(dir, "models", "show", "champion")).stdout).not.toContain("overrides");
  });
});
