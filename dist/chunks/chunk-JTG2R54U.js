import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  keepOneIssue
} from "./chunk-WE5QLUEO.js";
import {
  pullForCommand
} from "./chunk-OFMUSNDP.js";
import {
  describeFailure,
  runCommand
} from "./chunk-LFNSLPCM.js";
import {
  UnverifiedVersionError
} from "./chunk-GPXSHNAX.js";
import {
  redactorFor
} from "./chunk-5PEOAABG.js";
import {
  ExternalError,
  InputError,
  UsageError
} from "./chunk-XOZC47AQ.js";

// src/deploy/deploy.ts
import { mkdir } from "node:fs/promises";
import path from "node:path";

// src/deploy/approval.ts
async function findApproval(context, github, deploy, environment, reason) {
  const runId = Number(context.env.GITHUB_RUN_ID ?? "");
  if (!context.runner.inActions || !Number.isInteger(runId) || runId <= 0) {
    return { approvedBy: "none", approvals: [], note: "a run outside GitHub Actions: no approval is recorded" };
  }
  if (!github) {
    throw new UsageError("a deploy in GitHub Actions needs a token to record its approval and deployment", {
      hint: "pass `github-token` (the job's token, with `deployments: write`, `actions: read`, `issues: write`)"
    });
  }
  if (deploy.approval === "dispatch") {
    const event = context.env.GITHUB_EVENT_NAME ?? context.runner.event.name;
    const defaultBranch = defaultBranchOf(context.runner.event.payload);
    const ref = context.runner.ref;
    if (event !== "workflow_dispatch" || defaultBranch === null || ref !== `refs/heads/${defaultBranch}`) {
      throw new UsageError(
        `deploy.approval is dispatch: a deploy runs only from a manually dispatched workflow on the default branch (this run: ${event ?? "unknown event"} on ${ref ?? "an unknown ref"})`,
        { hint: "run the mlops-promote workflow from the Actions tab (mlops init --workflows writes it)" }
      );
    }
    const actor = context.provenance.actor ?? "unknown";
    return { approvedBy: "dispatch", approvals: [{ user: actor, comment: reason, state: "approved" }], note: null };
  }
  const settings = await github.getEnvironment(environment);
  if (!settings) {
    throw new ExternalError(`the GitHub Environment "${environment}" does not exist in ${github.repository}`, {
      hint: `create it under Settings \u2192 Environments with its required reviewers, and run the deploy job with \`environment: ${environment}\``
    });
  }
  const reviewed = settings.protectionRules.some((rule) => rule.type === "required_reviewers");
  const decisions = (await github.listRunApprovals(runId)).filter(
    (approval) => approval.environments.includes(environment)
  );
  const approvals = decisions.map(({ user, comment, state }) => ({ user, comment, state }));
  const rejected = approvals.find((approval) => approval.state === "rejected");
  if (rejected) {
    throw new UsageError(`${rejected.user} rejected the deploy to ${environment}: ${rejected.comment || "no comment"}`);
  }
  if (reviewed && approvals.length === 0) {
    throw new UsageError(
      `the environment "${environment}" has required reviewers, and this run has no approval for it: the deploy job did not wait in that environment`,
      { hint: `give the deploy job \`environment: ${environment}\`, so GitHub asks its reviewers before it runs` }
    );
  }
  return {
    approvedBy: "environment",
    approvals,
    note: reviewed ? null : `the environment "${environment}" has no required reviewers: its branch policies approved`
  };
}
function defaultBranchOf(payload) {
  const repository = payload?.repository;
  return typeof repository?.default_branch === "string" ? repository.default_branch : null;
}

// src/deploy/issue.ts
function deployIssueMarker(model, alias) {
  return `<!-- mlops-kit:deploy:${model}:${alias} -->`;
}
async function keepDeployIssue(github, settings, subject, state) {
  if (!github) return { skipped: "no GitHub token or repository here: no issue was opened or closed" };
  const spec = {
    marker: deployIssueMarker(subject.model, subject.alias),
    title: "failed" in state ? state.failed.title : `Deploy failed: ${subject.model}@${subject.alias}`,
    labels: settings.labels,
    assignees: settings.assignees
  };
  try {
    const done = "failed" in state ? await keepOneIssue(github, spec, { open: { body: state.failed.body, comment: state.failed.comment } }) : await keepOneIssue(github, spec, { resolved: { comment: state.ok.comment } });
    return { done };
  } catch (error) {
    return { failed: `the deploy issue could not be kept: ${error.message}` };
  }
}

