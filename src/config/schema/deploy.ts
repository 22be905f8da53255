import * as z from "../../zod.ts";
import { hasControlCharacters } from "../../files/safe-path.ts";
import { Command, DataSources, Name, TimeoutMinutes } from "./common.ts";
import { GateRule } from "./gate.ts";
import { Duration } from "./monitor.ts";

/**
 * Governed delivery (DOMAIN.md §8, docs/delivery.md): where versions serve, who approves a move of an alias bound to
 * a target, and how a canary is judged before it is promoted or rolled back.
 */

/** GitHub's rule for environment names: at most 255 characters, no control characters. */
const EnvironmentName = z.string().check(
  z.minLength(1),
  z.maxLength(255),
  z.refine((name) => !hasControlCharacters(name) && !/[,:;]/.test(name), {
    error: "expected a GitHub environment name (no control characters, commas, colons or semicolons)",
  }),
);

export const DeployTarget = z.described(
  z.strictObject({
    alias: z.described(
      Name,
      "The alias this target serves. Only this target's deploy job moves it (`mlops deploy`), so the environment's " +
        "reviewers approve every move; no two targets may claim one alias.",
    ),
    environment: z.described(
      z.optional(EnvironmentName),
      "The GitHub Environment the deploy job runs in (its required reviewers, wait timer and branch policies are the " +
        "approval). Default: the target's name.",
    ),
    command: z.described(
      Command,
      "The deploy command, run with the version's files pulled and verified. It gets MLOPS_MODEL, MLOPS_VERSION, " +
        "MLOPS_ALIAS, MLOPS_TARGET, MLOPS_ENVIRONMENT, MLOPS_MODEL_DIR (the files) and MLOPS_MANIFEST (the manifest's " +
        "path); exit 0 means deployed; a stdout line `environment_url=<url>` sets the deployment's URL. A rollback " +
        "runs it again with the earlier version, so it must be idempotent.",
    ),
    env: z.described(z._default(z.record(z.string(), z.string()), {}), "Extra environment variables for the command."),
    timeout_minutes: z._default(TimeoutMinutes, 30),
    url: z.described(
      z.optional(z.url({ protocol: /^https?$/, error: "expected an http(s):// URL" })),
      "The deployment's URL when the command prints none.",
    ),
    production: z.described(
      z.optional(z.boolean()),
      "Whether GitHub shows the deployment as production. Default: true for the `champion` alias.",
    ),
  }),
  "One place a version serves.",
);

export const CanaryRule = z.described(
  GateRule,
  "A rule the canary must pass, in the gate's rule language. With `logs`: over each window of the canary's served " +
    "predictions after its deploy, on the monitor's figures (`rows`, `drift_share`, `prediction_drift`, " +
    "`latency_p95`, a realised metric such as `accuracy` ...); a change rule compares with the champion on the same " +
    "requests, so it needs `shadow`, and `significance` makes it a paired test. With `command`: on the figures the " +
    "command prints (value rules only).",
);

export const ShadowColumns = z.described(
  z.strictObject({
    prediction: z.described(
      z.string().check(z.minLength(1)),
      "Column with the champion's prediction for the same request.",
    ),
    score: z.described(
      z.optional(z.string().check(z.minLength(1))),
      "Column with the champion's positive-class probability.",
    ),
  }),
  "The champion's shadow predictions, logged beside the canary's on the same requests: change rules compare the " +
    "two on the labelled requests, paired.",
);

export const CanarySection = z.described(
  z.strictObject({
    target: z.described(
      Name,
      "The target the candidate is deployed to first (its alias is the canary's, e.g. `canary`).",
    ),
    promote_to: z.described(Name, "The target the candidate goes to when the canary passes (e.g. `production`)."),
    bake: z.described(z._default(Duration, "1h"), "How long the canary serves before it is judged."),
    logs: z.described(
      z.optional(DataSources),
      "The canary's prediction logs (the columns of monitor.logs): judged with the monitor's figures per window.",
    ),
    window: z.described(
      z._default(z.enum(["hour", "day", "week"]), "hour"),
      "Window size for judging the canary's logs; only windows that start after the deploy count.",
    ),
    command: z.described(
      z.optional(Command),
      "Instead of logs: a command that prints the canary's figures as one JSON object of numbers (e.g. a Prometheus " +
        "query). It gets MLOPS_MODEL, MLOPS_VERSION, MLOPS_ALIAS and MLOPS_SINCE (the deploy time).",
    ),
    timeout_minutes: z._default(TimeoutMinutes, 10),
    shadow: z.optional(ShadowColumns),
    rules: z.array(CanaryRule).check(z.minLength(1, { error: "a canary needs at least one rule" })),
  }),
  "A staged rollout: deploy to `target`, bake, judge by `rules`; pass promotes to `promote_to`, a failure (or no " +
    "figures at all) rolls the canary back to the version before and records why.",
);

export const DeploySection = z.described(
  z.strictObject({
    approval: z.described(
      z._default(z.enum(["environment", "dispatch"]), "environment"),
      "`environment`: the deploy job runs in the target's GitHub Environment and its required reviewers approve " +
        "(public repositories, or GitHub Enterprise). `dispatch`: for private repositories without required " +
        "reviewers, a deploy is a manually dispatched workflow on the default branch, and its actor is recorded.",
    ),
    targets: z.described(
      z
        .record(Name, DeployTarget)
        .check(z.refine((targets) => Object.keys(targets).length > 0, { error: "name at least one target" })),
      "Deploy targets by name.",
    ),
    canary: z.optional(CanarySection),
    issue: z.described(
      z.prefault(
        z.strictObject({
          labels: z.described(
            z._default(z.array(z.string().check(z.minLength(1))), ["mlops", "deploy"]),
            "Labels of the issue.",
          ),
          assignees: z.described(
            z._default(z.array(z.string().check(z.minLength(1))), []),
            "Who is assigned the issue.",
          ),
        }),
        {},
      ),
      "One issue per model and alias: opened when a deploy fails or a canary is rolled back, closed by the next " +
        "good deploy.",
    ),
  }),
  "Governed delivery: deploy targets, approvals, canary (docs/delivery.md).",
);
