import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { type Readable, Transform } from "node:stream";
import { ExternalError } from "../../errors.ts";
import { sha256File } from "../../files/hash.ts";
import type { ObjectDigest, TransferOptions } from "../object-store.ts";
import { type AssetInfo, createDownloads, type Downloads } from "./downloads.ts";
import { postAsset, type UploadedAsset } from "./asset-upload.ts";
import { type GitHubApi, statusOf } from "./http.ts";
import { isKitRelease, parseTag, RELEASE_MARKER, TAG_PREFIX, tagOf } from "./layout.ts";

/**
 * The releases side of the GitHub registry: one release per version, tagged in the kit's own namespace
 * (`mlops/<model>/<id>`), built as a draft (readers never see drafts; read-only tokens cannot even list them) and
 * published by one PATCH once its last asset, the manifest, is up. Assets stream up to the uploads host (and down, in
 * downloads.ts), hashed on the way; never a whole file in memory.
 */

/** GitHub's limit on one release asset. */
export const ASSET_SIZE_LIMIT = 2 * 1024 ** 3;

/**
 * Bytes read from the file per chunk of an upload: a few are in flight, so the 4 MiB the stores read elsewhere
 * (READ_CHUNK) would cost more memory at the peak, for no speed measured (`npm run bench:registry`).
 */
const UPLOAD_CHUNK = 1024 * 1024;

export type { AssetInfo } from "./downloads.ts";

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

/** The releases of the kit's namespace, and their assets (downloads.ts streams them down). */
export interface Releases extends Downloads {
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
  deleteAsset(release: ReleaseInfo, asset: AssetInfo): Promise<void>;
  /** Deletes a release; one already gone is no error (two deletes of its last assets may both get here). */
  deleteRelease(release: ReleaseInfo): Promise<void>;
  /**
   * Deletes the tag a published release stood on: GitHub keeps a release's tag when the release is deleted. Only a
   * tag of the kit's namespace (`mlops/<model>/<id>`) is ever deleted; one already gone is no error.
   */
  deleteTag(tag: string): Promise<void>;
  /** Tags of the kit's namespace (of one model, or all) that no release, of anyone, draft or not, stands on. */
  releaselessTags(model?: string): Promise<{ tag: string; model: string; version: string }[]>;
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
  ): Promise<UploadedAsset | undefined> => {
    const stored = await uploadOnce(release, name, size, body);
    if (stored) return stored;
    if (!options.ownDraft || !release.draft) return undefined;
    // On a draft of the kit's own the name can only be held by an earlier attempt of this very upload: a "starter"
    // GitHub left when the connection broke (its docs: "It can be safely deleted"), or one whose answer was lost.
    const stale = await assetsNamed(release, name);
    for (const asset of stale) await deleteAssetOf(release, asset);
    return stale.length > 0 ? uploadOnce(release, name, size, body) : undefined;
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
    const what = `delete the asset ${asset.name} of release ${release.tag}`;
    await api
      .call(what, () => octokit.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: asset.id }), {
        write: true,
        expects: [404],
      })
      .catch((error: unknown) => {
        throw immutableRefusal(error, what) ?? error;
      })
      .catch(ignoreStatus(404));
  };

  /**
   * GitHub's 422 for a change to a release published with the repository's "immutable releases" setting on ("Cannot
   * upload assets to an immutable release."): its assets and tag are locked for good, so one message saying so.
   */
  const immutableRefusal = (thrown: unknown, what: string): ExternalError | undefined => {
    // As GitHub answered it: api.call may have described it already, keeping the answer as its cause.
    const error = thrown instanceof ExternalError ? thrown.cause : thrown;
    const message = (error as { response?: { data?: { message?: unknown } } }).response?.data?.message;
    if (statusOf(error) !== 422 || typeof message !== "string" || !/immutable/i.test(message)) return undefined;
    return new ExternalError(
      `cannot ${what} in ${api.where}: the release is immutable (the repository has immutable releases on), so its ` +
        "assets and its tag can no longer change",
      {
        hint:
          "a version published with immutable releases on cannot be repaired or pruned asset by asset: delete its " +
          "whole release on the repository's Releases page if it must go (`mlops models clean` then removes its tag)",
        cause: error,
      },
    );
  };

  const uploadOnce = async (
    release: ReleaseInfo,
    name: string,
    size: number,
    body: () => Readable | Buffer,
  ): Promise<UploadedAsset | undefined> => {
    try {
      return await api.call(
        `upload ${name} of ${releaseOf(release.model, release.version)}`,
        () => postAsset(release.uploadUrl, name, api.connection.token, size, body()),
        { write: true, expects: [422] },
      );
    } catch (error) {
      const errors = (error as { response?: { data?: { errors?: { code?: string }[] } } }).response?.data?.errors;
      if (errors?.some((e) => e.code === "already_exists")) return undefined;
      const immutable = immutableRefusal(error, `upload ${name} to release ${release.tag}`);
      if (immutable) throw immutable;
      throw new ExternalError(
        `GitHub refused ${name} of ${releaseOf(release.model, release.version)} in ${api.where}`,
        {
          cause: error,
        },
      );
    }
  };

  const downloads = createDownloads(api);

  return {
    ...downloads,

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
      const stored = await uploadWith(
        release,
        name,
        total,
        // A stream per attempt: a retried upload reads the file again.
        () => {
          let size = 0;
          const meter = new Transform({
            transform(chunk: Buffer, _encoding, done) {
              size += chunk.length;
              transfer.onProgress?.(size, total);
              done(null, chunk);
            },
          });
          return createReadStream(file, { highWaterMark: UPLOAD_CHUNK }).pipe(meter);
        },
        options,
      );
      if (!stored) return undefined;
      if (stored.size !== total)
        throw new ExternalError(
          `GitHub stored ${stored.size} bytes of ${name} in release ${release.tag} of ${api.where}, not the ${total} sent`,
          { hint: "publish again: the draft is not a version until its manifest is up" },
        );
      // The digest is GitHub's, of the bytes it stored: what every pull is then checked against, and the file is read
      // once (hashing it here too would cost a quarter of a loopback upload: `npm run bench:registry`). A server that
      // reports none (GitHub Enterprise Server before asset digests) gets the file hashed after the upload.
      const reported = /^sha256:([0-9a-f]{64})$/.exec(stored.digest ?? "")?.[1];
      return reported ? { size: total, sha256: reported } : sha256File(file);
    },

    uploadBytes: async (release, name, body, options) =>
      (await uploadWith(release, name, body.length, () => body, options)) !== undefined,

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

    deleteAsset: deleteAssetOf,

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
        .catch((error: unknown) => {
          throw immutableRefusal(error, `delete the tag ${tag}`) ?? error;
        })
        .catch(ignoreStatus(404, 422));
    },
  };
}

/** A rejection handler that lets the given statuses pass (the thing is gone already) and rethrows the rest. */
const ignoreStatus =
  (...statuses: number[]) =>
  (error: unknown): void => {
    if (!statuses.includes(statusOf(error) ?? 0)) throw error;
  };
