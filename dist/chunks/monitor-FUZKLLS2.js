import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  cliOptions,
  parseCliOptions
} from "./chunk-HPEITET7.js";
import {
  openProject,
  stageOutcome
} from "./chunk-SPTQT36L.js";
import {
  TREND_WINDOWS,
  historySection,
  monitorStage,
  requireMonitor
} from "./chunk-MW7T5TNT.js";
import {
  historyWindows
} from "./chunk-5DN7EZ73.js";
import "./chunk-STGVFYYW.js";
import "./chunk-GM3DQO2S.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-UWNI5IZX.js";
import "./chunk-YIBY5GJK.js";
import "./chunk-5ZSS5N4W.js";
import "./chunk-VRQIEPF7.js";
import "./chunk-CA3OQ63N.js";
import "./chunk-CFS6OHL3.js";
import "./chunk-ZHURFC42.js";
import "./chunk-ZOZ5APGE.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-5UXVYUWZ.js";
import {
  openRegistry
} from "./chunk-7ZIPCBYU.js";
import "./chunk-M55T6J7Q.js";
import "./chunk-SOCIR2FV.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-I4JPAUMH.js";
import "./chunk-GO6SIHAX.js";
import "./chunk-GTGMXKXZ.js";
import "./chunk-PJQSHXAG.js";
import "./chunk-BCNLONRF.js";
import "./chunk-WARQSE6L.js";
import "./chunk-PV6OBCS4.js";
import "./chunk-CKQNB7V5.js";
import "./chunk-NDR5IGVA.js";
import "./chunk-BIQWF3VO.js";
import "./chunk-FPYOTNJS.js";
import "./chunk-5PEOAABG.js";
import "./chunk-4HF3QBCP.js";
import "./chunk-GGC6PM5E.js";
import {
  renderText
} from "./chunk-NFXRFKJG.js";
import {
  primaryMetricOf
} from "./chunk-JCTNFSN4.js";
import "./chunk-G5WNRN53.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-3TO6B3UH.js";
import "./chunk-SN54LWLO.js";
import "./chunk-MFRW4TDE.js";
import "./chunk-NFSXRCFZ.js";
import {
  ExitCode,
  UsageError
} from "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";

// src/cli/commands/monitor.ts
var monitorCommand = {
  name: "monitor",
  summary: "Monitor the served model's prediction logs window by window; `monitor history` shows the trend",
  details: "Computes the windows that are new or newly labelled (drift, data quality, latency, realised and CBPE-estimated\nperformance), appends them to the monitoring log in the registry, and judges them by monitor.rules.\nExit 1 when a rule of severity error broke; 2 on a usage or config error or unreadable logs.\n`mlops monitor history [--alias a] [--last n]` shows the monitoring log's trend and computes nothing.\nA backlog splits into matrix legs: --shard i/n in each leg (same --now), then --merge 'shards/*.json'.",
  positionals: [{ name: "view", required: false, description: "history: show the monitoring log's trend" }],
  options: {
    ...cliOptions(monitorStage.options),
    last: { type: "string", valueName: "n", description: `history: the last n windows (default ${TREND_WINDOWS})` }
  },
  run: async (args, io) => {
    const [view] = args.positionals;
    if (view !== void 0 && view !== "history") {
      throw new UsageError(`unknown monitor view "${view}"`, {
        hint: "use `mlops monitor` or `mlops monitor history`"
      });
    }
    const options = await parseCliOptions(monitorStage.options, args, io);
    const context = await openProject(args, io);
    if (view !== "history") return stageOutcome(await monitorStage.run(context, options), args.text);
    const last = args.values.last === void 0 ? TREND_WINDOWS : Number(args.values.last);
    if (!Number.isInteger(last) || last < 1)
      throw new UsageError(`--last is a whole number of at least 1, not "${String(args.values.last)}"`);
    const { config } = context.loaded;
    const monitor = requireMonitor(config);
    const alias = options.alias ?? monitor.alias;
    const registry = await openRegistry(context);
    const windows = historyWindows(
      await registry.monitorLog(config.model.name, alias),
      monitor.window,
      (m) => context.logger.warn(m)
    );
    const trend = windows.slice(-last).map((w) => ({
      key: w.key,
      version: w.version,
      rows: w.result.rows,
      complete: w.result.labels?.complete ?? null,
      metrics: w.result.metrics,
      computedAt: w.computedAt,
      runUrl: w.runUrl
    }));
    const section = historySection(config.model.name, alias, trend, primaryMetricOf(config), last);
    return {
      exitCode: ExitCode.ok,
      result: { model: config.model.name, alias, registry: registry.location, windows: trend },
      text: renderText(section, args.text)
    };
  }
};
export {
  monitorCommand
};
