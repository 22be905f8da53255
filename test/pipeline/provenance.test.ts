import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { appendFile, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.ts";
import { runBundledAction } from "../helpers/runner.ts";
import { git, gitEnv, gitRepo } from "../helpers/git.ts";
import { writeFiles } from "../helpers/temp.ts";
import { toyProject } from "../helpers/toy-project.ts";

/**
 * Provenance is true or absent (DOMAIN.md §6): a run from uncommitted changes is recorded as dirty with a hash of
 * the diff, never as the commit alone; what the pipeline writes does not make a tree dirty; promoting a dirty model
 * needs --allow-dirty.
 */

interface GitRecord {
  sha: string | null;
  ref: string | null;
  dirty?: boolean;
  diff?: string | null;
  changed?: string[];
}

/** The toy project committed on `main` in its own repository (git isolated from the machine's config). */
async function committedProject(extra: Record<string, string> = {}): Promise<{ dir: string; head: string }> {
  const dir = await toyProject();
  await writeFiles(dir, extra);
  await gitRepo(dir);
  await git(dir, "add", "-A");
  await git(dir, "-c", "user.name=Ada", "-c", "user.email=ada@example.com", "commit", "--quiet", "-m", "toy");
  return { dir, head: await git(dir, "rev-parse", "HEAD") };
}

async function cli(dir: string, ...argv: string[]) {
  return runCli(argv, { cwd: dir, env: gitEnv() });
}

async function manifest(dir: string, ref: string): Promise<{ version: string; git: GitRecord }> {
  const shown = await cli(dir, "models", "show", ref, "--json");
  expect(shown.exitCode, shown.stderr).toBe(0);
  return JSON.parse(shown.stdout) as { version: string; git: GitRecord };
}

async function lastVersion(dir: string): Promise<string> {
  const published = JSON.parse(await readFile(path.join(dir, ".mlops/out/publish.json"), "utf8")) as {
    version: string;
  };
  return published.version;
}

describe("a clean checkout", () => {
  it("stays clean after a whole run: its outputs, the workspace and untracked non-inputs do not count", async () => {
    const { dir, head } = await committedProject();
    await writeFiles(dir, { "notes.md": "an untracked file that is no input" });
    const run = await cli(dir, "run");
    expect(run.exitCode, run.stderr).toBe(0);
    expect((await manifest(dir, "champion")).git).toEqual({
      sha: head,
      ref: "refs/heads/main",
      dirty: false,
      diff: null,
    });
    const gate = JSON.parse(await readFile(path.join(dir, ".mlops/out/gate.json"), "utf8")) as { candidate: string };
    expect(gate.candidate).toBe(`commit ${head.slice(0, 7)}`);
  });

  it("is read before any stage writes: a tracked file the training rewrites does not make the model dirty", async () => {
    const { dir } = await committedProject({ "train.log": "committed\n" });
    await appendFile(path.join(dir, "train.mjs"), 'fs.appendFileSync("train.log", "trained\\n");\n');
    await git(dir, "-c", "user.name=Ada", "-c", "user.email=ada@example.com", "commit", "-qam", "log");
    for (const stage of ["train", "evaluate", "gate", "publish"]) {
      const result = await cli(dir, stage);
      expect(result.exitCode, `${stage}: ${result.stderr}`).toBe(0);
    }
    // The tree is dirty now (train.log changed), but the model was made from the clean commit.
    expect(await git(dir, "status", "--porcelain", "--untracked-files=no")).toBe("M train.log");
    expect((await manifest(dir, "champion")).git.dirty).toBe(false);
  });

  it("has no git facts to record outside a repository", async () => {
    const dir = await toyProject();
    expect((await cli(dir, "run")).exitCode).toBe(0);
    expect((await manifest(dir, "champion")).git).toEqual({ sha: null, ref: null });
  });
});

describe("uncommitted changes", () => {
  it("are recorded with a hash of the diff; the version is published but promoted only with --allow-dirty", async () => {
    const { dir, head } = await committedProject();
    await appendFile(path.join(dir, "train.mjs"), "// tuned\n");
    const diff = await promisify(execFile)("git", ["diff", "--binary", "HEAD", "--", "train.mjs"], {
      cwd: dir,
      env: gitEnv(),
      encoding: "buffer",
    });
    const expectedDiff = `sha256:${createHash("sha256").update(diff.stdout).digest("hex")}`;

    const run = await cli(dir, "run");
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain(
      `not promoted to champion: it was built from commit ${head.slice(0, 7)} + uncommitted changes (1 changed path(s), e.g. train.mjs); commit them and run again, or pass --allow-dirty to promote it as it is`,
    );
    const version = await lastVersion(dir);
    expect((await manifest(dir, version)).git).toEqual({
      sha: head,
      ref: "refs/heads/main",
      dirty: true,
      diff: expectedDiff,
      changed: ["train.mjs"],
    });
    const gate = JSON.parse(await readFile(path.join(dir, ".mlops/out/gate.json"), "utf8")) as { candidate: string };
    expect(gate.candidate).toBe(`commit ${head.slice(0, 7)} + uncommitted changes`);
    expect(await readFile(path.join(dir, ".mlops/out/publish.md"), "utf8")).toContain(
      `Built from commit ${head.slice(0, 7)} + uncommitted changes.`,
    );
    expect((await cli(dir, "models", "list", "--json")).stdout).not.toContain('"champion"');

    // Later promotion asks the same: a check the version fails (exit 1), as a failed gate is, and nothing moves.
    const refused = await cli(dir, "promote", version);
    expect(refused.exitCode).toBe(1);
    expect(refused.stdout).toBe(
      `Not promoted: toy ${version} was built from commit ${head.slice(0, 7)} + uncommitted changes. Publish a ` +
        "model trained on committed code and params, or use --allow-dirty to promote it anyway (it is recorded).\n",
    );
    expect(JSON.parse((await cli(dir, "promote", version, "--json")).stdout)).toEqual({
      promoted: false,
      model: "toy",
      version,
      alias: "champion",
      reason: `it was built from commit ${head.slice(0, 7)} + uncommitted changes`,
    });
    expect((await cli(dir, "models", "list", "--json")).stdout).not.toContain('"champion"');
    const allowed = await cli(dir, "promote", version, "--allow-dirty", "--reason", "hotfix");
    expect(allowed.exitCode, allowed.stderr).toBe(0);
    const history = JSON.parse((await cli(dir, "models", "history", "--json")).stdout) as {
      events: { reason: string }[];
    };
    expect(history.events.at(-1)?.reason).toBe(
      `hotfix (built from commit ${head.slice(0, 7)} + uncommitted changes, --allow-dirty)`,
    );

    // The same changes on the same commit hash alike; `run --allow-dirty` promotes and says so.
    const again = await cli(dir, "run", "--allow-dirty");
    expect(again.exitCode, again.stderr).toBe(0);
    expect((await manifest(dir, await lastVersion(dir))).git.diff).toBe(expectedDiff);
  });

  it("count untracked files among the declared inputs, never ignored ones", async () => {
    const { dir } = await committedProject({
      ".gitignore": "lib/secret.mjs\n",
      "lib/a.mjs": "export const a = 1;\n",
    });
    const config = await readFile(path.join(dir, "mlops.yml"), "utf8");
    await writeFile(
      path.join(dir, "mlops.yml"),
      config.replace("  cache: false\n", "  cache: false\n  inputs: [lib/*.mjs]\n"),
    );
    await git(dir, "-c", "user.name=Ada", "-c", "user.email=ada@example.com", "commit", "-qam", "inputs");

    await writeFiles(dir, { "lib/secret.mjs": "ignored", "scratch.txt": "no input" });
    expect((await cli(dir, "train")).exitCode).toBe(0);
    const clean = JSON.parse(await readFile(path.join(dir, ".mlops/out/train.json"), "utf8")) as {
      chain: { git: { dirty: boolean } };
    };
    expect(clean.chain.git.dirty).toBe(false);

    await writeFiles(dir, { "lib/b.mjs": "export const b = 2;\n" });
    expect((await cli(dir, "train")).exitCode).toBe(0);
    const dirty = JSON.parse(await readFile(path.join(dir, ".mlops/out/train.json"), "utf8")) as {
      chain: { git: { dirty: boolean; changed: string[]; diff: string } };
    };
    expect(dirty.chain.git).toMatchObject({
      dirty: true,
      changed: ["lib/b.mjs"],
      diff: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) as string,
    });
  });
});

