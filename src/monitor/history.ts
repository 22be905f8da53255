import * as z from "../zod.ts";
import type { MonitorLog, MonitorLogEntry } from "../registry/monitor-log.ts";
import type { EarlierWindow } from "./plan.ts";
import { breachLines, type WindowJudgement } from "./rules.ts";
import { WINDOW_RESULT_FORMAT, type WindowResult } from "./window.ts";
import type { WindowSize } from "./windows.ts";

/**
 * The monitoring log read back (registry/monitor-log.ts keeps it, append-only, per model and alias): each window's
 * newest entry, checked against the shape the monitor writes. An entry of another shape (a later format, or one
 * edited by hand) is left out with a warning, never trusted, so one bad entry never hides the rest.
 */

const Stamped = z.object({ shown: z.string(), stamp: z.string() });

const StoredWindow = z.looseObject({
  format: z.literal(WINDOW_RESULT_FORMAT),
  window: z.object({ key: z.string(), start: z.iso.datetime(), end: z.iso.datetime() }),
  rows: z.number().check(z.int(), z.gte(0)),
  sources: z.array(Stamped),
  labels: z.nullable(
    z.looseObject({ complete: z.boolean(), completeAt: z.string(), joined: z.number(), files: z.array(Stamped) }),
  ),
  metrics: z.record(z.string(), z.number()),
  slices: z.array(
    z.object({ column: z.string(), value: z.string(), rows: z.number(), metrics: z.record(z.string(), z.number()) }),
  ),
  /** The window's verdict when it was judged; absent in entries from before verdicts were kept. */
  judgement: z._default(
    z.nullable(z.object({ verdict: z.enum(["pass", "fail", "warn"]), breaches: z.array(z.string()) })),
    null,
  ),
});
export type StoredWindow = z.output<typeof StoredWindow>;

export interface HistoryWindow {
  key: string;
  size: WindowSize;
  start: number;
  version: string;
  computedAt: string;
  runUrl: string | null;
  /** The stored result: the fields the monitor reads back are checked; the rest is kept as written. */
  result: StoredWindow;
}

/** The windows of `size` only: after a change of monitor.window, the others are history of another series. */
export function historyWindows(log: MonitorLog, size: WindowSize, warn: (message: string) => void): HistoryWindow[] {
  const windows: HistoryWindow[] = [];
  for (const entry of log.latest) {
    if (entry.window.size !== size) continue;
    const parsed = StoredWindow.safeParse(entry.result);
    if (!parsed.success) {
      warn(
        `the monitoring log's entry for window ${entry.window.key} (${entry.key}) is not one this kit reads; left out`,
      );
      continue;
    }
    windows.push({
      key: entry.window.key,
      size: entry.window.size,
      start: Date.parse(entry.window.start),
      version: entry.version,
      computedAt: entry.computedAt,
      runUrl: entry.runUrl,
      result: parsed.data,
    });
  }
  return windows.sort((a, b) => a.start - b.start);
}

/** What the planner needs of the history: the files and labels each window was computed from. */
export function earlierWindows(history: readonly HistoryWindow[]): EarlierWindow[] {
  return history.map((window) => ({
    key: window.key,
    start: window.start,
    sources: window.result.sources,
    labels: window.result.labels
      ? { complete: window.result.labels.complete, files: window.result.labels.files }
      : null,
  }));
}

/** A computed window as a monitoring log entry, with its verdict and the rules it broke when it was judged. */
export function logEntry(
  result: WindowResult,
  judgement: WindowJudgement | undefined,
  size: WindowSize,
  version: string,
  computedAt: Date,
  runUrl: string | null,
): MonitorLogEntry {
  return {
    window: { key: result.window.key, size, start: result.window.start, end: result.window.end },
    version,
    computedAt: computedAt.toISOString(),
    runUrl,
    result: JSON.parse(
      JSON.stringify({
        ...result,
        judgement: judgement ? { verdict: judgement.verdict, breaches: breachLines([judgement]) } : null,
      }),
    ) as Record<string, unknown>,
  };
}
