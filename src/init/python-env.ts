import type { ProjectFiles } from "./project-files.ts";
import { tomlOutline } from "./toml-outline.ts";

/**
 * Which tool installs a Python project's dependencies, from the files the project keeps: the workflows install with
 * that tool and cache what it downloads (src/init/workflows/python-setup.ts). A lockfile is the strongest sign of the
 * tool a project uses; then the tool's own table in pyproject.toml; then plain pip.
 */
export type PythonInstaller = "pip" | "uv" | "poetry" | "pipenv" | "conda";

export interface PythonEnvironment {
  installer: PythonInstaller;
  /** What lists the dependencies: requirements.txt, pyproject.toml, Pipfile, environment.yml or conda.yaml. */
  file: string;
  /** uv.lock, poetry.lock or Pipfile.lock when the project has one: the install then follows it exactly. */
  lockfile: string | null;
}

export interface EnvironmentFinding {
  environment: PythonEnvironment | null;
  /** Why that tool, e.g. "uv.lock" or "[tool.poetry] in pyproject.toml". */
  from: string | null;
  /** Files that were there but could not be read as what they claim to be: ignored, and said so. */
  notes: string[];
}

export const CONDA_FILES = ["environment.yml", "environment.yaml", "conda.yaml", "conda.yml"];
/** The files looked for, in the words of init's summary when none is found. */
export const ENVIRONMENT_FILES = ["requirements.txt", "pyproject.toml", "Pipfile", ...CONDA_FILES.slice(0, 3)];

export async function detectPythonEnvironment(files: ProjectFiles): Promise<EnvironmentFinding> {
  const notes: string[] = [];
  const found = (environment: PythonEnvironment, from: string): EnvironmentFinding => ({ environment, from, notes });

  // A conda environment brings its own Python and usually lists pip packages too: it is the whole environment.
  for (const name of CONDA_FILES) {
    const parsed = await files.yaml(name);
    if (parsed === undefined) continue;
    if ("error" in parsed) {
      notes.push(`${name} is not valid YAML (${parsed.error}): ignored`);
      continue;
    }
    const value = parsed.value as { dependencies?: unknown } | null;
    if (value === null || typeof value !== "object" || !Array.isArray(value.dependencies)) {
      notes.push(`${name} has no \`dependencies:\` list, so it is not a conda environment file: ignored`);
      continue;
    }
    return found({ installer: "conda", file: name, lockfile: null }, name);
  }

  const pyproject = await tomlTables(files, "pyproject.toml", notes);
  const pipfile = await tomlTables(files, "Pipfile", notes);
  const has = (tables: string[] | null, name: string): boolean =>
    tables?.some((table) => table === name || table.startsWith(`${name}.`)) ?? false;
  if (pyproject && files.exists("uv.lock"))
    return found({ installer: "uv", file: "pyproject.toml", lockfile: "uv.lock" }, "uv.lock");
  if (pyproject && files.exists("poetry.lock"))
    return found({ installer: "poetry", file: "pyproject.toml", lockfile: "poetry.lock" }, "poetry.lock");
  if (pipfile) {
    const lockfile = files.exists("Pipfile.lock") ? "Pipfile.lock" : null;
    return found({ installer: "pipenv", file: "Pipfile", lockfile }, lockfile ?? "Pipfile");
  }
  if (has(pyproject, "tool.uv"))
    return found({ installer: "uv", file: "pyproject.toml", lockfile: null }, "[tool.uv] in pyproject.toml");
  if (has(pyproject, "tool.poetry"))
    return found({ installer: "poetry", file: "pyproject.toml", lockfile: null }, "[tool.poetry] in pyproject.toml");
  if (files.exists("requirements.txt"))
    return found({ installer: "pip", file: "requirements.txt", lockfile: null }, "requirements.txt");
  // A pyproject.toml that only configures tools (black, ruff) describes no installable project.
  if (has(pyproject, "project") || has(pyproject, "build-system"))
    return found({ installer: "pip", file: "pyproject.toml", lockfile: null }, "[project] in pyproject.toml");
  return { environment: null, from: null, notes };
}

/** The tables of a TOML file; null when it is absent or malformed (then with a note). */
async function tomlTables(files: ProjectFiles, name: string, notes: string[]): Promise<string[] | null> {
  const text = await files.text(name);
  if (text === undefined) return null;
  const outline = tomlOutline(text);
  if (outline.error === null) return outline.tables;
  notes.push(`${name} is not valid TOML (${outline.error}): ignored`);
  return null;
}
