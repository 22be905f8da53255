import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { EvaluateResult } from "../../src/evaluate/evaluate.ts";
import { type GateResult, runGate } from "../../src/gate/gate.ts";
import type { StageContext } from "../../src/context/context.ts";
import { runEvaluateStage } from "../../src/pipeline/stages.ts";
import { createRegistry, type Registry } from "../../src/registry/registry.ts";
import { createLocalStore } from "../../src/store/local-store.ts";
import { KIT_VERSION } from "../../src/version.ts";
import { parse } from "../helpers/config.ts";
import { stageContext } from "../helpers/context.ts";
import { publishInput } from "../helpers/publish.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * The gate stage end to end on real files and a real (folder) registry: the champion's stored predictions pair with
 * the candidate's, rules with `significance` are decided by the paired test, and every way pairing or the baseline
 * can fail is said in words (DOMAIN.md §2).
 */

interface Row {
  id: string;
  label: string;
  prediction: string;
  score: number;
  group: string;
}

/** n rows whose predictions are right with probability `accuracy`, from a fixed seed (a small LCG). */
function rows(n: number, accuracy: number, seed: number): Row[] {
  let state = seed;
  const next = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: n }, (_, i) => {
    const label = i % 2 === 0 ? "1" : "0";
    const right = next() < accuracy;
    const prediction = right ? label : label === "1" ? "0" : "1";
    return { id: `r${i}`, label, prediction, score: prediction === "1" ? 0.8 : 0.2, group: i % 3 === 0 ? "a" : "b" };
  });
}

const csv = (data: Row[], withId = true): string =>
  [
    `${withId ? "id," : ""}label,prediction,score,group`,
    ...data.map((r) => `${withId ? `${r.id},` : ""}${r.label},${r.prediction},${r.score},${r.group}`),
  ].join("\n");

function config(rules: string[], options: { id?: boolean; baseline?: string } = {}): string {
  return `version: 1
model: { name: churn }
evaluate:
  predictions: { path: predictions.csv, score: score${options.id === false ? "" : ", id: id"} }
  slices: [group]
gate:
  baseline: ${options.baseline ?? "champion"}
  bootstrap: { resamples: 300, seed: 7 }
  rules:
${rules.map((rule) => `    - ${rule}`).join("\n")}
`;
}

interface Setup {
  dir: string;
  registry: Registry;
  gate(candidate: Row[], options?: { withId?: boolean }): Promise<GateResult>;
}

/**
 * A project whose registry holds a champion evaluated on `baseline` (metrics, slices and, unless `storePredictions`
 * is false, its predictions), published the way the pipeline publishes.
 */
async function setup(
  configText: string,
  baseline: string,
  options: { storePredictions?: boolean; championConfig?: string } = {},
): Promise<Setup> {
  const dir = await tempDir();
  const context = stageContext(parse(configText, dir));
  const registry = createRegistry(createLocalStore(context.workspace.registryDir), context.now);
  await writeFile(path.join(dir, "predictions.csv"), baseline);
  const evaluated = await evaluateModel(
    options.championConfig ? stageContext(parse(options.championConfig, dir)) : context,
  );
  const [model] = await writeFiles(path.join(dir, "champion"), { "model.txt": "weights" });
  const manifest = await registry.publish(
    publishInput({
      model: "churn",
      files: [{ path: "model.txt", source: model ?? "" }],
      attachments:
        options.storePredictions === false || !evaluated.predictions
          ? []
          : [{ name: "predictions", source: evaluated.predictions.snapshot }],
      metrics: evaluated.metrics,
      slices: evaluated.slices,
      kitVersion: KIT_VERSION,
    }),
  );
  await registry.moveAlias("churn", "champion", manifest.version, {
    at: context.now().toISOString(),
    actor: null,
    reason: "test",
    runUrl: null,
    forced: false,
  });
  return {
    dir,
    registry,
    async gate(candidate, gateOptions = {}) {
      await writeFile(path.join(dir, "predictions.csv"), csv(candidate, gateOptions.withId ?? true));
      const evaluation = await evaluateModel(context);
      return runGate(context, evaluation, registry);
    },
  };
}

const champion = rows(400, 0.85, 1);

/** The evaluate stage, as the gate stage reads it back (with its chain link). */
async function evaluateModel(context: StageContext): Promise<EvaluateResult> {
  return (await runEvaluateStage(context)).result;
}

