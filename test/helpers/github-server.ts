/**
 * The stand-in for api.github.com (and its uploads and download hosts) that tests reach through the real Octokit.
 * Built in test/helpers/github/, one module per area; this entry is what tests import.
 */
export {
  type CallCounts,
  type FakeGitHub,
  type FakeGitHubOptions,
  type QueuedFailure,
  type RecordedRequest,
  COMMENT_BODY_LIMIT,
  startFakeGitHub,
} from "./github/server.ts";
export type { SecondaryLimit } from "./github/access.ts";
export { ASSET_SIZE_LIMIT } from "./github/assets.ts";
export type { StoredCheckRun, StoredPull } from "./github/checks.ts";
export type {
  Caller,
  EnvironmentSettings,
  RepositoryOptions,
  StoredAsset,
  StoredDeployment,
  StoredDeploymentStatus,
  StoredEnvironment,
  StoredRelease,
  StoredRepository,
  StoredRunReview,
  TokenKind,
  UploadStats,
} from "./github/context.ts";
export type { StoredComment, StoredIssue } from "./github/issues.ts";
