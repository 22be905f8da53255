import { writeFile } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import path from "node:path";
import { getOctokit } from "@actions/github";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ExternalError } from "../../src/errors.ts";
import { openRegistryAt } from "../../src/registry/open.ts";
import type { Registry } from "../../src/registry/registry.ts";
import { createGitHubStore } from "../../src/store/github-store.ts";
import type { ObjectStore } from "../../src/store/object-store.ts";
import { type FakeGitHub, type StoredRepository, startFakeGitHub } from "../helpers/github-server.ts";
import { git } from "../helpers/git.ts";
import { publishInput } from "../helpers/publish.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * How the GitHub registry copes with what real GitHub does that a plain publish never meets (issue 15): a truncated
 * tree listing, a "starter" asset left by a broken upload, a tag in its namespace it did not make, an asset deleted by
 * hand, a tag orphaned by an interrupted prune, and immutable releases. Each case is made on the stand-in the way GitHub
 * makes it, and reached through the real Octokit.
 */

const REPO = "octo-org/models";
const WRITE = "ghs_write_token";
let server: FakeGitHub;
let dir: string;

beforeEach(async () => {
  server = await startFakeGitHub({ repositories: { [REPO]: { visibility: "public" } } });
  dir = await tempDir();
  await writeFiles(dir, { "model/weights.bin": "weights\n", "model/config.json": '{"layers": 2}\n' });
});
afterEach(async () => {
  expect(server.problems()).toEqual([]);
  await server.stop();
});

const repository = (): StoredRepository => {
  const found = server.repositories.get(REPO);
  if (!found) throw new Error(`the stand-in has no ${REPO}`);
  return found;
};

/** A registry as the doors open it, its clock `hours` ahead. */
function openAt(options: { hours?: number; retrySeconds?: number } = {}): Promise<Registry> {
  const later = (options.hours ?? 0) * 3600_000;
  return openRegistryAt(`github://${REPO}`, {
    root: dir,
    env: { GITHUB_API_URL: server.url, GITHUB_TOKEN: WRITE },
    settings: { retry_seconds: options.retrySeconds ?? 30 },
    now: () => new Date(Date.now() + later),
    logger: { warn: (message) => expect.fail(message) },
  });
}

/** The store under the registry, for what only the store shows (its keys). */
function openStore(): ObjectStore {
  const [owner = "", repo = ""] = REPO.split("/");
  return createGitHubStore({
    repository: { owner, repo },
    token: WRITE,
    tokenFrom: "GITHUB_TOKEN",
    apiUrl: server.url,
    retrySeconds: 30,
  });
}

const input = (model = "churn") =>
  publishInput({
    model,
    files: [
      { path: "model/config.json", source: path.join(dir, "model/config.json") },
      { path: "model/weights.bin", source: path.join(dir, "model/weights.bin") },
    ],
  });

const move = (reason: string) => ({
  at: new Date().toISOString(),
  actor: "tester",
  reason,
  runUrl: null,
  forced: false,
});

const failure = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => expect.fail("expected a refusal"),
    (error: unknown) => error,
  );

describe("a registry ref too large for one tree listing", () => {
  it("is read subtree by subtree when GitHub truncates the recursive listing; a level too large alone is said so", async () => {
    const registry = await openAt();
    const first = await registry.publish(input());
    const second = await registry.publish(input());
    await registry.moveAlias("churn", "champion", first.version, move("first"));
    await registry.moveAlias("churn", "champion", second.version, move("second"));
    await registry.publish(input("fraud"));
    const keys = await openStore().list("");
    const onRef = keys.filter((key) => !key.includes("/versions/"));
    expect(onRef.length).toBeGreaterThan(4);

    // GitHub truncates a recursive listing past its limit: every key is still read, from the subtrees.
    repository().treeEntryLimit = 4;
    server.requests.length = 0;
    expect(await openStore().list("")).toEqual(keys);
    const reads = server.requests.filter((r) => r.operationId === "git/get-tree");
    expect(reads.some((r) => r.query.recursive === undefined)).toBe(true);
    const reader = await openAt();
    expect((await reader.resolve("churn", "champion"))?.version).toBe(second.version);
    expect((await reader.history("churn", "champion")).map((entry) => entry.reason)).toEqual(["first", "second"]);

    // A folder with more entries than one answer holds, even read alone: one message, never half a listing.
    repository().treeEntryLimit = 1;
    const error = await failure(openStore().list(""));
    expect(error).toBeInstanceOf(ExternalError);
    expect((error as Error).message).toBe(
      `cannot list the top folder of refs/mlops/registry in github://${REPO}: it holds more entries than GitHub ` +
        "lists in one answer (it truncated the listing after 1)",
    );
    expect((error as ExternalError).hint).toContain("s3://");
  });
});