// src/deploy/deploy.ts
var ENVIRONMENT_URL_LINE = /^environment_url=(https?:\/\/\S+)\s*$/;
function requireDeploy(config) {
  if (!config.deploy) {
    throw new UsageError("mlops.yml has no deploy section", {
      hint: "add deploy.targets (docs/delivery.md), e.g. production: { alias: champion, command: ./deploy.sh }"
    });
  }
  return config.deploy;
}
function findTarget(deploy, name) {
  const byName = deploy.targets[name];
  if (byName) return { name, target: byName };
  const byAlias = Object.entries(deploy.targets).find(([, target]) => target.alias === name);
  if (byAlias) return { name: byAlias[0], target: byAlias[1] };
  const names = Object.entries(deploy.targets).map(([n, t]) => `${n} (alias ${t.alias})`);
  throw new UsageError(`no deploy target is named "${name}" or serves an alias of that name`, {
    hint: `deploy.targets has ${names.join(", ")}`
  });
}
function refuseServedAlias(config, alias, move) {
  const served = Object.entries(config.deploy?.targets ?? {}).find(([, target]) => target.alias === alias);
  if (!served) return;
  throw new UsageError(`${alias} is served by the deploy target "${served[0]}": only its deploy job moves it`, {
    hint: `mlops deploy ${served[0]} ${move}`
  });
}
var environmentOf = (name, target) => target.environment ?? name;
async function deployVersion(context, registry, github, request) {
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
        hint: `name the version: mlops deploy ${name} --version <version>`
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
      hint: "deploy a version whose gate passed, or pass --force (recorded in the alias history)"
    });
  }
  const kind = request.rollback ? "rollback" : "promote";
  const reason = request.reason ?? (request.rollback ? `rolled back from ${current ?? "nothing"} on ${name}` : `deployed to ${name}`);
  const approval = await findApproval(context, github, deploy, environment, reason);
  if (approval.note) context.logger.info(approval.note);
  const deployment = github ? await github.createDeployment({
    ref: context.runner.sha ?? context.provenance.gitSha ?? manifest.git.sha ?? "main",
    environment,
    description: `${model} ${manifest.version} to ${name}`,
    payload: { model, version: manifest.version, alias, target: name, kind },
    productionEnvironment: target.production ?? alias === "champion"
  }) : null;
  const logUrl = context.provenance.runUrl ?? void 0;
  const status = async (state, description, environmentUrl2) => {
    if (!github || !deployment) return;
    try {
      await github.setDeploymentStatus(deployment.id, {
        state,
        description,
        ...environmentUrl2 ? { environmentUrl: environmentUrl2 } : {},
        ...logUrl ? { logUrl } : {}
      });
    } catch (error) {
      context.logger.warn(`the deployment's status (${state}) could not be set: ${error.message}`);
    }
  };
  await status("in_progress", `deploying ${manifest.version}`);
  let run;
  try {
    run = await runDeployCommand(context, registry, manifest, { name, target, environment, alias });
  } catch (error) {
    await status("error", `could not deploy: ${error.message}`);
    throw error;
  }
  const base = {
    stage: "deploy",
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
    deployment: deployment ? { id: deployment.id, url: deployment.url } : null
  };
  if (run.failure !== null) {
    await status("failure", run.failure);
    const issue2 = await keepIssue(
      request,
      github,
      deploy.issue,
      { model, alias },
      {
        failed: {
          title: `Deploy failed: ${model}@${alias}`,
          body: deployIssueBody(model, manifest.version, name, run.failure, context.provenance.runUrl),
          comment: `Deploying ${manifest.version} to ${name} failed again${runLink(context)}: ${run.failure}`
        }
      }
    );
    return {
      ...base,
      verdict: "fail",
      failure: run.failure,
      moved: false,
      environmentUrl: run.environmentUrl,
      durationMs: performance.now() - started,
      issue: issue2
    };
  }
  const environmentUrl = run.environmentUrl ?? target.url ?? null;
  let event = null;
  if (current !== manifest.version) {
    const delivery = {
      target: name,
      environment,
      approvals: approval.approvals,
      approvedBy: approval.approvedBy,
      deployment: base.deployment,
      environmentUrl
    };
    try {
      event = await registry.moveAlias(model, alias, manifest.version, {
        at: context.now().toISOString(),
        actor: context.provenance.actor,
        reason,
        runUrl: context.provenance.runUrl,
        forced,
        kind,
        delivery
      });
    } catch (error) {
      await status("error", `deployed, but ${alias} could not be moved in the registry`);
      throw error;
    }
  }
  await status("success", `${manifest.version} serves as ${alias}`, environmentUrl ?? void 0);
  const issue = await keepIssue(
    request,
    github,
    deploy.issue,
    { model, alias },
    {
      ok: { comment: `Deployed ${manifest.version} to ${name}${runLink(context)}. Closing.` }
    }
  );
  return {
    ...base,
    from: event ? event.from : current,
    verdict: "pass",
    failure: null,
    moved: event !== null,
    environmentUrl,
    durationMs: performance.now() - started,
    issue
  };
}
async function runDeployCommand(context, registry, manifest, where) {
  const dir = path.join(context.workspace.dir, "deploy", where.name);
  const modelDir = path.join(dir, "model");
  const manifestFile = path.join(dir, "manifest.json");
  await mkdir(dir, { recursive: true });
  try {
    await pullForCommand(context, registry, manifest, { modelDir, manifestFile });
  } catch (error) {
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
    MLOPS_MANIFEST: manifestFile
  };
  const redact = redactorFor(env);
  const command = where.target.command;
  context.logger.info(`$ ${redact(command)}`);
  let environmentUrl = null;
  const timeoutMs = where.target.timeout_minutes * 6e4;
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
    }
  });
  if (result.exitCode !== 0) {
    return { failure: describeFailure(`deploy to ${where.name}`, redact(command), result, timeoutMs), environmentUrl };
  }
  return { failure: null, environmentUrl };
}
var keepIssue = async (request, ...args) => request.keepIssue === false ? { skipped: "the canary's judge keeps the deploy issue" } : keepDeployIssue(...args);
function runLink(context) {
  return context.provenance.runUrl ? ` in ${context.provenance.runUrl}` : "";
}
function deployIssueBody(model, version, target, failure, runUrl) {
  return [
    `Deploying **${model} ${version}** to **${target}** failed${runUrl ? ` ([run](${runUrl}))` : ""}:`,
    "",
    "```",
    failure,
    "```",
    "",
    "The alias was left where it was. The next good deploy to this target closes this issue."
  ].join("\n");
}

export {
  keepDeployIssue,
  requireDeploy,
  findTarget,
  refuseServedAlias,
  deployVersion
};
