import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { getOctokit } from "@actions/github";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { git } from "../helpers/git.ts";
import { type FakeGitHub, startFakeGitHub } from "../helpers/github-server.ts";
import { tempDir } from "../helpers/temp.ts";

/**
 * The stand-in's releases and release assets (test/helpers/github/releases.ts, assets.ts) through the real Octokit:
 * versions of a model will be releases, its files assets uploaded to the uploads host the release's `upload_url`
 * names, and downloaded through GitHub's redirect to a signed URL.
 */

let server: FakeGitHub;
const REPO = { owner: "octo-org", repo: "models" };
const MiB = 1024 * 1024;

function octokit(token = "ghs_write"): ReturnType<typeof getOctokit> {
  return getOctokit(token, { baseUrl: server.url });
}

const gitDir = (): string => server.repositories.get("octo-org/models")?.gitDir ?? "";
const sha256 = (bytes: Buffer): string => createHash("sha256").update(bytes).digest("hex");

async function upload(releaseUrl: string, name: string, data: Buffer | NodeJS.ReadableStream, size?: number) {
  return octokit().rest.repos.uploadReleaseAsset({
    ...REPO,
    release_id: 0,
    url: releaseUrl,
    name,
    // Octokit types `data` as a string; it sends any body fetch takes (bytes, a stream) as is.
    data: data as unknown as string,
    headers: {
      "content-type": "application/octet-stream",
      ...(size === undefined ? {} : { "content-length": size }),
    },
  });
}

beforeEach(async () => {
  server = await startFakeGitHub({ repositories: { "octo-org/models": {} } });
});
afterEach(async () => {
  expect(server.problems()).toEqual([]);
  await server.stop();
});

