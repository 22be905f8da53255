import * as z from "../zod.ts";
import { NAME_PATTERN } from "../config/schema/common.ts";
import type { ObjectStore } from "../store/object-store.ts";
import { mapBounded } from "./concurrency.ts";
import type { DamageReporter } from "./damage.ts";
import { createObject } from "./monitor-log.ts";
import { getUnlessTooLarge, parseStoredJson, TOO_LARGE } from "./stored-manifest.ts";

/**
 * The batch-scoring log (docs/batch-scoring.md): which version scored which input, and where its predictions went, so
 * "which model scored this file" has an answer. Append-only, per model, outside the immutable versions:
 *   <model>/scoring/<time>-<random>.json
 * one object per completed scoring run, written once with an exclusive create, never replaced. A damaged object is
 * skipped and reported; the rest is read.
 */

export const SCORING_RECORD_FORMAT = "mlops-kit/scoring-record@1";

const DataFileSchema = z.object({
  path: z.string(),
  size: z.number().check(z.int(), z.nonnegative()),
  sha256: z.optional(z.string()),
  etag: z.optional(z.string()),
});

const RecordSchema = z.object({
  /** The alias that named the version, or null when a version was named directly. */
  alias: z.nullable(z.string().check(z.regex(NAME_PATTERN))),
  version: z.string().check(z.regex(NAME_PATTERN)),
  scoredAt: z.iso.datetime({ offset: true }),
  runUrl: z.nullable(z.string()),
  input: z.object({
    fingerprint: z.string().check(z.regex(/^[0-9a-f]{16}$/)),
    files: z.array(DataFileSchema),
    rows: z.number().check(z.int(), z.nonnegative()),
  }),
  output: z.object({
    location: z.string(),
    format: z.enum(["csv", "jsonl", "parquet"]),
    parts: z.number().check(z.int(), z.positive()),
    rows: z.number().check(z.int(), z.nonnegative()),
  }),
  /** How many matrix legs scored it (1 without a matrix). */
  shards: z.number().check(z.int(), z.positive()),
});

export type ScoringRecord = z.output<typeof RecordSchema>;
export type KeyedScoringRecord = ScoringRecord & { key: string };

const RecordObject = z.object({ format: z.literal(SCORING_RECORD_FORMAT), model: z.string(), record: RecordSchema });

const OBJECT_NAME = /^\d{8}T\d{9}Z-[0-9a-f]{8}\.json$/;

const scoringPrefix = (model: string): string => `${model}/scoring/`;

/** Appends one scoring run's record; returns its key. An invalid record is a bug of the caller: nothing is written. */
export async function appendScoringRecord(
  store: ObjectStore,
  model: string,
  record: ScoringRecord,
  now: Date,
): Promise<string> {
  const parsed = RecordSchema.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `the scoring record is not valid (${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}): a bug in what made it`,
    );
  }
  const body = `${JSON.stringify({ format: SCORING_RECORD_FORMAT, model, record: parsed.data }, null, 2)}\n`;
  return createObject(store, scoringPrefix(model), now, body);
}

/** Every readable record of the model, oldest first; damaged objects are reported and skipped. */
export async function readScoringLog(
  store: ObjectStore,
  model: string,
  report: DamageReporter,
): Promise<KeyedScoringRecord[]> {
  const prefix = scoringPrefix(model);
  const keys = (await store.list(prefix)).filter((key) => OBJECT_NAME.test(key.slice(prefix.length))).sort();
  const reads = await mapBounded(keys, 8, async (key) => ({
    key,
    read: parseRecord(await getUnlessTooLarge(store, key), model),
  }));
  const records: KeyedScoringRecord[] = [];
  for (const { key, read } of reads) {
    if (typeof read !== "string") records.push({ ...read, key });
    else
      report({
        model,
        key,
        kind: "scoring-record",
        subject: model,
        problem: read,
        effect: "that scoring run is left out of the scoring log; the rest of the log is read",
      });
  }
  return records;
}

function parseRecord(body: Buffer | undefined | "too large", model: string): ScoringRecord | string {
  if (body === undefined) return "disappeared while it was being read";
  if (body === "too large") return TOO_LARGE;
  const parsed = parseStoredJson(body, RecordObject, "scoring record");
  if ("problem" in parsed) return parsed.problem;
  if (parsed.value.model !== model) return `is a scoring record of model ${parsed.value.model}, not ${model}`;
  return parsed.value.record;
}
