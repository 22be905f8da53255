import { execFile } from "node:child_process";
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { systemGit } from "../../src/init/detect.ts";
import { KIT_REF_FILE, kitRootOf, resolveKitRef } from "../../src/init/kit-ref.ts";
import { KIT_VERSION } from "../../src/version.ts";
import { runCli, stackFrames } from "../helpers/cli.ts";
import { git, gitEnv, gitRepo } from "../helpers/git.ts";
import { REPO, tempDir, writeFiles } from "../helpers/temp.ts";
import { checkWorkflowSecurity } from "../helpers/workflow-security.ts";

/**
 * `mlops init` pins the kit's own actions to the commit of the kit it runs from (src/init/kit-ref.ts): the release's
 * commit written into the package, a checkout's HEAD, or the commit npm installed from a git URL; with none of these
 * it stops with exit 2. Real folders, real git, real npm lockfiles; the last tests run the bundle as npm installs it.
 */

const env = gitEnv();
const hostGit = systemGit(env);
const SHA = "0123456789abcdef0123456789abcdef01234567";
const OTHER_SHA = "89abcdef0123456789abcdef0123456789abcdef";
const KIT_USES = /^\s*(?:- )?uses: mlops-kit\/mlops-kit\/actions\/[\w-]+@(\S+)(.*)$/gm;

/** A folder that looks like the kit: its package.json, and dist/kit-ref.json when given. */
async function kitFolder(dir: string, kitRef?: string): Promise<string> {
  await writeFiles(dir, { "package.json": JSON.stringify({ name: "mlops-kit", version: "1.2.3" }) });
  if (kitRef !== undefined) await writeFiles(dir, { [KIT_REF_FILE]: kitRef });
  return dir;
}

/** A user's repository with a commit of its own, and the kit installed under node_modules/mlops-kit. */
async function userRepoWithKit(resolved?: string): Promise<{ repo: string; kit: string }> {
  const repo = await tempDir();
  await gitRepo(repo);
  await writeFiles(repo, { "README.md": "a user's project\n" });
  await git(repo, "add", ".");
  await git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "first");
  const kit = await kitFolder(path.join(repo, "node_modules", "mlops-kit"));
  if (resolved !== undefined) {
    // As npm writes its hidden lockfile after `npm i -D github:mlops-kit/mlops-kit#<sha>`.
    const lock = {
      name: "project",
      lockfileVersion: 3,
      requires: true,
      packages: { "node_modules/mlops-kit": { version: "1.2.3", resolved, dev: true } },
    };
    await writeFiles(repo, { "node_modules/.package-lock.json": JSON.stringify(lock, null, 2) });
  }
  return { repo, kit };
}

describe("which commit of the kit runs", () => {
  it("a published package: the commit and version the release workflow wrote, even inside a git repository", async () => {
    const { kit } = await userRepoWithKit(`git+ssh://git@github.com/mlops-kit/mlops-kit.git#${OTHER_SHA}`);
    await writeFiles(kit, { [KIT_REF_FILE]: JSON.stringify({ sha: SHA, version: "1.2.3" }) });
    expect(await resolveKitRef(kit, "1.2.3", hostGit)).toEqual({ sha: SHA, version: "1.2.3", from: "release" });
  });

  it("a git checkout of the kit: its HEAD, with the package's version", async () => {
    const kit = await kitFolder(await tempDir());
    await gitRepo(kit);
    await git(kit, "add", ".");
    await git(kit, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "kit");
    const head = await git(kit, "rev-parse", "HEAD");
    // From a subfolder too (src/ or dist/): the kit's folder is found by its package.json.
    await mkdir(path.join(kit, "dist", "chunks"), { recursive: true });
    const root = await kitRootOf(path.join(kit, "dist", "chunks"));
    expect(await resolveKitRef(root, "1.2.3", hostGit)).toEqual({ sha: head, version: "1.2.3", from: "checkout" });
  });

  it("installed from GitHub by commit: the commit npm resolved, never the HEAD of the repository it sits in", async () => {
    const { kit } = await userRepoWithKit(`git+ssh://git@github.com/mlops-kit/mlops-kit.git#${SHA}`);
    expect(await resolveKitRef(kit, "1.2.3", hostGit)).toEqual({ sha: SHA, version: "1.2.3", from: "git install" });
  });

  it("none of these (a package from a registry without the release's file): exit 2, saying what to do", async () => {
    const { kit } = await userRepoWithKit("https://registry.npmjs.org/mlops-kit/-/mlops-kit-1.2.3.tgz");
    const refusal = resolveKitRef(kit, "1.2.3", hostGit);
    await expect(refusal).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining("cannot tell which commit of mlops-kit") as unknown,
      hint: expect.stringMatching(/install a release .* or run init from a git checkout of mlops-kit/) as unknown,
    });
  });

  it("a damaged kit-ref file is named, with exit 2", async () => {
    const kit = await kitFolder(await tempDir(), JSON.stringify({ sha: "v1", version: "1.2.3" }));
    await expect(resolveKitRef(kit, "1.2.3", hostGit)).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining(path.join(kit, KIT_REF_FILE)) as unknown,
    });
  });
});