describe("rules with significance", () => {
  it("fail a real regression: the whole bootstrap interval lies past the tolerance", async () => {
    const project = await setup(
      config(["{ metric: accuracy, max_regression: 0.02, significance: 0.95 }"]),
      csv(champion),
    );
    const result = await project.gate(rows(400, 0.6, 2));
    expect(result.verdict).toBe("fail");
    expect(result.pairing).toEqual({
      status: "paired",
      detail: "paired by row id: the same 400 ids in both files, with the same labels",
    });
    const [outcome] = result.outcomes;
    expect(outcome?.significance).toMatchObject({
      test: "bootstrap",
      status: "applied",
      level: 0.95,
      resamples: 300,
      seed: 7,
    });
    if (outcome?.significance?.status !== "applied" || outcome.significance.test !== "bootstrap") throw new Error();
    expect(outcome.significance.high).toBeLessThan(-0.02);
    expect(outcome.significance.low).toBeLessThan(outcome.delta ?? 0);
    expect(outcome.requirement).toBe("regression <= 0.02 (bootstrap, 95%)");
    expect(outcome.reason).toMatch(
      /^fell from 0\.\d+ to 0\.\d+: worse by 0\.\d+, more than the allowed 0\.02; the 95% interval of the change is \[-0\.\d+, -0\.\d+\], all of it past the allowed 0\.02: the regression is real$/,
    );
  });

  it("pass a drop past the tolerance that the interval cannot tell from noise, and say so", async () => {
    const base = rows(40, 0.85, 3);
    // The candidate gets two more rows wrong: a 5-point drop on 40 rows.
    const flipped = base.flatMap((r, i) => (r.prediction === r.label ? [i] : [])).slice(0, 2);
    const candidate = base.map((r, i) => (flipped.includes(i) ? { ...r, prediction: r.label === "1" ? "0" : "1" } : r));
    const project = await setup(config(["{ metric: accuracy, max_regression: 0.02, significance: 0.95 }"]), csv(base));
    const result = await project.gate(candidate);
    expect(result.verdict).toBe("pass");
    expect(result.outcomes[0]?.reason).toMatch(
      /more than the allowed 0\.02, but the 95% interval of the change is \[-0\.\d+, [-+]?0(\.\d+)?\], which reaches within the allowed 0\.02: not a significant regression$/,
    );
  });

  it("use McNemar's exact test for accuracy when asked", async () => {
    const project = await setup(
      config(["{ metric: accuracy, max_regression: 0.01, significance: 0.95, test: mcnemar }"]),
      csv(champion),
    );
    const result = await project.gate(rows(400, 0.6, 2));
    expect(result.verdict).toBe("fail");
    expect(result.outcomes[0]?.significance).toMatchObject({ test: "mcnemar", status: "applied" });
    expect(result.outcomes[0]?.reason).toMatch(
      /; McNemar's exact test p = [\d.e-]+ \(\d+ rows only the baseline got right, \d+ only the candidate\) < 0\.05: the regression is real$/,
    );
  });

  it("test each slice on its own rows", async () => {
    const project = await setup(
      config(["{ metric: accuracy, slice: group, max_regression: 0.02, significance: 0.9 }"]),
      csv(champion),
    );
    const result = await project.gate(rows(400, 0.6, 2));
    expect(result.outcomes.map((o) => [o.slice?.value, o.significance?.status, o.verdict])).toEqual([
      ["a", "applied", "fail"],
      ["b", "applied", "fail"],
    ]);
  });

  it("pair by position without an id column when the labels provably match", async () => {
    const project = await setup(
      config(["{ metric: accuracy, max_regression: 0.02, significance: 0.95 }"], { id: false }),
      csv(champion, false),
    );
    const result = await project.gate(rows(400, 0.6, 2), { withId: false });
    expect(result.pairing.detail).toMatch(/^paired by position: both files hold the same 400 labels in the same order/);
    expect(result.outcomes[0]?.significance?.status).toBe("applied");
  });
});

describe("falling back to point estimates, in words", () => {
  const rule = "{ metric: accuracy, max_regression: 0.02, significance: 0.95 }";

  it("when the champion has no stored predictions", async () => {
    const project = await setup(config([rule]), csv(champion), { storePredictions: false });
    const result = await project.gate(rows(400, 0.6, 2));
    expect(result.verdict).toBe("fail");
    expect(result.pairing.status).toBe("unpaired");
    expect(result.notes).toContain(
      `No paired test was possible: champion (${result.baseline?.version ?? ""}) has no stored predictions (only versions published with an evaluate stage have them). Rules with significance compared the point estimates instead.`,
    );
    expect(result.outcomes[0]?.significance).toMatchObject({ status: "unavailable" });
    expect(result.outcomes[0]?.reason).toMatch(
      /; point estimates compared, no paired test: champion .* has no stored predictions/,
    );
  });

  it("when the candidate and the champion were scored on different rows", async () => {
    const project = await setup(config([rule], { id: false }), csv(champion, false));
    const result = await project.gate(rows(380, 0.6, 2), { withId: false });
    expect(result.notes[0]).toBe(
      "No paired test was possible: without a row id column (evaluate.predictions.id) rows pair only by position, and the files hold different rows: 380 in the candidate's, 400 in the baseline's. Rules with significance compared the point estimates instead.",
    );
    expect(result.outcomes[0]?.verdict).toBe("fail");
  });

  it("when the champion's predictions lack a configured column", async () => {
    const project = await setup(config([rule]), csv(champion, false), {
      championConfig: config([rule], { id: false }),
    });
    const result = await project.gate(rows(400, 0.6, 2));
    expect(result.pairing.detail).toBe(
      `the predictions of champion (${result.baseline?.version ?? ""}) has no "id" column (evaluate.predictions.id)`,
    );
  });
});

