import * as z from "../zod.ts";
import { concludeRetrain } from "../retrain/conclude.ts";
import { decideRetrain } from "../retrain/decide.ts";
import { githubForRun } from "../github/for-run.ts";
import { defineStage } from "./definition.ts";
import { issueTokenOption, registryTokenOption, withRegistryToken } from "./github-token.ts";
import { flagOption, textOption } from "./options.ts";

/**
 * Continuous training's two steps of their own (actions/retrain runs train, evaluate and gate between them). The CLI
 * runs them through `mlops retrain [decide|conclude]` (src/cli/commands/retrain.ts), not as commands of their own.
 */

export const RetrainDecideOptions = z.object({
  force: flagOption({
    cli: { flag: "force", description: "Retrain even if nothing calls for it" },
    action: { input: "force", description: "Retrain even if nothing calls for it." },
  }),
  reason: textOption({
    cli: {
      flag: "reason",
      valueName: "text",
      description: "Why retraining is asked for (the monitor's breach): it retrains, and the report says why",
    },
    action: {
      input: "reason",
      description:
        "Why retraining is asked for (the monitor's breach, when a rule with action: retrain dispatched the workflow): it retrains, and the report says why.",
    },
  }),
  registryToken: registryTokenOption("read"),
});

export const retrainDecideStage = defineStage({
  name: "retrain-decide",
  options: RetrainDecideOptions,
  run: (context, { force, reason, registryToken }) =>
    decideRetrain(withRegistryToken(context, registryToken), { force, reason: reason?.trim() || null }),
  command: null,
  action: {
    title: "mlops-kit retrain decide",
    description:
      "Decide whether to retrain (drift against the champion's training data, its age, new data); a step of actions/retrain.",
    icon: "help-circle",
    verdictOutput: "result",
    outputs: {
      result: {
        description: "retrain, skip or blocked (the data failed validation); error when it could not decide.",
        value: ({ result }) => (result.blocked ? "blocked" : result.shouldRetrain ? "retrain" : "skip"),
      },
      "should-retrain": {
        description: "true when retraining is called for.",
        value: ({ result }) => result.shouldRetrain,
      },
      reason: { description: "Why, in words.", value: ({ result }) => result.blocked ?? result.reasons.join("; ") },
    },
    files: {
      report: "Path of the decision's result JSON.",
      summary: "Path of the decision's report in markdown (also written to the job summary).",
    },
    failureMessage: ({ result }) => `retraining is blocked: ${result.blocked ?? ""}`,
  },
});

export const RetrainConcludeOptions = z.object({
  githubToken: issueTokenOption(),
  registryToken: registryTokenOption("write"),
});

export const retrainConcludeStage = defineStage({
  name: "retrain-conclude",
  options: RetrainConcludeOptions,
  run: (context, { githubToken, registryToken }) =>
    concludeRetrain(withRegistryToken(context, registryToken), { github: githubForRun(context, githubToken) }),
  command: null,
  action: {
    title: "mlops-kit retrain conclude",
    description:
      "Judge a retraining run from its stage results, publish and promote a better model, and keep one issue per model in step; a step of actions/retrain.",
    icon: "flag",
    verdictOutput: "result",
    outputs: {
      result: {
        description: "promoted, not-better, skipped, failed or blocked; error when it could not conclude.",
        value: ({ result }) => result.outcome,
      },
      reason: { description: "Why, in words.", value: ({ result }) => result.reason },
      version: {
        description: "The published version, when the retrained model was better.",
        value: ({ result }) => result.version ?? "",
      },
      promoted: {
        description: "The alias it was promoted to, or empty.",
        value: ({ result }) => result.promoted ?? "",
      },
      "issue-url": {
        description: "The issue opened, updated or closed, or empty.",
        value: ({ result }) => result.issue?.url ?? "",
      },
    },
    files: {
      report: "Path of the outcome's result JSON.",
      summary: "Path of the outcome's report in markdown (also written to the job summary).",
    },
    failureMessage: ({ result }) => `retraining ${result.outcome}: ${result.reason}`,
  },
});
