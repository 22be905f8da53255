import { mkdir } from "node:fs/promises";
import { UnverifiedVersionError } from "../provenance/policy.ts";
import path from "node:path";
import { runCommand, describeFailure } from "../command/run-command.ts";
import { redactorFor } from "../command/redact.ts";
import type { DeployConfig, DeployTargetConfig, MlopsConfig } from "../config/schema/index.ts";
import type { StageContext } from "../context/context.ts";
import { InputError, UsageError } from "../errors.ts";
import type { IssueOutcome } from "../alerts/issue.ts";
import type { ChannelOutcome } from "../alerts/outcomes.ts";
import type { AliasEvent, Approval, Delivery, Registry } from "../registry/registry.ts";
import type { Manifest } from "../registry/manifest.ts";
import { pullForCommand } from "../registry/pull-for-command.ts";
import { findApproval } from "./approval.ts";
import type { GitHub } from "../github/client.ts";
import { keepDeployIssue } from "./issue.ts";

/**
 * One deploy (DOMAIN.md §8): the version's files pulled and verified, the user's deploy command run with its identity,
 * a GitHub deployment and its statuses around it, and, only when the command succeeded, the target's alias moved with
 * who approved it. A failed or timed-out command leaves the alias where it was, marks the deployment `failure`, and
 * keeps the model's deploy issue open; the next good deploy closes it.
 */

export interface DeployRequest {
  /** The target's name, or the alias it serves. */
  target: string;
  /** The version to deploy (id, number or alias); null redeploys the version the target's alias points at. */
  ref: string | null;
  reason: string | null;
  /** Deploy a version whose gate did not pass (recorded as forced). */
  force: boolean;
  /** Go back to the version the alias stood on before (a canary's rollback). */
  rollback?: boolean;
  /** Open or close the deploy issue by the outcome (default); a canary's rollback keeps it itself. */
  keepIssue?: boolean;
}

export interface DeployResult {
  stage: "deploy";
  model: string;
  target: string;
  environment: string;
  alias: string;
  version: string;
  /** Where the alias pointed before; null for its first move. */
  from: string | null;
  verdict: "pass" | "fail";
  /** Why it failed, in one line; null when it passed. */
  failure: string | null;
  /** Whether the alias moved (false when it failed, or already pointed at the version). */
  moved: boolean;
  kind: "promote" | "rollback";
  reason: string;
  approvedBy: Delivery["approvedBy"];
  approvals: Approval[];
  approvalNote: string | null;
  deployment: { id: number; url: string | null } | null;
  environmentUrl: string | null;
  durationMs: number;
  issue: ChannelOutcome<IssueOutcome | null>;
}

/** A stdout line of the deploy command that names where the deployed version answers. */
const ENVIRONMENT_URL_LINE = /^environment_url=(https?:\/\/\S+)\s*$/;

export function requireDeploy(config: MlopsConfig): DeployConfig {
  if (!config.deploy) {
    throw new UsageError("mlops.yml has no deploy section", {
      hint: "add deploy.targets (docs/delivery.md), e.g. production: { alias: champion, command: ./deploy.sh }",
    });
  }
  return config.deploy;
}

/** A target by its name or by the alias it serves. */
export function findTarget(deploy: DeployConfig, name: string): { name: string; target: DeployTargetConfig } {
  const byName = deploy.targets[name];
  if (byName) return { name, target: byName };
  const byAlias = Object.entries(deploy.targets).find(([, target]) => target.alias === name);
  if (byAlias) return { name: byAlias[0], target: byAlias[1] };
  const names = Object.entries(deploy.targets).map(([n, t]) => `${n} (alias ${t.alias})`);
  throw new UsageError(`no deploy target is named "${name}" or serves an alias of that name`, {
    hint: `deploy.targets has ${names.join(", ")}`,
  });
}

/**
 * Refuses a move of an alias a deploy target serves by any other door (promote, rollback): only that target's deploy
 * job moves it, in its Environment, so its reviewers approve every move (DOMAIN.md §8).
 */
export function refuseServedAlias(config: MlopsConfig, alias: string, move: string): void {
  const served = Object.entries(config.deploy?.targets ?? {}).find(([, target]) => target.alias === alias);
  if (!served) return;
  throw new UsageError(`${alias} is served by the deploy target "${served[0]}": only its deploy job moves it`, {
    hint: `mlops deploy ${served[0]} ${move}`,
  });
}

