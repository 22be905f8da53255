import { proxiedFetch } from "../net/proxy.ts";
import type { MonitorAlert } from "./alert.ts";
import { buildWebhookMessage, type WebhookMessage } from "./webhook-message.ts";

/**
 * The chat webhook channel (issue 19): a monitoring run's alert posted as JSON to a URL the workflow takes from a
 * secret. It never throws for the outside world: a webhook that is missing, down, slow or refusing is an outcome
 * returned as data, because the monitor's verdict stands whatever the chat tool does; the door reports it.
 *
 * The URL is a secret (whoever holds it can post to the channel), so no message this module returns contains it, nor
 * its path or query, nor the text of an error that might quote it; the host alone is named, with the variable it came
 * from.
 */

export interface WebhookSettings {
  /** The environment variable holding the URL (set from a secret in the workflow), named in every message. */
  urlEnv: string;
  /** `breach`: post only when the run's verdict is fail; `always`: post on every run (a daily "all healthy" too). */
  send: "breach" | "always";
}

export interface WebhookDeliveryOptions {
  /** Longest wait for one attempt's answer. */
  timeoutMs?: number;
  /** All attempts and waits together stay within this; a retry that would pass it is not made. */
  budgetMs?: number;
  maxAttempts?: number;
  /** The first wait after a failed attempt, doubled each time, when the server gives no Retry-After. */
  backoffMs?: number;
  /** A Retry-After beyond this is not waited for: the delivery is reported as failed instead. */
  maxRetryAfterMs?: number;
  /** Injected so tests record the waits instead of sitting through them. */
  sleep?: (ms: number) => Promise<void>;
  /** Wall-clock milliseconds (Date.now), for the budget and HTTP-date Retry-After values. */
  now?: () => number;
}

export const WEBHOOK_DEFAULTS = {
  timeoutMs: 10_000,
  budgetMs: 60_000,
  maxAttempts: 4,
  backoffMs: 1000,
  maxRetryAfterMs: 30_000,
} as const;

export type WebhookOutcome =
  | {
      outcome: "skipped";
      /** not-configured: the variable is empty (a fork's run has no secrets); no-breach: nothing to say this run. */
      reason: "not-configured" | "no-breach";
      message: string;
    }
  | { outcome: "delivered"; status: number; attempts: number; message: string }
  | {
      outcome: "failed";
      /** The last HTTP status, or null when no answer came (refused, timed out, not a URL). */
      status: number | null;
      /** What went wrong without an answer: `ECONNREFUSED`, `timeout`, `invalid-url` ...; null when one came. */
      error: string | null;
      attempts: number;
      message: string;
    };

/**
 * Posts `alert` to the webhook in `url` (the value of `settings.urlEnv`, read by the door) when `settings` say so.
 * Resolves to what happened; never rejects.
 */
export async function notifyWebhook(
  alert: MonitorAlert,
  settings: WebhookSettings,
  url: string | undefined,
  options: WebhookDeliveryOptions = {},
): Promise<WebhookOutcome> {
  if (url === undefined || url.trim() === "") {
    return {
      outcome: "skipped",
      reason: "not-configured",
      message:
        `the webhook is not configured in this run (${settings.urlEnv} is empty): set it from a secret in the ` +
        `workflow's env; a pull request from a fork gets no secrets, so there it stays empty`,
    };
  }
  if (settings.send === "breach" && alert.verdict !== "fail") {
    return { outcome: "skipped", reason: "no-breach", message: "no breach in this run: the webhook was not called" };
  }
  return postWebhook(url.trim(), buildWebhookMessage(alert), settings.urlEnv, options);
}

/** POSTs `message` as JSON, retrying 5xx, 429 and dropped connections within the budget. Never rejects. */
export async function postWebhook(
  url: string,
  message: WebhookMessage,
  urlEnv: string,
  options: WebhookDeliveryOptions = {},
): Promise<WebhookOutcome> {
  const settings = { ...WEBHOOK_DEFAULTS, ...definedOnly(options) };
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return invalidUrl(urlEnv, "is not a URL");
  }
  if (target.protocol !== "https:" && target.protocol !== "http:")
    return invalidUrl(urlEnv, `is a ${target.protocol.replace(/:$/, "")} URL, not http(s)`);
  const secrets = secretParts(url, target);
  const where = `the webhook at ${target.host} (${urlEnv})`;
  const body = JSON.stringify(message);
  const start = now();
  // Through the proxy the environment names for the webhook's host, if any (Node's fetch ignores it).
  const send = proxiedFetch(target) ?? fetch;

  for (let attempt = 1; ; attempt++) {
    const elapsed = now() - start;
    const timeout = Math.max(1, Math.min(settings.timeoutMs, settings.budgetMs - elapsed));
    let answer: Answer;
    try {
      const response = await send(target, {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8", "user-agent": "mlops-kit" },
        body,
        // A webhook that moved says so rather than have the alert (and a POST turned GET) sent on somewhere else.
        redirect: "manual",
        signal: AbortSignal.timeout(timeout),
      });
      const text = await response.text().catch(() => "");
      answer = { status: response.status, retryAfter: response.headers.get("retry-after"), text };
    } catch (error) {
      answer = { status: null, error: errorCode(error) };
    }

    if (answer.status !== null && answer.status >= 200 && answer.status < 300) {
      return {
        outcome: "delivered",
        status: answer.status,
        attempts: attempt,
        message: `posted to ${where}: ${answer.status}${attempt > 1 ? ` after ${attempt} attempts` : ""}`,
      };
    }
    if (!(answer.status === null || answer.status >= 500 || answer.status === 429))
      return failure(answer, attempt, where, null, secrets);
    const wait = waitBefore(answer, attempt, settings.backoffMs, now);
    const stop = reasonToStop(attempt, wait, now() - start, settings);
    if (stop !== null) return failure(answer, attempt, where, stop, secrets);
    await sleep(wait.ms);
  }
}

