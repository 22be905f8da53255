import { existsSync } from "node:fs";
import path from "node:path";
import * as core from "@actions/core";
import { loadConfig } from "../config/load.ts";
import { ReportSection } from "../config/schema/report.ts";
import { UsageError } from "../errors.ts";
import { reportArtifact } from "../github/report.ts";
import { renderMarkdown } from "../report/sections.ts";
import { actionInputs, actionStart, failStep } from "./door.ts";
import { readRunnerEnvironment } from "../runner/runner.ts";

/**
 * actions/report: the trusted half of the fork-safe pattern (docs/reports.md). In a `workflow_run`
 * job it posts the report artifact that the pull request's run uploaded: the artifact is validated as untrusted
 * input, and the pull request and commit come from the event. The step fails when the report is invalid or GitHub
 * refused it; a failing gate is not this step's failure (the check run it posts carries that verdict).
 */
async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const { workspaceRoot, workingDirectory, logger } = actionStart(env);
  try {
    const reportInput = actionInputs.text("report");
    if (!reportInput) throw new UsageError('input "report" is required: the path of the gate\'s gate.json artifact');
    const configPath = actionInputs.text("config") ?? "mlops.yml";
    const loaded = existsSync(path.resolve(workingDirectory, configPath))
      ? await loadConfig(configPath, workingDirectory)
      : null;
    const file = path.resolve(workingDirectory, reportInput);
    const runner = await readRunnerEnvironment(env);
    const outcome = await reportArtifact({
      file,
      shown: path.relative(workspaceRoot, file) || file,
      settings: loaded?.config.report ?? ReportSection.parse({}),
      runner,
      target: {},
      access: {
        token: actionInputs.text("github-token"),
        baseUrl: runner.apiUrl,
        logger,
      },
      dryRun: false,
    });
    const published = outcome.published;
    core.setOutput("verdict", outcome.report.verdict);
    core.setOutput("comment-url", published?.commentUrl ?? "");
    core.setOutput("check-run-id", published?.checkRunId ?? "");
    if (loaded?.config.report.summary ?? true)
      await core.summary.addRaw(renderMarkdown(outcome.surfaces.section)).addEOL().write();
    if (published?.commentUrl) logger.info(`Pull-request comment ${published.commentAction}: ${published.commentUrl}`);
    for (const problem of published?.problems ?? []) logger.error(`could not post ${problem}`);
    if (published && published.problems.length > 0)
      core.setFailed(`could not post the report: ${published.problems.join("; ")}`);
  } catch (thrown) {
    failStep(thrown, logger, "verdict");
  } finally {
    logger.flushOverflow();
  }
}

await run();
