import * as z from "zod";
import { DataSources, PathOrS3Uri, Scalar, Severity } from "./common.ts";

export const COLUMN_TYPES = ["integer", "number", "string", "boolean", "category", "datetime"] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];
export const DRIFT_METHODS = ["auto", "psi", "ks", "chi2", "jensen_shannon", "wasserstein"] as const;
export const DATA_FORMATS = ["auto", "csv", "tsv", "jsonl", "parquet"] as const;

const Bound = z.union([z.number(), z.string()], { error: "expected a number (or an ISO date for datetime columns)" });

export const ColumnSpec = z
  .strictObject({
    type: z.enum(COLUMN_TYPES).optional().describe("The column's type. Inferred from the data when left out."),
    required: z.boolean().default(true).describe("The column must be present."),
    nullable: z.boolean().default(true).describe("Empty values are allowed."),
    max_null_fraction: z.number().min(0).max(1).optional().describe("Largest allowed share of empty values (0-1)."),
    min: Bound.optional().describe("Smallest allowed value (inclusive)."),
    max: Bound.optional().describe("Largest allowed value (inclusive)."),
    values: z.array(Scalar).min(1).optional().describe("The allowed values of a category column."),
    regex: z.string().optional().describe("A regular expression every non-empty value must match in full."),
    unique: z.boolean().default(false).describe("No value may appear twice."),
    severity: Severity.default("error"),
    description: z.string().optional().describe("What the column holds."),
  })
  .describe("Rules for one column.");

export const DatasetSchema = z
  .strictObject({
    columns: z.record(z.string().min(1), ColumnSpec).default({}).describe("Rules per column, by column name."),
    rows: z
      .strictObject({
        min: z
          .number()
          .int()
          .min(0)
          .optional()
          .describe(
            "Fewest rows allowed. A file with a header and no rows fails unless this is 0 (empty data is expected).",
          ),
        max: z.number().int().min(0).optional().describe("Most rows allowed."),
      })
      .optional()
      .describe("Row-count bounds."),
    unique_key: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe("Columns whose combined values must be unique in every row (a primary key)."),
    duplicate_rows: z
      .enum(["allow", "warn", "error"])
      .default("warn")
      .describe("What an exact duplicate row is: allowed, a warning, or an error."),
    extra_columns: z
      .enum(["allow", "warn", "error"])
      .default("allow")
      .describe("What a column that `columns` does not declare is."),
  })
  .describe("What valid data looks like.");

export const DriftColumnOverride = z
  .strictObject({
    method: z.enum(DRIFT_METHODS).optional().describe("Drift statistic for this column."),
    threshold: z.number().positive().optional().describe("Drift threshold for this column."),
    skip: z.boolean().default(false).describe("Leave this column out of drift checks."),
  })
  .describe("Drift settings for one column.");

export const DriftConfig = z
  .strictObject({
    reference: z
      .union([z.literal("champion"), PathOrS3Uri])
      .default("champion")
      .describe(
        "What current data is compared with: `champion` (the training-data profile stored with the registry's " +
          "champion), a data file, or a stored profile JSON.",
      ),
    method: z
      .enum(DRIFT_METHODS)
      .default("auto")
      .describe(
        "Drift statistic. `auto` picks as Evidently does: KS or chi-square for small references, normed " +
          "Wasserstein or Jensen-Shannon distance for large ones.",
      ),
    threshold: z
      .number()
      .positive()
      .optional()
      .describe("Threshold for the chosen method (p-value for tests, distance otherwise). Default per method."),
    columns: z.record(z.string().min(1), DriftColumnOverride).default({}).describe("Per-column overrides."),
    max_drifted_share: z
      .number()
      .min(0)
      .max(1)
      .default(0.5)
      .describe(
        "A comparison counts as drifted when at least this share of its columns drifted. It applies to each comparison " +
          "on its own: the training data against the reference, the evaluation data against the reference, and the " +
          "evaluation data against the training data (skew).",
      ),
    severity: Severity.default("warn").describe(
      "Whether a drifted comparison (drift of train or eval, or skew of eval against train) fails validation " +
        "(`error`) or only reports (`warn`).",
    ),
  })
  .describe(
    "Drift of the training and evaluation data against a reference, and skew of the evaluation data against the " +
      "training data, all with these settings.",
  );

export const DataSection = z
  .strictObject({
    train: DataSources.describe("Training data: a path, glob, or s3:// URI, or a list of them."),
    eval: DataSources.optional().describe("Evaluation data, validated with the same schema."),
    target: z.string().min(1).optional().describe("The label column."),
    format: z.enum(DATA_FORMATS).default("auto").describe("File format; `auto` goes by the file extension."),
    header: z
      .boolean()
      .default(true)
      .describe(
        "Whether the first row of a CSV or TSV file names its columns. With `false` every row is data, and the " +
          "columns are named by `data.schema.columns`, which must list every column in its order in the file " +
          "(DVC's prepared TSVs have no header). Never guessed from the data. Applies to data.train, data.eval " +
          "and a data file given as data.drift.reference; not to JSON Lines or Parquet, which name their columns.",
      ),
    schema: DatasetSchema.optional(),
    drift: DriftConfig.optional(),
  })
  .describe("The data the model is trained and evaluated on.");
