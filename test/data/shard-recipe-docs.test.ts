import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect, it } from "vitest";
import { workflowYamlErrors } from "../helpers/github-yaml.ts";
import { REPO, tempDir } from "../helpers/temp.ts";
import { asPinned, checkWorkflowSecurity } from "../helpers/workflow-security.ts";

/** The shard-and-merge workflow in docs/data-validation.md is a valid, least-privilege, pinned workflow (test/data/shards.test.ts runs it). */
it("the shard-and-merge recipe in the data validation docs passes GitHub's workflow parser and the workflow security rules", async () => {
  const docs = await readFile(path.join(REPO, "docs/data-validation.md"), "utf8");
  const section = docs.slice(docs.indexOf("## Shard and merge"), docs.indexOf("## Speed"));
  const example = /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
  expect(example).toContain("mlops profile --shard");
  expect(example).toContain("profiles: profiles/*.json");
  const file = path.join(await tempDir(), "data.yml");
  await writeFile(file, example);
  expect(await workflowYamlErrors(file)).toEqual([]);
  expect(checkWorkflowSecurity(asPinned(example), file)).toEqual([]);
});
