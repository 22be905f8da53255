import { type RunnerEnvironment, runnerFrom } from "../context/runner.ts";
import { READ_LIMITS, readTextLimited } from "../files/read-limited.ts";

/**
 * Reads the runner's environment once, at the door: GITHUB_* variables, the event payload (bounded: GitHub caps
 * payloads at 25 MB), the Actions cache's variables. Everything below the doors takes it from the context.
 */
export async function readRunnerEnvironment(env: NodeJS.ProcessEnv): Promise<RunnerEnvironment> {
  return runnerFrom(env, await readEvent(env));
}

async function readEvent(env: NodeJS.ProcessEnv): Promise<RunnerEnvironment["event"]> {
  const name = env.GITHUB_EVENT_NAME || null;
  const file = env.GITHUB_EVENT_PATH;
  if (!file) return { name, payload: null, problem: null };
  try {
    const text = await readTextLimited(file, { shown: file, what: "event payload", limit: READ_LIMITS.eventPayload });
    return { name, payload: JSON.parse(text) as unknown, problem: null };
  } catch (error) {
    return { name, payload: null, problem: `cannot read the event payload ${file}: ${(error as Error).message}` };
  }
}
