import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebStream } from "node:stream/web";
import type { ObjectDigest, TransferOptions } from "../object-store.ts";
import type { GitHubApi } from "./http.ts";

/**
 * Release assets on the way down: through GitHub's redirect to a signed URL (which gets no token), streamed into a
 * temporary file and hashed on the way, renamed into place only once the caller accepts the digest.
 */

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