describe("mlops init pins the kit's actions by full commit SHA with the version as a comment", () => {
  it("run from this checkout: its HEAD, and the workflows pass the security rules with no exemption", async () => {
    const dir = await tempDir();
    await gitRepo(dir, { remote: "https://github.com/acme/churn.git" });
    await writeFiles(dir, { "train.py": "" });
    const result = await runCli(["init", "--json"], { cwd: dir, env });
    expect(result.exitCode, result.stderr).toBe(0);
    const head = await git(REPO, "rev-parse", "HEAD");
    const { detected } = JSON.parse(result.stdout) as { detected: { kit: unknown } };
    expect(detected.kit).toEqual({ sha: head, version: KIT_VERSION, from: "checkout" });
    const pr = await readFile(path.join(dir, ".github/workflows/mlops-pr.yml"), "utf8");
    const uses = [...pr.matchAll(KIT_USES)].map((m) => `${m[1]}${m[2]}`);
    expect(uses.length).toBeGreaterThan(3);
    for (const use of uses) expect(use).toBe(`${head} # v${KIT_VERSION}`);
    expect(checkWorkflowSecurity(pr, "mlops-pr.yml")).toEqual([]);
  });
});

describe("the bundle as npm installs it (node_modules/mlops-kit: dist/ and package.json, no .git)", () => {
  const run = promisify(execFile);
  /** Runs `node node_modules/mlops-kit/dist/cli.js init` in a fresh project; never throws on a non-zero exit. */
  async function initWithInstalledKit(kitRef?: object): Promise<{ code: number; stdout: string; stderr: string }> {
    const { repo, kit } = await userRepoWithKit();
    await cp(path.join(REPO, "dist"), path.join(kit, "dist"), { recursive: true });
    await cp(path.join(REPO, "package.json"), path.join(kit, "package.json"));
    if (kitRef) await writeFile(path.join(kit, KIT_REF_FILE), JSON.stringify(kitRef));
    await writeFiles(repo, { "train.py": "" });
    try {
      const { stdout, stderr } = await run(process.execPath, [path.join(kit, "dist", "cli.js"), "init"], {
        cwd: repo,
        env,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it("a release: pinned to the commit in dist/kit-ref.json", async () => {
    const result = await initWithInstalledKit({ sha: SHA, version: KIT_VERSION });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`mlops-kit actions: pinned to ${SHA} # v${KIT_VERSION} (the installed release)`);
  });

  it("without the release's file and outside a checkout: exit 2, one message, no stack trace", async () => {
    const result = await initWithInstalledKit();
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot tell which commit of mlops-kit/);
    expect(result.stderr).toMatch(/install a release \(npm i -D mlops-kit\) or run init from a git checkout/);
    expect(stackFrames(result.stderr)).toEqual([]);
  });
});
