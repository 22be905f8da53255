import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  READ_LIMITS,
  readTextLimited
} from "./chunk-GDLHBLAJ.js";

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

// src/runner/runner.ts
async function readRunnerEnvironment(env) {
  return runnerFrom(env, await readEvent(env));
}
async function readEvent(env) {
  const name = env.GITHUB_EVENT_NAME || null;
  const file = env.GITHUB_EVENT_PATH;
  if (!file) return { name, payload: null, problem: null };
  try {
    const text = await readTextLimited(file, { shown: file, what: "event payload", limit: READ_LIMITS.eventPayload });
    return { name, payload: JSON.parse(text), problem: null };
  } catch (error) {
    return { name, payload: null, problem: `cannot read the event payload ${file}: ${error.message}` };
  }
}

export {
  readRunnerEnvironment
};
