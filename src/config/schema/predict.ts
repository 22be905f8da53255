import * as z from "../../zod.ts";
import { Command, DataSources, MatrixShards, Name, PathOrS3Uri, TimeoutMinutes } from "./common.ts";
import { DATA_FORMATS } from "./data.ts";

/**
 * Batch scoring (docs/batch-scoring.md): the champion scores a dataset on a schedule, its predictions land at a
 * location that names the version and the input, and the registry keeps a record of which version scored what.
 */

/** What `predict.layout` may name; each is filled in per run (src/predict/location.ts). */
export const LAYOUT_PLACEHOLDERS = ["model", "version", "alias", "input", "date"] as const;

const Layout = z.string().check(
  z.trim(),
  z.minLength(1),
  z.refine((layout) => !layout.split("/").some((part) => part === ".." || part === "."), {
    error: "a layout may not contain '.' or '..' segments",
  }),
  z.refine((layout) => [...layout.matchAll(/\{([^}]*)\}/g)].every((m) => LAYOUT_PLACEHOLDERS.some((p) => p === m[1])), {
    error: `a layout names only ${LAYOUT_PLACEHOLDERS.map((p) => `{${p}}`).join(", ")}`,
  }),
);

export const PredictSection = z.described(
  z.strictObject({
    alias: z.described(
      z._default(Name, "champion"),
      "The alias whose version scores (resolved once per run; matrix legs all score with the version it named).",
    ),
    input: z.described(
      DataSources,
      "The data to score: paths, globs or s3:// URIs, read as one dataset (the formats `validate` reads). Each file " +
        "is scored by one run of the command and gives one part of the output.",
    ),
    format: z.described(
      z._default(z.enum(DATA_FORMATS), "auto"),
      "The input's file format; `auto` goes by the extension.",
    ),
    command: z.described(
      Command,
      "The scoring command, run once per input file with the version's files pulled and verified. It gets " +
        "MLOPS_MODEL, MLOPS_VERSION, MLOPS_ALIAS, MLOPS_MODEL_DIR (the files), MLOPS_MANIFEST, MLOPS_INPUT (one input " +
        "file, local), MLOPS_OUTPUT (the file to write: one row per input row) and MLOPS_SCORED_AT (the run's ISO " +
        "time, for a timestamp column). Exit 0 means scored.",
    ),
    env: z.described(z._default(z.record(z.string(), z.string()), {}), "Extra environment variables for the command."),
    timeout_minutes: z.described(
      z._default(TimeoutMinutes, 60),
      "Kill the command after this many minutes (per input file).",
    ),
    output: z.described(
      PathOrS3Uri,
      "Where predictions go: a folder (relative to mlops.yml) or an s3://bucket/prefix. Each run writes below it at " +
        "`layout`.",
    ),
    layout: z.described(
      z._default(Layout, "{model}/{version}/{input}"),
      "The path below `output` of one run's result: {model}, {version} (v7), {alias}, {input} (the input's " +
        "fingerprint, 16 hex digits) and {date} (the run's UTC date). A layout without {version} may hold another " +
        "version's result, which a run refuses to replace.",
    ),
    output_format: z.described(
      z._default(z.enum(["csv", "jsonl", "parquet"]), "csv"),
      "The format the command writes (the extension of MLOPS_OUTPUT and of each part).",
    ),
    validate: z.described(
      z._default(z.boolean(), true),
      "Check the input against the feature rules of data.schema first (the target's rules and row bounds left " +
        "out); an input that fails is not scored.",
    ),
    monitored: z.described(
      z._default(z.boolean(), true),
      "With a monitor section: check that each part has the columns monitor.logs reads, so the output is a " +
        "prediction log the monitor can read as it is.",
    ),
    schedule: z.described(
      z._default(z.string(), "23 2 * * *"),
      "When the scheduled workflow (mlops-predict.yml) scores predict.input: a 5-field cron expression (UTC).",
    ),
    shards: z.described(
      MatrixShards,
      "Matrix legs the scheduled workflow splits the input's files into, each scoring its block; a last job " +
        "marks the result complete (mlops-predict.yml).",
    ),
  }),
  "Batch scoring with the version an alias points at (docs/batch-scoring.md).",
);
