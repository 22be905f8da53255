import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  cliOptions,
  parseCliOptions
} from "./chunk-XVFAPK37.js";
import {
  openProject,
  stageOutcome
} from "./chunk-KATF5WDH.js";
import {
  TREND_WINDOWS,
  historySection,
  monitorStage
} from "./chunk-AIK2AAHP.js";
import {
  requireMonitor
} from "./chunk-HPOHQKS7.js";
import {
  historyWindows
} from "./chunk-AWWEC64S.js";
import "./chunk-WE5QLUEO.js";
import "./chunk-KCZDMEGW.js";
import "./chunk-LFMJASVH.js";
import "./chunk-EEV3A2B6.js";
import "./chunk-QJXKZEE6.js";
import "./chunk-XCPY3VZS.js";
import "./chunk-CY6NSRLG.js";
import "./chunk-OBRNAMFT.js";
import "./chunk-SNPX46U6.js";
import "./chunk-STGVFYYW.js";
import "./chunk-D4GGIWCT.js";
import "./chunk-VZY6JDFA.js";
import "./chunk-4ZTHIXX4.js";
import "./chunk-IYKSYI5H.js";
import "./chunk-G6IL24PE.js";
import "./chunk-72OCKP5C.js";
import "./chunk-5S2V7SVG.js";
import "./chunk-QFBHIOL6.js";
import "./chunk-LFNSLPCM.js";
import "./chunk-LGIA7PQF.js";
import "./chunk-PMBSX2RF.js";
import "./chunk-BUY5QZDY.js";
import "./chunk-X2I57EAR.js";
import "./chunk-N6JR4UVL.js";
import "./chunk-3EFEPTIF.js";
import "./chunk-Z7WWPMG5.js";
import "./chunk-VU4CPE2P.js";
import "./chunk-CQ3WEECP.js";
import {
  openRegistry
} from "./chunk-GPXSHNAX.js";
import "./chunk-TFGIC24Q.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-BO5Z4RF3.js";
import "./chunk-QD46VIFS.js";
import "./chunk-WOQKGCDT.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-U3KBKKVS.js";
import "./chunk-Q52DLOOW.js";
import "./chunk-VLGHGLBD.js";
import "./chunk-MFDUBFJ5.js";
import "./chunk-QLLY57GB.js";
import "./chunk-QEZGSB67.js";
import "./chunk-35MZIMAV.js";
import "./chunk-TEWQFG7M.js";
import "./chunk-I7YBYH2J.js";
import "./chunk-RRG6TSJC.js";
import "./chunk-EYMTTHNR.js";
import "./chunk-5PEOAABG.js";
import "./chunk-WYGES5K7.js";
import "./chunk-VJBMOATJ.js";
import "./chunk-LNIKRDBK.js";
import "./chunk-EYNKBRNV.js";
import "./chunk-XJ2QCSOL.js";
import {
  renderText
} from "./chunk-OSH67I4H.js";
import "./chunk-5AQJPSN5.js";
import "./chunk-PEZVGW4L.js";
import "./chunk-SUPM4SWD.js";
import "./chunk-MOKAEFJD.js";
import {
  primaryMetricOf
} from "./chunk-KIGM2236.js";
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
    const aliases = windows.length === 0 ? await registry.aliases(config.model.name) : {};
    if (windows.length === 0 && !(alias in aliases)) {
      const names = Object.keys(aliases);
      throw new UsageError(`${config.model.name} has no alias "${alias}" in ${registry.location}`, {
        hint: names.length > 0 ? `its aliases: ${names.join(", ")}` : "it has no alias yet (mlops promote)"
      });
    }
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
