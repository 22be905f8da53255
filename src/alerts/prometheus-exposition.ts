import { builtinMetric, perClassMetric } from "../config/metrics.ts";
import { ESTIMATED_PREFIX, WINDOW_MEASURES } from "../config/window-metrics.ts";
import type { AlertWindow, MonitorAlert } from "./alert.ts";

/**
 * A monitoring run's windows in Prometheus' text exposition format 0.0.4 (what a Pushgateway accepts and a node
 * exporter's textfile collector reads): one gauge family per figure, each with its `# HELP` and `# TYPE` lines and all
 * its samples together, as the format requires.
 *
 * Names follow Prometheus' rules and conventions (https://prometheus.io/docs/practices/naming/):
 * - `mlops_monitor_<figure>`, with anything outside `[a-zA-Z0-9_]` replaced by `_` (colons are legal but reserved for
 *   recording rules);
 * - latency figures are in milliseconds in the monitor and in base units here: `latency_p95` is
 *   `mlops_monitor_latency_p95_seconds`, its value divided by 1000;
 * - a per-class metric `recall[malignant]` becomes `mlops_monitor_recall_per_class{class="malignant"}`: the class is a
 *   label, since a class name (any label of the data) cannot be part of a name without being mangled, and a family of
 *   its own keeps `sum`/`avg` over `mlops_monitor_recall` from mixing the positive class with every class;
 * - a slice's figures are `mlops_monitor_slice_<figure>{slice_column, slice_value}`, apart from the whole window's for
 *   the same reason.
 * Every sample carries `model`, `alias`, `version`, `window` (the key, `2026-03-28`) and `window_size`.
 *
 * No sample has a timestamp: the Pushgateway refuses pushes with timestamps, and the textfile collector skips a whole
 * file that has one. The window's time is a gauge instead (`mlops_monitor_window_start_time_seconds`, as
 * `process_start_time_seconds`), and Prometheus stamps each sample when it scrapes.
 */

export const METRIC_PREFIX = "mlops_monitor_";

export interface MetricFamily {
  name: string;
  help: string;
  /** Sample lines, each `name{labels} value`. */
  samples: string[];
}

export interface Exposition {
  families: MetricFamily[];
  /** Figures left out, each with why: two figures whose names sanitise to the same metric. */
  skipped: string[];
}

/** The windows' figures as metric families (every window of the alert unless `windows` says which). */
export function exposeWindows(alert: MonitorAlert, windows: readonly AlertWindow[] = alert.windows): Exposition {
  const families = new Map<string, MetricFamily>();
  const seen = new Map<string, string>();
  const skipped: string[] = [];
  const add = (family: FamilyName, labels: [string, string][], value: number, figure: string): void => {
    const sample = `${family.name}${renderLabels(labels)}`;
    const earlier = seen.get(sample);
    if (earlier !== undefined) {
      skipped.push(`${figure} of window ${labelValue(labels, "window")}: its metric is already ${earlier}'s`);
      return;
    }
    seen.set(sample, figure);
    let entry = families.get(family.name);
    if (!entry) families.set(family.name, (entry = { name: family.name, help: family.help, samples: [] }));
    entry.samples.push(`${sample} ${formatValue(value * family.scale)}`);
  };

  for (const window of windows) {
    const base: [string, string][] = [
      ["model", alert.model],
      ["alias", alert.alias],
      ["version", alert.version],
      ["window", window.key],
      ["window_size", window.size],
    ];
    for (const fixed of windowFamilies(window)) add(fixed.family, base, fixed.value, fixed.family.name);
    for (const [figure, value] of Object.entries(window.metrics)) {
      const family = figureFamily(figure, false);
      add(family, [...base, ...family.labels], value, figure);
    }
    for (const slice of window.slices) {
      const sliceLabels: [string, string][] = [
        ["slice_column", slice.column],
        ["slice_value", slice.value],
      ];
      for (const [figure, value] of Object.entries(slice.metrics)) {
        const family = figureFamily(figure, true);
        add(
          family,
          [...base, ...family.labels, ...sliceLabels],
          value,
          `${figure} of slice ${slice.column}=${slice.value}`,
        );
      }
    }
  }
  return { families: [...families.values()], skipped };
}

/** The families as the text format: `# HELP`, `# TYPE ... gauge`, then the samples, ending with a newline. */
export function renderFamilies(families: readonly MetricFamily[]): string {
  return families
    .filter((family) => family.samples.length > 0)
    .map((family) =>
      [`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} gauge`, ...family.samples].join("\n"),
    )
    .map((block) => `${block}\n`)
    .join("");
}

