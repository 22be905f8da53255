import type { CanaryConfig, MlopsConfig, MonitorConfig } from "../config/schema/index.ts";
import { durationMs, WINDOW_MS } from "../config/schema/monitor.ts";
import { windowMetricKind } from "../config/window-metrics.ts";
import type { StageContext } from "../context/context.ts";
import { UsageError } from "../errors.ts";
import { evaluateRuleList, type RuleOutcome } from "../gate/rules.ts";
import { historyWindows } from "../monitor/history.ts";
import { runMonitor } from "../monitor/run.ts";
import { openRegistry } from "../registry/open.ts";
import type { AliasEvent, Registry } from "../registry/registry.ts";
import { canaryCommandFigures } from "./canary-command.ts";
import { deployVersion, findTarget, requireDeploy, type DeployResult } from "./deploy.ts";
import type { GitHub } from "../github/client.ts";
import { keepDeployIssue } from "./issue.ts";
import { shadowComparison } from "./shadow.ts";

/**
 * Judging a canary (DOMAIN.md §8): the version the canary target's alias points at has served since its move; after
 * the bake it is judged by deploy.canary.rules on the figures of what it served (the monitor's windows over the
 * canary's logs that started after the deploy and have ended, or the figures a command prints), and against the
 * champion's shadow predictions on the same requests when they are logged. A pass promotes it to `promote_to` (with
 * `promote`; in a workflow the production job does, in its own Environment). Anything else rolls the canary back to
 * the version before, deploying it again, records why in the alias history and on the deployment, and keeps the
 * model's deploy issue open. No figures after the bake is a failure with that reason, never a pass.
 */

export interface CanaryOptions {
  /** The judge's clock (ISO 8601); the real clock unless given. */
  now?: string | undefined;
  /** Wait for the bake to end instead of answering "baking". */
  wait: boolean;
  /** Deploy to `promote_to` when the canary passes. */
  promote: boolean;
  /** Waits (tests record instead). */
  sleep?: (ms: number) => Promise<void>;
}

export interface JudgedWindow {
  key: string;
  rows: number;
  verdict: "pass" | "fail" | "warn";
  outcomes: RuleOutcome[];
}

export interface CanaryResult {
  stage: "canary";
  model: string;
  alias: string;
  target: string;
  version: string;
  deployedAt: string;
  bakeUntil: string;
  /** baking: the bake is not over, nothing was judged. */
  verdict: "pass" | "fail" | "baking";
  source: "logs" | "command";
  windows: JudgedWindow[];
  /** The command's figures, or the figures of the shadow comparison. */
  figures: Record<string, number>;
  shadow: { rows: number; labelled: number; pairing: string; outcomes: RuleOutcome[] } | null;
  /** Why it failed, one line each. */
  reasons: string[];
  promotion: DeployResult | null;
  rollback: DeployResult | { failed: string } | null;
}

/** The longest a judge waits for a bake in one job (GitHub-hosted jobs end after 6 hours). */
const MAX_WAIT_MS = 5.5 * 3_600_000;

