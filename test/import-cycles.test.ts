import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The modules of src/ import one way (issue 14): no file reaches itself through its imports, type imports included, so
 * each module can be read, tested and split without the ones that use it. test/architecture.test.ts does the same for
 * the folders.
 */

const SRC = path.resolve(import.meta.dirname, "../src");

/** Every .ts file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The files of `files` each one imports (relative specifiers; type-only imports and re-exports count). */
function importGraph(files: string[]): Map<string, string[]> {
  const known = new Set(files);
  return new Map(
    files.map((file) => {
      const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
      const targets = importedFiles
        .map((imported) => imported.fileName)
        .filter((name) => name.startsWith("."))
        .map((name) => path.resolve(path.dirname(file), name))
        .filter((target) => known.has(target));
      return [file, targets];
    }),
  );
}

/** The import cycles of `graph`: its strongly connected sets of more than one file, or a file importing itself. */
function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (stack.includes(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const members: string[] = [];
    for (let member = stack.pop()!; ; member = stack.pop()!) {
      members.push(member);
      if (member === file) break;
    }
    if (members.length > 1 || graph.get(file)?.includes(file)) found.push(members);
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

describe("src/ imports", () => {
  it("form no cycle between files", () => {
    const graph = importGraph(sources(SRC));
    expect(graph.size).toBeGreaterThan(200);
    expect(cycles(graph).map((members) => members.map((file) => path.relative(SRC, file)).sort())).toEqual([]);
  });

  it("are all seen, type imports and re-exports included (a cycle made of them is found)", () => {
    const a = "/virtual/a.ts";
    const b = "/virtual/b.ts";
    const c = "/virtual/c.ts";
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, [c]],
          [c, [a]],
        ]),
      ),
    ).toHaveLength(1);
    const { importedFiles } = ts.preProcessFile(
      'import type { X } from "./x.ts";\nexport { Y } from "./y.ts";\nexport type { Z } from "./z.ts";\n',
      true,
      true,
    );
    expect(importedFiles.map((f) => f.fileName)).toEqual(["./x.ts", "./y.ts", "./z.ts"]);
  });
});
