import type { MetricDirection } from "../config/metrics.ts";
import type { MlopsConfig } from "../config/schema/index.ts";
import { InputError, UserError } from "../errors.ts";
import { resolvePositiveLabel } from "../evaluate/evaluate.ts";
import { predictionColumns, type Predictions, readPredictions } from "../evaluate/predictions.ts";
import { directionOf } from "../gate/rules.ts";
import { pairedBootstrap } from "../gate/significance/bootstrap.ts";
import { pairPredictions } from "../gate/significance/pairing.ts";
import { pairedStatistic } from "../gate/significance/statistics.ts";
import type { RunSource } from "./sources.ts";

/**
 * `mlops compare`: runs side by side. The first run is the reference; every other run's metrics get a delta against
 * it (other minus first) and, when both have predictions on the same rows, the paired bootstrap interval of that
 * delta, computed exactly as the gate computes it (same pairing, same statistic, gate.bootstrap's resamples and
 * seed). Rows that cannot be paired are said with the reason, never silently compared unpaired. Pure data out.
 */

/** The confidence level of the intervals. */
export const COMPARE_LEVEL = 0.95;

export interface ComparedRun {
  ref: string;
  kind: RunSource["kind"];
  label: string;
  task: RunSource["task"];
  commit: string | null;
  /** The predictions file read for pairing, or why there is none. */
  predictions: RunSource["predictions"];
}

export interface ParamRow {
  /** Nested params by dotted name. */
  name: string;
  /** One per run, as JSON text (strings as they are); null where the run has no such param. */
  values: (string | null)[];
  /** Not the same in every run. */
  differs: boolean;
}

export type Interval = { low: number; high: number } | { unavailable: string };

export interface MetricRow {
  name: string;
  direction: MetricDirection | null;
  /** One per run; null where the run has no such metric. */
  values: (number | null)[];
  /** Run i minus the first run; null for the first run and where either value is missing. */
  deltas: (number | null)[];
  /** Whether run i is better than the first (by the metric's direction); null when that cannot be said. */
  better: (boolean | null)[];
  /** The paired interval of each delta; null for the first run and where the two runs are not paired. */
  intervals: (Interval | null)[];
}

export interface RunPairing {
  /** Index of the run paired with the first. */
  run: number;
  paired: boolean;
  /** How the rows were paired, or why they could not be. */
  detail: string;
  rows: number | null;
}

export interface Comparison {
  command: "compare";
  runs: ComparedRun[];
  params: ParamRow[];
  metrics: MetricRow[];
  pairings: RunPairing[];
  bootstrap: { resamples: number; seed: number; level: number };
}

export async function compareRuns(sources: readonly RunSource[], config: MlopsConfig): Promise<Comparison> {
  checkTasks(sources);
  const settings = {
    resamples: config.gate?.bootstrap.resamples ?? 1000,
    seed: config.gate?.bootstrap.seed ?? 42,
    level: COMPARE_LEVEL,
  };
  const metricNames = unionOf(sources.map((s) => Object.keys(s.metrics)));
  const metrics: MetricRow[] = metricNames.map((name) => {
    const direction =
      directionOf(
        name,
        config.gate?.rules.find((rule) => rule.metric === name),
        config,
      ) ?? null;
    const values = sources.map((s) => s.metrics[name] ?? null);
    const first = values[0] ?? null;
    const deltas = values.map((value, i) => (i === 0 || value === null || first === null ? null : value - first));
    return {
      name,
      direction,
      values,
      deltas,
      better: deltas.map((delta) =>
        delta === null || direction === null || delta === 0 ? null : direction === "higher" ? delta > 0 : delta < 0,
      ),
      intervals: sources.map(() => null),
    };
  });
  const pairings: RunPairing[] = [];
  const predictions = await readAll(sources, config);
  const reference = predictions[0];
  for (let i = 1; i < sources.length; i++) {
    const other = predictions[i];
    if (!reference || !other || "missing" in reference || "missing" in other) {
      const missing = [reference, other].find((p) => p && "missing" in p);
      pairings.push({
        run: i,
        paired: false,
        detail: missing && "missing" in missing ? missing.missing : "",
        rows: null,
      });
      continue;
    }
    const positive = resolvePositiveLabel(config.model.positive_label, other.table.labels.classes);
    const pairing = pairPredictions(other.table, reference.table, positive);
    if (!pairing.paired) {
      pairings.push({ run: i, paired: false, detail: pairing.reason, rows: null });
      continue;
    }
    pairings.push({ run: i, paired: true, detail: pairing.how, rows: pairing.data.n });
    for (const row of metrics) {
      if (row.deltas[i] === null) continue;
      const built = pairedStatistic(row.name, pairing.data);
      if ("unavailable" in built) {
        row.intervals[i] = { unavailable: built.unavailable };
        continue;
      }
      const source = { metric: row.name, data: pairing.data };
      const outcome = pairedBootstrap(built.statistic, pairing.data.n, settings, false, source);
      row.intervals[i] =
        "unavailable" in outcome ? outcome : { low: outcome.interval.low, high: outcome.interval.high };
    }
  }
  return {
    command: "compare",
    runs: sources.map(({ ref, kind, label, task, commit, predictions }) => ({
      ref,
      kind,
      label,
      task,
      commit,
      predictions,
    })),
    params: paramRows(sources),
    metrics,
    pairings,
    bootstrap: settings,
  };
}

/** Models of different tasks have metrics that do not compare: refused, with what each one is. */
function checkTasks(sources: readonly RunSource[]): void {
  const known = sources.filter((s) => s.task !== null);
  const first = known[0];
  const other = known.find((s) => s.task !== first?.task);
  if (first && other) {
    throw new InputError(
      `${first.label} is a ${first.task ?? ""} model and ${other.label} a ${other.task ?? ""} one: their metrics do not compare`,
      { hint: "compare runs of models of the same task" },
    );
  }
}

type ReadPredictions = { table: Predictions } | { missing: string };

/** Each run's predictions, read with evaluate.predictions' columns; a file that cannot be read is a reason. */
async function readAll(sources: readonly RunSource[], config: MlopsConfig): Promise<ReadPredictions[]> {
  const spec = config.evaluate?.predictions;
  if (!spec)
    return sources.map(() => ({ missing: "mlops.yml sets no evaluate.predictions, so rows cannot be paired" }));
  const columns = predictionColumns(spec);
  const task = config.model.task;
  const read: ReadPredictions[] = [];
  for (const source of sources) {
    if ("missing" in source.predictions) {
      read.push(source.predictions);
      continue;
    }
    try {
      const table = await readPredictions(source.predictions.file, columns, {
        task,
        slices: [],
        source: `the predictions of ${source.label}`,
      });
      read.push({ table });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      read.push({ missing: error.message });
    }
  }
  return read;
}

function paramRows(sources: readonly RunSource[]): ParamRow[] {
  const flat = sources.map((s) => flatten(s.params));
  return unionOf(flat.map((f) => [...f.keys()])).map((name) => {
    const values = flat.map((f) => f.get(name) ?? null);
    return { name, values, differs: new Set(values).size > 1 };
  });
}

function flatten(params: Record<string, unknown>, prefix = "", into = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(params)) {
    const name = prefix === "" ? key : `${prefix}.${key}`;
    if (value !== null && typeof value === "object" && !Array.isArray(value))
      flatten(value as Record<string, unknown>, name, into);
    else into.set(name, typeof value === "string" ? value : JSON.stringify(value));
  }
  return into;
}

/** Names in the order first seen. */
function unionOf(lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())];
}
