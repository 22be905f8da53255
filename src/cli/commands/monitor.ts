import { primaryMetricOf } from "../../config/metrics.ts";
import { ExitCode, UsageError } from "../../errors.ts";
import { historyWindows } from "../../monitor/history.ts";
import { requireMonitor } from "../../monitor/run.ts";
import { historySection, TREND_WINDOWS } from "../../monitor/section.ts";
import { openRegistry } from "../../registry/open.ts";
import { renderText } from "../../report/sections.ts";
import { monitorStage } from "../../stages/monitor.ts";
import type { CommandSpec } from "../command.ts";
import { openProject, stageOutcome } from "../project.ts";
import { cliOptions, parseCliOptions } from "../stage-command.ts";

/** `mlops monitor`: the monitor stage (actions/monitor runs the same); `mlops monitor history`: the trend, read only. */

export const monitorCommand: CommandSpec = {
  name: "monitor",
  summary: "Monitor the served model's prediction logs window by window; `monitor history` shows the trend",
  details:
    "Computes the windows that are new or newly labelled (drift, data quality, latency, realised and CBPE-estimated\n" +
    "performance), appends them to the monitoring log in the registry, and judges them by monitor.rules.\n" +
    "Exit 1 when a rule of severity error broke; 2 on a usage or config error or unreadable logs.\n" +
    "`mlops monitor history [--alias a] [--last n]` shows the monitoring log's trend and computes nothing.\n" +
    "A backlog splits into matrix legs: --shard i/n in each leg (same --now), then --merge 'shards/*.json'.",
  positionals: [{ name: "view", required: false, description: "history: show the monitoring log's trend" }],
  options: {
    ...cliOptions(monitorStage.options),
    last: { type: "string", valueName: "n", description: `history: the last n windows (default ${TREND_WINDOWS})` },
  },
  run: async (args, io) => {
    const [view] = args.positionals;
    if (view !== undefined && view !== "history") {
      throw new UsageError(`unknown monitor view "${view}"`, {
        hint: "use `mlops monitor` or `mlops monitor history`",
      });
    }
    const options = await parseCliOptions(monitorStage.options, args, io);
    const context = await openProject(args, io);
    if (view !== "history") return stageOutcome(await monitorStage.run(context, options), args.text);
    const last = args.values.last === undefined ? TREND_WINDOWS : Number(args.values.last);
    if (!Number.isInteger(last) || last < 1)
      throw new UsageError(`--last is a whole number of at least 1, not "${String(args.values.last)}"`);
    const { config } = context.loaded;
    const monitor = requireMonitor(config);
    const alias = options.alias ?? monitor.alias;
    const registry = await openRegistry(context);
    const windows = historyWindows(await registry.monitorLog(config.model.name, alias), monitor.window, (m) =>
      context.logger.warn(m),
    );
    // An empty log of an alias that does not exist is a typo, not "no window has been monitored yet".
    const aliases = windows.length === 0 ? await registry.aliases(config.model.name) : {};
    if (windows.length === 0 && !(alias in aliases)) {
      const names = Object.keys(aliases);
      throw new UsageError(`${config.model.name} has no alias "${alias}" in ${registry.location}`, {
        hint: names.length > 0 ? `its aliases: ${names.join(", ")}` : "it has no alias yet (mlops promote)",
      });
    }
    const trend = windows.slice(-last).map((w) => ({
      key: w.key,
      version: w.version,
      rows: w.result.rows,
      complete: w.result.labels?.complete ?? null,
      metrics: w.result.metrics,
      computedAt: w.computedAt,
      runUrl: w.runUrl,
    }));
    const section = historySection(config.model.name, alias, trend, primaryMetricOf(config), last);
    return {
      exitCode: ExitCode.ok,
      result: { model: config.model.name, alias, registry: registry.location, windows: trend },
      text: renderText(section, args.text),
    };
  },
};
