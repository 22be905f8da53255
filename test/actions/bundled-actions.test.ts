import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionYamlErrors } from "../helpers/github-yaml.ts";
import {
  REPO_ROOT,
  runBundledAction,
  type ActionRun,
  type RunnerEnvironment,
  webhookExample,
} from "../helpers/runner.ts";

/**
 * The bundled actions (dist/), run the way the runner runs them, on a copy of the example project inside a
 * repository whose mlops.yml sits in a subfolder (so working-directory and annotation paths are exercised).
 */

const ACTIONS = ["validate", "train", "evaluate", "gate", "report", "publish", "models-report"];
let workspace: string;

async function copyExample(target: string): Promise<void> {
  await cp(path.join(REPO_ROOT, "examples/penguins"), target, {
    recursive: true,
    filter: (source) => !/[/\\](\.mlops|model|predictions\.csv)$/.test(source),
  });
}

async function declaredOutputs(action: string): Promise<string[]> {
  const definition = parse(await readFile(path.join(REPO_ROOT, "actions", action, "action.yml"), "utf8")) as {
    outputs: Record<string, unknown>;
  };
  return Object.keys(definition.outputs);
}

async function expectOnlyDeclaredOutputs(action: string, run: ActionRun): Promise<void> {
  const declared = await declaredOutputs(action);
  for (const name of Object.keys(run.outputs))
    expect(declared, `${action} sets undeclared output ${name}`).toContain(name);
}

beforeAll(async () => {
  workspace = await mkdtemp(path.join(os.tmpdir(), "mlops-actions-"));
  await mkdir(path.join(workspace, ".git"));
  await copyExample(path.join(workspace, "ml"));
});
afterAll(async () => {
  await rm(workspace, { recursive: true, force: true });
});

describe("action.yml files", () => {
  it.each(ACTIONS)(
    "actions/%s/action.yml passes GitHub's workflow-parser and runs a dist bundle on node24",
    async (action) => {
      expect(await actionYamlErrors(path.join(REPO_ROOT, "actions", action, "action.yml"))).toEqual([]);
      const definition = parse(await readFile(path.join(REPO_ROOT, "actions", action, "action.yml"), "utf8")) as {
        inputs: Record<string, unknown>;
        runs: { using: string; main: string };
      };
      expect(definition.runs).toEqual({ using: "node24", main: `../../dist/${action}.js` });
      expect(Object.keys(definition.inputs)).toEqual(expect.arrayContaining(["config", "working-directory"]));
    },
  );
});

