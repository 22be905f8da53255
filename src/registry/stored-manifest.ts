import type * as z from "../zod.ts";
import { ExternalError } from "../errors.ts";
import { type ObjectStore, ObjectTooLargeError } from "../store/object-store.ts";
import type { Damage } from "./damage.ts";
import { type Manifest, type ManifestFile, ManifestSchema } from "./manifest.ts";
import { checkModelName, checkVersionName } from "./names.ts";

/**
 * Reading a version's manifest back from the store. Anyone with access to the bucket can write there, so a manifest
 * is parsed with the schema and must describe the version whose folder holds it. What comes back says which of three
 * things is true: the version exists, it does not (no manifest: never published, or an interrupted publish), or its
 * manifest is damaged. A damaged manifest is data, not an exception, so a listing can hide that one version and go on;
 * a read that names the version itself turns it into an error ({@link damagedManifestError}).
 */

export const versionKey = (model: string, version: string): string => `${model}/versions/${version}`;
export const manifestKey = (model: string, version: string): string => `${versionKey(model, version)}/manifest.json`;

export type ManifestRead =
  { state: "present"; manifest: Manifest } | { state: "absent" } | { state: "damaged"; damage: Damage };

export async function readManifest(store: ObjectStore, model: string, version: string): Promise<ManifestRead> {
  checkModelName(model);
  checkVersionName(version);
  const key = manifestKey(model, version);
  const damaged = (problem: string): ManifestRead => ({
    state: "damaged",
    damage: { model, key, kind: "manifest", subject: version, problem, effect: `version ${version} is hidden` },
  });
  // An unreadable store (unreachable, no permission) throws here: that is an outage, not damage.
  const body = await getUnlessTooLarge(store, key);
  if (body === "too large") return damaged(TOO_LARGE);
  if (body === undefined) return { state: "absent" };
  const parsed = parseStoredJson(body, ManifestSchema, "mlops-kit manifest");
  if ("problem" in parsed) return damaged(parsed.problem);
  // A manifest copied into another folder must not pass as that version (or model).
  if (parsed.value.model !== model || parsed.value.version !== version) {
    return damaged(`describes ${parsed.value.model} ${parsed.value.version}, not ${model} ${version}`);
  }
  return { state: "present", manifest: parsed.value };
}

/**
 * An object's bytes parsed as JSON of `schema`: the value, or what is wrong with it in words (`what` names the kind of
 * object), the same words for every kind of object the registry reads back.
 */
export function parseStoredJson<T>(
  body: Buffer,
  schema: z.ZodMiniType<T>,
  what: string,
): { value: T } | { problem: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(body.toString("utf8"));
  } catch {
    return { problem: body.length === 0 ? "is empty" : "is not valid JSON (truncated, or changed outside mlops-kit)" };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { value: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  return { problem: `is not a valid ${what} (${field}${issue?.message ?? "invalid"})` };
}

/** What a registry object too large to be the kit's is called: damage, like any object the kit did not write. */
export const TOO_LARGE = "is far larger than any object mlops-kit writes (planted or changed outside mlops-kit)";

/** An object's bytes, undefined when absent, or "too large" when it is bigger than `get` reads (MAX_GET_BYTES). */
export async function getUnlessTooLarge(store: ObjectStore, key: string): Promise<Buffer | undefined | "too large"> {
  try {
    return await store.get(key);
  } catch (error) {
    if (error instanceof ObjectTooLargeError) return "too large";
    throw error;
  }
}

/** The error for a read that named a version whose manifest is damaged: it must not pass for "no such version". */
export function damagedManifestError(damage: Damage, location: string): ExternalError {
  return new ExternalError(`the manifest ${damage.key} in ${location} ${damage.problem}`, {
    hint:
      "it was changed outside mlops-kit. Listings hide this version; `mlops models fsck --repair` moves the manifest " +
      "aside (its files are kept), or restore it from the bucket's versioning",
  });
}

/**
 * Every object a version stores, files first, then attachments (with their names): its key under the version's
 * folder (`files/<path>`, `attachments/<path>`) and its manifest entry. fsck reads each back; promote looks at each.
 */
export function versionObjects(
  manifest: Manifest,
): { relative: string; entry: ManifestFile; attachment: string | null }[] {
  return [
    ...manifest.files.map((entry) => ({ relative: `files/${entry.path}`, entry, attachment: null })),
    ...Object.entries(manifest.attachments).map(([name, entry]) => ({
      relative: `attachments/${entry.path}`,
      entry,
      attachment: name,
    })),
  ];
}
