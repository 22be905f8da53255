import * as z from "../../zod.ts";
import { hasControlCharacters } from "../../files/safe-path.ts";
import { pathField } from "./path-field.ts";

/**
 * Field types shared by several config sections. Every field carries a description: it becomes the JSON Schema
 * documentation editors show, and the config reference in docs/configuration.md is generated from it.
 */

/** Letters, digits, '.', '_' and '-'; no '..' so a name can never walk out of a registry folder (DOMAIN.md §4). */
export const NAME_PATTERN = /^(?!.*\.\.)[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9])?$/;
export const NAME_RULE = "1-64 letters, digits, '.', '_' or '-', starting and ending with a letter or digit, no '..'";

export const Name = z.string().check(z.regex(NAME_PATTERN, { error: `expected a name of ${NAME_RULE}` }));

// Control characters in paths hide traversal tricks and break logs; the loader separately refuses paths that leave
// the repository (it knows where the repository is, the schema does not).

/** A path relative to the folder holding mlops.yml (a path field: the loader checks where it leads). */
export const RelativePath = pathField(
  z.string().check(
    z.minLength(1, { error: "expected a non-empty path" }),
    z.refine((value) => !hasControlCharacters(value), { error: "a path may not contain control characters" }),
  ),
  { remote: false },
);

/** A RelativePath that may also be an `s3://bucket/key` URI: where data, caches and the registry may live. */
export const PathOrS3Uri = pathField(RelativePath.clone(), { remote: true });

/** A local path, a glob (`data/*.csv`, many files read as one dataset) or an `s3://bucket/key` URI. */
export const DataSource = z.described(PathOrS3Uri, "A local path, a glob, or an s3://bucket/key URI.");

export const DataSources = z.union([DataSource, z.array(DataSource).check(z.minLength(1))], {
  error: "expected a path, glob or s3:// URI, or a list of them",
});

export const Severity = z.described(
  z.enum(["error", "warn"]),
  "`error` fails the stage (exit 1); `warn` only reports.",
);

export const Direction = z.described(
  z.enum(["higher", "lower"]),
  "Whether a higher or a lower value of the metric is better.",
);

export const Command = z.described(
  z.string().check(z.trim(), z.minLength(1, { error: "expected a command to run" })),
  "A shell command, run with the folder of mlops.yml as its working directory.",
);

export const TimeoutMinutes = z.described(
  z.number().check(z.positive(), z.lte(360)),
  "Kill the command after this many minutes.",
);

/** Legs of a scheduled workflow's matrix: at most 256, the jobs GitHub Actions runs from one matrix. */
export const MatrixShards = z._default(z.number().check(z.int(), z.gte(1), z.lte(256)), 1);

/** Scalars a user may write in YAML for params, categories and slice values. */
export const Scalar = z.union([z.string(), z.number(), z.boolean()]);
