import { execFile } from "node:child_process";
import { promisify } from "node:util";

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
}

const run = promisify(execFile);

export async function readProvenance(env: NodeJS.ProcessEnv, cwd: string): Promise<Provenance> {
  if (env.GITHUB_ACTIONS === "true") {
    const server = env.GITHUB_SERVER_URL ?? "https://github.com";
    const runUrl =
      env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
        ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
        : null;
    return {
      gitSha: env.GITHUB_SHA ?? null,
      ref: env.GITHUB_REF ?? null,
      runUrl,
      actor: env.GITHUB_ACTOR ?? null,
      repository: env.GITHUB_REPOSITORY ?? null,
    };
  }
  const git = async (...args: string[]): Promise<string | null> => {
    try {
      const { stdout } = await run("git", args, { cwd, timeout: 5000 });
      return stdout.trim() || null;
    } catch {
      return null;
    }
  };
  const [gitSha, branch, actor] = await Promise.all([
    git("rev-parse", "HEAD"),
    git("symbolic-ref", "-q", "HEAD"),
    git("config", "user.name"),
  ]);
  return { gitSha, ref: branch, runUrl: null, actor: actor ?? env.USER ?? null, repository: null };
}
