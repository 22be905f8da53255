/**
 * The comments `mlops init` writes beside values whose meaning depends on the value: `uri: .mlops/registry  # a folder`.
 * `mlops config set` keeps a person's comment beside a value it changes, but one of these would then describe the old
 * value (following init's own advice, `config set registry.uri s3://...`, left "# a folder" beside a bucket): it
 * becomes init's comment for the new value instead, or goes where init would write none.
 */

/** A field's path in mlops.yml, as `mlops config set` takes it (`["registry", "uri"]`). */
type ConfigPath = readonly (string | number)[];

/** init's comment beside registry.uri, for the kind of registry the uri names. */
export function registryUriComment(uri: string): string {
  if (uri.startsWith("s3://")) return "bucket and prefix; credentials come from the AWS chain (OIDC in CI)";
  if (uri.startsWith("github://")) return "versions are releases of this repository; the job's own token reaches it";
  return "a folder";
}

/** init's comment beside `gate.baseline: champion`. */
export const CHAMPION_BASELINE_COMMENT = "the registry's current champion";

/** The comment init writes beside `value` at `path`, for the fields where it depends on the value; else null. */
export function initValueComment(path: ConfigPath, value: unknown): string | null {
  const at = path.join(".");
  if (at === "registry.uri") return typeof value === "string" ? registryUriComment(value) : null;
  if (at === "gate.baseline") return value === "champion" ? CHAMPION_BASELINE_COMMENT : null;
  return null;
}

/**
 * The comment to keep beside a changed value: when `comment` is init's comment for the old value, init's comment for
 * the new one, or null (none) where init would write none; else `comment` itself (a person's own words stay).
 */
export function commentForNewValue(
  path: ConfigPath,
  comment: string,
  oldValue: unknown,
  newValue: unknown,
): string | null {
  const initOld = initValueComment(path, oldValue);
  if (initOld === null || comment.trim() !== initOld) return comment;
  return initValueComment(path, newValue);
}
