import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "./helpers/temp.ts";

/**
 * The shape of the code, held as tests (issue 14): imports between the folders of src/ point one way (no cycle, of
 * any length, through value or type imports), nothing below the doors imports a door, and no module grows past the
 * size a reader holds in their head unless its header says why. The lint config's import zones keep the main layers
 * apart while editing; these tests catch what a zone list would miss.
 */

const SRC = path.join(REPO, "src");
const MAX_LINES = 450;

function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith(".ts") ? [file] : [];
  });
}

/** The top folder of a source file under src/ ("(root)" for src/errors.ts and its siblings). */
function folderOf(file: string): string {
  const parts = path.relative(SRC, file).split(path.sep);
  return parts.length > 1 ? (parts[0] ?? "(root)") : "(root)";
}

/** Every relative import of every source file, as folder to folder edges with the files that make them. */
function folderEdges(): Map<string, Map<string, string[]>> {
  const edges = new Map<string, Map<string, string[]>>();
  for (const file of sourceFiles()) {
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)) {
      const target = path.resolve(path.dirname(file), match[1] ?? "");
      const [from, to] = [folderOf(file), folderOf(target)];
      if (from === to) continue;
      const out = edges.get(from) ?? new Map<string, string[]>();
      out.set(to, [...(out.get(to) ?? []), `${path.relative(SRC, file)} -> ${path.relative(SRC, target)}`]);
      edges.set(from, out);
    }
  }
  return edges;
}

/** Strongly connected components of more than one folder (Tarjan): each is a cycle between folders. */
function cycles(edges: Map<string, Map<string, string[]>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (;;) {
      const member = stack.pop() ?? node;
      onStack.delete(member);
      component.push(member);
      if (member === node) break;
    }
    if (component.length > 1) found.push(component.sort());
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe("the layers of src/", () => {
  it("have no import cycle between folders", () => {
    const edges = folderEdges();
    const described = cycles(edges).map((component) =>
      component.flatMap((from) => component.flatMap((to) => (edges.get(from)?.get(to) ?? []).slice(0, 2))),
    );
    expect(described).toEqual([]);
  });

  it("keep the doors on top: nothing outside src/cli and src/actions imports them", () => {
    const edges = folderEdges();
    const upward = [...edges].flatMap(([from, out]) =>
      from === "cli" || from === "actions"
        ? []
        : [...out].filter(([to]) => to === "cli" || to === "actions").flatMap(([, files]) => files),
    );
    expect(upward).toEqual([]);
  });

  it("are drawn as they are in docs/development.md: every folder once, each importing only rows below its own", () => {
    const readme = readFileSync(path.join(REPO, "docs/development.md"), "utf8");
    const drawing = /<!-- layers:[^>]*-->\s*```text\n([\s\S]*?)```\s*<!-- \/layers -->/.exec(readme)?.[1] ?? "";
    const rowOf = new Map<string, number>();
    drawing
      .trimEnd()
      .split("\n")
      .forEach((line, row) => {
        for (const folder of /^(\S+\/(?: · \S+\/)*)/.exec(line)?.[1]?.split(" · ") ?? []) {
          rowOf.set(folder.slice(0, -1), row);
        }
      });
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect([...rowOf.keys()].sort()).toEqual(folders.sort());
    const upward = [...folderEdges()].flatMap(([from, out]) =>
      [...out]
        .filter(([to]) => rowOf.has(from) && rowOf.has(to) && (rowOf.get(to) ?? 0) <= (rowOf.get(from) ?? 0))
        .flatMap(([, files]) => files.slice(0, 1)),
    );
    expect(upward).toEqual([]);
  });

  it("read the process environment only at the doors: below them, the runner's values come parsed (StageContext.runner)", () => {
    const readers = sourceFiles()
      .filter((file) => !["cli", "actions"].includes(folderOf(file)))
      .flatMap((file) =>
        readFileSync(file, "utf8")
          .split("\n")
          .map((line, index) => ({ line, at: `${path.relative(SRC, file)}:${index + 1}` }))
          .filter(({ line }) => !/^\s*(\*|\/\/|\/\*)/.test(line) && /process\.env\b|process\.argv\b/.test(line))
          .map(({ at }) => at),
      );
    expect(readers).toEqual([]);
  });

  it(`hold no module over ${MAX_LINES} lines unless its header says why`, () => {
    const long = sourceFiles()
      .map((file) => ({ file: path.relative(SRC, file), text: readFileSync(file, "utf8") }))
      .filter(({ text }) => text.split("\n").length > MAX_LINES)
      .filter(({ text }) => !/Longer than 450 lines because/.test(text.slice(0, 3000)))
      .map(({ file, text }) => `${file}: ${text.split("\n").length} lines`);
    expect(long).toEqual([]);
  });
});
