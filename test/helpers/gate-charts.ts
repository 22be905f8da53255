import { writeFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "vitest";
import { type GateResult, runGate } from "../../src/gate/gate.ts";
import { runEvaluateStage } from "../../src/pipeline/stages.ts";
import { createRegistry } from "../../src/registry/registry.ts";
import { createLocalStore } from "../../src/store/local-store.ts";
import { KIT_VERSION } from "../../src/version.ts";
import { parse } from "./config.ts";
import { stageContext } from "./context.ts";
import { publishInput } from "./publish.ts";
import { tempDir, writeFiles } from "./temp.ts";
import { mermaidCharts, parseXyChart } from "./xychart.ts";

/** The gate's charts from real predictions files and a real (folder) registry: shared by test/gate's chart tests. */

/** n rows with labels 0/1 in turn and scores that separate them `strength` well, from a fixed seed. */
export function binaryRows(
  n: number,
  strength: number,
  seed: number,
  group = (i: number): string => (i % 3 === 0 ? "a" : "b"),
) {
  let state = seed;
  const next = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: n }, (_, i) => {
    const label = i % 2 === 0 ? 1 : 0;
    const score = Math.round(Math.min(1, Math.max(0, next() * (1 - strength) + strength * label)) * 100) / 100;
    return `${label},${score >= 0.5 ? 1 : 0},${score},${group(i)}`;
  });
}

export const binaryCsv = (rows: string[]): string => ["label,prediction,score,group", ...rows].join("\n") + "\n";

export const binaryConfig = (rules: string[]): string => `version: 1
model: { name: churn }
evaluate:
  predictions: { path: predictions.csv, score: score }
  slices: [group]
gate:
  baseline: champion
  bootstrap: { resamples: 200, seed: 7 }
  rules:
${rules.map((rule) => `    - ${rule}`).join("\n")}
`;

/** Publishes `champion` (evaluated under `configText`) as the champion, then gates `candidate` against it. */
export async function gateAgainstChampion(
  configText: string,
  champion: string,
  candidate: string,
  options: { storePredictions?: boolean } = {},
): Promise<GateResult> {
  const dir = await tempDir();
  const context = stageContext(parse(configText, dir));
  const registry = createRegistry(createLocalStore(context.workspace.registryDir), context.now);
  await writeFile(path.join(dir, "predictions.csv"), champion);
  const evaluated = (await runEvaluateStage(context)).result;
  const [model] = await writeFiles(path.join(dir, "champion"), { "model.txt": "weights" });
  const manifest = await registry.publish(
    publishInput({
      model: context.loaded.config.model.name,
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
  await registry.moveAlias(context.loaded.config.model.name, "champion", manifest.version, {
    at: context.now().toISOString(),
    actor: null,
    reason: "test",
    runUrl: null,
    forced: false,
  });
  await writeFile(path.join(dir, "predictions.csv"), candidate);
  return runGate(context, (await runEvaluateStage(context)).result, registry);
}

/** Every chart of a report is well-formed xychart-beta, and no fence is left open. */
export function expectWellFormedCharts(markdown: string): string[] {
  const { charts, unclosed } = mermaidCharts(markdown);
  expect(unclosed).toBe(false);
  for (const chart of charts) expect(parseXyChart(chart).problems, chart).toEqual([]);
  return charts;
}
