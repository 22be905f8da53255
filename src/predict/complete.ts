import type { Manifest } from "../registry/manifest.ts";
import type { Registry } from "../registry/registry.ts";
import type { InputFingerprint } from "./input.ts";
import { keyIn, type OutputPlace, partName, readCompletion, readPartRecord, writeCompletion } from "./location.ts";
import type { PredictConfig } from "../config/schema/index.ts";

/**
 * Marking a result complete (docs/batch-scoring.md): every input file's part is there, written by this version for
 * this input, with the size its record says; only then `_SUCCESS` is written (once), and then the registry's scoring
 * log gets the record. A missing or foreign part is a failure in words, and nothing is marked.
 */

export interface Completed {
  rows: number;
  parts: number;
  shards: number;
  /** The registry's key of the scoring record; null when another run completed the same result first (and recorded it). */
  record: string | null;
}

export async function completeResult(
  place: OutputPlace,
  registry: Registry,
  run: {
    manifest: Manifest;
    alias: string | null;
    input: InputFingerprint;
    format: PredictConfig["output_format"];
    scoredAt: string;
    runUrl: string | null;
  },
): Promise<Completed | { failure: string }> {
  const { manifest, input } = run;
  let rows = 0;
  let inputRows = 0;
  let shards = 1;
  for (let index = 1; index <= input.files.length; index++) {
    const file = input.files[index - 1]!.path;
    const record = await readPartRecord(place, index);
    const name = partName(index, run.format);
    if (!record) {
      return {
        failure:
          `part ${index} of ${input.files.length} (${file}) is missing from ${place.location}: its matrix leg failed or ` +
          "did not run; run that leg again, then finish",
      };
    }
    if (record.version !== manifest.version || record.input !== input.id) {
      return {
        failure:
          `${place.location}/${name} was written by ${record.version} for input ${record.input}, not by ` +
          `${manifest.version} for ${input.id}: score that part again (--force)`,
      };
    }
    const head = await place.store.head(keyIn(place, name));
    if (!head || head.size !== record.bytes) {
      return {
        failure: `${place.location}/${name} is ${head ? `${head.size} bytes, not the ${record.bytes} its record says` : "missing though its record is there"}: score that part again (--force)`,
      };
    }
    rows += record.rowsOut;
    inputRows += record.rowsIn;
    shards = Math.max(shards, record.shard?.count ?? 1);
  }
  const completion = {
    model: manifest.model,
    version: manifest.version,
    input: input.id,
    rows,
    parts: input.files.length,
    scoredAt: run.scoredAt,
  };
  if (!(await writeCompletion(place, completion))) {
    const there = await readCompletion(place);
    if (!there || there.version !== manifest.version || there.input !== input.id) {
      return {
        failure: `${place.location} was completed by another run (${there?.version ?? "unknown version"}) meanwhile`,
      };
    }
    return { rows: there.rows, parts: there.parts, shards, record: null };
  }
  const record = await registry.appendScoringRecord(manifest.model, {
    alias: run.alias,
    version: manifest.version,
    scoredAt: run.scoredAt,
    runUrl: run.runUrl,
    input: { fingerprint: input.id, files: input.files, rows: inputRows },
    output: { location: place.location, format: run.format, parts: input.files.length, rows },
    shards,
  });
  return { rows, parts: input.files.length, shards, record };
}
