import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  reportArtifact
} from "./chunks/chunk-ZEXVMVQB.js";
import "./chunks/chunk-VGEWTWEJ.js";
import "./chunks/chunk-MSDEDR7I.js";
import "./chunks/chunk-R4PV4LV6.js";
import "./chunks/chunk-LFNSLPCM.js";
import "./chunks/chunk-57U7UU7W.js";
import "./chunks/chunk-Y4XFK5HZ.js";
import "./chunks/chunk-ZOZ5APGE.js";
import "./chunks/chunk-CA3OQ63N.js";
import "./chunks/chunk-3QIEY56F.js";
import "./chunks/chunk-LP2MTGO2.js";
import "./chunks/chunk-4VACLY5R.js";
import "./chunks/chunk-PJQSHXAG.js";
import {
  actionInputs,
  actionStart,
  failStep
} from "./chunks/chunk-ETWXSKEN.js";
import "./chunks/chunk-MTLTC6KQ.js";
import {
  readRunnerEnvironment
} from "./chunks/chunk-SAXW6LXP.js";
import {
  loadConfig
} from "./chunks/chunk-MY5E4FEH.js";
import "./chunks/chunk-XD3V33XU.js";
import "./chunks/chunk-RKGNV63G.js";
import "./chunks/chunk-QLJW4P75.js";
import "./chunks/chunk-HGWZYJ7P.js";
import "./chunks/chunk-5PEOAABG.js";
import "./chunks/chunk-SR67EPJB.js";
import {
  renderMarkdown
} from "./chunks/chunk-2FCG3MIX.js";
import {
  ReportSection
} from "./chunks/chunk-4PKATDEY.js";
import "./chunks/chunk-G5WNRN53.js";
import "./chunks/chunk-CQ3WEECP.js";
import "./chunks/chunk-3TO6B3UH.js";
import "./chunks/chunk-SN54LWLO.js";
import {
  setFailed,
  setOutput,
  summary
} from "./chunks/chunk-BV2GNXIE.js";
import "./chunks/chunk-BIQWF3VO.js";
import "./chunks/chunk-SPRMJNQQ.js";
import "./chunks/chunk-MFRW4TDE.js";
import "./chunks/chunk-NFSXRCFZ.js";
import {
  UsageError
} from "./chunks/chunk-XOZC47AQ.js";
import "./chunks/chunk-RZGYXAJU.js";

// src/actions/report.ts
import { existsSync } from "node:fs";
import path from "node:path";
async function run(env = process.env) {
  const { workspaceRoot, workingDirectory, logger } = actionStart(env);
  try {
    const reportInput = actionInputs.text("report");
    if (!reportInput) throw new UsageError(`input "report" is required: the path of the gate's gate.json artifact`);
    const configPath = actionInputs.text("config") ?? "mlops.yml";
    const loaded = existsSync(path.resolve(workingDirectory, configPath)) ? await loadConfig(configPath, workingDirectory) : null;
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
        logger
      },
      dryRun: false
    });
    const published = outcome.published;
    setOutput("verdict", outcome.report.verdict);
    setOutput("comment-url", published?.commentUrl ?? "");
    setOutput("check-run-id", published?.checkRunId ?? "");
    if (loaded?.config.report.summary ?? true)
      await summary.addRaw(renderMarkdown(outcome.surfaces.section)).addEOL().write();
    if (published?.commentUrl) logger.info(`Pull-request comment ${published.commentAction}: ${published.commentUrl}`);
    for (const problem of published?.problems ?? []) logger.error(`could not post ${problem}`);
    if (published && published.problems.length > 0)
      setFailed(`could not post the report: ${published.problems.join("; ")}`);
  } catch (thrown) {
    failStep(thrown, logger, "verdict");
  } finally {
    logger.flushOverflow();
  }
}
await run();
