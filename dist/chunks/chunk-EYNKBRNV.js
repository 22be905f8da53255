import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);

// src/context/runner.ts
var ACTIONS_CACHE_VARIABLES = [
  "GITHUB_ACTIONS",
  "GITHUB_SERVER_URL",
  "ACTIONS_RUNTIME_TOKEN",
  "ACTIONS_CACHE_SERVICE_V2",
  "ACTIONS_RESULTS_URL",
  "ACTIONS_CACHE_URL",
  "ACTIONS_CACHE_MODE"
];
function runnerFrom(env, event = { name: env.GITHUB_EVENT_NAME || null, payload: null, problem: null }) {
  const text = (name) => env[name] || null;
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
      ACTIONS_CACHE_VARIABLES.map((name) => [name, env[name]])
    )
  };
}
function runOrigin(runner) {
  const { name, payload } = runner.event;
  if (name === null || payload === null || typeof payload !== "object") return "unknown";
  const idOf = (value) => {
    const id = value?.id;
    return typeof id === "number" && Number.isInteger(id) ? id : null;
  };
  const sameRepository = (head, base) => {
    const baseId = idOf(base);
    if (baseId === null) return "unknown";
    return idOf(head) === baseId ? "this repository" : "a fork";
  };
  if (name === "workflow_run") {
    const run = payload.workflow_run;
    return run ? sameRepository(run.head_repository, run.repository) : "unknown";
  }
  if (name.startsWith("pull_request")) {
    const pull = payload.pull_request;
    return pull ? sameRepository(pull.head?.repo, pull.base?.repo) : "unknown";
  }
  return "unknown";
}

export {
  runnerFrom,
  runOrigin
};
