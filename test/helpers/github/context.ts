import type { IncomingMessage } from "node:http";
import type { MatchedOperation } from "../openapi.ts";

/**
 * What every area of the stand-in (issues, checks, releases, assets, git data) is handed for one request, and the
 * answers they share: GitHub's error bodies and its page links.
 */

/** How a token may act: "read-only" is the token of a fork's pull request (or `contents: read`). */
export type TokenKind = "write" | "read-only";

/** Who is asking: a token of some kind, or nobody (no Authorization header). */
export type Caller = { kind: "anonymous" } | { kind: TokenKind; token: string };

/** The three hosts GitHub spreads a release over: the REST API, the uploads host, the signed download host. */
export interface Hosts {
  api: string;
  uploads: string;
  objects: string;
}

export interface StoredAsset {
  id: number;
  releaseId: number;
  name: string;
  label: string | null;
  contentType: string;
  /** "starter" while its bytes are still arriving; only "uploaded" assets are listed. */
  state: "starter" | "uploaded";
  size: number;
  /** `sha256:<hex>` of the bytes, as the REST API returns it. */
  digest: string | null;
  file: string;
  createdAt: string;
  updatedAt: string;
}

export interface StoredRelease {
  id: number;
  tagName: string;
  targetCommitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  createdAt: string;
  publishedAt: string | null;
  /** Published while the repository had immutable releases on: its assets and tag are locked from then on. */
  immutable: boolean;
  assets: StoredAsset[];
}

/** A deployment environment's protection rules, as a repository's settings page sets them. */
export interface EnvironmentSettings {
  /** Required reviewers: user logins, or `org/team-slug` for a team (GitHub allows up to 6; one approval suffices). */
  reviewers?: string[];
  /** Minutes a job waits before it runs (GitHub: up to 43,200). */
  waitTimer?: number;
  /** The one who triggered a run may not approve it. */
  preventSelfReview?: boolean;
  /** Which branches may deploy; null or omitted: any branch. */
  branchPolicy?: { protectedBranches: boolean; customBranchPolicies: boolean } | null;
}

export interface StoredEnvironment extends EnvironmentSettings {
  id: number;
  name: string;
  createdAt: string;
}

export interface StoredDeploymentStatus {
  id: number;
  state: "error" | "failure" | "inactive" | "in_progress" | "queued" | "pending" | "success";
  description: string;
  environment: string;
  environmentUrl: string;
  logUrl: string;
  createdAt: string;
}

export interface StoredDeployment {
  id: number;
  ref: string;
  sha: string;
  task: string;
  /** Where it is now (a status may move it); `originalEnvironment` is where it was created for. */
  environment: string;
  originalEnvironment: string;
  description: string | null;
  payload: Record<string, unknown> | string;
  productionEnvironment: boolean;
  transientEnvironment: boolean;
  creator: string;
  createdAt: string;
  /** Oldest first; GitHub lists them newest first. */
  statuses: StoredDeploymentStatus[];
}

/** One review of a run's deployment: what `GET .../actions/runs/{id}/approvals` lists. */
export interface StoredRunReview {
  user: string;
  comment: string;
  state: "approved" | "rejected";
  /** Environment names; each must be one of the repository's environments. */
  environments: string[];
}

/** A repository the stand-in keeps: its settings, a real bare git repository on disk, and its releases. */
export interface StoredRepository {
  owner: string;
  name: string;
  fullName: string;
  visibility: "public" | "private";
  /** Archived: every write answers 403 "Repository was archived so is read-only.". */
  archived: boolean;
  /**
   * The "immutable releases" setting: a release published while it is on keeps its assets and its tag as they are
   * (GitHub's docs, "Immutable releases"); drafts stay editable. Releases published before it was turned on do not.
   */
  immutableReleases: boolean;
  defaultBranch: string;
  /** The bare repository (`git init --bare`) holding its commits, trees, blobs and refs. */
  gitDir: string;
  releases: StoredRelease[];
  latestReleaseId: number | null;
  /**
   * Entries one get-tree answer lists before it says `truncated: true`: GitHub's docs give 100,000 (or 7 MB) for a
   * recursive read, after which a client must read subtrees one at a time. Lowered by tests.
   */
  treeEntryLimit: number;
  environments: StoredEnvironment[];
  deployments: StoredDeployment[];
  /** Reviews of workflow runs' deployments, by run id. */
  runReviews: Map<number, StoredRunReview[]>;
  /** Environments each run's jobs wait on for a review, by run id. */
  pendingDeployments: Map<number, string[]>;
}

