import { Octokit as OctokitCore } from "@octokit/core";
import { paginateRest } from "@octokit/plugin-paginate-rest";
import { restEndpointMethods } from "@octokit/plugin-rest-endpoint-methods";
import { ExternalError } from "../../errors.ts";
import { describeTunnelRefusal, proxiedFetch, refusalIsTransient, tunnelRefusal } from "../../net/proxy.ts";
import { nodeFetch } from "./node-fetch.ts";

/**
 * The HTTP side of the GitHub registry: one Octokit for the repository, every call retried the way GitHub asks
 * (a secondary rate limit's `retry-after`, backoff with jitter for 5xx and dropped connections, all within
 * `registry.retry_seconds`), and GitHub's refusals turned into one message each that says what to do.
 */

export interface GitHubRepository {
  owner: string;
  repo: string;
}

export interface GitHubConnection {
  repository: GitHubRepository;
  /** undefined reads anonymously (public repositories only) and cannot write. */
  token: string | undefined;
  /** Where the token came from, for messages: "GITHUB_TOKEN", "the gh CLI's login (gh auth token)". */
  tokenFrom: string;
  /** The workflow file and job of this run, when it is one: a refusal to write names where to grant it. */
  job?: { file: string; job: string } | undefined;
  /** The REST root (GITHUB_API_URL). */
  apiUrl: string;
  /** How long one call keeps retrying (registry.retry_seconds). */
  retrySeconds: number;
  /** Injected by tests that must not wait. */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Octokit with the REST methods and pagination, as @actions/github builds it, but without @actions/github's module:
 * importing it loads undici (its fetch and proxy agent), some 20 MiB of every github:// process's memory. Requests go
 * through node:http ({@link nodeFetch}) unless a proxy is set for the API host (HTTPS_PROXY, NO_PROXY as the runner
 * reads them); then undici's fetch through that proxy is loaded for them, as @actions/github sends them.
 */
const RegistryOctokit = OctokitCore.plugin(restEndpointMethods, paginateRest);
export type Octokit = InstanceType<typeof RegistryOctokit>;

export interface GitHubApi {
  readonly octokit: Octokit;
  readonly connection: GitHubConnection;
  /** `github://owner/repo`, for messages. */
  readonly where: string;
  /**
   * Runs one request, retried within the budget; a refusal becomes an ExternalError saying what to change, except the
   * statuses the caller `expects` (thrown as Octokit's RequestError).
   */
  call<T>(what: string, request: () => Promise<T>, options?: CallOptions): Promise<T>;
  /** As {@link call}, but undefined for a 404 (the thing is absent) once the repository is known to exist. */
  find<T>(what: string, request: () => Promise<T>, options?: CallOptions): Promise<T | undefined>;
  /** Sleeps between write contests (the ref's compare-and-swap). */
  sleep(ms: number): Promise<void>;
}

export interface CallOptions {
  /** A write: fails at once without a token, and a 403 names the permission. */
  write?: boolean;
  /** Statuses the caller handles itself (422 from a ref update that lost its compare-and-swap). */
  expects?: number[];
}

interface RequestErrorLike {
  status?: number;
  message: string;
  response?: { data?: unknown; headers?: Record<string, string | number | undefined> };
}

export const statusOf = (error: unknown): number | undefined => (error as RequestErrorLike | undefined)?.status;

/** Where a token comes from, for the messages that find none. */
const NO_TOKEN_HINT =
  "set GITHUB_TOKEN or GH_TOKEN, or log in with `gh auth login`; in a workflow, the step's `registry-token` input " +
  "(the job's token by default)";

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createGitHubApi(connection: GitHubConnection): GitHubApi {
  const { owner, repo } = connection.repository;
  const where = `github://${owner}/${repo}`;
  const baseUrl = connection.apiUrl.replace(/\/+$/, "");
  const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
  const octokit: Octokit = new RegistryOctokit({
    baseUrl,
    log: quiet,
    userAgent: "mlops-kit",
    // node:http, or, when the environment names a proxy for the API host, undici's fetch through it.
    request: { fetch: proxiedFetch(new URL(baseUrl)) ?? nodeFetch },
    // Anonymous without one: public repositories can be read without a token.
    ...(connection.token ? { auth: connection.token } : {}),
  });
  const sleep = connection.sleep ?? realSleep;
  const budgetMs = connection.retrySeconds * 1000;
  let repositoryChecked: Promise<void> | undefined;

  const describe = (what: string, error: RequestErrorLike, write: boolean): ExternalError =>
    describeRefusal(where, what, error, write, connection);

  async function attempt<T>(what: string, request: () => Promise<T>, write: boolean): Promise<T> {
    if (write && !connection.token) {
      throw new ExternalError(`cannot ${what} in ${where}: no GitHub token`, {
        hint: `writing the registry needs a token with \`contents: write\`: ${NO_TOKEN_HINT}`,
      });
    }
    const started = Date.now();
    for (let number = 1; ; number++) {
      try {
        return await request();
      } catch (thrown) {
        const error = thrown as RequestErrorLike;
        const pause = retryPause(error, number);
        const left = budgetMs - (Date.now() - started);
        if (pause === undefined) throw thrown;
        if (pause > left) {
          if (isLimited(error)) {
            throw new ExternalError(
              `cannot ${what} in ${where}: GitHub's rate limit asks to wait ${Math.ceil(pause / 1000)} s, more than ` +
                `registry.retry_seconds (${connection.retrySeconds})`,
              { hint: "run again later, or raise registry.retry_seconds", cause: error },
            );
          }
          throw thrown;
        }
        await sleep(pause);
      }
    }
  }

  /** Whether the repository exists for this caller: a 404 of a ref or a release then means only that it is absent. */
  const checkRepository = (): Promise<void> =>
    (repositoryChecked ??= attempt(
      "read the releases",
      () => octokit.rest.repos.listReleases({ owner, repo, per_page: 1 }),
      false,
    ).then(
      () => undefined,
      (error: unknown) => {
        repositoryChecked = undefined;
        throw describe("read the releases", error as RequestErrorLike, false);
      },
    ));

  return {
    octokit,
    connection,
    where,
    sleep,
    async call(what, request, options = {}) {
      try {
        return await attempt(what, request, options.write ?? false);
      } catch (error) {
        if (error instanceof ExternalError) throw error;
        if (options.expects?.includes(statusOf(error) ?? 0)) throw error;
        throw describe(what, error as RequestErrorLike, options.write ?? false);
      }
    },
    async find(what, request, options = {}) {
      try {
        return await attempt(what, request, false);
      } catch (error) {
        if (error instanceof ExternalError) throw error;
        if (options.expects?.includes(statusOf(error) ?? 0)) throw error;
        if (statusOf(error) !== 404) throw describe(what, error as RequestErrorLike, false);
        await checkRepository();
        return undefined;
      }
    },
  };
}

function headerOf(error: RequestErrorLike, name: string): string | undefined {
  const value = error.response?.headers?.[name];
  return value === undefined ? undefined : String(value);
}

function messageOf(error: RequestErrorLike): string {
  const data = error.response?.data as { message?: unknown } | undefined;
  return typeof data?.message === "string" ? data.message : error.message;
}

/** A rate limit (secondary, or the primary one spent): GitHub says how long to wait. */
function isLimited(error: RequestErrorLike): boolean {
  if (error.status !== 403 && error.status !== 429) return false;
  return (
    headerOf(error, "retry-after") !== undefined ||
    headerOf(error, "x-ratelimit-remaining") === "0" ||
    /rate limit/i.test(messageOf(error))
  );
}

/** How long to wait before asking again; undefined when asking again cannot help. */
function retryPause(error: RequestErrorLike, attempt: number): number | undefined {
  if (isLimited(error)) {
    const after = Number(headerOf(error, "retry-after"));
    if (Number.isFinite(after) && after >= 0) return after * 1000;
    const reset = Number(headerOf(error, "x-ratelimit-reset"));
    if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - Date.now());
    // GitHub's advice without a header: wait at least a minute.
    return 60_000;
  }
  const refusal = tunnelRefusal(error);
  if (refusal !== undefined && !refusalIsTransient(refusal)) return undefined;
  const status = error.status;
  if (status !== undefined && status < 500) return undefined;
  return Math.round(Math.random() * Math.min(5000, 200 * 2 ** Math.min(attempt - 1, 10)));
}

