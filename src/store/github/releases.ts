import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebStream } from "node:stream/web";
import { ExternalError } from "../../errors.ts";
import { type ObjectDigest, READ_CHUNK, type TransferOptions } from "../object-store.ts";
import { type GitHubApi, statusOf } from "./http.ts";
import { isKitRelease, parseTag, RELEASE_MARKER, TAG_PREFIX, tagOf } from "./layout.ts";

/**
 * The releases side of the GitHub registry: one release per version, tagged in the kit's own namespace
 * (`mlops/<model>/<id>`), built as a draft (readers never see drafts; read-only tokens cannot even list them) and
 * published by one PATCH once its last asset, the manifest, is up. Assets stream up to the uploads host and down
 * through GitHub's redirect to a signed URL, hashed on the way; never a whole file in memory.
 */

/** GitHub's limit on one release asset. */
export const ASSET_SIZE_LIMIT = 2 * 1024 ** 3;

export interface AssetInfo {
  id: number;
  name: string;
  size: number;
  /** `sha256:<hex>` as GitHub computed it; null on servers that do not report it. */
  digest: string | null;
}

export interface ReleaseInfo {
  id: number;
  tag: string;
  model: string;
  version: string;
  draft: boolean;
  uploadUrl: string;
  assets: AssetInfo[];
}

interface ReleaseJson {
  id: number;
  tag_name: string;
  body?: string | null;
  draft: boolean;
  upload_url: string;
  assets: { id: number; name: string; size: number; state: string; digest?: string | null }[];
}

/** The kit's view of a release; undefined for one it did not make (outside its namespace, or without its marker). */
function infoOf(release: ReleaseJson): ReleaseInfo | undefined {
  const parsed = parseTag(release.tag_name);
  if (!parsed || !isKitRelease(release.body)) return undefined;
  return {
    id: release.id,
    tag: release.tag_name,
    ...parsed,
    draft: release.draft,
    uploadUrl: release.upload_url,
    assets: release.assets
      .filter((asset) => asset.state === "uploaded")
      .map((asset) => ({ id: asset.id, name: asset.name, size: asset.size, digest: asset.digest ?? null })),
  };
}

export interface UploadOptions {
  /**
   * The release is a draft this process started: a name found taken there was taken by an earlier attempt of the same
   * upload (a "starter" left by a broken connection), so that asset is deleted and the upload made again. Never on a
   * published release, nor on a draft of anyone else.
   */
  ownDraft?: boolean;
}

export interface Releases {
  /** The kit's releases (of one model, or all), drafts too where the token may see them; every page. */
  list(model?: string): Promise<ReleaseInfo[]>;
  /** The published release of a version; undefined when there is none. */
  published(model: string, version: string): Promise<ReleaseInfo | undefined>;
  createDraft(model: string, version: string): Promise<ReleaseInfo>;
  /** Streams a file up as an asset; undefined when the release has an asset of that name already. */
  upload(
    release: ReleaseInfo,
    name: string,
    file: string,
    transfer?: TransferOptions,
    options?: UploadOptions,
  ): Promise<ObjectDigest | undefined>;
  /** A small asset from memory; false when the name is taken. */
  uploadBytes(release: ReleaseInfo, name: string, body: Buffer, options?: UploadOptions): Promise<boolean>;
  publish(release: ReleaseInfo, notes: string): Promise<void>;
  /** The release as it is now (its assets may have changed since it was listed); undefined once deleted. */
  refresh(release: ReleaseInfo): Promise<ReleaseInfo | undefined>;
  deleteAsset(asset: AssetInfo): Promise<void>;
  /** Deletes a release; one already gone is no error (two deletes of its last assets may both get here). */
  deleteRelease(release: ReleaseInfo): Promise<void>;
  /**
   * Deletes the tag a published release stood on: GitHub keeps a release's tag when the release is deleted. Only a
   * tag of the kit's namespace (`mlops/<model>/<id>`) is ever deleted; one already gone is no error.
   */
  deleteTag(tag: string): Promise<void>;
  /** Tags of the kit's namespace (of one model, or all) that no release, of anyone, draft or not, stands on. */
  releaselessTags(model?: string): Promise<{ tag: string; model: string; version: string }[]>;
  /** The asset's bytes as a stream (through GitHub's redirect, without the token on the signed host). */
  open(asset: AssetInfo): Promise<Readable | undefined>;
  /** Streams an asset into `file` (through a temporary name), hashing it; `check` may refuse the digest first. */
  download(
    asset: AssetInfo,
    file: string,
    transfer: TransferOptions,
    check: (digest: ObjectDigest) => void,
  ): Promise<ObjectDigest | undefined>;
}

