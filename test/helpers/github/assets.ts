import { createHash, createHmac } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { exampleResponse, findOperation } from "../openapi.ts";
import {
  type Handler,
  type RequestContext,
  type StoredAsset,
  type StoredRelease,
  type StoredRepository,
  type UploadStats,
  notFound,
  paginate,
  timestamp,
  unprocessable,
  validationFailed,
} from "./context.ts";

/**
 * Release assets: uploaded to the uploads host as a raw body streamed to disk (hashed on the way for the `digest`, never
 * held whole: a 256 MiB model passes through a few 64 KiB chunks), listed and deleted on the API host, and downloaded
 * as GitHub serves them: `Accept: application/octet-stream` answers 302 to a signed URL on another host (so the client
 * drops its token on the way), which serves the bytes with Range support.
 */

/** GitHub's limit on one release asset. */
export const ASSET_SIZE_LIMIT = 2 * 1024 ** 3;

export interface AssetsState {
  /** Bytes one asset may have; 2 GiB as on GitHub, lowered by tests. */
  assetSizeLimit: number;
  /**
   * Whether assets carry a `digest` (GitHub.com's do, PLATFORM.md); false imitates a server that answers
   * `digest: null` (a GitHub Enterprise Server from before asset digests).
   */
  assetDigests: boolean;
  uploadStats: UploadStats;
  /** Where asset bytes are written. */
  dataDir: string;
  /** Signs download URLs, so the objects host serves only what the API host redirected to. */
  signingKey: string;
  repositories: Map<string, StoredRepository>;
  /** The requests the objects host served, with the Authorization header they carried (GitHub's carry none). */
  downloads: { path: string; range: string | undefined; authorization: string | undefined; status: number }[];
  uploadFaults: UploadFault[];
  /**
   * Breaks the next upload of a matching name once `afterBytes` have arrived, leaving its asset in the state "starter",
   * as GitHub does after an upstream failure: the connection cut mid-body, or a 502 once the body is in. The name then
   * stays taken (a retry gets 422 `already_exists`) until the starter is deleted.
   */
  breakNextUpload(fault: UploadFault): void;
}

export interface UploadFault {
  name?: RegExp;
  afterBytes: number;
  how: "cut" | 502;
}

function assetExample(): Record<string, unknown> {
  const get = findOperation("GET", "/repos/o/r/releases/assets/1");
  if (!get) throw new Error("GitHub's description lacks repos/get-release-asset");
  return exampleResponse(get, "200") as Record<string, unknown>;
}

export function assetJson(
  context: RequestContext,
  repository: StoredRepository,
  release: StoredRelease,
  asset: StoredAsset,
  downloadCount = 0,
): unknown {
  const full = repository.fullName;
  return {
    ...assetExample(),
    url: `${context.hosts.api}/repos/${full}/releases/assets/${asset.id}`,
    browser_download_url: `https://github.com/${full}/releases/download/${encodeURIComponent(release.tagName)}/${encodeURIComponent(asset.name)}`,
    id: asset.id,
    node_id: `RA_${asset.id}`,
    name: asset.name,
    label: asset.label,
    state: asset.state,
    content_type: asset.contentType,
    size: asset.size,
    digest: asset.digest,
    download_count: downloadCount,
    created_at: asset.createdAt,
    updated_at: asset.updatedAt,
  };
}

/** The asset with this id and its release, if the caller may see the release; a starter only when `starters`. */
function findAsset(
  context: RequestContext,
  starters = false,
): { release: StoredRelease; asset: StoredAsset } | undefined {
  const id = Number(context.matched.pathParams.asset_id);
  for (const release of context.repository?.releases ?? []) {
    const asset = release.assets.find((a) => a.id === id && (starters || a.state === "uploaded"));
    if (asset && (!release.draft || context.canPush)) return { release, asset };
  }
  return undefined;
}

const signature = (key: string, assetId: number): string =>
  createHmac("sha256", key).update(String(assetId)).digest("hex");

