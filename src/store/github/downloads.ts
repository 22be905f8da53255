import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { get as httpGet, type IncomingMessage } from "node:http";
import { get as httpsGet } from "node:https";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebStream } from "node:stream/web";
import type { ObjectDigest, TransferOptions } from "../object-store.ts";
import type { GitHubApi } from "./http.ts";
import { proxyAgentFor } from "../../net/proxy.ts";

/**
 * Release assets on the way down: through GitHub's redirect to a signed URL (which gets no token), streamed into a
 * temporary file and hashed on the way, renamed into place only once the caller accepts the digest.
 *
 * The signed URL is read with node:http(s), not fetch: fetch parses in WebAssembly (each chunk copied in and out) and
 * hands the body over as a web stream, which cost a 256 MiB pull from the stand-in some 30% more CPU than node:http
 * spends on the same bytes, as it did the upload (asset-upload.ts).
 */

/** Hops the download host may add after GitHub's own redirect (a CDN's); more is a loop. */
const MAX_HOPS = 5;
/**
 * Bytes the file's write stream holds before it stops reading the socket: with Node's 16 KiB every 64 KiB read waited
 * for its write; a MiB keeps the socket read while writes are under way, and they go out together (writev).
 */
export const DOWNLOAD_WRITE_BUFFER = 1024 * 1024;
/** A download host silent this long has gone away (fetch's own limit, which this replaces). */
const IDLE_SECONDS = 300;

export interface AssetInfo {
  id: number;
  name: string;
  size: number;
  /** `sha256:<hex>` as GitHub computed it; null on servers that do not report it. */
  digest: string | null;
}

export interface Downloads {
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

export function createDownloads(api: GitHubApi): Downloads {
  const { owner, repo } = api.connection.repository;
  const { octokit } = api;

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
    // A Node stream from node:http (http.ts), a web stream from the proxy's fetch.
    const data = hop.data as unknown as Readable | WebStream;
    const body = data instanceof Readable ? data : Readable.fromWeb(data);
    if (Number(hop.status) !== 302 || !location) return body;
    // The redirect's own (small) body is read and dropped, so its connection goes back to the pool.
    body.resume();
    // The signed host gets no token: GitHub's signed URLs need none, and a token must not leave the API host.
    return api.call(`download ${asset.name}`, () => getSigned(new URL(location)));
  };

  return {
    open,

    async download(asset, file, transfer, check) {
      const body = await open(asset);
      if (!body) return undefined;
      await mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.tmp-${randomBytes(6).toString("hex")}`;
      const hash = createHash("sha256");
      let size = 0;
      const hashing = new Transform({
        // As much as the file's write buffer: the socket is read on while a MiB is being written.
        highWaterMark: DOWNLOAD_WRITE_BUFFER,
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          size += chunk.length;
          transfer.onProgress?.(size, asset.size);
          done(null, chunk);
        },
      });
      try {
        await pipeline(body, hashing, createWriteStream(tmp, { highWaterMark: DOWNLOAD_WRITE_BUFFER }));
        const digest = { size, sha256: hash.digest("hex") };
        check(digest);
        await rename(tmp, file);
        return digest;
      } catch (error) {
        await rm(tmp, { force: true });
        throw error;
      }
    },
  };
}

/**
 * A GET of a signed URL, with no token (a token must not leave the API host): the answer's body once it is 2xx; a
 * refusal is thrown with its `status`, as Octokit's errors carry it, so http.ts retries and describes it the same.
 */
async function getSigned(url: URL, hops = MAX_HOPS): Promise<IncomingMessage> {
  const get = url.protocol === "http:" ? httpGet : httpsGet;
  // Through the proxy the environment names for the signed host, as the API calls go through it for theirs.
  const agent = await proxyAgentFor(url);
  return new Promise((resolve, reject) => {
    const request = get(url, { headers: { "user-agent": "mlops-kit" }, ...(agent ? { agent } : {}) }, (answer) => {
      const status = answer.statusCode ?? 0;
      const next = answer.headers.location;
      if (status >= 200 && status < 300) return resolve(answer);
      answer.resume();
      if (status >= 300 && status < 400 && next && hops > 0) return resolve(getSigned(new URL(next, url), hops - 1));
      reject(Object.assign(new Error(`the download host answered ${status}`), { status }));
    });
    request.setTimeout(IDLE_SECONDS * 1000, () =>
      request.destroy(new Error(`the download host sent nothing for ${IDLE_SECONDS} s`)),
    );
    request.on("error", reject);
  });
}
