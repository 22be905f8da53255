import type { IncomingMessage } from "node:http";
import type { Caller, StoredRepository, TokenKind } from "./context.ts";

/**
 * Who may do what, answered the way GitHub answers: a repository the caller may not see is 404 (private repositories
 * are not confirmed to exist), a write without a token 401, a write with a read-only token 403 "Resource not
 * accessible by integration", a write to an archived repository 403 "Repository was archived so is read-only.", and a
 * secondary rate limit 403 or 429 with `retry-after`.
 */

/** A secondary rate limit to answer the next matching requests with (GitHub's abuse protection). */
export interface SecondaryLimit {
  /** 403 (what GitHub mostly sends) or 429. */
  status: 403 | 429;
  /** Seconds, sent as the `retry-after` header. */
  retryAfter: number;
  /** How many requests to refuse (default 1). */
  times?: number;
  /** Only requests with this method (default: any). */
  method?: string;
  /** Only paths matching this (default: any). */
  path?: RegExp;
}

export const SECONDARY_LIMIT_MESSAGE =
  "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to " +
  "GitHub Support for help, please include the request ID ";

export const SECONDARY_LIMIT_DOCS =
  "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits";

export interface Refusal {
  status: number;
  message: string;
  headers?: Record<string, string>;
  /** Overrides the operation's documentation link. */
  documentationUrl?: string;
}

/** The caller behind an Authorization header: a known token's kind, `fallback` for any other token, or anonymous. */
export function callerOf(request: IncomingMessage, tokens: Record<string, TokenKind>, fallback: TokenKind): Caller {
  const match = /^(?:token|Bearer) (\S+)$/.exec(request.headers.authorization ?? "");
  if (!match?.[1]) return { kind: "anonymous" };
  return { kind: tokens[match[1]] ?? fallback, token: match[1] };
}

/** Takes the first queued secondary limit matching the request, if any, as the refusal to answer with. */
export function takeSecondaryLimit(
  queue: SecondaryLimit[],
  method: string,
  path: string,
  requestId: string,
): Refusal | undefined {
  const index = queue.findIndex((l) => (!l.method || l.method === method) && (!l.path || l.path.test(path)));
  if (index < 0) return undefined;
  const limit = queue[index] as SecondaryLimit;
  limit.times = (limit.times ?? 1) - 1;
  if (limit.times <= 0) queue.splice(index, 1);
  return {
    status: limit.status,
    message: `${SECONDARY_LIMIT_MESSAGE}${requestId}.`,
    headers: { "retry-after": String(limit.retryAfter), "x-ratelimit-remaining": "4999" },
    documentationUrl: SECONDARY_LIMIT_DOCS,
  };
}

/**
 * Whether the caller may make this request of this repository. `repository` is undefined for an area that keeps no
 * repository (issues, checks, pulls on a server told of no repositories): it is treated as private and writable.
 */
export function refusal(caller: Caller, method: string, repository: StoredRepository | undefined): Refusal | undefined {
  const write = method !== "GET" && method !== "HEAD";
  const visibility = repository?.visibility ?? "private";
  if (caller.kind === "anonymous") {
    if (visibility === "private") return { status: 404, message: "Not Found" };
    if (write) return { status: 401, message: "Requires authentication" };
    return undefined;
  }
  if (!write) return undefined;
  if (caller.kind === "read-only") return { status: 403, message: "Resource not accessible by integration" };
  if (repository?.archived) return { status: 403, message: "Repository was archived so is read-only." };
  return undefined;
}
