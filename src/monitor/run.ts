import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { StageContext } from "../context/context.ts";
import type { MlopsConfig, MonitorConfig } from "../config/schema/index.ts";
import { InputError, UsageError } from "../errors.ts";
import { openRegistry } from "../registry/open.ts";
import { projectStoreSettings } from "../store/open.ts";
import { durationMs } from "../config/schema/monitor.ts";
import type { AlertOutcomes } from "../alerts/outcomes.ts";
import { computeWindows, type Computed, settledOnly } from "./compute.ts";
import { settledLabelFiles } from "./plan.ts";
import { unmatchedLabels, unpackMarks } from "./labels.ts";
import { earlierWindows, historyWindows, logEntry, type HistoryWindow } from "./history.ts";
import { judgeWindows, type WindowJudgement } from "./rules.ts";
import { readShardFiles, SHARD_FORMAT, type ShardFile } from "./shards.ts";
import { emptyWindows } from "./gaps.ts";
import type { WindowResult } from "./window.ts";
import { SKIPPED_EXAMPLES, type WindowSize } from "./windows.ts";

/**
 * One monitoring run (DOMAIN.md §7, docs/monitoring.md): the windows that are new or newly labelled are computed
 * (compute.ts), appended to the monitoring log of the model and alias in the registry, and judged by monitor.rules.
 * A matrix leg (`shard`) computes its share and writes it to a file instead; the merge job (`merge`) appends and
 * judges the legs' files as one run.
 */

export interface MonitorOptions {
  /** The alias whose version is monitored (monitor.alias unless given). */
  alias?: string | undefined;
  /** The run's time, ISO 8601 (the clock unless given): the legs of one run share it. */
  now?: string | undefined;
  shard?: { index: number; count: number } | null;
  /** The legs' shard files, to append and judge instead of computing. */
  merge?: readonly string[];
  /** Compute every window again, not only new or newly labelled ones. */
  recompute?: boolean;
  workers?: number | undefined;
}

export interface MonitorResult {
  stage: "monitor";
  /** fail: a rule of severity error broke on a window computed in this run; skipped: a leg, judged by the merge. */
  verdict: "pass" | "fail" | "skipped";
  model: string;
  alias: string;
  version: string;
  now: string;
  window: WindowSize;
  /** The windows computed in this run, oldest first. */
  windows: WindowResult[];
  /** Windows earlier runs computed that nothing changed. */
  unchanged: number;
  judgements: WindowJudgement[];
  breaches: number;
  warnings: number;
  skippedRows: Computed["skippedRows"];
  unmatchedLabels: Computed["unmatchedLabels"];
  notes: string[];
  /** A leg's shard file; null for a whole run. */
  shard: { index: number; count: number; file: string } | null;
  /** The monitoring log's keys this run wrote. */
  logged: string[];
  /** What each alert channel did; set by the stage once the run is judged (absent for a leg). */
  alerts?: AlertOutcomes;
  /** The monitoring log after the run: each window's newest figures, oldest first (for the trend). */
  history: { key: string; version: string; rows: number; complete: boolean | null; metrics: Record<string, number> }[];
}

