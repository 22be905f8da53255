import { randomBytes } from "node:crypto";
import { stat } from "node:fs/promises";
import type { Readable } from "node:stream";
import {
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { checkKey, checkPrefix } from "./keys.ts";
import {
  type ObjectDigest,
  ObjectExistsError,
  type ObjectStore,
  ObjectTooLargeError,
  readBounded,
} from "./object-store.ts";
import { createRetrier, DEFAULT_RETRY_SECONDS, RetriesExhausted } from "./retry.ts";
import {
  attemptsFrom,
  createS3Client,
  MULTIPART_PART_SIZE,
  MULTIPART_QUEUE_SIZE,
  type S3Location,
  type S3Options,
} from "./s3-client.ts";
import { downloadObject } from "./s3-download.ts";
import { describeS3Error, isNotFound, isTransientS3Error, statusOf } from "./s3-errors.ts";
import { uploadFile } from "./s3-multipart.ts";

export { describeS3Error } from "./s3-errors.ts";
export { MULTIPART_PART_SIZE, MULTIPART_QUEUE_SIZE, regionOf, type S3Location, type S3Options } from "./s3-client.ts";

/**
 * S3 (and S3-compatible servers) as an object store. This module pulls in the AWS SDK, the largest part of the
 * bundle, so it is only ever loaded through a dynamic import when an s3:// URI is in play (PLATFORM.md).
 *
 * Every call retries what may pass, up to the retry budget (retry.ts): reads, listings, writes, each multipart part,
 * and downloads whose body breaks off. What cannot succeed by asking again (403, 404 meaning absent, 412) is not.
 */

/** S3 allows 10,000 parts per upload; keep a margin so a file that grows a little still fits. */
const MAX_PARTS = 9000;

export function createS3Store(
  location: S3Location,
  options: S3Options = {},
  env: NodeJS.ProcessEnv = {},
  client = createS3Client(options, env),
): ObjectStore {
  const where = `s3://${location.bucket}${location.prefix ? `/${location.prefix}` : ""}`;
  const keyOf = (key: string): string => (location.prefix ? `${location.prefix}/${checkKey(key)}` : checkKey(key));
  const prefixOf = (prefix: string): string => {
    const bare = checkPrefix(prefix);
    const full = location.prefix ? (bare ? `${location.prefix}/${bare}` : location.prefix) : bare;
    return full === "" ? "" : `${full}/`;
  };
  const fail = (action: string, key: string, error: unknown): never => {
    throw describeS3Error(action, `s3://${location.bucket}/${key}`, error, options.endpoint);
  };
  const retrier = createRetrier(
    { seconds: options.retrySeconds ?? DEFAULT_RETRY_SECONDS, maxAttempts: options.maxAttempts ?? attemptsFrom(env) },
    options.retryClock,
  );
  const retried = <T>(request: () => Promise<T>): Promise<T> => retrier.run(request, isTransientS3Error);
  const Bucket = location.bucket;
  /** Cleared when the server answers that it does not implement conditional writes. */
  let conditionalWrites = true;
  let exclusive: Promise<boolean> | undefined;
  /** Set once the probe showed that the server honours If-None-Match: `create` then needs no check first. */
  let honoursIfNoneMatch = false;

  /** A PUT with If-None-Match: * (without it once the server said it has no conditional writes). */
  const putIfAbsent = async (Key: string, Body: Buffer): Promise<void> => {
    try {
      await client.send(
        new PutObjectCommand({ Bucket, Key, Body, ...(conditionalWrites ? { IfNoneMatch: "*" } : {}) }),
      );
    } catch (error) {
      if (statusOf(error) !== 501 || !conditionalWrites) throw error;
      conditionalWrites = false;
      await client.send(new PutObjectCommand({ Bucket, Key, Body }));
    }
  };

  /**
   * Whether the server honours If-None-Match: a second conditional PUT of one key must fail with 412. s3rver ignores
   * the header and answers 200 (overwriting), older servers answer 501: there `create` is a check, then a write.
   */
  const probeExclusive = async (scratch: string): Promise<boolean> => {
    const Key = keyOf(`${checkPrefix(scratch)}/probe-${randomBytes(6).toString("hex")}`);
    const body = Buffer.from("probe\n");
    try {
      await retried(() => putIfAbsent(Key, body));
      if (!conditionalWrites) return false;
      await retried(() => putIfAbsent(Key, body));
      return false;
    } catch (error) {
      const last = error instanceof RetriesExhausted ? error.cause : error;
      if (statusOf(last) !== 412) return fail("probe conditional writes at", Key, error);
      honoursIfNoneMatch = true;
      return true;
    } finally {
      await retried(() => client.send(new DeleteObjectCommand({ Bucket, Key }))).catch(() => undefined);
    }
  };

  const store: ObjectStore = {
    location: where,
    async get(key) {
      try {
        return await retried(async () => {
          const response = await client.send(new GetObjectCommand({ Bucket, Key: keyOf(key) }));
          const body = response.Body as Readable | undefined;
          if (!body) return Buffer.alloc(0);
          return readBounded(body, () => new ObjectTooLargeError(where, key));
        });
      } catch (error) {
        if (error instanceof ObjectTooLargeError) throw error;
        if (isNotFound(error)) return undefined;
        return fail("read", keyOf(key), error);
      }
    },
    async put(key, body) {
      const Body = typeof body === "string" ? Buffer.from(body) : body;
      try {
        await retried(() => client.send(new PutObjectCommand({ Bucket, Key: keyOf(key), Body })));
      } catch (error) {
        fail("write", keyOf(key), error);
      }
    },

    async upload(key, file, transfer = {}) {
      const Key = keyOf(key);
      const total = (await stat(file)).size;
      const partSize = Math.max(
        options.partSize ?? MULTIPART_PART_SIZE,
        Math.ceil(total / MAX_PARTS / 1024 / 1024) * 1024 * 1024,
      );
      const send = (ifNoneMatch: boolean): Promise<ObjectDigest> =>
        uploadFile(
          client,
          { Bucket, Key },
          file,
          { partSize, queueSize: options.queueSize ?? MULTIPART_QUEUE_SIZE },
          { ...transfer, ifNoneMatch },
          retried,
        );
      try {
        try {
          return await send(transfer.createOnly === true && conditionalWrites);
        } catch (error) {
          // A server without conditional writes (501) takes the write without the condition, as `create` does.
          if (statusOf(error) !== 501 || !transfer.createOnly || !conditionalWrites) throw error;
          conditionalWrites = false;
          return await send(false);
        }
      } catch (error) {
        if (statusOf(error) === 412) throw new ObjectExistsError(where, key);
        return fail("upload to", Key, error);
      }
    },

    async download(key, file, transfer = {}) {
      const Key = keyOf(key);
      try {
        return await downloadObject(client, { Bucket, Key }, file, transfer, retrier, { location: where, key });
      } catch (error) {
        return fail("download", Key, error);
      }
    },

    async create(key, body) {
      const Key = keyOf(key);
      const Body = typeof body === "string" ? Buffer.from(body) : body;
      // The check first where the server may ignore If-None-Match (it would overwrite).
      if (!honoursIfNoneMatch && (await store.head(key)) !== undefined) return false;
      let retriedOnce = false;
      try {
        await retrier.run(
          (attempt) => {
            retriedOnce = attempt > 1;
            return putIfAbsent(Key, Body);
          },
          // 409: a concurrent conditional write of the same key is in flight (AWS); ask again.
          (error) => isTransientS3Error(error) || statusOf(error) === 409,
        );
        return true;
      } catch (error) {
        const last = error instanceof RetriesExhausted ? error.cause : error;
        if (statusOf(last) !== 412) return fail("write", Key, error);
        if (!retriedOnce) return false;
        // An earlier attempt may have landed with its answer lost: the object is ours if it holds our bytes.
        try {
          return (await store.get(key))?.equals(Body) ?? false;
        } catch (lost) {
          if (lost instanceof ObjectTooLargeError) return false;
          throw lost;
        }
      }
    },

    createIsExclusive(scratch) {
      exclusive ??= probeExclusive(scratch).catch((error: unknown) => {
        exclusive = undefined;
        throw error;
      });
      return exclusive;
    },

    async list(prefix) {
      const keys: string[] = [];
      const Prefix = prefixOf(prefix);
      let token: string | undefined;
      try {
        do {
          const page = await retried(() =>
            client.send(new ListObjectsV2Command({ Bucket, Prefix, ...(token ? { ContinuationToken: token } : {}) })),
          );
          for (const object of page.Contents ?? []) {
            if (object.Key) keys.push(location.prefix ? object.Key.slice(location.prefix.length + 1) : object.Key);
          }
          token = page.IsTruncated ? page.NextContinuationToken : undefined;
        } while (token);
      } catch (error) {
        return fail("list", Prefix.replace(/\/$/, ""), error);
      }
      return keys.sort();
    },

    async folders(prefix) {
      // From the full listing, not a Delimiter listing: s3rver only reports a common prefix when some object sits
      // directly in it (so a folder holding only sub-folders, such as an interrupted publish's, would be missed).
      const bare = checkPrefix(prefix);
      const names = new Set<string>();
      for (const key of await store.list(prefix)) {
        const rest = bare === "" ? key : key.slice(bare.length + 1);
        const slash = rest.indexOf("/");
        if (slash > 0) names.add(rest.slice(0, slash));
      }
      return [...names].sort();
    },

    async head(key) {
      try {
        const response = await retried(() => client.send(new HeadObjectCommand({ Bucket, Key: keyOf(key) })));
        return { size: response.ContentLength ?? 0, etag: (response.ETag ?? "").replace(/^"|"$/g, "") };
      } catch (error) {
        if (isNotFound(error)) return undefined;
        return fail("check", keyOf(key), error);
      }
    },
    async delete(key) {
      try {
        await retried(() => client.send(new DeleteObjectCommand({ Bucket, Key: keyOf(key) })));
      } catch (error) {
        fail("delete", keyOf(key), error);
      }
    },

    async discardIncomplete(prefix, before) {
      const Prefix = prefixOf(prefix);
      let removed = 0;
      let KeyMarker: string | undefined;
      let UploadIdMarker: string | undefined;
      try {
        do {
          const page = await retried(() =>
            client.send(
              new ListMultipartUploadsCommand({
                Bucket,
                Prefix,
                ...(KeyMarker ? { KeyMarker } : {}),
                ...(UploadIdMarker ? { UploadIdMarker } : {}),
              }),
            ),
          );
          for (const upload of page.Uploads ?? []) {
            if (!upload.Key || !upload.UploadId || !upload.Initiated || upload.Initiated >= before) continue;
            const abort = new AbortMultipartUploadCommand({ Bucket, Key: upload.Key, UploadId: upload.UploadId });
            // NoSuchUpload: another clean (or the upload's own process) got there first.
            await retried(() => client.send(abort)).catch((error: unknown) => {
              const last = error instanceof RetriesExhausted ? error.cause : error;
              if (statusOf(last) !== 404) throw error;
            });
            removed++;
          }
          KeyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
          UploadIdMarker = page.IsTruncated ? page.NextUploadIdMarker : undefined;
        } while (KeyMarker);
      } catch (error) {
        // Servers that cannot list multipart uploads (s3rver) leave them to a bucket lifecycle rule (see docs/bucket.md).
        if (error instanceof S3ServiceException && error.name === "NotImplemented") return removed;
        return fail("list the unfinished uploads under", Prefix.replace(/\/$/, ""), error);
      }
      return removed;
    },
  };
  return store;
}
