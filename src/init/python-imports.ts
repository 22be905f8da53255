import path from "node:path";
import { scriptCode } from "./notebook.ts";
import type { ProjectFiles } from "./project-files.ts";

/**
 * The project's own Python modules a training script imports (`import features`, `from model import build`,
 * `from .utils import x`), followed through the modules they import in turn. The run cache key hashes the files the
 * command names (train.py) and train.inputs: a module train.py imports is neither unless init lists it, and a change to
 * it would then reuse a model trained with the old code. Installed packages (sklearn, numpy) have no file in the
 * project and are not listed.
 */

/** Enough for any training script's own modules; a project past it gets `src/**`-style inputs by hand. */
const MAX_MODULES = 200;

/**
 * `script` (a .py file or a notebook) relative to the project; returns the local modules (`features.py`, `pkg/**`),
 * sorted, without the script.
 */
export async function localImports(files: ProjectFiles, script: string): Promise<string[]> {
  const found = new Set<string>();
  const queue = [normalise(script)];
  const seen = new Set(queue);
  while (queue.length > 0 && seen.size <= MAX_MODULES) {
    const current = queue.shift() ?? "";
    const raw = await files.text(current);
    // A notebook's imports are in its code cells.
    const text = raw === undefined ? null : scriptCode(current, raw);
    if (text === null) continue;
    const folder = path.posix.dirname(current);
    for (const name of importedNames(text)) {
      const module = resolveModule(files, folder, name);
      if (module === null) continue;
      found.add(module.input);
      if (module.file !== null && !seen.has(module.file)) {
        seen.add(module.file);
        queue.push(module.file);
      }
    }
  }
  found.delete(normalise(script));
  // A module inside a package already listed whole (`pkg/**`) needs no line of its own.
  const packages = [...found].filter((input) => input.endsWith("/**")).map((input) => input.slice(0, -2));
  return [...found].filter((input) => !packages.some((pkg) => input !== `${pkg}**` && input.startsWith(pkg))).sort();
}

/** The script a `python [flags] <script.py> ...` command runs, or null (a module run with -m, another command). */
export function pythonScriptOf(command: string): string | null {
  const match = /^python3?(?:\s+-[A-Za-z]+)*\s+([\w./-]+\.py)(?:\s|$)/.exec(command.trim());
  return match?.[1] ?? null;
}

/**
 * The first segment of each imported module name, relative imports with their dots (`.utils`, `..common`). Only
 * statements at the start of a line (inside functions too): a word "import" in a string or comment is not one.
 */
function importedNames(text: string): string[] {
  const names: string[] = [];
  for (const line of text.split("\n")) {
    const from = /^\s*from\s+(\.*)([\w.]*)\s+import\s/.exec(line);
    if (from) {
      names.push(`${from[1] ?? ""}${(from[2] ?? "").split(".")[0] ?? ""}`);
      continue;
    }
    const plain = /^\s*import\s+([\w.,\s]+?)\s*(?:#.*)?$/.exec(line);
    if (!plain) continue;
    for (const part of (plain[1] ?? "").split(",")) {
      const name = part
        .trim()
        .split(/\s+as\s+/)[0]
        ?.split(".")[0];
      if (name) names.push(name);
    }
  }
  return names;
}

/** A module beside the importing file (or above it for `..x`): a `.py` file, or a package folder (all of it). */
function resolveModule(
  files: ProjectFiles,
  folder: string,
  name: string,
): { input: string; file: string | null } | null {
  const dots = /^\.*/.exec(name)?.[0].length ?? 0;
  const base = dots <= 1 ? folder : path.posix.join(folder, ...Array<string>(dots - 1).fill(".."));
  const module = name.slice(dots);
  if (base.startsWith("..")) return null;
  if (module === "") return null; // `from . import x`: the package the script is in
  const file = normalise(path.posix.join(base, `${module}.py`));
  if (files.exists(file) && !files.isFolder(file)) return { input: file, file };
  const pkg = normalise(path.posix.join(base, module));
  if (files.exists(path.posix.join(pkg, "__init__.py"))) return { input: `${pkg}/**`, file: `${pkg}/__init__.py` };
  return null;
}

const normalise = (file: string): string => path.posix.normalize(file).replace(/^\.\//, "");
