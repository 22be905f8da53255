import { spawn } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { parse } from "yaml";
import { KIT_ACTIONS } from "../../src/init/pins.ts";
import { runCompositeAction, type StepRecord } from "./composite.ts";
import { stepEvaluator } from "./expressions.ts";
import { workflowYamlErrors } from "./github-yaml.ts";
import { type ActionRun, parseOutputFile, REPO_ROOT, runBundledAction, type RunnerEnvironment } from "./runner.ts";

/**
 * Runs one job of a workflow file (one `mlops init` wrote) the way the runner runs it, step by step. The file must
 * pass GitHub's workflow parser first. The job's token is the one its `permissions: contents` grants (a read-only
 * token for `read`), so a job that asks too little fails as it would on GitHub. Each step's `if:`, `with:` and `env:`
 * are evaluated by GitHub's expression engine; the kit's own actions run as their bundles (a composite step by step),
 * with their action.yml defaults filled in as the runner fills them; `run:` steps run in bash as the runner's default
 * shell does. Third-party actions are the runner's business here: the workspace already is the checkout and Node.js
 * is there, so they are recorded as skipped-by-us, by name, for the test to see.
 */

interface WorkflowStep {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  "working-directory"?: string;
  "continue-on-error"?: boolean;
}

interface WorkflowJob {
  permissions?: Record<string, string>;
  outputs?: Record<string, string>;
  steps: WorkflowStep[];
}

/** What a job of a run sees of the jobs before it and of its matrix leg. */
export interface JobContexts {
  /** The `needs` context: each needed job's outputs (and result). */
  needs?: Record<string, { outputs: Record<string, string>; result?: string }>;
  /** The `matrix` context of this leg. */
  matrix?: Record<string, string | number | boolean>;
  /** The job's `runner.temp`, for files a test puts there first (what a download step would have fetched). */
  runnerTemp?: string;
}

export interface JobTokens {
  /** The token of a job granted `contents: read` (the stand-in knows it as read-only). */
  read: string;
  /** The token of a job granted `contents: write`. */
  write: string;
}

export interface JobRun {
  conclusion: "success" | "failure";
  /** The token the job was given, by its permissions. */
  token: string;
  steps: Record<string, StepRecord>;
  /** The job's `outputs:`, evaluated once its steps ran (for the `needs` context of the jobs after it). */
  outputs: Record<string, string>;
  /** The `runner.temp` folder the job's expressions saw. */
  temp: string;
  /** The kit's action runs, by step id. */
  runs: Record<string, ActionRun>;
  /** Third-party actions the job uses, not run here. */
  thirdParty: string[];
  output: string;
}

