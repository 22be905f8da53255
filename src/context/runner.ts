/**
 * The runner's environment, parsed once at the door (CLI or action) into a typed value and passed down, so no module
 * below the doors reads GITHUB_* variables or the event file (STYLE.md: env is read once at the door). Outside
 * GitHub Actions most fields are null. The user's own commands get the process environment separately
 * (`StageContext.env`).
 */
export interface RunnerEnvironment {
  /** Inside a GitHub Actions runner (GITHUB_ACTIONS=true). */
  inActions: boolean;
  /** owner/name (GITHUB_REPOSITORY). */
  repository: string | null;
  /** https://github.com, or a GitHub Enterprise Server's address (GITHUB_SERVER_URL), without a trailing slash. */
  serverUrl: string;
  /** The REST API (GITHUB_API_URL; https://api.github.com by default). */
  apiUrl: string;
  /** This workflow run's page, when in Actions. */
  runUrl: string | null;
  /** GITHUB_WORKFLOW and GITHUB_JOB: with the model, they key the sticky PR comment. */
  workflow: string | null;
  job: string | null;
  actor: string | null;
  /** GITHUB_SHA and GITHUB_REF: what the run checked out. */
  sha: string | null;
  ref: string | null;
  /** GITHUB_WORKSPACE: the checkout's folder. */
  workspace: string | null;
  /** The event that started the run: its name and payload, read once (bounded); `problem` says why it is missing. */
  event: { name: string | null; payload: unknown; problem: string | null };
  /**
   * The variables `@actions/cache` decides by (it reads them from the process itself): kept as they are, so the kit's
   * guard and the toolkit see the same thing.
   */
  actionsCache: Readonly<Record<(typeof ACTIONS_CACHE_VARIABLES)[number], string | undefined>>;
}

export const ACTIONS_CACHE_VARIABLES = [
  "GITHUB_ACTIONS",
  "GITHUB_SERVER_URL",
  "ACTIONS_RUNTIME_TOKEN",
  "ACTIONS_CACHE_SERVICE_V2",
  "ACTIONS_RESULTS_URL",
  "ACTIONS_CACHE_URL",
  "ACTIONS_CACHE_MODE",
] as const;

/**
 * The runner's environment from its variables and the event the door read (src/runner/runner.ts reads the file). Pure:
 * tests build one from a plain object.
 */
export function runnerFrom(
  env: NodeJS.ProcessEnv,
  event: RunnerEnvironment["event"] = { name: env.GITHUB_EVENT_NAME || null, payload: null, problem: null },
): RunnerEnvironment {
  const text = (name: string): string | null => env[name] || null;
  const serverUrl = (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "");
  const repository = text("GITHUB_REPOSITORY");
  const runId = text("GITHUB_RUN_ID");
  const inActions = env.GITHUB_ACTIONS === "true";
  return {
    inActions,
    repository,
    serverUrl,
    apiUrl: env.GITHUB_API_URL || "https://api.github.com",
    runUrl: inActions && repository && runId ? `${serverUrl}/${repository}/actions/runs/${runId}` : null,
    workflow: text("GITHUB_WORKFLOW"),
    job: text("GITHUB_JOB"),
    actor: text("GITHUB_ACTOR"),
    sha: text("GITHUB_SHA"),
    ref: text("GITHUB_REF"),
    workspace: text("GITHUB_WORKSPACE"),
    event,
    actionsCache: Object.fromEntries(
      ACTIONS_CACHE_VARIABLES.map((name) => [name, env[name]]),
    ) as RunnerEnvironment["actionsCache"],
  };
}

/** Outside any runner, with no event: what a laptop (or a test) sees. */
export function noRunner(): RunnerEnvironment {
  return runnerFrom({});
}

/**
 * Whose code a run was built from, as the event GitHub wrote for this job says: `this repository` when the run's head
 * is this repository (a branch of its own, or the default branch), `a fork` when it is another repository (or one
 * since deleted), `unknown` when the event does not tell (no event, a push, a schedule). Only the event decides: a
 * report artifact is written by the run it describes, so nothing it says about itself counts. Repositories are
 * compared by id, which no rename or transfer changes.
 */
export type RunOrigin = "this repository" | "a fork" | "unknown";

export function runOrigin(runner: RunnerEnvironment): RunOrigin {
  const { name, payload } = runner.event;
  if (name === null || payload === null || typeof payload !== "object") return "unknown";
  const idOf = (value: unknown): number | null => {
    const id = (value as { id?: unknown } | null | undefined)?.id;
    return typeof id === "number" && Number.isInteger(id) ? id : null;
  };
  const sameRepository = (head: unknown, base: unknown): RunOrigin => {
    const baseId = idOf(base);
    if (baseId === null) return "unknown";
    return idOf(head) === baseId ? "this repository" : "a fork";
  };
  if (name === "workflow_run") {
    const run = (payload as { workflow_run?: { head_repository?: unknown; repository?: unknown } }).workflow_run;
    return run ? sameRepository(run.head_repository, run.repository) : "unknown";
  }
  if (name.startsWith("pull_request")) {
    const pull = (payload as { pull_request?: { head?: { repo?: unknown }; base?: { repo?: unknown } } }).pull_request;
    return pull ? sameRepository(pull.head?.repo, pull.base?.repo) : "unknown";
  }
  return "unknown";
}