/** One message per way GitHub refuses, saying what to change. */
function describeRefusal(
  where: string,
  what: string,
  error: RequestErrorLike,
  write: boolean,
  connection: GitHubConnection,
): ExternalError {
  const refusal = tunnelRefusal(error);
  if (refusal !== undefined) {
    const { message, hint } = describeTunnelRefusal(refusal, "GitHub");
    return new ExternalError(`cannot ${what} in ${where}: ${message}`, { hint, cause: error });
  }
  const status = error.status;
  const detail = messageOf(error);
  const base = `cannot ${what} in ${where}: GitHub answered ${status ?? "nothing"} (${detail})`;
  // Octokit reports a request that got no answer at all (DNS, a refused connection, TLS) as a 500 without a response.
  if (status === 500 && error.response === undefined) {
    return new ExternalError(`cannot ${what} in ${where}: no answer from ${connection.apiUrl} (${detail})`, {
      hint:
        `check this machine's connection to ${connection.apiUrl} (GITHUB_API_URL names another GitHub); it was ` +
        `asked again for up to registry.retry_seconds (${connection.retrySeconds} s)`,
      cause: error,
    });
  }
  if (/archived/i.test(detail)) {
    return new ExternalError(`${where} is archived, so it is read-only: cannot ${what}`, {
      hint: "unarchive the repository (Settings, Danger Zone), or point registry.uri at one that is not archived",
      cause: error,
    });
  }
  if (status === 404) {
    return new ExternalError(`${where} was not found, or the token cannot see it`, {
      hint: connection.token
        ? `check the owner and name in registry.uri, and that the token from ${connection.tokenFrom} may read it (contents: read)`
        : `check the owner and name in registry.uri; a private repository needs a token: ${NO_TOKEN_HINT}`,
      cause: error,
    });
  }
  if ((status === 401 || status === 403) && write) {
    const { job } = connection;
    const grant = job
      ? `add \`contents: write\` under \`permissions:\` of the job \`${job.job}\` in ${job.file}`
      : "in a workflow, add `permissions: contents: write` to the job that publishes or promotes";
    return new ExternalError(`the token may not write to ${where}: cannot ${what}`, {
      hint:
        `the token from ${connection.tokenFrom} may not write: ${grant}, on the default branch's workflows only ` +
        "(pull requests, forks' above all, get a read-only token); the workflows `mlops init` writes have it, a job " +
        "calling the kit's reusable workflows cannot grant it. Elsewhere, use a token that may write to the repository",
      cause: error,
    });
  }
  if (status === 401 || status === 403) {
    return new ExternalError(`the token may not read ${where}: cannot ${what}`, {
      hint: `give the job \`permissions: contents: read\`, or check the token from ${connection.tokenFrom}`,
      cause: error,
    });
  }
  return new ExternalError(base, { cause: error });
}
