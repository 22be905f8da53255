import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { type Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { ExternalError } from "../errors.ts";
import { checkKey, checkPrefix } from "./keys.ts";
import { uploadFile } from "./s3-multipart.ts";
import { sameDigest } from "./local-store.ts";
import { CorruptObjectError, type ObjectStore, READ_CHUNK } from "./object-store.ts";

/**
 * S3 (and S3-compatible servers) as an object store. This module pulls in the AWS SDK, the largest part of the
 * bundle, so it is only ever loaded through a dynamic import when an s3:// URI is in play (PLATFORM.md).
 */

export interface S3Location {
  bucket: string;
  /** Key prefix without a trailing slash ("" for the bucket root). */
  prefix: string;
}

export interface S3Options {
  region?: string;
  /** An S3-compatible endpoint (MinIO, R2, s3rver...). */
  endpoint?: string;
  forcePathStyle?: boolean;
  /** Attempts per request, with the SDK's exponential backoff on throttling, 5xx and dropped connections. */
  maxAttempts?: number;
  /** Explicit credentials; otherwise the standard AWS chain (env, profile, web identity from GitHub OIDC). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Multipart part size in bytes (default {@link MULTIPART_PART_SIZE}; grown for files over ~80 GB). */
  partSize?: number;
  /** Parts in flight at once (default {@link MULTIPART_QUEUE_SIZE}). */
  queueSize?: number;
}

/**
 * Parts of 8 MiB, 8 in flight: memory stays near 64 MiB whatever the file size, and 8 connections keep a link busy
 * (awscli uses 8 MB parts and 10 threads).
 */
export const MULTIPART_PART_SIZE = 8 * 1024 * 1024;
export const MULTIPART_QUEUE_SIZE = 8;
/** S3 allows 10,000 parts per upload; keep a margin so a file that grows a little still fits. */
const MAX_PARTS = 9000;
/** Whole-download attempts when a response body breaks off mid-way (the SDK only retries the request itself). */
const DOWNLOAD_ATTEMPTS = 3;

export function createS3Client(options: S3Options, env: NodeJS.ProcessEnv = process.env): S3Client {
  const custom = options.endpoint !== undefined;
  return new S3Client({
    region: options.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? "us-east-1",
    ...(custom ? { endpoint: options.endpoint } : {}),
    forcePathStyle: options.forcePathStyle ?? custom,
    // Standard retry mode: exponential backoff with jitter on throttling (503 SlowDown), 5xx and dropped connections.
    maxAttempts: options.maxAttempts ?? attemptsFrom(env) ?? 5,
    // Without timeouts a server that stops answering would hang a CI job until its 6 h limit.
    requestHandler: { connectionTimeout: 10_000, requestTimeout: 120_000 },
    ...(credentialsFrom(options, env) ?? {}),
    // S3-compatible servers may mishandle the SDK's default flexible checksums (s3rver stores aws-chunked framing as
    // data). We verify our own sha256 on every download instead, so only send checksums where S3 requires them.
    ...(custom ? { requestChecksumCalculation: "WHEN_REQUIRED", responseChecksumValidation: "WHEN_REQUIRED" } : {}),
  });
}

/** AWS_MAX_ATTEMPTS, the SDKs' standard setting, when it is a sensible number. */
function attemptsFrom(env: NodeJS.ProcessEnv): number | undefined {
  const attempts = Number(env.AWS_MAX_ATTEMPTS);
  return Number.isInteger(attempts) && attempts >= 1 && attempts <= 20 ? attempts : undefined;
}

/**
 * Explicit credentials, else the ones in the environment the kit was given (doors pass theirs in; the core reads no
 * globals), else nothing: the SDK's standard chain then looks further (profiles, web identity from GitHub OIDC).
 */
function credentialsFrom(
  options: S3Options,
  env: NodeJS.ProcessEnv,
): { credentials: NonNullable<S3Options["credentials"]> } | undefined {
  if (options.credentials) return { credentials: options.credentials };
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
    return {
      credentials: {
        accessKeyId: env.AWS_ACCESS_KEY_ID,
        secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
        ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
      },
    };
  }
  return undefined;
}

