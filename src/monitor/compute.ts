import { stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { DriftConfig } from "../config/schema/data.ts";
import type { MlopsConfig, MonitorConfig } from "../config/schema/index.ts";
import { durationMs } from "../config/schema/monitor.ts";
import type { ProfiledDataset } from "../data/comparisons.ts";
import { ScanThreads } from "../data/parallel.ts";
import { HeldArrays, HELD_VALUES_BUDGET } from "../data/held-values.ts";
import { liveSchema } from "../data/live-schema.ts";
import { fetchSources, listSources, shardOf, type SourceEntry, type SourceFile } from "../data/sources.ts";
import { profileSources, type ValidateOptions } from "../data/validate.ts";
import type { Logger } from "../logging.ts";
import type { Manifest } from "../registry/manifest.ts";
import type { Registry } from "../registry/registry.ts";
import type { StoreSettings } from "../store/open.ts";
import { UsageError } from "../errors.ts";
import {
  joinLabels,
  labelFiles,
  labelFilesFor,
  packMarks,
  type PackedMarks,
  requireLabelFiles,
  unmatchedLabels,
} from "./labels.ts";
import {
  type EarlierWindow,
  freshFilesFor,
  planMonitorRun,
  plannedWindows,
  settledLabelFiles,
  type StampedFile,
} from "./plan.ts";
import { knownClasses, predictionReference, type PredictionReference, trainingReference } from "./references.ts";
import { logLayout } from "./log-layout.ts";
import { logColumns, type Spool, type SpooledWindow, spoolLogs } from "./spool.ts";
import { blankNotes, openWindowNotes, refuseTimeBeforeRows } from "./spool-notes.ts";
import { requireTrainingFeatures, trainingFeatures } from "./log-features.ts";
import { ownsDayOf, refuseFarRows } from "./leg-reach.ts";
import { spoolOnThreads } from "./spool-threads.ts";
import { emptyWindow, measureWindow, type WindowResult } from "./window.ts";
import { readWindowRows } from "./window-rows.ts";
import { labelCompleteness, type TimeWindow, windowOf } from "./windows.ts";
import { monitorMetrics } from "../config/window-metrics.ts";

/**
 * The computing half of a monitoring run: plans which windows to compute (plan.ts), reads the logs once into window
 * files (spool.ts), and measures each window in turn (window.ts) with its labels joined (labels.ts), while one worker
 * thread, started once for the run, profiles the next one. It writes nothing to the registry: the run (run.ts) appends
 * what this returns, or a matrix leg hands it to the merge job.
 */

export interface ComputeInput {
  config: MlopsConfig;
  monitor: MonitorConfig;
  root: string;
  registry: Registry;
  manifest: Manifest;
  earlier: readonly EarlierWindow[];
  now: number;
  shard: { index: number; count: number } | null;
  recompute: boolean;
  store: StoreSettings;
  scratch: string;
  workers: number | undefined;
  logger: Pick<Logger, "info" | "debug">;
}

export interface Computed {
  windows: WindowResult[];
  unchanged: string[];
  skippedRows: Pick<Spool, "unparseable" | "future">;
  unmatchedLabels: { count: number; files: string[] };
  /** A leg's label marks, for the merge job to count the labels that matched no leg's window; null for a whole run. */
  labelMarks: Record<string, PackedMarks> | null;
  notes: string[];
}

export async function computeWindows(input: ComputeInput): Promise<Computed> {
  const { monitor, root, now } = input;
  const size = monitor.window;
  const logs = await stamped(await listSources(monitor.logs.path, root, input.store));
  const labels = monitor.labels;
  const delay = labels ? durationMs(labels.delay) : 0;
  const labelSources = labels
    ? await stamped(await listSources(labels.path, root, input.store, { allowEmpty: true }))
    : [];
  const dated = labelFiles(labelSources.map((file) => file.shown)).map((file, i) => ({
    ...file,
    stamp: labelSources[i]?.stamp ?? "",
    entry: labelSources[i]?.entry,
  }));
  const labelsFor = (window: TimeWindow): StampedFile[] =>
    labelFilesFor(window, dated, delay).map(({ shown, stamp }) => ({ shown, stamp }));
  const plan = planMonitorRun({
    logs,
    earlier: input.earlier,
    size,
    labelsFor: labels ? labelsFor : null,
    labelsComplete: (window) => labelCompleteness(window, delay, now).complete,
    recompute: input.recompute,
  });
  // Checked against the windows on record here, and against the ones the logs have once they are read.
  const requireLabels = (windows: Iterable<TimeWindow>): void => {
    if (labels) requireLabelFiles(labelSources.length, labels.path, windows, delay, now);
  };
  requireLabels(input.earlier.filter((w) => w.sources.length > 0).map((w) => windowOf(w.start, size)));
  let owned: Set<string> | null = null;
  let fresh = plan.fresh;
  if (input.shard) {
    const planned = plannedWindows(plan, size);
    if (!planned) {
      throw new UsageError("--shard needs prediction logs whose paths name their date (logs/2026-03-28.jsonl)", {
        hint: "partition the logs by date (monitor.logs.path), or run the monitor as one job (monitor.shards: 1)",
      });
    }
    const mine = shardOf(planned, input.shard.index, input.shard.count);
    owned = new Set(mine.map((window) => window.key));
    fresh = freshFilesFor(plan, mine);
  }
  const keepOwned = owned ? (window: TimeWindow) => owned.has(window.key) : undefined;

  if (fresh.length === 0 && ![...plan.stale.keys()].some((key) => !owned || owned.has(key))) {
    // Nothing new, nothing stale: no reference to download, no file to read.
    const none = { count: 0, examples: [] };
    return {
      windows: [],
      unchanged: plan.unchanged,
      skippedRows: { unparseable: none, future: none },
      unmatchedLabels: { count: 0, files: [] },
      labelMarks: input.shard ? {} : null,
      notes: [],
    };
  }
  const training = await trainingReference(input.registry, input.manifest, input.scratch);
  const layout = logLayout(monitor);
  const spoolOptions = {
    format: monitor.logs.format,
    layout,
    size,
    now,
    dir: path.join(input.scratch, "windows"),
    known: "none" in training ? null : new Set(training.profile.columns.map((c) => c.name)),
    target: input.config.data?.target,
    ...(keepOwned ? { keep: keepOwned } : {}),
    // Several legs read a file near their windows; the one that owns the window of its date counts its bad rows.
    ...(owned ? { countSkipped: (shown: string) => ownsDayOf(shown, owned, size) } : {}),
  };
  const download = path.join(input.scratch, "download");
  const fetched = new Map<string, SourceFile>();
  const fetch = async (
    files: readonly (StampedFile & { entry?: SourceEntry | undefined })[],
  ): Promise<SourceFile[]> => {
    const out: SourceFile[] = [];
    for (const file of files) {
      let local = fetched.get(file.shown);
      if (!local && file.entry) {
        [local] = await fetchSources([file.entry], download);
        if (local) fetched.set(file.shown, local);
      }
      if (local) out.push(local);
    }
    return out;
  };
  const bySource = new Map(logs.map((file) => [file.shown, file]));
  const freshFiles = await fetch(fresh.map((file) => bySource.get(file.shown) ?? file));
  if (!("none" in training) && layout.features === null) {
    const expected = trainingFeatures(training.profile, layout, input.config);
    const first = await logColumns(freshFiles, spoolOptions);
    await requireTrainingFeatures(expected, first.features, freshFiles, monitor.logs.format);
  }
  const cores = input.workers ?? os.availableParallelism();
  // Big logs on two threads (spool-threads.ts), each window's rows as one thread would write them.
  const spool = await spoolOnThreads(freshFiles, spoolOptions, cores);
  if (owned) refuseFarRows(spool, size);
  else refuseTimeBeforeRows(spool, now);

  // Every window the fresh files touched, and the stale ones: computed from all of their rows.
  const targets = new Map<string, TimeWindow>();
  for (const [key, spooled] of spool.windows) targets.set(key, spooled.window);
  // A window is measured once it has ended: an entry of one that had not (an earlier --now, or a kit that measured
  // the open window) waits for its end rather than being measured from part of its rows.
  for (const [key, stale] of plan.stale)
    if ((!owned || owned.has(key)) && stale.window.end <= now) targets.set(key, stale.window);
  requireLabels(targets.values());
  const freshNames = new Set(fresh.map((file) => file.shown));
  const again = new Map<string, Set<string>>();
  const earlierByKey = new Map(input.earlier.map((window) => [window.key, window]));
  for (const key of targets.keys()) {
    for (const file of earlierByKey.get(key)?.sources ?? []) {
      if (freshNames.has(file.shown) || bySource.get(file.shown)?.stamp !== file.stamp) continue;
      again.set(file.shown, (again.get(file.shown) ?? new Set()).add(key));
    }
  }
  for (const [shown, keys] of again) {
    const file = bySource.get(shown);
    if (file) {
      const keep = (w: TimeWindow) => keys.has(w.key);
      await spoolLogs(await fetch([file]), { ...spoolOptions, keep, countSkipped: () => false }, spool);
    }
  }

  const options: ValidateOptions & { tempDir: string } = {
    tempDir: path.join(input.scratch, "validate"),
    store: input.store,
    ...(input.workers === undefined ? {} : { workers: input.workers }),
  };
  const predictions: PredictionReference =
    spool.columns.header.length === 0
      ? { none: "no rows were read" }
      : await predictionReference(input.registry, input.manifest, input.config, layout, spool.columns, root, options);
  const schema = liveSchema(input.config.data?.schema, spool.columns.features);
  const drift = input.config.data?.drift ?? DriftConfig.parse({});
  const classes = knownClasses(training, input.config.data?.target);
  const metrics = monitorMetrics(input.config);
  const matched = new Map<string, Uint8Array>();
  const windows: WindowResult[] = [];
  // The columns drift compares, whose values each window holds (window.ts): the features and the prediction columns.
  const compared = new Set([
    ...spool.columns.features,
    layout.prediction,
    ...(layout.score === undefined ? [] : [layout.score]),
    ...spool.columns.probabilities,
  ]);
  // A file with rows stamped a little after the run's time, or in the open window, is recorded with a stamp it never
  // has, so the next run reads it again for those rows (once their window has ended) rather than taking it as known.
  const laterRows = new Set(spool.files.filter((file) => file.soon > 0 || file.open > 0).map((file) => file.shown));
  const stampOf = (shown: string): StampedFile => ({
    shown,
    stamp: `${bySource.get(shown)?.stamp ?? ""}${laterRows.has(shown) ? "+rows-after-the-run" : ""}`,
  });
  const profile = (window: TimeWindow, spooled: SpooledWindow, onReading: () => void): Promise<ProfiledDataset> =>
    profileSources(
      `window ${window.key}`,
      spooled.files.map((file) => ({ kind: "local" as const, path: file, shown: `the rows of window ${window.key}` })),
      { train: spooled.files, format: "csv", header: true, ...(schema ? { schema } : {}) },
      root,
      // A window's ranges go to the run's worker thread, which reads them while this one measures the window before,
      // and to this one too, between its own steps (the window's rows and labels are read in turns with the ranges):
      // it waited for the worker a third of the time when it left every range to it (2.5M rows: 9.8 s, now 9.0).
      { ...options, readHere: true, ...(threads ? { threads } : {}), onReading, heldArrays },
      options.tempDir,
      HELD_VALUES_BUDGET,
      { ...(spooled.sample ? { sample: spooled.sample } : {}), holdOnly: compared },
    );
  const ordered = [...targets.values()].sort((a, b) => a.start - b.start);
  // Each window's held values are joined into the arrays of the window measured before it, given back below.
  const heldArrays = new HeldArrays();
  // One worker thread profiles every window in turn, while this one measures: started once for the run.
  const threads = cores > 1 ? new ScanThreads(1) : null;
  const spooledOf = (window: TimeWindow | undefined): SpooledWindow | undefined => {
    const spooled = window && spool.windows.get(window.key);
    return spooled && spooled.rows > 0 ? spooled : undefined;
  };
  // The worker profiles a window while this thread reads its rows and labels, and the next one while this thread
  // measures it, so the two threads stay busy and this one never holds two windows' figures at once (the next
  // window's profile comes in only at the next read, after the measuring is done).
  const ahead = new Map<string, Promise<ProfiledDataset>>();
  /**
   * Starts the profile of the next window with rows from `from` on; resolves once the worker has its ranges. Getting
   * there takes a few turns of this thread's event loop (the file's plan, the spill folder), so measuring a window
   * before then would leave the worker idle for as long as the measuring takes.
   */
  const profileFrom = (from: number): Promise<void> => {
    const at = ordered.findIndex((w, i) => i >= from && spooledOf(w));
    const window = ordered[at];
    const spooled = spooledOf(window);
    if (!window || !spooled || ahead.has(window.key)) return Promise.resolve();
    let handedOver = (): void => undefined;
    const reading = new Promise<void>((resolve) => (handedOver = resolve));
    const started = profile(window, spooled, handedOver);
    // Awaited when its window's turn comes; a failure before then must not go unhandled.
    started.catch(() => undefined);
    ahead.set(window.key, started);
    // A profile that fails before its ranges are handed over never calls back: its failure shows at its turn.
    return Promise.race([
      reading,
      started.then(
        () => undefined,
        () => undefined,
      ),
    ]);
  };
  try {
    for (const [index, window] of ordered.entries()) {
      const spooled = spooledOf(window);
      if (!spooled) {
        windows.push(emptyWindow(window, "no log file has rows in it any more"));
        continue;
      }
      input.logger.debug(`window ${window.key}: ${spooled.rows} row(s) from ${spooled.sources.length} file(s)`);
      // Reading this window's rows yields often enough for its profile to reach the worker.
      void profileFrom(index);
      const profiling = ahead.get(window.key)!;
      const rows = await readWindowRows(spooled, spool.columns, layout);
      let joined = null;
      if (labels) {
        const files = labelFilesFor(window, dated, delay);
        const completeness = labelCompleteness(window, delay, now);
        joined = {
          joined: await joinLabels(rows.rowIds, rows.count, await fetch(files), labels, matched),
          complete: completeness.complete,
          completeAt: completeness.completeAt,
          files: files.map(({ shown, stamp }) => ({ shown, stamp })),
        };
      }
      const profiled = await profiling;
      ahead.delete(window.key);
      await profileFrom(index + 1);
      windows.push(
        measureWindow({
          window,
          sources: spooled.sources.map(stampOf),
          profiled,
          rows,
          columns: spool.columns,
          config: monitor,
          task: input.config.model.task,
          positiveLabel: input.config.model.positive_label,
          classes,
          schema,
          drift,
          training,
          predictions,
          labels: joined,
          metrics,
        }),
      );
      // Measured: nothing reads this window's held values any more (the result holds figures, not arrays).
      heldArrays.give(profiled.held.values());
    }
  } finally {
    // A window that failed leaves the next one's profile running: it is ended with the thread.
    await threads?.close();
  }
  const computedKeys = new Set(windows.map((window) => window.window.key));
  const earlierKeys = new Set(input.earlier.map((window) => window.key));
  const notes = [
    ...("none" in training ? [training.none] : []),
    ...("none" in predictions && spool.columns.header.length > 0 ? [predictions.none] : []),
    ...blankNotes(spool.blank),
    ...openWindowNotes(spool, now, size),
  ];
  return {
    windows,
    unchanged: plan.unchanged,
    skippedRows: { unparseable: spool.unparseable, future: spool.future },
    // A leg sees only its own windows: the merge counts the labels no leg matched.
    unmatchedLabels: input.shard
      ? { count: 0, files: [] }
      : unmatchedLabels(
          settledOnly(matched, settledLabelFiles(matched.keys(), computedKeys, earlierKeys, size, delay, now)),
        ),
    labelMarks: input.shard ? packMarks(matched) : null,
    notes,
  };
}

/** Each source with its change stamp: size and modification time of a local file, the ETag of an object. */
async function stamped(entries: SourceEntry[]): Promise<(StampedFile & { entry: SourceEntry })[]> {
  const out: (StampedFile & { entry: SourceEntry })[] = [];
  for (const entry of entries) {
    if (entry.kind === "local") {
      const info = await stat(entry.path);
      out.push({ shown: entry.shown, stamp: `${info.size}-${Math.round(info.mtimeMs)}`, entry });
    } else {
      const head = await entry.store.head(entry.key);
      out.push({ shown: entry.shown, stamp: head ? `${head.size}-${head.etag}` : "gone", entry });
    }
  }
  return out;
}

/** The marks of the label files in `settled` only. */
export function settledOnly(
  matched: ReadonlyMap<string, Uint8Array>,
  settled: ReadonlySet<string>,
): Map<string, Uint8Array> {
  return new Map([...matched].filter(([shown]) => settled.has(shown)));
}
