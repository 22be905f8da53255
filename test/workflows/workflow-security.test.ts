import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { PINNED } from "../../src/init/pins.ts";
import { workflowYamlErrors } from "../helpers/github-yaml.ts";
import { REPO_ROOT } from "../helpers/runner.ts";
import { checkWorkflowSecurity } from "../helpers/workflow-security.ts";

/** The checker itself: a safe workflow passes, and each unsafe pattern is caught with its rule and line. */

const CHECKOUT = "actions/checkout@de0fac2e4500dabe0009e67214ff5f5447ce83dd # v6.0.2";
const KIT_SHA = "0123456789abcdef0123456789abcdef01234567";

const safe = `name: ok
on: pull_request
permissions: {}
jobs:
  gate:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - uses: ${CHECKOUT}
      - uses: mlops-kit/mlops-kit/actions/gate@${KIT_SHA} # v0.1.0
      - name: Say the title safely
        env:
          TITLE: \${{ github.event.pull_request.title }}
        run: echo "$TITLE"
`;

const rulesOf = (text: string): [string, number][] => checkWorkflowSecurity(text, "w.yml").map((f) => [f.rule, f.line]);

describe("workflow security rules", () => {
  it("accepts a least-privilege, pinned, injection-free workflow", () => {
    expect(checkWorkflowSecurity(safe, "w.yml")).toEqual([]);
  });

  it("requires permissions on every job and refuses write-all or workflow-wide writes", () => {
    expect(rulesOf(safe.replace("    permissions:\n      contents: read\n", ""))).toEqual([["permissions", 5]]);
    expect(rulesOf(safe.replace("permissions: {}", "permissions: write-all"))).toEqual([["permissions", 3]]);
    expect(rulesOf(safe.replace("permissions: {}", "permissions:\n  contents: write"))).toEqual([["permissions", 4]]);
  });

  it("requires third-party actions pinned to a full SHA with a version comment", () => {
    expect(rulesOf(safe.replace(CHECKOUT, "actions/checkout@v6"))).toEqual([["pinned", 10]]);
    expect(rulesOf(safe.replace(" # v6.0.2", ""))).toEqual([["pinned", 10]]);
    expect(rulesOf(safe.replace(CHECKOUT, "actions/checkout@de0fac2e # v6.0.2"))).toEqual([["pinned", 10]]);
  });

  it("holds our own actions to the same rule: a tag is refused, only ./ and $/ (this repository's commit) are exempt", () => {
    const kit = `mlops-kit/mlops-kit/actions/gate@${KIT_SHA} # v0.1.0`;
    expect(rulesOf(safe.replace(kit, "mlops-kit/mlops-kit/actions/gate@v1"))).toEqual([["pinned", 11]]);
    expect(rulesOf(safe.replace(kit, `mlops-kit/mlops-kit/actions/gate@${KIT_SHA}`))).toEqual([["pinned", 11]]);
    expect(rulesOf(safe.replace(kit, "$/actions/gate"))).toEqual([]);
    expect(rulesOf(safe.replace(kit, "./actions/gate"))).toEqual([]);
  });

  it("refuses untrusted contexts inside run:", () => {
    const injected = safe.replace('run: echo "$TITLE"', "run: echo ${{ github.event.pull_request.title }}");
    expect(rulesOf(injected)).toEqual([["injection", 15]]);
    expect(rulesOf(safe.replace('run: echo "$TITLE"', "run: git checkout ${{ github.head_ref }}"))).toEqual([
      ["injection", 15],
    ]);
    expect(rulesOf(safe.replace('run: echo "$TITLE"', "run: echo ${{ inputs.force }}"))).toEqual([["injection", 15]]);
  });

  it("refuses checking out PR code under pull_request_target", () => {
    const pwn = safe
      .replace("on: pull_request", "on: pull_request_target")
      .replace(
        `- uses: ${CHECKOUT}`,
        `- uses: ${CHECKOUT}\n        with:\n          ref: \${{ github.event.pull_request.head.sha }}`,
      );
    expect(rulesOf(pwn)).toEqual([["pwn-request", 10]]);
  });

  it("refuses cache writes in privileged workflows, unless the step only reads", () => {
    const trusted = safe
      .replace("on: pull_request", "on:\n  workflow_run:\n    workflows: [pr]\n    types: [completed]")
      .replace("actions/gate@", "actions/train@");
    expect(rulesOf(trusted)).toEqual([["cache", 14]]);
    expect(rulesOf(trusted.replace("# v0.1.0", "# v0.1.0\n        with:\n          cache: read"))).toEqual([]);
    expect(
      rulesOf(trusted.replace(`mlops-kit/mlops-kit/actions/train@${KIT_SHA} # v0.1.0`, "$/actions/train")),
    ).toEqual([["cache", 14]]);
  });
});

describe("the release workflow (.github/workflows/release.yml, hand-written)", () => {
  const file = path.join(REPO_ROOT, ".github/workflows/release.yml");

  it("passes GitHub's workflow parser and the security rules", async () => {
    expect(await workflowYamlErrors(file)).toEqual([]);
    expect(checkWorkflowSecurity(await readFile(file, "utf8"), "release.yml")).toEqual([]);
  });

  it("runs on version tags; only the npm job gets an OIDC token, only the release job may write", async () => {
    interface Job {
      needs?: string;
      permissions: Record<string, string>;
      steps: { uses?: string; run?: string; env?: Record<string, string> }[];
    }
    const text = await readFile(file, "utf8");
    const workflow = parse(text) as {
      on: { push: { tags: string[] } };
      permissions: object;
      jobs: Record<string, Job>;
    };
    expect(workflow.on.push.tags).toEqual(["v*.*.*"]);
    expect(workflow.permissions).toEqual({});
    const { check, npm, github } = workflow.jobs;
    expect(check?.permissions).toEqual({ contents: "read" });
    expect(check?.steps.some((step) => step.run === ".ci/run")).toBe(true);
    expect([npm?.needs, npm?.permissions]).toEqual(["check", { contents: "read", "id-token": "write" }]);
    const npmRuns = npm?.steps.map((step) => step.run ?? "").join("\n") ?? "";
    expect(npmRuns).toContain("npm publish --provenance --access public");
    // The kit-ref file is written before publishing, and never committed.
    expect(npmRuns.indexOf("dist/kit-ref.json")).toBeLessThan(npmRuns.indexOf("npm publish"));
    expect(await readFile(path.join(REPO_ROOT, ".gitignore"), "utf8")).toMatch(/^\/dist\/kit-ref\.json$/m);
    expect(npm?.steps.find((step) => step.run?.includes("npm publish"))?.env?.NODE_AUTH_TOKEN).toBe(
      "${{ secrets.NPM_TOKEN }}",
    );
    expect([github?.needs, github?.permissions]).toEqual(["npm", { contents: "write" }]);
    const githubRuns = github?.steps.map((step) => step.run ?? "").join("\n") ?? "";
    expect(githubRuns).toContain("gh release create");
    expect(githubRuns).toContain("--generate-notes");
    expect(githubRuns).toMatch(/git\/refs\/tags\/\$major/);
  });

  it("pins the same third-party actions as the templates (src/init/pins.ts)", async () => {
    const text = await readFile(file, "utf8");
    const uses = [...text.matchAll(/uses: (.*)$/gm)].map((m) => m[1]);
    expect(uses.length).toBeGreaterThan(0);
    for (const use of uses) expect(Object.values(PINNED)).toContain(use);
  });
});
