import * as z from "../../zod.ts";

/**
 * Which config fields hold paths, told by the schema itself: a field built from a marked schema is a path, and the
 * cross-field rules (config/rules/paths.ts) find every one by walking the schema along the config. Adding a field of
 * type RelativePath (or any schema passed through pathField) is thus all it takes to have its paths checked.
 *
 * The marks live in a registry of their own, not in zod's global one, so the generated JSON Schema does not show them.
 * A schema made from a marked one by `described()`, `.check()` (`z.minLength()`, `z.refine()` ...) or `.clone()`
 * keeps the mark (zod's registries inherit metadata from the schema a copy was made from); one passed through
 * pathField again gets the new mark.
 */

export interface PathMark {
  /** Whether the field may also be an s3://bucket/key URI (data, caches, the registry), not only a repository path. */
  remote: boolean;
}

export const pathMarks = z.registry<PathMark>();

/** Marks `schema` as a path field; returns the same schema. */
export function pathField<T extends z.ZodMiniType>(schema: T, mark: PathMark): T {
  pathMarks.add(schema, mark);
  return schema;
}
