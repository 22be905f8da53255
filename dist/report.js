import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  reportArtifact
} from "./chunks/chunk-ETJ5HDRZ.js";
import "./chunks/chunk-72OCKP5C.js";
import "./chunks/chunk-4SQXFUI5.js";
import "./chunks/chunk-SLSOLTLA.js";
import "./chunks/chunk-IY6KPMTB.js";
import "./chunks/chunk-VAXOH5AZ.js";
import "./chunks/chunk-ZZCSUO3L.js";
import "./chunks/chunk-5S2V7SVG.js";
import "./chunks/chunk-QFBHIOL6.js";
import "./chunks/chunk-LFNSLPCM.js";
import "./chunks/chunk-LGIA7PQF.js";
import "./chunks/chunk-533AISZH.js";
import "./chunks/chunk-Y4XFK5HZ.js";
import "./chunks/chunk-PMBSX2RF.js";
import "./chunks/chunk-U3OKT6DL.js";
import "./chunks/chunk-BUY5QZDY.js";
import "./chunks/chunk-X2I57EAR.js";
import "./chunks/chunk-N6JR4UVL.js";
import "./chunks/chunk-3EFEPTIF.js";
import "./chunks/chunk-Z7WWPMG5.js";
import "./chunks/chunk-VU4CPE2P.js";
import "./chunks/chunk-CQ3WEECP.js";
import "./chunks/chunk-XWUCKCS7.js";
import "./chunks/chunk-WOQKGCDT.js";
import "./chunks/chunk-LP2MTGO2.js";
import "./chunks/chunk-U3KBKKVS.js";
import "./chunks/chunk-Q52DLOOW.js";
import "./chunks/chunk-VLGHGLBD.js";
import "./chunks/chunk-MFDUBFJ5.js";
import {
  actionInputs,
  actionStart,
  failStep
} from "./chunks/chunk-2AQQCETI.js";
import {
  readRunnerEnvironment
} from "./chunks/chunk-QLLY57GB.js";
import {
  loadConfig
} from "./chunks/chunk-QEZGSB67.js";
import "./chunks/chunk-35MZIMAV.js";
import "./chunks/chunk-TEWQFG7M.js";
import {
  setFailed,
  setOutput,
  summary
} from "./chunks/chunk-GKURBYGZ.js";
import "./chunks/chunk-I7YBYH2J.js";
import "./chunks/chunk-RRG6TSJC.js";
import "./chunks/chunk-EYMTTHNR.js";
import "./chunks/chunk-5PEOAABG.js";
import {
  ReportSection
} from "./chunks/chunk-WYGES5K7.js";
import "./chunks/chunk-VJBMOATJ.js";
import "./chunks/chunk-LNIKRDBK.js";
import "./chunks/chunk-EYNKBRNV.js";
import "./chunks/chunk-XJ2QCSOL.js";
import {
  renderMarkdown
} from "./chunks/chunk-OSH67I4H.js";
import "./chunks/chunk-5AQJPSN5.js";
import "./chunks/chunk-PEZVGW4L.js";
import "./chunks/chunk-SUPM4SWD.js";
import "./chunks/chunk-MOKAEFJD.js";
import "./chunks/chunk-KIGM2236.js";
import "./chunks/chunk-SN54LWLO.js";
import "./chunks/chunk-YTT2LBXM.js";
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
