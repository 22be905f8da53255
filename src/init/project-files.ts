import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { READ_LIMITS, readTextIfExists } from "../files/read-limited.ts";

/**
 * The few files `mlops init` reads to understand a project, each read at most once. A file that cannot be read counts
 * as absent, and so does one over READ_LIMITS.projectFile (a notebook can carry megabytes of outputs); one that is
 * there but malformed is `{ error }`, so detection can say why it ignored it instead of failing init.
 */
export type Parsed = { value: unknown } | { error: string } | undefined;

export class ProjectFiles {
  private readonly cache = new Map<string, Promise<string | undefined>>();
  constructor(readonly folder: string) {}

  exists(name: string): boolean {
    return existsSync(path.join(this.folder, name));
  }

  isFolder(name: string): boolean {
    try {
      return statSync(path.join(this.folder, name)).isDirectory();
    } catch {
      return false;
    }
  }

  text(name: string): Promise<string | undefined> {
    let pending = this.cache.get(name);
    if (!pending) {
      pending = readProjectFile(path.join(this.folder, name));
      this.cache.set(name, pending);
    }
    return pending;
  }

  async json(name: string): Promise<unknown> {
    const text = await this.text(name);
    try {
      return text === undefined ? undefined : (JSON.parse(text) as unknown);
    } catch {
      return undefined;
    }
  }

  /** A YAML file: its value, or why it could not be parsed (the parser's first line, with its line number). */
  async yaml(name: string): Promise<Parsed> {
    const text = await this.text(name);
    if (text === undefined) return undefined;
    try {
      return { value: parseYaml(text) as unknown };
    } catch (error) {
      return { error: (error as Error).message.split("\n")[0] ?? "not valid YAML" };
    }
  }
}

/** A project file's text; undefined when it is absent, unreadable or over READ_LIMITS.projectFile. */
export function readProjectFile(file: string): Promise<string | undefined> {
  return readTextIfExists(file, { shown: file, what: "file", limit: READ_LIMITS.projectFile }).catch(() => undefined);
}

/** The value of a parsed file, or undefined when it is absent or malformed. */
export const valueOf = (parsed: Parsed): unknown =>
  parsed !== undefined && "value" in parsed ? parsed.value : undefined;
