import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { TEMPLATE_DEFAULTS, workflowTemplates, type WorkflowOptions } from "../../src/init/workflows.ts";
import type { DeployWorkflow } from "../../src/init/workflows/options.ts";
import { KIT_VERSION } from "../../src/version.ts";
import { stepEvaluator } from "../helpers/expressions.ts";
import { workflowYamlErrors } from "../helpers/github-yaml.ts";
import { tempDir } from "../helpers/temp.ts";
import { checkWorkflowSecurity } from "../helpers/workflow-security.ts";

/**
 * The deploy jobs as `mlops init` writes them (issue 20, docs/workflows.md "Deploy jobs"): in the main workflow after
 * publish when deploy.approval is `environment`, in mlops-promote.yml (dispatched by hand on the default branch) when
 * it is `dispatch`. Each file passes GitHub's parser and the security rules; the jobs' `if:` conditions are evaluated
 * by GitHub's expression engine over the outcomes a run can have.
 */

const KIT_SHA = "0123456789abcdef0123456789abcdef01234567";
const OPTIONS: WorkflowOptions = { ...TEMPLATE_DEFAULTS, kit: { kind: "commit", sha: KIT_SHA, version: KIT_VERSION } };
const KIT_DEPLOY = `mlops-kit/mlops-kit/actions/deploy@${KIT_SHA}`;
const KIT_CANARY = `mlops-kit/mlops-kit/actions/canary@${KIT_SHA}`;
const ON_DEFAULT_BRANCH = "github.ref == format('refs/heads/{0}', github.event.repository.default_branch)";

interface Step {
  id?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  name?: string;
  needs?: string | string[];
  if?: string;
  environment?: { name: string; url?: string };
  concurrency?: { group: string; "cancel-in-progress"?: boolean; queue?: string };
  "timeout-minutes"?: number;
  permissions: Record<string, string>;
  outputs?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, { inputs?: Record<string, Record<string, unknown>> } | null>;
  permissions: object;
  concurrency?: { group: string; queue?: string };
  jobs: Record<string, Job>;
}

const target = (name: string, alias: string, environment = name) => ({ name, alias, environment, timeoutMinutes: 30 });

/** Production listed first: the jobs still deploy staging before the champion. */
const TWO_TARGETS: DeployWorkflow = {
  approval: "environment",
  targets: [target("production", "champion", "prod"), target("staging", "staging")],
  canary: null,
};
const WITH_CANARY: DeployWorkflow = {
  approval: "environment",
  targets: [target("canary", "canary"), target("production", "champion")],
  canary: { target: "canary", promoteTo: "production", bakeMinutes: 120 },
};

function rendered(options: WorkflowOptions, file: string): { content: string; workflow: Workflow } | undefined {
  const found = workflowTemplates(options).find((f) => f.path === file);
  return found ? { content: found.content, workflow: parse(found.content) as Workflow } : undefined;
}

async function valid(content: string, file: string): Promise<void> {
  const where = path.join(await tempDir(), file);
  await writeFile(where, content);
  expect(await workflowYamlErrors(where)).toEqual([]);
  expect(checkWorkflowSecurity(content, file)).toEqual([]);
}

const deployStep = (job: Job | undefined): Step | undefined => job?.steps.find((s) => s.uses === KIT_DEPLOY);

/**
 * Whether a job runs, as GitHub decides: its `if:` (default success()) with success() meaning every job it needs
 * succeeded, over the `needs`, `inputs` and `github` contexts of the run.
 */
function runs(
  job: Job | undefined,
  contexts: {
    needs?: Record<string, { result: string; outputs: Record<string, string> }>;
    inputs?: Record<string, string>;
    ref?: string;
  },
): boolean {
  const needs = contexts.needs ?? {};
  const { shouldRun } = stepEvaluator(
    () => ({
      needs,
      inputs: contexts.inputs ?? {},
      github: { ref: contexts.ref ?? "refs/heads/main", event: { repository: { default_branch: "main" } } },
    }),
    () => Object.values(needs).some((need) => need.result !== "success"),
  );
  return shouldRun(job?.if);
}

