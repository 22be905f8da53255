import path from "node:path";
import { writeFile } from "node:fs/promises";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import {
  Annotated,
  commentAbove,
  commentAfter,
  doubleQuoted,
  note,
  type Workflow,
} from "../../src/init/workflows/model.ts";
import { renderWorkflow } from "../../src/init/workflows/render.ts";
import { workflowYamlErrors } from "../helpers/github-yaml.ts";
import { tempDir } from "../helpers/temp.ts";
import { checkWorkflowSecurity } from "../helpers/workflow-security.ts";

/**
 * The workflow writer (src/init/workflows/render.ts): comments go where a person would write them, the `yaml`
 * library quotes what YAML would misread, and every key of the workflow model is one GitHub's parser accepts.
 */

const CHECKOUT = "actions/checkout@de0fac2e4500dabe0009e67214ff5f5447ce83dd";

describe("renderWorkflow", () => {
  it("writes the header, comments above keys and items, notes between steps and comments after values", () => {
    const workflow: Workflow = {
      header: "What it does,\nand why.",
      name: "w",
      on: { pull_request: commentAbove("No paths filter.", null), workflow_dispatch: null },
      permissions: {},
      concurrency: commentAbove("One at a time.", { group: "g", queue: "max" }),
      jobs: {
        build: {
          needs: ["a", "b"],
          "runs-on": ["self-hosted", "gpu"],
          permissions: { contents: "read", "id-token": commentAfter("write", "OIDC") },
          steps: [
            { uses: commentAfter(CHECKOUT, "v6.0.2"), with: { "persist-credentials": false } },
            note("First note,"),
            note("second note."),
            { id: "x", "continue-on-error": commentAbove("Why it may fail.", true), run: "one\ntwo\n" },
            note("A note after the last step."),
          ],
        },
      },
    };
    expect(renderWorkflow(workflow)).toBe(
      [
        "# What it does,",
        "# and why.",
        "name: w",
        "on:",
        "  # No paths filter.",
        "  pull_request:",
        "  workflow_dispatch:",
        "permissions: {}",
        "# One at a time.",
        "concurrency:",
        "  group: g",
        "  queue: max",
        "jobs:",
        "  build:",
        "    needs: [a, b]",
        "    runs-on: [self-hosted, gpu]",
        "    permissions:",
        "      contents: read",
        "      id-token: write # OIDC",
        "    steps:",
        `      - uses: ${CHECKOUT} # v6.0.2`,
        "        with:",
        "          persist-credentials: false",
        "      # First note,",
        "      # second note.",
        "      - id: x",
        "        # Why it may fail.",
        "        continue-on-error: true",
        "        run: |",
        "          one",
        "          two",
        "      # A note after the last step.",
        "",
      ].join("\n"),
    );
  });

  it("leaves out keys left undefined", () => {
    const text = renderWorkflow({
      header: "h",
      name: "w",
      on: { workflow_dispatch: null },
      permissions: {},
      concurrency: undefined,
      jobs: {
        j: {
          "runs-on": "ubuntu-latest",
          permissions: {},
          steps: [{ name: "n", id: undefined, if: undefined, run: "true" }],
        },
      },
    });
    const read = parse(text) as { jobs: { j: { steps: unknown[] } } };
    expect(Object.keys(read)).toEqual(["name", "on", "permissions", "jobs"]);
    expect(read.jobs.j.steps).toEqual([{ name: "n", run: "true" }]);
  });

  it("quotes exactly what YAML would misread, so every value reads back as it was written", () => {
    const tricky = [
      "3.10",
      "22",
      "",
      "true",
      "null",
      "on",
      "a: b",
      "models/churn v2 #1",
      "*/15 * * * *",
      "- item",
      "[a]",
      "{a}",
      "'single'",
      '"double"',
      "${{ inputs.x }}",
      "a\nb\n",
      `${"long value ".repeat(20)}end`,
    ];
    const text = renderWorkflow({
      header: "h",
      name: "w",
      on: { workflow_dispatch: null },
      permissions: {},
      jobs: {
        j: {
          "runs-on": ["self-hosted", "gpu, large", "x: y"],
          permissions: {},
          steps: [{ uses: "./local", with: Object.fromEntries(tricky.map((value, index) => [`v${index}`, value])) }],
        },
      },
    });
    const read = parse(text) as { jobs: { j: { "runs-on": string[]; steps: { with: Record<string, string> }[] } } };
    expect(Object.values(read.jobs.j.steps[0]?.with ?? {})).toEqual(tricky);
    expect(read.jobs.j["runs-on"]).toEqual(["self-hosted", "gpu, large", "x: y"]);
    // Never folded onto a second line, however long.
    expect(text).toContain(`v16: ${"long value ".repeat(20)}end\n`);
  });

  it("double-quotes a scalar on request, and refuses to for a mapping", () => {
    const withCron = (cron: ReturnType<typeof doubleQuoted>): string =>
      renderWorkflow({ header: "h", name: "w", on: { schedule: [{ cron }] }, permissions: {}, jobs: {} });
    expect(withCron(doubleQuoted("17 3 * * 1"))).toContain('  - cron: "17 3 * * 1"\n');
    expect(() =>
      renderWorkflow({
        header: "h",
        name: "w",
        on: {},
        permissions: {},
        concurrency: new Annotated({ group: "g" }, { doubleQuoted: true }),
        jobs: {},
      }),
    ).toThrow("only a scalar can be written double-quoted");
  });
});

