import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { TEMPLATE_DEFAULTS, workflowTemplates, type WorkflowOptions } from "../../src/init/workflows.ts";
import { KIT_VERSION } from "../../src/version.ts";
import { workflowYamlErrors } from "../helpers/github-yaml.ts";
import { REPO_ROOT } from "../helpers/runner.ts";
import { tempDir } from "../helpers/temp.ts";
import { checkWorkflowSecurity } from "../helpers/workflow-security.ts";

/**
 * The scheduled batch-scoring workflow (mlops-predict.yml) as `mlops init` writes it: one job, or with predict.shards
 * > 1 a version job that pins the version, a matrix of legs and a finish job; per registry backend and data place.
 * Every input it passes, and every output it reads, is held against actions/predict/action.yml as generated.
 */

const KIT_SHA = "0123456789abcdef0123456789abcdef01234567";
const OPTIONS: WorkflowOptions = { ...TEMPLATE_DEFAULTS, kit: { kind: "commit", sha: KIT_SHA, version: KIT_VERSION } };
const KIT_PREDICT = `mlops-kit/mlops-kit/actions/predict@${KIT_SHA}`;

interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  name?: string;
  if?: string;
  needs?: string | string[];
  "runs-on": unknown;
  permissions: Record<string, string>;
  strategy?: { "fail-fast"?: boolean; matrix: unknown };
  outputs?: Record<string, string>;
  steps: Step[];
}
interface PredictWorkflowFile {
  on: {
    schedule: { cron: string }[];
    workflow_dispatch: { inputs: Record<string, { type: string; default: unknown }> };
  };
  permissions: object;
  concurrency: { group: string; queue?: string; "cancel-in-progress"?: boolean };
  jobs: Record<string, Job>;
}

const predictOf = (
  shards: number,
  places: { inputOnS3?: boolean; outputOnS3?: boolean } = {},
): WorkflowOptions["predict"] => ({
  cron: "23 2 * * *",
  shards,
  inputOnS3: places.inputOnS3 ?? false,
  outputOnS3: places.outputOnS3 ?? true,
});

function predictFile(options: WorkflowOptions): { content: string; workflow: PredictWorkflowFile; purpose: string } {
  const file = workflowTemplates(options).find((f) => f.path === "mlops-predict.yml");
  if (!file) throw new Error("no mlops-predict.yml was rendered");
  return { content: file.content, workflow: parse(file.content) as PredictWorkflowFile, purpose: file.purpose };
}

const stepOf = (job: Job | undefined, uses: string): Step | undefined =>
  job?.steps.find((step) => step.uses?.startsWith(uses));
const usesOf = (job: Job | undefined): string[] => (job?.steps ?? []).map((s) => s.uses?.replace(/@.*/, "") ?? "run");

async function parserErrors(content: string): Promise<unknown[]> {
  const file = path.join(await tempDir(), "mlops-predict.yml");
  await writeFile(file, content);
  return workflowYamlErrors(file);
}

/** actions/predict/action.yml as `npm run docs` generated it from the stage's definition. */
async function predictAction(): Promise<{ inputs: string[]; outputs: string[] }> {
  const action = parse(await readFile(path.join(REPO_ROOT, "actions/predict/action.yml"), "utf8")) as {
    inputs: Record<string, unknown>;
    outputs: Record<string, unknown>;
  };
  return { inputs: Object.keys(action.inputs), outputs: Object.keys(action.outputs) };
}

/** Every predict step takes only inputs the action declares; each `steps.predict.outputs.x` is an output it sets. */
async function expectWiredToTheAction(workflow: PredictWorkflowFile): Promise<void> {
  const action = await predictAction();
  for (const [name, job] of Object.entries(workflow.jobs)) {
    const step = stepOf(job, KIT_PREDICT);
    expect(step, name).toBeDefined();
    for (const input of Object.keys(step?.with ?? {})) expect(action.inputs, `${name}: ${input}`).toContain(input);
    const read = JSON.stringify(job).matchAll(/steps\.predict\.outputs\.([\w-]+)/g);
    for (const [, output] of read) expect(action.outputs, `${name}: ${output}`).toContain(output);
  }
}