describe("an upload GitHub broke off, leaving a starter asset", () => {
  it.each(["cut", 502] as const)(
    "(%s) is retried on the kit's own draft: the starter is deleted, the file uploaded again, the version whole",
    async (how) => {
      server.breakNextUpload({ name: /weights/, afterBytes: 3, how });
      const registry = await openAt();
      const manifest = await registry.publish(input());
      const [release] = repository().releases;
      expect(release?.assets.map((a) => [a.name, a.state])).toEqual([
        ["files_2fmodel_2fconfig.json", "uploaded"],
        ["files_2fmodel_2fweights.bin", "uploaded"],
        ["manifest.json", "uploaded"],
      ]);
      const uploads = server.requests.filter((r) => r.operationId === "repos/upload-release-asset");
      expect(uploads.map((r) => [r.query.name, r.status])).toEqual([
        ["files_2fmodel_2fconfig.json", 201],
        // The broken attempt (a cut connection is never answered), GitHub's 422 for the retry, then the one that lands.
        ["files_2fmodel_2fweights.bin", how === 502 ? 502 : 0],
        ["files_2fmodel_2fweights.bin", 422],
        ["files_2fmodel_2fweights.bin", 201],
        ["manifest.json", 201],
      ]);
      expect(server.requests.filter((r) => r.operationId === "repos/delete-release-asset")).toHaveLength(1);
      await registry.pull(manifest, path.join(dir, "out"));
    },
  );

  it("is never deleted from a published release: the write is refused, naming the asset and the release", async () => {
    const manifest = await (await openAt()).publish(input());
    const [release] = repository().releases;
    server.breakNextUpload({ afterBytes: 1, how: 502 });
    const github = getOctokit(WRITE, { baseUrl: server.url });
    await expect(
      github.rest.repos.uploadReleaseAsset({
        owner: "octo-org",
        repo: "models",
        release_id: release?.id ?? 0,
        url: `${server.uploadsUrl}/repos/${REPO}/releases/${release?.id}/assets{?name,label}`,
        name: "files_2fnotes.txt",
        data: "by hand\n",
        headers: { "content-type": "application/octet-stream" },
      }),
    ).rejects.toMatchObject({ status: 502 });
    const error = await failure(openStore().put(`churn/versions/${manifest.version}/files/notes.txt`, "by kit\n"));
    expect(error).toBeInstanceOf(ExternalError);
    expect((error as Error).message).toBe(
      `cannot write files_2fnotes.txt to release mlops/churn/${manifest.version} in github://${REPO}: an unfinished ` +
        "upload of that name holds it",
    );
    expect(release?.assets.find((a) => a.name === "files_2fnotes.txt")?.state).toBe("starter");
    expect(server.requests.filter((r) => r.operationId === "repos/delete-release-asset")).toEqual([]);
  });
});

describe("a release edited by hand", () => {
  it("with an asset deleted is refused on pull, naming the asset and the release; the other versions still list", async () => {
    const registry = await openAt();
    const damaged = await registry.publish(input());
    const intact = await registry.publish(input());
    const github = getOctokit(WRITE, { baseUrl: server.url });
    const release = repository().releases.find((r) => r.tagName === `mlops/churn/${damaged.version}`);
    const asset = release?.assets.find((a) => a.name === "files_2fmodel_2fweights.bin");
    await github.rest.repos.deleteReleaseAsset({ owner: "octo-org", repo: "models", asset_id: asset?.id ?? 0 });

    const reader = await openAt();
    expect((await reader.versions("churn")).map((m) => m.version)).toEqual([damaged.version, intact.version]);
    expect(await reader.models()).toEqual(["churn"]);
    const error = await failure(reader.pull(damaged, path.join(dir, "out")));
    expect(error).toBeInstanceOf(ExternalError);
    expect((error as Error).message).toBe(
      `version ${damaged.version} of churn lists model/weights.bin, but the registry has no such file: the asset ` +
        `files_2fmodel_2fweights.bin is no longer on release mlops/churn/${damaged.version} in github://${REPO}: it ` +
        "was deleted outside mlops-kit",
    );
    expect((error as ExternalError).hint).toContain("publish again or roll back");
    await reader.pull(intact, path.join(dir, "intact"));

    // Its manifest deleted too: no longer a version, and still the others list.
    const manifest = release?.assets.find((a) => a.name === "manifest.json");
    await github.rest.repos.deleteReleaseAsset({ owner: "octo-org", repo: "models", asset_id: manifest?.id ?? 0 });
    expect((await (await openAt()).versions("churn")).map((m) => m.version)).toEqual([intact.version]);
  });
});