async function upload(state: AssetsState, context: RequestContext): Promise<void> {
  const repository = context.repository as StoredRepository;
  const release = repository.releases.find((r) => r.id === Number(context.matched.pathParams.release_id));
  const name = context.target.searchParams.get("name") ?? "";
  const declared = Number(context.request.headers["content-length"] ?? Number.NaN);
  const refuse = (answer: () => void): void => {
    // Answer at once and let the body drain: the client is still sending it.
    answer();
    context.request.resume();
  };
  if (!release) return refuse(() => notFound(context));
  // GitHub's answer, word for word, to an upload to a release published with immutable releases on.
  if (release.immutable) return refuse(() => unprocessable(context, "Cannot upload assets to an immutable release."));
  // Names are claimed synchronously (a "starter" asset, as GitHub's are while uploading): two racing uploads of one
  // name cannot both pass.
  if (release.assets.some((a) => a.name === name))
    return refuse(() => validationFailed(context, { resource: "ReleaseAsset", code: "already_exists", field: "name" }));
  if (declared > state.assetSizeLimit) return refuse(() => tooLarge(context, state.assetSizeLimit));
  const now = timestamp();
  const asset: StoredAsset = {
    id: context.nextId(),
    releaseId: release.id,
    name,
    label: context.target.searchParams.get("label"),
    contentType: context.request.headers["content-type"] ?? "application/octet-stream",
    state: "starter",
    size: 0,
    digest: null,
    file: "",
    createdAt: now,
    updatedAt: now,
  };
  asset.file = path.join(state.dataDir, `asset-${asset.id}`);
  release.assets.push(asset);
  const faultAt = state.uploadFaults.findIndex((f) => f.name === undefined || f.name.test(name));
  const fault = faultAt < 0 ? undefined : state.uploadFaults.splice(faultAt, 1)[0];
  const hash = createHash("sha256");
  const file = createWriteStream(asset.file);
  const stats = state.uploadStats;
  let size = 0;
  let overLimit = false;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      stats.totalBytes += chunk.length;
      stats.maxChunkBytes = Math.max(stats.maxChunkBytes, chunk.length);
      stats.maxBufferedBytes = Math.max(
        stats.maxBufferedBytes,
        chunk.length + file.writableLength + this.writableLength + this.readableLength,
      );
      // Past the limit, drop the rest: the body is drained so the 422 reaches a client that is still sending.
      if (size > state.assetSizeLimit) overLimit = true;
      if (fault && size > fault.afterBytes) {
        if (fault.how === "cut") context.request.socket.destroy();
        return done();
      }
      if (overLimit) return done();
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(context.request, meter, file);
  } catch {
    // The client went away mid-upload: nothing to answer; forget the asset, unless a fault leaves it a starter.
    if (fault) return;
    release.assets.splice(release.assets.indexOf(asset), 1);
    await rm(asset.file, { force: true });
    return;
  }
  // A cut connection has no one to answer; a 502 arrives after the body, as GitHub's upstream failures do.
  if (fault) return fault.how === 502 ? context.reply(502, { message: "Bad Gateway" }) : undefined;
  if (overLimit) {
    release.assets.splice(release.assets.indexOf(asset), 1);
    await rm(asset.file, { force: true });
    return tooLarge(context, state.assetSizeLimit);
  }
  const digest = state.assetDigests ? `sha256:${hash.digest("hex")}` : null;
  Object.assign(asset, { state: "uploaded", size, digest, updatedAt: timestamp() });
  context.reply(201, assetJson(context, repository, release, asset));
}

function tooLarge(context: RequestContext, limit: number): void {
  validationFailed(context, {
    resource: "ReleaseAsset",
    code: "custom",
    field: "size",
    message: `size must be less than or equal to ${limit} bytes`,
  });
}