describe("mlops-predict.yml's shape", () => {
  it("is written only when mlops.yml has a predict section", () => {
    expect(workflowTemplates({ ...OPTIONS, predict: null }).map((f) => f.path)).not.toContain("mlops-predict.yml");
    expect(workflowTemplates(OPTIONS).map((f) => f.path)).toContain("mlops-predict.yml");
  });

  it("runs on predict.schedule and on dispatch with a version and force; runs of one model queue, never overlap", () => {
    const { workflow, purpose } = predictFile({ ...OPTIONS, model: "churn", predict: predictOf(1) });
    expect(workflow.on.schedule).toEqual([{ cron: "23 2 * * *" }]);
    expect(Object.entries(workflow.on.workflow_dispatch.inputs).map(([name, i]) => [name, i.type, i.default])).toEqual([
      ["version", "string", ""],
      ["force", "boolean", false],
    ]);
    expect(workflow.permissions).toEqual({});
    expect(workflow.concurrency).toEqual({ group: "mlops-predict-churn", queue: "max" });
    expect(purpose).toContain("23 2 * * *, UTC");
  });

  it.each([
    ["s3", { contents: "read", "id-token": "write" }],
    ["github", { contents: "write", "id-token": "write" }],
    ["folder", { contents: "read", "id-token": "write" }],
  ] as const)(
    "one job with a %s registry and the predictions on S3: it records, so it may write the registry, and nothing more",
    async (registry, permissions) => {
      const { content, workflow } = predictFile({ ...OPTIONS, registry, predict: predictOf(1) });
      expect(await parserErrors(content)).toEqual([]);
      expect(checkWorkflowSecurity(content, "mlops-predict.yml")).toEqual([]);
      expect(Object.keys(workflow.jobs)).toEqual(["predict"]);
      const job = workflow.jobs.predict;
      expect(job?.permissions).toEqual(permissions);
      expect(usesOf(job)).toEqual([
        "actions/checkout",
        "aws-actions/configure-aws-credentials",
        "mlops-kit/mlops-kit/actions/predict",
      ]);
      // The step fails the job when scoring fails: nothing swallows it.
      expect(stepOf(job, KIT_PREDICT)).toEqual({
        id: "predict",
        uses: KIT_PREDICT,
        with: { version: "${{ inputs.version }}", force: "${{ inputs.force || false }}" },
      });
      expect(stepOf(job, "aws-actions/")?.with?.["role-to-assume"]).toBe("${{ vars.MLOPS_AWS_ROLE_ARN }}");
      await expectWiredToTheAction(workflow);
    },
  );

  it.each([
    ["s3", { contents: "read", "id-token": "write" }, { contents: "read", "id-token": "write" }],
    ["github", { contents: "read" }, { contents: "write", "id-token": "write" }],
    ["folder", { contents: "read" }, { contents: "read", "id-token": "write" }],
  ] as const)(
    "shards > 1 with a %s registry and the predictions on S3: a version job and legs that only read it, one finish that writes",
    async (registry, versionPermissions, finishPermissions) => {
      const { content, workflow } = predictFile({ ...OPTIONS, registry, predict: predictOf(3) });
      expect(await parserErrors(content)).toEqual([]);
      expect(checkWorkflowSecurity(content, "mlops-predict.yml")).toEqual([]);
      expect(Object.keys(workflow.jobs)).toEqual(["version", "leg", "finish"]);
      const { version, leg, finish } = workflow.jobs;

      // The version job resolves the alias (or the dispatched version) once and scores nothing.
      expect(version?.needs).toBeUndefined();
      expect(version?.permissions).toEqual(versionPermissions);
      expect(version?.outputs).toEqual({
        version: "${{ steps.predict.outputs.version }}",
        alias: "${{ steps.predict.outputs.alias }}",
      });
      expect(stepOf(version, KIT_PREDICT)).toEqual({
        id: "predict",
        uses: KIT_PREDICT,
        with: { version: "${{ inputs.version }}", plan: true },
      });

      // The legs score their blocks with the pinned version; one failing leaves the others running.
      expect(leg?.needs).toBe("version");
      expect(leg?.strategy).toEqual({ "fail-fast": false, matrix: { shard: [1, 2, 3] } });
      expect(leg?.permissions).toEqual({ ...versionPermissions, "id-token": "write" });
      expect(stepOf(leg, KIT_PREDICT)?.with).toEqual({
        version: "${{ needs.version.outputs.version }}",
        alias: "${{ needs.version.outputs.alias }}",
        shard: "${{ matrix.shard }}/3",
        force: "${{ inputs.force || false }}",
      });

      // The finish runs only when every leg succeeded (no `if:`), with the same version, and only it writes.
      expect(finish?.needs).toEqual(["version", "leg"]);
      expect(finish?.if).toBeUndefined();
      expect(finish?.permissions).toEqual(finishPermissions);
      expect(stepOf(finish, KIT_PREDICT)?.with).toEqual({
        version: "${{ needs.version.outputs.version }}",
        alias: "${{ needs.version.outputs.alias }}",
        finish: true,
      });
      const writers = Object.entries(workflow.jobs).filter(([, job]) => job.permissions.contents === "write");
      expect(writers.map(([name]) => name)).toEqual(registry === "github" ? ["finish"] : []);
      // Every job that reaches S3 assumes the role that writes (the read-only one trusts pull requests); the version
      // job reaches only the registry.
      for (const [job, reachesS3] of [
        [version, registry === "s3"],
        [leg, true],
        [finish, true],
      ] as const) {
        expect(usesOf(job).includes("aws-actions/configure-aws-credentials")).toBe(reachesS3);
        if (reachesS3)
          expect(stepOf(job, "aws-actions/")?.with?.["role-to-assume"]).toBe("${{ vars.MLOPS_AWS_ROLE_ARN }}");
      }
      await expectWiredToTheAction(workflow);
    },
  );

  it("the scoring jobs run where training runs and set up what it needs; the version and finish jobs need neither", () => {
    const { workflow } = predictFile({
      ...OPTIONS,
      registry: "folder",
      trainRunsOn: ["self-hosted", "gpu"],
      setup: { kind: "python", version: "3.12" },
      predict: predictOf(2),
    });
    const { version, leg, finish } = workflow.jobs;
    expect(leg?.["runs-on"]).toEqual(["self-hosted", "gpu"]);
    expect(usesOf(leg)).toContain("actions/setup-python");
    for (const job of [version, finish]) {
      expect(job?.["runs-on"]).toBe("ubuntu-latest");
      expect(usesOf(job)).not.toContain("actions/setup-python");
    }
    const single = predictFile({ ...OPTIONS, setup: { kind: "python", version: "3.12" }, predict: predictOf(1) });
    expect(usesOf(single.workflow.jobs.predict)).toContain("actions/setup-python");
  });

  it("data on S3 beside a registry that needs no AWS: the jobs that read or write it assume the role, the version job does not", async () => {
    for (const shards of [1, 2]) {
      const { content, workflow } = predictFile({
        ...OPTIONS,
        registry: "github",
        predict: predictOf(shards, { inputOnS3: true, outputOnS3: false }),
      });
      expect(await parserErrors(content)).toEqual([]);
      expect(checkWorkflowSecurity(content, "mlops-predict.yml")).toEqual([]);
      const readers = shards === 1 ? [workflow.jobs.predict] : [workflow.jobs.leg, workflow.jobs.finish];
      for (const job of readers) {
        expect(job?.permissions["id-token"]).toBe("write");
        expect(stepOf(job, "aws-actions/configure-aws-credentials@")?.with).toEqual({
          "role-to-assume": "${{ vars.MLOPS_AWS_ROLE_ARN }}",
          "aws-region": "${{ vars.MLOPS_AWS_REGION || 'us-east-1' }}",
        });
      }
      if (shards > 1) {
        expect(workflow.jobs.version?.permissions).toEqual({ contents: "read" });
        expect(usesOf(workflow.jobs.version)).not.toContain("aws-actions/configure-aws-credentials");
      }
    }
    const none = predictFile({ ...OPTIONS, registry: "github", predict: predictOf(2, { outputOnS3: false }) });
    expect(none.content).not.toContain("id-token");
  });

  it("a folder output is kept as an artifact once complete (it is lost with the runner); an S3 one is not", async () => {
    const { content, workflow } = predictFile({ ...OPTIONS, predict: predictOf(1, { outputOnS3: false }) });
    expect(await parserErrors(content)).toEqual([]);
    expect(checkWorkflowSecurity(content, "mlops-predict.yml")).toEqual([]);
    expect(stepOf(workflow.jobs.predict, "actions/upload-artifact@")).toMatchObject({
      if: "steps.predict.outputs.state == 'complete'",
      with: { name: "mlops-predictions", path: "${{ steps.predict.outputs.location }}", "if-no-files-found": "error" },
    });
    await expectWiredToTheAction(workflow);
    const onS3 = predictFile({ ...OPTIONS, predict: predictOf(1, { outputOnS3: true }) });
    expect(usesOf(onS3.workflow.jobs.predict)).not.toContain("actions/upload-artifact");
  });

  it("says in its header when the registry is a folder, and how a matrix reruns", () => {
    expect(predictFile({ ...OPTIONS, registry: "folder" }).content).toContain(
      "# registry.uri is a folder: the scoring record a run appends is lost with its runner.",
    );
    expect(predictFile({ ...OPTIONS, registry: "s3" }).content).not.toContain("registry.uri is a folder");
    expect(predictFile({ ...OPTIONS, predict: predictOf(4) }).content).toContain(
      '"Re-run failed jobs" scores only what is missing, with the same version.',
    );
  });
});
