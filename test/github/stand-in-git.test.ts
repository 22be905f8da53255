import { createHash } from "node:crypto";
import { getOctokit } from "@actions/github";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { git } from "../helpers/git.ts";
import { type FakeGitHub, startFakeGitHub } from "../helpers/github-server.ts";

/**
 * The stand-in's Git Data API (test/helpers/github/git-*.ts) through the real Octokit: objects and refs land in a real
 * bare repository, and updating a ref with `force: false` is a compare-and-swap, which the model registry's aliases
 * and history will rely on.
 */

let server: FakeGitHub;
const REPO = { owner: "octo-org", repo: "models" };

function octokit(token = "ghs_write"): ReturnType<typeof getOctokit> {
  return getOctokit(token, { baseUrl: server.url });
}

/** What git names a blob: sha1 of "blob <size>\0" and the bytes. */
const blobSha = (bytes: Buffer): string =>
  createHash("sha1")
    .update(Buffer.concat([Buffer.from(`blob ${bytes.length}\0`), bytes]))
    .digest("hex");

async function commitOn(parent: string, message: string, files: Record<string, string>): Promise<string> {
  const github = octokit();
  const { data: base } = await github.rest.git.getCommit({ ...REPO, commit_sha: parent });
  const { data: tree } = await github.rest.git.createTree({
    ...REPO,
    base_tree: base.tree.sha,
    tree: Object.entries(files).map(([path, content]) => ({ path, mode: "100644", type: "blob", content })),
  });
  const { data: commit } = await github.rest.git.createCommit({ ...REPO, message, tree: tree.sha, parents: [parent] });
  return commit.sha;
}

async function mainSha(): Promise<string> {
  return (await octokit().rest.git.getRef({ ...REPO, ref: "heads/main" })).data.object.sha;
}

beforeEach(async () => {
  server = await startFakeGitHub({ repositories: { "octo-org/models": {} } });
});
afterEach(async () => {
  expect(server.problems()).toEqual([]);
  await server.stop();
});

describe("the stand-in's git objects", () => {
  it("starts with the default branch at one commit holding a README", async () => {
    const github = octokit();
    const { data: ref } = await github.rest.git.getRef({ ...REPO, ref: "heads/main" });
    expect(ref).toMatchObject({ ref: "refs/heads/main", object: { type: "commit" } });
    const { data: commit } = await github.rest.git.getCommit({ ...REPO, commit_sha: ref.object.sha });
    expect(commit).toMatchObject({ message: "Initial commit", parents: [] });
    const { data: tree } = await github.rest.git.getTree({ ...REPO, tree_sha: commit.tree.sha });
    expect(tree.tree.map((e) => [e.path, e.type])).toEqual([["README.md", "blob"]]);
  });

  it("stores blobs sent as utf-8 or base64 under git's own sha, and reads them back as base64", async () => {
    const github = octokit();
    const text = "threshold: 0.9 ✓\n";
    const binary = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255]);
    const { data: utf8 } = await github.rest.git.createBlob({ ...REPO, content: text, encoding: "utf-8" });
    const { data: base64 } = await github.rest.git.createBlob({
      ...REPO,
      content: binary.toString("base64"),
      encoding: "base64",
    });
    expect(utf8.sha).toBe(blobSha(Buffer.from(text)));
    expect(base64.sha).toBe(blobSha(binary));
    const { data: back } = await github.rest.git.getBlob({ ...REPO, file_sha: base64.sha });
    expect(back).toMatchObject({ encoding: "base64", size: binary.length });
    expect(Buffer.from(back.content, "base64")).toEqual(binary);
    await expect(github.rest.git.getBlob({ ...REPO, file_sha: "f".repeat(40) })).rejects.toMatchObject({
      status: 404,
    });
  });

  it("builds trees on a base tree, with nested paths, subtrees and deletions", async () => {
    const github = octokit();
    const { data: head } = await github.rest.git.getCommit({ ...REPO, commit_sha: await mainSha() });
    const { data: added } = await github.rest.git.createTree({
      ...REPO,
      base_tree: head.tree.sha,
      tree: [{ path: "registry/penguins/aliases.json", mode: "100644", type: "blob", content: '{"champion":"v1"}' }],
    });
    const { data: listed } = await github.rest.git.getTree({ ...REPO, tree_sha: added.sha, recursive: "1" });
    expect(listed.tree.map((e) => `${e.type} ${e.path}`)).toEqual([
      "blob README.md",
      "tree registry",
      "tree registry/penguins",
      "blob registry/penguins/aliases.json",
    ]);
    const registry = listed.tree.find((e) => e.path === "registry")?.sha ?? "";
    const { data: moved } = await github.rest.git.createTree({
      ...REPO,
      base_tree: added.sha,
      tree: [
        { path: "README.md", mode: "100644", type: "blob", sha: null },
        { path: "copy/of", mode: "040000", type: "tree", sha: registry },
      ],
    });
    const { data: after } = await github.rest.git.getTree({ ...REPO, tree_sha: moved.sha, recursive: "1" });
    expect(after.tree.filter((e) => e.type === "blob").map((e) => e.path)).toEqual([
      "copy/of/penguins/aliases.json",
      "registry/penguins/aliases.json",
    ]);
  });

  it("writes commits with their author, message, tree and parents", async () => {
    const github = octokit();
    const parent = await mainSha();
    const { data: head } = await github.rest.git.getCommit({ ...REPO, commit_sha: parent });
    const { data: commit } = await github.rest.git.createCommit({
      ...REPO,
      message: "Promote penguins v2 to champion\n\nby the gate",
      tree: head.tree.sha,
      parents: [parent],
      author: { name: "mlops", email: "mlops@example.com", date: "2026-12-01T10:00:00+01:00" },
    });
    expect(commit).toMatchObject({
      message: "Promote penguins v2 to champion\n\nby the gate",
      author: { name: "mlops", email: "mlops@example.com", date: "2026-12-01T09:00:00Z" },
      parents: [{ sha: parent }],
      tree: { sha: head.tree.sha },
      verification: { verified: false, reason: "unsigned" },
    });
    const gitDir = server.repositories.get("octo-org/models")?.gitDir ?? "";
    expect(await git(gitDir, "log", "--format=%an %s", commit.sha)).toBe(
      "mlops Promote penguins v2 to champion\nMonalisa Octocat Initial commit",
    );
    await expect(
      github.rest.git.createCommit({ ...REPO, message: "x", tree: head.tree.sha, parents: ["0".repeat(40)] }),
    ).rejects.toMatchObject({ status: 422 });
  });
});

