import { proxiedFetch } from "../net/proxy.ts";
import { createRetrier, RetriesExhausted, type RetryClock } from "../store/retry.ts";
import type { MonitorAlert } from "./alert.ts";
import { exposeWindows, renderFamilies } from "./prometheus-exposition.ts";
import { groupPath, pruneGroups, type PruneOutcome } from "./prometheus-groups.ts";

/**
 * Pushing a run's windows to a Prometheus Pushgateway (https://github.com/prometheus/pushgateway#api): one group per
 * window, its grouping key in the path (`/metrics/job/<job>/model/<m>/alias/<a>/window/<key>`), sent with PUT, so a
 * window pushed again (a late label changed its figures) replaces its own group and nothing else. Prometheus scrapes
 * the gateway with `honor_labels: true` to keep these labels.
 *
 * A failure never throws: a 5xx answer, a 429 or a connection that fails or times out is retried with backoff within a
 * time budget, a 4xx is final, and the outcome says, per window, what was pushed and what failed with the HTTP status
 * and the gateway's own words. A gateway that gives no answer at all (refused, reset, timed out) once its budget is
 * spent is not asked again in this run: the remaining windows are reported as not tried, so a dead or hanging gateway
 * costs one budget and one timeout per run, not one per window. After a window's 5xx answers spent the budget, the
 * remaining windows get one attempt each.
 */

export interface PushSettings {
  /** The gateway's base URL (`http://pushgateway:9091`, or with its route prefix); `user:password@` becomes Basic auth. */
  url: string;
  /** The `job` label of every group. */
  job: string;
  /** How long one window's push keeps retrying, from its first attempt; 0 makes one attempt. */
  retrySeconds: number;
  /** How long one request may take before it counts as failed (and is retried). */
  timeoutSeconds: number;
  /** Extra request headers (an `Authorization` read from a secret by the door). */
  headers?: Record<string, string>;
  /**
   * After pushing, delete this model and alias's groups beyond the newest `keepWindows` of each window size (the
   * windows this run pushed always stay); null keeps every group, so the gateway grows by one group per window.
   */
  keepWindows: number | null;
}

export interface PushedWindow {
  window: string;
  /** The group's URL (credentials removed). */
  url: string;
  status: number;
  attempts: number;
}

export interface FailedPush {
  window: string;
  url: string;
  /** The gateway's HTTP status; null when no answer came (refused, reset, timed out). */
  status: number | null;
  /** What went wrong, in words: the gateway's answer or the connection's error. */
  error: string;
  attempts: number;
}

export interface PushOutcome {
  /** The gateway's URL (credentials removed). */
  gateway: string;
  job: string;
  pushed: PushedWindow[];
  failed: FailedPush[];
  /** Older windows' groups deleted (keepWindows), or null when not asked for or nothing was pushed. */
  pruned: PruneOutcome | null;
}

/** What the push needs from outside: `fetch` and time (tests make the backoff instant). */
export interface PushDependencies {
  fetch?: typeof fetch;
  clock?: RetryClock;
}