export function createS3Store(
  location: S3Location,
  options: S3Options = {},
  env: NodeJS.ProcessEnv = process.env,
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
  const Bucket = location.bucket;
  /** Cleared when the server answers that it does not implement conditional writes. */
  let conditionalWrites = true;

  const store: ObjectStore = {
    location: where,
    async get(key) {
      try {
        const response = await client.send(new GetObjectCommand({ Bucket, Key: keyOf(key) }));
        return response.Body ? Buffer.from(await response.Body.transformToByteArray()) : Buffer.alloc(0);
      } catch (error) {
        if (isNotFound(error)) return undefined;
        return fail("read", keyOf(key), error);
      }
    },
    async put(key, body) {
      try {
        await client.send(
          new PutObjectCommand({ Bucket, Key: keyOf(key), Body: typeof body === "string" ? Buffer.from(body) : body }),
        );
      } catch (error) {
        fail("write", keyOf(key), error);
      }
    },
    async putFile(key, file) {
      await store.upload(key, file);
    },
    async getToFile(key, file) {
      return (await store.download(key, file)) !== undefined;
    },

    async upload(key, file, transfer = {}) {
      const Key = keyOf(key);
      const total = (await stat(file)).size;
      const partSize = Math.max(
        options.partSize ?? MULTIPART_PART_SIZE,
        Math.ceil(total / MAX_PARTS / 1024 / 1024) * 1024 * 1024,
      );
      try {
        return await uploadFile(
          client,
          { Bucket, Key },
          file,
          { partSize, queueSize: options.queueSize ?? MULTIPART_QUEUE_SIZE },
          transfer,
        );
      } catch (error) {
        return fail("upload to", Key, error);
      }
    },

    async download(key, file, transfer = {}) {
      const Key = keyOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      for (let attempt = 1; ; attempt++) {
        let body: Readable;
        let length: number | undefined;
        try {
          const response = await client.send(new GetObjectCommand({ Bucket, Key }));
          body = response.Body as Readable;
          length = response.ContentLength;
        } catch (error) {
          if (isNotFound(error)) return undefined;
          return fail("download", Key, error);
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
          if (length !== undefined && size !== length) {
            throw Object.assign(new Error(`the response ended after ${size} of ${length} bytes`), {
              code: "ECONNRESET",
            });
          }
          const digest = { size, sha256: hash.digest("hex") };
          if (transfer.expected && !sameDigest(transfer.expected, digest)) {
            throw new CorruptObjectError(where, key, transfer.expected, digest);
          }
          await rename(tmp, file);
          return digest;
        } catch (error) {
          body.destroy();
          if (error instanceof CorruptObjectError) throw error;
          if (attempt >= DOWNLOAD_ATTEMPTS) return fail("download", Key, error);
        } finally {
          await rm(tmp, { force: true });
        }
      }
    },

    async create(key, body) {
      const Key = keyOf(key);
      const Body = typeof body === "string" ? Buffer.from(body) : body;
      // The check first: servers without conditional writes ignore If-None-Match and would overwrite.
      if (await store.exists(key)) return false;
      for (let attempt = 1; ; attempt++) {
        try {
          await client.send(
            new PutObjectCommand({ Bucket, Key, Body, ...(conditionalWrites ? { IfNoneMatch: "*" } : {}) }),
          );
          return true;
        } catch (error) {
          const status = error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
          if (status === 412) return false;
          // 409: a concurrent conditional write to the same key is in flight (AWS); ask again.
          if (status === 409 && attempt < 3) continue;
          if (status === 501 && conditionalWrites) {
            conditionalWrites = false;
            continue;
          }
          return fail("write", Key, error);
        }
      }
    },

    async list(prefix) {
      const keys: string[] = [];
      const Prefix = prefixOf(prefix);
      let token: string | undefined;
      try {
        do {
          const page = await client.send(
            new ListObjectsV2Command({ Bucket, Prefix, ...(token ? { ContinuationToken: token } : {}) }),
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

    async exists(key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: keyOf(key) }));
        return true;
      } catch (error) {
        if (isNotFound(error)) return false;
        return fail("check", keyOf(key), error);
      }
    },
    async head(key) {
      try {
        const response = await client.send(new HeadObjectCommand({ Bucket, Key: keyOf(key) }));
        return { size: response.ContentLength ?? 0, etag: (response.ETag ?? "").replace(/^"|"$/g, "") };
      } catch (error) {
        if (isNotFound(error)) return undefined;
        return fail("check", keyOf(key), error);
      }
    },
    async delete(key) {
      try {
        await client.send(new DeleteObjectCommand({ Bucket, Key: keyOf(key) }));
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
          const page = await client.send(
            new ListMultipartUploadsCommand({
              Bucket,
              Prefix,
              ...(KeyMarker ? { KeyMarker } : {}),
              ...(UploadIdMarker ? { UploadIdMarker } : {}),
            }),
          );
          for (const upload of page.Uploads ?? []) {
            if (!upload.Key || !upload.UploadId || !upload.Initiated || upload.Initiated >= before) continue;
            await client.send(new AbortMultipartUploadCommand({ Bucket, Key: upload.Key, UploadId: upload.UploadId }));
            removed++;
          }
          KeyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
          UploadIdMarker = page.IsTruncated ? page.NextUploadIdMarker : undefined;
        } while (KeyMarker);
      } catch (error) {
        // Servers that cannot list multipart uploads (s3rver) leave them to a bucket lifecycle rule (see README).
        if (error instanceof S3ServiceException && error.name === "NotImplemented") return removed;
        return fail("list the unfinished uploads under", Prefix.replace(/\/$/, ""), error);
      }
      return removed;
    },
  };
  return store;
}

