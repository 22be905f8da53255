import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/runner.ts";

/**
 * What the validate and gate actions and `mlops check` load before they have read mlops.yml (issue 22, start-up): the
 * bundles in dist/ as the runner starts them, followed through their static imports, plus the chunk each loads first
 * (the stage's definition, the command), and so for the commands of the stages outside the pipeline (monitor, deploy,
 * predict). None of it may hold the AWS SDK, Octokit or undici: they load when a step reaches a registry, a store or
 * GitHub. How long the start takes is bench/startup.bench.ts's to measure.
 */

const DIST = path.join(REPO_ROOT, "dist");
const HEAVY = ["node_modules/@aws-sdk/", "node_modules/@smithy/", "node_modules/@octokit/", "node_modules/undici/"];

/** The file and every file its top-level `import ... from "./..."` statements reach (not its dynamic imports). */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, "utf8");
  for (const match of text.matchAll(/^(?:import|export)\s(?:[^"]*?\sfrom\s)?"(\.{1,2}\/[^"]+)"/gm))
    staticClosure(path.resolve(path.dirname(file), match[1] ?? ""), seen);
  return seen;
}

/** The chunk a file loads with `import("./<name>-HASH.js")`, found in the files given. */
function dynamicChunk(files: Iterable<string>, name: string): string {
  for (const file of files) {
    const match = new RegExp(`import\\("(\\.{1,2}/(?:chunks/)?${name}-[A-Z0-9]+\\.js)"\\)`).exec(
      readFileSync(file, "utf8"),
    );
    if (match?.[1]) return path.resolve(path.dirname(file), match[1]);
  }
  throw new Error(`no import() of a ${name} chunk; run \`npm run build\``);
}

/** The packages of HEAVY that the files hold, by the path comments esbuild leaves before each module. */
function heavyIn(files: Iterable<string>): string[] {
  const found = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    for (const marker of HEAVY) if (text.includes(marker)) found.add(`${path.relative(DIST, file)}: ${marker}`);
  }
  return [...found];
}

describe("start-up (issue 22)", () => {
  it.each(["validate", "gate"])("dist/%s.js loads no AWS SDK, Octokit or undici before it reads the config", (name) => {
    const entry = staticClosure(path.join(DIST, `${name}.js`));
    const files = new Set([...entry, ...staticClosure(dynamicChunk(entry, name))]);
    expect(heavyIn(files)).toEqual([]);
  });

  it("`mlops check` loads no AWS SDK, Octokit or undici", () => {
    const cli = staticClosure(path.join(DIST, "cli.js"));
    const files = new Set([...cli, ...staticClosure(dynamicChunk(cli, "check"))]);
    expect(heavyIn(files)).toEqual([]);
  });

  it.each(["monitor", "deploy", "predict"])(
    "`mlops %s` loads no AWS SDK, Octokit or undici before it reaches a registry, a store or GitHub",
    (name) => {
      const cli = staticClosure(path.join(DIST, "cli.js"));
      const files = new Set([...cli, ...staticClosure(dynamicChunk(cli, name))]);
      expect(heavyIn(files)).toEqual([]);
    },
  );

  it("finds those packages in the chunks that use them, so the checks above can fail", () => {
    const chunks = readdirSync(path.join(DIST, "chunks")).map((file) => path.join(DIST, "chunks", file));
    const found = new Set(heavyIn(chunks).map((line) => line.slice(line.indexOf(": ") + 2)));
    expect([...found].sort()).toEqual([...HEAVY].sort());
  });
});
