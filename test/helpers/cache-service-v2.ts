import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  BlobSASPermissions,
  BlobServiceClient,
  generateBlobSASQueryParameters,
  StorageSharedKeyCredential,
} from "@azure/storage-blob";
import { AZURITE_ACCOUNT, AZURITE_ACCOUNT_KEY } from "./azurite.ts";
import { BLOB_HOST } from "./blob-endpoint.ts";

/**
 * A stand-in for GitHub's cache service v2 (the "results" service), which exists only behind github.com's runners
 * (STYLE.md: mock only what cannot exist here). It speaks the Twirp JSON that @actions/cache 6 sends and reads, and
 * hands out real SAS-signed URLs of Azurite, so the archive bytes go through Azure's blob protocol as in production.
 *
 * Sources of truth, in node_modules/@actions/cache/lib:
 * - internal/shared/cacheTwirpClient.js: `POST {ACTIONS_RESULTS_URL}twirp/<service>/<method>` with a Bearer runtime
 *   token and `Content-Type: application/json`; a non-2xx answer's JSON `msg` becomes the error text; 500/502/503/504
 *   are retried (5 attempts, 3 s backoff growing 1.5x), other statuses are not.
 * - generated/results/api/v1/cache.js: the messages, with proto field names (`restore_keys`, `size_bytes` as an int64
 *   string, `signed_upload_url`, `signed_download_url`, `matched_key`, `entry_id`).
 * - cache.js restoreCacheV2/saveCacheV2: a miss is `ok: false`; a write refused by policy is `ok: false` with a
 *   message starting `cache write denied:`.
 * What GitHub's service guarantees, kept here: an entry is a (scope, key, version) and immutable once finalized: a
 * second CreateCacheEntry of it is refused with 409 `already_exists` "cache entry with the same key, version, and
 * scope already exists" (the message users see, actions/cache#1541). The runtime token (a JWT whose `ac` claim lists
 * the run's cache scopes: `[{"Scope":"refs/heads/main","Permission":3}]`, 1 = read, 2 = write) decides where a run
 * writes (its own ref) and what it reads (its ref first, then the others it lists, e.g. the default branch for a PR).
 * Lookups, per readable scope in order: the key exactly, the key as a prefix, then each restore key exactly and as a
 * prefix, newest first (GitHub's docs, "Matching a cache key").
 */

const SERVICE = "github.actions.results.api.v1.CacheService";
const CONTAINER = "actions-cache";
const TOKEN_SECRET = "cache-service-v2-stand-in";

export type TwirpMethod = "CreateCacheEntry" | "FinalizeCacheEntryUpload" | "GetCacheEntryDownloadURL";

export interface CacheScopeGrant {
  scope: string;
  /** 1 read, 2 write, 3 both (the token's bit flags). */
  permission: 1 | 2 | 3;
}

export interface CacheEntryV2 {
  id: number;
  scope: string;
  key: string;
  version: string;
  blob: string;
  finalized: boolean;
  sizeBytes: number;
}

export interface CacheServiceV2 {
  /** ACTIONS_RESULTS_URL (ends with `/`, as the runner's does). */
  resultsUrl: string;
  /** A runtime token for a run with these cache scopes; its own ref (read and write) comes first. */
  runtimeToken(scopes: CacheScopeGrant[]): string;
  entries: CacheEntryV2[];
  /** `Method key` of every call that passed the token check, and `401 Method` of those that did not. */
  calls: string[];
  /**
   * Answers calls of `method` with this 5xx (a Twirp `unavailable`/`internal` error) from now on, only for runs whose
   * own ref is `scope` when given (so tests on different branches can run at once); null serves them again.
   */
  failWith(method: TwirpMethod, status: number | null, scope?: string): void;
  stop(): Promise<void>;
}

