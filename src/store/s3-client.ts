import type { Agent } from "node:http";
import { S3Client } from "@aws-sdk/client-s3";
import type { RetryClock } from "./retry.ts";

/** The S3 client and the settings of one S3 store (endpoint, credentials, retries, multipart window). */

export interface S3Location {
  bucket: string;
  /** Key prefix without a trailing slash ("" for the bucket root). */
  prefix: string;
}

export interface S3Options {
  region?: string;
  /** An S3-compatible endpoint (MinIO, R2, Ceph, s3rver...). */
  endpoint?: string;
  forcePathStyle?: boolean;
  /**
   * How long each call keeps retrying what may pass (a restarting server, throttling, 5xx, a dropped connection),
   * in seconds: `registry.retry_seconds` (default 30).
   */
  retrySeconds?: number;
  /** At most this many attempts per call, within the budget (default: AWS_MAX_ATTEMPTS, else no cap). */
  maxAttempts?: number;
  /** Time for the retry loop; tests that must not wait inject one. */
  retryClock?: RetryClock;
  /** Explicit credentials; otherwise the standard AWS chain (env, profile, web identity from GitHub OIDC). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Multipart part size in bytes (default {@link MULTIPART_PART_SIZE}; grown for files over ~80 GB). */
  partSize?: number;
  /** Parts in flight at once (default {@link MULTIPART_QUEUE_SIZE}). */
  queueSize?: number;
  /** The proxy's tunnelling agent when the environment names one for the endpoint (net/proxy.ts). */
  proxyAgent?: Agent;
}

/**
 * Parts of 8 MiB, 8 in flight: memory stays near 64 MiB whatever the file size, and 8 connections keep a link busy
 * (awscli uses 8 MB parts and 10 threads).
 */
export const MULTIPART_PART_SIZE = 8 * 1024 * 1024;
export const MULTIPART_QUEUE_SIZE = 8;

/** The region a client for these options talks to. */
export function regionOf(options: Pick<S3Options, "region">, env: NodeJS.ProcessEnv): string {
  return options.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? "us-east-1";
}

export function createS3Client(options: S3Options, env: NodeJS.ProcessEnv = {}): S3Client {
  const custom = options.endpoint !== undefined;
  return new S3Client({
    region: regionOf(options, env),
    ...(custom ? { endpoint: options.endpoint } : {}),
    forcePathStyle: options.forcePathStyle ?? custom,
    // The store retries each call itself, up to a time budget (retry.ts): SDK retries on top would multiply it.
    maxAttempts: 1,
    // Without timeouts a server that stops answering would hang a CI job until its 6 h limit.
    requestHandler: {
      connectionTimeout: 10_000,
      requestTimeout: 120_000,
      ...(options.proxyAgent ? { httpAgent: options.proxyAgent, httpsAgent: options.proxyAgent } : {}),
    },
    ...(credentialsFrom(options, env) ?? {}),
    // S3-compatible servers may mishandle the SDK's default flexible checksums (s3rver stores aws-chunked framing as
    // data). We verify our own sha256 on every download instead, so only send checksums where S3 requires them.
    ...(custom ? { requestChecksumCalculation: "WHEN_REQUIRED", responseChecksumValidation: "WHEN_REQUIRED" } : {}),
  });
}

/** AWS_MAX_ATTEMPTS, the SDKs' standard setting, when it is a sensible number. */
export function attemptsFrom(env: NodeJS.ProcessEnv): number | undefined {
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
