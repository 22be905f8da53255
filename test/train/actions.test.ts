import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.ts";
import { writeConfig } from "../helpers/config.ts";
import { actionYamlErrors } from "../helpers/github-yaml.ts";
import { REPO_ROOT, runBundledAction } from "../helpers/runner.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * The sweep on GitHub, through the bundled actions run as the runner runs them: actions/plan gives the matrix,
 * actions/train trains one leg, actions/select picks the best leg from the legs' results.
 */

async function sweepWorkspace(): Promise<string> {
  const workspace = await tempDir();
  await writeFiles(workspace, {
    ".git/HEAD": "ref: refs/heads/main\n",
    "ml/train.mjs": `import fs from "node:fs";
const p = JSON.parse(fs.readFileSync(process.env.MLOPS_PARAMS_FILE, "utf8"));
fs.mkdirSync("model", { recursive: true });
fs.writeFileSync("model/metrics.json", JSON.stringify({ loss: Math.abs(p.lr - 0.3) }));
`,
  });
  await writeConfig(
    path.join(workspace, "ml"),
    `version: 1
model: { name: demo }
train:
  command: node train.mjs
  params: { lr: 0.1 }
  outputs: [model/]
  matrix: { lr: [0.1, 0.3, 0.5] }
  runs_on: [self-hosted, gpu]
evaluate:
  metrics_file: model/metrics.json
  custom_metrics: { loss: { direction: lower } }
gate:
  rules: [{ metric: loss, max: 1 }]
`,
  );
  return workspace;
}

describe("the plan and select actions", () => {
  it.each(["plan", "select"])("actions/%s/action.yml passes GitHub's workflow-parser", async (action) => {
    const file = path.join(REPO_ROOT, "actions", action, "action.yml");
    expect(await actionYamlErrors(file)).toEqual([]);
    const definition = parse(await readFile(file, "utf8")) as { runs: unknown; inputs: Record<string, unknown> };
    expect(definition.runs).toEqual({ using: "node24", main: `../../dist/${action}.js` });
    expect(Object.keys(definition.inputs)).toEqual(expect.arrayContaining(["config", "working-directory"]));
  });

  it("plans the matrix with the GPU runner labels, trains a leg, and selects the best from the legs' results", async () => {
    const workspace = await sweepWorkspace();
    const inputs = { "working-directory": "ml" };
    const plan = await runBundledAction("plan", inputs, { workspace });
    expect(plan.exitCode, plan.stdout).toBe(0);
    expect(JSON.parse(plan.outputs.matrix ?? "")).toEqual({
      include: [0.1, 0.3, 0.5].map((lr, i) => ({
        leg: String(i + 1),
        name: `lr=${lr}`,
        params: { lr },
        runs_on: ["self-hosted", "gpu"],
      })),
    });
    expect(plan.outputs).toMatchObject({ result: "ok", legs: "3", "runs-on": '["self-hosted","gpu"]' });
    expect(plan.summary).toContain("3 leg(s), each on self-hosted, gpu.");

    const leg = await runBundledAction("train", { ...inputs, leg: "2" }, { workspace });
    expect(leg.exitCode, leg.stdout).toBe(0);
    const record = JSON.parse(await readFile(leg.outputs["run-record"] ?? "", "utf8")) as Record<string, unknown>;
    expect(record).toMatchObject({ params: { lr: 0.3 }, leg: { id: "2", name: "lr=0.3" } });
    expect(leg.summary).toContain("Sweep leg 2: lr=0.3.");

    // Each leg job uploads its .mlops/out; the select job downloads them all into one folder.
    expect((await runCli(["sweep"], { cwd: path.join(workspace, "ml") })).exitCode).toBe(0);
    const select = await runBundledAction("select", { ...inputs, results: "ml/.mlops/sweep" }, { workspace });
    expect(select.exitCode, select.stdout).toBe(0);
    expect(select.outputs).toMatchObject({
      result: "ok",
      leg: "2",
      name: "lr=0.3",
      params: '{"lr":0.3}',
      metric: "loss",
      value: "0",
    });
    expect(select.summary).toContain("Best by loss (lower is better): leg 2 (lr=0.3), loss 0.");
    expect(select.summary).toMatch(/\| best \| 2 \| 0\.3 \| ok \|/);

    const empty = await runBundledAction("select", { ...inputs, results: "nothing-here" }, { workspace });
    expect(empty.exitCode).toBe(1);
    expect(empty.outputs).toMatchObject({ result: "failed", leg: "" });
    expect(empty.annotations.map((a) => a.message)).toContain("no sweep leg produced loss");
  });
});