function isNotFound(error: unknown): boolean {
  if (error instanceof S3ServiceException) {
    return error.name === "NoSuchKey" || error.name === "NotFound" || error.$metadata.httpStatusCode === 404;
  }
  return false;
}

const UNREACHABLE = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ECONNRESET", "EPIPE", "ETIMEDOUT"]);

/** One clear sentence for the usual ways S3 fails: unreachable, no bucket, no permission, bad credentials. */
export function describeS3Error(action: string, uri: string, error: unknown, endpoint?: string): ExternalError {
  const server = endpoint ?? "AWS S3";
  if (error instanceof ExternalError) return error;
  if (error instanceof S3ServiceException) {
    const status = error.$metadata.httpStatusCode;
    if (error.name === "NoSuchBucket") {
      return new ExternalError(`cannot ${action} ${uri}: the bucket does not exist`, {
        hint: "check the bucket name and region in registry.uri",
        cause: error,
      });
    }
    if (
      error.name === "InvalidAccessKeyId" ||
      error.name === "SignatureDoesNotMatch" ||
      error.name === "ExpiredToken" ||
      error.name === "InvalidToken"
    ) {
      return new ExternalError(`cannot ${action} ${uri}: the credentials were refused (${error.name})`, {
        hint: "check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or the OIDC role's session)",
        cause: error,
      });
    }
    if (error.name === "AccessDenied" || status === 403) {
      return new ExternalError(`cannot ${action} ${uri}: access denied`, {
        hint: "check the credentials (or the OIDC role) and that its IAM policy allows this action on the bucket (README: the least IAM policy)",
        cause: error,
      });
    }
    return new ExternalError(`cannot ${action} ${uri}: ${server} answered ${status ?? "?"} ${error.name}`, {
      hint: "it was retried with backoff; try again later",
      cause: error,
    });
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (error instanceof Error && ((code && UNREACHABLE.has(code)) || error.name === "TimeoutError")) {
    return new ExternalError(`cannot ${action} ${uri}: ${server} is unreachable (${code ?? error.name})`, {
      hint: "check the network and registry.endpoint; the request was retried with backoff",
      cause: error,
    });
  }
  if (error instanceof Error && /credential/i.test(error.message)) {
    return new ExternalError(`cannot ${action} ${uri}: no AWS credentials were found`, {
      hint: "set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, a profile, or use GitHub OIDC with aws-actions/configure-aws-credentials",
      cause: error,
    });
  }
  return new ExternalError(`cannot ${action} ${uri}: ${error instanceof Error ? error.message : String(error)}`, {
    cause: error,
  });
}