describe("the baseline", () => {
  it("is an error, not a first run, when the registry cannot be read", async () => {
    const project = await setup(config(["{ metric: accuracy, max_regression: 0.02 }"]), csv(champion));
    const versions = path.join(project.dir, ".mlops/registry/churn/versions");
    const { readdir } = await import("node:fs/promises");
    const [version] = await readdir(versions);
    await writeFile(path.join(versions, version ?? "", "manifest.json"), "{ not json");
    const result = await project.gate(rows(400, 0.6, 2));
    expect(result.verdict).toBe("error");
    expect(result.notes).toEqual([
      expect.stringMatching(
        /^The baseline could not be fetched: the manifest churn\/versions\/.*\/manifest\.json in .* is not valid JSON/,
      ),
    ]);
  });

  it("falls back to a metrics file, and refuses one that is not JSON", async () => {
    const dir = await tempDir();
    const text = config(["{ metric: accuracy, max_regression: 0.02 }"], {
      baseline: "{ metrics_file: base/metrics.json }",
    });
    const context = stageContext(parse(text, dir));
    const registry = createRegistry(createLocalStore(context.workspace.registryDir), context.now);
    await writeFile(path.join(dir, "predictions.csv"), csv(rows(50, 0.8, 1)));
    const evaluation = await evaluateModel(context);

    const missing = await runGate(context, evaluation, registry);
    expect(missing.verdict).toBe("pass");
    expect(missing.outcomes[0]).toMatchObject({
      verdict: "skipped",
      reason: 'no "champion" in the registry and no metrics file base/metrics.json: this is a first run',
    });

    await mkdir(path.join(dir, "base"));
    await writeFile(path.join(dir, "base/metrics.json"), JSON.stringify({ accuracy: 0.95 }));
    const compared = await runGate(context, evaluation, registry);
    expect(compared.baseline).toEqual({ description: "metrics file base/metrics.json", version: null });
    expect(compared.verdict).toBe("fail");

    await writeFile(path.join(dir, "base/metrics.json"), "accuracy = 0.95");
    const broken = await runGate(context, evaluation, registry);
    expect(broken.verdict).toBe("error");
    expect(broken.notes[0]).toMatch(
      /^The baseline could not be fetched: metrics file base\/metrics\.json is not valid JSON/,
    );
  });

  it("says why change rules do not apply with `baseline: none`", async () => {
    const dir = await tempDir();
    const context = stageContext(
      parse(config(["{ metric: accuracy, min: 0.5, max_regression: 0.02 }"], { baseline: "none" }), dir),
    );
    await writeFile(path.join(dir, "predictions.csv"), csv(rows(50, 0.8, 1)));
    const result = await runGate(
      context,
      await evaluateModel(context),
      createRegistry(createLocalStore(context.workspace.registryDir)),
    );
    expect(result.notes).toEqual([]);
    expect(result.outcomes.map((o) => [o.kind, o.verdict, o.reason])).toEqual([
      ["value", "pass", expect.stringMatching(/is >= 0\.5$/)],
      ["change", "skipped", "gate.baseline is none, so change rules do not apply"],
    ]);
  });

  it("records the rules' lines and the config's path from the repository root, for annotations", async () => {
    const project = await setup(config(["{ metric: accuracy, min: 0.5 }", "{ metric: f1, min: 0.5 }"]), csv(champion));
    const result = await project.gate(rows(400, 0.8, 2));
    expect(result.rules).toEqual([
      { metric: "accuracy", line: 10, description: null },
      { metric: "f1", line: 11, description: null },
    ]);
    expect(result.configFile).toBe("mlops.yml");
    expect(result.source).toEqual({
      repository: null,
      workflow: null,
      job: null,
      runUrl: null,
      pullRequest: null,
      commit: null,
    });
  });
});
