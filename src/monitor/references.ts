import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import type { MlopsConfig } from "../config/schema/index.ts";
import type { ProfiledDataset } from "../data/comparisons.ts";
import type { DatasetProfile } from "../data/profile.ts";
import { readProfileFile } from "../data/profile-file.ts";
import { profileSources, type ValidateOptions } from "../data/validate.ts";
import { HELD_VALUES_BUDGET } from "../data/held-values.ts";
import { predictionColumns } from "../evaluate/predictions.ts";
import type { Manifest } from "../registry/manifest.ts";
import type { Registry } from "../registry/registry.ts";
import type { LogLayout } from "./log-layout.ts";
import type { SpoolColumns } from "./spool.ts";

/**
 * What a window is compared with: the monitored version's training-data profile (the `profile` attachment publish
 * stores, the feature-drift reference) and its evaluation predictions (the `predictions` attachment, the
 * prediction-drift reference). A version without one is monitored without that comparison, and every window says
 * what is missing and which publish would add it.
 */

export type TrainingReference = { profile: DatasetProfile; name: string } | { none: string };
export type PredictionReference = (ProfiledDataset & { name: string; rename: Map<string, string> }) | { none: string };

export async function trainingReference(
  registry: Registry,
  manifest: Manifest,
  scratch: string,
): Promise<TrainingReference> {
  const file = path.join(scratch, "reference-profile.json");
  await mkdir(scratch, { recursive: true });
  try {
    if (!(await registry.pullAttachment(manifest, "profile", file))) {
      return {
        none:
          `no feature drift: ${manifest.model} ${manifest.version} was published without a training-data profile; ` +
          "a publish after `mlops validate` with data.train configured stores it",
      };
    }
    const name = `the training data of ${manifest.version}`;
    return { profile: await readProfileFile(file, name, "publish stores it with the model"), name };
  } finally {
    await rm(file, { force: true });
  }
}

export async function predictionReference(
  registry: Registry,
  manifest: Manifest,
  config: MlopsConfig,
  layout: LogLayout,
  columns: SpoolColumns,
  root: string,
  options: ValidateOptions & { tempDir: string },
): Promise<PredictionReference> {
  const stored = config.evaluate?.predictions;
  const missing =
    `no prediction drift: ${manifest.model} ${manifest.version} was published without its evaluation predictions; ` +
    "a publish after `mlops evaluate` with evaluate.predictions configured stores them";
  if (!stored) return { none: missing };
  const names = predictionColumns(stored);
  const file = path.join(options.tempDir, `reference-predictions${path.extname(names.path) || ".csv"}`);
  await mkdir(options.tempDir, { recursive: true });
  try {
    if (!(await registry.pullAttachment(manifest, "predictions", file))) return { none: missing };
    // The log's prediction and score columns, by the names the evaluation predictions give the same things.
    const rename = new Map<string, string>([[layout.prediction, names.prediction]]);
    if (layout.score !== undefined && names.score !== undefined) rename.set(layout.score, names.score);
    if (layout.scorePrefix !== undefined && names.scorePrefix !== undefined) {
      for (const column of columns.probabilities) {
        rename.set(column, `${names.scorePrefix}${column.slice(layout.scorePrefix.length)}`);
      }
    }
    const profiled = await profileSources(
      "predictions",
      [{ kind: "local", path: file, shown: `the evaluation predictions of ${manifest.version}` }],
      { train: file, format: "auto", header: true },
      root,
      options,
      options.tempDir,
      HELD_VALUES_BUDGET,
    );
    return { ...profiled, name: `the evaluation predictions of ${manifest.version}`, rename };
  } finally {
    await rm(file, { force: true });
  }
}

/** The classes the model knows: the most frequent values of the training data's label column, from its profile. */
export function knownClasses(reference: TrainingReference, target: string | undefined): string[] {
  if ("none" in reference || target === undefined) return [];
  return reference.profile.columns.find((column) => column.name === target)?.summary.top.map((t) => t.value) ?? [];
}
