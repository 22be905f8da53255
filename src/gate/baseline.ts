import { existsSync } from "node:fs";
import path from "node:path";
import type { MlopsConfig } from "../config/schema/index.ts";
import { readMetricsFile } from "../evaluate/evaluate.ts";
import type { Registry } from "../registry/registry.ts";
import type { Baseline } from "./rules.ts";

/**
 * Baseline resolution (DOMAIN.md §2), in this order: the registry alias (default `champion`) with its stored metrics
 * and predictions; else a metrics file (e.g. downloaded from the base branch's last run); else none, which the gate
 * reports as a first run. A registry or file that exists but cannot be read throws (the gate turns that into the
 * verdict error): it is never mistaken for "no baseline".
 */

type BaselineSpec = NonNullable<MlopsConfig["gate"]>["baseline"];

export interface ResolvedBaseline {
  baseline: Baseline | null;
  /** Why there is no baseline, in words, when there is none. */
  absence: string | null;
}

export interface BaselineOptions {
  /** Download the baseline's predictions here (for paired tests); undefined: do not download them. */
  predictionsDir?: string;
}

export async function resolveBaseline(
  spec: BaselineSpec,
  model: string,
  registry: Registry,
  root: string,
  options: BaselineOptions = {},
): Promise<ResolvedBaseline> {
  if (spec === "none") return { baseline: null, absence: "gate.baseline is none, so change rules do not apply" };
  // The object form keeps the documented order: the alias (champion unless named) first, then the file.
  const alias = typeof spec === "string" ? spec : (spec.alias ?? "champion");
  const manifest = await registry.resolve(model, alias);
  if (manifest) {
    let predictionsFile: string | null = null;
    const attachment = manifest.attachments.predictions;
    if (options.predictionsDir && attachment) {
      // Keep the extension: it tells the reader the format (CSV, JSON Lines, Parquet ...).
      const target = path.join(options.predictionsDir, `baseline-${path.basename(attachment.path)}`);
      if (await registry.pullAttachment(manifest, "predictions", target)) predictionsFile = target;
    }
    return {
      baseline: {
        description: `${alias} (${manifest.version})`,
        version: manifest.version,
        metrics: manifest.metrics,
        slices: manifest.slices,
        predictionsFile,
        hasPredictions: attachment !== undefined,
      },
      absence: null,
    };
  }
  const file = typeof spec === "object" ? spec.metrics_file : undefined;
  if (file !== undefined && existsSync(path.resolve(root, file))) {
    return {
      baseline: {
        description: `metrics file ${file}`,
        version: null,
        metrics: await readMetricsFile(path.resolve(root, file), file),
        slices: [],
        predictionsFile: null,
        hasPredictions: false,
      },
      absence: null,
    };
  }
  const looked = [`no "${alias}" in the registry`, ...(file === undefined ? [] : [`no metrics file ${file}`])];
  return { baseline: null, absence: `${looked.join(" and ")}: this is a first run` };
}