export async function startCacheServiceV2(azuriteOrigin: string): Promise<CacheServiceV2> {
  const credential = new StorageSharedKeyCredential(AZURITE_ACCOUNT, AZURITE_ACCOUNT_KEY);
  const container = new BlobServiceClient(`${azuriteOrigin}/${AZURITE_ACCOUNT}`, credential).getContainerClient(
    CONTAINER,
  );
  await container.createIfNotExists();
  const entries: CacheEntryV2[] = [];
  const calls: string[] = [];
  const failures = new Map<string, number>();
  const failureFor = (method: TwirpMethod, scopes: CacheScopeGrant[]): number | undefined =>
    failures.get(`${method} ${scopes[0]?.scope ?? ""}`) ?? failures.get(`${method} *`);

  const signedUrl = (blob: string, permissions: string): string => {
    const sas = generateBlobSASQueryParameters(
      {
        containerName: CONTAINER,
        blobName: blob,
        permissions: BlobSASPermissions.parse(permissions),
        expiresOn: new Date(Date.now() + 60 * 60_000),
      },
      credential,
    );
    return `http://${BLOB_HOST}/${CONTAINER}/${blob}?${sas.toString()}`;
  };

  const handlers: Record<TwirpMethod, (body: Record<string, unknown>, scopes: CacheScopeGrant[]) => Promise<Answer>> = {
    CreateCacheEntry: (body, scopes) => {
      const { key, version } = body as { key: string; version: string };
      const writable = scopes.find((s) => (s.permission & 2) !== 0);
      if (!writable) {
        return Promise.resolve(ok({ ok: false, message: "cache write denied: the token grants no writable scope" }));
      }
      const same = (e: CacheEntryV2): boolean => e.scope === writable.scope && e.key === key && e.version === version;
      if (entries.some((e) => same(e) && e.finalized)) {
        return Promise.resolve(
          twirpError(409, "already_exists", "cache entry with the same key, version, and scope already exists"),
        );
      }
      // An unfinished upload of the same entry (a cancelled job) is replaced, or the key would be blocked for good.
      const pending = entries.findIndex((e) => same(e) && !e.finalized);
      if (pending !== -1) entries.splice(pending, 1);
      const id = Math.max(0, ...entries.map((e) => e.id)) + 1;
      // Named after the scope, so that a test can make one branch's blobs fail (blob-endpoint.ts).
      const blob = `${writable.scope}/${id}/cache.tzst`;
      entries.push({ id, scope: writable.scope, key, version, blob, finalized: false, sizeBytes: 0 });
      return Promise.resolve(ok({ ok: true, signed_upload_url: signedUrl(blob, "cw") }));
    },
    FinalizeCacheEntryUpload: async (body, scopes) => {
      const { key, version, size_bytes: size } = body as { key: string; version: string; size_bytes?: string };
      const writable = scopes.find((s) => (s.permission & 2) !== 0);
      const entry = entries.find(
        (e) => e.scope === writable?.scope && e.key === key && e.version === version && !e.finalized,
      );
      if (!entry) return twirpError(404, "not_found", "no cache entry is being uploaded with this key and version");
      const stored = await container
        .getBlobClient(entry.blob)
        .getProperties()
        .then((p) => p.contentLength ?? -1)
        .catch(() => -1);
      if (stored !== Number(size ?? 0)) {
        return ok({ ok: false, message: `the uploaded archive has ${stored} bytes, not ${size ?? 0}` });
      }
      Object.assign(entry, { finalized: true, sizeBytes: stored });
      return ok({ ok: true, entry_id: String(entry.id) });
    },
    GetCacheEntryDownloadURL: (body, scopes) => {
      const { key, version } = body as { key: string; version: string };
      const restoreKeys = (body.restore_keys as string[] | undefined) ?? [];
      for (const grant of scopes.filter((s) => (s.permission & 1) !== 0)) {
        const candidates = entries
          .filter((e) => e.finalized && e.scope === grant.scope && e.version === version)
          .sort((a, b) => b.id - a.id);
        for (const wanted of [key, ...restoreKeys]) {
          const found = candidates.find((e) => e.key === wanted) ?? candidates.find((e) => e.key.startsWith(wanted));
          if (found) {
            return Promise.resolve(
              ok({ ok: true, signed_download_url: signedUrl(found.blob, "r"), matched_key: found.key }),
            );
          }
        }
      }
      return Promise.resolve(ok({ ok: false }));
    },
  };

  const server: Server = createServer((request, response) => {
    void serve(request, response).catch((error: unknown) => {
      send(response, twirpError(500, "internal", `the stand-in failed: ${String(error)}`));
    });
  });
  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const route = new RegExp(`^/twirp/${SERVICE.replace(/\./g, "\\.")}/(\\w+)$`).exec(request.url ?? "");
    const method = route?.[1] as TwirpMethod | undefined;
    if (request.method !== "POST" || !method || !(method in handlers)) {
      return send(response, twirpError(404, "bad_route", `no handler for ${request.method} ${request.url}`));
    }
    if (!String(request.headers["content-type"]).startsWith("application/json")) {
      return send(response, twirpError(404, "bad_route", "the JSON client must send Content-Type: application/json"));
    }
    const scopes = verifyToken(request.headers.authorization);
    if (!scopes) {
      calls.push(`401 ${method}`);
      return send(response, twirpError(401, "unauthenticated", "the runtime token is missing or invalid"));
    }
    const parsed = parseRequest(method, body);
    if (typeof parsed === "string") return send(response, twirpError(400, "malformed", parsed));
    calls.push(`${method} ${String(parsed.key)}`);
    const failure = failureFor(method, scopes);
    if (failure !== undefined) {
      const code = failure === 503 ? "unavailable" : "internal";
      return send(response, twirpError(failure, code, `the cache service is failing (a test made ${method} fail)`));
    }
    send(response, await handlers[method](parsed, scopes));
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    resultsUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    runtimeToken: (scopes) => signToken(scopes),
    entries,
    calls,
    failWith: (method, status, scope) => {
      if (status === null) failures.delete(`${method} ${scope ?? "*"}`);
      else failures.set(`${method} ${scope ?? "*"}`, status);
    },
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface Answer {
  status: number;
  body: unknown;
}

const ok = (body: unknown): Answer => ({ status: 200, body });
const twirpError = (status: number, code: string, msg: string): Answer => ({ status, body: { code, msg, meta: {} } });

function send(response: ServerResponse, answer: Answer): void {
  response.writeHead(answer.status, { "content-type": "application/json" });
  response.end(JSON.stringify(answer.body));
}

/** The fields each request may carry (proto names); Go's protojson, which Twirp uses, refuses unknown ones. */
const REQUEST_FIELDS: Record<TwirpMethod, Record<string, "string" | "strings" | "object">> = {
  CreateCacheEntry: { metadata: "object", key: "string", version: "string" },
  FinalizeCacheEntryUpload: { metadata: "object", key: "string", version: "string", size_bytes: "string" },
  GetCacheEntryDownloadURL: { metadata: "object", key: "string", version: "string", restore_keys: "strings" },
};

function parseRequest(method: TwirpMethod, body: string): Record<string, unknown> | string {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return "the request body is not JSON";
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "the request is not a JSON object";
  const fields = REQUEST_FIELDS[method];
  for (const [name, field] of Object.entries(value)) {
    const kind = fields[name];
    if (!kind) return `unknown field "${name}" in ${method}Request`;
    const fits =
      kind === "strings"
        ? Array.isArray(field) && field.every((f) => typeof f === "string")
        : kind === "object"
          ? typeof field === "object" && field !== null
          : typeof field === "string";
    if (!fits) return `field "${name}" of ${method}Request is not a ${kind}`;
  }
  const record = value as Record<string, unknown>;
  if (!record.key || !record.version) return `${method}Request needs a key and a version`;
  return record;
}

function base64url(data: string | Buffer): string {
  return Buffer.from(data).toString("base64url");
}

/** An HS256 JWT shaped like the runner's ACTIONS_RUNTIME_TOKEN (issuer and `ac` claim), signed by the stand-in. */
function signToken(scopes: CacheScopeGrant[]): string {
  const header = base64url(JSON.stringify({ typ: "JWT", alg: "HS256" }));
  const claims = base64url(
    JSON.stringify({
      iss: "vstoken.actions.githubusercontent.com",
      ac: JSON.stringify(scopes.map((s) => ({ Scope: s.scope, Permission: s.permission }))),
      exp: Math.floor(Date.now() / 1000) + 3600,
    }),
  );
  const signature = createHmac("sha256", TOKEN_SECRET).update(`${header}.${claims}`).digest();
  return `${header}.${claims}.${base64url(signature)}`;
}

/** The token's cache scopes, or null when it is missing, forged or expired. */
function verifyToken(authorization: string | undefined): CacheScopeGrant[] | null {
  const [header, claims, signature] = /^Bearer (.+)$/.exec(authorization ?? "")?.[1]?.split(".") ?? [];
  if (!header || !claims || !signature) return null;
  const expected = createHmac("sha256", TOKEN_SECRET).update(`${header}.${claims}`).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const payload = JSON.parse(Buffer.from(claims, "base64url").toString()) as { ac: string; exp: number };
  if (payload.exp * 1000 < Date.now()) return null;
  const grants = JSON.parse(payload.ac) as { Scope: string; Permission: 1 | 2 | 3 }[];
  return grants.map((g) => ({ scope: g.Scope, permission: g.Permission }));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}
