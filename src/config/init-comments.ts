/**
 * The comments `mlops init` writes beside values whose meaning depends on the value: `uri: .mlops/registry  # a folder`.
 * `mlops config set` keeps a person's comment beside a value it changes, but one of these would then describe the old
 * value (following init's own advice, `config set registry.uri s3://...`, left "# a folder" beside a bucket): it
 * becomes init's comment for the new value instead.
 */

/** A field's path in mlops.yml, as `mlops config set` takes it (`["registry", "uri"]`). */
type ConfigPath = readonly (string | number)[];

/** init's comment beside registry.uri, for the kind of registry the uri names. */
export function registryUriComment(uri: string): string {
  if (uri.startsWith("s3://")) return "bucket and prefix; credentials come from the AWS chain (OIDC in CI)";
  if (uri.startsWith("github://")) return "versions are releases of this repository; the job's own token reaches it";
  return "a folder";
}

/** The comment init writes beside `value` at `path` when it depends on the value; null for every other field. */
export function initValueComment(path: ConfigPath, value: unknown): string | null {
  const isRegistryUri = path.length === 2 && path[0] === "registry" && path[1] === "uri";
  return isRegistryUri && typeof value === "string" ? registryUriComment(value) : null;
}

/**
 * The comment to keep beside a changed value: init's comment for the new value when `comment` is init's comment for
 * the old one, else `comment` itself (a person's own words stay).
 */
export function commentForNewValue(path: ConfigPath, comment: string, oldValue: unknown, newValue: unknown): string {
  const initOld = initValueComment(path, oldValue);
  if (initOld === null || comment.trim() !== initOld) return comment;
  return initValueComment(path, newValue) ?? comment;
}
