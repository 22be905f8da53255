import type { MlopsConfig, PredictConfig } from "../config/schema/index.ts";
import { UsageError } from "../errors.ts";

/** The predict section, or a usage error saying how to add one. */
export function requirePredict(config: MlopsConfig): PredictConfig {
  if (!config.predict) {
    throw new UsageError("mlops.yml has no predict section", {
      hint: "add `predict: { input: data/new/*.csv, command: ..., output: s3://bucket/scores }` (docs/batch-scoring.md)",
    });
  }
  return config.predict;
}
