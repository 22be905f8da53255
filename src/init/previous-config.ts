import { existsSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { parse as parseYaml } from "yaml";
import { readProjectFile } from "./project-files.ts";

/**
 * The mlops.yml that `mlops init --force` replaces. `--force` means "write a new one", not "lose the old one": a user's
 * file holds choices init cannot find again (a registry folder or bucket holding the champion, a predictions mapping,
 * slices, gate rules, schema rules). So init reads it first: its registry.uri is kept unless --registry says
 * otherwise, a file that differs from the new one is copied beside it under a free name, and the summary names that
 * copy and the settings the new file does not have as they were.
 */

export interface PreviousConfig {
  /** Absolute path of the file init is about to replace. */
  file: string;
  text: string;
  /** Its parsed YAML; undefined when it is not YAML init can read (it is still backed up). */
  value: unknown;
  /** registry.uri as the file had it: the registry holding the champion, which detection cannot know. */
  registryUri: string | null;
  /** workspace as the file had it (its default registry lives there). */
  workspace: string | null;
}

/** What the summary says about a replaced mlops.yml. */
export interface Replaced {
  /** The replaced file and its copy, absolute. */
  file: string;
  backup: string;
  /** Dotted paths (at most two deep: `gate.rules`) the old file set and the new one does not have as they were. */
  changed: string[];
}

/** The file at `file`, when there is one init could read; null otherwise (nothing to keep). */
export async function readPreviousConfig(file: string): Promise<PreviousConfig | null> {
  const text = await readProjectFile(file);
  if (text === undefined) return null;
  let value: unknown;
  try {
    value = parseYaml(text) as unknown;
  } catch {
    value = undefined; // malformed: nothing to read from it, but still the user's work to keep
  }
  const stringAt = (...keys: string[]): string | null => {
    const found = keys.reduce<unknown>((node, key) => (isMapping(node) ? node[key] : undefined), value);
    return typeof found === "string" && found.trim() !== "" ? found : null;
  };
  return { file, text, value, registryUri: stringAt("registry", "uri"), workspace: stringAt("workspace") };
}

/**
 * A name beside `file` that no file has: `mlops.yml.bak`, else `mlops.yml.bak.2`, `.bak.3`... An earlier backup
 * is the user's too, so it is never overwritten.
 */
export function freeBackupName(file: string): string {
  const base = `${file}.bak`;
  if (!existsSync(base)) return base;
  for (let n = 2; ; n++) if (!existsSync(`${base}.${n}`)) return `${base}.${n}`;
}

/**
 * The settings `previous` has that `next` does not have as they were: each section, and each field of a section,
 * that differs (a field is compared whole: a changed rule names `gate.rules`). Fields only `next` has are init's
 * own additions, not the user's work, and are left out.
 */
export function changedFields(previous: unknown, next: unknown, depth = 2, at: string[] = []): string[] {
  if (!isMapping(previous)) return [];
  const changed: string[] = [];
  for (const [key, value] of Object.entries(previous)) {
    const other = isMapping(next) ? next[key] : undefined;
    if (value === undefined || value === null || isDeepStrictEqual(value, other)) continue;
    if (depth > 1 && isMapping(value) && isMapping(other))
      changed.push(...changedFields(value, other, depth - 1, [...at, key]));
    else changed.push([...at, key].join("."));
  }
  return changed;
}

/**
 * What replacing `previous` with `content` (init's checked text) loses, and where the old file is kept; null when
 * nothing is replaced.
 */
export function replacementOf(previous: PreviousConfig | null, content: string): Replaced | null {
  if (previous === null || previous.text === content) return null;
  return {
    file: previous.file,
    backup: freeBackupName(previous.file),
    changed: changedFields(previous.value, parseYaml(content)),
  };
}

/** The summary's lines for a replaced file: where the old one is, and what to carry over from it. */
export function describeReplaced(replaced: Replaced | null, shown: (file: string) => string): string[] {
  if (replaced === null) return [];
  const old = shown(replaced.backup);
  const lines = [
    `Replaced ${shown(replaced.file)} (--force); the old one is kept as ${old}: carry over what you need`,
    `  (\`diff ${old} ${shown(replaced.file)}\`), then delete it.`,
  ];
  if (replaced.changed.length > 0)
    lines.push(`  Set in the old one, and not so in the new: ${replaced.changed.join(", ")}.`);
  return lines;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
