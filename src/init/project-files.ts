import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";

/**
 * The few files `mlops init` reads to understand a project, each read at most once. A file that cannot be read counts
 * as absent; one that is there but malformed is `{ error }`, so detection can say why it ignored it instead of
 * failing init.
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
      pending = readFile(path.join(this.folder, name), "utf8").catch(() => undefined);
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

/** The value of a parsed file, or undefined when it is absent or malformed. */
export const valueOf = (parsed: Parsed): unknown =>
  parsed !== undefined && "value" in parsed ? parsed.value : undefined;
