import * as z from "../zod.ts";
import { InputError } from "../errors.ts";
import { readJsonLimited } from "../files/read-limited.ts";
import type { Computed } from "./compute.ts";
import { WINDOW_RESULT_FORMAT, type WindowResult } from "./window.ts";

/**
 * A matrix leg's share of a monitoring run (issue 18 item 5, the shard-and-merge recipe): the windows it computed,
 * written by `mlops monitor --shard i/n` and read by the merge job's `mlops monitor --merge`, which appends them to
 * the monitoring log and judges them as one run. Read back as untrusted input (an artifact anyone in the run could
 * replace): its shape is checked before anything is appended.
 */

export const SHARD_FORMAT = "mlops-kit/monitor-shard@1";

export interface ShardFile extends Computed {
  format: typeof SHARD_FORMAT;
  model: string;
  alias: string;
  version: string;
  now: string;
  shard: { index: number; count: number };
}

const Skipped = z.object({
  count: z.number().check(z.int(), z.gte(0)),
  examples: z.array(z.object({ file: z.string(), row: z.number(), value: z.string(), reason: z.string() })),
});

const ShardSchema = z.object({
  format: z.literal(SHARD_FORMAT),
  model: z.string(),
  alias: z.string(),
  version: z.string(),
  now: z.iso.datetime(),
  shard: z.object({ index: z.number().check(z.int(), z.gte(1)), count: z.number().check(z.int(), z.gte(1)) }),
  windows: z.array(
    z.looseObject({
      format: z.literal(WINDOW_RESULT_FORMAT),
      window: z.object({ key: z.string(), start: z.iso.datetime(), end: z.iso.datetime() }),
      rows: z.number().check(z.int(), z.gte(0)),
      metrics: z.record(z.string(), z.number()),
    }),
  ),
  unchanged: z.array(z.string()),
  skippedRows: z.object({ unparseable: Skipped, future: Skipped }),
  unmatchedLabels: z.object({ count: z.number().check(z.int(), z.gte(0)), files: z.array(z.string()) }),
  labelMarks: z.nullable(
    z.record(z.string(), z.object({ rows: z.number().check(z.int(), z.gte(0)), bits: z.base64() })),
  ),
  notes: z.array(z.string()),
});

/** Shard files can be large (a leg's windows with their drift bins): up to 256 MiB. */
const SHARD_BYTES = 256 * 1024 * 1024;

export async function readShardFiles(files: readonly string[], shownFrom: string): Promise<ShardFile[]> {
  const shards: ShardFile[] = [];
  for (const file of files) {
    const shown = file.startsWith(shownFrom) ? file.slice(shownFrom.length + 1) : file;
    const value = await readJsonLimited(file, {
      shown,
      what: "monitor shard file",
      limit: SHARD_BYTES,
      missingHint: "pass the files `mlops monitor --shard i/n` wrote",
    });
    const parsed = ShardSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(
        `${shown} is not a monitor shard file: ${issue?.path.join(".") ?? ""} ${issue?.message ?? ""}`,
        {
          hint: "pass the files `mlops monitor --shard i/n` wrote, unchanged",
        },
      );
    }
    // The windows were checked for what the merge reads; the rest of each window is kept as the leg wrote it.
    shards.push({ ...parsed.data, windows: parsed.data.windows as unknown as WindowResult[] });
  }
  return shards;
}
