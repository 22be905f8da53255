import { existsSync } from "node:fs";
import path from "node:path";
import * as core from "@actions/core";
import { loadConfig } from "../config/load.ts";
import { asError, ConfigError, ExitCode, formatPath, UsageError, UserError } from "../errors.ts";
import type { StageContext } from "../context/context.ts";
import { readRunnerEnvironment } from "../runner/runner.ts";
import { workspaceFor } from "../context/workspace.ts";
import { renderMarkdown, type Section } from "../report/sections.ts";
import { secretValues } from "../command/redact.ts";
import type { AnyStageDefinition } from "../stages/definition.ts";
import { loadStage } from "../stages/index.ts";
import { type OptionDoor, parseStageOptions } from "../stages/options.ts";
import { credentialSecrets } from "../store/credentials.ts";
import { type ActionsLogger, createActionsLogger } from "./logger.ts";
import { processInterrupts } from "../command/interrupts.ts";

/**
 * The door every stage's action goes through (STYLE.md "thin doors"): build the stage context, read the inputs once
 * through the stage's option schema (src/stages/), run the stage, then translate: outputs, job summary, annotations,
 * and a failed step exactly when the outcome is a failed check or an error. Nothing here decides a verdict.
 */

/** Strict readers for action inputs (PLATFORM.md: `required` is not enforced by the runner). */
export interface ActionInputs {
  /** The input, trimmed; undefined when empty. */
  text(name: string): string | undefined;
  /** The input's lines, trimmed, without blank lines and `#` comments. */
  lines(name: string): string[];
}

/** Readers over a raw getter: @actions/core's getInput on a runner, a plain record in tests. */
export function actionInputsFrom(getInput: (name: string) => string): ActionInputs {
  return {
    text: (name) => getInput(name).trim() || undefined,
    lines: (name) =>
      getInput(name)
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== "" && !line.startsWith("#")),
  };
}

export const actionInputs: ActionInputs = actionInputsFrom((name) => core.getInput(name));

/**
 * A stage's options as its action's inputs: parsed by the stage's own schema, like the CLI's flags. Relative paths
 * are relative to the folder of mlops.yml, or to the repository's root where the input says so.
 */
export function actionOptionDoor(inputs: ActionInputs, context: StageContext): OptionDoor {
  return {
    name: "action",
    read: (doc) => {
      if (!doc.action) return undefined;
      return doc.form === "lines" ? inputs.lines(doc.action.input) : inputs.text(doc.action.input);
    },
    label: (doc) => `input "${doc.action?.input ?? ""}"`,
    base: (doc) =>
      doc.action?.relativeTo === "repository" ? (context.runner.workspace ?? context.loaded.root) : context.loaded.root,
  };
}

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

/** Runs the named stage as its action: the entry of every stage's bundle (build.mjs). */
export async function runStageAction(name: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  await runAction(await loadStage(name), env);
}

export async function runAction(definition: AnyStageDefinition, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const { action } = definition;
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
    // Provenance asks git and hashes files (child_process, crypto, the stores): loaded once the config has loaded, so
    // an action stopped by a config error starts without it (issue 22, start-up).
    const { readProvenance } = await import("../runner/provenance.ts");
    const context: StageContext = {
      loaded,
      workspace,
      logger,
      env,
      now: () => new Date(),
      runner,
      provenance: await readProvenance(runner, env, loaded, workspace),
      // A cancelled job sends SIGINT, then SIGTERM: a params file rewritten for the run is put back first.
      onInterrupt: processInterrupts(process),
    };
    const options = await parseStageOptions(definition.options, actionOptionDoor(actionInputs, context));
    const run = await definition.run(context, options);
    const posted = (await action.post?.(context, run, options)) ?? null;
    for (const [name, output] of Object.entries(action.outputs)) core.setOutput(name, output.value(run, posted));
    core.setOutput("report", run.resultFile);
    core.setOutput("summary", run.reportFile);
    if (loaded.config.report.summary) await core.summary.addRaw(renderMarkdown(run.section)).addEOL().write();
    if (run.exitCode !== ExitCode.ok) core.setFailed(action.failureMessage(run));
  } catch (thrown) {
    const error = failStep(thrown, logger, action.verdictOutput);
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