export async function runMonitor(context: StageContext, options: MonitorOptions = {}): Promise<MonitorResult> {
  const { config, root } = context.loaded;
  const monitor = requireMonitor(config);
  if (options.shard && options.merge && options.merge.length > 0)
    throw new UsageError("--shard and --merge are two jobs of one run: a leg computes, the merge job appends");
  const alias = options.alias ?? monitor.alias;
  const now = options.now === undefined ? context.now() : parseNow(options.now);
  const model = config.model.name;
  const registry = await openRegistry(context);
  const manifest = await registry.resolve(model, alias);
  if (!manifest) {
    throw new InputError(
      `${model} has no version at alias "${alias}" in ${registry.location}, so there is nothing to monitor`,
      {
        hint: "publish and promote a version first (mlops publish, mlops promote), or set monitor.alias",
      },
    );
  }
  const history = historyWindows(await registry.monitorLog(model, alias), monitor.window, (m) =>
    context.logger.warn(m),
  );
  refuseTimeBeforeHistory(history, now, `${model}@${alias}`);
  const scratchRoot = path.join(context.workspace.dir, "tmp");
  await mkdir(scratchRoot, { recursive: true });
  const scratch = await mkdtemp(path.join(scratchRoot, "monitor-"));
  try {
    const computed =
      options.merge && options.merge.length > 0
        ? mergeShards(await readShardFiles(options.merge, root), {
            model,
            alias,
            version: manifest.version,
            now,
            earlier: new Set(history.map((h) => h.key)),
            size: monitor.window,
            delayMs: monitor.labels ? durationMs(monitor.labels.delay) : 0,
          })
        : await computeWindows({
            config,
            monitor,
            root,
            registry,
            manifest,
            earlier: earlierWindows(history),
            now: now.getTime(),
            shard: options.shard ?? null,
            recompute: options.recompute ?? false,
            store: projectStoreSettings(config.registry, context.env),
            scratch,
            workers: options.workers,
            logger: context.logger,
          });
    const base = {
      stage: "monitor" as const,
      model,
      alias,
      version: manifest.version,
      now: now.toISOString(),
      window: monitor.window,
      unchanged: computed.unchanged.length,
      skippedRows: computed.skippedRows,
      unmatchedLabels: computed.unmatchedLabels,
      notes: computed.notes,
    };
    if (options.shard) {
      const file = context.workspace.resultFile(`monitor-shard-${options.shard.index}-of-${options.shard.count}`);
      const shard: ShardFile = {
        format: SHARD_FORMAT,
        model,
        alias,
        version: manifest.version,
        now: now.toISOString(),
        shard: { index: options.shard.index, count: options.shard.count },
        ...computed,
      };
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, `${JSON.stringify(shard)}\n`);
      return {
        ...base,
        verdict: "skipped",
        windows: computed.windows,
        judgements: [],
        breaches: 0,
        warnings: 0,
        shard: { ...options.shard, file },
        logged: [],
        history: trend(history, computed.windows, manifest.version),
      };
    }
    const empty = emptyWindows(history, computed.windows, monitor.window, now.getTime());
    const windows = [...computed.windows, ...empty.windows].sort(
      (a, b) => Date.parse(a.window.start) - Date.parse(b.window.start),
    );
    const judgements = judgeWindows(monitor.rules, windows, {
      version: manifest.version,
      metrics: manifest.metrics,
      slices: manifest.slices,
      history: history.map((h) => ({ key: h.key, start: h.start, metrics: h.result.metrics })),
    });
    // Each entry keeps its window's verdict, so `retrain decide` (retrain.when.monitor) reads what breached.
    const judged = new Map(judgements.map((j) => [j.window, j]));
    const logged = await registry.appendMonitorLog(
      model,
      alias,
      windows.map((w) =>
        logEntry(
          w,
          judged.get(w.window.key),
          monitor.window,
          manifest.version,
          context.now(),
          context.provenance.runUrl,
        ),
      ),
    );
    const breaches = judgements.filter((j) => j.verdict === "fail").length;
    return {
      ...base,
      notes: [...base.notes, ...empty.notes],
      verdict: breaches > 0 ? "fail" : "pass",
      windows,
      judgements,
      breaches,
      warnings: judgements.filter((j) => j.verdict === "warn").length,
      shard: null,
      logged,
      history: trend(history, windows, manifest.version),
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The monitor section, or the usage error that says how to add one. */
export function requireMonitor(config: MlopsConfig): MonitorConfig {
  if (!config.monitor) {
    throw new UsageError("mlops.yml has no monitor section", {
      hint: "add `monitor: { logs: { path: logs/*.jsonl } }` (docs/monitoring.md)",
    });
  }
  return config.monitor;
}

function parseNow(text: string): Date {
  const ms = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || !Number.isFinite(ms)) {
    throw new UsageError(`--now ${text} is not an ISO 8601 time`, { hint: "for example 2026-03-29T04:17:00Z" });
  }
  return new Date(ms);
}

/**
 * Refuses a run's time before the newest window with rows in the monitoring log (a wrong --now, a clock reset): its
 * rows would count as in the future, and windows computed again would be appended empty, and win, since the newest
 * entry of a window does. Windows recorded with 0 rows do not count: an outage recorded by a --now too far ahead must
 * not refuse every run at the right time.
 */
function refuseTimeBeforeHistory(history: readonly HistoryWindow[], now: Date, monitored: string): void {
  const newest = history.filter((window) => window.result.rows > 0).at(-1);
  if (!newest || now.getTime() >= newest.start) return;
  throw new UsageError(
    `the run's time, ${now.toISOString()}, is before window ${newest.key}, the newest with rows in the monitoring log of ${monitored}`,
    {
      hint: "give --now the time the run stands for (leave it out for the clock); a run earlier than the windows it would compute again would record them without their rows",
    },
  );
}

/** The legs' results as one run's, after checking they are the legs of one run of this model, alias and version. */
function mergeShards(
  shards: readonly ShardFile[],
  run: {
    model: string;
    alias: string;
    version: string;
    now: Date;
    earlier: ReadonlySet<string>;
    size: WindowSize;
    delayMs: number;
  },
): Computed {
  const first = shards[0];
  if (!first) throw new UsageError("--merge matched no shard file", { hint: "download the legs' artifacts first" });
  const count = first.shard.count;
  const legs = new Set<number>();
  for (const shard of shards) {
    if (legs.has(shard.shard.index) || shard.shard.index > shard.shard.count) {
      throw new InputError(
        `leg ${shard.shard.index} of ${shard.shard.count} is given ${legs.has(shard.shard.index) ? "twice" : "but there is no such leg"}`,
        {
          hint: "pass each leg's shard file once (a retried leg's artifact replaces the first, it does not add to it)",
        },
      );
    }
    legs.add(shard.shard.index);
    const mismatch =
      shard.model !== run.model
        ? `model ${shard.model}`
        : shard.alias !== run.alias
          ? `alias ${shard.alias}`
          : shard.version !== first.version
            ? `version ${shard.version} (another leg monitored ${first.version})`
            : shard.now !== first.now
              ? `time ${shard.now} (another leg ran at ${first.now}: pass every leg the same --now)`
              : shard.shard.count !== count
                ? `${shard.shard.count} legs (another leg says ${count})`
                : null;
    if (mismatch) throw new InputError(`shard ${shard.shard.index} of ${shard.shard.count} is of ${mismatch}`);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter(
    (i) => !shards.some((shard) => shard.shard.index === i),
  );
  if (missing.length > 0) {
    throw new InputError(`the shard files of leg(s) ${missing.join(", ")} of ${count} are missing`, {
      hint: "a leg failed or its artifact was not downloaded; a window is judged only once every leg is in",
    });
  }
  const seen = new Map<string, number>();
  for (const shard of shards) {
    for (const window of shard.windows) {
      const other = seen.get(window.window.key);
      if (other !== undefined && other !== shard.shard.index) {
        throw new InputError(
          `window ${window.window.key} was computed by legs ${other} and ${shard.shard.index}: its rows are in log files dated more than a day from it`,
          { hint: "run `mlops monitor --recompute` as one job, or write each row to the file of its own date" },
        );
      }
      seen.set(window.window.key, shard.shard.index);
    }
  }
  const marks = unpackMarks(shards.map((s) => s.labelMarks ?? {}));
  return {
    windows: shards.flatMap((shard) => shard.windows),
    unchanged: first.unchanged,
    skippedRows: {
      unparseable: sumSkipped(shards.map((s) => s.skippedRows.unparseable)),
      future: sumSkipped(shards.map((s) => s.skippedRows.future)),
    },
    unmatchedLabels: unmatchedLabels(
      settledOnly(
        marks,
        settledLabelFiles(marks.keys(), new Set(seen.keys()), run.earlier, run.size, run.delayMs, run.now.getTime()),
      ),
    ),
    labelMarks: null,
    notes: [...new Set(shards.flatMap((s) => s.notes))],
  };
}

type Skipped = Computed["skippedRows"]["unparseable"];

function sumSkipped(parts: readonly Skipped[]): Skipped {
  return {
    count: parts.reduce((sum, part) => sum + part.count, 0),
    examples: parts.flatMap((part) => part.examples).slice(0, SKIPPED_EXAMPLES),
  };
}

/** The trend after this run: each window's newest figures, oldest first. */
function trend(
  history: readonly HistoryWindow[],
  computed: readonly WindowResult[],
  version: string,
): MonitorResult["history"] {
  const byKey = new Map<string, MonitorResult["history"][number] & { start: number }>();
  for (const h of history) {
    byKey.set(h.key, {
      key: h.key,
      start: h.start,
      version: h.version,
      rows: h.result.rows,
      complete: h.result.labels?.complete ?? null,
      metrics: h.result.metrics,
    });
  }
  for (const w of computed) {
    byKey.set(w.window.key, {
      key: w.window.key,
      start: Date.parse(w.window.start),
      version,
      rows: w.rows,
      complete: w.labels?.complete ?? null,
      metrics: w.metrics,
    });
  }
  return [...byKey.values()].sort((a, b) => a.start - b.start).map(({ start: _start, ...rest }) => rest);
}
