import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  reportArtifact
} from "./chunk-72IQZK4T.js";
import "./chunk-6XYO6AIC.js";
import "./chunk-5RCLNV7P.js";
import "./chunk-5CKVLCEB.js";
import "./chunk-KAPEWGXR.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-YAFPWT32.js";
import "./chunk-NCHGCW3K.js";
import "./chunk-PJQSHXAG.js";
import "./chunk-CA3OQ63N.js";
import {
  readRunnerEnvironment
} from "./chunk-Z6SYVTXW.js";
import {
  loadConfig
} from "./chunk-YJ7EOW4S.js";
import {
  ReportSection
} from "./chunk-MGTE44PV.js";
import "./chunk-5PEOAABG.js";
import {
  workspaceFor
} from "./chunk-YDKU3OPP.js";
import "./chunk-GMPRWTBY.js";
import "./chunk-BYDL72MP.js";
import "./chunk-MFRW4TDE.js";
import "./chunk-NFSXRCFZ.js";
import "./chunk-G5WNRN53.js";
import "./chunk-BIQWF3VO.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-3TO6B3UH.js";
import "./chunk-SN54LWLO.js";
import {
  ExitCode,
  UsageError
} from "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";

// src/cli/commands/report.ts
import { existsSync } from "node:fs";
import path from "node:path";
var reportCommand = {
  name: "report",
  summary: "Post the gate's report to its pull request: a sticky comment and a check run",
  details: "Reads the gate's result (the report artifact) as untrusted input, so a trusted workflow_run job can post\nthe report of a fork's pull request. The pull request and commit come from the event (or --pr/--sha).\nNeeds GITHUB_TOKEN (GITHUB_API_URL for GitHub Enterprise). Exit 0 when posted, whatever the verdict;\n2 when the report is invalid or GitHub refused it.",
  options: {
    from: { type: "string", valueName: "path", description: "The gate's result (default: <workspace>/out/gate.json)" },
    repo: { type: "string", valueName: "owner/name", description: "The repository (default: $GITHUB_REPOSITORY)" },
    pr: { type: "string", valueName: "number", description: "The pull request to comment on" },
    sha: { type: "string", valueName: "commit", description: "The commit the check run belongs on" },
    "dry-run": { type: "boolean", description: "Print the comment instead of posting anything" }
  },
  run: async (args, io) => {
    const configFile = path.resolve(io.cwd, args.config);
    const loaded = existsSync(configFile) ? await loadConfig(args.config, io.cwd) : null;
    const settings = loaded?.config.report ?? ReportSection.parse({});
    const from = typeof args.values.from === "string" ? path.resolve(io.cwd, args.values.from) : loaded ? workspaceFor(loaded).resultFile("gate") : void 0;
    if (!from) throw new UsageError(`no ${args.config} here, so say where the report is: --from <gate.json>`);
    const pr = typeof args.values.pr === "string" ? Number(args.values.pr) : void 0;
    if (pr !== void 0 && !(Number.isInteger(pr) && pr > 0))
      throw new UsageError(`--pr must be a pull request number, not "${String(args.values.pr)}"`);
    const sha = typeof args.values.sha === "string" ? args.values.sha : void 0;
    if (sha !== void 0 && !/^[0-9a-f]{40}$/.test(sha))
      throw new UsageError("--sha must be a full 40-digit commit sha");
    const runner = await readRunnerEnvironment(io.env);
    const outcome = await reportArtifact({
      file: from,
      shown: path.relative(io.cwd, from) || from,
      settings,
      runner,
      target: {
        ...typeof args.values.repo === "string" ? { repository: args.values.repo } : {},
        ...pr === void 0 ? {} : { pullRequest: pr },
        ...sha === void 0 ? {} : { headSha: sha }
      },
      access: {
        token: io.env.GITHUB_TOKEN || void 0,
        baseUrl: runner.apiUrl,
        logger: args.logger
      },
      dryRun: args.values["dry-run"] === true
    });
    const { report, published, target } = outcome;
    if (!published) {
      return {
        exitCode: ExitCode.ok,
        result: { posted: false, verdict: report.verdict, model: report.model, comment: outcome.comment },
        text: outcome.comment
      };
    }
    const lines = [
      `Gate report for ${report.model} (${report.verdict}) on ${target?.repository ?? ""}${target?.pullRequest ? ` #${target.pullRequest}` : ""}:`,
      published.commentUrl ? `  comment ${published.commentAction}: ${published.commentUrl}` : "  no comment (no pull request, or report.comment is off)",
      published.checkRunId !== null ? `  check run ${published.checkRunId} (${outcome.surfaces.check?.conclusion ?? ""})` : "  no check run",
      ...published.problems.map((problem) => `  could not post ${problem}`)
    ];
    for (const problem of published.problems) args.logger.error(`could not post ${problem}`);
    return {
      exitCode: published.problems.length > 0 ? ExitCode.usageOrConfig : ExitCode.ok,
      result: {
        posted: published.problems.length === 0,
        verdict: report.verdict,
        model: report.model,
        target,
        commentUrl: published.commentUrl,
        checkRunId: published.checkRunId,
        problems: published.problems
      },
      text: lines.join("\n")
    };
  }
};
export {
  reportCommand
};