export const environmentOf = (name: string, target: DeployTargetConfig): string => target.environment ?? name;

export async function deployVersion(
  context: StageContext,
  registry: Registry,
  github: GitHub | null,
  request: DeployRequest,
): Promise<DeployResult> {
  const { config } = context.loaded;
  const deploy = requireDeploy(config);
  const model = config.model.name;
  const { name, target } = findTarget(deploy, request.target);
  const environment = environmentOf(name, target);
  const alias = target.alias;
  const started = performance.now();

  const current = (await registry.aliases(model))[alias] ?? null;
  let ref = request.ref;
  if (request.rollback) ref = (await registry.rollbackTarget(model, alias)).target;
  if (ref === null) {
    if (current === null) {
      throw new UsageError(`${alias} of ${model} points nowhere yet, so there is nothing to redeploy`, {
        hint: `name the version: mlops deploy ${name} --version <version>`,
      });
    }
    ref = current;
  }
  const manifest = await registry.resolve(model, ref);
  if (!manifest) throw new InputError(`${model} has no version ${ref}`, { hint: "see `mlops models list`" });
  const verdict = manifest.gate?.verdict ?? "missing";
  const forced = verdict !== "pass" && request.force;
  if (verdict !== "pass" && !request.force && !request.rollback) {
    throw new InputError(`${model} ${manifest.version}'s gate verdict is ${verdict}: it is not deployed`, {
      hint: "deploy a version whose gate passed, or pass --force (recorded in the alias history)",
    });
  }
  const kind = request.rollback ? "rollback" : "promote";
  const reason =
    request.reason ??
    (request.rollback ? `rolled back from ${current ?? "nothing"} on ${name}` : `deployed to ${name}`);

  const approval = await findApproval(context, github, deploy, environment, reason);
  if (approval.note) context.logger.info(approval.note);

  const deployment = github
    ? await github.createDeployment({
        ref: context.runner.sha ?? context.provenance.gitSha ?? manifest.git.sha ?? "main",
        environment,
        description: `${model} ${manifest.version} to ${name}`,
        payload: { model, version: manifest.version, alias, target: name, kind },
        productionEnvironment: target.production ?? alias === "champion",
      })
    : null;
  const logUrl = context.provenance.runUrl ?? undefined;
  const status = async (
    state: "in_progress" | "success" | "failure" | "error",
    description: string,
    environmentUrl?: string,
  ): Promise<void> => {
    if (!github || !deployment) return;
    try {
      await github.setDeploymentStatus(deployment.id, {
        state,
        description,
        ...(environmentUrl ? { environmentUrl } : {}),
        ...(logUrl ? { logUrl } : {}),
      });
    } catch (error) {
      context.logger.warn(`the deployment's status (${state}) could not be set: ${(error as Error).message}`);
    }
  };
  await status("in_progress", `deploying ${manifest.version}`);

  let run: CommandOutcome;
  try {
    run = await runDeployCommand(context, registry, manifest, { name, target, environment, alias });
  } catch (error) {
    // The files could not be pulled (or the command not started): the deployment ends, it does not hang in progress.
    await status("error", `could not deploy: ${(error as Error).message}`);
    throw error;
  }
  const base = {
    stage: "deploy" as const,
    model,
    target: name,
    environment,
    alias,
    version: manifest.version,
    from: current,
    kind,
    reason,
    approvedBy: approval.approvedBy,
    approvals: approval.approvals,
    approvalNote: approval.note,
    deployment: deployment ? { id: deployment.id, url: deployment.url } : null,
  } as const;
  if (run.failure !== null) {
    await status("failure", run.failure);
    const issue = await keepIssue(
      request,
      github,
      deploy.issue,
      { model, alias },
      {
        failed: {
          title: `Deploy failed: ${model}@${alias}`,
          body: deployIssueBody(model, manifest.version, name, run.failure, context.provenance.runUrl),
          comment: `Deploying ${manifest.version} to ${name} failed again${runLink(context)}: ${run.failure}`,
        },
      },
    );
    return {
      ...base,
      verdict: "fail",
      failure: run.failure,
      moved: false,
      environmentUrl: run.environmentUrl,
      durationMs: performance.now() - started,
      issue,
    };
  }

  const environmentUrl = run.environmentUrl ?? target.url ?? null;
  let event: AliasEvent | null = null;
  if (current !== manifest.version) {
    const delivery: Delivery = {
      target: name,
      environment,
      approvals: approval.approvals,
      approvedBy: approval.approvedBy,
      deployment: base.deployment,
      environmentUrl,
    };
    try {
      event = await registry.moveAlias(model, alias, manifest.version, {
        at: context.now().toISOString(),
        actor: context.provenance.actor,
        reason,
        runUrl: context.provenance.runUrl,
        forced,
        kind,
        delivery,
      });
    } catch (error) {
      // The version serves but the registry does not say so: the deployment must not read as a success.
      await status("error", `deployed, but ${alias} could not be moved in the registry`);
      throw error;
    }
  }
  await status("success", `${manifest.version} serves as ${alias}`, environmentUrl ?? undefined);
  const issue = await keepIssue(
    request,
    github,
    deploy.issue,
    { model, alias },
    {
      ok: { comment: `Deployed ${manifest.version} to ${name}${runLink(context)}. Closing.` },
    },
  );
  return {
    ...base,
    from: event ? event.from : current,
    verdict: "pass",
    failure: null,
    moved: event !== null,
    environmentUrl,
    durationMs: performance.now() - started,
    issue,
  };
}

