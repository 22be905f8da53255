import type { LoadedConfig } from "../../src/config/load.ts";
import { createRecordingLogger } from "../../src/logging.ts";
import type { ChainLink } from "../../src/chain/chain.ts";
import { runnerFrom } from "../../src/context/runner.ts";
import type { StageContext } from "../../src/context/context.ts";
import { workspaceFor } from "../../src/context/workspace.ts";

/** A fixed moment, so results that record times are the same on every run. */
export const FIXED_NOW = new Date("2026-01-01T12:00:00.000Z");

/**
 * The context a door would build, for calling a stage directly: a recording logger, a fixed clock, no provenance,
 * and only PATH from the real environment (so `node` and `sh` are found, and nothing else leaks in).
 */
export function stageContext(
  loaded: LoadedConfig,
  env: NodeJS.ProcessEnv = {},
): StageContext & { logger: ReturnType<typeof createRecordingLogger> } {
  return {
    loaded,
    workspace: workspaceFor(loaded),
    logger: createRecordingLogger(),
    env: { PATH: process.env.PATH, ...env },
    now: () => FIXED_NOW,
    runner: runnerFrom(env),
    provenance: {
      gitSha: null,
      ref: null,
      runUrl: null,
      actor: null,
      repository: null,
      pullRequest: null,
      worktree: null,
    },
  };
}

/** A chain link for results built by hand in tests: a run that trained no files, outside git. */
export function testChain(overrides: Partial<ChainLink> = {}): ChainLink {
  return {
    id: "20260101T120000000Z-000001",
    trainRun: null,
    model: [],
    evaluation: null,
    git: null,
    data: null,
    ...overrides,
  };
}
