import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { KIT_VERSION } from "../../src/version.ts";
import { workflowYamlErrors } from "../helpers/github-yaml.ts";
import { REPO_ROOT } from "../helpers/runner.ts";
import { tempDir } from "../helpers/temp.ts";

/** The sweep workflow in docs/training.md is code too: GitHub's own parser must accept it, and it must use our actions' names. */
describe("the training docs' sweep workflow", () => {
  it("passes GitHub's workflow-parser and wires plan, legs and select together", async () => {
    const docs = await readFile(path.join(REPO_ROOT, "docs/training.md"), "utf8");
    const section = docs.slice(docs.indexOf("## Sweeps"));
    const workflow = /```yaml\n(name: sweep\n[\s\S]*?)```/.exec(section)?.[1];
    expect(workflow).toBeDefined();
    const file = path.join(await tempDir(), "sweep.yml");
    await writeFile(file, workflow ?? "");
    expect(await workflowYamlErrors(file)).toEqual([]);

    const jobs = (parse(workflow ?? "") as { jobs: Record<string, { steps: { uses?: string; with?: object }[] }> })
      .jobs;
    const uses = Object.values(jobs).flatMap((job) => job.steps.map((step) => step.uses ?? ""));
    for (const action of uses.filter((u) => u.startsWith("mlops-kit/"))) {
      const name = /actions\/([a-z]+)@/.exec(action)?.[1] ?? "";
      const definition = parse(await readFile(path.join(REPO_ROOT, "actions", name, "action.yml"), "utf8")) as {
        inputs: Record<string, unknown>;
      };
      for (const step of Object.values(jobs).flatMap((job) => job.steps.filter((s) => s.uses === action))) {
        for (const input of Object.keys(step.with ?? {})) expect(Object.keys(definition.inputs)).toContain(input);
      }
    }
    expect(uses).toEqual(
      expect.arrayContaining([
        `mlops-kit/mlops-kit/actions/plan@v${KIT_VERSION}`,
        `mlops-kit/mlops-kit/actions/select@v${KIT_VERSION}`,
        `mlops-kit/mlops-kit/actions/train@v${KIT_VERSION}`,
      ]),
    );
  });
});