describe("deploy jobs in mlops-main.yml (deploy.approval: environment)", () => {
  it.each([
    ["s3", { contents: "read", "id-token": "write" }],
    ["github", { contents: "write" }],
    ["folder", { contents: "read" }],
  ] as const)(
    "one job per target after publish, staging before the champion, each in its Environment (%s registry)",
    async (registry, registryPermissions) => {
      const main = rendered({ ...OPTIONS, registry, deploy: TWO_TARGETS }, "mlops-main.yml");
      if (!main) throw new Error("no mlops-main.yml");
      await valid(main.content, "mlops-main.yml");
      const { jobs } = main.workflow;
      expect(Object.keys(jobs)).toEqual(["publish", "deploy-staging", "deploy-production"]);
      expect(jobs.publish?.outputs).toEqual({
        version: "${{ steps.publish.outputs.version }}",
        verdict: "${{ steps.gate.outputs.verdict }}",
      });
      const staging = jobs["deploy-staging"];
      const production = jobs["deploy-production"];
      expect(staging?.needs).toBe("publish");
      expect(production?.needs).toEqual(["publish", "deploy-staging"]);
      expect(staging?.environment).toEqual({ name: "staging", url: "${{ steps.deploy.outputs.environment-url }}" });
      expect(production?.environment).toEqual({ name: "prod", url: "${{ steps.deploy.outputs.environment-url }}" });
      for (const [name, job] of [
        ["staging", staging],
        ["production", production],
      ] as const) {
        expect(job?.permissions).toEqual({
          deployments: "write",
          actions: "read",
          issues: "write",
          ...registryPermissions,
        });
        expect(job?.concurrency).toEqual({ group: `mlops-deploy-my-model-${name}`, "cancel-in-progress": false });
        expect(job?.["timeout-minutes"]).toBe(50);
        expect(deployStep(job)).toEqual({
          id: "deploy",
          uses: KIT_DEPLOY,
          with: { target: name, version: "${{ needs.publish.outputs.version }}" },
        });
        const credentials = job?.steps.some((s) => s.uses?.startsWith("aws-actions/configure-aws-credentials@"));
        expect(credentials).toBe(registry === "s3");
      }
      // Only the publish job and the deploy jobs hold write access to a github:// registry.
      const writers = Object.entries(jobs).filter(([, job]) => job.permissions.contents === "write");
      expect(writers.map(([id]) => id)).toEqual(registry === "github" ? Object.keys(jobs) : []);
    },
  );

  it("a deploy runs only when the gate passed and the version was published", () => {
    const jobs = rendered({ ...OPTIONS, deploy: TWO_TARGETS }, "mlops-main.yml")?.workflow.jobs ?? {};
    const published = (verdict: string, version: string, result = "success") => ({
      needs: { publish: { result, outputs: { verdict, version } } },
    });
    const staging = jobs["deploy-staging"];
    expect(runs(staging, published("pass", "v7"))).toBe(true);
    expect(runs(staging, published("fail", "v7", "failure"))).toBe(false);
    // A gate that did not pass, even in a job that succeeded (the verdict decides, not the job's outcome).
    expect(runs(staging, published("skipped", "v7"))).toBe(false);
    expect(runs(staging, published("pass", ""))).toBe(false);
    const production = jobs["deploy-production"];
    const after = (staged: string) => ({
      needs: {
        publish: { result: "success", outputs: { verdict: "pass", version: "v7" } },
        "deploy-staging": { result: staged, outputs: {} },
      },
    });
    expect(runs(production, after("success"))).toBe(true);
    expect(runs(production, after("failure"))).toBe(false);
  });

  it("the publish group holds only the publish job, so a deploy waiting for reviewers never holds up the next push", () => {
    const plain = rendered({ ...OPTIONS, deploy: null }, "mlops-main.yml")?.workflow;
    expect(plain?.concurrency).toEqual({ group: "mlops-publish-my-model", queue: "max" });
    expect(Object.keys(plain?.jobs ?? {})).toEqual(["publish"]);
    expect(plain?.jobs.publish?.outputs).toBeUndefined();
    const deploying = rendered({ ...OPTIONS, deploy: TWO_TARGETS }, "mlops-main.yml")?.workflow;
    expect(deploying?.concurrency).toBeUndefined();
    expect(deploying?.jobs.publish?.concurrency).toEqual({ group: "mlops-publish-my-model", queue: "max" });
  });

  it("with a canary: deploy it, judge it in its Environment after the bake, then deploy a passing one to production", async () => {
    const main = rendered({ ...OPTIONS, registry: "github", deploy: WITH_CANARY }, "mlops-main.yml");
    if (!main) throw new Error("no mlops-main.yml");
    await valid(main.content, "mlops-main.yml");
    const { jobs } = main.workflow;
    expect(Object.keys(jobs)).toEqual(["publish", "deploy-canary", "canary-judge", "deploy-production"]);
    const judge = jobs["canary-judge"];
    expect(judge?.needs).toBe("deploy-canary");
    expect(judge?.if).toBeUndefined();
    // A failed canary's rollback deploys to the canary target and moves its alias.
    expect(judge?.environment).toEqual({ name: "canary" });
    expect(judge?.concurrency).toEqual(jobs["deploy-canary"]?.concurrency);
    expect(judge?.["timeout-minutes"]).toBe(150);
    expect(judge?.permissions).toEqual({ contents: "write", deployments: "write", actions: "read", issues: "write" });
    expect(judge?.outputs).toEqual({
      verdict: "${{ steps.canary.outputs.verdict }}",
      version: "${{ steps.canary.outputs.version }}",
    });
    expect(judge?.steps.find((s) => s.uses === KIT_CANARY)).toEqual({
      id: "canary",
      uses: KIT_CANARY,
      with: { wait: true, promote: false },
    });
    const production = jobs["deploy-production"];
    expect(production?.needs).toBe("canary-judge");
    expect(production?.environment?.name).toBe("production");
    expect(deployStep(production)?.with).toEqual({
      target: "production",
      version: "${{ needs.canary-judge.outputs.version }}",
    });
    const judged = (result: string, verdict: string) => ({
      needs: { "canary-judge": { result, outputs: { verdict, version: "v7" } } },
    });
    expect(runs(production, judged("success", "pass"))).toBe(true);
    expect(runs(production, judged("failure", "fail"))).toBe(false);
    expect(runs(production, judged("success", "baking"))).toBe(false);
  });

  it("a bake longer than a job can wait is capped at GitHub's six hours", () => {
    const long = { ...WITH_CANARY, canary: { target: "canary", promoteTo: "production", bakeMinutes: 600 } };
    const judge = rendered({ ...OPTIONS, deploy: long }, "mlops-main.yml")?.workflow.jobs["canary-judge"];
    expect(judge?.["timeout-minutes"]).toBe(360);
  });

  it("other targets deploy before the canary; a target name with a dot makes a valid job id", async () => {
    const deploy: DeployWorkflow = {
      ...WITH_CANARY,
      targets: [target("production", "champion"), target("eu.staging", "staging"), target("canary", "canary")],
    };
    const main = rendered({ ...OPTIONS, deploy }, "mlops-main.yml");
    if (!main) throw new Error("no mlops-main.yml");
    await valid(main.content, "mlops-main.yml");
    const { jobs } = main.workflow;
    expect(Object.keys(jobs)).toEqual([
      "publish",
      "deploy-eu-staging",
      "deploy-canary",
      "canary-judge",
      "deploy-production",
    ]);
    expect(jobs["deploy-canary"]?.needs).toEqual(["publish", "deploy-eu-staging"]);
    expect(deployStep(jobs["deploy-eu-staging"])?.with?.target).toBe("eu.staging");
  });

  it("writes no mlops-promote.yml", () => {
    expect(workflowTemplates({ ...OPTIONS, deploy: WITH_CANARY }).map((f) => f.path)).not.toContain(
      "mlops-promote.yml",
    );
  });
});

