import * as z from "../../zod.ts";
import { CardSection } from "./card.ts";
import { RelativePath } from "./common.ts";
import { DataSection } from "./data.ts";
import { DeploySection } from "./deploy.ts";
import { EvaluateSection } from "./evaluate.ts";
import { GateSection } from "./gate.ts";
import { ModelSection } from "./model.ts";
import { MonitorSection } from "./monitor.ts";
import { PredictSection } from "./predict.ts";
import { PublishSection, RegistrySection } from "./registry.ts";
import { ReportSection } from "./report.ts";
import { RetrainSection } from "./retrain.ts";
import { TrainSection } from "./train.ts";

/**
 * The shape of mlops.yml: the single source of truth for the config's types, defaults, docs, the generated JSON
 * Schema (schema/mlops.schema.json) and the config reference in docs/configuration.md.
 */
export const MlopsConfigSchema = z.described(
  z.strictObject({
    version: z.described(z.literal(1, { error: "expected `version: 1`" }), "Config format version. Always 1."),
    model: ModelSection,
    data: z.optional(DataSection),
    train: z.optional(TrainSection),
    evaluate: z.optional(EvaluateSection),
    gate: z.optional(GateSection),
    registry: z.prefault(RegistrySection, {}),
    publish: z.prefault(PublishSection, {}),
    retrain: z.optional(RetrainSection),
    monitor: z.optional(MonitorSection),
    deploy: z.optional(DeploySection),
    predict: z.optional(PredictSection),
    report: z.prefault(ReportSection, {}),
    card: z.optional(CardSection),
    workspace: z.described(
      z._default(RelativePath, ".mlops"),
      "Folder (relative to mlops.yml) for stage results, the local registry and the local run cache.",
    ),
  }),
  "mlops-kit configuration (mlops.yml).",
);

/** The config as written, before defaults. */
export type MlopsConfigInput = z.input<typeof MlopsConfigSchema>;
/** The config with defaults applied. */
export type MlopsConfig = z.output<typeof MlopsConfigSchema>;
export type GateRule = NonNullable<MlopsConfig["gate"]>["rules"][number];
export type ColumnSpec = NonNullable<NonNullable<MlopsConfig["data"]>["schema"]>["columns"][string];
export type MonitorConfig = NonNullable<MlopsConfig["monitor"]>;
export type MonitorRule = MonitorConfig["rules"][number];
export type DeployConfig = NonNullable<MlopsConfig["deploy"]>;
export type DeployTargetConfig = DeployConfig["targets"][string];
export type PredictConfig = NonNullable<MlopsConfig["predict"]>;
export type CanaryConfig = NonNullable<DeployConfig["canary"]>;
