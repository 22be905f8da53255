import type { MlopsConfig } from "../config/schema/index.ts";
import type { DatasetProfile } from "../data/profile.ts";
import type { SourceFile } from "../data/sources.ts";
import { formatOf } from "../data/table.ts";
import { InputError } from "../errors.ts";
import type { LogLayout } from "./log-layout.ts";
import { isBlankLog, openLogRows } from "./log-rows.ts";

/**
 * The features a prediction log must carry when monitor.logs.features is not set: every column of the monitored
 * version's training data but the target, the columns the log maps (timestamp, prediction, score, id, latency,
 * per-class probabilities) and the training data's own row id (evaluate.predictions.id), which is no model input.
 * A feature the logs lack is an error, as one log file lacking a column the others have is: dropped silently, drift
 * would be measured on fewer features than the model reads and look healthier than it is.
 */
export function trainingFeatures(
  profile: DatasetProfile,
  layout: LogLayout,
  config: Pick<MlopsConfig, "data" | "evaluate">,
): string[] {
  const predictions = config.evaluate?.predictions;
  const rowId = typeof predictions === "object" ? predictions.id : undefined;
  const mapped = new Set(
    [layout.timestamp, layout.prediction, layout.score, layout.id, layout.latency, config.data?.target, rowId].filter(
      (column): column is string => column !== undefined,
    ),
  );
  const prefix = layout.scorePrefix;
  return profile.columns
    .map((column) => column.name)
    .filter((name) => !mapped.has(name) && (prefix === undefined || !name.startsWith(prefix)));
}

/**
 * Refuses logs that lack a training feature, naming the column and the files without it: "no log file has" when
 * none has it, else the files that lack it. `features` are the ones the first log gives the spool (spool.ts), so
 * the headers of the others are read only when one is missing.
 */
export async function requireTrainingFeatures(
  expected: readonly string[],
  features: readonly string[],
  files: readonly SourceFile[],
  format: string,
): Promise<void> {
  const missing = expected.filter((name) => !features.includes(name));
  if (missing.length === 0) return;
  const lacking = new Map<string, string[]>(missing.map((name) => [name, []]));
  let read = 0;
  for (const file of files) {
    if (await isBlankLog(file)) continue;
    read++;
    const rows = await openLogRows(file, formatOf(file.path, format));
    const columns = new Set(rows.columns);
    rows.close();
    for (const [name, without] of lacking) if (!columns.has(name)) without.push(file.shown);
  }
  const [column, without = []] = [...lacking].find(([, files]) => files.length > 0) ?? [];
  if (column === undefined) return;
  const others = missing.filter((name) => name !== column);
  const also = others.length > 0 ? ` (nor ${others.map((name) => `"${name}"`).join(", ")})` : "";
  const message =
    without.length === read
      ? `no log file has a "${column}" column${also}, a feature of the monitored version's training data (${named(without)})`
      : `${named(without)} ${without.length === 1 ? "has" : "have"} no "${column}" column${also}, a feature of the monitored version's training data that other log files have`;
  throw new InputError(message, {
    hint:
      "log every feature the model reads, named as in the training data, so drift is measured on all of them; " +
      "or list the features to monitor in monitor.logs.features",
  });
}

function named(files: readonly string[]): string {
  return files.length <= 5 ? files.join(", ") : `${files.slice(0, 5).join(", ")} and ${files.length - 5} more`;
}