describe("the stand-in's releases", () => {
  it("publishes a release whose tag is created at target_commitish, found by tag, with an upload_url on the uploads host", async () => {
    const github = octokit();
    const main = await git(gitDir(), "rev-parse", "refs/heads/main");
    const { data: release } = await github.rest.repos.createRelease({
      ...REPO,
      tag_name: "penguins/v1",
      name: "penguins v1",
      body: "accuracy 0.97",
    });
    expect(release).toMatchObject({ tag_name: "penguins/v1", target_commitish: "main", draft: false, assets: [] });
    expect(release.upload_url).toBe(
      `${server.uploadsUrl}/repos/octo-org/models/releases/${release.id}/assets{?name,label}`,
    );
    expect(await git(gitDir(), "rev-parse", "refs/tags/penguins/v1")).toBe(main);
    const { data: byTag } = await github.rest.repos.getReleaseByTag({ ...REPO, tag: "penguins/v1" });
    expect(byTag.id).toBe(release.id);
    const { data: byId } = await github.rest.repos.getRelease({ ...REPO, release_id: release.id });
    expect(byId.body).toBe("accuracy 0.97");
  });

  it("keeps a draft invisible by tag and untagged until one PATCH publishes it", async () => {
    const github = octokit();
    const { data: draft } = await github.rest.repos.createRelease({ ...REPO, tag_name: "v2", draft: true });
    await expect(github.rest.repos.getReleaseByTag({ ...REPO, tag: "v2" })).rejects.toMatchObject({ status: 404 });
    await expect(git(gitDir(), "rev-parse", "--verify", "refs/tags/v2")).rejects.toThrow();
    const { data: listed } = await github.rest.repos.listReleases(REPO);
    expect(listed.map((r) => [r.tag_name, r.draft])).toEqual([["v2", true]]);

    const { data: published } = await github.rest.repos.updateRelease({ ...REPO, release_id: draft.id, draft: false });
    expect(published).toMatchObject({ draft: false, tag_name: "v2" });
    expect(published.published_at).not.toBeNull();
    expect((await github.rest.repos.getReleaseByTag({ ...REPO, tag: "v2" })).data.id).toBe(draft.id);
    expect(await git(gitDir(), "rev-parse", "refs/tags/v2")).toBe(await git(gitDir(), "rev-parse", "refs/heads/main"));
  });

  it("refuses a second published release on a tag with GitHub's 422 already_exists", async () => {
    const github = octokit();
    await github.rest.repos.createRelease({ ...REPO, tag_name: "v1" });
    await expect(github.rest.repos.createRelease({ ...REPO, tag_name: "v1" })).rejects.toMatchObject({
      status: 422,
      response: {
        data: {
          message: "Validation Failed",
          errors: [{ resource: "Release", code: "already_exists", field: "tag_name" }],
        },
      },
    });
    await expect(
      github.rest.repos.createRelease({ ...REPO, tag_name: "v9", target_commitish: "no-such-branch" }),
    ).rejects.toMatchObject({ status: 422, response: { data: { errors: [{ field: "target_commitish" }] } } });
    expect((await github.rest.repos.listReleases(REPO)).data.map((r) => r.tag_name)).toEqual(["v1"]);
  });

  it("leaves the latest release alone when make_latest is false", async () => {
    const github = octokit();
    const { data: first } = await github.rest.repos.createRelease({ ...REPO, tag_name: "v1" });
    await github.rest.repos.createRelease({ ...REPO, tag_name: "v2", make_latest: "false" });
    expect((await github.rest.repos.getLatestRelease(REPO)).data.id).toBe(first.id);
    const { data: third } = await github.rest.repos.createRelease({ ...REPO, tag_name: "v3" });
    expect((await github.rest.repos.getLatestRelease(REPO)).data.id).toBe(third.id);
  });

  it("lists newest first, page by page, with Link headers Octokit's paginate follows", async () => {
    const github = octokit();
    for (let i = 1; i <= 5; i++) await github.rest.repos.createRelease({ ...REPO, tag_name: `v${i}` });
    const first = await github.rest.repos.listReleases({ ...REPO, per_page: 2 });
    expect(first.data.map((r) => r.tag_name)).toEqual(["v5", "v4"]);
    expect(first.headers.link).toMatch(/<[^>]*[?&]page=2[^>]*>; rel="next", <[^>]*[?&]page=3[^>]*>; rel="last"/);
    server.requests.length = 0;
    const all = await github.paginate(github.rest.repos.listReleases, { ...REPO, per_page: 2 });
    expect(all.map((r) => r.tag_name)).toEqual(["v5", "v4", "v3", "v2", "v1"]);
    expect(server.calls().byOperation).toEqual({ "repos/list-releases": 3 });
  });

  it("deletes a release and keeps its tag, as GitHub does", async () => {
    const github = octokit();
    const { data: release } = await github.rest.repos.createRelease({ ...REPO, tag_name: "v1" });
    await github.rest.repos.deleteRelease({ ...REPO, release_id: release.id });
    await expect(github.rest.repos.getRelease({ ...REPO, release_id: release.id })).rejects.toMatchObject({
      status: 404,
    });
    expect(await git(gitDir(), "tag", "--list")).toBe("v1");
  });
});

describe("the stand-in's immutable releases", () => {
  it("lock a release's assets and tag once it is published with the setting on; drafts stay editable", async () => {
    const stored = server.repositories.get("octo-org/models");
    if (stored) stored.immutableReleases = true;
    const github = octokit();
    const { data: draft } = await github.rest.repos.createRelease({ ...REPO, tag_name: "v1", draft: true });
    const { data: asset } = await upload(draft.upload_url, "a.bin", Buffer.from("abc"), 3);
    const { data: published } = await github.rest.repos.updateRelease({ ...REPO, release_id: draft.id, draft: false });
    expect(published.immutable).toBe(true);
    const refused = (message: string) => ({ status: 422, response: { data: { message } } });
    await expect(upload(draft.upload_url, "b.bin", Buffer.from("b"), 1)).rejects.toMatchObject(
      refused("Cannot upload assets to an immutable release."),
    );
    await expect(github.rest.repos.deleteReleaseAsset({ ...REPO, asset_id: asset.id })).rejects.toMatchObject(
      refused("Cannot delete assets of an immutable release."),
    );
    await expect(github.rest.git.deleteRef({ ...REPO, ref: "tags/v1" })).rejects.toMatchObject(
      refused("Cannot delete a tag of an immutable release."),
    );
    // The release itself may go, and then its tag.
    await github.rest.repos.deleteRelease({ ...REPO, release_id: draft.id });
    await github.rest.git.deleteRef({ ...REPO, ref: "tags/v1" });
    expect(await git(gitDir(), "tag", "--list")).toBe("");
  });
});

