/**
 * A Pushgateway's groups of monitoring windows: the grouping key as a URL path, and deleting a model and alias's
 * older windows so the gateway (and every scrape of it) does not grow by one group per window forever. Prometheus keeps
 * the history: a window's group is only needed until Prometheus has scraped it, and a late label that changes an old
 * window pushes its group again.
 */

/**
 * `/metrics/job/<job>/<name>/<value>...`: a value that is empty, has a `/`, is `.` or `..`, or has anything a path
 * would alter is sent base64url-encoded under `<name>@base64` (an empty one as `=`), as the gateway's API defines.
 */
export function groupPath(job: string, labels: readonly [string, string][]): string {
  return ["/metrics", ...[["job", job] as const, ...labels].map(([name, value]) => segment(name, value))].join("/");
}

function segment(name: string, value: string): string {
  if (/^[A-Za-z0-9_.~-]+$/.test(value) && value !== "." && value !== "..") return `${name}/${value}`;
  const encoded = value === "" ? "=" : Buffer.from(value, "utf8").toString("base64url");
  return `${name}@base64/${encoded}`;
}

export interface PruneOutcome {
  /** The windows whose groups were deleted, by key. */
  deleted: string[];
  /** Why listing or deleting stopped, or null. */
  error: string | null;
}

export interface GatewayRequest {
  base: string;
  headers: Record<string, string>;
  timeoutSeconds: number;
  fetch: typeof fetch;
}

/** A window key's size, from its form (`2026-03-28T23`, `2026-03-28`, `2026-W13`); null for any other form. */
function sizeOfKey(key: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}$/.test(key)) return "hour";
  if (/^\d{4}-\d{2}-\d{2}$/.test(key)) return "day";
  if (/^\d{4}-W\d{2}$/.test(key)) return "week";
  return null;
}

/**
 * Deletes the groups of `group`'s model and alias (exactly the grouping key job, model, alias, window) beyond the
 * newest `keep.newest` windows of each size, never one of `keep.windows`. One attempt per request: what is left is
 * deleted by the next run.
 */
export async function pruneGroups(
  group: { job: string; model: string; alias: string },
  keep: { newest: number; windows: readonly string[] },
  request: GatewayRequest,
): Promise<PruneOutcome> {
  const deleted: string[] = [];
  const call = async (method: "GET" | "DELETE", path: string): Promise<Response> => {
    const answer = await request.fetch(`${request.base}${path}`, {
      method,
      headers: request.headers,
      signal: AbortSignal.timeout(request.timeoutSeconds * 1000),
    });
    if (!answer.ok) throw new Error(`${method} ${path} answered ${answer.status}`);
    return answer;
  };
  try {
    const listing = (await (await call("GET", "/api/v1/metrics")).json()) as { data?: { labels?: unknown }[] };
    const bySize = new Map<string, string[]>();
    for (const entry of listing.data ?? []) {
      const labels = (entry.labels ?? {}) as Record<string, unknown>;
      const window = labels.window;
      const ours =
        Object.keys(labels).length === 4 &&
        labels.job === group.job &&
        labels.model === group.model &&
        labels.alias === group.alias;
      const size = typeof window === "string" ? sizeOfKey(window) : null;
      if (!ours || typeof window !== "string" || size === null) continue;
      bySize.set(size, [...(bySize.get(size) ?? []), window]);
    }
    for (const windows of bySize.values()) {
      // The key forms sort in time order.
      const stale = windows
        .sort()
        .reverse()
        .slice(keep.newest)
        .filter((w) => !keep.windows.includes(w));
      for (const window of stale) {
        const labels: [string, string][] = [
          ["model", group.model],
          ["alias", group.alias],
          ["window", window],
        ];
        await call("DELETE", groupPath(group.job, labels));
        deleted.push(window);
      }
    }
    return { deleted, error: null };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    const words = error instanceof Error ? `${error.message}${cause}` : String(error);
    return { deleted, error: `could not delete older windows' groups: ${words}` };
  }
}