export function assetHandlers(state: AssetsState): Record<string, Handler> {
  const downloadCounts = new Map<number, number>();
  const json = (context: RequestContext, release: StoredRelease, asset: StoredAsset): unknown =>
    assetJson(context, context.repository as StoredRepository, release, asset, downloadCounts.get(asset.id) ?? 0);
  return {
    "repos/upload-release-asset": (context) => upload(state, context),
    "repos/list-release-assets": (context) => {
      const release = (context.repository as StoredRepository).releases.find(
        (r) => r.id === Number(context.matched.pathParams.release_id) && (!r.draft || context.canPush),
      );
      if (!release) return notFound(context);
      // Starters are listed too, as GitHub lists them (so a client can find and delete one).
      const { page, headers } = paginate(release.assets, context.target);
      context.reply(
        200,
        page.map((a) => json(context, release, a)),
        headers,
      );
    },
    "repos/get-release-asset": (context) => {
      const found = findAsset(context);
      if (!found) return notFound(context);
      if (!(context.request.headers.accept ?? "").includes("application/octet-stream"))
        return context.reply(200, json(context, found.release, found.asset));
      downloadCounts.set(found.asset.id, (downloadCounts.get(found.asset.id) ?? 0) + 1);
      const location = new URL(`/release-assets/${found.asset.id}`, context.hosts.objects);
      location.searchParams.set("sig", signature(state.signingKey, found.asset.id));
      context.reply(302, undefined, { location: location.href });
    },
    "repos/delete-release-asset": async (context) => {
      // "It can be safely deleted" (GitHub's docs, of a starter left by a failed upload).
      const found = findAsset(context, true);
      if (!found) return notFound(context);
      // Its assets "are protected from modification or deletion" (GitHub's docs); the words are modelled on the
      // upload's refusal.
      if (found.release.immutable) return unprocessable(context, "Cannot delete assets of an immutable release.");
      found.release.assets.splice(found.release.assets.indexOf(found.asset), 1);
      await rm(found.asset.file, { force: true });
      context.reply(204);
    },
  };
}

/** The signed-URL host: serves an asset's bytes, whole or one `Range`, to whoever holds the signature. */
export async function serveDownload(
  state: AssetsState,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const target = new URL(request.url ?? "/", "http://objects");
  const range = request.headers.range;
  const record = (status: number): void => {
    state.downloads.push({ path: target.pathname, range, authorization: request.headers.authorization, status });
  };
  const id = Number(/^\/release-assets\/(\d+)$/.exec(target.pathname)?.[1]);
  const asset = [...state.repositories.values()]
    .flatMap((r) => r.releases.flatMap((release) => release.assets))
    .find((a) => a.id === id && a.state === "uploaded");
  if (!asset || target.searchParams.get("sig") !== signature(state.signingKey, id)) {
    record(403);
    response.writeHead(403, { "content-type": "application/xml" });
    return void response.end("<Error><Code>AccessDenied</Code></Error>");
  }
  const size = (await stat(asset.file)).size;
  const headers: Record<string, string> = {
    "content-type": "application/octet-stream",
    "accept-ranges": "bytes",
    "content-disposition": `attachment; filename=${asset.name}`,
  };
  let start = 0;
  let end = size - 1;
  let status = 200;
  const wanted = /^bytes=(\d*)-(\d*)$/.exec(range ?? "");
  if (range !== undefined && wanted) {
    const [, from = "", to = ""] = wanted;
    if (from === "") start = Math.max(size - Number(to), 0);
    else {
      start = Number(from);
      if (to !== "") end = Math.min(Number(to), size - 1);
    }
    if (start >= size || start > end || (from === "" && to === "")) {
      record(416);
      response.writeHead(416, { "content-range": `bytes */${size}` });
      return void response.end();
    }
    status = 206;
    headers["content-range"] = `bytes ${start}-${end}/${size}`;
  }
  record(status);
  response.writeHead(status, { ...headers, "content-length": String(Math.max(end - start + 1, 0)) });
  if (size === 0) return void response.end();
  await pipeline(createReadStream(asset.file, { start, end }), response);
}
