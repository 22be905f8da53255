import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { ExternalError } from "../errors.ts";
import { describePathProblem, relativePathProblem } from "../files/safe-path.ts";
import type { ObjectStore } from "./object-store.ts";

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
  /** Attempts per request, with the SDK's exponential backoff on throttling and 5xx. */
  maxAttempts?: number;
  /** Explicit credentials; otherwise the standard AWS chain (env, profile, web identity from GitHub OIDC). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

/** Parts of 8 MiB, 4 in flight: memory stays near 32 MiB whatever the file size. */
export const MULTIPART_PART_SIZE = 8 * 1024 * 1024;
export const MULTIPART_QUEUE_SIZE = 4;

export function createS3Client(options: S3Options, env: NodeJS.ProcessEnv = process.env): S3Client {
  const custom = options.endpoint !== undefined;
  return new S3Client({
    region: options.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? "us-east-1",
    ...(custom ? { endpoint: options.endpoint } : {}),
    forcePathStyle: options.forcePathStyle ?? custom,
    maxAttempts: options.maxAttempts ?? 5,
    ...(credentialsFrom(options, env) ?? {}),
    // S3-compatible servers may mishandle the SDK's default flexible checksums (s3rver stores aws-chunked framing as
    // data). We verify our own sha256 on every download instead, so only send checksums where S3 requires them.
    ...(custom ? { requestChecksumCalculation: "WHEN_REQUIRED", responseChecksumValidation: "WHEN_REQUIRED" } : {}),
  });
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
  const keyOf = (key: string): string => {
    const problem = relativePathProblem(key);
    if (problem) throw new Error(`refusing object key "${key}": ${describePathProblem(problem)}`);
    return location.prefix ? `${location.prefix}/${key}` : key;
  };
  const fail = (action: string, key: string, error: unknown): never => {
    throw describeS3Error(action, `s3://${location.bucket}/${keyOf(key)}`, error, options.endpoint);
  };

  return {
    location: where,
    async get(key) {
      try {
        const response = await client.send(new GetObjectCommand({ Bucket: location.bucket, Key: keyOf(key) }));
        return response.Body ? Buffer.from(await response.Body.transformToByteArray()) : Buffer.alloc(0);
      } catch (error) {
        if (isNotFound(error)) return undefined;
        return fail("read", key, error);
      }
    },
    async put(key, body) {
      try {
        await client.send(
          new PutObjectCommand({
            Bucket: location.bucket,
            Key: keyOf(key),
            Body: typeof body === "string" ? Buffer.from(body) : body,
          }),
        );
      } catch (error) {
        fail("write", key, error);
      }
    },
    async putFile(key, file) {
      try {
        const upload = new Upload({
          client,
          params: {
            Bucket: location.bucket,
            Key: keyOf(key),
            Body: createReadStream(file, { highWaterMark: 4 * 1024 * 1024 }),
          },
          partSize: MULTIPART_PART_SIZE,
          queueSize: MULTIPART_QUEUE_SIZE,
          // A failed multipart upload is aborted, so no orphaned parts keep costing storage.
          leavePartsOnError: false,
        });
        await upload.done();
      } catch (error) {
        fail("upload to", key, error);
      }
    },
    async getToFile(key, file) {
      let body: Readable;
      try {
        const response = await client.send(new GetObjectCommand({ Bucket: location.bucket, Key: keyOf(key) }));
        body = response.Body as Readable;
      } catch (error) {
        if (isNotFound(error)) return false;
        return fail("download", key, error);
      }
      await mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.tmp-${randomBytes(6).toString("hex")}`;
      try {
        await pipeline(body, createWriteStream(tmp));
        await rename(tmp, file);
      } catch (error) {
        await rm(tmp, { force: true });
        return fail("download", key, error);
      }
      return true;
    },
    async list(prefix) {
      const keys: string[] = [];
      const fullPrefix =
        prefix === "" ? (location.prefix ? `${location.prefix}/` : "") : keyOf(prefix.replace(/\/$/, "")) + "/";
      let token: string | undefined;
      try {
        do {
          const page = await client.send(
            new ListObjectsV2Command({
              Bucket: location.bucket,
              Prefix: fullPrefix,
              ...(token ? { ContinuationToken: token } : {}),
            }),
          );
          for (const object of page.Contents ?? []) {
            if (object.Key) keys.push(location.prefix ? object.Key.slice(location.prefix.length + 1) : object.Key);
          }
          token = page.IsTruncated ? page.NextContinuationToken : undefined;
        } while (token);
      } catch (error) {
        return fail("list", prefix.replace(/\/$/, ""), error);
      }
      return keys.sort();
    },
    async exists(key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket: location.bucket, Key: keyOf(key) }));
        return true;
      } catch (error) {
        if (isNotFound(error)) return false;
        return fail("check", key, error);
      }
    },
    async delete(key) {
      try {
        await client.send(new DeleteObjectCommand({ Bucket: location.bucket, Key: keyOf(key) }));
      } catch (error) {
        fail("delete", key, error);
      }
    },
  };
}

function isNotFound(error: unknown): boolean {
  if (error instanceof S3ServiceException) {
    return error.name === "NoSuchKey" || error.name === "NotFound" || error.$metadata.httpStatusCode === 404;
  }
  return false;
}

/** One clear sentence for the usual ways S3 fails: unreachable, no bucket, no permission, bad credentials. */
export function describeS3Error(action: string, uri: string, error: unknown, endpoint?: string): ExternalError {
  const server = endpoint ?? "AWS S3";
  if (error instanceof S3ServiceException) {
    const status = error.$metadata.httpStatusCode;
    if (error.name === "NoSuchBucket") {
      return new ExternalError(`cannot ${action} ${uri}: the bucket does not exist`, {
        hint: "check the bucket name and region in registry.uri",
        cause: error,
      });
    }
    if (error.name === "InvalidAccessKeyId" || error.name === "SignatureDoesNotMatch") {
      return new ExternalError(`cannot ${action} ${uri}: the credentials were refused (${error.name})`, {
        hint: "check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY",
        cause: error,
      });
    }
    if (error.name === "AccessDenied" || status === 403) {
      return new ExternalError(`cannot ${action} ${uri}: access denied`, {
        hint: "check the credentials (or the OIDC role) and that its IAM policy allows this action on the bucket",
        cause: error,
      });
    }
    return new ExternalError(`cannot ${action} ${uri}: ${server} answered ${status ?? "?"} ${error.name}`, {
      hint: "retried with backoff; try again later",
      cause: error,
    });
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (
    error instanceof Error &&
    (code === "ECONNREFUSED" ||
      code === "ENOTFOUND" ||
      code === "ECONNRESET" ||
      code === "ETIMEDOUT" ||
      error.name === "TimeoutError")
  ) {
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
