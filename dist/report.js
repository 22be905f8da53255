import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  reportArtifact
} from "./chunks/chunk-WYS6G5ZD.js";
import "./chunks/chunk-QJBHOZOC.js";
import "./chunks/chunk-3I56HR76.js";
import "./chunks/chunk-ZFWOX7ET.js";
import "./chunks/chunk-LFNSLPCM.js";
import "./chunks/chunk-S4673Z2K.js";
import "./chunks/chunk-Y4XFK5HZ.js";
import "./chunks/chunk-Z6UVMVVW.js";
import "./chunks/chunk-CXPI6C2V.js";
import "./chunks/chunk-6FFNJH6A.js";
import "./chunks/chunk-3QIEY56F.js";
import "./chunks/chunk-LP2MTGO2.js";
import "./chunks/chunk-ZPCS6KAC.js";
import {
  actionInputs,
  actionStart,
  failStep
} from "./chunks/chunk-35CII7S2.js";
import "./chunks/chunk-IVUJGG4J.js";
import {
  readRunnerEnvironment
} from "./chunks/chunk-EZK6EJQS.js";
import {
  loadConfig
} from "./chunks/chunk-QKLWXX4C.js";
import "./chunks/chunk-5D2KL2UV.js";
import "./chunks/chunk-IRPQCUXK.js";
import {
  setFailed,
  setOutput,
  summary
} from "./chunks/chunk-TRBHS2SB.js";
import "./chunks/chunk-M5RMI2LT.js";
import "./chunks/chunk-5PEOAABG.js";
import "./chunks/chunk-HGWZYJ7P.js";
import "./chunks/chunk-SR67EPJB.js";
import {
  renderMarkdown
} from "./chunks/chunk-2FCG3MIX.js";
import {
  ReportSection
} from "./chunks/chunk-2E2J3IB3.js";
import "./chunks/chunk-GRKPW6EC.js";
import "./chunks/chunk-QR6TB6JR.js";
import "./chunks/chunk-O3UAJ45K.js";
import "./chunks/chunk-G5WNRN53.js";
import "./chunks/chunk-CQ3WEECP.js";
import "./chunks/chunk-VLGHGLBD.js";
import "./chunks/chunk-3TO6B3UH.js";
import "./chunks/chunk-SN54LWLO.js";
import "./chunks/chunk-K2EJYN74.js";
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
