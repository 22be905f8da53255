import * as z from "../zod.ts";
import { ExitCode, UsageError } from "../errors.ts";
import type { StageContext } from "../context/context.ts";
import { deployVersion, type DeployResult } from "../deploy/deploy.ts";

import { deploySection } from "../deploy/section.ts";
import { githubForRun } from "../github/for-run.ts";
import { saveStageRun, type StageRun } from "../pipeline/stage-run.ts";
import { openRegistry } from "../registry/open.ts";
import { defineStage } from "./definition.ts";
import { registryTokenOption, withRegistryToken } from "./github-token.ts";
import { flagOption, textOption } from "./options.ts";

/** `mlops deploy <target>` and actions/deploy: one deploy to one target (src/deploy/deploy.ts). */

export const DeployOptions = z.object({
  target: textOption({
    cli: null,
    action: {
      input: "target",
      description: "The deploy target (its name in deploy.targets, or the alias it serves). Required.",
    },
  }),
  version: textOption({
    cli: {
      flag: "version",
      valueName: "ref",
      description: "The version to deploy (default: the alias's own, redeployed)",
    },
    action: {
      input: "version",
      description:
        "The version to deploy: an id, a number (7, v7) or an alias (staging). Default: the version the target's alias points at (a redeploy).",
    },
  }),
  reason: textOption({
    cli: { flag: "reason", valueName: "text", description: "Why (kept in the alias history)" },
    action: { input: "reason", description: "Why, kept in the alias history." },
  }),
  force: flagOption({
    cli: { flag: "force", description: "Deploy a version whose gate did not pass (recorded as forced)" },
    action: { input: "force", description: "true to deploy a version whose gate did not pass (recorded as forced)." },
  }),
  githubToken: textOption({
    cli: { env: "GITHUB_TOKEN" },
    action: {
      input: "github-token",
      description:
        "Token for the deployment and its statuses, the run's approvals and the deploy issue (needs `deployments: write`, `actions: read`, `issues: write`).",
      default: "${{ github.token }}",
    },
  }),
  registryToken: registryTokenOption("write"),
});

export type DeployStageOptions = z.output<typeof DeployOptions>;

export async function runDeployStage(
  context: StageContext,
  options: DeployStageOptions,
): Promise<StageRun<DeployResult>> {
  const target = options.target?.trim();
  if (!target) {
    throw new UsageError("deploy needs a target", { hint: "mlops deploy <target> --version <version>" });
  }
  const github = githubForRun(context, options.githubToken);
  const withToken = withRegistryToken(context, options.registryToken);
  const registry = await openRegistry(withToken);
  const result = await deployVersion(withToken, registry, github, {
    target,
    ref: options.version?.trim() || null,
    reason: options.reason?.trim() || null,
    force: options.force,
  });
  if ("failed" in result.issue) context.logger.warn(result.issue.failed);
  const exit = result.verdict === "pass" ? ExitCode.ok : ExitCode.checkFailed;
  return saveStageRun(context, "deploy", result, deploySection(result), exit);
}

export const deployStage = defineStage({
  name: "deploy",
  options: DeployOptions,
  run: runDeployStage,
  command: null,
  action: {
    description:
      "Deploy a model version to a target: pull and verify it, run the target's deploy command, record a GitHub deployment with its statuses, and move the target's alias with who approved it (run the job in the target's Environment).",
    icon: "upload-cloud",
    verdictOutput: "verdict",
    outputs: {
      verdict: {
        description:
          "pass (deployed), fail (the deploy command failed; the alias is unchanged); error when it could not run.",
        value: ({ result }) => result.verdict,
      },
      version: { description: "The version deployed.", value: ({ result }) => result.version },
      "deployment-id": {
        description: "The GitHub deployment's id; empty without one.",
        value: ({ result }) => result.deployment?.id ?? "",
      },
      "environment-url": {
        description:
          "Where the deployed version answers, when the deploy command printed `environment_url=<url>` (or the target's `url`).",
        value: ({ result }) => result.environmentUrl ?? "",
      },
    },
    failureMessage: ({ result }) => `the deploy to ${result.target} failed: ${result.failure ?? "see the log"}`,
  },
});
