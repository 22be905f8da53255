import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  reportArtifact
} from "./chunks/chunk-RSOGC67R.js";
import "./chunks/chunk-MTVHROBT.js";
import "./chunks/chunk-BFTSGGB3.js";
import {
  actionInputs,
  actionStart,
  failStep
} from "./chunks/chunk-EN7ZLZTN.js";
import {
  setFailed,
  setOutput,
  summary
} from "./chunks/chunk-O5RPIDMJ.js";
import "./chunks/chunk-BIQWF3VO.js";
import "./chunks/chunk-TLX656CK.js";
import "./chunks/chunk-NNNSQAJN.js";
import "./chunks/chunk-EU447EYR.js";
import "./chunks/chunk-AOOPNKUY.js";
import {
  renderMarkdown
} from "./chunks/chunk-VRNFBWJ4.js";
import {
  ReportSection,
  loadConfig
} from "./chunks/chunk-TFWDSRPY.js";
import "./chunks/chunk-MUNXKJR2.js";
import "./chunks/chunk-OUO73NAH.js";
import "./chunks/chunk-WEGPIWUD.js";
import "./chunks/chunk-XDWG76T6.js";
import "./chunks/chunk-657YCYD7.js";
import "./chunks/chunk-H6UPHFKP.js";
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
    const outcome = await reportArtifact({
      file,
      shown: path.relative(workspaceRoot, file) || file,
      settings: loaded?.config.report ?? ReportSection.parse({}),
      env,
      target: {},
      access: {
        token: actionInputs.text("github-token"),
        baseUrl: env.GITHUB_API_URL || "https://api.github.com",
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
