import { readFile, stat } from "node:fs/promises";
import { ExternalError, UserError } from "../errors.ts";
import { type GitHubConnection, createGitHubApi } from "./github/http.ts";
import {
  type Place,
  assetName,
  innerOf,
  placeOf,
  RELEASE_MARKER,
  scopeOf,
  tagOf,
  versionStarted,
} from "./github/layout.ts";
import { releaseNotes } from "./github/notes.ts";
import { createRefTree, type Edit } from "./github/ref-tree.ts";
import { ASSET_SIZE_LIMIT, type AssetInfo, createReleases, type ReleaseInfo } from "./github/releases.ts";
import { checkKey, checkPrefix } from "./keys.ts";
import {
  CorruptObjectError,
  MAX_GET_BYTES,
  ObjectExistsError,
  type ObjectStore,
  ObjectTooLargeError,
  readBounded,
} from "./object-store.ts";

export type { GitHubConnection } from "./github/http.ts";

/**
 * A GitHub repository as the registry's object store (docs/registry.md "On GitHub"): a version is a release of the kit's own
 * tag namespace, and everything else is a file on the registry ref, each write a compare-and-swap commit. Where each
 * key goes is decided in github/layout.ts; the parts: github/releases.ts, github/ref-tree.ts, github/http.ts.
 */

export interface GitHubStoreOptions extends GitHubConnection {
  /** The commit a version's tag is made at: the run's (GITHUB_SHA) when known, else the default branch. */
  targetCommitish?: string | undefined;
  /** Bytes one asset may have (GitHub's 2 GiB; lowered by tests). */
  assetSizeLimit?: number;
}

/** A downloaded asset whose digest, as GitHub reports it, is not the one its manifest lists: replaced by hand. */
export class AssetDigestMismatchError extends CorruptObjectError {
  constructor(
    where: string,
    key: string,
    asset: AssetInfo,
    release: string,
    expected: { size: number; sha256: string },
  ) {
    super(where, key, expected, { size: asset.size, sha256: (asset.digest ?? "").replace(/^sha256:/, "") });
    this.explanation =
      `the asset ${asset.name} of release ${release} in ${where} is not the file its manifest lists: GitHub reports ` +
      `${asset.digest ?? "no digest"} for it; it was replaced or edited by hand, so it is refused`;
    this.message = `${this.message}: ${this.explanation}`;
  }
}

/** How long a listing's releases answer the reads that follow it. */
const LISTED_FOR_MS = 10_000;