describe("the workflow model", () => {
  it("has only keys GitHub's parser accepts: a workflow using each of them passes it, and the security rules", async () => {
    const workflow: Workflow = {
      header: "Every key of the model, once.",
      name: "all keys",
      on: {
        pull_request: null,
        push: { branches: ["main"] },
        workflow_run: { workflows: ["other"], types: ["completed"] },
        schedule: [{ cron: doubleQuoted("17 3 * * 1"), timezone: "Europe/Berlin" }],
        workflow_dispatch: { inputs: { force: { description: "d", type: "boolean", default: false } } },
        workflow_call: { inputs: { config: { description: "d", type: "string", default: "mlops.yml" } } },
      },
      permissions: {},
      concurrency: { group: "g-${{ github.ref }}", "cancel-in-progress": true },
      jobs: {
        plan: {
          "runs-on": "ubuntu-latest",
          permissions: { contents: "read" },
          outputs: { matrix: "${{ steps.plan.outputs.matrix }}" },
          steps: [{ id: "plan", run: 'echo "matrix={}" >> "$GITHUB_OUTPUT"' }],
        },
        deploy: {
          name: "deploy",
          needs: ["plan"],
          if: "github.ref == 'refs/heads/main'",
          "runs-on": ["self-hosted", "gpu"],
          environment: { name: "production", url: "https://example.com" },
          "timeout-minutes": 30,
          strategy: { "fail-fast": false, matrix: "${{ fromJSON(needs.plan.outputs.matrix) }}" },
          permissions: { contents: "read", deployments: "write", "id-token": commentAfter("write", "OIDC") },
          steps: [
            { uses: commentAfter(CHECKOUT, "v6.0.2"), with: { "persist-credentials": false } },
            {
              name: "Say the ref safely",
              "continue-on-error": true,
              env: { REF: "${{ github.ref }}" },
              "working-directory": "models/churn",
              run: 'echo "$REF"',
            },
          ],
        },
      },
    };
    const text = renderWorkflow(workflow);
    const file = path.join(await tempDir(), "all-keys.yml");
    await writeFile(file, text);
    expect(await workflowYamlErrors(file)).toEqual([]);
    expect(checkWorkflowSecurity(text, "all-keys.yml")).toEqual([]);
  });
});
