/**
 * Where a run comes from (DOMAIN.md §4 lineage, §6 provenance is true or absent): the types every stage reads from
 * its context. They are read once at the door (src/provenance/), before any stage writes.
 */

/**
 * Where a run comes from, for manifests and reports (DOMAIN.md §4 lineage). Read once at the door: from the
 * Actions environment inside a runner, else from git, else left empty (a folder that is not a repository).
 */
export interface Provenance {
  gitSha: string | null;
  ref: string | null;
  /** Link to the workflow run, when in Actions. */
  runUrl: string | null;
  actor: string | null;
  /** Repository as owner/name, when known. */
  repository: string | null;
  /** The pull request a run is for (from the event payload), else null. */
  pullRequest: PullRequestInfo | null;
  /** Whether the working tree is the commit (src/provenance/worktree.ts); null when that cannot be known (no git, no commit). */
  worktree: WorktreeState | null;
}

export interface PullRequestInfo {
  number: number;
  /** The PR's head commit. On `pull_request` events GITHUB_SHA is a merge commit, not what the author pushed. */
  headSha: string;
  headRef: string;
  baseRef: string;
}

/** The working tree against its commit (src/provenance/worktree.ts says which changes count). */
export interface WorktreeState {
  /** HEAD's commit. */
  commit: string;
  dirty: boolean;
  /** `sha256:<hex>` of the counted changes (see above); null when clean. */
  diff: string | null;
  /** The counted paths, relative to the repository root, sorted; at most 20. */
  changed: string[];
  /** How many paths count, listed or not. */
  changedCount: number;
}

/** "commit abc1234" or "commit abc1234 + uncommitted changes". */
export function describeCommit(state: Pick<WorktreeState, "commit" | "dirty">): string {
  return `commit ${state.commit.slice(0, 7)}${state.dirty ? " + uncommitted changes" : ""}`;
}
