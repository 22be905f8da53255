import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stand-in for the GitHub Actions cache service (the "v1" REST protocol @actions/cache speaks when the runner sets
 * ACTIONS_CACHE_URL), because the real one exists only inside GitHub's runners (STYLE.md: mock only what cannot
 * exist here). It keeps what the real service guarantees and our backend relies on: a key is matched exactly
 * together with its version (paths + compression), entries are immutable (a second reservation of a key is refused),
 * and an entry becomes visible only when committed. The archive bytes are @actions/cache's real tar.
 */
export interface ActionsCacheServer {
  /** ACTIONS_CACHE_URL for the runner environment (ends with `/`). */
  url: string;
  /** Committed entries by key. */
  entries: Map<string, { version: string; archive: Buffer }>;
  /** Requests seen, as `METHOD path`, to show what the backend did. */
  requests: string[];
  stop(): Promise<void>;
}

export async function startActionsCacheServer(): Promise<ActionsCacheServer> {
  const entries = new Map<string, { version: string; archive: Buffer }>();
  const reservations = new Map<number, { key: string; version: string; chunks: { start: number; data: Buffer }[] }>();
  const requests: string[] = [];
  let nextId = 1;
  let base = "";

  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? "/", "http://localhost");
      requests.push(`${request.method} ${url.pathname}`);
      const body = await readBody(request);
      const json = (status: number, value: unknown): void => {
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify(value));
      };
      const api = "/_apis/artifactcache/";
      // The API wants the runtime token; archive downloads use their own (signed) URL.
      if (url.pathname.startsWith(api) && request.headers.authorization !== "Bearer runtime-token") {
        return json(401, { message: "no token" });
      }
      if (request.method === "GET" && url.pathname === `${api}cache`) {
        const version = url.searchParams.get("version");
        for (const key of (url.searchParams.get("keys") ?? "").split(",")) {
          const entry = entries.get(key);
          if (entry && entry.version === version) {
            return json(200, {
              cacheKey: key,
              scope: "refs/heads/main",
              archiveLocation: `${base}download/${encodeURIComponent(key)}`,
            });
          }
        }
        response.writeHead(204).end();
        return;
      }
      if (request.method === "POST" && url.pathname === `${api}caches`) {
        const { key, version } = JSON.parse(body.toString()) as { key: string; version: string };
        const taken = entries.has(key) || [...reservations.values()].some((r) => r.key === key);
        if (taken) return json(409, { message: `Cache already exists. Scope: refs/heads/main, Key: ${key}` });
        const cacheId = nextId++;
        reservations.set(cacheId, { key, version, chunks: [] });
        return json(201, { cacheId });
      }
      const id = Number(/^\/_apis\/artifactcache\/caches\/(\d+)$/.exec(url.pathname)?.[1]);
      const reservation = reservations.get(id);
      if (reservation && request.method === "PATCH") {
        const start = Number(/^bytes (\d+)-\d+\/\*$/.exec(request.headers["content-range"] ?? "")?.[1]);
        reservation.chunks.push({ start, data: body });
        response.writeHead(204).end();
        return;
      }
      if (reservation && request.method === "POST") {
        const { size } = JSON.parse(body.toString()) as { size: number };
        const archive = Buffer.alloc(size);
        for (const chunk of reservation.chunks) chunk.data.copy(archive, chunk.start);
        entries.set(reservation.key, { version: reservation.version, archive });
        reservations.delete(id);
        response.writeHead(204).end();
        return;
      }
      if (request.method === "GET" && url.pathname.startsWith("/download/")) {
        const entry = entries.get(decodeURIComponent(url.pathname.slice("/download/".length)));
        if (!entry) return json(404, { message: "not found" });
        response.writeHead(200, { "content-length": entry.archive.length });
        response.end(entry.archive);
        return;
      }
      json(404, { message: `no route for ${request.method} ${url.pathname}` });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url: base,
    entries,
    requests,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
