import { getOctokit } from "@actions/github";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { githubDescription } from "../helpers/openapi.ts";
import { type FakeGitHub, startFakeGitHub } from "../helpers/github-server.ts";

/**
 * Who may do what on the stand-in, and the failures real GitHub gives (test/helpers/github/access.ts): a fork's
 * read-only token, anonymous callers, missing and archived repositories, secondary rate limits.
 */

let server: FakeGitHub;
const REPO = { owner: "octo-org", repo: "models" };

function octokit(token = "ghs_write", repo = REPO): { github: ReturnType<typeof getOctokit>; repo: typeof REPO } {
  return { github: getOctokit(token, { baseUrl: server.url }), repo };
}

/** The real Octokit with no Authorization header: what an anonymous reader of a public repository sends. */
function anonymous(): ReturnType<typeof getOctokit> {
  const withoutToken = (url: string, init: RequestInit): Promise<Response> => {
    const headers = new Headers(init.headers);
    headers.delete("authorization");
    return fetch(url, { ...init, headers });
  };
  return getOctokit("unused", { baseUrl: server.url, request: { fetch: withoutToken } });
}

/** Every write the model registry will make, each once, against `repo`. */
function writes(
  github: ReturnType<typeof getOctokit>,
  repo: typeof REPO,
  ids: { release: number; asset: number; sha: string; uploadUrl: string },
) {
  return {
    "repos/create-release": () => github.rest.repos.createRelease({ ...repo, tag_name: "v9" }),
    "repos/update-release": () => github.rest.repos.updateRelease({ ...repo, release_id: ids.release, draft: false }),
    "repos/delete-release": () => github.rest.repos.deleteRelease({ ...repo, release_id: ids.release }),
    "repos/upload-release-asset": () =>
      github.rest.repos.uploadReleaseAsset({
        ...repo,
        release_id: ids.release,
        url: ids.uploadUrl,
        name: "more.bin",
        data: "bytes",
        headers: { "content-type": "application/octet-stream" },
      }),
    "repos/delete-release-asset": () => github.rest.repos.deleteReleaseAsset({ ...repo, asset_id: ids.asset }),
    "git/create-blob": () => github.rest.git.createBlob({ ...repo, content: "x" }),
    "git/create-tree": () =>
      github.rest.git.createTree({ ...repo, tree: [{ path: "a", mode: "100644", type: "blob", content: "a" }] }),
    "git/create-commit": () =>
      github.rest.git.createCommit({ ...repo, message: "m", tree: "4b825dc642cb6eb9a060e54bf8d69288fbee4904" }),
    "git/create-ref": () => github.rest.git.createRef({ ...repo, ref: "refs/mlops/x", sha: ids.sha }),
    "git/update-ref": () => github.rest.git.updateRef({ ...repo, ref: "heads/main", sha: ids.sha, force: true }),
    "git/delete-ref": () => github.rest.git.deleteRef({ ...repo, ref: "heads/main" }),
  };
}

/** A published release with one asset, made with a write token, to aim the writes at. */
async function seed(repo = REPO): Promise<{ release: number; asset: number; sha: string; uploadUrl: string }> {
  const { github } = octokit("ghs_write", repo);
  const { data: release } = await github.rest.repos.createRelease({ ...repo, tag_name: "v1" });
  const { data: asset } = await github.rest.repos.uploadReleaseAsset({
    ...repo,
    release_id: release.id,
    url: release.upload_url,
    name: "model.bin",
    data: "weights",
    headers: { "content-type": "application/octet-stream" },
  });
  const { data: ref } = await github.rest.git.getRef({ ...repo, ref: "heads/main" });
  return { release: release.id, asset: asset.id, sha: ref.object.sha, uploadUrl: release.upload_url };
}

beforeEach(async () => {
  server = await startFakeGitHub({
    repositories: { "octo-org/models": {}, "octo-org/public-models": { visibility: "public" } },
  });
  server.tokens.ghs_fork = "read-only";
});
afterEach(async () => {
  expect(server.problems()).toEqual([]);
  await server.stop();
});

