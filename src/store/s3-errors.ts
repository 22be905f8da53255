import { S3ServiceException } from "@aws-sdk/client-s3";
import { ExternalError } from "../errors.ts";
import { describeTunnelRefusal, refusalIsTransient, tunnelRefusal } from "../net/proxy.ts";
import { RetriesExhausted } from "./retry.ts";

/** How S3 failures are told apart (absent, retryable, refused) and said in one sentence. */

export function statusOf(error: unknown): number | undefined {
  return error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
}

/** The key is absent (not the bucket: a missing bucket is a configuration error, not an empty registry). */
export function isNotFound(error: unknown): boolean {
  if (!(error instanceof S3ServiceException) || error.name === "NoSuchBucket" || error.name === "NoSuchUpload") {
    return false;
  }
  return error.name === "NoSuchKey" || error.name === "NotFound" || error.$metadata.httpStatusCode === 404;
}

/** Errors of the connection itself: the server went away, restarts, or the network dropped the request. */
const NETWORK = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
  "ERR_STREAM_PREMATURE_CLOSE",
]);

/** Answers that say "later": throttling, and the server's own trouble. */
const TRANSIENT_NAMES = new Set([
  "SlowDown",
  "Throttling",
  "ThrottlingException",
  "RequestTimeout",
  "RequestTimeTooSkewed",
  "InternalError",
  "ServiceUnavailable",
]);

/**
 * Whether asking again may succeed. Not for 4xx answers (a refusal, an absent key, a failed condition), which say the
 * same every time, except throttling, timeouts and clock skew (the SDK corrects its clock from the answer).
 */
export function isTransientS3Error(error: unknown): boolean {
  if (error instanceof S3ServiceException) {
    const status = error.$metadata.httpStatusCode;
    if (TRANSIENT_NAMES.has(error.name)) return true;
    // 501: the server does not implement it, and never will. No status: the answer never arrived whole.
    if (status === 501 || error.name === "NotImplemented") return false;
    return status === undefined || status >= 500 || status === 429 || status === 408;
  }
  if (!(error instanceof Error)) return false;
  // A proxy that refused the tunnel (filed under ECONNRESET) says the same again, unless it said "later".
  const refusal = tunnelRefusal(error);
  if (refusal !== undefined) return refusalIsTransient(refusal);
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== undefined && NETWORK.has(code)) return true;
  // The SDK's own timeouts (connection and request), and an answer cut off before its end.
  return error.name === "TimeoutError" || /socket hang up|aborted|premature close/i.test(error.message);
}

const UNREACHABLE = new Set([...NETWORK, "ENOTFOUND"]);

/**
 * One clear sentence for the usual ways S3 fails: unreachable, no bucket, no permission, bad credentials; for what
 * was retried, how long it was tried.
 */
export function describeS3Error(action: string, uri: string, thrown: unknown, endpoint?: string): ExternalError {
  const server = endpoint ?? "AWS S3";
  if (thrown instanceof ExternalError) return thrown;
  const exhausted = thrown instanceof RetriesExhausted ? thrown : undefined;
  const error = exhausted ? exhausted.cause : thrown;
  // Only a call that did retry (or was not, because its server had already failed) says so, and for how long.
  const tried = exhausted?.describeTries();
  const tries = tried === undefined ? "" : `; ${tried}`;
  const retryHint = exhausted?.known
    ? "the server stopped answering earlier in this run"
    : "raise registry.retry_seconds to wait longer";
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
        hint:
          "check the credentials (or the OIDC role) and that its IAM policy allows this action on the bucket (the least " +
          "policies: https://github.com/mlops-kit/mlops-kit/blob/main/docs/bucket.md#the-least-iam-policies-and-oidc-from-github-actions-no-stored-keys)",
        cause: error,
      });
    }
    return new ExternalError(`cannot ${action} ${uri}: ${server} answered ${status ?? "?"} ${error.name}${tries}`, {
      hint: tried === undefined ? "try again later" : `try again later, or ${retryHint}`,
      cause: error,
    });
  }
  const refusal = tunnelRefusal(error);
  if (refusal !== undefined) {
    const { message, hint } = describeTunnelRefusal(refusal, server);
    return new ExternalError(`cannot ${action} ${uri}: ${message}${tries}`, { hint, cause: error });
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (error instanceof Error && ((code && UNREACHABLE.has(code)) || error.name === "TimeoutError")) {
    return new ExternalError(`cannot ${action} ${uri}: ${server} is unreachable (${code ?? error.name})${tries}`, {
      hint: `check the network and registry.endpoint${tried === undefined ? "" : `; ${retryHint}`}`,
      cause: error,
    });
  }
  if (error instanceof Error && /credential/i.test(error.message)) {
    return new ExternalError(`cannot ${action} ${uri}: no AWS credentials were found`, {
      hint: "set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, a profile, or use GitHub OIDC with aws-actions/configure-aws-credentials",
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ExternalError(`cannot ${action} ${uri}: ${message}${tries}`, { cause: error });
}
