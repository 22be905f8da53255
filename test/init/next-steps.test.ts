import { readFile } from "node:fs/promises";
import path from "node:path";
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";
import { describe, expect, it } from "vitest";
import { nextSteps, type NextStepsInput, renderNextSteps } from "../../src/init/next-steps.ts";
import { workflowYamlErrors } from "../helpers/github-yaml.ts";
import { REPO_ROOT } from "../helpers/runner.ts";

/**
 * The required check `mlops init` tells the user to set is the gate job itself, by the name GitHub gives its check
 * run, read from the committed templates with GitHub's own workflow parser. The check run the fork-safe report
 * workflow posts from an uploaded artifact is informational: its name can be mistaken for neither, and the next steps
 * say not to require it.
 */

interface ParsedWorkflow {
  name: string;
  jobs: { id: string; checkName: string; uses: string[] }[];
}

/** A committed template as GitHub reads it: the workflow's name, and each job's check name (its `name`, else its id). */
async function parsedTemplate(file: string): Promise<ParsedWorkflow> {
  const full = path.join(REPO_ROOT, "workflows", file);
  expect(await workflowYamlErrors(full)).toEqual([]);
  const parsed = parseWorkflow({ name: file, content: await readFile(full, "utf8") }, new NoOperationTraceWriter());
  if (!parsed.value) throw new Error(`${file} did not parse`);
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  const root = parsed.value.assertMapping("workflow");
  const name = root.find("name")?.assertString("workflow name").value ?? file;
  return {
    name,
    jobs: template.jobs.map((job) => ({
      id: job.id.value,
      checkName: job.name?.toDisplayString() ?? job.id.value,
      uses: job.type === "job" ? job.steps.flatMap((step) => ("uses" in step ? [step.uses.value] : [])) : [],
    })),
  };
}

const input: NextStepsInput = {
  repository: {
    root: "/work/churn",
    git: true,
    remote: { host: "github.com", owner: "acme", repo: "churn" },
    defaultBranch: "trunk",
    defaultBranchFrom: "origin/HEAD",
    workingDirectory: ".",
  },
  model: "churn",
  registryUri: "s3://ml-models/registry",
  workflows: true,
  configFlag: "",
};

describe("the required check", () => {
  it("is the job that runs actions/gate in the pull-request template, named as GitHub names its check run", async () => {
    const pr = await parsedTemplate("mlops-pr.yml");
    const gateJobs = pr.jobs.filter((job) => job.uses.some((uses) => /\/actions\/gate@/.test(uses)));
    expect(gateJobs).toHaveLength(1);
    const gateJob = gateJobs[0]?.checkName ?? "";
    const steps = nextSteps(input);
    expect(steps.requiredCheck).toBe(gateJob);
    expect(steps.ruleset.rules[0]?.parameters.required_status_checks).toEqual([{ context: gateJob }]);
    const text = renderNextSteps(steps, input);
    expect(text).toContain(`Make "${gateJob}" a required status check on trunk.`);
    // How a pull request's checks list shows it: workflow / job (event).
    expect(text).toContain(`"${pr.name} / ${gateJob} (pull_request)"`);
  });

  it("is never the informational check run of the report workflow, which the next steps name and say not to require", async () => {
    const steps = nextSteps(input);
    const required = steps.requiredCheck;
    const report = await parsedTemplate("mlops-pr-report.yml");
    expect(report.jobs.map((job) => job.checkName)).not.toContain(required);
    // The name the workflow_run flow posts for this model (test/report/report-command.test.ts sees it posted).
    expect(steps.informationalCheck).toBe("mlops report: churn (informational)");
    expect(steps.informationalCheck.startsWith(required)).toBe(false);
    const text = renderNextSteps(steps, input).replace(/\n\s*/g, " ");
    expect(text).toContain(
      `Do not require "mlops report: churn (informational)": the "${report.name}" workflow posts it from the report the pull request's own run uploaded`,
    );
  });
});

