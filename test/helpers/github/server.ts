import { createHash, randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { type MatchedOperation, findOperation, requestProblems, responseSchema, validate } from "../openapi.ts";
import { type Refusal, type SecondaryLimit, callerOf, refusal, takeSecondaryLimit } from "./access.ts";
import { ASSET_SIZE_LIMIT, type AssetsState, assetHandlers, serveDownload } from "./assets.ts";
import { initBareRepository } from "./bare-repo.ts";
import { type ChecksState, checkHandlers } from "./checks.ts";
import type { Handler, Hosts, RepositoryOptions, RequestContext, StoredRepository, TokenKind } from "./context.ts";
import { type DeploymentsState, deploymentHandlers, deploymentsState } from "./deployments.ts";
import { type EnvironmentsState, environmentHandlers, environmentsState, storedEnvironment } from "./environments.ts";
import { gitObjectHandlers } from "./git-objects.ts";
import { gitRefHandlers } from "./git-refs.ts";
import { type IssuesState, issueHandlers } from "./issues.ts";
import { releaseHandlers } from "./releases.ts";

/**
 * A stand-in for api.github.com on loopback, reached through the real Octokit client (STYLE.md: real protocols). It
 * keeps issue comments, check runs, pull requests and issues; repositories with releases, release assets (on an uploads
 * host and a signed download host of their own), a real bare git repository behind the Git Data API, and deployments,
 * environments and runs' deployment reviews (./deployments.ts, ./environments.ts). It answers with
 * GitHub's documented example bodies, checks every request (method, path, parameters, body) and its own successful
 * responses against GitHub's published REST description, and refuses what GitHub refuses the same way: a read-only
 * (fork) token's writes 403, anonymous reads of a private repository 404, writes to an archived one 403, queued
 * failures and secondary rate limits.
 */

export interface RecordedRequest {
  method: string;
  path: string;
  /** The documented path template, e.g. /repos/{owner}/{repo}/check-runs. */
  template: string | null;
  operationId: string | null;
  query: Record<string, string>;
  body: unknown;
  authorization: string | undefined;
  status: number;
  /** What did not match GitHub's description (the server answered 400 for it). */
  problems: string[];
}

export interface QueuedFailure {
  method: string;
  path: RegExp;
  status: number;
  times: number;
  headers?: Record<string, string>;
}

export interface FakeGitHubOptions {
  /** Repositories to create at start (owner/name -> settings), each with a bare git repository. */
  repositories?: Record<string, RepositoryOptions>;
  /** Bytes one release asset may have (GitHub: 2 GiB). */
  assetSizeLimit?: number;
  /** false: assets carry no digest, as on a GitHub Enterprise Server from before asset digests. */
  assetDigests?: boolean;
  /**
   * The host name in every URL the stand-in hands out (its API root, releases' upload_url, the signed download URLs);
   * its servers still listen on 127.0.0.1. A name that resolves nowhere (`github.invalid`) leaves a proxy as the only
   * way to them (test/helpers/connect-proxy.ts). Default 127.0.0.1.
   */
  hostName?: string;
}

/** API calls made, for benchmarks and docs/benchmarks.md's "calls per run". */
export interface CallCounts {
  total: number;
  /** Conditional requests answered 304: GitHub does not count them against the rate limit. */
  notModified: number;
  byOperation: Record<string, number>;
}

export interface FakeGitHub
  extends IssuesState, ChecksState, DeploymentsState, EnvironmentsState, Omit<AssetsState, "dataDir" | "signingKey"> {
  /** The REST root to pass as baseUrl (like GITHUB_API_URL). */
  url: string;
  /** The uploads host (uploads.github.com's stand-in) that releases' `upload_url` names. */
  uploadsUrl: string;
  /** The host of the signed URLs an asset download redirects to (objects.githubusercontent.com's stand-in). */
  downloadsUrl: string;
  requests: RecordedRequest[];
  /** The kind of any token not named in `tokens`; "read-only" is a fork pull request's token. */
  tokenScope: TokenKind;
  /** Tokens with a kind of their own (token -> kind). A request without a token is anonymous. */
  tokens: Record<string, TokenKind>;
  failNext(failure: QueuedFailure): void;
  /** Answers the next matching requests as GitHub's secondary rate limit does. */
  limitNext(limit: SecondaryLimit): void;
  /** Creates a repository (a bare git repository whose default branch has one commit). */
  addRepository(fullName: string, options?: RepositoryOptions): Promise<StoredRepository>;
  calls(): CallCounts;
  /** The operation ids (as GitHub's description names them) the stand-in serves. */
  operations: string[];
  /** Every request or response that did not match GitHub's description: a test expects none. */
  problems(): string[];
  stop(): Promise<void>;
}

export { COMMENT_BODY_LIMIT } from "./issues.ts";

async function listen(handler: (request: IncomingMessage, response: ServerResponse) => Promise<void>): Promise<{
  server: Server;
  url: string;
}> {
  const server = createServer((request, response) => {
    void handler(request, response).catch((error: unknown) => {
      if (response.headersSent) return void response.destroy();
      response.writeHead(500, { "content-type": "application/json" });
      response.end(JSON.stringify({ message: String(error) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function readJson(request: IncomingMessage, problems: string[]): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  if (raw === "") return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    problems.push("the body is not JSON");
    return undefined;
  }
}

const UPLOAD = "repos/upload-release-asset";
/**
 * Where GitHub answers what its own description does not allow. An asset whose upload broke off stays, listed, in the
 * state "starter" (the docs of "Upload a release asset": "This may leave an empty asset with a state of `starter`");
 * the description's enum names only "uploaded" and "open".
 */
const KNOWN_DIVERGENCES = [/\.state: "starter" is not one of /];

/** GitHub's limit on the entries of one tree listing (its docs on get-tree). */
const TREE_ENTRY_LIMIT = 100_000;

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  let nextId = 1000;
  let requestCount = 0;
  const failures: QueuedFailure[] = [];
  const limits: SecondaryLimit[] = [];
  const responseProblems: string[] = [];
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "fake-github-"));
  const repositories = new Map<string, StoredRepository>();
  const state: Omit<FakeGitHub, "url" | "uploadsUrl" | "downloadsUrl" | "stop" | "operations"> & AssetsState = {
    requests: [],
    comments: [],
    checkRuns: [],
    pulls: [],
    issues: [],
    dispatches: [],
    tokenScope: "write",
    tokens: {},
    author: { login: "github-actions[bot]", type: "Bot", association: "NONE" },
    repositories,
    ...deploymentsState(repositories),
    ...environmentsState(repositories, () => nextId++),
    assetSizeLimit: options.assetSizeLimit ?? ASSET_SIZE_LIMIT,
    assetDigests: options.assetDigests ?? true,
    uploadStats: { maxChunkBytes: 0, maxBufferedBytes: 0, totalBytes: 0 },
    downloads: [],
    uploadFaults: [],
    breakNextUpload: (fault) => void state.uploadFaults.push({ ...fault }),
    dataDir,
    signingKey: randomBytes(16).toString("hex"),
    failNext: (failure) => void failures.push({ ...failure }),
    limitNext: (limit) => void limits.push({ ...limit }),
    seedComment: (comment) => {
      const stored = { ...comment, id: nextId++ };
      state.comments.push(stored);
      return stored;
    },
    addRepository: async (fullName, settings = {}) => {
      const [owner = "", name = ""] = fullName.split("/");
      const gitDir = path.join(dataDir, "git", fullName);
      await mkdir(gitDir, { recursive: true });
      const defaultBranch = settings.defaultBranch ?? "main";
      await initBareRepository(gitDir, defaultBranch, name);
      const repository: StoredRepository = {
        owner,
        name,
        fullName,
        visibility: settings.visibility ?? "private",
        archived: settings.archived ?? false,
        immutableReleases: settings.immutableReleases ?? false,
        defaultBranch,
        gitDir,
        releases: [],
        latestReleaseId: null,
        treeEntryLimit: TREE_ENTRY_LIMIT,
        environments: Object.entries(settings.environments ?? {}).map(([environment, rules]) =>
          storedEnvironment(environment, rules, nextId++),
        ),
        deployments: [],
        runReviews: new Map(),
        pendingDeployments: new Map(),
      };
      state.repositories.set(fullName.toLowerCase(), repository);
      return repository;
    },
    calls: () => {
      const byOperation: Record<string, number> = {};
      for (const r of state.requests)
        byOperation[r.operationId ?? "unknown"] = (byOperation[r.operationId ?? "unknown"] ?? 0) + 1;
      return {
        total: state.requests.length,
        notModified: state.requests.filter((r) => r.status === 304).length,
        byOperation,
      };
    },
    problems: () => [
      ...state.requests.flatMap((r) => r.problems.map((p) => `${r.method} ${r.path}: ${p}`)),
      ...responseProblems,
    ],
  };

  const assets = assetHandlers(state);
  const deployments = { ...deploymentHandlers(state), ...environmentHandlers(state) };
  const handlers: Record<string, Handler> = {
    ...issueHandlers(state),
    ...checkHandlers(state),
    ...releaseHandlers,
    ...assets,
    ...gitObjectHandlers,
    ...gitRefHandlers,
    ...deployments,
  };
  // These areas keep their data in a repository: a repository the server was not told of does not exist.
  const storedAreas = new Set([
    ...Object.keys(releaseHandlers),
    ...Object.keys(assets),
    ...Object.keys(gitObjectHandlers),
    ...Object.keys(gitRefHandlers),
    ...Object.keys(deployments),
  ]);

  const api = await listen((request, response) => handle("api", request, response));
  const uploads = await listen((request, response) => handle("uploads", request, response));
  const objects = await listen((request, response) => serveDownload(state, request, response));
  const named = (url: string): string => {
    const renamed = new URL(url);
    renamed.hostname = options.hostName ?? renamed.hostname;
    return renamed.origin;
  };
  const hosts: Hosts = { api: named(api.url), uploads: named(uploads.url), objects: named(objects.url) };

  async function handle(host: "api" | "uploads", request: IncomingMessage, response: ServerResponse): Promise<void> {
    const target = new URL(request.url ?? "/", host === "api" ? hosts.api : hosts.uploads);
    const method = request.method ?? "GET";
    const problems: string[] = [];
    const matched = findOperation(method, target.pathname);
    const operationId = matched?.operation.operationId ?? null;
    // An upload's raw body is streamed by its handler; every other body is small JSON.
    const body = operationId === UPLOAD ? undefined : await readJson(request, problems);
    const requestId = `F4KE:${(++requestCount).toString(16).toUpperCase()}`;
    const recorded: RecordedRequest = {
      method,
      path: target.pathname,
      template: matched?.template ?? null,
      operationId,
      query: Object.fromEntries(target.searchParams),
      body,
      authorization: request.headers.authorization,
      status: 0,
      problems,
    };
    state.requests.push(recorded);
    const reply = (status: number, payload?: unknown, headers: Record<string, string> = {}): void => {
      const text = payload === undefined ? "" : JSON.stringify(payload);
      const etag = `W/"${createHash("sha256").update(text).digest("hex").slice(0, 40)}"`;
      const conditional = method === "GET" && status === 200 && request.headers["if-none-match"] === etag;
      recorded.status = conditional ? 304 : status;
      if (matched && status < 300) {
        const schema = responseSchema(matched, String(status));
        if (schema)
          responseProblems.push(
            ...validate(schema, payload, `${method} ${target.pathname} response`, false).filter(
              (problem) => !KNOWN_DIVERGENCES.some((divergence) => divergence.test(problem)),
            ),
          );
      }
      const common = { "x-github-request-id": requestId, ...(method === "GET" && status === 200 ? { etag } : {}) };
      if (conditional) {
        response.writeHead(304, common);
        return void response.end();
      }
      response.writeHead(status, { "content-type": "application/json; charset=utf-8", ...common, ...headers });
      response.end(text);
    };
    if (!matched) {
      problems.push("GitHub documents no such operation");
      return reply(404, { message: "Not Found" });
    }
    if ((operationId === UPLOAD) !== (host === "uploads")) {
      problems.push(host === "api" ? "uploads go to the uploads host (the release's upload_url)" : "not an upload");
      request.resume();
      return reply(404, { message: "Not Found" });
    }
    problems.push(...requestProblems(matched, target.searchParams, body));
    const authorization = request.headers.authorization;
    if (authorization !== undefined && !/^(token|Bearer) \S+$/.test(authorization))
      problems.push("a malformed Authorization header");
    if (problems.length > 0) {
      request.resume();
      return reply(400, { message: `Problems parsing the request: ${problems.join("; ")}` });
    }
    const context = contextFor(matched, request, target, body, reply);
    const refused = gate(context, requestId);
    if (refused) {
      request.resume();
      return reply(
        refused.status,
        {
          message: refused.message,
          documentation_url:
            refused.documentationUrl ??
            (matched.operation as { externalDocs?: { url?: string } }).externalDocs?.url ??
            "https://docs.github.com/rest",
          status: String(refused.status),
        },
        refused.headers,
      );
    }
    const handler = handlers[operationId ?? ""];
    if (!handler) return reply(501, { message: `the fake does not implement ${operationId}` });
    await handler(context);
  }

  function contextFor(
    matched: MatchedOperation,
    request: IncomingMessage,
    target: URL,
    body: unknown,
    reply: RequestContext["reply"],
  ): RequestContext {
    const { owner = "", repo = "" } = matched.pathParams;
    const caller = callerOf(request, state.tokens, state.tokenScope);
    return {
      matched,
      operationId: matched.operation.operationId,
      method: request.method ?? "GET",
      target,
      body,
      request,
      caller,
      canPush: caller.kind === "write",
      owner,
      repo,
      repository: state.repositories.get(`${owner}/${repo}`.toLowerCase()),
      hosts,
      reply,
      nextId: () => nextId++,
    };
  }

  /** Queued failures, secondary limits, then who may do what: the first that applies answers instead of the handler. */
  function gate(context: RequestContext, requestId: string): Refusal | undefined {
    const { method, target } = context;
    const queued = failures.findIndex((f) => f.method === method && f.path.test(target.pathname));
    if (queued >= 0) {
      const failure = failures[queued] as QueuedFailure;
      if (--failure.times <= 0) failures.splice(queued, 1);
      return {
        status: failure.status,
        message: failure.status >= 500 ? "Server Error" : "Failure",
        ...(failure.headers ? { headers: failure.headers } : {}),
      };
    }
    const limited = takeSecondaryLimit(limits, method, target.pathname, requestId);
    if (limited) return limited;
    if (!context.repository && storedAreas.has(context.operationId)) return { status: 404, message: "Not Found" };
    return refusal(context.caller, method, context.repository);
  }

  for (const [fullName, settings] of Object.entries(options.repositories ?? {}))
    await state.addRepository(fullName, settings);

  return Object.assign(state, {
    operations: Object.keys(handlers),
    url: hosts.api,
    uploadsUrl: hosts.uploads,
    downloadsUrl: hosts.objects,
    stop: async () => {
      await Promise.all(
        [api, uploads, objects].map(
          ({ server }) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        ),
      );
      await rm(dataDir, { recursive: true, force: true });
    },
  });
}