export async function judgeCanary(
  context: StageContext,
  registry: Registry,
  github: GitHub | null,
  options: CanaryOptions,
): Promise<CanaryResult> {
  const { config } = context.loaded;
  const deploy = requireDeploy(config);
  const canary = deploy.canary;
  if (!canary) {
    throw new UsageError("mlops.yml has no deploy.canary section", {
      hint: "add deploy.canary with its target, promote_to, bake and rules (docs/delivery.md)",
    });
  }
  const model = config.model.name;
  const { name: targetName, target } = findTarget(deploy, canary.target);
  const alias = target.alias;
  const moves = await registry.history(model, alias);
  const deployed: AliasEvent | undefined = moves.at(-1);
  if (!deployed) {
    throw new UsageError(
      `nothing was deployed to the canary ${targetName} (alias ${alias} of ${model} has no history)`,
      {
        hint: `deploy a candidate first: mlops deploy ${targetName} --version <version>`,
      },
    );
  }
  const since = new Date(deployed.at);
  const bakeUntil = new Date(since.getTime() + durationMs(canary.bake));
  let now = options.now === undefined ? context.now() : new Date(options.now);
  if (Number.isNaN(now.getTime())) throw new UsageError(`--now "${options.now}" is not an ISO 8601 time`);
  const base = {
    stage: "canary" as const,
    model,
    alias,
    target: targetName,
    version: deployed.to,
    deployedAt: deployed.at,
    bakeUntil: bakeUntil.toISOString(),
    source: canary.logs !== undefined ? ("logs" as const) : ("command" as const),
  };
  if (deployed.kind === "rollback") {
    throw new UsageError(
      `the canary ${targetName} was rolled back to ${deployed.to} at ${deployed.at}: nothing to judge`,
      {
        hint: `deploy the next candidate: mlops deploy ${targetName} --version <version>`,
      },
    );
  }
  if (now < bakeUntil) {
    const left = bakeUntil.getTime() - now.getTime();
    if (!options.wait || left > MAX_WAIT_MS) {
      return {
        ...base,
        verdict: "baking",
        windows: [],
        figures: {},
        shadow: null,
        reasons: [],
        promotion: null,
        rollback: null,
      };
    }
    context.logger.info(`the canary bakes until ${bakeUntil.toISOString()}: waiting ${Math.ceil(left / 60_000)} min`);
    await (options.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms))))(left);
    now = options.now === undefined ? context.now() : bakeUntil;
  }

  const reasons: string[] = [];
  let windows: JudgedWindow[] = [];
  let figures: Record<string, number> = {};
  const valueRules = canary.rules.filter(
    (rule) => rule.max_regression === undefined && rule.min_improvement === undefined,
  );
  if (canary.logs !== undefined) {
    windows = await judgeWindowsSince(context, config, canary, valueRules, { alias, version: deployed.to, since, now });
    if (windows.length === 0) {
      reasons.push(
        `no metrics after the bake: no ${canary.window} window of the canary's logs started after the deploy (${since.toISOString()}) and ended by ${now.toISOString()}`,
      );
    }
    for (const window of windows) {
      for (const outcome of window.outcomes) {
        if (outcome.verdict === "fail" || outcome.verdict === "error" || outcome.verdict === "skipped") {
          reasons.push(`window ${window.key}: ${outcome.metric} ${outcome.reason}`);
        }
      }
    }
  } else {
    const figured = await canaryCommandFigures(context, canary, { model, version: deployed.to, alias, since });
    if ("failed" in figured) reasons.push(figured.failed);
    else {
      figures = figured.figures;
      const outcomes = judgeFigures(valueRules, figures);
      windows = [{ key: "command", rows: figures.rows ?? 0, verdict: verdictOf(outcomes), outcomes }];
      for (const outcome of outcomes) if (failing(outcome)) reasons.push(`${outcome.metric}: ${outcome.reason}`);
    }
  }
  let shadow: CanaryResult["shadow"] = null;
  if (canary.shadow) {
    const compared = await shadowComparison({ config, root: context.loaded.root, since, until: now, env: context.env });
    shadow = {
      rows: compared.rows,
      labelled: compared.labelled,
      pairing: compared.pairing,
      outcomes: compared.outcomes,
    };
    for (const outcome of compared.outcomes) {
      if (failing(outcome)) reasons.push(`against the champion: ${outcome.metric} ${outcome.reason}`);
    }
  }

  if (reasons.length === 0) {
    const promotion = options.promote
      ? await deployVersion(context, registry, github, {
          target: canary.promote_to,
          ref: deployed.to,
          reason: `the canary ${deployed.to} passed on ${targetName} after ${canary.bake}`,
          force: false,
        })
      : null;
    return { ...base, verdict: "pass", windows, figures, shadow, reasons, promotion, rollback: null };
  }

  const why = `the canary ${deployed.to} failed on ${targetName}: ${reasons.join("; ")}`;
  context.logger.warn(why);
  const deploymentId = deployed.delivery?.deployment?.id;
  if (github && deploymentId !== undefined) {
    try {
      await github.setDeploymentStatus(deploymentId, { state: "failure", description: why });
    } catch (error) {
      context.logger.warn(`the canary's deployment status could not be set: ${(error as Error).message}`);
    }
  }
  let rollback: CanaryResult["rollback"];
  try {
    rollback = await deployVersion(context, registry, github, {
      target: targetName,
      ref: null,
      reason: why,
      force: false,
      rollback: true,
      keepIssue: false,
    });
  } catch (error) {
    rollback = { failed: (error as Error).message };
  }
  const undone =
    "failed" in rollback
      ? `It could not be rolled back: ${rollback.failed}`
      : rollback.verdict === "pass"
        ? `The canary was rolled back to ${rollback.version}.`
        : `Rolling back to ${rollback.version} failed too: ${rollback.failure}`;
  await keepDeployIssue(
    github,
    deploy.issue,
    { model, alias },
    {
      failed: {
        title: `Canary rolled back: ${model}@${alias}`,
        body: [`**${why}**`, "", undone, "", ...reasons.map((reason) => `- ${reason}`)].join("\n"),
        comment: `${why}. ${undone}`,
      },
    },
  );
  return { ...base, verdict: "fail", windows, figures, shadow, reasons, promotion: null, rollback };
}

