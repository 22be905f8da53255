import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  cliOptions,
  parseCliOptions
} from "./chunk-OTP7CWXP.js";
import {
  openProject,
  stageOutcome
} from "./chunk-UHOCCZXB.js";
import {
  TREND_WINDOWS,
  historySection,
  monitorStage
} from "./chunk-BA6DX2KN.js";
import {
  requireMonitor
} from "./chunk-YG6NOZSE.js";
import {
  historyWindows
} from "./chunk-RVN7SF5U.js";
import "./chunk-WE5QLUEO.js";
import "./chunk-TWTT4PQW.js";
import "./chunk-LFMJASVH.js";
import "./chunk-STGVFYYW.js";
import "./chunk-IQ2TRDZO.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-WI6PHDQ2.js";
import "./chunk-ZW72LFFF.js";
import "./chunk-5ZSS5N4W.js";
import "./chunk-Q2UDEBW6.js";
import "./chunk-GTGMXKXZ.js";
import "./chunk-QJBHOZOC.js";
import "./chunk-ZFWOX7ET.js";
import "./chunk-LFNSLPCM.js";
import "./chunk-S4673Z2K.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-Z6UVMVVW.js";
import "./chunk-CXPI6C2V.js";
import "./chunk-6FFNJH6A.js";
import "./chunk-YGUH5UYY.js";
import {
  openRegistry
} from "./chunk-4F7JFGEA.js";
import "./chunk-BCJVN7WI.js";
import "./chunk-YAAMRAA5.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-ZPCS6KAC.js";
import "./chunk-IVUJGG4J.js";
import "./chunk-EZK6EJQS.js";
import "./chunk-QKLWXX4C.js";
import "./chunk-5D2KL2UV.js";
import "./chunk-IRPQCUXK.js";
import "./chunk-M5RMI2LT.js";
import "./chunk-5PEOAABG.js";
import "./chunk-HGWZYJ7P.js";
import "./chunk-SR67EPJB.js";
import {
  renderText
} from "./chunk-2FCG3MIX.js";
import {
  primaryMetricOf
} from "./chunk-2E2J3IB3.js";
import "./chunk-QR6TB6JR.js";
import "./chunk-O3UAJ45K.js";
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
