import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  deployVersion
} from "./chunk-JTG2R54U.js";
import {
  githubForRun
} from "./chunk-KCZDMEGW.js";
import {
  saveStageRun
} from "./chunk-SNPX46U6.js";
import {
  defineStage
} from "./chunk-STGVFYYW.js";
import {
  openRegistry
} from "./chunk-GPXSHNAX.js";
import {
  registryTokenOption,
  withRegistryToken
} from "./chunk-BO5Z4RF3.js";
import {
  flagOption,
  textOption
} from "./chunk-SUPM4SWD.js";
import {
  object
} from "./chunk-MOKAEFJD.js";
import {
  ExitCode,
  UsageError
} from "./chunk-XOZC47AQ.js";

// src/deploy/section.ts
function deploySection(result) {
  const label = `${result.model} ${result.version} \u2192 ${result.target} (${result.alias})`;
  const approvers = result.approvals.map((a) => `${a.user}${a.comment ? `: "${a.comment}"` : ""}`).join("; ");
  const rows = [
    ["Version", result.version],
    ["Target", `${result.target} (environment ${result.environment})`],
    [
      "Alias",
      result.moved ? `${result.alias}: ${result.from ?? "(none)"} \u2192 ${result.version}` : `${result.alias} unchanged (${result.from ?? "none"})`
    ],
    ["Approval", approvalText(result.approvedBy, approvers, result.approvalNote)],
    ["Deployment", result.deployment ? `#${result.deployment.id}` : "none (no GitHub here)"],
    ["URL", result.environmentUrl ?? "-"],
    ["Reason", result.reason]
  ];
  const blocks = [{ kind: "table", table: { headers: ["", ""], rows } }];
  if (result.failure) blocks.unshift({ kind: "text", text: `Failed: ${result.failure}` });
  return {
    title: `Deploy: ${result.target}`,
    status: result.verdict === "pass" ? "pass" : "fail",
    headline: result.verdict === "pass" ? `${label}${result.kind === "rollback" ? " (rollback)" : ""}` : `${label} failed; the alias was left where it was`,
    blocks
  };
}
function approvalText(by, approvers, note) {
  if (by === "environment") return approvers ? `environment reviewers: ${approvers}` : note ?? "environment";
  if (by === "dispatch") return `dispatched by ${approvers}`;
  return "none (a run outside GitHub Actions)";
}

// src/stages/deploy.ts
var DeployOptions = object({
  target: textOption({
    cli: null,
    action: {
      input: "target",
      description: "The deploy target (its name in deploy.targets, or the alias it serves). Required."
    }
  }),
  version: textOption({
    cli: {
      flag: "version",
      valueName: "ref",
      description: "The version to deploy (default: the alias's own, redeployed)"
    },
    action: {
      input: "version",
      description: "The version to deploy: an id, a number (7, v7) or an alias (staging). Default: the version the target's alias points at (a redeploy)."
    }
  }),
  reason: textOption({
    cli: { flag: "reason", valueName: "text", description: "Why (kept in the alias history)" },
    action: { input: "reason", description: "Why, kept in the alias history." }
  }),
  force: flagOption({
    cli: { flag: "force", description: "Deploy a version whose gate did not pass (recorded as forced)" },
    action: { input: "force", description: "true to deploy a version whose gate did not pass (recorded as forced)." }
  }),
  githubToken: textOption({
    cli: { env: "GITHUB_TOKEN" },
    action: {
      input: "github-token",
      description: "Token for the deployment and its statuses, the run's approvals and the deploy issue (needs `deployments: write`, `actions: read`, `issues: write`).",
      default: "${{ github.token }}"
    }
  }),
  registryToken: registryTokenOption("write")
});
async function runDeployStage(context, options) {
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
    force: options.force
  });
  if ("failed" in result.issue) context.logger.warn(result.issue.failed);
  const exit = result.verdict === "pass" ? ExitCode.ok : ExitCode.checkFailed;
  return saveStageRun(context, "deploy", result, deploySection(result), exit);
}
var deployStage = defineStage({
  name: "deploy",
  options: DeployOptions,
  run: runDeployStage,
  command: null,
  action: {
    description: "Deploy a model version to a target: pull and verify it, run the target's deploy command, record a GitHub deployment with its statuses, and move the target's alias with who approved it (run the job in the target's Environment).",
    icon: "upload-cloud",
    verdictOutput: "verdict",
    outputs: {
      verdict: {
        description: "pass (deployed), fail (the deploy command failed; the alias is unchanged); error when it could not run.",
        value: ({ result }) => result.verdict
      },
      version: { description: "The version deployed.", value: ({ result }) => result.version },
      "deployment-id": {
        description: "The GitHub deployment's id; empty without one.",
        value: ({ result }) => result.deployment?.id ?? ""
      },
      "environment-url": {
        description: "Where the deployed version answers, when the deploy command printed `environment_url=<url>` (or the target's `url`).",
        value: ({ result }) => result.environmentUrl ?? ""
      }
    },
    failureMessage: ({ result }) => `the deploy to ${result.target} failed: ${result.failure ?? "see the log"}`
  }
});

export {
  DeployOptions,
  runDeployStage,
  deployStage
};