export function createGitHubStore(options: GitHubStoreOptions): ObjectStore {
  const api = createGitHubApi(options);
  const ref = createRefTree(api);
  const releases = createReleases(api, options.targetCommitish);
  const limit = options.assetSizeLimit ?? ASSET_SIZE_LIMIT;
  const where = api.where;
  /** Drafts this store started, by tag: a publish uploads into its own draft, then publishes it. */
  const drafts = new Map<string, Promise<ReleaseInfo>>();

  /**
   * Published releases a listing just returned, by tag: the reads that follow a listing (every manifest of
   * `versions()`, `models list`) take the release from it rather than asking once more per version. Kept for a few
   * seconds, and forgotten on this store's own writes to the version.
   */
  const listed = new Map<string, { release: ReleaseInfo; at: number }>();
  const listReleases = async (model: string | undefined): Promise<ReleaseInfo[]> => {
    const all = await releases.list(model);
    const at = Date.now();
    for (const release of all) if (!release.draft) listed.set(release.tag, { release, at });
    return all;
  };
  const publishedRelease = async (model: string, version: string): Promise<ReleaseInfo | undefined> => {
    const hit = listed.get(tagOf(model, version));
    if (hit && Date.now() - hit.at < LISTED_FOR_MS) return hit.release;
    return releases.published(model, version);
  };
  /**
   * The files this store uploaded as a version's attachments, by tag and key inside the version: when the manifest
   * lands, the model card it lists becomes the release's notes (github/notes.ts) without reading it back from GitHub.
   */
  const attachmentFiles = new Map<string, string>();
  const cardOf = async (release: ReleaseInfo, manifestJson: string): Promise<string | undefined> => {
    let cardPath: unknown;
    try {
      cardPath = (JSON.parse(manifestJson) as { attachments?: { card?: { path?: unknown } } }).attachments?.card?.path;
    } catch {
      return undefined;
    }
    const file =
      typeof cardPath === "string" ? attachmentFiles.get(`${release.tag}\nattachments/${cardPath}`) : undefined;
    // Notes are for people: a card that cannot be read leaves the manifest's summary, never a failed publish.
    return file === undefined ? undefined : readFile(file, "utf8").catch(() => undefined);
  };
  const forget = (place: { model: string; version: string }): void =>
    void listed.delete(tagOf(place.model, place.version));

  const releasePlace = (key: string): Extract<Place, { kind: "release" }> | undefined => {
    const place = placeOf(checkKey(key));
    return place.kind === "release" ? place : undefined;
  };
  const draftOf = (model: string, version: string): Promise<ReleaseInfo> => {
    const tag = tagOf(model, version);
    let draft = drafts.get(tag);
    if (!draft) {
      draft = releases.createDraft(model, version);
      draft.catch(() => drafts.delete(tag));
      drafts.set(tag, draft);
    }
    return draft;
  };
  /** Whether a release is a draft this store started (where a taken name can only be its own earlier attempt). */
  const owned = (release: ReleaseInfo) => ({ ownDraft: release.draft && drafts.has(release.tag) });
  /** The release a write to a version goes to: this store's draft, else the published release. */
  const writable = async (model: string, version: string): Promise<ReleaseInfo> =>
    drafts.has(tagOf(model, version))
      ? await draftOf(model, version)
      : ((await releases.published(model, version)) ?? (await draftOf(model, version)));
  /** A version's asset as readers see it: of a published release only (a draft is not a version yet). */
  const publishedAsset = async (place: { model: string; version: string; inner: string }) => {
    const release = await publishedRelease(place.model, place.version);
    const asset = release?.assets.find((a) => a.name === assetName(place.inner));
    return release && asset ? { release, asset } : undefined;
  };
  const refEdit = (path: string, edit: Edit | undefined, message: string) =>
    ref.update(message, (files) => ({
      edits: edit && ("remove" in edit ? files.has(path) : true) ? [edit] : [],
      result: undefined,
    }));

  /**
   * Uploads a small asset; false when its name is taken. The manifest is the last asset of a version: landing it in a
   * draft publishes the draft with one PATCH (never as the repository's latest release), and the version exists.
   */
  const land = async (
    release: ReleaseInfo,
    place: { model: string; version: string; inner: string },
    bytes: Buffer,
  ): Promise<boolean> => {
    if (!(await releases.uploadBytes(release, assetName(place.inner), bytes, owned(release)))) return false;
    if (place.inner === "manifest.json" && release.draft) {
      const manifestJson = bytes.toString("utf8");
      const card = await cardOf(release, manifestJson);
      await releases.publish(release, releaseNotes(manifestJson, card, RELEASE_MARKER.length + 2));
      drafts.delete(release.tag);
    }
    return true;
  };

  const store: ObjectStore = {
    location: where,

    async get(key) {
      const place = releasePlace(key);
      if (!place) {
        const file = (await ref.files()).get(checkKey(key));
        if (file && file.size > MAX_GET_BYTES) throw new ObjectTooLargeError(where, key);
        return file && ref.read(key);
      }
      const found = await publishedAsset(place);
      if (!found) return undefined;
      if (found.asset.size > MAX_GET_BYTES) throw new ObjectTooLargeError(where, key);
      const body = await releases.open(found.asset);
      if (!body) return undefined;
      return readBounded(body, () => new ObjectTooLargeError(where, key));
    },

    async put(key, body) {
      const bytes = typeof body === "string" ? Buffer.from(body) : body;
      const place = releasePlace(key);
      if (!place) return refEdit(key, { path: key, content: bytes }, `mlops: write ${key}`);
      // Replacing a version's asset (fsck's repairs, tests that damage one): delete, then upload.
      forget(place);
      const release = await writable(place.model, place.version);
      const old = release.assets.find((a) => a.name === assetName(place.inner));
      if (old) await releases.deleteAsset(release, old);
      if (!(await land(release, place, bytes))) {
        // Taken by an asset no listing shows: a "starter" a broken upload left on a release this store did not start.
        throw new ExternalError(
          `cannot write ${assetName(place.inner)} to release ${release.tag} in ${where}: an unfinished upload of that ` +
            "name holds it",
          { hint: `delete that asset on the release's page (it shows as a failed upload), then run again` },
        );
      }
    },

    async delete(key) {
      const place = releasePlace(key);
      if (!place) return refEdit(key, { path: key, remove: true }, `mlops: remove ${key}`);
      forget(place);
      const ofVersion = (await releases.list(place.model)).filter((r) => r.version === place.version);
      for (const release of ofVersion) {
        const asset = release.assets.find((a) => a.name === assetName(place.inner));
        if (!asset) continue;
        await releases.deleteAsset(release, asset);
        // A release left without assets is no version and holds nothing (a pruned version, removed debris): it goes,
        // and a published one's tag with it, which GitHub would keep. Asked afresh, since deletes of a version's
        // other assets may be running at the same time (prune deletes eight at once).
        if (release.assets.length > 1 && (await releases.refresh(release))?.assets.length !== 0) continue;
        await releases.deleteRelease(release);
        if (release.draft) drafts.delete(release.tag);
        else await releases.deleteTag(release.tag);
      }
    },

    async upload(key, file, transfer = {}) {
      const place = releasePlace(key);
      const size = (await stat(file)).size;
      if (!place) {
        throw new Error(`the GitHub registry keeps files only in versions, not at ${key}`);
      }
      if (size > limit) {
        throw new UserError(
          `${place.inner.replace(/^files\//, "")} is ${size} bytes, more than the ${limit} bytes GitHub allows in one release asset: not uploaded`,
          {
            hint:
              "keep models this large in an S3 registry: registry.uri: s3://bucket/prefix " +
              "(https://github.com/mlops-kit/mlops-kit/blob/main/docs/bucket.md)",
          },
        );
      }
      forget(place);
      const release = await writable(place.model, place.version);
      const digest = await releases.upload(release, assetName(place.inner), file, transfer, owned(release));
      if (!digest) throw new ObjectExistsError(where, key);
      if (place.inner.startsWith("attachments/")) attachmentFiles.set(`${release.tag}\n${place.inner}`, file);
      return digest;
    },

    async download(key, file, transfer = {}) {
      const place = releasePlace(key);
      if (!place) throw new Error(`the GitHub registry keeps files only in versions, not at ${key}`);
      const found = await publishedAsset(place);
      if (!found) return undefined;
      const { expected } = transfer;
      const reported = found.asset.digest?.replace(/^sha256:/, "");
      if (expected && reported !== undefined && (reported !== expected.sha256 || found.asset.size !== expected.size))
        throw new AssetDigestMismatchError(where, key, found.asset, found.release.tag, expected);
      return releases.download(found.asset, file, transfer, (actual) => {
        if (expected && (actual.sha256 !== expected.sha256 || actual.size !== expected.size))
          throw new CorruptObjectError(where, key, expected, actual);
        if (reported !== undefined && actual.sha256 !== reported)
          throw new CorruptObjectError(where, key, { size: found.asset.size, sha256: reported }, actual);
      });
    },

    async create(key, body) {
      const bytes = typeof body === "string" ? Buffer.from(body) : body;
      const place = releasePlace(key);
      if (!place) {
        return ref.update(`mlops: create ${key}`, (files) =>
          files.has(key) ? { edits: [], result: false } : { edits: [{ path: key, content: bytes }], result: true },
        );
      }
      forget(place);
      const release = await writable(place.model, place.version);
      if (release.assets.some((a) => a.name === assetName(place.inner))) return false;
      return land(release, place, bytes);
    },

    // The ref's compare-and-swap makes every create exclusive.
    createIsExclusive: () => Promise.resolve(true),

    async list(prefix) {
      const bare = checkPrefix(prefix);
      const scope = scopeOf(bare);
      const keys: string[] = [];
      if (scope.releases) {
        for (const release of await listReleases(scope.releases.model)) {
          if (scope.releases.version !== undefined && release.version !== scope.releases.version) continue;
          for (const asset of release.assets) {
            const inner = innerOf(asset.name);
            if (inner !== undefined) keys.push(`${release.model}/versions/${release.version}/${inner}`);
          }
        }
      }
      if (scope.ref) for (const path of (await ref.files()).keys()) keys.push(path);
      return [...new Set(keys.filter((key) => bare === "" || key.startsWith(`${bare}/`)))].sort();
    },

    async folders(prefix) {
      const bare = checkPrefix(prefix);
      const scope = scopeOf(bare);
      const names = new Set<string>();
      if (scope.releases) {
        for (const release of await listReleases(scope.releases.model)) {
          const key = `${release.model}/versions/${release.version}/`;
          const rest = bare === "" ? key : key.startsWith(`${bare}/`) ? key.slice(bare.length + 1) : "";
          const slash = rest.indexOf("/");
          if (slash > 0) names.add(rest.slice(0, slash));
        }
      }
      if (scope.ref) {
        for (const path of (await ref.files()).keys()) {
          if (bare !== "" && !path.startsWith(`${bare}/`)) continue;
          const rest = bare === "" ? path : path.slice(bare.length + 1);
          const slash = rest.indexOf("/");
          if (slash > 0) names.add(rest.slice(0, slash));
        }
      }
      return [...names].sort();
    },

    async head(key) {
      const place = releasePlace(key);
      if (!place) {
        const file = (await ref.files()).get(key);
        return file && { size: file.size, etag: file.sha };
      }
      const found = await publishedAsset(place);
      return found && { size: found.asset.size, etag: found.asset.digest ?? `asset-${found.asset.id}` };
    },

    async explainMissing(key) {
      const place = releasePlace(key);
      if (!place) return undefined;
      forget(place);
      const release = await publishedRelease(place.model, place.version);
      if (!release || release.assets.some((a) => a.name === assetName(place.inner))) return undefined;
      return `the asset ${assetName(place.inner)} is no longer on release ${release.tag} in ${where}: it was deleted outside mlops-kit`;
    },

    async discardIncomplete(prefix, before) {
      const scope = scopeOf(checkPrefix(prefix));
      if (!scope.releases) return 0;
      let removed = 0;
      for (const release of await listReleases(scope.releases.model)) {
        if (!release.draft) continue;
        if (scope.releases.version !== undefined && release.version !== scope.releases.version) continue;
        // Only drafts the kit started (its tag namespace, an id it made) long enough ago that no publish still runs.
        const started = versionStarted(release.version);
        if (!started || started >= before) continue;
        await releases.deleteRelease(release);
        removed++;
      }
      // Tags left without their release (a prune or clean cut off between deleting a release and its tag, or a release
      // deleted by hand): GitHub keeps them forever. Only tags of ids the kit makes, old enough that no publish of
      // theirs can still be running; a tag named otherwise is no one's to guess about.
      for (const orphan of await releases.releaselessTags(scope.releases.model)) {
        if (scope.releases.version !== undefined && orphan.version !== scope.releases.version) continue;
        const started = versionStarted(orphan.version);
        if (!started || started >= before) continue;
        await releases.deleteTag(orphan.tag);
        removed++;
      }
      return removed;
    },
  };
  return store;
}
