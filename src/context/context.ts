import type { LoadedConfig } from "../config/load.ts";
import type { Logger } from "../logging.ts";
import type { Provenance } from "./provenance.ts";
import type { RunnerEnvironment } from "./runner.ts";
import type { Workspace } from "./workspace.ts";

/**
 * Everything a stage needs from the outside, built once by a door (CLI or action) and passed down, so the core reads
 * no globals: tests build one with a recording logger, a fixed clock and a temp folder.
 */
export interface StageContext {
  loaded: LoadedConfig;
  workspace: Workspace;
  logger: Logger;
  /** The environment the user's commands inherit (and the AWS SDK's credentials and region come from). */
  env: NodeJS.ProcessEnv;
  /** The runner's environment, parsed once at the door: the only place GITHUB_* values come from below it. */
  runner: RunnerEnvironment;
  now: () => Date;
  provenance: Provenance;
  /**
   * SIGINT/SIGTERM to the kit, from the door (`OnInterrupt` in src/command/interrupts.ts, spelled out here because
   * command/ sits on this folder's row); absent in-process (tests), where no signal is listened for.
   */
  onInterrupt?: (cleanup: (signal: NodeJS.Signals) => void) => () => void;
}
