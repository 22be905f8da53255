import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  reportArtifact
} from "./chunks/chunk-DHNBTNP5.js";
import "./chunks/chunk-5ZMLXTJR.js";
import "./chunks/chunk-MSDEDR7I.js";
import "./chunks/chunk-CA3OQ63N.js";
import "./chunks/chunk-OKFHUT4H.js";
import "./chunks/chunk-LFNSLPCM.js";
import "./chunks/chunk-LJLWCHSW.js";
import "./chunks/chunk-Y4XFK5HZ.js";
import "./chunks/chunk-ZOZ5APGE.js";
import "./chunks/chunk-3QIEY56F.js";
import "./chunks/chunk-LP2MTGO2.js";
import "./chunks/chunk-5XAJ7V2L.js";
import "./chunks/chunk-PJQSHXAG.js";
import {
  actionInputs,
  actionStart,
  failStep
} from "./chunks/chunk-LDGZNJNN.js";
import "./chunks/chunk-76645BFE.js";
import {
  readRunnerEnvironment
} from "./chunks/chunk-F5YTNMV7.js";
import {
  loadConfig
} from "./chunks/chunk-7MAEBHVU.js";
import "./chunks/chunk-L2YJUVNN.js";
import "./chunks/chunk-KF23DLSX.js";
import {
  setFailed,
  setOutput,
  summary
} from "./chunks/chunk-BV2GNXIE.js";
import "./chunks/chunk-BIQWF3VO.js";
import "./chunks/chunk-RLKKEF27.js";
import "./chunks/chunk-5PEOAABG.js";
import "./chunks/chunk-HGWZYJ7P.js";
import "./chunks/chunk-SR67EPJB.js";
import {
  renderMarkdown
} from "./chunks/chunk-2FCG3MIX.js";
import {
  ReportSection
} from "./chunks/chunk-7NUQWXYT.js";
import "./chunks/chunk-G5WNRN53.js";
import "./chunks/chunk-CQ3WEECP.js";
import "./chunks/chunk-3TO6B3UH.js";
import "./chunks/chunk-SN54LWLO.js";
import "./chunks/chunk-3MPTLVIB.js";
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