interface CommandOutcome {
  failure: string | null;
  environmentUrl: string | null;
}

/** Pulls the version (verified) into `<workspace>/deploy/<target>/` and runs the target's command on it. */
async function runDeployCommand(
  context: StageContext,
  registry: Registry,
  manifest: Manifest,
  where: { name: string; target: DeployTargetConfig; environment: string; alias: string },
): Promise<CommandOutcome> {
  const dir = path.join(context.workspace.dir, "deploy", where.name);
  const modelDir = path.join(dir, "model");
  const manifestFile = path.join(dir, "manifest.json");
  await mkdir(dir, { recursive: true });
  try {
    await pullForCommand(context, registry, manifest, { modelDir, manifestFile });
  } catch (error) {
    // With registry.signing.require the pull verifies the version's signature first (registry.ts): one that does not
    // verify fails the deploy like a failing command, recorded on the deployment, and nothing is run.
    if (error instanceof UnverifiedVersionError) return { failure: error.message, environmentUrl: null };
    throw error;
  }
  const env = {
    ...context.env,
    ...where.target.env,
    MLOPS_MODEL: manifest.model,
    MLOPS_VERSION: manifest.version,
    MLOPS_ALIAS: where.alias,
    MLOPS_TARGET: where.name,
    MLOPS_ENVIRONMENT: where.environment,
    MLOPS_MODEL_DIR: modelDir,
    MLOPS_MANIFEST: manifestFile,
  };
  const redact = redactorFor(env);
  const command = where.target.command;
  context.logger.info(`$ ${redact(command)}`);
  let environmentUrl: string | null = null;
  const timeoutMs = where.target.timeout_minutes * 60_000;
  const result = await runCommand({
    command,
    cwd: context.loaded.root,
    env,
    logger: context.logger,
    label: `deploy ${where.name}`,
    redact,
    timeoutMs,
    onStdoutLine: (line) => {
      const match = ENVIRONMENT_URL_LINE.exec(line.trim());
      if (match?.[1]) environmentUrl = match[1];
    },
  });
  if (result.exitCode !== 0) {
    return { failure: describeFailure(`deploy to ${where.name}`, redact(command), result, timeoutMs), environmentUrl };
  }
  return { failure: null, environmentUrl };
}

const keepIssue = async (
  request: DeployRequest,
  ...args: Parameters<typeof keepDeployIssue>
): ReturnType<typeof keepDeployIssue> =>
  request.keepIssue === false ? { skipped: "the canary's judge keeps the deploy issue" } : keepDeployIssue(...args);

function runLink(context: StageContext): string {
  return context.provenance.runUrl ? ` in ${context.provenance.runUrl}` : "";
}

function deployIssueBody(
  model: string,
  version: string,
  target: string,
  failure: string,
  runUrl: string | null,
): string {
  return [
    `Deploying **${model} ${version}** to **${target}** failed${runUrl ? ` ([run](${runUrl}))` : ""}:`,
    "",
    "```",
    failure,
    "```",
    "",
    "The alias was left where it was. The next good deploy to this target closes this issue.",
  ].join("\n");
}
