import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { GateRule, MlopsConfig } from "../config/schema/index.ts";
import { fetchSources, listSources, type SourceFile } from "../data/sources.ts";
import { computeMetrics, resolvePositiveLabel, sliceMetrics } from "../evaluate/evaluate.ts";
import type { MetricValues } from "../evaluate/metrics.ts";
import { internColumn } from "../evaluate/coded.ts";
import type { Predictions } from "../evaluate/predictions.ts";
import { ConfigError } from "../errors.ts";
import {
  type Baseline,
  changeRequirement,
  directionOf,
  evaluateRuleList,
  type MetricSet,
  type RuleOutcome,
} from "../gate/rules.ts";
import { significanceProvider } from "../gate/significance/assess.ts";
import { pairPredictions } from "../gate/significance/pairing.ts";
import { RowIds } from "../monitor/row-ids.ts";
import { joinLabels, labelFiles } from "../monitor/labels.ts";
import { isoUtc } from "../monitor/windows.ts";
import { projectStoreSettings, type StoreSettings } from "../store/open.ts";
import { readServedRows, type ServedLayout, type ServedRows } from "./served-rows.ts";

/**
 * The canary's paired comparison with the champion (DOMAIN.md §8, issue 20): when the serving code logs, beside each
 * of the canary's predictions, the champion's prediction for the same request (deploy.canary.shadow), the canary's
 * change rules compare the two models on the labelled requests of the bake period, row by row, with the gate's own
 * metrics, rules and paired tests (DOMAIN.md §2). The two predictions of a request share a log row, so the pairing is
 * certain, and `significance` makes a regression fail only when it is real.
 *
 * A bake with no labelled request is a failure of every change rule, never a pass: nothing was compared.
 */

export interface ShadowComparison {
  /** One per change rule of deploy.canary.rules (per slice value for a rule with `slice`); `rule` is its index there. */
  outcomes: RuleOutcome[];
  /** Canary log rows with since <= timestamp < until. */
  rows: number;
  /** Requests of those rows compared: labelled, with both models' predictions. */
  labelled: number;
  candidate: MetricValues;
  champion: MetricValues;
  /** How rows were paired, or why not. */
  pairing: string;
  /** What the reader should know: rows left out and why, scores not used. */
  notes: string[];
}

export interface ShadowInput {
  config: MlopsConfig;
  /** The folder of mlops.yml: relative paths of the logs and labels are relative to it. */
  root: string;
  since: Date;
  until: Date;
  /** The door's environment, for S3 credentials of s3:// logs and labels. */
  env: NodeJS.ProcessEnv;
  /** The bootstrap's seed (default: gate.bootstrap.seed, else 42). */
  seed?: number;
}

const CHAMPION = "champion (shadow predictions)";
const DAY = 86_400_000;