describe("actions/publish", () => {
  it("fails the step instead of promoting a dirty model, and promotes it with allow-dirty", async () => {
    const { dir, head } = await committedProject();
    await appendFile(path.join(dir, "predict.mjs"), "// changed in the job\n");
    const runner = { workspace: dir, env: { ...gitEnv(), GITHUB_SHA: head, GITHUB_REF: "refs/heads/main" } };
    for (const stage of ["validate", "train", "evaluate", "gate"]) {
      const step = await runBundledAction(stage, {}, runner);
      expect(step.exitCode, `${stage}: ${step.stdout}`).toBe(0);
    }
    const refused = await runBundledAction("publish", {}, runner);
    expect(refused.exitCode).toBe(1);
    expect(refused.outputs).toMatchObject({ result: "published", promoted: "" });
    expect(refused.stdout).toContain(
      `::error::not promoted to champion: it was built from commit ${head.slice(0, 7)} + uncommitted changes (1 changed path(s), e.g. predict.mjs)`,
    );
    expect((await manifest(dir, refused.outputs.version ?? "")).git).toMatchObject({ sha: head, dirty: true });

    const allowed = await runBundledAction("publish", { "allow-dirty": "true" }, runner);
    expect(allowed.exitCode, allowed.stdout).toBe(0);
    expect(allowed.outputs.promoted).toBe("champion");
  });
});

describe("mlops models show", () => {
  it("says when a version was built from uncommitted changes, and which results it was made from", async () => {
    const { dir, head } = await committedProject();
    await appendFile(path.join(dir, "train.mjs"), "// tuned\n");
    expect((await cli(dir, "run")).exitCode).toBe(1);
    const version = await lastVersion(dir);
    const shown = (await cli(dir, "models", "show", version)).stdout;
    expect(shown).toMatch(
      new RegExp(
        `^source {4}refs/heads/main ${head} \\+ uncommitted changes \\(sha256:[0-9a-f]{64}: train\\.mjs\\)$`,
        "m",
      ),
    );
    expect(shown).toMatch(/^chain {5}train run \S+, evaluation \S+, gate \S+$/m);
  });
});