describe("the stand-in's permissions", () => {
  it("serves only operations GitHub's description documents", () => {
    const documented = new Set(
      Object.values(githubDescription().paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId)),
    );
    expect(server.operations.filter((id) => !documented.has(id))).toEqual([]);
    for (const id of ["repos/create-release", "repos/upload-release-asset", "git/update-ref", "git/create-tree"])
      expect(server.operations).toContain(id);
  });

  it("refuses every write of a fork's read-only token with GitHub's 403, and lets it read", async () => {
    const ids = await seed();
    const { github } = octokit("ghs_fork");
    for (const [operation, write] of Object.entries(writes(github, REPO, ids))) {
      await expect(write(), operation).rejects.toMatchObject({
        status: 403,
        response: { data: { message: "Resource not accessible by integration" } },
      });
    }
    expect((await github.rest.repos.getRelease({ ...REPO, release_id: ids.release })).data.assets).toHaveLength(1);
    expect((await github.rest.git.getRef({ ...REPO, ref: "heads/main" })).data.object.sha).toBe(ids.sha);
  });

  it("hides drafts from a read-only token, as from anyone without push access", async () => {
    const { github } = octokit();
    const { data: draft } = await github.rest.repos.createRelease({ ...REPO, tag_name: "v2", draft: true });
    const { github: fork } = octokit("ghs_fork");
    expect((await fork.rest.repos.listReleases(REPO)).data).toEqual([]);
    await expect(fork.rest.repos.getRelease({ ...REPO, release_id: draft.id })).rejects.toMatchObject({ status: 404 });
  });

  it("lets anyone read a public repository, finds no private one for them, and asks them to log in to write", async () => {
    const publicRepo = { owner: "octo-org", repo: "public-models" };
    const ids = await seed(publicRepo);
    const reader = anonymous();
    expect((await reader.rest.repos.getReleaseByTag({ ...publicRepo, tag: "v1" })).data.id).toBe(ids.release);
    expect((await reader.rest.git.getRef({ ...publicRepo, ref: "heads/main" })).data.object.sha).toBe(ids.sha);
    await expect(reader.rest.git.getRef({ ...REPO, ref: "heads/main" })).rejects.toMatchObject({ status: 404 });
    await expect(reader.rest.repos.createRelease({ ...publicRepo, tag_name: "v2" })).rejects.toMatchObject({
      status: 401,
      response: { data: { message: "Requires authentication" } },
    });
    expect(server.requests.filter((r) => r.authorization !== undefined && r.method === "GET")).toHaveLength(1);
  });

  it("answers 404 for a repository that does not exist", async () => {
    const { github } = octokit();
    await expect(github.rest.repos.listReleases({ owner: "octo-org", repo: "nope" })).rejects.toMatchObject({
      status: 404,
    });
    await expect(github.rest.git.getRef({ owner: "octo-org", repo: "nope", ref: "heads/main" })).rejects.toMatchObject({
      status: 404,
    });
  });

  it("refuses every write to an archived repository with 403 'Repository was archived so is read-only.'", async () => {
    const ids = await seed();
    const repository = server.repositories.get("octo-org/models");
    if (repository) repository.archived = true;
    const { github } = octokit();
    for (const [operation, write] of Object.entries(writes(github, REPO, ids))) {
      await expect(write(), operation).rejects.toMatchObject({
        status: 403,
        response: { data: { message: "Repository was archived so is read-only." } },
      });
    }
    expect((await github.rest.repos.listReleases(REPO)).data).toHaveLength(1);
  });
});

describe("the stand-in's rate limits and call counts", () => {
  it("answers a secondary rate limit with 403 or 429, retry-after and GitHub's message, then serves again", async () => {
    const { github } = octokit();
    server.limitNext({ status: 403, retryAfter: 60, method: "PATCH" });
    server.limitNext({ status: 429, retryAfter: 5 });
    const sha = (await github.rest.git.getRef({ ...REPO, ref: "heads/main" }).catch((e: unknown) => e)) as {
      status: number;
      response: { headers: Record<string, string>; data: { message: string; documentation_url: string } };
    };
    expect(sha.status).toBe(429);
    expect(sha.response.headers["retry-after"]).toBe("5");
    expect(sha.response.data.message).toMatch(/^You have exceeded a secondary rate limit\. Please wait a few minutes/);
    expect(sha.response.data.documentation_url).toMatch(/#about-secondary-rate-limits$/);
    const { data: main } = await github.rest.git.getRef({ ...REPO, ref: "heads/main" });
    await expect(github.rest.git.updateRef({ ...REPO, ref: "heads/main", sha: main.object.sha })).rejects.toMatchObject(
      { status: 403, response: { headers: { "retry-after": "60" } } },
    );
    await github.rest.git.updateRef({ ...REPO, ref: "heads/main", sha: main.object.sha });
  });

  it("counts API calls per operation, conditional 304s apart", async () => {
    const { github } = octokit();
    const { data: release, headers } = await github.rest.repos.createRelease({ ...REPO, tag_name: "v1" });
    expect(headers.etag).toBeUndefined();
    const read = await github.rest.repos.getRelease({ ...REPO, release_id: release.id });
    await expect(
      github.rest.repos.getRelease({
        ...REPO,
        release_id: release.id,
        headers: { "if-none-match": read.headers.etag },
      }),
    ).rejects.toMatchObject({ status: 304 });
    await github.rest.repos.updateRelease({ ...REPO, release_id: release.id, body: "changed" });
    const changed = await github.rest.repos.getRelease({
      ...REPO,
      release_id: release.id,
      headers: { "if-none-match": read.headers.etag },
    });
    expect(changed.data.body).toBe("changed");
    expect(server.calls()).toEqual({
      total: 5,
      notModified: 1,
      byOperation: { "repos/create-release": 1, "repos/get-release": 3, "repos/update-release": 1 },
    });
  });
});