describe("a tag in the kit's namespace the kit did not make", () => {
  it("is refused with one message naming the tag, never published on, never listed, pruned or cleaned", async () => {
    const github = getOctokit(WRITE, { baseUrl: server.url });
    const owner = "octo-org";
    const main = (await github.rest.git.getRef({ owner, repo: "models", ref: "heads/main" })).data.object.sha;
    // A release made by hand in the namespace, with a manifest-like asset, and a bare tag there.
    const { data: foreign } = await github.rest.repos.createRelease({
      owner,
      repo: "models",
      tag_name: "mlops/churn/v20200101T000000000Z-abcdef",
      body: "our own build",
    });
    await github.rest.repos.uploadReleaseAsset({
      owner,
      repo: "models",
      release_id: foreign.id,
      url: foreign.upload_url,
      name: "manifest.json",
      data: "{}",
      headers: { "content-type": "application/octet-stream" },
    });
    // Not an id the kit makes: no sweep of tags without a release (clean) ever touches it.
    const bare = "mlops/churn/handmade-1";
    await github.rest.git.createRef({ owner, repo: "models", ref: `refs/tags/${bare}`, sha: main });

    const registry = await openAt({ hours: 72 });
    const mine = await registry.publish(input());
    expect((await registry.versions("churn")).map((m) => m.version)).toEqual([mine.version]);
    expect(await registry.prune("churn", { keep: 1, apply: true, actor: "tester" })).toMatchObject({
      pruned: [],
      debris: [],
      failed: [],
    });
    expect(await registry.clean("churn")).toEqual({ versions: [], objects: 0, uploads: 0 });

    // Writing a version on either tag is refused before anything is made.
    await writeFiles(dir, { "a.bin": "a\n" });
    for (const tag of [foreign.tag_name, bare]) {
      const version = tag.split("/")[2];
      const error = await failure(openStore().upload(`churn/versions/${version}/files/a.bin`, path.join(dir, "a.bin")));
      expect(error).toBeInstanceOf(ExternalError);
      expect((error as Error).message).toBe(
        `cannot publish churn ${version} in github://${REPO}: the tag ${tag} exists already and mlops-kit did not ` +
          "make it, so it is left as it is",
      );
      expect((error as ExternalError).hint).toContain("tags under mlops/ are the registry's");
    }
    expect(repository().releases.map((r) => [r.tagName, r.draft, r.assets.length])).toEqual([
      [foreign.tag_name, false, 1],
      [`mlops/churn/${mine.version}`, false, 3],
    ]);
    expect(await git(repository().gitDir, "rev-parse", `refs/tags/${bare}`)).toBe(main);
  });
});

