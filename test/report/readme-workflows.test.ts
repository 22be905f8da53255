import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect, it } from "vitest";
import { workflowYamlErrors } from "../helpers/github-yaml.ts";
import { checkWorkflowSecurity } from "../helpers/workflow-security.ts";
import { REPO, tempDir } from "../helpers/temp.ts";

/**
 * The README's workflows for reports on pull requests (same-repo and fork-safe) pass GitHub's workflow parser and
 * the kit's workflow security rules.
 */
it("README workflow examples are valid workflows", async () => {
  const readme = await readFile(path.join(REPO, "README.md"), "utf8");
  const section = readme.slice(
    readme.indexOf("## Reports on pull requests"),
    readme.indexOf("## Configuration reference"),
  );
  const examples = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
  expect(examples.length).toBeGreaterThanOrEqual(3);
  const dir = await tempDir();
  for (const [i, example] of examples.entries()) {
    const file = path.join(dir, `workflow-${i}.yml`);
    await writeFile(file, example);
    expect(await workflowYamlErrors(file), example).toEqual([]);
    // Least privilege, pinned third-party actions, no injection, no pwn request, no cache writes when trusted.
    expect(checkWorkflowSecurity(example, file), example).toEqual([]);
  }
  expect(section).toContain("workflows: [model]");
  expect(section).toContain("uses: mlops-kit/mlops-kit/actions/report@v1");
});
