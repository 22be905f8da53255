import { createHash } from "node:crypto";
import { type FileHandle, open } from "node:fs/promises";
import {
  AbortMultipartUploadCommand,
  ChecksumAlgorithm,
  CompleteMultipartUploadCommand,
  type CompletedPart,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import { ExternalError } from "../errors.ts";
import type { ObjectDigest, TransferOptions } from "./object-store.ts";
import { statusOf } from "./s3-errors.ts";

/** Runs one request, retrying what may pass within the store's budget (s3-store.ts). */
export type Retried = <T>(request: () => Promise<T>) => Promise<T>;

/**
 * Uploads a file in parts, a bounded number in flight, hashing each part as it is read (one read of the file, in
 * order, so the sha256 needs no second pass). Part buffers come from a pool of `queueSize + 1`, so memory is the
 * multipart window (parts x part size), whatever the file size.
 *
 * Why not @aws-sdk/lib-storage's Upload: fed a stream, its chunker concatenates reads and keeps each part's larger
 * parent buffer alive, so its memory ran at about four times the window in our benchmark; and it cannot take a
 * digest of the bytes in order while they go up in parallel without a second read.
 *
 * Each request (the single PUT, the start, every part, the completion) is retried on its own, so a server that
 * restarts mid-upload costs the parts in flight, not the whole upload: the parts already stored stay with the upload.
 */
export async function uploadFile(
  client: S3Client,
  target: { Bucket: string; Key: string },
  file: string,
  limits: { partSize: number; queueSize: number },
  transfer: TransferOptions & { ifNoneMatch?: boolean },
  retried: Retried,
): Promise<ObjectDigest> {
  const handle = await open(file, "r");
  // Create-only: the request that makes the object carries If-None-Match (UploadPart and the start cannot).
  const condition = transfer.ifNoneMatch ? { IfNoneMatch: "*" } : {};
  try {
    const total = (await handle.stat()).size;
    if (total <= limits.partSize) {
      const body = await readExactly(handle, Buffer.allocUnsafe(total), 0, total);
      let attempts = 0;
      try {
        await retried(() => {
          attempts++;
          return client.send(new PutObjectCommand({ ...target, Body: body, ContentLength: total, ...condition }));
        });
      } catch (error) {
        // A 412 after a lost answer may be our own earlier attempt: the object is ours if it holds our bytes.
        if (statusOf(error) !== 412 || attempts < 2 || !(await holds(client, target, body))) throw error;
      }
      transfer.onProgress?.(total, total);
      await ensureUnchanged(handle, total, file);
      return { size: total, sha256: createHash("sha256").update(body).digest("hex") };
    }
    return await uploadParts(client, target, handle, total, limits, transfer, file, retried, condition);
  } finally {
    await handle.close();
  }
}

/** Whether the object at `target` holds exactly `body` (small bodies only: a single PUT's). */
async function holds(client: S3Client, target: { Bucket: string; Key: string }, body: Buffer): Promise<boolean> {
  try {
    const answer = await client.send(new GetObjectCommand(target));
    if (answer.ContentLength !== body.length || !answer.Body) return false;
    return Buffer.from(await answer.Body.transformToByteArray()).equals(body);
  } catch {
    return false;
  }
}

async function uploadParts(
  client: S3Client,
  target: { Bucket: string; Key: string },
  handle: FileHandle,
  total: number,
  { partSize, queueSize }: { partSize: number; queueSize: number },
  transfer: TransferOptions,
  file: string,
  retried: Retried,
  condition: { IfNoneMatch?: string },
): Promise<ObjectDigest> {
  // Mirror lib-storage: where the SDK adds checksums to every part (AWS itself), the upload must declare them.
  const withChecksums = (await client.config.requestChecksumCalculation()) === "WHEN_SUPPORTED";
  const { UploadId } = await retried(() =>
    client.send(
      new CreateMultipartUploadCommand({
        ...target,
        ...(withChecksums ? { ChecksumAlgorithm: ChecksumAlgorithm.CRC32 } : {}),
      }),
    ),
  );
  if (!UploadId) throw new ExternalError(`the server gave no upload id for ${target.Key}`);
  const hash = createHash("sha256");
  const parts: CompletedPart[] = [];
  const pool: Buffer[] = [];
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  let sent = 0;
  try {
    for (let offset = 0, number = 1; offset < total && !failure; offset += partSize, number++) {
      while (inFlight.size >= queueSize) await Promise.race(inFlight);
      if (failure) break;
      const length = Math.min(partSize, total - offset);
      const buffer = pool.pop() ?? Buffer.allocUnsafe(partSize);
      const body = await readExactly(handle, buffer, offset, length);
      hash.update(body);
      const PartNumber = number;
      const task: Promise<void> = retried(() =>
        client.send(new UploadPartCommand({ ...target, UploadId, PartNumber, Body: body, ContentLength: length })),
      )
        .then((answer) => {
          if (!answer.ETag) throw new ExternalError(`the server gave no ETag for part ${PartNumber} of ${target.Key}`);
          parts.push({
            PartNumber,
            ETag: answer.ETag,
            ...(answer.ChecksumCRC32 ? { ChecksumCRC32: answer.ChecksumCRC32 } : {}),
          });
          sent += length;
          transfer.onProgress?.(sent, total);
        })
        .catch((error: unknown) => {
          failure ??= { error };
        })
        .finally(() => {
          inFlight.delete(task);
          pool.push(buffer);
        });
      inFlight.add(task);
    }
    await Promise.all(inFlight);
    if (failure) throw failure.error;
    await ensureUnchanged(handle, total, file);
    parts.sort((a, b) => (a.PartNumber ?? 0) - (b.PartNumber ?? 0));
    await complete(client, { ...target, UploadId, MultipartUpload: { Parts: parts }, ...condition }, total, retried);
  } catch (error) {
    // Parts of an abandoned upload cost storage and are invisible to listings: abort it (best effort; a bucket
    // lifecycle rule or `mlops models clean` catches what a dead process leaves).
    await Promise.allSettled(inFlight);
    await client.send(new AbortMultipartUploadCommand({ ...target, UploadId })).catch(() => undefined);
    throw error;
  }
  return { size: total, sha256: hash.digest("hex") };
}

/**
 * Completes an upload. A retry first looks for the object: when an attempt's answer was lost, the upload may be
 * complete already, and asking again gets NoSuchUpload (AWS, RGW) or a 500 (s3rver). An object of the upload's size
 * at the key is this upload's: the key is its writer's alone (a version's file, or a run-cache blob named by its
 * sha256).
 */
async function complete(
  client: S3Client,
  request: {
    Bucket: string;
    Key: string;
    UploadId: string;
    MultipartUpload: { Parts: CompletedPart[] };
    IfNoneMatch?: string;
  },
  total: number,
  retried: Retried,
): Promise<void> {
  let attempts = 0;
  await retried(async () => {
    if (attempts++ > 0) {
      const head = await client
        .send(new HeadObjectCommand({ Bucket: request.Bucket, Key: request.Key }))
        .catch(() => undefined);
      if (head?.ContentLength === total) return;
    }
    await client.send(new CompleteMultipartUploadCommand(request));
  });
}

/** Reads `length` bytes at `position` into `buffer` (a short read is retried; an early end means the file shrank). */
async function readExactly(handle: FileHandle, buffer: Buffer, position: number, length: number): Promise<Buffer> {
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) throw new ExternalError("the file shrank while it was being uploaded; publish again");
    filled += bytesRead;
  }
  return buffer.subarray(0, length);
}

async function ensureUnchanged(handle: FileHandle, total: number, file: string): Promise<void> {
  const { bytesRead } = await handle.read(Buffer.alloc(1), 0, 1, total);
  if (bytesRead !== 0 || (await handle.stat()).size !== total) {
    throw new ExternalError(`${file} changed while it was being uploaded`, {
      hint: "publish again once it is complete",
    });
  }
}