/** The canary's monitor run over its logs, then its windows that started after the deploy and have ended. */
async function judgeWindowsSince(
  context: StageContext,
  config: MlopsConfig,
  canary: CanaryConfig,
  /** The canary's value rules (change rules are judged against the shadow, not per window). */
  rules: CanaryConfig["rules"],
  { alias, version, since, now }: { alias: string; version: string; since: Date; now: Date },
): Promise<JudgedWindow[]> {
  const monitor = config.monitor as MonitorConfig;
  const canaryMonitor: MonitorConfig = {
    ...monitor,
    alias,
    window: canary.window,
    logs: { ...monitor.logs, path: canary.logs ?? monitor.logs.path },
    rules: [],
    alerts: { issue: { ...monitor.alerts.issue, open: false } },
    shards: 1,
  };
  const canaryContext: StageContext = {
    ...context,
    loaded: { ...context.loaded, config: { ...config, monitor: canaryMonitor } },
  };
  await runMonitor(canaryContext, { alias, now: now.toISOString() });
  const registry = await openRegistry(canaryContext);
  const log = await registry.monitorLog(config.model.name, alias);
  const windows = historyWindows(log, canary.window, (message) => context.logger.warn(message));
  const windowMs = WINDOW_MS[canary.window];
  return windows
    .filter((w) => w.version === version && w.start >= since.getTime() && w.start + windowMs <= now.getTime())
    .map((w) => {
      const metrics = w.result.metrics;
      const outcomes = judgeFigures(rules, { rows: w.result.rows, ...metrics });
      return { key: w.key, rows: w.result.rows, verdict: verdictOf(outcomes), outcomes };
    });
}

/** Value rules on a set of figures; a figure that is missing fails its rule (a canary never passes on absence). */
function judgeFigures(rules: CanaryConfig["rules"], figures: Record<string, number>): RuleOutcome[] {
  return evaluateRuleList(
    rules,
    (rule) => rule.direction ?? windowMetricKind(rule.metric)?.direction ?? "higher",
    { metrics: figures, slices: [] },
    null,
  ).map((outcome) =>
    outcome.candidate === null && outcome.kind === "value"
      ? { ...outcome, verdict: "fail", reason: `no figure "${outcome.metric}" was measured` }
      : outcome,
  );
}

function failing(outcome: RuleOutcome): boolean {
  return outcome.verdict === "fail" || outcome.verdict === "error";
}

function verdictOf(outcomes: readonly RuleOutcome[]): "pass" | "fail" | "warn" {
  if (outcomes.some(failing)) return "fail";
  return outcomes.some((o) => o.verdict === "warn") ? "warn" : "pass";
}
