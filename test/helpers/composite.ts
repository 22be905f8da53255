import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { stepEvaluator } from "./expressions.ts";
import { REPO_ROOT, runBundledAction, type ActionRun, type RunnerEnvironment } from "./runner.ts";

/**
 * Runs one of our composite actions the way the runner does, step by step: each step's `if:` (default `success()`)
 * and `with:` are evaluated by GitHub's own expression engine (@actions/expressions) against the `inputs`, `steps`
 * and `github` contexts; `uses: $/actions/x` runs our bundled action x (this repository at the running commit);
 * `continue-on-error` turns a failed outcome into a successful conclusion; outputs come from their `value:`
 * expressions. Only the runner itself is imitated; the steps are the real bundles.
 */

interface CompositeStep {
  id?: string;
  if?: string;
  uses?: string;
  with?: Record<string, string>;
  "continue-on-error"?: boolean;
}

interface CompositeDefinition {
  inputs?: Record<string, { default?: string }>;
  outputs?: Record<string, { value: string }>;
  runs: { using: string; steps: CompositeStep[] };
}

export interface StepRecord {
  outcome: "success" | "failure" | "skipped";
  conclusion: "success" | "failure" | "skipped";
  outputs: Record<string, string>;
}

export interface CompositeRun {
  /** failure when a step's conclusion is failure, as the runner marks the composite step. */
  conclusion: "success" | "failure";
  outputs: Record<string, string>;
  steps: Record<string, StepRecord>;
  runs: Record<string, ActionRun>;
  summary: string;
  stdout: string;
}

export async function runCompositeAction(
  action: string,
  inputs: Record<string, string>,
  runner: RunnerEnvironment & { token?: string },
): Promise<CompositeRun> {
  const definition = parse(
    await readFile(path.join(REPO_ROOT, "actions", action, "action.yml"), "utf8"),
  ) as CompositeDefinition;
  if (definition.runs.using !== "composite") throw new Error(`actions/${action} is not a composite action`);
  const github = { token: runner.token ?? "", workspace: runner.workspace };
  const steps: Record<string, StepRecord> = {};
  const runs: Record<string, ActionRun> = {};
  let failed = false;
  const { interpolate, shouldRun } = stepEvaluator(
    () => ({ inputs: resolvedInputs, steps, github }),
    () => failed,
  );

  let resolvedInputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(definition.inputs ?? {})) resolvedInputs[name] = spec.default ?? "";
  resolvedInputs = Object.fromEntries(
    Object.entries(resolvedInputs).map(([name, value]) => [name, interpolate(value)]),
  );
  Object.assign(resolvedInputs, inputs);

  let summary = "";
  let stdout = "";
  for (const [index, step] of definition.runs.steps.entries()) {
    const id = step.id ?? `__${index}`;
    if (!shouldRun(step.if)) {
      steps[id] = { outcome: "skipped", conclusion: "skipped", outputs: {} };
      continue;
    }
    const uses = step.uses ?? "";
    const local = /^\$\/actions\/([\w-]+)$/.exec(uses);
    if (!local?.[1]) throw new Error(`step ${id}: only $/actions/<name> steps are run here, not "${uses}"`);
    const withValues = Object.fromEntries(
      Object.entries(step.with ?? {}).map(([key, value]) => [key, interpolate(String(value))]),
    );
    const run = await runBundledAction(local[1], withValues, runner);
    runs[id] = run;
    summary += run.summary;
    stdout += run.stdout;
    const outcome = run.exitCode === 0 ? "success" : "failure";
    const conclusion = outcome === "failure" && step["continue-on-error"] ? "success" : outcome;
    if (conclusion === "failure") failed = true;
    steps[id] = { outcome, conclusion, outputs: run.outputs };
  }
  const outputs = Object.fromEntries(
    Object.entries(definition.outputs ?? {}).map(([name, spec]) => [name, interpolate(spec.value)]),
  );
  return { conclusion: failed ? "failure" : "success", outputs, steps, runs, summary, stdout };
}
