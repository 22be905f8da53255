import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  writeRunReport
} from "./chunk-5I3LMDH3.js";
import "./chunk-IKP5MKZU.js";
import "./chunk-XCPY3VZS.js";
import "./chunk-VZY6JDFA.js";
import {
  reportArtifact
} from "./chunk-ETJ5HDRZ.js";
import "./chunk-72OCKP5C.js";
import "./chunk-4SQXFUI5.js";
import "./chunk-SLSOLTLA.js";
import "./chunk-IY6KPMTB.js";
import "./chunk-VAXOH5AZ.js";
import "./chunk-ZZCSUO3L.js";
import "./chunk-5S2V7SVG.js";
import "./chunk-QFBHIOL6.js";
import "./chunk-LFNSLPCM.js";
import "./chunk-LGIA7PQF.js";
import "./chunk-533AISZH.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-PMBSX2RF.js";
import "./chunk-U3OKT6DL.js";
import "./chunk-BUY5QZDY.js";
import "./chunk-X2I57EAR.js";
import "./chunk-N6JR4UVL.js";
import "./chunk-3EFEPTIF.js";
import "./chunk-Z7WWPMG5.js";
import "./chunk-VU4CPE2P.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-HHR3RJXW.js";
import "./chunk-XWUCKCS7.js";
import "./chunk-WOQKGCDT.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-U3KBKKVS.js";
import "./chunk-Q52DLOOW.js";
import "./chunk-VLGHGLBD.js";
import "./chunk-MFDUBFJ5.js";
import {
  readRunnerEnvironment
} from "./chunk-QLLY57GB.js";
import {
  loadConfig
} from "./chunk-QEZGSB67.js";
import "./chunk-35MZIMAV.js";
import "./chunk-TEWQFG7M.js";
import {
  workspaceFor
} from "./chunk-I7YBYH2J.js";
import "./chunk-RRG6TSJC.js";
import "./chunk-EYMTTHNR.js";
import "./chunk-5PEOAABG.js";
import {
  ReportSection
} from "./chunk-WYGES5K7.js";
import "./chunk-VJBMOATJ.js";
import "./chunk-LNIKRDBK.js";
import "./chunk-EYNKBRNV.js";
import "./chunk-XJ2QCSOL.js";
import "./chunk-OSH67I4H.js";
import "./chunk-5AQJPSN5.js";
import "./chunk-PEZVGW4L.js";
import "./chunk-MOKAEFJD.js";
import "./chunk-KIGM2236.js";
import "./chunk-SN54LWLO.js";
import "./chunk-MFRW4TDE.js";
import "./chunk-NFSXRCFZ.js";
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
  summary: "Post the gate's report to its pull request (a sticky comment and a check run), or write the run's HTML report",
  details: "Reads the gate's result (the report artifact) as untrusted input, so a trusted workflow_run job can post\nthe report of a fork's pull request. The pull request and commit come from the event (or --pr/--sha).\nNeeds GITHUB_TOKEN (GITHUB_API_URL for GitHub Enterprise). Exit 0 when posted, whatever the verdict;\n2 when the report is invalid or GitHub refused it.\nWith --html, writes the run's report instead: one self-contained HTML file (validation, evaluation and gate\nwith their plots) from the workspace's results, to [path] (default: <workspace>/out/report.html). No GitHub needed.",
  positionals: [
    {
      name: "path",
      required: false,
      description: "With --html: where to write it (default: <workspace>/out/report.html)"
    }
  ],
  options: {
    html: { type: "boolean", description: "Write the run's HTML report locally instead of posting to GitHub" },
    from: { type: "string", valueName: "path", description: "The gate's result (default: <workspace>/out/gate.json)" },
    repo: { type: "string", valueName: "owner/name", description: "The repository (default: $GITHUB_REPOSITORY)" },
    pr: { type: "string", valueName: "number", description: "The pull request to comment on" },
    sha: { type: "string", valueName: "commit", description: "The commit the check run belongs on" },
    "dry-run": { type: "boolean", description: "Print the comment instead of posting anything" }
  },
  run: async (args, io) => {
    if (args.values.html === true) return writeHtml(args, io);
    if (args.positionals.length > 0)
      throw new UsageError(`unexpected argument "${args.positionals[0]}"`, {
        hint: "a path goes with --html: `mlops report --html [path]`"
      });
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
async function writeHtml(args, io) {
  for (const flag of ["from", "repo", "pr", "sha", "dry-run"])
    if (args.values[flag] !== void 0)
      throw new UsageError(`--${flag} posts to GitHub; --html writes the report locally`, {
        hint: "use one or the other"
      });
  const loaded = await loadConfig(args.config, io.cwd);
  const workspace = workspaceFor(loaded);
  const runner = await readRunnerEnvironment(io.env);
  const written = await writeRunReport(workspace, {
    cwd: io.cwd,
    model: loaded.config.model.name,
    generated: /* @__PURE__ */ new Date(),
    runUrl: runner.runUrl,
    ...args.positionals[0] === void 0 ? {} : { file: path.resolve(io.cwd, args.positionals[0]) }
  });
  const shown = path.relative(io.cwd, written.file) || written.file;
  const kib = Math.max(1, Math.round(written.bytes / 1024));
  return {
    exitCode: ExitCode.ok,
    result: {
      file: written.file,
      bytes: written.bytes,
      title: written.report.title,
      sections: written.report.sections.map((s) => ({ title: s.title, status: s.status }))
    },
    text: `Wrote the run's report to ${shown} (${kib} KiB): ${written.report.sections.map((s) => s.title).join(", ")}.
Open it in a browser; it loads nothing from anywhere.`
  };
}
export {
  reportCommand
};
