import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { KIT_VERSION } from "../../src/version.ts";
import { REPO } from "../helpers/temp.ts";

/**
 * The package as npm publishes and installs it: the bins run, the tarball holds what a user needs and no tests, and
 * the Node.js range in `engines` is one every locked dependency accepts, so `npm ci` prints no engine warning there.
 * The bins run the committed bundle: `npm run build` first.
 */

const run = promisify(execFile);
const manifest = JSON.parse(await readFile(path.join(REPO, "package.json"), "utf8")) as {
  name: string;
  bin: Record<string, string>;
  engines: { node: string };
  dependencies?: Record<string, string>;
};

describe("the package", () => {
  it("is mlops-kit with the bins mlops and mlops-kit (npx --yes mlops-kit runs the second), each running", async () => {
    expect(manifest.name).toBe("mlops-kit");
    expect(Object.keys(manifest.bin).sort()).toEqual(["mlops", "mlops-kit"]);
    for (const [name, file] of Object.entries(manifest.bin)) {
      expect(existsSync(path.join(REPO, file)), `${name} -> ${file}`).toBe(true);
      const { stdout } = await run(process.execPath, [path.join(REPO, file), "--version"]);
      expect(stdout, name).toBe(`${KIT_VERSION}\n`);
    }
  });

  it("installs nothing else: the CLI and the actions are self-contained bundles", () => {
    expect(manifest.dependencies ?? {}).toEqual({});
  });

  it("publishes the bundles, the actions, the schema, the workflow templates and the README; no sources or tests", async () => {
    const { stdout } = await run("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: REPO });
    const files = (JSON.parse(stdout) as { files: { path: string }[] }[])[0]?.files.map((f) => f.path) ?? [];
    const actions = (await readdir(path.join(REPO, "actions"))).map((name) => `actions/${name}/action.yml`);
    const templates = (await readdir(path.join(REPO, "workflows"))).map((name) => `workflows/${name}`);
    const bins = Object.values(manifest.bin);
    for (const needed of ["package.json", "README.md", "schema/mlops.schema.json", ...bins, ...actions, ...templates])
      expect(files, needed).toContain(needed);
    expect(files.filter((file) => /^(src|test|bench|scripts|examples|\.github|\.ci)\//.test(file))).toEqual([]);
    // The docs are read on GitHub, where their links to the repository's folders resolve; the README links there.
    expect(files.filter((file) => file.startsWith("docs/"))).toEqual([]);
  });

  it("supports the Node.js versions engines names, and every locked dependency accepts them", async () => {
    // semver is npm's own range logic (a dependency of the dev tools; no types of its own).
    const semver = createRequire(import.meta.url)("semver") as { satisfies(version: string, range: string): boolean };
    const supported = ["22.13.0", "22.99.0", "24.0.0", "26.0.0"];
    const unsupported = ["20.19.0", "22.12.0", "23.11.0"];
    for (const version of supported) expect(semver.satisfies(version, manifest.engines.node), version).toBe(true);
    for (const version of unsupported) expect(semver.satisfies(version, manifest.engines.node), version).toBe(false);
    const lock = JSON.parse(await readFile(path.join(REPO, "package-lock.json"), "utf8")) as {
      packages: Record<string, { engines?: { node?: string } }>;
    };
    const refusing = Object.entries(lock.packages).flatMap(([name, entry]) => {
      const range = entry.engines?.node;
      if (name === "" || range === undefined) return [];
      return supported.filter((version) => !semver.satisfies(version, range)).map((v) => `${name} (${range}): ${v}`);
    });
    expect(refusing).toEqual([]);
    const readme = await readFile(path.join(REPO, "README.md"), "utf8");
    expect(readme).toContain("Node.js 22.13 or newer within 22, or 24 and newer");
  });

  it("no doc or help text says a bare `npx mlops`: that name on npm is not ours, and npx would run whatever it is", async () => {
    const { stdout } = await run(
      "git",
      ["ls-files", "--", "README.md", "docs", "src", "actions", "workflows", "examples"],
      {
        cwd: REPO,
      },
    );
    const bare = /npx (?:--yes |-y )?mlops(?![\w-])/;
    const offending: string[] = [];
    for (const file of stdout.split("\n").filter(Boolean)) {
      const text = await readFile(path.join(REPO, file), "utf8");
      text.split("\n").forEach((line, index) => {
        if (bare.test(line)) offending.push(`${file}:${index + 1}: ${line.trim()}`);
      });
    }
    expect(offending).toEqual([]);
  });
});