describe("the stand-in's refs", () => {
  const ALIASES = "mlops/registry";

  it("creates a ref of its own once, fast-forwards it, refuses a non-fast-forward unless forced, and deletes it", async () => {
    const github = octokit();
    const base = await mainSha();
    const { data: created } = await github.rest.git.createRef({ ...REPO, ref: `refs/${ALIASES}`, sha: base });
    expect(created).toMatchObject({ ref: `refs/${ALIASES}`, object: { sha: base, type: "commit" } });
    await expect(github.rest.git.createRef({ ...REPO, ref: `refs/${ALIASES}`, sha: base })).rejects.toMatchObject({
      status: 422,
      response: { data: { message: "Reference already exists" } },
    });

    const next = await commitOn(base, "v2 is champion", { "aliases.json": '{"champion":"v2"}' });
    const { data: moved } = await github.rest.git.updateRef({ ...REPO, ref: ALIASES, sha: next, force: false });
    expect(moved.object.sha).toBe(next);

    const sideways = await commitOn(base, "v3 is champion", { "aliases.json": '{"champion":"v3"}' });
    await expect(
      github.rest.git.updateRef({ ...REPO, ref: ALIASES, sha: sideways, force: false }),
    ).rejects.toMatchObject({
      status: 422,
      response: { data: { message: "Update is not a fast forward" } },
    });
    const { data: forced } = await github.rest.git.updateRef({ ...REPO, ref: ALIASES, sha: sideways, force: true });
    expect(forced.object.sha).toBe(sideways);

    await github.rest.git.deleteRef({ ...REPO, ref: ALIASES });
    await expect(github.rest.git.getRef({ ...REPO, ref: ALIASES })).rejects.toMatchObject({ status: 404 });
    await expect(github.rest.git.deleteRef({ ...REPO, ref: ALIASES })).rejects.toMatchObject({
      status: 422,
      response: { data: { message: "Reference does not exist" } },
    });
  });

  it("lets exactly one of 8 concurrent fast-forwards from the same old sha win; the other 7 get 422", async () => {
    const github = octokit();
    const base = await mainSha();
    await github.rest.git.createRef({ ...REPO, ref: `refs/${ALIASES}`, sha: base });
    const candidates = await Promise.all(
      Array.from({ length: 8 }, (_, i) => commitOn(base, `writer ${i}`, { "aliases.json": `{"writer":${i}}` })),
    );
    const results = await Promise.allSettled(
      candidates.map((sha) => github.rest.git.updateRef({ ...REPO, ref: ALIASES, sha, force: false })),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost.map((r) => (r.reason as { status: number }).status)).toEqual(Array(7).fill(422));
    const winner = (won[0] as PromiseFulfilledResult<{ data: { object: { sha: string } } }>).value.data.object.sha;
    const gitDir = server.repositories.get("octo-org/models")?.gitDir ?? "";
    expect(await git(gitDir, "rev-parse", `refs/${ALIASES}`)).toBe(winner);
  });

  it("serialises racing fast-forwards along one line of history: each one that still fast-forwards wins", async () => {
    const github = octokit();
    const base = await mainSha();
    await github.rest.git.createRef({ ...REPO, ref: `refs/${ALIASES}`, sha: base });
    const first = await commitOn(base, "first", { "a.json": "1" });
    const second = await commitOn(first, "second", { "a.json": "2" });
    const results = await Promise.allSettled(
      [first, second].map((sha) => github.rest.git.updateRef({ ...REPO, ref: ALIASES, sha, force: false })),
    );
    // Whichever lands first, the ref ends at `second`: after it, `first` is no fast-forward and is refused.
    const { data: ref } = await github.rest.git.getRef({ ...REPO, ref: ALIASES });
    expect(ref.object.sha).toBe(second);
    expect(results.filter((r) => r.status === "fulfilled").length).toBeGreaterThanOrEqual(1);
  });

  it("truncates a tree listing past its entry limit, recursive or not, as GitHub does past 100,000 entries", async () => {
    const github = octokit();
    const commit = await commitOn(await mainSha(), "files", { "a/one.txt": "1", "a/two.txt": "2", "b/three.txt": "3" });
    const whole = await github.rest.git.getTree({ ...REPO, tree_sha: commit, recursive: "1" });
    expect(whole.data.truncated).toBe(false);
    expect(whole.data.tree.map((e) => e.path)).toEqual([
      "README.md",
      "a",
      "a/one.txt",
      "a/two.txt",
      "b",
      "b/three.txt",
    ]);
    const stored = server.repositories.get("octo-org/models");
    if (stored) stored.treeEntryLimit = 3;
    const cut = await github.rest.git.getTree({ ...REPO, tree_sha: commit, recursive: "1" });
    expect([cut.data.truncated, cut.data.tree.length]).toEqual([true, 3]);
    const level = await github.rest.git.getTree({ ...REPO, tree_sha: commit });
    expect([level.data.truncated, level.data.tree.map((e) => e.path)]).toEqual([false, ["README.md", "a", "b"]]);
  });

  it("lists matching refs by name prefix, and reads refs sent with unencoded slashes", async () => {
    const github = octokit();
    const base = await mainSha();
    for (const ref of ["refs/mlops/registry", "refs/mlops/registry-history", "refs/heads/feature"])
      await github.rest.git.createRef({ ...REPO, ref, sha: base });
    const { data: matching } = await github.rest.git.listMatchingRefs({ ...REPO, ref: "mlops/reg" });
    expect(matching.map((r) => r.ref)).toEqual(["refs/mlops/registry", "refs/mlops/registry-history"]);
    const raw = await github.request("GET /repos/octo-org/models/git/ref/heads/feature");
    expect((raw.data as { ref: string }).ref).toBe("refs/heads/feature");
  });

  it("answers a GET of a ref with an ETag, and If-None-Match with 304 (not counted by GitHub)", async () => {
    const github = octokit();
    const first = await github.rest.git.getRef({ ...REPO, ref: "heads/main" });
    expect(first.headers.etag).toMatch(/^W\/"[0-9a-f]+"$/);
    await expect(
      github.rest.git.getRef({ ...REPO, ref: "heads/main", headers: { "if-none-match": first.headers.etag } }),
    ).rejects.toMatchObject({ status: 304 });
    expect(server.calls()).toMatchObject({ total: 2, notModified: 1, byOperation: { "git/get-ref": 2 } });
  });
});
