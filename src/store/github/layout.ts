/**
 * Where each object key of the registry lives in a GitHub repository (docs/registry.md "On GitHub"). The registry's key layout
 * (src/registry/registry.ts) is mapped here and only here:
 *
 *   <model>/versions/<id>/<inner>   an asset of the release tagged `mlops/<model>/<id>`; the asset's name is <inner>
 *                                   with every character GitHub would rename escaped (see {@link assetName})
 *   anything else                   a file at the same path in the tree of the registry ref (`refs/mlops/registry`)
 *
 * So a version is a release (its files, attachments and, last, its manifest as assets), and everything small and
 * mutable (aliases and their history, sequence claims, fsck records, quarantine) is a commit on the ref.
 */

/** The ref that holds everything but versions: outside refs/heads and refs/tags, so it is never a branch or a tag. */
export const REGISTRY_REF = "refs/mlops/registry";

/** The tag namespace of the kit's releases; it never touches a tag outside it. */
export const TAG_PREFIX = "mlops/";

export const tagOf = (model: string, version: string): string => `${TAG_PREFIX}${model}/${version}`;

/**
 * What the notes of every release the kit makes carry (an HTML comment, so the release page does not show it). A
 * release in the kit's tag namespace without it was made by someone else: never read as a version, never changed.
 */
export const RELEASE_MARKER = "<!-- mlops-kit registry version: do not remove -->";

export const isKitRelease = (body: string | null | undefined): boolean => (body ?? "").includes(RELEASE_MARKER);

/** The model and version a tag of ours names; undefined for any other tag. */
export function parseTag(tag: string): { model: string; version: string } | undefined {
  const match = /^mlops\/([^/]+)\/([^/]+)$/.exec(tag);
  return match ? { model: match[1] as string, version: match[2] as string } : undefined;
}

export type Place =
  | { kind: "release"; model: string; version: string; inner: string }
  /** A prefix naming a version's folder or the versions folder itself (inner "" for the whole version). */
  | { kind: "ref"; path: string };

/** Where a key lives. `<model>/versions/<id>/<inner>` with a non-empty inner is a release asset; the rest the ref. */
export function placeOf(key: string): Place {
  const match = /^([^/]+)\/versions\/([^/]+)\/(.+)$/.exec(key);
  if (match)
    return { kind: "release", model: match[1] as string, version: match[2] as string, inner: match[3] as string };
  return { kind: "ref", path: key };
}

/**
 * What a listing prefix covers: the releases of one model or one version, the ref, or both (a model's folder, or
 * everything).
 */
export interface PrefixScope {
  /** Releases to list: of this model (and version), or of every model when model is undefined. */
  releases: { model: string | undefined; version: string | undefined } | undefined;
  /** Whether files of the ref tree fall under the prefix. */
  ref: boolean;
}

export function scopeOf(bare: string): PrefixScope {
  if (bare === "") return { releases: { model: undefined, version: undefined }, ref: true };
  const parts = bare.split("/");
  const [model, versions, version] = parts;
  if (parts.length === 1) return { releases: { model, version: undefined }, ref: true };
  if (versions !== "versions") return { releases: undefined, ref: true };
  if (parts.length === 2) return { releases: { model, version: undefined }, ref: false };
  return { releases: { model, version }, ref: false };
}

/**
 * An asset name for a key inside a version. GitHub renames asset names with characters other than letters, digits,
 * `.`, `-` and `_` (and leading or trailing dots), so every other byte, `_` itself and a trailing dot are escaped as
 * `_XX` (hex): `files/model/weights.bin` is `files_2fmodel_2fweights.bin`. Reversible, so listings give keys back.
 */
export function assetName(inner: string): string {
  let name = "";
  for (const byte of Buffer.from(inner, "utf8")) {
    const char = String.fromCharCode(byte);
    name += /[A-Za-z0-9.-]/.test(char) ? char : `_${byte.toString(16).padStart(2, "0")}`;
  }
  if (name.startsWith(".")) name = `_2e${name.slice(1)}`;
  if (name.endsWith(".")) name = `${name.slice(0, -1)}_2e`;
  return name;
}

/** The key inside a version an asset name stands for; undefined for a name not made by {@link assetName}. */
export function innerOf(name: string): string | undefined {
  if (!/^(?:[A-Za-z0-9.-]|_[0-9a-f]{2})*$/.test(name)) return undefined;
  const bytes: number[] = [];
  for (let i = 0; i < name.length; i++) {
    if (name[i] === "_") {
      bytes.push(parseInt(name.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(name.charCodeAt(i));
  }
  return Buffer.from(bytes).toString("utf8");
}

/** The manifest: the last asset a publish uploads; a release without it is not a version. */
export const MANIFEST_ASSET = assetName("manifest.json");

/** `v<yyyymmdd>T<hhmmssSSS>Z-<hex>` (registry/names.ts): when the kit started a version, from its id. */
export function versionStarted(version: string): Date | undefined {
  const m = /^v(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-[0-9a-f]{6}$/.exec(version);
  if (!m) return undefined;
  const [y = 0, mo = 1, d, h, mi, s, ms] = m.slice(1).map(Number);
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
}
