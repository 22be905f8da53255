import { readProfileFile } from "../data/profile-file.ts";
import { sha256File } from "../files/hash.ts";
import type { ProfileFact } from "./facts.ts";

/**
 * The training-data profile as the card tells it: read from the file publish stores as the version's `profile`
 * attachment, with that file's sha256 (the digest the manifest lists for it). Null without one.
 */
export async function profileFact(file: string | null): Promise<ProfileFact | null> {
  if (file === null) return null;
  const profile = await readProfileFile(file, "the training-data profile", "run the validate stage first");
  return {
    dataset: profile.dataset,
    sha256: (await sha256File(file)).sha256,
    rows: profile.rows,
    columns: profile.columns.map((column) => ({
      name: column.name,
      type: column.type,
      nulls: column.summary.nulls,
      distinct: column.summary.distinct,
    })),
    parts: profile.parts,
  };
}