describe("the stand-in's release assets", () => {
  it("streams an upload to disk, returns its sha256 digest, and serves it through a signed redirect with Range", async () => {
    const github = octokit();
    const { data: release } = await github.rest.repos.createRelease({ ...REPO, tag_name: "v1" });
    const bytes = randomBytes(6 * MiB);
    const { data: asset } = await upload(release.upload_url, "model.onnx", bytes, bytes.length);
    expect(asset).toMatchObject({ name: "model.onnx", size: bytes.length, state: "uploaded" });
    expect(asset.digest).toBe(`sha256:${sha256(bytes)}`);
    // Streamed: the server never held more than a few chunks of the 6 MiB body at once.
    expect(server.uploadStats.totalBytes).toBe(bytes.length);
    expect(server.uploadStats.maxBufferedBytes).toBeLessThan(MiB);

    const { data: listed } = await github.rest.repos.listReleaseAssets({ ...REPO, release_id: release.id });
    expect(listed.map((a) => [a.name, a.digest])).toEqual([["model.onnx", asset.digest]]);

    const download = await github.rest.repos.getReleaseAsset({
      ...REPO,
      asset_id: asset.id,
      headers: { accept: "application/octet-stream" },
    });
    expect(Buffer.from(download.data as unknown as ArrayBuffer).equals(bytes)).toBe(true);
    const ranged = await github.rest.repos.getReleaseAsset({
      ...REPO,
      asset_id: asset.id,
      headers: { accept: "application/octet-stream", range: "bytes=10-19" },
    });
    expect(ranged.status).toBe(206);
    expect(Buffer.from(ranged.data as unknown as ArrayBuffer)).toEqual(bytes.subarray(10, 20));
    // The redirect crosses to another host, so the client's token stays behind, as with GitHub's signed URLs.
    expect(server.downloads.map((d) => [d.status, d.authorization])).toEqual([
      [200, undefined],
      [206, undefined],
    ]);
    const json = await github.rest.repos.getReleaseAsset({ ...REPO, asset_id: asset.id });
    expect(json.data).toMatchObject({ id: asset.id, digest: asset.digest });
  });

  it("takes a body the client streams without a length (chunked), never buffering it whole", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "weights.bin");
    const bytes = randomBytes(3 * MiB + 7);
    await writeFile(file, bytes);
    const { data: release } = await octokit().rest.repos.createRelease({ ...REPO, tag_name: "v1" });
    const { data: asset } = await upload(release.upload_url, "weights.bin", createReadStream(file));
    expect(asset.size).toBe(bytes.length);
    expect(asset.digest).toBe(`sha256:${sha256(bytes)}`);
    expect(server.uploadStats.maxChunkBytes).toBeLessThanOrEqual(256 * 1024);
    expect(server.uploadStats.maxBufferedBytes).toBeLessThan(MiB);
  });

  it("refuses a second asset of one name and an asset over the size limit with 422", async () => {
    const { data: release } = await octokit().rest.repos.createRelease({ ...REPO, tag_name: "v1" });
    await upload(release.upload_url, "model.onnx", Buffer.from("one"), 3);
    await expect(upload(release.upload_url, "model.onnx", Buffer.from("two"), 3)).rejects.toMatchObject({
      status: 422,
      response: { data: { errors: [{ resource: "ReleaseAsset", code: "already_exists", field: "name" }] } },
    });
    server.assetSizeLimit = 1024;
    const big = randomBytes(4096);
    await expect(upload(release.upload_url, "declared.bin", big, big.length)).rejects.toMatchObject({ status: 422 });
    const dir = await tempDir();
    await writeFile(path.join(dir, "big.bin"), big);
    await expect(
      upload(release.upload_url, "chunked.bin", createReadStream(path.join(dir, "big.bin"))),
    ).rejects.toMatchObject({
      status: 422,
      response: { data: { errors: [{ resource: "ReleaseAsset", field: "size" }] } },
    });
    const { data: assets } = await octokit().rest.repos.listReleaseAssets({ ...REPO, release_id: release.id });
    expect(assets.map((a) => a.name)).toEqual(["model.onnx"]);
  });

  it("lets one of two racing uploads of one name win; the other gets 422 already_exists", async () => {
    const { data: release } = await octokit().rest.repos.createRelease({ ...REPO, tag_name: "v1" });
    const bodies = [randomBytes(MiB), randomBytes(MiB)];
    const results = await Promise.allSettled(
      bodies.map((bytes) => upload(release.upload_url, "model.onnx", bytes, bytes.length)),
    );
    expect(
      results.map((r) => (r.status === "fulfilled" ? r.value.status : (r.reason as { status: number }).status)).sort(),
    ).toEqual([201, 422]);
    const { data: assets } = await octokit().rest.repos.listReleaseAssets({ ...REPO, release_id: release.id });
    expect(assets).toHaveLength(1);
  });

  it("leaves a broken upload's asset as a listed starter holding its name until it is deleted, as GitHub does", async () => {
    const github = octokit();
    const { data: release } = await github.rest.repos.createRelease({ ...REPO, tag_name: "v1", draft: true });
    server.breakNextUpload({ afterBytes: 1024, how: "cut" });
    const bytes = randomBytes(MiB);
    await expect(upload(release.upload_url, "model.onnx", bytes, bytes.length)).rejects.toThrow();
    const listed = async () =>
      (await github.rest.repos.listReleaseAssets({ ...REPO, release_id: release.id })).data.map((a) => [
        a.name,
        a.state,
      ]);
    expect(await listed()).toEqual([["model.onnx", "starter"]]);
    await expect(upload(release.upload_url, "model.onnx", bytes, bytes.length)).rejects.toMatchObject({
      status: 422,
      response: { data: { errors: [{ resource: "ReleaseAsset", code: "already_exists", field: "name" }] } },
    });
    const [starter] = (await github.rest.repos.listReleaseAssets({ ...REPO, release_id: release.id })).data;
    await github.rest.repos.deleteReleaseAsset({ ...REPO, asset_id: starter?.id ?? 0 });
    expect((await upload(release.upload_url, "model.onnx", bytes, bytes.length)).data.digest).toBe(
      `sha256:${sha256(bytes)}`,
    );
    server.breakNextUpload({ afterBytes: 0, how: 502 });
    await expect(upload(release.upload_url, "other.bin", bytes, bytes.length)).rejects.toMatchObject({ status: 502 });
    expect(await listed()).toEqual([
      ["model.onnx", "uploaded"],
      ["other.bin", "starter"],
    ]);
  });

  it("deletes an asset, and sends uploads only to the uploads host", async () => {
    const github = octokit();
    const { data: release } = await github.rest.repos.createRelease({ ...REPO, tag_name: "v1" });
    const { data: asset } = await upload(release.upload_url, "a.bin", Buffer.from("abc"), 3);
    await github.rest.repos.deleteReleaseAsset({ ...REPO, asset_id: asset.id });
    expect((await github.rest.repos.listReleaseAssets({ ...REPO, release_id: release.id })).data).toEqual([]);
    await expect(github.rest.repos.getReleaseAsset({ ...REPO, asset_id: asset.id })).rejects.toMatchObject({
      status: 404,
    });

    // Posting an upload to the API host is a mistake GitHub answers 404 for; the stand-in also records it.
    await expect(
      github.request("POST /repos/{owner}/{repo}/releases/{release_id}/assets{?name}", {
        ...REPO,
        release_id: release.id,
        name: "x",
        data: "x",
        headers: { "content-type": "text/plain" },
      }),
    ).rejects.toMatchObject({ status: 404 });
    expect(server.problems()).toEqual([
      `POST /repos/octo-org/models/releases/${release.id}/assets: uploads go to the uploads host (the release's upload_url)`,
    ]);
    server.requests.length = 0;
  });
});
