import path from "node:path";
import * as z from "../zod.ts";
import { primaryMetricOf } from "../config/metrics.ts";
import { ExitCode } from "../errors.ts";
import {
  alertBlocks,
  alertOf,
  dispatchRetrain,
  keepMonitorIssue,
  sendPrometheus,
  sendWebhook,
} from "../monitor/alerts.ts";
import { type MonitorResult, requireMonitor, runMonitor } from "../monitor/run.ts";
import { githubForRun } from "../github/for-run.ts";
import { monitorSection } from "../monitor/section.ts";
import { saveStageRun, type StageRun } from "../pipeline/stage-run.ts";
import type { StageContext } from "../context/context.ts";
import { defineStage } from "./definition.ts";
import { issueTokenOption, registryTokenOption, withRegistryToken } from "./github-token.ts";
import { countOption, flagOption, globsOption, shardOption, textOption } from "./options.ts";

export const MonitorOptions = z.object({
  alias: textOption({
    cli: {
      flag: "alias",
      valueName: "alias",
      description: "The alias whose version is monitored (default monitor.alias)",
    },
    action: { input: "alias", description: "The alias whose version is monitored. Default: monitor.alias." },
  }),
  now: textOption({
    cli: {
      flag: "now",
      valueName: "time",
      description: "The run's time, ISO 8601 (default: now); the legs of one run pass the same",
    },
    action: {
      input: "now",
      description:
        "The run's time, ISO 8601 (default: now): windows after it are not monitored yet, and labels are complete by it. Every leg of a matrix run and its merge job pass the same.",
    },
  }),
  shard: shardOption({
    cli: { flag: "shard", valueName: "i/n", description: "Compute only the i-th of n blocks of the pending windows" },
    action: {
      input: "shard",
      description:
        "i/n: compute only the i-th of n blocks of the pending windows and write them to <workspace>/out/monitor-shard-i-of-n.json for the merge job (nothing is appended or judged).",
    },
  }),
  merge: globsOption({
    cli: { flag: "merge", valueName: "glob", description: "Shard files of the legs to append and judge" },
    action: {
      input: "merge",
      description:
        "The legs' shard files to append to the monitoring log and judge as one run, instead of computing; globs, one per line, relative to the folder of mlops.yml.",
      relativeTo: "config",
    },
    noun: "shard file",
    noMatchHint: {
      cli: "write them with mlops monitor --shard i/n",
      action: "download the legs' monitor-shard artifacts first",
    },
  }),
  recompute: flagOption({
    cli: { flag: "recompute", description: "Compute every window again, not only new or newly labelled ones" },
    action: {
      input: "recompute",
      description: "true to compute every window again, not only new or newly labelled ones.",
    },
  }),
  workers: countOption({
    cli: { flag: "workers", valueName: "n", description: "Threads to read each window with (default: every core)" },
    action: { input: "workers", description: "Threads to read each window with. Default every core." },
  }),
  githubToken: issueTokenOption("the monitoring issue"),
  /** The monitoring log is appended to the registry. */
  registryToken: registryTokenOption("write"),
});

export type MonitorStageOptions = z.output<typeof MonitorOptions>;

export async function runMonitorStage(
  context: StageContext,
  options: MonitorStageOptions,
): Promise<StageRun<MonitorResult>> {
  // The client first: a repository it cannot address fails the run before anything is appended.
  const github = githubForRun(context, options.githubToken);
  const result = await runMonitor(withRegistryToken(context, options.registryToken), {
    alias: options.alias,
    now: options.now,
    shard: options.shard ?? null,
    merge: options.merge,
    recompute: options.recompute,
    workers: options.workers,
  });
  const section = monitorSection(result, primaryMetricOf(context.loaded.config));
  if (result.shard === null) {
    // Told once the run is judged, by the run that appends (a leg tells nothing); the verdict stands whatever happens.
    const monitor = requireMonitor(context.loaded.config);
    const alert = alertOf(result, monitor.rules, context.provenance.runUrl);
    const issue = await keepMonitorIssue(github, monitor.alerts.issue, alert, section);
    const webhook = await sendWebhook(alert, monitor.alerts.webhook, context.env);
    const retrain = await dispatchRetrain(github, alert, context.runner.ref, issue);
    const prometheus = await sendPrometheus(alert, monitor.alerts.prometheus, context.loaded.root);
    result.alerts = { breach: result.verdict === "fail", issue, webhook, prometheus, retrain };
    if (prometheus && !prometheus.ok) context.logger.warn(`prometheus: ${prometheus.lines.join("; ")}`);
    if ("failed" in retrain) context.logger.warn(retrain.failed);
    if ("failed" in issue) context.logger.warn(issue.failed);
    if (webhook?.outcome === "failed") context.logger.warn(`webhook: ${webhook.message}`);
    section.blocks.push(...alertBlocks(result.alerts));
  }
  const exit = result.verdict === "fail" ? ExitCode.checkFailed : ExitCode.ok;
  return saveStageRun(context, "monitor", result, section, exit);
}

export const monitorStage = defineStage({
  name: "monitor",
  options: MonitorOptions,
  run: runMonitorStage,
  command: null,
  action: {
    description:
      "Monitor the served model: cut its prediction logs into windows, measure drift, data quality, latency, realised and estimated (CBPE) performance, keep the history in the registry, and fail on a breached monitor rule.",
    icon: "activity",
    verdictOutput: "verdict",
    outputs: {
      verdict: {
        description:
          "pass, fail (a rule of severity error broke on a window computed in this run), skipped (a matrix leg: the merge job judges); error when the monitor could not run.",
        value: ({ result }) => result.verdict,
      },
      windows: { description: "Windows computed in this run.", value: ({ result }) => result.windows.length },
      breaches: {
        description: "Windows computed in this run that broke a rule of severity error.",
        value: ({ result }) => result.breaches,
      },
      version: { description: "The monitored version.", value: ({ result }) => result.version },
      "shard-file": {
        description: "A leg's shard file (with `shard`), to upload for the merge job; empty otherwise.",
        value: ({ result }) => (result.shard ? path.resolve(result.shard.file) : ""),
      },
    },
    failureMessage: ({ result }) =>
      `the monitor found ${result.breaches} window(s) breaching a rule; see the job summary`,
  },
});
