import * as z from "zod";
import { hasControlCharacters } from "../../files/safe-path.ts";
import { Command, DataSources, Name, TimeoutMinutes } from "./common.ts";
import { GateRule } from "./gate.ts";
import { Duration } from "./monitor.ts";

/**
 * Governed delivery (DOMAIN.md §8, docs/delivery.md): where versions serve, who approves a move of an alias bound to
 * a target, and how a canary is judged before it is promoted or rolled back.
 */

/** GitHub's rule for environment names: at most 255 characters, no control characters. */
const EnvironmentName = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !hasControlCharacters(name) && !/[,:;]/.test(name), {
    error: "expected a GitHub environment name (no control characters, commas, colons or semicolons)",
  });

export const DeployTarget = z
  .strictObject({
    alias: Name.describe(
      "The alias this target serves. Only this target's deploy job moves it (`mlops deploy`), so the environment's " +
        "reviewers approve every move; no two targets may claim one alias.",
    ),
    environment: EnvironmentName.optional().describe(
      "The GitHub Environment the deploy job runs in (its required reviewers, wait timer and branch policies are the " +
        "approval). Default: the target's name.",
    ),
    command: Command.describe(
      "The deploy command, run with the version's files pulled and verified. It gets MLOPS_MODEL, MLOPS_VERSION, " +
        "MLOPS_ALIAS, MLOPS_TARGET, MLOPS_ENVIRONMENT, MLOPS_MODEL_DIR (the files) and MLOPS_MANIFEST (the manifest's " +
        "path); exit 0 means deployed; a stdout line `environment_url=<url>` sets the deployment's URL. A rollback " +
        "runs it again with the earlier version, so it must be idempotent.",
    ),
    env: z.record(z.string(), z.string()).default({}).describe("Extra environment variables for the command."),
    timeout_minutes: TimeoutMinutes.default(30),
    url: z
      .url({ protocol: /^https?$/, error: "expected an http(s):// URL" })
      .optional()
      .describe("The deployment's URL when the command prints none."),
    production: z
      .boolean()
      .optional()
      .describe("Whether GitHub shows the deployment as production. Default: true for the `champion` alias."),
  })
  .describe("One place a version serves.");

export const CanaryRule = GateRule.describe(
  "A rule the canary must pass, in the gate's rule language. With `logs`: over each window of the canary's served " +
    "predictions after its deploy, on the monitor's figures (`rows`, `drift_share`, `prediction_drift`, " +
    "`latency_p95`, a realised metric such as `accuracy` ...); a change rule compares with the champion on the same " +
    "requests, so it needs `shadow`, and `significance` makes it a paired test. With `command`: on the figures the " +
    "command prints (value rules only).",
);

export const ShadowColumns = z
  .strictObject({
    prediction: z.string().min(1).describe("Column with the champion's prediction for the same request."),
    score: z.string().min(1).optional().describe("Column with the champion's positive-class probability."),
  })
  .describe(
    "The champion's shadow predictions, logged beside the canary's on the same requests: change rules compare the " +
      "two on the labelled requests, paired.",
  );

export const CanarySection = z
  .strictObject({
    target: Name.describe("The target the candidate is deployed to first (its alias is the canary's, e.g. `canary`)."),
    promote_to: Name.describe("The target the candidate goes to when the canary passes (e.g. `production`)."),
    bake: Duration.default("1h").describe("How long the canary serves before it is judged."),
    logs: DataSources.optional().describe(
      "The canary's prediction logs (the columns of monitor.logs): judged with the monitor's figures per window.",
    ),
    window: z
      .enum(["hour", "day", "week"])
      .default("hour")
      .describe("Window size for judging the canary's logs; only windows that start after the deploy count."),
    command: Command.optional().describe(
      "Instead of logs: a command that prints the canary's figures as one JSON object of numbers (e.g. a Prometheus " +
        "query). It gets MLOPS_MODEL, MLOPS_VERSION, MLOPS_ALIAS and MLOPS_SINCE (the deploy time).",
    ),
    timeout_minutes: TimeoutMinutes.default(10),
    shadow: ShadowColumns.optional(),
    rules: z.array(CanaryRule).min(1, { error: "a canary needs at least one rule" }),
  })
  .describe(
    "A staged rollout: deploy to `target`, bake, judge by `rules`; pass promotes to `promote_to`, a failure (or no " +
      "figures at all) rolls the canary back to the version before and records why.",
  );

export const DeploySection = z
  .strictObject({
    approval: z
      .enum(["environment", "dispatch"])
      .default("environment")
      .describe(
        "`environment`: the deploy job runs in the target's GitHub Environment and its required reviewers approve " +
          "(public repositories, or GitHub Enterprise). `dispatch`: for private repositories without required " +
          "reviewers, a deploy is a manually dispatched workflow on the default branch, and its actor is recorded.",
      ),
    targets: z
      .record(Name, DeployTarget)
      .refine((targets) => Object.keys(targets).length > 0, { error: "name at least one target" })
      .describe("Deploy targets by name."),
    canary: CanarySection.optional(),
    issue: z
      .strictObject({
        labels: z.array(z.string().min(1)).default(["mlops", "deploy"]).describe("Labels of the issue."),
        assignees: z.array(z.string().min(1)).default([]).describe("Who is assigned the issue."),
      })
      .prefault({})
      .describe(
        "One issue per model and alias: opened when a deploy fails or a canary is rolled back, closed by the next " +
          "good deploy.",
      ),
  })
  .describe("Governed delivery: deploy targets, approvals, canary (docs/delivery.md).");
