import * as z from "../zod.ts";
import { InputError } from "../errors.ts";
import { readTextLimited } from "../files/read-limited.ts";
import { type DatasetProfile, PROFILE_FORMAT } from "./profile.ts";
import { refuseIrregularFile } from "./regular-file.ts";

/**
 * Reading a profile JSON someone else wrote (a shard's artifact, the champion's attachment): its outline is checked
 * before it is used, so a wrong or hand-edited file is one clear error, not a crash halfway through a merge.
 */

const Tally = z.object({ count: z.number(), rows: z.array(z.number()), observed: z.string() });
const Column = z.looseObject({
  name: z.string(),
  type: z.enum(["integer", "number", "string", "boolean", "category", "datetime"]),
  kind: z.enum(["numeric", "datetime", "boolean", "text", "any"]),
  rows: z.number(),
  values: z.number(),
  nulls: z.number(),
  checks: z.record(z.string(), Tally),
  sketch: z.nullable(
    z.looseObject({ k: z.number(), n: z.number(), levels: z.array(z.array(z.number())), exact: z.boolean() }),
  ),
  frequent: z.nullable(
    z.object({ entries: z.array(z.tuple([z.number(), z.number(), z.nullable(z.string())])), error: z.number() }),
  ),
  numbers: z.nullable(z.array(z.tuple([z.number(), z.number()]))),
  hll: z.nullable(z.string()),
  deciles: z.optional(
    z.object({
      edges: z.array(z.number()).check(z.length(9)),
      shares: z.array(z.number().check(z.gte(0), z.lte(1))).check(z.length(10)),
    }),
  ),
});
const Profile = z.looseObject({
  format: z.literal(PROFILE_FORMAT),
  dataset: z.string(),
  schemaHash: z.string(),
  rows: z.number(),
  columns: z.array(Column),
  checks: z.record(z.string(), Tally),
  shard: z._default(
    z.nullable(z.object({ index: z.number().check(z.int(), z.gte(1)), count: z.number().check(z.int(), z.gte(1)) })),
    null,
  ),
  files: z.array(z.object({ path: z.string(), bytes: z.number(), rows: z.number(), columns: z.array(z.string()) })),
});

/**
 * The most a profile file may hold. A profile is sketches (a few thousand numbers a column, at most 2,048 capped
 * values a text column), far below this; the limit is what a JavaScript string can hold at most, halved.
 */
export const PROFILE_BYTES_LIMIT = 256 * 1024 * 1024;

/** Reads and checks a profile file: a regular file, at most {@link PROFILE_BYTES_LIMIT} bytes read. */
export async function readProfileFile(file: string, shown: string, missingHint: string): Promise<DatasetProfile> {
  refuseIrregularFile(file, shown);
  const text = await readTextLimited(file, { shown, what: "profile", limit: PROFILE_BYTES_LIMIT, missingHint });
  return readProfile(text, shown);
}

export function readProfile(text: string, shown: string): DatasetProfile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${shown} is not valid JSON (${(error as Error).message})`, {
      hint: "a profile is the JSON file `mlops profile` writes",
    });
  }
  const parsed = Profile.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      `${shown} is not an mlops-kit profile (${issue ? `${issue.path.join(".") || "top level"}: ${issue.message}` : "unknown shape"})`,
      { hint: `a profile is the JSON file \`mlops profile\` writes (format ${PROFILE_FORMAT})` },
    );
  }
  return parsed.data as unknown as DatasetProfile;
}
