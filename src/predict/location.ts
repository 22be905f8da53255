import * as z from "../zod.ts";
import type { PredictConfig } from "../config/schema/index.ts";
import { InputError } from "../errors.ts";
import type { ObjectStore } from "../store/object-store.ts";

/**
 * Where one scoring run's result lives (docs/batch-scoring.md): `<predict.output>/<layout>/` holding
 *   part-00001.<format>   the predictions for the first input file (one part per input file, in input order)
 *   part-00001.json       what wrote it: version, input fingerprint, rows in and out; written after the part
 *   _SUCCESS              the completion record, written last: a result is complete iff it exists
 * Each part is uploaded whole (a temporary file renamed, or a multipart upload completed), so no half file is ever
 * visible; a result without _SUCCESS is incomplete, and consumers (and the monitor's glob) wait for it, as Spark's
 * and Hadoop's readers do.
 */

export const SUCCESS_MARKER = "_SUCCESS";
export const COMPLETION_FORMAT = "mlops-kit/scoring-result@1";

const PartRecordSchema = z.object({
  format: z.literal("mlops-kit/scoring-part@1"),
  version: z.string(),
  input: z.string(),
  file: z.string(),
  rowsIn: z.number().check(z.int(), z.nonnegative()),
  rowsOut: z.number().check(z.int(), z.nonnegative()),
  bytes: z.number().check(z.int(), z.nonnegative()),
  sha256: z.string(),
  shard: z.nullable(
    z.object({ index: z.number().check(z.int(), z.positive()), count: z.number().check(z.int(), z.positive()) }),
  ),
});
export type PartRecord = z.output<typeof PartRecordSchema>;

const CompletionSchema = z.object({
  format: z.literal(COMPLETION_FORMAT),
  model: z.string(),
  version: z.string(),
  input: z.string(),
  rows: z.number().check(z.int(), z.nonnegative()),
  parts: z.number().check(z.int(), z.nonnegative()),
  scoredAt: z.string(),
});
export type Completion = z.output<typeof CompletionSchema>;

export interface OutputPlace {
  store: ObjectStore;
  /** The result's path below predict.output, no trailing slash. */
  prefix: string;
  /** For messages and records: the folder or s3:// URI of the result. */
  location: string;
}

/** The layout with this run's values: {model}, {version}, {alias}, {input}, {date}. */
export function expandLayout(
  layout: string,
  values: { model: string; version: string; alias: string | null; input: string; date: string },
): string {
  return layout
    .replace(/\{(\w+)\}/g, (_, name: string) => {
      if (name === "alias") return values.alias ?? "pinned";
      return values[name as Exclude<keyof typeof values, "alias">];
    })
    .replace(/\/+/g, "/")
    .replace(/^\/|\/$/g, "");
}

/** `part-00001.csv`: one part per input file, numbered in input order. */
export function partName(index: number, format: PredictConfig["output_format"]): string {
  return `part-${String(index).padStart(5, "0")}.${format}`;
}

export const partRecordName = (index: number): string => `part-${String(index).padStart(5, "0")}.json`;

export const keyIn = (place: OutputPlace, name: string): string => (place.prefix ? `${place.prefix}/${name}` : name);

/** The result's completion record; undefined while it is incomplete. */
export async function readCompletion(place: OutputPlace): Promise<Completion | undefined> {
  const body = await place.store.get(keyIn(place, SUCCESS_MARKER));
  if (body === undefined) return undefined;
  return parseOrRefuse(CompletionSchema, body, `${place.location}/${SUCCESS_MARKER}`);
}

/** A part's record; undefined when the part has not been written (or its record not yet). */
export async function readPartRecord(place: OutputPlace, index: number): Promise<PartRecord | undefined> {
  const body = await place.store.get(keyIn(place, partRecordName(index)));
  if (body === undefined) return undefined;
  return parseOrRefuse(PartRecordSchema, body, `${place.location}/${partRecordName(index)}`);
}

export async function writePartRecord(place: OutputPlace, index: number, record: Omit<PartRecord, "format">) {
  const body: PartRecord = { format: "mlops-kit/scoring-part@1", ...record };
  await place.store.put(keyIn(place, partRecordName(index)), `${JSON.stringify(body, null, 2)}\n`);
}

/**
 * Marks the result complete, once: false when a completion record is there already (another finisher won; the
 * caller reads it to see whether it is the same result).
 */
export async function writeCompletion(place: OutputPlace, completion: Omit<Completion, "format">): Promise<boolean> {
  const body: Completion = { format: COMPLETION_FORMAT, ...completion };
  return place.store.create(keyIn(place, SUCCESS_MARKER), `${JSON.stringify(body, null, 2)}\n`);
}

function parseOrRefuse<T>(schema: z.ZodMiniType<T>, body: Buffer, shown: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(body.toString("utf8"));
  } catch {
    raw = undefined;
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new InputError(`${shown} is not a record mlops-kit wrote (damaged, or another tool's file)`, {
    hint: "predict.output must be a location only batch scoring writes to; delete that file if it is debris",
  });
}