export interface RepositoryOptions {
  visibility?: "public" | "private";
  archived?: boolean;
  immutableReleases?: boolean;
  defaultBranch?: string;
  /** The repository's deployment environments (name -> protection rules). */
  environments?: Record<string, EnvironmentSettings>;
}

/** Memory the asset uploads used, so a test can show a body is streamed, never held whole. */
export interface UploadStats {
  /** The largest single chunk the server saw. */
  maxChunkBytes: number;
  /** The most bytes ever waiting in memory for the disk (the chunk in hand plus the file stream's buffer). */
  maxBufferedBytes: number;
  /** Bytes received over all uploads. */
  totalBytes: number;
}

export type Reply = (status: number, payload?: unknown, headers?: Record<string, string>) => void;

export interface RequestContext {
  matched: MatchedOperation;
  operationId: string;
  method: string;
  /** The request's full URL on the host it reached. */
  target: URL;
  /** The parsed JSON body; undefined for uploads, whose raw body is read from `request`. */
  body: unknown;
  request: IncomingMessage;
  caller: Caller;
  /** A write token: may see drafts, which GitHub shows only to users with push access. */
  canPush: boolean;
  owner: string;
  repo: string;
  /** The stored repository, when the path names one the stand-in keeps. */
  repository: StoredRepository | undefined;
  hosts: Hosts;
  reply: Reply;
  nextId(): number;
}

export type Handler = (context: RequestContext) => Promise<void> | void;

/** The documentation link GitHub puts in its error bodies: the operation's page. */
export function docsUrl(context: RequestContext): string {
  const external = (context.matched.operation as { externalDocs?: { url?: string } }).externalDocs;
  return external?.url ?? "https://docs.github.com/rest";
}

/** GitHub's error body: a message, the operation's docs link and the status as a string. */
export function errorBody(context: RequestContext, status: number, message: string, extra: object = {}): unknown {
  return { message, ...extra, documentation_url: docsUrl(context), status: String(status) };
}

export function notFound(context: RequestContext): void {
  context.reply(404, errorBody(context, 404, "Not Found"));
}

/** 422 with a plain message (the git data API answers so: "Reference already exists"). */
export function unprocessable(context: RequestContext, message: string): void {
  context.reply(422, errorBody(context, 422, message));
}

/** 422 "Validation Failed" with GitHub's `errors` list (resource, code, field). */
export function validationFailed(
  context: RequestContext,
  ...errors: { resource: string; code: string; field: string; message?: string }[]
): void {
  context.reply(422, errorBody(context, 422, "Validation Failed", { errors }));
}

export const MAX_PER_PAGE = 100;

/**
 * One page of `items` as GitHub serves lists: `per_page` (default 30, at most 100) and `page`, with a Link header
 * naming the prev, next, last and first pages where they exist.
 */
export function paginate<T>(items: T[], target: URL): { page: T[]; headers: Record<string, string> } {
  const perPage = Math.min(Number(target.searchParams.get("per_page") ?? 30) || 30, MAX_PER_PAGE);
  const page = Math.max(Number(target.searchParams.get("page") ?? 1) || 1, 1);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const link = (n: number, rel: string): string => {
    const url = new URL(target);
    url.searchParams.set("per_page", String(perPage));
    url.searchParams.set("page", String(n));
    return `<${url.href}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(Math.min(page - 1, last), "prev"));
  if (page < last) links.push(link(page + 1, "next"), link(last, "last"));
  if (page > 1) links.push(link(1, "first"));
  return {
    page: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(", ") } : {},
  };
}

/** GitHub's timestamps: ISO 8601 in UTC to the second. */
export function timestamp(date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
