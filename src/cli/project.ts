import { loadConfig } from "../config/load.ts";
import { formatPath } from "../errors.ts";
import type { StageContext } from "../context/context.ts";
import { readProvenance } from "../runner/provenance.ts";
import { readRunnerEnvironment } from "../runner/runner.ts";
import type { StageRun } from "../pipeline/stage-run.ts";
import { workspaceFor } from "../context/workspace.ts";
import { renderText, type TextOptions } from "../report/sections.ts";
import type { CommandArgs, CommandIO, CommandOutcome } from "./command.ts";

/** Loads mlops.yml, reports its warnings, and builds the context every stage runs in. */
export async function openProject(args: CommandArgs, io: CommandIO): Promise<StageContext> {
  const loaded = await loadConfig(args.config, io.cwd);
  for (const warning of loaded.warnings) {
    args.logger.warn(
      `${formatPath(warning.path)}: ${warning.message}${warning.hint ? ` (${warning.hint})` : ""}`,
      warning.location,
    );
  }
  const workspace = workspaceFor(loaded);
  const runner = await readRunnerEnvironment(io.env);
  return {
    loaded,
    workspace,
    logger: args.logger,
    env: io.env,
    now: () => new Date(),
    runner,
    provenance: await readProvenance(runner, io.env, loaded, workspace),
    ...(io.onInterrupt ? { onInterrupt: io.onInterrupt } : {}),
  };
}

export function stageOutcome(run: StageRun<{ stage: string }>, text: TextOptions): CommandOutcome {
  return { exitCode: run.exitCode, result: run.result, text: renderText(run.section, text) };
}
