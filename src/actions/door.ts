import { existsSync } from "node:fs";
import path from "node:path";
import * as core from "@actions/core";
import { loadConfig } from "../config/load.ts";
import { asError, ConfigError, ExitCode, formatPath, UsageError, UserError } from "../errors.ts";
import type { StageContext } from "../context/context.ts";
import { readProvenance } from "../runner/provenance.ts";
import { readRunnerEnvironment } from "../runner/runner.ts";
import type { StageRun } from "../pipeline/stages.ts";
import { workspaceFor } from "../context/workspace.ts";
import { renderMarkdown, type Section } from "../report/sections.ts";
import { secretValues } from "../command/redact.ts";
import { credentialSecrets } from "../store/credentials.ts";
import { type ActionsLogger, createActionsLogger } from "./logger.ts";

/**
 * The door every bundled action goes through (STYLE.md "thin doors"): read the inputs once, build the stage
 * context, run one stage from the core, then translate: outputs, job summary, annotations, and a failed step exactly
 * when the outcome is a failed check or an error. Nothing here decides a verdict.
 */

export type OutputValue = string | number | boolean;

export interface ActionDefinition<T extends { stage: string }> {
  /** Runs the stage; `inputs` reads this action's own inputs (beyond config and working-directory). */
  run(context: StageContext, inputs: ActionInputs): Promise<StageRun<T>>;
  /** The action's outputs besides `report` and `summary`, which every action sets. */
  outputs(run: StageRun<T>): Record<string, OutputValue>;
  /** The name of the verdict-like output (`verdict` or `result`), set to `error` when the stage cannot run. */
  verdictOutput: "verdict" | "result";
  /** The step's failure message for a non-zero exit code. */
  failureMessage(run: StageRun<T>): string;
}

/** Strict readers for action inputs (PLATFORM.md: `required` is not enforced by the runner; booleans are picky). */
export interface ActionInputs {
  text(name: string): string | undefined;
  lines(name: string): string[];
  flag(name: string, fallback: boolean): boolean;
}

export const actionInputs: ActionInputs = {
  text: (name) => core.getInput(name).trim() || undefined,
  lines: (name) =>
    core
      .getMultilineInput(name)
      .map((line) => line.trim())
      .filter((line) => line !== "" && !line.startsWith("#")),
  flag: (name, fallback) => {
    const raw = core.getInput(name).trim();
    if (raw === "") return fallback;
    if (/^(true|false)$/i.test(raw)) return raw.toLowerCase() === "true";
    throw new UsageError(`input "${name}" must be true or false, not "${raw}"`);
  },
};

/**
 * What every action does first: credentials in the environment (every stage may reach S3) are masked before anything
 * can log, and the working directory and the annotation logger are resolved.
 */
export function actionStart(env: NodeJS.ProcessEnv): {
  workspaceRoot: string;
  workingDirectory: string;
  logger: ActionsLogger;
} {
  // The AWS credentials (whatever their length) and every secret the stages redact from records (src/command/redact.ts).
  for (const secret of new Set([...credentialSecrets(env), ...secretValues(env)])) core.setSecret(secret);
  const workspaceRoot = env.GITHUB_WORKSPACE ?? process.cwd();
  const workingDirectory = path.resolve(workspaceRoot, actionInputs.text("working-directory") ?? ".");
  return { workspaceRoot, workingDirectory, logger: createActionsLogger(workspaceRoot, workingDirectory) };
}

/**
 * Fails the step for what an action threw: the verdict-like output becomes `error`; a config error becomes one
 * annotation per problem at its line; a user error one annotation with its hint; anything else is a bug, logged with
 * its stack. Returns the error for the caller's summary.
 */
export function failStep(thrown: unknown, logger: ActionsLogger, verdictOutput: string): Error {
  const error = asError(thrown);
  core.setOutput(verdictOutput, "error");
  if (error instanceof ConfigError) {
    for (const d of error.diagnostics.filter((d) => d.severity === "error"))
      logger.error(`${formatPath(d.path)}: ${d.message}${d.hint ? ` (${d.hint})` : ""}`, d.location);
    core.setFailed(`${error.message}: see the annotations on ${error.location?.file ?? "the config"}`);
  } else if (error instanceof UserError) {
    logger.error(error.message + (error.hint ? ` (${error.hint})` : ""), error.location);
    core.setFailed(error.message);
  } else {
    // A bug: the stack goes to the log; the step fails whatever was thrown (even a non-Error).
    core.error(error.stack ?? error.message);
    core.setFailed(`internal error in mlops-kit (please report it): ${error.message}`);
  }
  return error;
}

export async function runAction<T extends { stage: string }>(
  definition: ActionDefinition<T>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const { workspaceRoot, workingDirectory, logger } = actionStart(env);
  try {
    if (!existsSync(workingDirectory)) {
      throw new UsageError(`working-directory ${path.relative(workspaceRoot, workingDirectory)} does not exist`);
    }
    const loaded = await loadConfig(actionInputs.text("config") ?? "mlops.yml", workingDirectory);
    for (const warning of loaded.warnings)
      logger.warn(`${formatPath(warning.path)}: ${warning.message}`, warning.location);
    const workspace = workspaceFor(loaded);
    const runner = await readRunnerEnvironment(env);
    const context: StageContext = {
      loaded,
      workspace,
      logger,
      env,
      now: () => new Date(),
      runner,
      provenance: await readProvenance(runner, env, loaded, workspace),
    };
    const run = await definition.run(context, actionInputs);
    for (const [name, value] of Object.entries({
      ...definition.outputs(run),
      report: run.resultFile,
      summary: run.reportFile,
    })) {
      core.setOutput(name, value);
    }
    if (loaded.config.report.summary) await core.summary.addRaw(renderMarkdown(run.section)).addEOL().write();
    if (run.exitCode !== ExitCode.ok) core.setFailed(definition.failureMessage(run));
  } catch (thrown) {
    const error = failStep(thrown, logger, definition.verdictOutput);
    const section: Section = {
      title: "mlops-kit could not run",
      status: "error",
      headline: error.message,
      blocks: [{ kind: "code", text: error instanceof UserError ? error.describe() : error.message }],
    };
    await core.summary.addRaw(renderMarkdown(section)).addEOL().write();
  } finally {
    logger.flushOverflow();
  }
}
