import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/load.ts";
import { workflowYamlErrors } from "../helpers/github-yaml.ts";
import { REPO, tempDir } from "../helpers/temp.ts";
import { KIT_VERSION } from "../../src/version.ts";
import { asPinned, checkWorkflowSecurity, KIT_USES } from "../helpers/workflow-security.ts";

/**
 * What the README and docs/ show is what users copy, so it follows the kit's own rules: every workflow passes GitHub's
 * parser and the security rules, every third-party action anywhere is pinned to a commit SHA with its version, and
 * every complete mlops.yml passes `mlops check`.
 */

const docFiles = ["README.md", ...(await readdir(path.join(REPO, "docs"))).map((name) => `docs/${name}`)].filter(
  (file) => file.endsWith(".md"),
);
const docs = (await Promise.all(docFiles.map((file) => readFile(path.join(REPO, file), "utf8")))).join("\n");
// The generated template section is checked at its source (test/workflows); here, the hand-written snippets.
const handWritten = docs.replace(/<!-- workflows-reference:start[\s\S]*?<!-- workflows-reference:end -->/, "");
const blocks = [...handWritten.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");

describe("the YAML snippets of the README and docs/", () => {
  it("are there to check", () => {
    expect(blocks.length).toBeGreaterThan(10);
  });

  it("every workflow passes GitHub's parser and the security rules", async () => {
    const dir = await tempDir();
    const workflows = blocks.filter((block) => /^jobs:/m.test(block));
    expect(workflows.length).toBeGreaterThanOrEqual(5);
    for (const [i, block] of workflows.entries()) {
      // A snippet that shows only the jobs is checked as the pull-request workflow it would be part of.
      const workflow = asPinned(/^on:/m.test(block) ? block : `on: pull_request\n${block}`);
      const file = path.join(dir, `workflow-${i}.yml`);
      await writeFile(file, workflow);
      expect(await workflowYamlErrors(file), block).toEqual([]);
      expect(checkWorkflowSecurity(workflow, file), block).toEqual([]);
    }
  });

  it("the kit's own actions and workflows are named by this version's release tag, to pin like any other", () => {
    const refs = [...handWritten.matchAll(KIT_USES)].map((m) => m[0]);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(ref).toMatch(new RegExp(`@v${KIT_VERSION.replaceAll(".", "\\.")}$`));
  });

  it("every third-party action is pinned to a full commit SHA with its version", () => {
    const uses = [...handWritten.matchAll(/uses: (\S+)(.*)$/gm)].filter(
      ([, action]) =>
        !action?.startsWith("mlops-kit/mlops-kit/") && !action?.startsWith("./") && !action?.startsWith("$/"),
    );
    expect(uses.length).toBeGreaterThan(5);
    for (const [line, action, rest] of uses) {
      expect(action, line).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
      expect(rest, line).toMatch(/^ # v\d+(\.\d+){0,2}\b/);
    }
  });

  it("every complete mlops.yml passes `mlops check`", () => {
    const configs = blocks.filter((block) => /^version: 1$/m.test(block));
    expect(configs.length).toBeGreaterThanOrEqual(1);
    for (const config of configs) expect(() => parseConfig(config, path.join(REPO, "mlops.yml")), config).not.toThrow();
  });

  it("the fork-safe reporting recipe posts from a workflow_run job with the report action", async () => {
    const reports = await readFile(path.join(REPO, "docs/reports.md"), "utf8");
    const section = reports.slice(reports.indexOf("## Pull requests from forks"));
    expect(section).toContain("workflows: [model]");
    expect(section).toContain(`uses: mlops-kit/mlops-kit/actions/report@v${KIT_VERSION}`);
  });
});