describe("mlops-promote.yml (deploy.approval: dispatch)", () => {
  const dispatch = (deploy: DeployWorkflow): DeployWorkflow => ({ ...deploy, approval: "dispatch" });

  it("is written only for dispatch approval, and then main has no deploy jobs", () => {
    expect(workflowTemplates({ ...OPTIONS, deploy: null }).map((f) => f.path)).not.toContain("mlops-promote.yml");
    const files = workflowTemplates({ ...OPTIONS, deploy: dispatch(TWO_TARGETS) }).map((f) => f.path);
    expect(files).toContain("mlops-promote.yml");
    const main = rendered({ ...OPTIONS, deploy: dispatch(TWO_TARGETS) }, "mlops-main.yml")?.workflow;
    expect(Object.keys(main?.jobs ?? {})).toEqual(["publish"]);
  });

  it("is dispatched with a target and a version, and deploys only on the default branch, in the target's Environment", async () => {
    const promote = rendered({ ...OPTIONS, registry: "github", deploy: dispatch(TWO_TARGETS) }, "mlops-promote.yml");
    if (!promote) throw new Error("no mlops-promote.yml");
    await valid(promote.content, "mlops-promote.yml");
    const { workflow } = promote;
    expect(Object.keys(workflow.on)).toEqual(["workflow_dispatch"]);
    expect(workflow.on.workflow_dispatch?.inputs).toEqual({
      target: { description: "The deploy target", type: "choice", required: true, options: ["production", "staging"] },
      version: {
        description: "The version: an id, a number (7, v7) or an alias (staging)",
        type: "string",
        required: true,
      },
      reason: { description: "Why (kept in the alias history with who dispatched it)", type: "string", default: "" },
    });
    expect(workflow.permissions).toEqual({});
    expect(Object.keys(workflow.jobs)).toEqual(["deploy-production", "deploy-staging"]);
    const production = workflow.jobs["deploy-production"];
    expect(production?.needs).toBeUndefined();
    expect(production?.if).toBe(`${ON_DEFAULT_BRANCH} && inputs.target == 'production'`);
    expect(production?.environment).toEqual({ name: "prod", url: "${{ steps.deploy.outputs.environment-url }}" });
    expect(production?.permissions).toEqual({
      contents: "write",
      deployments: "write",
      actions: "read",
      issues: "write",
    });
    expect(deployStep(production)?.with).toEqual({
      target: "production",
      version: "${{ inputs.version }}",
      reason: "${{ inputs.reason }}",
    });
    const chosen = (name: string, ref?: string) => ({ inputs: { target: name, version: "7" }, ref });
    expect(runs(production, chosen("production"))).toBe(true);
    expect(runs(production, chosen("staging"))).toBe(false);
    expect(runs(production, chosen("production", "refs/heads/feature"))).toBe(false);
    expect(runs(workflow.jobs["deploy-staging"], chosen("staging"))).toBe(true);
  });

  it("dispatching the canary judges it and promotes a pass; production can still be dispatched on its own", async () => {
    const promote = rendered({ ...OPTIONS, deploy: dispatch(WITH_CANARY) }, "mlops-promote.yml");
    if (!promote) throw new Error("no mlops-promote.yml");
    await valid(promote.content, "mlops-promote.yml");
    const { jobs } = promote.workflow;
    expect(Object.keys(jobs)).toEqual(["deploy-canary", "canary-judge", "deploy-production"]);
    expect(jobs["canary-judge"]?.needs).toBe("deploy-canary");
    expect(jobs["canary-judge"]?.environment).toEqual({ name: "canary" });
    const production = jobs["deploy-production"];
    expect(production?.needs).toBe("canary-judge");
    expect(deployStep(production)?.with?.version).toBe("${{ needs.canary-judge.outputs.version || inputs.version }}");

    const run = (dispatched: string, judge: { result: string; verdict?: string }, ref?: string) =>
      runs(production, {
        inputs: { target: dispatched, version: "7" },
        ref,
        needs: { "canary-judge": { result: judge.result, outputs: judge.verdict ? { verdict: judge.verdict } : {} } },
      });
    expect(run("canary", { result: "success", verdict: "pass" })).toBe(true);
    expect(run("canary", { result: "failure", verdict: "fail" })).toBe(false);
    // Production dispatched itself: the canary and its judge are skipped, production deploys the dispatched version.
    expect(run("production", { result: "skipped" })).toBe(true);
    expect(run("production", { result: "skipped" }, "refs/heads/feature")).toBe(false);
    expect(runs(jobs["deploy-canary"], { inputs: { target: "production" } })).toBe(false);
    expect(runs(jobs["deploy-canary"], { inputs: { target: "canary" } })).toBe(true);
  });
});
