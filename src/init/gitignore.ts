import path from "node:path";

/**
 * What `mlops init` keeps out of git, in the .gitignore beside mlops.yml: the kit's workspace (`.mlops/`: run
 * records, cache stamps, the default local registry), a registry folder registry.uri names, what training writes
 * (train.outputs: a model committed by a `git add -A` after a local run would make every later run look built from
 * uncommitted changes), and Python's bytecode. Only that
 * .gitignore is read: a pattern elsewhere (a parent's .gitignore, a global excludes file) is not seen, and the line is
 * added anyway, which is harmless.
 */

export interface IgnoreGroup {
  comment: string;
  /** Paths relative to the .gitignore's folder, `/`-separated; a trailing `/` marks a folder. */
  paths: string[];
}

export const WORKSPACE_PATTERN = ".mlops/";

/** A path below the .gitignore's folder, normalised; null for the folder itself, one above it, or a glob. */
function insideFolder(relative: string): string | null {
  const normal = path.posix.normalize(relative.replace(/\\/g, "/"));
  return normal === "." || normal === "./" || normal.startsWith("../") || /[*?[]/.test(normal) ? null : normal;
}

/**
 * The folder of a registry.uri that is a folder below mlops.yml, marked as a folder (`registry/`); null for a bucket,
 * a github:// repository, a folder outside (a .gitignore cannot reach above its own folder) or one inside the
 * workspace, which its own line already ignores.
 */
export function registryFolder(uri: string | undefined): string | null {
  if (uri === undefined || /^[a-z][a-z0-9+.-]*:\/\//i.test(uri)) return null;
  const folder = insideFolder(uri)?.replace(/\/+$/, "");
  if (folder === undefined || folder === "" || `${folder}/`.startsWith(WORKSPACE_PATTERN)) return null;
  return `${folder}/`;
}

/**
 * The groups init asks for: the workspace, a registry folder below mlops.yml (its versions are the registry's to
 * keep, not git's: committed, every model would sit in the repository's history for good), the training outputs
 * inside the folder, Python's bytecode.
 */
export function ignoreGroups(outputs: readonly string[], python: boolean, registryUri?: string): IgnoreGroup[] {
  const inside = outputs.flatMap((output) => insideFolder(output) ?? []);
  const registry = registryFolder(registryUri);
  return [
    { comment: "# mlops-kit's workspace (run records, cache stamps)", paths: [WORKSPACE_PATTERN] },
    ...(registry ? [{ comment: "# the model registry (registry.uri), a folder", paths: [registry] }] : []),
    { comment: "# what training writes (train.outputs): the registry keeps it", paths: inside },
    ...(python ? [{ comment: "# Python's bytecode", paths: ["__pycache__/"] }] : []),
  ];
}

/** "a", "a; and b", "a; b; and c". */
const listed = (parts: string[]): string =>
  parts.length < 2 ? parts.join("") : `${parts.slice(0, -1).join("; ")}; and ${parts.at(-1) ?? ""}`;

/** What init's summary says the .gitignore lines it `added` are for: the workspace and the registry by name. */
export function ignoredPurpose(added: readonly string[], registryUri: string | undefined): string {
  const registry = registryFolder(registryUri);
  const named = [
    ...(added.includes(WORKSPACE_PATTERN) ? [`${WORKSPACE_PATTERN}, the kit's workspace`] : []),
    ...(registry !== null && added.includes(registry) ? [`${registry}, the registry`] : []),
  ];
  const others = added.filter((entry) => entry !== WORKSPACE_PATTERN && entry !== registry);
  return `ignores ${listed([...named, ...(others.length > 0 ? [others.join(", ")] : [])])}`;
}

/** The name a line or a path stands for, without the anchoring `/`, a folder's `/` or a `/*`, `/**` after it. */
const nameOf = (line: string): string => line.replace(/^\//, "").replace(/\/(\*\*?)?$/, "");

/**
 * What the lines say of `entry` (as itself, anchored or not, as a folder or its contents): ignored, un-ignored by a
 * later `!` line (the user wants it in git: init leaves it so), or nothing.
 */
export function ruleFor(gitignore: string, entry: string): "ignored" | "kept" | null {
  const name = nameOf(entry);
  let rule: "ignored" | "kept" | null = null;
  for (const raw of gitignore.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    if (line.startsWith("!")) {
      if (nameOf(line.slice(1)) === name) rule = "kept";
    } else if (nameOf(line) === name) rule = "ignored";
  }
  return rule;
}

/**
 * The .gitignore with each group's paths it says nothing of appended (anchored to its folder: `/model/`, so a
 * `model/` folder deeper down is not caught), and the paths added; null when nothing is missing (`existing` null: no
 * file yet). Lines already there are never changed.
 */
export function gitignoreWith(
  existing: string | null,
  groups: readonly IgnoreGroup[],
): { content: string; added: string[] } | null {
  const added: string[] = [];
  let text = existing === null || existing === "" ? "" : existing.endsWith("\n") ? existing : `${existing}\n`;
  for (const group of groups) {
    const missing = group.paths.filter((entry) => ruleFor(text, entry) === null && !added.includes(entry));
    if (missing.length === 0) continue;
    // The workspace keeps its unanchored line: `.mlops/` anywhere below is the kit's too (a monorepo's models).
    const lines = missing.map((entry) =>
      entry === WORKSPACE_PATTERN || entry === "__pycache__/" ? entry : `/${entry}`,
    );
    text += `${group.comment}\n${lines.join("\n")}\n`;
    added.push(...missing);
  }
  return added.length === 0 ? null : { content: text, added };
}