export async function pushWindows(
  alert: MonitorAlert,
  settings: PushSettings,
  dependencies: PushDependencies = {},
): Promise<PushOutcome> {
  const target = parseGateway(settings.url);
  if (typeof target === "string") {
    const shown = withoutCredentials(settings.url);
    const failed = alert.windows.map((w) => ({ window: w.key, url: shown, status: null, error: target, attempts: 0 }));
    return { gateway: shown, job: settings.job, pushed: [], failed, pruned: null };
  }
  const { base, authorization } = target;
  // Through the proxy the environment names for the gateway's host, if any (Node's fetch ignores it).
  const send = dependencies.fetch ?? proxiedFetch(new URL(base)) ?? fetch;
  const headers: Record<string, string> = {
    "content-type": "text/plain; version=0.0.4; charset=utf-8",
    ...(authorization ? { authorization } : {}),
    ...settings.headers,
  };
  const retrier = createRetrier({ seconds: settings.retrySeconds }, dependencies.clock);
  const outcome: PushOutcome = { gateway: base, job: settings.job, pushed: [], failed: [], pruned: null };
  let silent: string | null = null;
  for (const window of alert.windows) {
    const path = groupPath(settings.job, [
      ["model", alert.model],
      ["alias", alert.alias],
      ["window", window.key],
    ]);
    const url = `${base}${path}`;
    if (silent !== null) {
      outcome.failed.push({ window: window.key, url, status: null, error: `not tried: ${silent}`, attempts: 0 });
      continue;
    }
    const body = renderFamilies(exposeWindows(alert, [window]).families);
    let attempts = 0;
    try {
      const status = await retrier.run(async (number) => {
        attempts = number;
        const answer = await send(url, {
          method: "PUT",
          headers,
          body,
          signal: AbortSignal.timeout(settings.timeoutSeconds * 1000),
        });
        const text = await answer.text().catch(() => "");
        if (!answer.ok) throw new GatewayAnswer(answer.status, text);
        return answer.status;
      }, isTransient);
      outcome.pushed.push({ window: window.key, url, status, attempts });
    } catch (error) {
      const last = error instanceof RetriesExhausted ? error.cause : error;
      const tries = error instanceof RetriesExhausted ? error.describeTries() : undefined;
      const status = last instanceof GatewayAnswer ? last.status : null;
      const words = describeFailure(last, settings.timeoutSeconds) + (tries ? ` (${tries})` : "");
      outcome.failed.push({ window: window.key, url, status, error: words, attempts });
      if (status === null) silent = `the gateway did not answer the push of window ${window.key}`;
    }
  }
  if (settings.keepWindows !== null && outcome.pushed.length > 0) {
    const group = { job: settings.job, model: alert.model, alias: alert.alias };
    const keep = { newest: settings.keepWindows, windows: outcome.pushed.map((p) => p.window) };
    const request = { base, headers, timeoutSeconds: settings.timeoutSeconds, fetch: send };
    outcome.pruned = await pruneGroups(group, keep, request);
  }
  return outcome;
}

/** A non-2xx answer from the gateway. */
class GatewayAnswer extends Error {
  readonly status: number;
  constructor(status: number, body: string) {
    const said = body.trim().replace(/\s+/g, " ").slice(0, 300);
    super(`the gateway answered ${status}${said ? `: ${said}` : ""}`);
    this.status = status;
  }
}

function isTransient(error: unknown): boolean {
  if (error instanceof GatewayAnswer) return error.status >= 500 || error.status === 429;
  // fetch rejects with a TypeError when the connection fails and with a TimeoutError/AbortError when it times out.
  return (
    error instanceof Error &&
    (error.name === "TypeError" || error.name === "TimeoutError" || error.name === "AbortError")
  );
}

function describeFailure(error: unknown, timeoutSeconds: number): string {
  if (error instanceof GatewayAnswer) return error.message;
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))
    return `no answer within ${timeoutSeconds} s`;
  if (error instanceof Error) {
    const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
    const code = typeof cause?.code === "string" ? cause.code : undefined;
    const detail = typeof cause?.message === "string" ? cause.message : error.message;
    return `could not reach the gateway: ${detail}${code && !detail.includes(code) ? ` (${code})` : ""}`;
  }
  return `could not reach the gateway: ${String(error)}`;
}

/**
 * The gateway's base URL without credentials (Node's fetch refuses URLs with them: they travel as a Basic Authorization
 * header and are never shown), or why it is not one.
 */
function parseGateway(url: string): { base: string; authorization: string | null } | string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `the Pushgateway URL ${JSON.stringify(withoutCredentials(url))} is not a URL (expected http://host:9091)`;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    return `the Pushgateway URL must start with http:// or https://, not ${parsed.protocol}`;
  parsed.search = "";
  parsed.hash = "";
  let authorization: string | null = null;
  if (parsed.username || parsed.password) {
    const pair = `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`;
    authorization = `Basic ${Buffer.from(pair, "utf8").toString("base64")}`;
    parsed.username = "";
    parsed.password = "";
  }
  return { base: parsed.href.replace(/\/+$/, ""), authorization };
}

/** A URL as it may be shown: anything between `//` and an `@` taken out. */
function withoutCredentials(url: string): string {
  return url.replace(/\/\/[^/@]*@/, "//");
}
