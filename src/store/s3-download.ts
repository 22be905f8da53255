import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { type Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { GetObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { sameDigest } from "./local-store.ts";
import { CorruptObjectError, type ObjectDigest, READ_CHUNK, type TransferOptions } from "./object-store.ts";
import type { Retrier } from "./retry.ts";
import { isNotFound, isTransientS3Error } from "./s3-errors.ts";

/** An answer that ended before its Content-Length: the connection broke mid-body, and asking again may succeed. */
class ShortBody extends Error {
  readonly code = "ECONNRESET";
}

/**
 * Streams an object into `file`, hashing it on the way, through a temporary sibling renamed into place only once
 * the bytes are whole (and match `expected`, when given). A body that breaks off mid-way is fetched again from the
 * start, within the retry budget. Undefined when there is no such key.
 */
export async function downloadObject(
  client: S3Client,
  target: { Bucket: string; Key: string },
  file: string,
  transfer: TransferOptions & { expected?: ObjectDigest },
  retrier: Retrier,
  shown: { location: string; key: string },
): Promise<ObjectDigest | undefined> {
  await mkdir(path.dirname(file), { recursive: true });
  const attempt = async (): Promise<ObjectDigest | undefined> => {
    let body: Readable;
    let length: number | undefined;
    try {
      const response = await client.send(new GetObjectCommand(target));
      body = response.Body as Readable;
      length = response.ContentLength;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
    const tmp = `${file}.tmp-${randomBytes(6).toString("hex")}`;
    try {
      const hash = createHash("sha256");
      let size = 0;
      const hashing = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          size += chunk.length;
          transfer.onProgress?.(size, length ?? size);
          done(null, chunk);
        },
      });
      await pipeline(body, hashing, createWriteStream(tmp, { highWaterMark: READ_CHUNK }));
      if (length !== undefined && size !== length)
        throw new ShortBody(`the response ended after ${size} of ${length} bytes`);
      const digest = { size, sha256: hash.digest("hex") };
      if (transfer.expected && !sameDigest(transfer.expected, digest)) {
        throw new CorruptObjectError(shown.location, shown.key, transfer.expected, digest);
      }
      await rename(tmp, file);
      return digest;
    } catch (error) {
      body.destroy();
      throw error;
    } finally {
      await rm(tmp, { force: true });
    }
  };
  return retrier.run(attempt, isTransientS3Error);
}
