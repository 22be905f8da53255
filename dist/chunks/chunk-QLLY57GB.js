import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runnerFrom
} from "./chunk-EYNKBRNV.js";
import {
  READ_LIMITS,
  readTextLimited
} from "./chunk-5AQJPSN5.js";

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
