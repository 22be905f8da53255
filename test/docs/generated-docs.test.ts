import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generatedReadme, SCHEMA_FILE, schemaFileText } from "../../scripts/docs.ts";
import { REPO_ROOT } from "../helpers/runner.ts";

/** Generated files are committed; these fail when they no longer match their source (run `npm run docs`). */
describe("generated documentation is fresh", () => {
  it("schema/mlops.schema.json matches the zod schema", async () => {
    expect(await readFile(path.join(REPO_ROOT, SCHEMA_FILE), "utf8")).toBe(schemaFileText());
  });

  it("README.md's config reference and action tables match the schema and the action.yml files", async () => {
    expect(await readFile(path.join(REPO_ROOT, "README.md"), "utf8")).toBe(await generatedReadme(REPO_ROOT));
  });

  it("the example config points editors at the schema", async () => {
    const example = await readFile(path.join(REPO_ROOT, "examples/penguins/mlops.yml"), "utf8");
    expect(example.split("\n")[0]).toBe("# yaml-language-server: $schema=../../schema/mlops.schema.json");
  });

  it("the README's quick start is exactly the two commands", async () => {
    const readme = await readFile(path.join(REPO_ROOT, "README.md"), "utf8");
    const quickStart = readme.slice(readme.indexOf("## Quick start"), readme.indexOf("## How it fits together"));
    const commands = [...quickStart.matchAll(/```sh\n([^`]+)```/g)].map((m) => m[1]?.trim());
    expect(commands).toEqual(["npm ci && npm run demo", "npm test"]);
  });
});