describe("a tag left without its release", () => {
  it("(a prune cut off before deleting it) is swept by clean a day later: only tags of ids the kit makes", async () => {
    const github = getOctokit(WRITE, { baseUrl: server.url });
    const owner = "octo-org";
    const registry = await openAt();
    const old = await registry.publish(input());
    const kept = await registry.publish(input());
    const other = await registry.publish(input("fraud"));
    // What a prune cut off between deleting the old version's release and its tag leaves: the tag alone (a release
    // deleted by hand leaves the same, GitHub keeps the tag). Pruning a version deletes its release last.
    const prune = await (await openAt({ hours: 72 })).prune("churn", { keep: 1, apply: false, actor: "tester" });
    expect(prune.pruned.map((v) => v.version)).toEqual([old.version]);
    for (const version of [old, other]) {
      const release = repository().releases.find((r) => r.tagName.endsWith(`/${version.version}`));
      await github.rest.repos.deleteRelease({ owner, repo: "models", release_id: release?.id ?? 0 });
    }
    server.requests.length = 0;
    const tags = async () => (await git(repository().gitDir, "tag", "--list")).split("\n").filter(Boolean).sort();
    // Other tags without a release: outside the namespace, not an id the kit makes, one too young, another model's.
    const main = (await github.rest.git.getRef({ owner, repo: "models", ref: "heads/main" })).data.object.sha;
    const young = `mlops/churn/v${new Date(Date.now() + 70 * 3600_000).toISOString().replace(/[-:.]/g, "").replace("Z", "")}Z-0a0b0c`;
    for (const tag of ["v1.0.0", "mlops/churn/handmade-1", young])
      await github.rest.git.createRef({ owner, repo: "models", ref: `refs/tags/${tag}`, sha: main });
    const before = await tags();
    expect(before).toContain(`mlops/churn/${old.version}`);

    expect(await (await openAt({ hours: 72 })).clean("churn")).toEqual({ versions: [], objects: 0, uploads: 1 });
    expect(await tags()).toEqual(before.filter((tag) => tag !== `mlops/churn/${old.version}`));
    expect(before).toEqual(
      [
        "mlops/churn/handmade-1",
        `mlops/churn/${kept.version}`,
        `mlops/churn/${old.version}`,
        young,
        `mlops/fraud/${other.version}`,
        "v1.0.0",
      ].sort(),
    );
    // Nothing else is asked to go; and a second clean finds nothing.
    const deletes = server.requests
      .filter((r) => r.operationId === "git/delete-ref")
      .map((r) => decodeURIComponent(r.path));
    expect(deletes).toEqual([`/repos/${REPO}/git/refs/tags/mlops/churn/${old.version}`]);
    expect(await (await openAt({ hours: 72 })).clean("churn")).toEqual({ versions: [], objects: 0, uploads: 0 });
  });
});

describe("a repository with immutable releases on", () => {
  it("publishes as usual; prune and fsck --repair, which would change a published release, say why in one message", async () => {
    repository().immutableReleases = true;
    const registry = await openAt();
    const old = await registry.publish(input());
    const kept = await registry.publish(input());
    expect(repository().releases.map((r) => [r.draft, r.immutable])).toEqual([
      [false, true],
      [false, true],
    ]);
    const refusal = (what: string) =>
      `cannot ${what} in github://${REPO}: the release is immutable (the repository has immutable releases on), so ` +
      "its assets and its tag can no longer change";

    const report = await (await openAt({ hours: 72 })).prune("churn", { keep: 1, apply: true, actor: "tester" });
    expect(report.pruned).toEqual([]);
    expect(report.failed).toEqual([
      {
        key: `churn/versions/${old.version}/manifest.json`,
        problem: `${old.version} was not deleted: ${refusal(`delete the asset manifest.json of release mlops/churn/${old.version}`)}`,
      },
    ]);
    expect((await registry.versions("churn")).map((m) => m.version)).toEqual([old.version, kept.version]);

    // A manifest the storage serves damaged: fsck --repair would move it aside, which takes its asset off the release.
    const manifest = repository().releases[1]?.assets.find((a) => a.name === "manifest.json");
    await writeFile(manifest?.file ?? "", "{ damaged");
    const fsck = await failure((await openAt()).fsck("churn", { repair: true, actor: "tester" }));
    expect(fsck).toBeInstanceOf(ExternalError);
    expect((fsck as Error).message).toBe(
      refusal(`delete the asset manifest.json of release mlops/churn/${kept.version}`),
    );
    expect((fsck as ExternalError).hint).toContain("delete its whole release on the repository's Releases page");
    expect(repository().releases.map((r) => r.assets.length)).toEqual([3, 3]);
  });
});

describe("a GitHub that does not answer at all", () => {
  it("(no network, a wrong GITHUB_API_URL) is said so, naming the address, after the retries; not as an answer of 500", async () => {
    // A loopback port just freed refuses at once: nothing listens there any more.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const registry = await openRegistryAt(`github://${REPO}`, {
      root: dir,
      env: { GITHUB_API_URL: `http://127.0.0.1:${port}`, GITHUB_TOKEN: WRITE },
      settings: { retry_seconds: 1 },
      now: () => new Date(),
      logger: { warn: (message) => expect.fail(message) },
    });
    const failure = await registry.versions("churn").then(
      () => expect.fail("listed versions with no GitHub"),
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ExternalError);
    expect((failure as ExternalError).message).toMatch(
      new RegExp(`^cannot .+ in github://${REPO}: no answer from http://127\\.0\\.0\\.1:${port} \\(.+\\)$`),
    );
    expect((failure as ExternalError).hint).toContain("registry.retry_seconds (1 s)");
  });
});