describe("which approval applies to deploys", () => {
  const deploy = (approval: "environment" | "dispatch"): NextStepsInput["deploy"] => ({
    approval,
    targets: [
      { name: "staging", alias: "staging", environment: "staging", timeoutMinutes: 30 },
      { name: "production", alias: "champion", environment: "prod eu", timeoutMinutes: 30 },
      { name: "production-us", alias: "champion-us", environment: "prod eu", timeoutMinutes: 30 },
    ],
    canary: null,
  });

  it("is said only when mlops.yml has a deploy section", () => {
    expect(nextSteps(input).delivery).toBeNull();
    expect(renderNextSteps(nextSteps(input), input)).not.toContain("deploy");
  });

  it("environment: reviewers approve in public repositories and on Enterprise; otherwise dispatch, with the command", () => {
    const withDeploy = { ...input, deploy: deploy("environment") };
    const steps = nextSteps(withDeploy);
    expect(steps.delivery?.environments).toEqual([
      {
        name: "staging",
        targets: ["staging"],
        createCommand: 'gh api --method PUT "repos/acme/churn/environments/staging"',
      },
      {
        name: "prod eu",
        targets: ["production", "production-us"],
        createCommand: 'gh api --method PUT "repos/acme/churn/environments/prod%20eu"',
      },
    ]);
    const text = renderNextSteps(steps, withDeploy).replace(/\n\s*/g, " ");
    expect(text).toContain("Approvals for deploys. deploy.approval is environment:");
    expect(text).toContain("Create the environments under Settings → Environments");
    expect(text).toContain(
      "Required reviewers work in public repositories and on GitHub Enterprise; in a private repository on GitHub Free, Pro or Team they do not",
    );
    expect(text).toContain("npx mlops-kit config set deploy.approval dispatch && npx mlops-kit init --workflows");
  });

  it("dispatch: mlops-promote.yml on the default branch, the actor recorded", () => {
    const withDeploy = { ...input, deploy: deploy("dispatch"), configFlag: "--config ml/mlops.yml" };
    const text = renderNextSteps(nextSteps(withDeploy), withDeploy).replace(/\n\s*/g, " ");
    expect(text).toContain(
      'deploy.approval is dispatch: deploys run from the "mlops promote" workflow (mlops-promote.yml)',
    );
    expect(text).toContain("from the Actions tab on trunk");
    expect(text).toContain(
      "npx mlops-kit config set deploy.approval environment --config ml/mlops.yml && npx mlops-kit init --workflows --config ml/mlops.yml",
    );
  });
});

describe("batch scoring on a schedule", () => {
  const predict = (
    shards: number,
    places: { inputOnS3?: boolean; outputOnS3?: boolean } = {},
  ): NonNullable<NextStepsInput["predict"]> => ({
    cron: "23 2 * * *",
    shards,
    inputOnS3: places.inputOnS3 ?? false,
    outputOnS3: places.outputOnS3 ?? false,
  });
  const oneLine = (text: string): string => text.replace(/\n\s*/g, " ");

  it("is said only with a predict section and the workflows, naming the workflow as GitHub shows it", async () => {
    expect(renderNextSteps(nextSteps(input), input)).not.toContain("Batch scoring");
    const noWorkflows = { ...input, workflows: false, predict: predict(1) };
    expect(renderNextSteps(nextSteps(noWorkflows), noWorkflows)).not.toContain("Batch scoring");
    const { name } = await parsedTemplate("mlops-predict.yml");
    const withPredict = { ...input, predict: predict(1) };
    const text = oneLine(renderNextSteps(nextSteps(withPredict), withPredict));
    expect(text).toContain(
      `Batch scoring on a schedule. "${name}" (mlops-predict.yml) scores predict.input at 23 2 * * * (UTC) with the version predict.alias points at`,
    );
    expect(text).toContain("run it from the Actions tab on trunk");
    expect(text).not.toContain("Re-run failed jobs");
    expect(text).not.toContain("on predict.output");
  });

  it("says how a matrix reruns, and what the role its jobs assume must reach on S3", () => {
    const onS3 = { ...input, predict: predict(4, { inputOnS3: true, outputOnS3: true }) };
    const text = oneLine(renderNextSteps(nextSteps(onS3), onS3));
    expect(text).toContain(
      'Its 4 legs score with the version its first job pinned; when a leg fails, "Re-run failed jobs"',
    );
    expect(text).toContain(
      "Its jobs reach S3 with the read-write role (MLOPS_AWS_ROLE_ARN): give it s3:GetObject and s3:ListBucket on predict.input, " +
        "s3:GetObject, s3:PutObject, s3:DeleteObject, s3:AbortMultipartUpload and s3:ListBucket on predict.output",
    );
    // Beside a registry that needs no AWS, the role is one the user makes for the schedule on the default branch.
    const github = { ...onS3, registryUri: "github://acme/churn", predict: predict(1, { outputOnS3: true }) };
    const beside = oneLine(renderNextSteps(nextSteps(github), github));
    expect(beside).toContain(
      "Its jobs reach S3 with a role trusting ref:refs/heads/trunk, named in the repository variables MLOPS_AWS_ROLE_ARN and MLOPS_AWS_REGION",
    );
    expect(beside).not.toContain("on predict.input");
  });
});

describe("without the workflows (--no-workflows)", () => {
  it("say how to add them later, and nothing that needs them: no check to watch yet, no token advice", () => {
    const noWorkflows = { ...input, workflows: false };
    const text = renderNextSteps(nextSteps(noWorkflows), noWorkflows);
    expect(text).not.toContain("Commit the files above, open a pull request");
    expect(text).not.toContain("GITHUB_TOKEN");
    expect(text).toContain("Only mlops.yml was written (--no-workflows)");
    expect(text).toContain("\n     npx mlops-kit init --workflows\n");
    expect(text).toContain("The same stages run in the workflows, once you add them (below).");
    const elsewhere = { ...noWorkflows, configFlag: "--config ml/mlops.yml" };
    expect(renderNextSteps(nextSteps(elsewhere), elsewhere)).toContain(
      "npx mlops-kit init --workflows --config ml/mlops.yml\n",
    );
    const withWorkflows = renderNextSteps(nextSteps(input), input);
    expect(withWorkflows).toContain('Commit the files above, open a pull request, and watch "mlops gate".');
  });
});