describe("a pull request job, then main", () => {
  const pullRequest = (): RunnerEnvironment => ({
    workspace,
    event: { name: "pull_request", payload: webhookExample("pull_request", "opened") },
    env: { GITHUB_REF: "refs/pull/2/merge" },
  });
  const inputs = { config: "mlops.yml", "working-directory": "ml" };

  it("validates, trains, evaluates and passes the gate on a first run", async () => {
    const validate = await runBundledAction("validate", inputs, pullRequest());
    expect(validate.exitCode, validate.stdout).toBe(0);
    expect(validate.outputs).toMatchObject({ verdict: "pass", errors: "0", warnings: "0" });
    expect(JSON.parse(await readFile(validate.outputs.report ?? "", "utf8"))).toMatchObject({
      stage: "validate",
      verdict: "pass",
    });
    expect(validate.summary).toContain("Data validation: pass");
    expect(validate.summary).toContain("body\\_mass\\_g");
    await expectOnlyDeclaredOutputs("validate", validate);

    const train = await runBundledAction("train", inputs, pullRequest());
    expect(train.exitCode, train.stdout).toBe(0);
    expect(train.outputs.result).toBe("ok");
    expect(JSON.parse(await readFile(train.outputs["run-record"] ?? "", "utf8"))).toMatchObject({
      stage: "train",
      exitCode: 0,
      params: { epochs: 300 },
    });
    expect(Number(train.outputs.duration)).toBeGreaterThanOrEqual(0);
    expect(train.stdout).toContain("[train] epoch 300/300");
    await expectOnlyDeclaredOutputs("train", train);

    const evaluate = await runBundledAction("evaluate", inputs, pullRequest());
    expect(evaluate.exitCode, evaluate.stdout).toBe(0);
    const metrics = JSON.parse(evaluate.outputs.metrics ?? "{}") as Record<string, number>;
    expect(metrics.accuracy).toBeCloseTo(98 / 111, 12);
    expect(evaluate.summary).toContain("Evaluation: ok");
    await expectOnlyDeclaredOutputs("evaluate", evaluate);

    const gate = await runBundledAction("gate", inputs, pullRequest());
    expect(gate.exitCode, gate.stdout).toBe(0);
    expect(gate.outputs).toMatchObject({ verdict: "pass", baseline: "" });
    // The PR number and head commit come from the real webhook payload.
    expect(gate.summary).toContain("pull request #\u200b2 (head ec26c3e)");
    expect(gate.summary).toContain("First run");
    // The run's HTML report beside gate.md, saying where it ran: this workflow run.
    expect(gate.outputs.html).toBe(path.join(workspace, "ml/.mlops/out/report.html"));
    const html = await readFile(gate.outputs.html ?? "", "utf8");
    expect(html).toContain("<title>penguins: run report</title>");
    expect(html).toContain('href="https://github.com/octo-org/ml-repo/actions/runs/4242"');
    await expectOnlyDeclaredOutputs("gate", gate);
  });

  it("publishes on main and promotes the first version to champion", async () => {
    const publish = await runBundledAction("publish", inputs, {
      workspace,
      event: { name: "push", payload: webhookExample("push") },
    });
    expect(publish.exitCode, publish.stdout).toBe(0);
    expect(publish.outputs.version).toMatch(/^v\d{8}T\d{9}Z-[0-9a-f]{6}$/);
    expect(publish.outputs.promoted).toBe("champion");
    const manifest = JSON.parse(
      await readFile(
        path.join(workspace, "ml/.mlops/registry/penguins/versions", publish.outputs.version ?? "", "manifest.json"),
        "utf8",
      ),
    ) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      model: "penguins",
      gate: { verdict: "pass" },
      git: { sha: "0123456789abcdef0123456789abcdef01234567", ref: "refs/heads/main" },
      runUrl: "https://github.com/octo-org/ml-repo/actions/runs/4242",
      actor: "octocat",
      attachments: { report: { path: "report/report.html" } },
    });
    await expectOnlyDeclaredOutputs("publish", publish);
  });

  it("writes the model's page after publishing: the HTML file for an artifact and the markdown in the job summary", async () => {
    const page = await runBundledAction("models-report", inputs, {
      workspace,
      event: { name: "push", payload: webhookExample("push") },
    });
    expect(page.exitCode, page.stdout).toBe(0);
    expect(page.outputs).toMatchObject({
      result: "written",
      file: path.join(workspace, "ml/.mlops/out/models/penguins.html"),
      versions: "1",
    });
    const html = await readFile(page.outputs.file ?? "", "utf8");
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("<title>Model penguins</title>");
    expect(page.summary).toContain("### ✅ Model penguins: ok");
    expect(page.summary).toContain("```mermaid");
    await expectOnlyDeclaredOutputs("models-report", page);
  });

  it("fails the gate step on a regression, with an annotation on the broken rule's line", async () => {
    const train = await runBundledAction(
      "train",
      { ...inputs, set: "epochs=3\n# a comment line is ignored\n" },
      pullRequest(),
    );
    expect(train.exitCode, train.stdout).toBe(0);
    expect((await runBundledAction("evaluate", inputs, pullRequest())).exitCode).toBe(0);
    const gate = await runBundledAction("gate", inputs, pullRequest());
    expect(gate.exitCode).toBe(1);
    expect(gate.outputs.verdict).toBe("fail");
    expect(gate.outputs.baseline).toMatch(/^v\d{8}T/);
    expect(gate.summary).toContain("Evaluation gate: fail");
    const config = await readFile(path.join(workspace, "ml/mlops.yml"), "utf8");
    const ruleLine = config.split("\n").findIndex((line) => line.includes("max_regression: 0.02")) + 1;
    const annotation = gate.annotations.find((a) => a.level === "error" && a.message.includes("accuracy"));
    expect(annotation?.properties).toMatchObject({ file: "ml/mlops.yml", line: String(ruleLine) });
    expect(annotation?.message).toContain("more than the allowed 0.02");
    expect(gate.stdout).toMatch(
      /::error::gate fail: .*accuracy fell from 0.8829 to 0.8288: worse by 0.05405, more than the allowed 0.02; log_loss rose/,
    );
  });
});

describe("bad input reaches the user as an annotation and a failed step", () => {
  it("a config error fails the step with verdict=error and points at the line", async () => {
    await writeFile(path.join(workspace, "ml/broken.yml"), "version: 1\nmodel:\n  nmae: penguins\n");
    const run = await runBundledAction("validate", { config: "broken.yml", "working-directory": "ml" }, { workspace });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.verdict).toBe("error");
    const unknownKey = run.annotations.find((a) => a.message.includes("unknown key `nmae`"));
    expect(unknownKey?.properties).toMatchObject({ file: "ml/broken.yml", line: "3", col: "3" });
    expect(unknownKey?.message).toContain("did you mean `name`?");
    expect(run.summary).toContain("mlops-kit could not run");
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
  });

  it("an invalid boolean-like input or a missing working-directory is a clear failure", async () => {
    const run = await runBundledAction("train", { "working-directory": "nowhere" }, { workspace });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("working-directory nowhere does not exist");
    expect(run.outputs.result).toBe("error");
  });

  it("no stray files: only declared outputs of every action were written", async () => {
    const out = await readdir(path.join(workspace, "ml/.mlops/out"));
    expect(out.sort()).toEqual([
      // publish's model card and ML-BOM of the version: card/model-card.md, card/ml-bom.cdx.json.
      "card",
      "evaluate.json",
      "evaluate.md",
      "gate.json",
      "gate.md",
      // publish's copy of the version's manifest as stored: the subject of the build-provenance attestation.
      "manifest.json",
      // models-report's page: models/penguins.html.
      "models",
      "params.json",
      "predictions.csv",
      "profile-train.json",
      "publish.json",
      "publish.md",
      "report.html",
      "train.json",
      "train.md",
      "validate.json",
      "validate.md",
    ]);
  });
});
