import type { GateRule } from "../../config/schema/index.ts";
import type { Coded } from "../../evaluate/coded.ts";
import type { Significance, SignificanceProvider } from "../rules.ts";
import { pairedBootstrap } from "./bootstrap.ts";
import { mcnemarExact } from "./mcnemar.ts";
import { type ClassCodes, flagsPerRow, type PairedData, restrictRows } from "./paired-data.ts";
import type { Pairing } from "./pairing.ts";
import { pairedStatistic } from "./statistics.ts";

/** The paired test a rule asks for, on paired predictions (all rows or one slice). */
export function assessRule(
  rule: GateRule,
  data: PairedData,
  settings: { resamples: number; seed: number },
): Significance {
  const level = rule.significance ?? 0.95;
  if (rule.test === "mcnemar") {
    if (data.task !== "classification")
      return { test: "mcnemar", level, status: "unavailable", reason: "McNemar's test needs classification" };
    const correct = (predicted: ClassCodes): Uint8Array => flagsPerRow(data.n, (i) => predicted[i] === data.truth[i]);
    return {
      test: "mcnemar",
      level,
      status: "applied",
      ...mcnemarExact(correct(data.candidate), correct(data.baseline)),
    };
  }
  const built = pairedStatistic(rule.metric, data);
  if ("unavailable" in built) return { test: "bootstrap", level, status: "unavailable", reason: built.unavailable };
  // Built from the rule's metric and these rows: other threads can build it too (weights statistics).
  const source = { metric: rule.metric, data };
  const outcome = pairedBootstrap(built.statistic, data.n, { ...settings, level }, rule.relative, source);
  if ("unavailable" in outcome) return { test: "bootstrap", level, status: "unavailable", reason: outcome.unavailable };
  const { low, high, resamples, seed, undefinedResamples } = outcome.interval;
  return { test: "bootstrap", level, status: "applied", low, high, resamples, seed, undefinedResamples };
}

/**
 * Answers every rule's question "is this change real?" from one pairing: per slice, on the candidate's rows of that
 * slice value. Without a pairing, every answer is "unavailable" with the pairing's reason.
 */
export function significanceProvider(
  pairing: Pairing,
  slices: ReadonlyMap<string, Coded>,
  settings: { resamples: number; seed: number },
): SignificanceProvider {
  return (rule, slice) => {
    const level = rule.significance ?? 0.95;
    if (!pairing.paired) return { test: rule.test, level, status: "unavailable", reason: pairing.reason };
    if (slice === null) return assessRule(rule, pairing.data, settings);
    const values = slices.get(slice.column);
    const code = values ? values.classes.indexOf(slice.value) : -1;
    const rows: number[] = [];
    if (values && code >= 0)
      values.codes.forEach((value, row) => {
        if (value === code) rows.push(row);
      });
    if (rows.length === 0) {
      return {
        test: rule.test,
        level,
        status: "unavailable",
        reason: `no rows of slice ${slice.column}=${slice.value}`,
      };
    }
    return assessRule(rule, restrictRows(pairing.data, rows), settings);
  };
}
