import type { getOctokit } from "@actions/github";
import { ExternalError } from "../errors.ts";
import type { Logger } from "../logging.ts";

/**
 * One GitHub API request, retried: server errors (5xx), rate limits (429) and dropped connections are retried with
 * exponential backoff (or the server's Retry-After), then reported as an {@link ExternalError} that says what went
 * wrong and what to do.
 */

/** What to tell the user when GitHub refuses (401/403): the permission the job lacks, where that is known. */
export interface CallHints {
  forbidden?: string;
}

export type Call = <T>(what: string, request: () => Promise<T>, hints?: CallHints) => Promise<T>;

/** Octokit as @actions/github builds it. */
export type Octokit = ReturnType<typeof getOctokit>;

/** A retried request that is handed the client (client.ts loads it on first use). */
export type OctokitCall = <T>(what: string, request: (octokit: Octokit) => Promise<T>, hints?: CallHints) => Promise<T>;

export interface RetryOptions {
  logger: Logger;
  /** Retries after the first attempt. */
  retries: number;
  /** First backoff delay; doubled on each retry. */
  backoffMs: number;
  sleep: (ms: number) => Promise<void>;
}

/** A Retry-After beyond this is not worth holding a CI job for: report instead. */
const MAX_RETRY_AFTER_MS = 60_000;

/** Reports and comments are what most calls write, so a refusal means these permissions unless a call says otherwise. */
const DEFAULT_FORBIDDEN_HINT =
  "the token may not write here: on a pull request from a fork GITHUB_TOKEN is read-only, so post the report from a " +
  "workflow_run job (https://github.com/mlops-kit/mlops-kit/blob/main/docs/reports.md#pull-requests-from-forks-two-workflows); otherwise grant the job `permissions: pull-requests: write, checks: write`";

interface RequestErrorLike {
  status?: number;
  message: string;
  response?: { data?: unknown; headers?: Record<string, string | number | undefined> };
}

export function createCall(options: RetryOptions): Call {
  const { logger, retries, backoffMs, sleep } = options;
  return async function call<T>(what: string, request: () => Promise<T>, hints: CallHints = {}): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request();
      } catch (thrown) {
        const error = thrown as RequestErrorLike;
        const status = error.status;
        const retryable = status === undefined || status >= 500 || status === 429;
        const delay = retryDelay(error, backoffMs * 2 ** attempt);
        if (!retryable || attempt >= retries || delay > MAX_RETRY_AFTER_MS) {
          throw describeFailure(what, error, attempt + 1, hints);
        }
        logger.warn(
          `GitHub API: ${what} failed (${status ?? "no response"}); retry ${attempt + 1} of ${retries} in ${delay} ms`,
        );
        await sleep(delay);
      }
    }
  };
}

/** The HTTP status of a failed Octokit request, for a caller that treats one status as an answer (404: none). */
export function statusOf(thrown: unknown): number | undefined {
  const status = (thrown as RequestErrorLike | null)?.status;
  return typeof status === "number" ? status : undefined;
}

function retryDelay(error: RequestErrorLike, fallback: number): number {
  const header = error.response?.headers?.["retry-after"];
  if (header === undefined) return fallback;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : fallback;
}

/** What the failure means for the user: fork tokens, missing permissions, GitHub's own validation messages. */
function describeFailure(what: string, error: RequestErrorLike, attempts: number, hints: CallHints): ExternalError {
  const status = error.status;
  const data = error.response?.data as { message?: unknown; errors?: unknown } | undefined;
  const detail = [
    typeof data?.message === "string" ? data.message : error.message,
    ...(Array.isArray(data?.errors)
      ? data.errors.map((e: unknown) =>
          typeof e === "string"
            ? e
            : typeof (e as { message?: unknown }).message === "string"
              ? (e as { message: string }).message
              : JSON.stringify(e),
        )
      : []),
  ].join("; ");
  const tried = attempts > 1 ? ` after ${attempts} attempts` : "";
  const message = `GitHub API: could not ${what}: ${status ?? "no response"}${tried}: ${detail}`;
  if (status === 403 || status === 401) {
    return new ExternalError(message, { hint: hints.forbidden ?? DEFAULT_FORBIDDEN_HINT, cause: error });
  }
  if (status === 404) {
    return new ExternalError(message, {
      hint: "check the repository name and that the token can see it",
      cause: error,
    });
  }
  return new ExternalError(message, { cause: error });
}
