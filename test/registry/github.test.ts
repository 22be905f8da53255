import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { chmod, open, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { getOctokit } from "@actions/github";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ExternalError, UserError } from "../../src/errors.ts";
import { openRegistryAt } from "../../src/registry/open.ts";
import type { Registry } from "../../src/registry/registry.ts";
import { AssetDigestMismatchError } from "../../src/store/github-store.ts";
import { type FakeGitHub, startFakeGitHub } from "../helpers/github-server.ts";
import { runCli } from "../helpers/cli.ts";
import { git } from "../helpers/git.ts";
import { listRefs } from "../helpers/github/bare-repo.ts";
import { publishInput } from "../helpers/publish.ts";
import { githubRegistryProject } from "../helpers/github-project.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * What only the GitHub registry (src/store/github-store.ts) has to show, beyond the contract suites its row of
 * helpers/registry-backends.ts runs: how a version becomes a release, that the project's own releases are never
 * touched, and GitHub's refusals (read-only and missing tokens, missing and archived repositories, secondary rate
 * limits, an asset replaced by hand, a file over 2 GiB), each as one message. Opened the way every door opens a
 * registry (openRegistryAt with the door's environment), against the stand-in through the real Octokit.
 * (8 concurrent publishes and 8 concurrent promotes are the contract suite's, test/registry/concurrency.test.ts.)
 */

const REPO = "octo-org/models";
const WRITE = "ghs_write_token";
const FORK = "ghs_fork_token";
let server: FakeGitHub;
let dir: string;

beforeEach(async () => {
  server = await startFakeGitHub({ repositories: { [REPO]: { visibility: "public" } } });
  server.tokens[FORK] = "read-only";
  dir = await tempDir();
  await writeFiles(dir, { "model/weights.bin": "weights\n", "model/config.json": '{"layers": 2}\n' });
});
afterEach(async () => {
  expect(server.problems()).toEqual([]);
  await server.stop();
});

const repository = () => server.repositories.get(REPO);

function openAt(
  uri = `github://${REPO}`,
  env: Record<string, string> = { GITHUB_TOKEN: WRITE },
  options: { retrySeconds?: number; hours?: number } = {},
): Promise<Registry> {
  const later = (options.hours ?? 0) * 3600_000;
  return openRegistryAt(uri, {
    root: dir,
    env: { GITHUB_API_URL: server.url, ...env },
    settings: { retry_seconds: options.retrySeconds ?? 30 },
    now: () => new Date(Date.now() + later),
    logger: { warn: (message) => expect.fail(message) },
  });
}

const input = (overrides = {}) =>
  publishInput({
    model: "churn",
    files: [
      { path: "model/config.json", source: path.join(dir, "model/config.json") },
      { path: "model/weights.bin", source: path.join(dir, "model/weights.bin") },
    ],
    metrics: { accuracy: 0.91 },
    git: { sha: "0123456789abcdef0123456789abcdef01234567", ref: "refs/heads/main" },
    runUrl: "https://github.com/octo-org/models/actions/runs/1",
    ...overrides,
  });

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

describe("a version on GitHub", () => {
  it("is a published release in the kit's tag namespace, never latest, its manifest the last asset, its notes the model's", async () => {
    const registry = await openAt();
    const manifest = await registry.publish(input());
    const [release] = repository()?.releases ?? [];
    expect(release).toMatchObject({ tagName: `mlops/churn/${manifest.version}`, draft: false });
    expect(release?.assets.map((a) => a.name)).toEqual([
      "files_2fmodel_2fconfig.json",
      "files_2fmodel_2fweights.bin",
      "manifest.json",
    ]);
    expect(repository()?.latestReleaseId).toBeNull();
    expect(release?.body).toContain("| accuracy | 0.91 |");
    expect(release?.body).toContain("Gate: pass");
    expect(release?.body).toContain("Commit: 0123456789abcdef0123456789abcdef01234567 (refs/heads/main)");
    expect(release?.body).toContain("Run: https://github.com/octo-org/models/actions/runs/1");
    // Published with one PATCH; never make_latest.
    const patches = server.requests.filter((r) => r.operationId === "repos/update-release");
    expect(patches.map((r) => r.body)).toEqual([expect.objectContaining({ draft: false, make_latest: "false" })]);
    // Everything else is on the registry's own ref, not a branch.
    expect(
      server.requests.some(
        (r) => r.operationId === "git/create-ref" && JSON.stringify(r.body).includes("refs/mlops/registry"),
      ),
    ).toBe(true);
  });

  it("is tagged at the run's commit when the run is this repository's, else at the default branch", async () => {
    const sha = await git(repository()?.gitDir ?? "", "rev-parse", "refs/heads/main");
    const run = { GITHUB_TOKEN: WRITE, GITHUB_REPOSITORY: REPO, GITHUB_SHA: sha };
    await (await openAt(undefined, run)).publish(input());
    await (await openAt(undefined, { ...run, GITHUB_REPOSITORY: "octo-org/app" })).publish(input());
    expect(repository()?.releases.map((r) => r.targetCommitish)).toEqual([sha, "main"]);
    expect(await git(repository()?.gitDir ?? "", "rev-parse", `refs/tags/${repository()?.releases[0]?.tagName}`)).toBe(
      sha,
    );
  });

  it("is read by a fork's read-only token and anonymously (a public repository), and pulled verified", async () => {
    const manifest = await (await openAt()).publish(input());
    await (
      await openAt()
    ).moveAlias("churn", "champion", manifest.version, {
      at: new Date().toISOString(),
      actor: "tester",
      reason: "first",
      runUrl: null,
      forced: false,
    });
    for (const env of [{ GITHUB_TOKEN: FORK }, {}] as Record<string, string>[]) {
      const reader = await openAt(undefined, env);
      expect((await reader.resolve("churn", "champion"))?.version).toBe(manifest.version);
      const out = path.join(dir, `out-${Object.keys(env).length}`);
      await reader.pull(manifest, out);
      expect(await readFile(path.join(out, "model/weights.bin"), "utf8")).toBe("weights\n");
    }
    // The signed download host never saw a token.
    expect(server.downloads.every((d) => d.authorization === undefined)).toBe(true);
  });

  it("lists the digests GitHub computed of what it stored, and hashes the files itself where GitHub reports none", async () => {
    const local = async (file: string) =>
      createHash("sha256")
        .update(await readFile(path.join(dir, file)))
        .digest("hex");
    const expected = {
      "model/config.json": await local("model/config.json"),
      "model/weights.bin": await local("model/weights.bin"),
    };
    const digests = (manifest: { files: { path: string; sha256: string }[] }) =>
      Object.fromEntries(manifest.files.map((file) => [file.path, file.sha256]));
    expect(digests(await (await openAt()).publish(input()))).toEqual(expected);
    // A server without asset digests (an older GitHub Enterprise Server): the same manifest, and a verified pull.
    await server.stop();
    server = await startFakeGitHub({ repositories: { [REPO]: { visibility: "public" } }, assetDigests: false });
    const registry = await openAt();
    const manifest = await registry.publish(input());
    expect(digests(manifest)).toEqual(expected);
    expect(repository()?.releases[0]?.assets.every((asset) => asset.digest === null)).toBe(true);
    await registry.pull(manifest, path.join(dir, "pulled"));
    expect(await readFile(path.join(dir, "pulled/model/weights.bin"), "utf8")).toBe("weights\n");
  });

  it("refuses bytes changed on the download host that GitHub's digest does not know of, by the pull's own sha256", async () => {
    // Some MiB, so the bytes arrive in many chunks, hashed as they stream (src/store/github/downloads.ts).
    const big = Buffer.alloc(5 * 1024 * 1024 + 17);
    for (let i = 0; i < big.length; i++) big[i] = (i * 2654435761) >>> 24;
    await writeFile(path.join(dir, "model/weights.bin"), big);
    const registry = await openAt();
    const manifest = await registry.publish(input());
    await registry.pull(manifest, path.join(dir, "pulled"));
    expect((await readFile(path.join(dir, "pulled/model/weights.bin"))).equals(big)).toBe(true);
    // One byte flipped where the stand-in keeps the asset (a damaged copy on the download host): GitHub's digest and
    // the manifest still agree, so only the download's own hash can tell.
    const asset = repository()?.releases[0]?.assets.find((a) => a.name === "files_2fmodel_2fweights.bin");
    const stored = await open(asset?.file ?? "", "r+");
    await stored.write(Buffer.from([big[big.length >> 1]! ^ 1]), 0, 1, big.length >> 1);
    await stored.close();
    const error = await registry.pull(manifest, path.join(dir, "out")).catch((e: unknown) => e);
    expect(messageOf(error)).toContain(`model/weights.bin of churn ${manifest.version} is corrupted`);
    // No --out folder, no staging folder beside it, no partial file anywhere.
    expect((await readdir(dir)).filter((name) => name === "out" || name.includes("mlops-pull"))).toEqual([]);
  });

  it("leaves the project's own releases alone: the latest stays latest, never listed, never cleaned", async () => {
    const github = getOctokit(WRITE, { baseUrl: server.url });
    const owner = "octo-org";
    const { data: own } = await github.rest.repos.createRelease({ owner, repo: "models", tag_name: "v1.0.0" });
    const { data: ownDraft } = await github.rest.repos.createRelease({
      owner,
      repo: "models",
      tag_name: "v1.1.0",
      draft: true,
    });
    const registry = await openAt();
    await registry.publish(input());
    expect(repository()?.latestReleaseId).toBe(own.id);
    expect(await registry.models()).toEqual(["churn"]);
    await (await openAt(undefined, undefined, { hours: 72 })).clean("churn");
    expect(repository()?.releases.map((r) => r.id)).toEqual(expect.arrayContaining([own.id, ownDraft.id]));
    expect(repository()?.latestReleaseId).toBe(own.id);
    expect(server.requests.filter((r) => r.operationId === "repos/delete-release")).toEqual([]);
  });

  it("an interrupted publish leaves only an invisible draft, which clean removes once it is old", async () => {
    const registry = await openAt();
    // The publish dies after its first file (here: the second cannot be read): no manifest, no PATCH.
    const gone = path.join(dir, "model/gone.bin");
    const files = [input().files[0] ?? { path: "", source: "" }, { path: "model/gone.bin", source: gone }];
    await expect(registry.publish(input({ files }))).rejects.toThrow("ENOENT");
    server.requests.length = 0;
    const { releases = [] } = repository() ?? {};
    expect(releases.map((r) => r.draft)).toEqual([true]);
    expect(await registry.versions("churn")).toEqual([]);
    expect(await (await openAt(undefined, { GITHUB_TOKEN: FORK })).versions("churn")).toEqual([]);
    // Young debris may be a publish still uploading; a day later it goes.
    expect(await registry.clean("churn")).toEqual({ versions: [], objects: 0, uploads: 0 });
    const report = await (await openAt(undefined, undefined, { hours: 25 })).clean("churn");
    expect(report).toEqual({ versions: [expect.stringMatching(/^v/)], objects: 1, uploads: 0 });
    expect(repository()?.releases).toEqual([]);
    // And the next publish is a version as usual.
    expect((await registry.publish(input())).sequence).toBeGreaterThanOrEqual(1);
  });
});

describe("prune on GitHub", () => {
  it("--apply deletes each pruned version's release and its tag, and nothing of the project's own", async () => {
    const github = getOctokit(WRITE, { baseUrl: server.url });
    const owner = "octo-org";
    const { data: own } = await github.rest.repos.createRelease({ owner, repo: "models", tag_name: "v1.0.0" });
    const registry = await openAt();
    const versions = [];
    for (let i = 0; i < 4; i++) versions.push((await registry.publish(input())).version);
    const tags = async () =>
      (await listRefs(repository()?.gitDir ?? "")).map((r) => r.ref).filter((ref) => ref.startsWith("refs/tags/"));
    expect(await tags()).toEqual(["refs/tags/v1.0.0", ...versions.map((v) => `refs/tags/mlops/churn/${v}`)].sort());

    const report = await (
      await openAt(undefined, undefined, { hours: 72 })
    ).prune("churn", {
      keep: 1,
      apply: true,
      actor: "tester",
    });
    expect(report.failed).toEqual([]);
    expect(report.pruned.map((v) => v.version)).toEqual(versions.slice(0, 3));
    // No empty release, no orphaned tag: what is left is the kept version and the project's own release.
    expect(
      repository()
        ?.releases.map((r) => r.tagName)
        .sort(),
    ).toEqual(["mlops/churn/" + versions[3], "v1.0.0"]);
    const kits = repository()?.releases.filter((r) => r.tagName.startsWith("mlops/")) ?? [];
    expect(kits.map((r) => [r.draft, r.assets.length > 0])).toEqual([[false, true]]);
    expect(await tags()).toEqual(["refs/tags/mlops/churn/" + versions[3], "refs/tags/v1.0.0"]);
    expect(repository()?.latestReleaseId).toBe(own.id);
    // Only the pruned versions' tags were asked to go (twice, at most, when two last deletes race: harmless).
    const deletedRefs = server.requests.filter((r) => r.operationId === "git/delete-ref").map((r) => r.path);
    expect([...new Set(deletedRefs.map(decodeURIComponent))].sort()).toEqual(
      versions.slice(0, 3).map((v) => `/repos/${REPO}/git/refs/tags/mlops/churn/${v}`),
    );
    // The registry agrees: one version, and a second prune finds nothing to do.
    expect((await registry.versions("churn")).map((m) => m.version)).toEqual([versions[3]]);
    const again = await (
      await openAt(undefined, undefined, { hours: 72 })
    ).prune("churn", {
      keep: 1,
      apply: true,
      actor: "tester",
    });
    expect(again).toMatchObject({ pruned: [], debris: [], failed: [] });
  });
});

describe("a publisher killed on GitHub", () => {
  it("SIGKILLed mid-upload leaves nothing a reader sees; clean removes its draft a day later", async () => {
    const big = path.join(dir, "model/big.bin");
    const handle = await open(big, "w");
    await handle.truncate(256 * 1024 * 1024);
    await handle.close();
    const files = [
      { path: "model/config.json", source: path.join(dir, "model/config.json") },
      { path: "model/big.bin", source: big },
    ];
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        path.join(import.meta.dirname, "../helpers/github-publisher-main.ts"),
        JSON.stringify({
          uri: `github://${REPO}`,
          env: { GITHUB_TOKEN: WRITE, GITHUB_API_URL: server.url },
          model: "churn",
          files,
          clockOffsetMs: -2 * 24 * 3600_000,
        }),
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once("exit", (_code, signal) => resolve(signal)),
    );
    // Kill it while the big file's bytes are arriving (its asset still a "starter").
    const uploading = () => repository()?.releases[0]?.assets.some((a) => a.name.endsWith("big.bin"));
    for (let waited = 0; !uploading(); waited += 5) {
      if (waited > 60_000) throw new Error("the publisher never started uploading the big file");
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    // The stand-in forgets an asset whose upload broke off, as GitHub does.
    for (let waited = 0; uploading() && waited < 5000; waited += 10) await new Promise((r) => setTimeout(r, 10));

    const { releases = [] } = repository() ?? {};
    expect(releases.map((r) => [r.draft, r.assets.map((a) => a.name)])).toEqual([
      [true, ["files_2fmodel_2fconfig.json"]],
    ]);
    for (const env of [{ GITHUB_TOKEN: WRITE }, { GITHUB_TOKEN: FORK }, {}] as Record<string, string>[]) {
      const reader = await openAt(undefined, env);
      expect(await reader.versions("churn")).toEqual([]);
      expect(await reader.resolve("churn", "1")).toBeUndefined();
    }
    expect(await (await openAt(undefined, undefined, { hours: 0 })).clean("churn")).toMatchObject({ objects: 1 });
    expect(repository()?.releases).toEqual([]);
  }, 120_000);
});

describe("GitHub's refusals, one message each", () => {
  it("a fork's read-only token on publish: names contents: write and where it goes", async () => {
    const error = await (await openAt(undefined, { GITHUB_TOKEN: FORK })).publish(input()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExternalError);
    expect(messageOf(error)).toMatch(/^the token may not write to github:\/\/octo-org\/models: cannot /);
    expect((error as ExternalError).hint).toContain("`permissions: contents: write`");
    expect(repository()?.releases).toEqual([]);
  });

  it("no token: reads of a public repository go anonymous, a publish names the token variable", async () => {
    const registry = await openAt(undefined, {});
    expect(await registry.versions("churn")).toEqual([]);
    const error = await registry.publish(input()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(messageOf(error)).toMatch(/no GitHub token$/);
    expect((error as ExternalError).hint).toContain("set GITHUB_TOKEN or GH_TOKEN, or log in with `gh auth login`");
  });

  it("a repository that does not exist, and one that is archived", async () => {
    const missing = await (await openAt("github://octo-org/nothing-here")).versions("churn").catch((e: unknown) => e);
    expect(messageOf(missing)).toBe("github://octo-org/nothing-here was not found, or the token cannot see it");
    await server.addRepository("octo-org/old-models", { archived: true });
    const archived = await (await openAt("github://octo-org/old-models")).publish(input()).catch((e: unknown) => e);
    expect(messageOf(archived)).toMatch(/^github:\/\/octo-org\/old-models is archived, so it is read-only: cannot /);
  });

  it("secondary rate limits are waited out (retry-after) and retried; beyond registry.retry_seconds, said so", async () => {
    server.limitNext({ status: 403, retryAfter: 1, times: 2, method: "POST" });
    server.limitNext({ status: 429, retryAfter: 1, times: 1, method: "GET" });
    const manifest = await (await openAt()).publish(input());
    expect(server.requests.filter((r) => r.status === 403 || r.status === 429)).toHaveLength(3);
    expect((await (await openAt()).version("churn", manifest.version))?.files).toHaveLength(2);
    server.limitNext({ status: 403, retryAfter: 60, times: 1 });
    const error = await (
      await openAt(undefined, undefined, { retrySeconds: 5 })
    )
      .versions("churn")
      .catch((e: unknown) => e);
    expect(messageOf(error)).toMatch(/GitHub's rate limit asks to wait 60 s, more than registry\.retry_seconds \(5\)$/);
  });

  it("an asset replaced by hand is refused on pull, naming the asset and the release", async () => {
    const registry = await openAt();
    const manifest = await registry.publish(input());
    const github = getOctokit(WRITE, { baseUrl: server.url });
    const release = repository()?.releases[0];
    const asset = release?.assets.find((a) => a.name === "files_2fmodel_2fweights.bin");
    await github.rest.repos.deleteReleaseAsset({ owner: "octo-org", repo: "models", asset_id: asset?.id ?? 0 });
    await github.rest.repos.uploadReleaseAsset({
      owner: "octo-org",
      repo: "models",
      release_id: release?.id ?? 0,
      url: `${server.uploadsUrl}/repos/${REPO}/releases/${release?.id}/assets{?name,label}`,
      name: "files_2fmodel_2fweights.bin",
      data: "tampered\n",
      headers: { "content-type": "application/octet-stream" },
    });
    const error = await registry.pull(manifest, path.join(dir, "out")).catch((e: unknown) => e);
    const tampered = createHash("sha256").update("tampered\n").digest("hex");
    expect(messageOf(error)).toContain(
      `the asset files_2fmodel_2fweights.bin of release mlops/churn/${manifest.version} in github://${REPO} is not the file its manifest lists: GitHub reports sha256:${tampered}`,
    );
    expect((error as { cause?: unknown }).cause).toBeInstanceOf(AssetDigestMismatchError);
  });

  it("a file over GitHub's 2 GiB is refused before anything is uploaded, pointing to S3", async () => {
    const big = path.join(dir, "model/huge.bin");
    const handle = await open(big, "w");
    await handle.truncate(2 * 1024 ** 3 + 1);
    await handle.close();
    const error = await (
      await openAt()
    )
      .publish(input({ files: [{ path: "model/huge.bin", source: big }] }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(messageOf(error)).toBe(
      "model/huge.bin is 2147483649 bytes, more than the 2147483648 bytes GitHub allows in one release asset: not uploaded",
    );
    expect((error as UserError).hint).toContain("s3://");
    expect(server.requests.filter((r) => r.operationId === "repos/upload-release-asset")).toEqual([]);
  });
});

describe("the CLI on a github:// registry", () => {
  it("publishes and promotes with a token, and without one exits 2 naming the variable", async () => {
    await writeFiles(dir, {
      ...githubRegistryProject(REPO, { gate: true }),
    });
    const env = { GITHUB_API_URL: server.url, GITHUB_TOKEN: WRITE, GH_TOKEN: "" };
    for (const command of ["evaluate", "gate"]) {
      const ran = await runCli([command], { cwd: dir, env });
      expect(ran.exitCode, ran.stderr).toBe(0);
    }
    const published = await runCli(["publish", "--json"], { cwd: dir, env });
    expect(published.exitCode, published.stderr).toBe(0);
    expect(JSON.parse(published.stdout)).toMatchObject({ sequence: 1, promoted: "champion" });
    const listed = await runCli(["models", "list", "--json"], { cwd: dir, env: { ...env, GITHUB_TOKEN: FORK } });
    expect(listed.exitCode, listed.stderr).toBe(0);
    expect(listed.stdout).toContain("champion");

    const refused = await runCli(["publish"], { cwd: dir, env: { ...env, GITHUB_TOKEN: "" } });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain(`cannot start the release of churn`);
    expect(refused.stderr).toContain("no GitHub token");
    expect(refused.stderr).toContain("set GITHUB_TOKEN or GH_TOKEN, or log in with `gh auth login`");
  });
});

describe("a laptop's token", () => {
  /** A `gh` that prints `token` for the stand-in's host, as `gh auth token --hostname <host>` does, else fails. */
  async function fakeGh(token: string | null): Promise<string> {
    const bin = path.join(dir, "bin");
    const host = new URL(server.url).host;
    const answer = token === null ? 'echo "not logged in to any hosts" >&2; exit 1' : `echo "${token}"; exit 0`;
    await writeFiles(bin, {
      gh: `#!/bin/sh\nif [ "$*" = "auth token --hostname ${host}" ]; then ${answer}; fi\nexit 2\n`,
    });
    await chmod(path.join(bin, "gh"), 0o755);
    return `${bin}${path.delimiter}${process.env.PATH ?? ""}`;
  }

  it("comes from the gh CLI's login when no variable holds one; none at all says where to get one", async () => {
    await writeFiles(dir, {
      ...githubRegistryProject(REPO, { gate: false }),
    });
    const env = { GITHUB_API_URL: server.url, GH_TOKEN: "", MLOPS_REGISTRY_TOKEN: "", GITHUB_ACTIONS: "" };
    expect((await runCli(["evaluate"], { cwd: dir, env })).exitCode).toBe(0);
    const loggedIn = await runCli(["publish", "--json"], { cwd: dir, env: { ...env, PATH: await fakeGh(WRITE) } });
    expect(loggedIn.exitCode, loggedIn.stderr).toBe(0);
    expect(JSON.parse(loggedIn.stdout)).toMatchObject({ sequence: 1 });

    const loggedOut = await runCli(["publish"], { cwd: dir, env: { ...env, PATH: await fakeGh(null) } });
    expect(loggedOut.exitCode).toBe(2);
    expect(loggedOut.stderr).toContain("no GitHub token");
    expect(loggedOut.stderr).toContain("log in with `gh auth login`");
    // In a workflow the job's token is the one: a login on a self-hosted runner is never asked.
    const inWorkflow = { ...env, GITHUB_ACTIONS: "true", PATH: await fakeGh(WRITE) };
    const workflow = await runCli(["publish"], { cwd: dir, env: inWorkflow });
    expect(workflow.exitCode).toBe(2);
    expect(workflow.stderr).toContain("registry-token");
  });
});

describe("API calls (the figures in docs/)", () => {
  it("counts the calls of a publish, a promote, a champion lookup and a pull", async () => {
    const count = async (what: string, action: () => Promise<unknown>) => {
      server.requests.length = 0;
      await action();
      const calls = server.calls();
      console.info(
        `[github calls] ${what}: ${calls.total} (${calls.notModified} answered 304) ${JSON.stringify(calls.byOperation)}`,
      );
      return calls.total;
    };
    const registry = await openAt();
    const first = await registry.publish(input());
    expect(await count("publish (2 files)", () => registry.publish(input()))).toBeLessThan(30);
    const at = new Date().toISOString();
    const move = { at, actor: "tester", reason: "test", runUrl: null, forced: false };
    expect(await count("promote", () => registry.moveAlias("churn", "champion", first.version, move))).toBeLessThan(20);
    const reader = await openAt();
    expect(await count("champion lookup", () => reader.resolve("churn", "champion"))).toBeLessThan(10);
    expect(await count("pull (2 files)", () => reader.pull(first, path.join(dir, "pulled")))).toBeLessThan(12);
    // Listing versions reads each manifest from the releases one listing returned: n + 1 calls for n versions.
    await registry.publish(input());
    expect(await count("versions (3)", () => reader.versions("churn"))).toBe(4);
    await writeFile(path.join(dir, "done"), "");
  });
});
