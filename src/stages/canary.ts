import * as z from "../zod.ts";
import { ExitCode } from "../errors.ts";
import type { StageContext } from "../context/context.ts";
import { judgeCanary, type CanaryResult } from "../deploy/canary.ts";

import { canarySection } from "../deploy/canary-section.ts";
import { githubForRun } from "../github/for-run.ts";
import { saveStageRun, type StageRun } from "../pipeline/stage-run.ts";
import { openRegistry } from "../registry/open.ts";
import { defineStage } from "./definition.ts";
import { registryTokenOption, withRegistryToken } from "./github-token.ts";
import { DeployOptions } from "./deploy.ts";
import { flagOption, textOption } from "./options.ts";

/** `mlops canary` and actions/canary: judge the canary after its bake; promote it or roll it back (src/deploy/canary.ts). */

export const CanaryOptions = z.object({
  wait: flagOption({
    cli: { flag: "wait", description: "Wait for the bake to end (up to 5.5 h) instead of saying it bakes" },
    action: {
      input: "wait",
      description: "true to wait for the bake to end (up to 5.5 hours) instead of answering `baking`.",
    },
  }),
  promote: flagOption({
    cli: { flag: "promote", description: "Deploy a passing canary to deploy.canary.promote_to" },
    action: {
      input: "promote",
      description:
        "true to deploy a passing canary to deploy.canary.promote_to in this job; the templates leave it false and deploy it from a job in the production Environment, so its reviewers approve.",
    },
  }),
  now: textOption({
    cli: { flag: "now", valueName: "time", description: "The judge's time, ISO 8601 (default: now)" },
    action: { input: "now", description: "The judge's time, ISO 8601. Default: now." },
  }),
  githubToken: DeployOptions.shape.githubToken,
  registryToken: registryTokenOption("write"),
});

export type CanaryStageOptions = z.output<typeof CanaryOptions>;

export async function runCanaryStage(
  context: StageContext,
  options: CanaryStageOptions,
): Promise<StageRun<CanaryResult>> {
  const github = githubForRun(context, options.githubToken);
  const withToken = withRegistryToken(context, options.registryToken);
  const registry = await openRegistry(withToken);
  const result = await judgeCanary(withToken, registry, github, {
    now: options.now,
    wait: options.wait,
    promote: options.promote,
  });
  const failed = result.verdict === "fail" || (result.promotion !== null && result.promotion.verdict !== "pass");
  return saveStageRun(context, "canary", result, canarySection(result), failed ? ExitCode.checkFailed : ExitCode.ok);
}

export const canaryStage = defineStage({
  name: "canary",
  options: CanaryOptions,
  run: runCanaryStage,
  command: null,
  action: {
    description:
      "Judge the canary after its bake by deploy.canary.rules over what it served (and against the champion's shadow predictions); a failure rolls it back and records why, a pass can promote it.",
    icon: "git-pull-request",
    verdictOutput: "verdict",
    outputs: {
      verdict: {
        description:
          "pass, fail (rolled back), baking (the bake is not over; nothing judged); error when it could not run.",
        value: ({ result }) => result.verdict,
      },
      version: { description: "The canary's version.", value: ({ result }) => result.version },
    },
    failureMessage: ({ result }) => `the canary ${result.version} failed: ${result.reasons.join("; ")}`,
  },
});