export function createReleases(api: GitHubApi, targetCommitish: string | undefined): Releases {
  const { owner, repo } = api.connection.repository;
  const { octokit } = api;
  const releaseOf = (model: string, version: string) => `${model} ${version}`;

  /** Uploads one asset; false when the name is taken. */
  const uploadWith = async (
    release: ReleaseInfo,
    name: string,
    size: number,
    body: () => Readable | Buffer,
    options: UploadOptions = {},
  ): Promise<boolean> => {
    if (await uploadOnce(release, name, size, body)) return true;
    if (!options.ownDraft || !release.draft) return false;
    // On a draft of the kit's own the name can only be held by an earlier attempt of this very upload: a "starter"
    // GitHub left when the connection broke (its docs: "It can be safely deleted"), or one whose answer was lost.
    const stale = await assetsNamed(release, name);
    for (const asset of stale) await deleteAssetOf(release, asset);
    return stale.length > 0 && uploadOnce(release, name, size, body);
  };

  /** Every asset of that name on the release, in any state (a starter too). */
  const assetsNamed = async (release: ReleaseInfo, name: string): Promise<AssetInfo[]> => {
    const all = await api.call(`list the assets of ${releaseOf(release.model, release.version)}`, () =>
      octokit.paginate(octokit.rest.repos.listReleaseAssets, { owner, repo, release_id: release.id, per_page: 100 }),
    );
    return all
      .filter((asset) => asset.name === name)
      .map((asset) => ({ id: asset.id, name: asset.name, size: asset.size, digest: asset.digest ?? null }));
  };

  const deleteAssetOf = async (release: ReleaseInfo, asset: AssetInfo): Promise<void> => {
    await api
      .call(
        `delete the asset ${asset.name} of ${releaseOf(release.model, release.version)}`,
        () => octokit.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: asset.id }),
        { write: true, expects: [404] },
      )
      .catch(ignoreStatus(404));
  };

  const uploadOnce = async (
    release: ReleaseInfo,
    name: string,
    size: number,
    body: () => Readable | Buffer,
  ): Promise<boolean> => {
    try {
      await api.call(
        `upload ${name} of ${releaseOf(release.model, release.version)}`,
        () =>
          octokit.rest.repos.uploadReleaseAsset({
            owner,
            repo,
            release_id: release.id,
            url: release.uploadUrl,
            name,
            // Octokit types `data` as a string; it sends any body fetch takes (bytes, a stream) as it is.
            data: body() as unknown as string,
            headers: { "content-type": "application/octet-stream", "content-length": size },
          }),
        { write: true, expects: [422] },
      );
      return true;
    } catch (error) {
      const errors = (error as { response?: { data?: { errors?: { code?: string }[] } } }).response?.data?.errors;
      if (errors?.some((e) => e.code === "already_exists")) return false;
      throw new ExternalError(
        `GitHub refused ${name} of ${releaseOf(release.model, release.version)} in ${api.where}`,
        {
          cause: error,
        },
      );
    }
  };

  const open = async (asset: AssetInfo): Promise<Readable | undefined> => {
    const hop = await api.find(`download ${asset.name}`, () =>
      octokit.request("GET /repos/{owner}/{repo}/releases/assets/{asset_id}", {
        owner,
        repo,
        asset_id: asset.id,
        headers: { accept: "application/octet-stream" },
        request: { redirect: "manual", parseSuccessResponseBody: false },
      }),
    );
    if (!hop) return undefined;
    const location = (hop.headers as Record<string, string | undefined>).location;
    if (Number(hop.status) !== 302 || !location) return Readable.fromWeb(hop.data as unknown as WebStream);
    // The signed host gets no token: GitHub's signed URLs need none, and a token must not leave the API host.
    const response = await api.call(`download ${asset.name}`, async () => {
      const answer = await fetch(location);
      if (!answer.ok || !answer.body) {
        throw Object.assign(new Error(`the download host answered ${answer.status}`), { status: answer.status });
      }
      return answer;
    });
    return Readable.fromWeb(response.body as WebStream);
  };

  return {
    open,

    async list(model) {
      const all = await api.call("list the releases", () =>
        octokit.paginate(octokit.rest.repos.listReleases, { owner, repo, per_page: 100 }),
      );
      const prefix = model === undefined ? TAG_PREFIX : `${tagOf(model, "")}`;
      return all
        .filter((release) => release.tag_name.startsWith(prefix))
        .map((release) => infoOf(release as ReleaseJson))
        .filter((release): release is ReleaseInfo => release !== undefined);
    },

    async published(model, version) {
      const found = await api.find(`read the release of ${releaseOf(model, version)}`, () =>
        octokit.rest.repos.getReleaseByTag({ owner, repo, tag: tagOf(model, version) }),
      );
      return found && !found.data.draft ? infoOf(found.data) : undefined;
    },

    async createDraft(model, version) {
      // A tag of that name already (a release on it, or a bare tag) is someone else's: GitHub would publish the
      // version on it as it stands, so it is refused, never taken over.
      const tag = tagOf(model, version);
      const taken = await api.find(`read the tag ${tag}`, () =>
        octokit.rest.git.getRef({ owner, repo, ref: `tags/${tag}` }),
      );
      if (taken) {
        throw new ExternalError(
          `cannot publish ${releaseOf(model, version)} in ${api.where}: the tag ${tag} exists already and mlops-kit did ` +
            "not make it, so it is left as it is",
          {
            hint:
              `tags under ${TAG_PREFIX} are the registry's: move that tag (and any release on it) out of the namespace ` +
              "or delete it if it is not needed, then publish again",
          },
        );
      }
      const { data } = await api.call(
        `start the release of ${releaseOf(model, version)}`,
        () =>
          octokit.rest.repos.createRelease({
            owner,
            repo,
            tag_name: tagOf(model, version),
            name: `${model} ${version}`,
            body: `A version of ${model} being published by mlops-kit; not a version until published.\n\n${RELEASE_MARKER}`,
            draft: true,
            make_latest: "false",
            ...(targetCommitish ? { target_commitish: targetCommitish } : {}),
          }),
        { write: true },
      );
      return infoOf(data) as ReleaseInfo;
    },

    async upload(release, name, file, transfer = {}, options = {}) {
      const total = (await stat(file)).size;
      let digest: ObjectDigest = { size: 0, sha256: "" };
      const uploaded = await uploadWith(
        release,
        name,
        total,
        () => {
          // A stream per attempt: a retried upload reads the file again, and hashes what it sends.
          const hash = createHash("sha256");
          let size = 0;
          const meter = new Transform({
            transform(chunk: Buffer, _encoding, done) {
              hash.update(chunk);
              size += chunk.length;
              transfer.onProgress?.(size, total);
              done(null, chunk);
            },
            flush(done) {
              digest = { size, sha256: hash.digest("hex") };
              done();
            },
          });
          return createReadStream(file, { highWaterMark: READ_CHUNK }).pipe(meter);
        },
        options,
      );
      return uploaded ? digest : undefined;
    },

    uploadBytes: (release, name, body, options) => uploadWith(release, name, body.length, () => body, options),

    async publish(release, notes) {
      await api.call(
        `publish the release of ${releaseOf(release.model, release.version)}`,
        () =>
          octokit.rest.repos.updateRelease({
            owner,
            repo,
            release_id: release.id,
            draft: false,
            make_latest: "false",
            body: `${notes}\n\n${RELEASE_MARKER}`,
          }),
        { write: true },
      );
    },

    async deleteAsset(asset) {
      await api.call(
        `delete the asset ${asset.name}`,
        () => octokit.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: asset.id }),
        { write: true },
      );
    },

    async refresh(release) {
      const found = await api.find(`read the release of ${releaseOf(release.model, release.version)}`, () =>
        octokit.rest.repos.getRelease({ owner, repo, release_id: release.id }),
      );
      return found && infoOf(found.data);
    },

    async deleteRelease(release) {
      await api
        .call(
          `delete the release of ${releaseOf(release.model, release.version)}`,
          () => octokit.rest.repos.deleteRelease({ owner, repo, release_id: release.id }),
          { write: true, expects: [404] },
        )
        .catch(ignoreStatus(404));
    },

    async releaselessTags(model) {
      const prefix = model === undefined ? TAG_PREFIX : tagOf(model, "");
      // Tags first: a release published after this read stands on a tag not in it.
      const { data: refs } = await api.call("list the registry's tags", () =>
        octokit.rest.git.listMatchingRefs({ owner, repo, ref: `tags/${prefix}` }),
      );
      const all = await api.call("list the releases", () =>
        octokit.paginate(octokit.rest.repos.listReleases, { owner, repo, per_page: 100 }),
      );
      const released = new Set(all.map((release) => release.tag_name));
      return refs.flatMap(({ ref }) => {
        const tag = ref.slice("refs/tags/".length);
        const parsed = parseTag(tag);
        return parsed && !released.has(tag) ? [{ tag, ...parsed }] : [];
      });
    },

    async deleteTag(tag) {
      if (!parseTag(tag)) throw new Error(`refusing to delete ${tag}: not a tag of mlops-kit's namespace`);
      await api
        .call(
          `delete the tag ${tag}`,
          () => octokit.rest.git.deleteRef({ owner, repo, ref: `tags/${tag}` }),
          // 422 "Reference does not exist": deleted already.
          { write: true, expects: [404, 422] },
        )
        .catch(ignoreStatus(404, 422));
    },

    async download(asset, file, transfer, check) {
      const body = await open(asset);
      if (!body) return undefined;
      await mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.tmp-${randomBytes(6).toString("hex")}`;
      const hash = createHash("sha256");
      let size = 0;
      try {
        await pipeline(
          body,
          new Transform({
            transform(chunk: Buffer, _encoding, done) {
              hash.update(chunk);
              size += chunk.length;
              transfer.onProgress?.(size, asset.size);
              done(null, chunk);
            },
          }),
          createWriteStream(tmp),
        );
        const digest = { size, sha256: hash.digest("hex") };
        check(digest);
        await rename(tmp, file);
        return digest;
      } finally {
        await rm(tmp, { force: true });
      }
    },
  };
}

/** A rejection handler that lets the given statuses pass (the thing is gone already) and rethrows the rest. */
const ignoreStatus =
  (...statuses: number[]) =>
  (error: unknown): void => {
    if (!statuses.includes(statusOf(error) ?? 0)) throw error;
  };
