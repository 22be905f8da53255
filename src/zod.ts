import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";

/**
 * The kit's zod: `zod/mini`, whose functions a bundle takes one by one, where classic zod's schemas carry every method
 * and so every schema type into each bundle that builds one (bench:startup). Every module imports zod from here, so what
 * this module adds holds wherever a schema is built or parsed.
 *
 * - English messages: classic zod installs them itself, `zod/mini` leaves the locale to the caller (without one an
 *   issue says only "Invalid input").
 * - {@link described}: classic zod's `.describe()`, which `zod/mini` has only as a check.
 *
 * Classic zod also installs a memoizer, so that data containing itself can be parsed; the kit's inputs cannot: JSON
 * never does, and the YAML loader refuses an alias inside its own anchor's value before anything parses it.
 */
z.config(en());

export * from "zod/mini";

/**
 * `schema` with a description for the JSON Schema and the generated config reference: a copy registered in zod's
 * global registry, exactly as classic zod's `.describe()` makes it, so a shared schema described in two places keeps
 * both descriptions (the copy inherits the original's other metadata through its parent).
 */
export function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  const copy = schema.clone();
  z.globalRegistry.add(copy, { description });
  return copy;
}