interface FamilyName {
  name: string;
  help: string;
  /** What the figure's value is multiplied by (milliseconds to seconds). */
  scale: number;
  labels: [string, string][];
}

/** The families every window has, whatever its figures: its verdict, broken rules, times and label completeness. */
function windowFamilies(window: AlertWindow): { family: FamilyName; value: number }[] {
  const fixed = (name: string, help: string): FamilyName => ({
    name: METRIC_PREFIX + name,
    help,
    scale: 1,
    labels: [],
  });
  const families = [
    {
      family: fixed("breached", "1 when a monitor rule of severity error broke on the window, else 0"),
      value: window.verdict === "fail" ? 1 : 0,
    },
    {
      family: fixed("broken_rules", "monitor rules the window broke (severity error or warn)"),
      value: window.breaches.length,
    },
    {
      family: fixed("window_start_time_seconds", "start of the window (inclusive), seconds since the Unix epoch"),
      value: Date.parse(window.start) / 1000,
    },
    {
      family: fixed("window_end_time_seconds", "end of the window (exclusive), seconds since the Unix epoch"),
      value: Date.parse(window.end) / 1000,
    },
  ];
  if (window.labelsComplete !== null)
    families.push({
      family: fixed("labels_complete", "1 when every label of the window's predictions is in, else 0"),
      value: window.labelsComplete ? 1 : 0,
    });
  return families;
}

const LATENCY = /^latency_p\d+$/;

/** The metric a figure is written as: its name, help, unit scale and the labels the name cannot hold. */
export function figureFamily(figure: string, slice: boolean): FamilyName {
  const prefix = METRIC_PREFIX + (slice ? "slice_" : "");
  const onSlice = slice ? ", on one slice of the window (slice_column = slice_value)" : "";
  const estimated = figure.startsWith(ESTIMATED_PREFIX);
  const metric = estimated ? figure.slice(ESTIMATED_PREFIX.length) : figure;
  const perClass = perClassMetric(metric);
  if (perClass) {
    const name = `${prefix}${estimated ? ESTIMATED_PREFIX : ""}${perClass.metric}_per_class`;
    const what = `${perClass.metric} of the class in the label class`;
    const help = estimated ? `CBPE estimate of the ${what}` : `${what}, realised once labels joined`;
    return { name, help: help + onSlice, scale: 1, labels: [["class", perClass.label]] };
  }
  if (LATENCY.test(figure)) {
    const percentile = figure.slice("latency_p".length);
    const help = `${percentile}th percentile of the predictions' latency, in seconds${onSlice}`;
    return { name: `${prefix}${figure}_seconds`, help, scale: 1 / 1000, labels: [] };
  }
  return {
    name: prefix + sanitiseName(figure),
    help: describeFigure(figure, estimated, metric) + onSlice,
    scale: 1,
    labels: [],
  };
}

function describeFigure(figure: string, estimated: boolean, metric: string): string {
  if (Object.hasOwn(WINDOW_MEASURES, figure))
    return WINDOW_MEASURES[figure as keyof typeof WINDOW_MEASURES].description;
  const builtin = builtinMetric(metric);
  if (builtin)
    return estimated
      ? `CBPE estimate of ${builtin.description}`
      : `${builtin.description}, realised once labels joined`;
  return `the monitor's figure ${figure}`;
}

/** A name Prometheus accepts: `[a-zA-Z_][a-zA-Z0-9_]*` (the prefix supplies the first character). */
export function sanitiseName(figure: string): string {
  return figure.replace(/[^a-zA-Z0-9_]/g, "_");
}

function renderLabels(labels: readonly [string, string][]): string {
  return `{${labels.map(([name, value]) => `${name}="${escapeLabelValue(value)}"`).join(",")}}`;
}

function labelValue(labels: readonly [string, string][], name: string): string {
  return labels.find(([key]) => key === name)?.[1] ?? "";
}

/** Label values escape backslash, double quote and line feed (the text format's only escapes). */
export function escapeLabelValue(value: string): string {
  return value.replace(/[\\"\n]/g, (c) => (c === "\n" ? "\\n" : `\\${c}`));
}

/** HELP text escapes backslash and line feed. */
function escapeHelp(text: string): string {
  return text.replace(/[\\\n]/g, (c) => (c === "\n" ? "\\n" : "\\\\"));
}

/** Go's ParseFloat reads JavaScript's shortest round-trip form; the specials have the format's own spelling. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Number.POSITIVE_INFINITY) return "+Inf";
  if (value === Number.NEGATIVE_INFINITY) return "-Inf";
  return String(value);
}
