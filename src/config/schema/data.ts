import * as z from "../../zod.ts";
import { DataSources, PathOrS3Uri, Scalar, Severity } from "./common.ts";

export const COLUMN_TYPES = ["integer", "number", "string", "boolean", "category", "datetime"] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];
export const DRIFT_METHODS = ["auto", "psi", "ks", "chi2", "jensen_shannon", "wasserstein"] as const;
export const DATA_FORMATS = ["auto", "csv", "tsv", "jsonl", "parquet"] as const;

const Bound = z.union([z.number(), z.string()], { error: "expected a number (or an ISO date for datetime columns)" });

// Field types several fields below share; each call builds a schema of its own.
const nonEmptyString = () => z.string().check(z.minLength(1));
const share = () => z.number().check(z.gte(0), z.lte(1));
const rowCount = () => z.number().check(z.int(), z.gte(0));

export const ColumnSpec = z.described(
  z.strictObject({
    type: z.described(z.optional(z.enum(COLUMN_TYPES)), "The column's type. Inferred from the data when left out."),
    required: z.described(z._default(z.boolean(), true), "The column must be present."),
    nullable: z.described(z._default(z.boolean(), true), "Empty values are allowed."),
    max_null_fraction: z.described(z.optional(share()), "Largest allowed share of empty values (0-1)."),
    min: z.described(z.optional(Bound), "Smallest allowed value (inclusive)."),
    max: z.described(z.optional(Bound), "Largest allowed value (inclusive)."),
    values: z.described(z.optional(z.array(Scalar).check(z.minLength(1))), "The allowed values of a category column."),
    regex: z.described(z.optional(z.string()), "A regular expression every non-empty value must match in full."),
    unique: z.described(z._default(z.boolean(), false), "No value may appear twice."),
    severity: z._default(Severity, "error"),
    description: z.described(z.optional(z.string()), "What the column holds."),
  }),
  "Rules for one column.",
);

export const DatasetSchema = z.described(
  z.strictObject({
    columns: z.described(z._default(z.record(nonEmptyString(), ColumnSpec), {}), "Rules per column, by column name."),
    rows: z.described(
      z.optional(
        z.strictObject({
          min: z.described(
            z.optional(rowCount()),
            "Fewest rows allowed. A file with a header and no rows fails unless this is 0 (empty data is expected).",
          ),
          max: z.described(z.optional(rowCount()), "Most rows allowed."),
        }),
      ),
      "Row-count bounds.",
    ),
    unique_key: z.described(
      z.optional(z.array(nonEmptyString()).check(z.minLength(1))),
      "Columns whose combined values must be unique in every row (a primary key).",
    ),
    duplicate_rows: z.described(
      z._default(z.enum(["allow", "warn", "error"]), "warn"),
      "What an exact duplicate row is: allowed, a warning, or an error.",
    ),
    extra_columns: z.described(
      z._default(z.enum(["allow", "warn", "error"]), "allow"),
      "What a column that `columns` does not declare is.",
    ),
  }),
  "What valid data looks like.",
);

export const DriftColumnOverride = z.described(
  z.strictObject({
    method: z.described(z.optional(z.enum(DRIFT_METHODS)), "Drift statistic for this column."),
    threshold: z.described(z.optional(z.number().check(z.positive())), "Drift threshold for this column."),
    skip: z.described(z._default(z.boolean(), false), "Leave this column out of drift checks."),
  }),
  "Drift settings for one column.",
);

export const DriftConfig = z.described(
  z.strictObject({
    reference: z.described(
      z._default(z.union([z.literal("champion"), PathOrS3Uri]), "champion"),
      "What current data is compared with: `champion` (the training-data profile stored with the registry's " +
        "champion), a data file, or a stored profile JSON.",
    ),
    method: z.described(
      z._default(z.enum(DRIFT_METHODS), "auto"),
      "Drift statistic. `auto` picks as Evidently does: KS or chi-square for small references, normed " +
        "Wasserstein or Jensen-Shannon distance for large ones.",
    ),
    threshold: z.described(
      z.optional(z.number().check(z.positive())),
      "Threshold for the chosen method (p-value for tests, distance otherwise). Default per method.",
    ),
    columns: z.described(z._default(z.record(nonEmptyString(), DriftColumnOverride), {}), "Per-column overrides."),
    max_drifted_share: z.described(
      z._default(share(), 0.5),
      "A comparison counts as drifted when at least this share of its columns drifted. It applies to each comparison " +
        "on its own: the training data against the reference, the evaluation data against the reference, and the " +
        "evaluation data against the training data (skew).",
    ),
    severity: z.described(
      z._default(Severity, "warn"),
      "Whether a drifted comparison (drift of train or eval, or skew of eval against train) fails validation " +
        "(`error`) or only reports (`warn`).",
    ),
  }),
  "Drift of the training and evaluation data against a reference, and skew of the evaluation data against the " +
    "training data, all with these settings.",
);

export const DataSection = z.described(
  z.strictObject({
    train: z.described(DataSources, "Training data: a path, glob, or s3:// URI, or a list of them."),
    eval: z.described(z.optional(DataSources), "Evaluation data, validated with the same schema."),
    target: z.described(z.optional(nonEmptyString()), "The label column."),
    format: z.described(z._default(z.enum(DATA_FORMATS), "auto"), "File format; `auto` goes by the file extension."),
    header: z.described(
      z._default(z.boolean(), true),
      "Whether the first row of a CSV or TSV file names its columns. With `false` every row is data, and the " +
        "columns are named by `data.schema.columns`, which must list every column in its order in the file " +
        "(DVC's prepared TSVs have no header). Never guessed from the data. Applies to data.train, data.eval " +
        "and a data file given as data.drift.reference; not to JSON Lines or Parquet, which name their columns.",
    ),
    schema: z.optional(DatasetSchema),
    drift: z.optional(DriftConfig),
  }),
  "The data the model is trained and evaluated on.",
);