/** Why no further attempt is made after a retryable failure, or null to wait and try again. */
function reasonToStop(
  attempt: number,
  wait: Wait,
  elapsed: number,
  settings: { maxAttempts: number; maxRetryAfterMs: number; budgetMs: number },
): string | null {
  const tries = `${attempt} ${attempt === 1 ? "attempt" : "attempts"}`;
  if (attempt >= settings.maxAttempts) return `gave up after ${tries}`;
  if (wait.fromServer && wait.ms > settings.maxRetryAfterMs)
    return `the server asked to wait ${Math.ceil(wait.ms / 1000)} s, more than the ${settings.maxRetryAfterMs / 1000} s allowed`;
  if (elapsed + wait.ms >= settings.budgetMs)
    return `gave up after ${tries}: the next would pass the ${settings.budgetMs / 1000} s budget`;
  return null;
}

type Answer = { status: number; retryAfter: string | null; text: string } | { status: null; error: string };

interface Wait {
  ms: number;
  /** Asked for by the server's Retry-After rather than our own backoff. */
  fromServer: boolean;
}

function waitBefore(answer: Answer, attempt: number, backoffMs: number, now: () => number): Wait {
  const backoff = { ms: backoffMs * 2 ** (attempt - 1), fromServer: false };
  if (answer.status === null || answer.retryAfter === null) return backoff;
  const header = answer.retryAfter.trim();
  // Retry-After is either delay-seconds or an HTTP-date (RFC 9110 §10.2.3).
  if (/^\d+$/.test(header)) return { ms: Number(header) * 1000, fromServer: true };
  const date = Date.parse(header);
  return Number.isNaN(date) ? backoff : { ms: Math.max(0, date - now()), fromServer: true };
}

function failure(
  answer: Answer,
  attempts: number,
  where: string,
  stop: string | null,
  secrets: string[],
): WebhookOutcome {
  const then = stop === null ? "" : ` (${stop})`;
  if (answer.status === null) {
    const what = answer.error === "timeout" ? "did not answer in time" : `could not be reached: ${answer.error}`;
    return {
      outcome: "failed",
      status: null,
      error: answer.error,
      attempts,
      message: redact(`${where} ${what}${then}`, secrets),
    };
  }
  const said = answer.text.trim() === "" ? "" : `: ${truncateLine(answer.text)}`;
  const hint =
    answer.status === 404 || answer.status === 410 || answer.status === 403
      ? "; the webhook may have been removed or revoked: create a new one and update the secret"
      : answer.status >= 300 && answer.status < 400
        ? "; the webhook redirects elsewhere: set the secret to the address it moved to"
        : answer.status === 400
          ? "; the chat tool refused the message's JSON: report it with the run's log"
          : "";
  return {
    outcome: "failed",
    status: answer.status,
    error: null,
    attempts,
    message: redact(`${where} answered ${answer.status}${said}${then}${hint}`, secrets),
  };
}

function invalidUrl(urlEnv: string, what: string): WebhookOutcome {
  return {
    outcome: "failed",
    status: null,
    error: "invalid-url",
    attempts: 0,
    message: `${urlEnv} ${what}: set it to the webhook's https:// address (its value is not shown: it is a secret)`,
  };
}

/** What a fetch rejection means in one word, from undici's cause code; never its message, which may quote the URL. */
function errorCode(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return "timeout";
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  if (typeof cause?.code === "string" && /^[A-Z0-9_]+$/.test(cause.code)) return cause.code;
  return "network-error";
}

/** The forms in which the URL, or the part of it that is the credential, could be echoed back. */
function secretParts(raw: string, url: URL): string[] {
  const parts = [raw, url.href, `${url.pathname}${url.search}`, url.pathname, url.search, url.username, url.password];
  for (const value of url.searchParams.values()) parts.push(value, encodeURIComponent(value));
  // A path segment as long as a token (Slack's are 24 characters, Discord's 68) may be one on its own.
  for (const segment of url.pathname.split("/")) if (segment.length >= 16) parts.push(segment, decodeSafely(segment));
  // Longest first, so a whole URL is replaced before its pieces; pieces too short to be a secret are left alone.
  return [...new Set(parts)].filter((p) => p.length >= 8).sort((a, b) => b.length - a.length);
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function redact(text: string, secrets: string[]): string {
  let out = text;
  for (const secret of secrets) out = out.replaceAll(secret, "[redacted]");
  return out;
}

/** A chat tool's error body (Slack: `invalid_blocks`, `no_text`) as one short line. */
function truncateLine(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<T>;
}