export async function shadowComparison(input: ShadowInput): Promise<ShadowComparison> {
  const { config, root } = input;
  const { canary, monitor, labels, layout } = sections(config);
  const since = input.since.getTime();
  const until = input.until.getTime();
  const rules = canary.rules.flatMap((rule, index) =>
    rule.max_regression !== undefined || rule.min_improvement !== undefined ? [{ rule, index }] : [],
  );
  const store = projectStoreSettings(config.registry, input.env);
  const scratch = await mkdtemp(path.join(os.tmpdir(), "mlops-shadow-"));
  try {
    const logs = await fetchSources(await listSources(canary.logs, root, store), path.join(scratch, "logs"));
    const served = await readServedRows(logs, layout, since, until);
    const labelSources = await arrivedLabelFiles(labels, root, store, since, until, path.join(scratch, "labels"));
    // The label join looks rows up by their ids' bytes (monitor/row-ids.ts); the bake's ids are few.
    const ids = new RowIds();
    for (const id of served.ids) ids.addText(id);
    const joined = await joinLabels(
      ids,
      served.count,
      labelSources,
      { format: labels.format, id: labels.id, label: labels.label },
      new Map(),
    );
    const notes = servedNotes(served);
    const task = config.model.task;
    const compared = comparedRows(task, served, joined.labels, notes);
    const rows = served.count + served.duplicateIds + served.emptyIds;
    const base = { rows, labelled: compared.length, candidate: {}, champion: {}, notes };
    if (compared.length === 0) {
      const reason = `no labelled requests of the canary since ${isoUtc(since)}: nothing to compare`;
      return {
        ...base,
        outcomes: rules.map(({ rule, index }) => noComparison(config, rule, index, reason)),
        pairing: `not paired: ${reason}`,
      };
    }
    const { candidate, champion } = tables(task, served, joined.labels, compared, monitor.slices, notes);
    const positive =
      task === "classification"
        ? resolvePositiveLabel(config.model.positive_label, candidate.labels.classes)
        : undefined;
    const candidateSet = metricSet(task, candidate, positive);
    const championSet = metricSet(task, champion, positive);
    const pairing = pairPredictions(candidate, champion, positive);
    const bootstrap = config.gate?.bootstrap ?? { resamples: 1000, seed: 42 };
    const significance = significanceProvider(pairing, candidate.slices, {
      resamples: bootstrap.resamples,
      seed: input.seed ?? bootstrap.seed,
    });
    const baseline: Baseline = {
      ...championSet,
      description: CHAMPION,
      version: null,
      predictionsFile: null,
      hasPredictions: true,
    };
    // Change rules only, without their bounds: a canary's min/max are judged on the monitor's windows instead.
    const changeRules = rules.map(({ rule }) => withoutBounds(rule));
    const outcomes = evaluateRuleList(
      changeRules,
      (rule) => directionOf(rule.metric, rule, config) ?? "higher",
      candidateSet,
      baseline,
      { significance },
    ).map((outcome) => ({ ...outcome, rule: rules[outcome.rule]?.index ?? outcome.rule }));
    return {
      ...base,
      outcomes,
      candidate: candidateSet.metrics,
      champion: championSet.metrics,
      pairing: pairing.paired
        ? `paired by request id: the canary's and the champion's predictions of each of the ${compared.length} labelled requests, logged in one row`
        : `not paired: ${pairing.reason}`,
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * The label files that had arrived by the end of the bake (their path's date, as the monitor reads it, at or before
 * `until`) and can hold labels of its requests (not dated before the day it began), downloaded when in a bucket.
 */
async function arrivedLabelFiles(
  labels: NonNullable<Monitor["labels"]>,
  root: string,
  store: StoreSettings,
  since: number,
  until: number,
  downloadDir: string,
): Promise<SourceFile[]> {
  const listed = await listSources(labels.path, root, store, { allowEmpty: true });
  const arrivals = labelFiles(listed.map((entry) => entry.shown));
  const arrived = listed.filter((_, i) => {
    const arrival = arrivals[i]?.arrival ?? Infinity;
    return arrival <= until && arrival + DAY > since;
  });
  return fetchSources(arrived, downloadDir);
}

type Canary = NonNullable<NonNullable<MlopsConfig["deploy"]>["canary"]>;
type Monitor = NonNullable<MlopsConfig["monitor"]>;

/** The config sections the comparison reads; the config checks (config/rules/deploy.ts) guarantee them. */
function sections(config: MlopsConfig): {
  canary: Canary & { logs: NonNullable<Canary["logs"]> };
  monitor: Monitor;
  labels: NonNullable<Monitor["labels"]>;
  layout: ServedLayout;
} {
  const canary = config.deploy?.canary;
  const monitor = config.monitor;
  if (!canary?.logs) throw missingSection("deploy.canary.logs");
  if (!canary.shadow) throw missingSection("deploy.canary.shadow");
  if (!monitor?.labels) throw missingSection("monitor.labels");
  const { logs } = monitor;
  if (logs.id === undefined) throw missingSection("monitor.logs.id");
  const classification = config.model.task === "classification";
  return {
    canary: { ...canary, logs: canary.logs },
    monitor,
    labels: monitor.labels,
    layout: {
      format: logs.format,
      timestamp: logs.timestamp,
      unit: logs.timestamp_unit,
      id: logs.id,
      prediction: logs.prediction,
      score: classification ? logs.score : undefined,
      shadowPrediction: canary.shadow.prediction,
      shadowScore: classification ? canary.shadow.score : undefined,
      slices: monitor.slices,
    },
  };
}

/** What the config checks refuse already; said again for a caller that skipped them. */
function missingSection(field: string): ConfigError {
  return new ConfigError([
    {
      severity: "error",
      path: field.split("."),
      message: `comparing the canary with the champion's shadow predictions needs ${field}`,
      hint: "log the champion's predictions beside the canary's (deploy.canary.shadow), with labels joined by request id",
    },
  ]);
}

function servedNotes(served: ServedRows): string[] {
  const notes: string[] = [];
  if (served.unparseable.count > 0)
    notes.push(
      `${served.unparseable.count} log row(s) have a timestamp that cannot be read, so they are left out (${served.unparseable.examples.join("; ")})`,
    );
  if (served.emptyIds > 0)
    notes.push(`${served.emptyIds} request(s) of the period have no id, so no label can join them: left out`);
  if (served.duplicateIds > 0)
    notes.push(`${served.duplicateIds} request id(s) were logged again in the period: the first row of each is kept`);
  return notes;
}

/**
 * The rows compared: labelled, with a prediction of each model (a request the champion did not answer cannot pair);
 * for regression, with a label and predictions that are numbers.
 */
function comparedRows(
  task: "classification" | "regression",
  served: ServedRows,
  labels: readonly (string | null)[],
  notes: string[],
): number[] {
  const rows: number[] = [];
  let unanswered = 0;
  let notNumbers = 0;
  labels.forEach((label, row) => {
    if (label === null) return;
    const mine = served.predictions[row] ?? null;
    const theirs = served.shadowPredictions[row] ?? null;
    if (mine === null || theirs === null) unanswered++;
    else if (task === "regression" && ![label, mine, theirs].every((text) => Number.isFinite(numberOf(text))))
      notNumbers++;
    else rows.push(row);
  });
  if (unanswered > 0)
    notes.push(
      `${unanswered} labelled request(s) lack the canary's or the champion's prediction, so they are left out of both`,
    );
  if (notNumbers > 0)
    notes.push(`${notNumbers} labelled request(s) have a label or prediction that is not a number: left out of both`);
  return rows;
}

/** The canary's and the champion's predictions of the compared rows, as the evaluate stage's tables. */
function tables(
  task: "classification" | "regression",
  served: ServedRows,
  labels: readonly (string | null)[],
  rows: readonly number[],
  sliceColumns: readonly string[],
  notes: string[],
): { candidate: Predictions; champion: Predictions } {
  const truth = rows.map((row) => labels[row] ?? "");
  const ids = rows.map((row) => served.ids[row] ?? "");
  const slices = new Map(
    sliceColumns.map((column) => [
      column,
      internColumn(rows.map((row) => served.slices.get(column)?.[row] ?? "(empty)")),
    ]),
  );
  const labelColumn = internColumn(truth);
  const table = (source: string, predicted: readonly (string | null)[], scores: Float64Array | null): Predictions => {
    const predictions = rows.map((row) => predicted[row] ?? "");
    return {
      source,
      rows: rows.length,
      labels: labelColumn,
      predictions: internColumn(predictions),
      actual: task === "regression" ? Float64Array.from(truth, numberOf) : null,
      predicted: task === "regression" ? Float64Array.from(predictions, numberOf) : null,
      scores: task === "classification" ? usableScores(source, scores, rows, notes) : null,
      probabilities: null,
      ids,
      slices,
    };
  };
  return {
    candidate: table("the canary", served.predictions, served.scores),
    champion: table(CHAMPION, served.shadowPredictions, served.shadowScores),
  };
}

/**
 * A model's scores of the compared rows, or null when one of them is empty or not a probability: metrics that need
 * scores are then left out rather than computed on a guess (as the monitor's realised metrics do).
 */
function usableScores(
  source: string,
  scores: Float64Array | null,
  rows: readonly number[],
  notes: string[],
): Float64Array | null {
  if (!scores) return null;
  const picked = Float64Array.from(rows, (row) => scores[row] ?? Number.NaN);
  const invalid = picked.reduce((count, value) => (Number.isNaN(value) ? count + 1 : count), 0);
  if (invalid === 0) return picked;
  notes.push(
    `${invalid} score(s) of ${source} are empty or not probabilities, so its metrics that need scores are left out`,
  );
  return null;
}

function metricSet(task: "classification" | "regression", table: Predictions, positive: string | undefined): MetricSet {
  const overall = computeMetrics(task, table, positive);
  return {
    metrics: overall.metrics,
    undefinedMetrics: overall.undefined,
    slices: sliceMetrics(task, table, positive),
  };
}

/** A change rule without its min/max, so that it yields its change outcome alone. */
function withoutBounds(rule: GateRule): GateRule {
  const { min: _min, max: _max, ...change } = rule;
  return change;
}

/** A change rule's outcome when nothing could be compared: a failure, never a pass (issue 20). */
function noComparison(config: MlopsConfig, rule: GateRule, index: number, reason: string): RuleOutcome {
  return {
    rule: index,
    metric: rule.metric,
    slice: null,
    kind: "change",
    direction: directionOf(rule.metric, rule, config) ?? "higher",
    candidate: null,
    baseline: null,
    delta: null,
    relative: rule.relative,
    requirement: changeRequirement(rule),
    verdict: "fail",
    reason,
    significance: null,
  };
}

function numberOf(text: string | null): number {
  return text === null || text.trim() === "" ? Number.NaN : Number(text);
}