export async function runWorkflowJob(
  file: string,
  jobId: string,
  runner: RunnerEnvironment,
  tokens: JobTokens,
  /** The `inputs` context: a workflow_dispatch's inputs. */
  inputs: Record<string, string | boolean> = {},
  contexts: JobContexts = {},
): Promise<JobRun> {
  expect(await workflowYamlErrors(file)).toEqual([]);
  const workflow = parse(await readFile(file, "utf8")) as { jobs: Record<string, WorkflowJob> };
  const job = workflow.jobs[jobId];
  if (!job) throw new Error(`${file} has no job ${jobId}`);
  const token = job.permissions?.contents === "write" ? tokens.write : tokens.read;
  const github = {
    token,
    workspace: runner.workspace,
    event_name: runner.event?.name ?? "push",
    event: runner.event?.payload ?? {},
    ref: runner.env?.GITHUB_REF ?? "refs/heads/main",
  };
  const steps: Record<string, StepRecord> = {};
  const runs: Record<string, ActionRun> = {};
  const thirdParty: string[] = [];
  let failed = false;
  let output = "";
  const { needs = {}, matrix = {} } = contexts;
  const temp = contexts.runnerTemp ?? (await mkdtemp(path.join(os.tmpdir(), "mlops-job-")));
  const { interpolate, shouldRun } = stepEvaluator(
    () => ({ github, steps, vars: {}, env: {}, inputs, secrets: {}, needs, matrix, runner: { temp, os: "Linux" } }),
    () => failed,
  );
  const evaluated = (values: Record<string, unknown> = {}): Record<string, string> =>
    Object.fromEntries(Object.entries(values).map(([key, value]) => [key, interpolate(String(value))]));

  for (const [index, step] of job.steps.entries()) {
    const id = step.id ?? `__${index}`;
    if (!shouldRun(step.if)) {
      steps[id] = { outcome: "skipped", conclusion: "skipped", outputs: {} };
      continue;
    }
    let exitCode: number | null;
    let outputs: Record<string, string> = {};
    const kit = step.uses?.startsWith(`${KIT_ACTIONS}/`) ? /\/actions\/([\w-]+)@/.exec(step.uses)?.[1] : undefined;
    if (kit) {
      const inputs = { ...(await actionDefaults(kit, interpolate)), ...evaluated(step.with) };
      const composite = await isComposite(kit);
      const run = composite
        ? await runCompositeAction(kit, inputs, { ...runner, token })
        : await runBundledAction(kit, inputs, runner);
      exitCode = "conclusion" in run ? (run.conclusion === "success" ? 0 : 1) : run.exitCode;
      outputs = run.outputs;
      if (!("conclusion" in run)) runs[id] = run;
      output += "stdout" in run ? run.stdout : "";
      if ("stderr" in run) output += run.stderr;
    } else if (step.uses) {
      thirdParty.push(step.uses.split("@")[0] ?? step.uses);
      steps[id] = { outcome: "success", conclusion: "success", outputs: {} };
      continue;
    } else {
      const cwd = path.join(runner.workspace, step["working-directory"] ?? ".");
      const outputFile = path.join(await mkdtemp(path.join(temp, "step-")), "output");
      await writeFile(outputFile, "");
      const shell = await runShell(interpolate(step.run ?? ""), cwd, {
        ...runner.env,
        ...evaluated(step.env),
        GITHUB_OUTPUT: outputFile,
      });
      exitCode = shell.exitCode;
      outputs = parseOutputFile(await readFile(outputFile, "utf8"));
      output += shell.output;
    }
    const outcome = exitCode === 0 ? "success" : "failure";
    const conclusion = outcome === "failure" && step["continue-on-error"] ? "success" : outcome;
    if (conclusion === "failure") failed = true;
    steps[id] = { outcome, conclusion, outputs };
  }
  return {
    conclusion: failed ? "failure" : "success",
    token,
    steps,
    outputs: evaluated(job.outputs),
    temp,
    runs,
    thirdParty,
    output,
  };
}

async function actionDefinition(action: string): Promise<{
  inputs?: Record<string, { default?: string }>;
  runs: { using: string };
}> {
  return parse(await readFile(path.join(REPO_ROOT, "actions", action, "action.yml"), "utf8")) as {
    inputs?: Record<string, { default?: string }>;
    runs: { using: string };
  };
}

async function isComposite(action: string): Promise<boolean> {
  return (await actionDefinition(action)).runs.using === "composite";
}

/** The inputs a step leaves out, as the runner fills them: each default evaluated (`${{ github.token }}`). */
async function actionDefaults(action: string, interpolate: (text: string) => string): Promise<Record<string, string>> {
  const { inputs = {} } = await actionDefinition(action);
  return Object.fromEntries(Object.entries(inputs).map(([name, spec]) => [name, interpolate(spec.default ?? "")]));
}

/** A `run:` step in the runner's default shell on Linux: `bash --noprofile --norc -eo pipefail`. */
function runShell(
  script: string,
  cwd: string,
  env: Record<string, string>,
): Promise<{ exitCode: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], {
      cwd,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? cwd, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", (exitCode) => resolve({ exitCode, output }));
  });
}
