import { describe, expect, it } from "vitest";
import { checkWorkflowSecurity } from "../helpers/workflow-security.ts";

/** The checker itself: a safe workflow passes, and each unsafe pattern is caught with its rule and line. */

const CHECKOUT = "actions/checkout@de0fac2e4500dabe0009e67214ff5f5447ce83dd # v6.0.2";

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
      - uses: mlops-kit/mlops-kit/actions/gate@v1
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
      .replace("actions/gate@v1", "actions/train@v1");
    expect(rulesOf(trusted)).toEqual([["cache", 14]]);
    expect(
      rulesOf(trusted.replace("actions/train@v1", "actions/train@v1\n        with:\n          cache: read")),
    ).toEqual([]);
  });
});
