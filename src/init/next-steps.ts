import { isGitHubUri, isS3Uri } from "../files/safe-path.ts";
import { informationalCheckName } from "../github/pull-request.ts";
import {
  type AwsSetup,
  awsSetup,
  compactJson,
  OIDC_AUDIENCE,
  OIDC_PROVIDER,
  PLACEHOLDERS,
  policyJson,
  registryLocation,
  trustedContext,
} from "./aws-policy.ts";
import type { RepositoryInfo } from "./detect.ts";
import { type DeployWorkflow, GATE_CHECK, type PredictWorkflow, WORKFLOW_NAMES } from "./workflows.ts";

/**
 * What the user does after `mlops init`, as data (the --json result) and as text: try it locally, make the gate a
 * required check, give the workflows AWS access by OIDC for an S3 registry, and what GITHUB_TOKEN cannot trigger.
 */

export interface NextStepsInput {
  repository: RepositoryInfo;
  model: string;
  /** registry.uri from the written config. */
  registryUri: string | undefined;
  /** The workflows were written (not --no-workflows). */
  workflows: boolean;
  /** How to name mlops.yml in a command run where init ran ("" when it is the default). */
  configFlag: string;
  /** The deploy section as the workflows have it; absent or null: no deploys, nothing to say. */
  deploy?: DeployWorkflow | null;
  /** The predict section as mlops-predict.yml has it; absent or null: no batch scoring, nothing to say. */
  predict?: PredictWorkflow | null;
}

/** The body of `POST /repos/{owner}/{repo}/rulesets`: the gate job must pass on the default branch. */
export interface RulesetRequest {
  name: string;
  target: "branch";
  enforcement: "active";
  conditions: { ref_name: { include: string[]; exclude: string[] } };
  rules: {
    type: "required_status_checks";
    parameters: { strict_required_status_checks_policy: boolean; required_status_checks: { context: string }[] };
  }[];
}

export interface NextSteps {
  /** The required status check: the pull-request workflow's gate job. */
  requiredCheck: string;
  /**
   * The check run the report workflow posts from the pull request's uploaded report: informational, never required,
   * since a fork's pull request controls what its run uploads.
   */
  informationalCheck: string;
  github: { owner: string; repo: string; detected: boolean };
  ruleset: RulesetRequest;
  rulesetCommand: string;
  /** Prints the numeric ids the immutable OIDC subject format needs. */
  idsCommand: string;
  aws: AwsSetup | null;
  /** Warnings about what was detected or chosen. */
  notes: string[];
  /** How deploys are approved, and the GitHub Environments to create; null without a deploy section. */
  delivery: Delivery | null;
}

export interface Delivery {
  approval: DeployWorkflow["approval"];
  /** Each environment the deploy jobs run in, with the targets it serves, and the command that creates it. */
  environments: { name: string; targets: string[]; createCommand: string }[];
}

export function nextSteps(input: NextStepsInput): NextSteps {
  const { repository } = input;
  const owner = repository.remote?.owner ?? PLACEHOLDERS.owner;
  const repo = repository.remote?.repo ?? PLACEHOLDERS.repo;
  const ruleset: RulesetRequest = {
    name: GATE_CHECK,
    target: "branch",
    enforcement: "active",
    conditions: { ref_name: { include: ["~DEFAULT_BRANCH"], exclude: [] } },
    rules: [
      {
        type: "required_status_checks",
        parameters: { strict_required_status_checks_policy: false, required_status_checks: [{ context: GATE_CHECK }] },
      },
    ],
  };
  const location = input.registryUri && isS3Uri(input.registryUri) ? registryLocation(input.registryUri) : undefined;
  const config = input.configFlag === "" ? "" : ` ${input.configFlag}`;
  const refresh = `npx mlops-kit init --workflows${config}`;
  const notes: string[] = [];
  if (!repository.git)
    notes.push(
      `${repository.root} is not in a git repository: ${input.workflows ? "the workflows were" : "mlops.yml was"} written there; run \`git init\``,
    );
  if (!repository.remote)
    notes.push(`no GitHub remote named origin: replace ${PLACEHOLDERS.owner}/${PLACEHOLDERS.repo} below with yours`);
  if (repository.remote && repository.remote.host !== "github.com")
    notes.push(
      `origin is on ${repository.remote.host}: on GitHub Enterprise the OIDC issuer (and so the IAM identity provider) differs from ${OIDC_PROVIDER}`,
    );
  if (repository.defaultBranchFrom !== "origin/HEAD")
    notes.push(
      repository.remote
        ? `the default branch "${repository.defaultBranch}" is a guess (origin/HEAD is not set): if it is wrong, run ` +
            `\`git remote set-head origin --auto\`, then \`${refresh}\` to regenerate the workflows`
        : `the default branch is taken to be "${repository.defaultBranch}" (${repository.defaultBranchFrom === "current branch" ? "the current branch" : "no branch yet"}): the main workflow runs on pushes to it`,
    );
  if (!location && !isGitHubUri(input.registryUri ?? ""))
    notes.push(
      "the registry is a local folder: on GitHub each run starts with an empty one, so pull requests have no champion " +
        "to gate against and what main publishes is lost with the runner. Keep it in the repository itself " +
        `(\`${setRegistry(`github://${owner}/${repo}`, config)}\`) or in a bucket (\`${setRegistry("s3://bucket/prefix", config)}\`), ` +
        `then run \`${refresh}\``,
    );
  return {
    requiredCheck: GATE_CHECK,
    informationalCheck: informationalCheckName(input.model),
    github: { owner, repo, detected: repository.remote !== null },
    ruleset,
    rulesetCommand: `gh api --method POST repos/${owner}/${repo}/rulesets --input - <<'EOF'\n${compactJson(ruleset)}\nEOF`,
    idsCommand: `gh api repos/${owner}/${repo} --jq '"OWNER_ID=\\(.owner.id) REPO_ID=\\(.id)"'`,
    aws: location ? awsSetup(location, { owner, repo }, repository.defaultBranch, input.model) : null,
    notes,
    delivery: input.deploy ? delivery(input.deploy, owner, repo) : null,
  };
}

function delivery(deploy: DeployWorkflow, owner: string, repo: string): Delivery {
  const names = [...new Set(deploy.targets.map((target) => target.environment))];
  return {
    approval: deploy.approval,
    environments: names.map((name) => ({
      name,
      targets: deploy.targets.filter((target) => target.environment === name).map((target) => target.name),
      // The environment's name is a path segment: encoded, as GitHub's API expects.
      createCommand: `gh api --method PUT "repos/${owner}/${repo}/environments/${encodeURIComponent(name)}"`,
    })),
  };
}

/**
 * Which approval applies to deploys (PLATFORM.md "Environments and deployments"): required reviewers on an
 * Environment work in public repositories and on GitHub Enterprise, not in private ones on GitHub Free, Pro or Team,
 * where `deploy.approval: dispatch` and mlops-promote.yml are the way. Printed by `init` and `init --workflows`.
 */
export function renderDelivery(
  steps: Pick<NextSteps, "delivery">,
  defaultBranch: string,
  configFlag: string,
): string[] {
  const { delivery } = steps;
  if (delivery === null) return [];
  const config = configFlag === "" ? "" : ` ${configFlag}`;
  const environments = [
    "Create the environments under Settings → Environments (or with the GitHub CLI), each with a deployment branch",
    `policy allowing only ${defaultBranch}:`,
    ...delivery.environments.map(
      (environment) => `  ${environment.name} (${environment.targets.join(", ")}): ${environment.createCommand}`,
    ),
  ];
  if (delivery.approval === "environment") {
    return [
      "deploy.approval is environment: each deploy job of the main workflow runs in its target's GitHub Environment,",
      "and the environment's required reviewers approve it; the approver and their comment go into the alias history.",
      ...environments,
      "Add the required reviewers to each environment whose deploys need a person's approval (production at least).",
      "Required reviewers work in public repositories and on GitHub Enterprise; in a private repository on GitHub",
      "Free, Pro or Team they do not, and a deploy would go ahead with no person's approval. There, switch to",
      "deploys dispatched by hand (mlops-promote.yml, on the default branch, the actor recorded):",
      indent(
        `npx mlops-kit config set deploy.approval dispatch${config} && npx mlops-kit init --workflows${config}`,
        2,
      ),
    ];
  }
  return [
    `deploy.approval is dispatch: deploys run from the "${WORKFLOW_NAMES.promote}" workflow (mlops-promote.yml), which a`,
    `person with write access dispatches from the Actions tab on ${defaultBranch}, choosing the target and the version;`,
    "whoever dispatched it is recorded as the approver in the alias history. This is the way for a private repository",
    "on GitHub Free, Pro or Team, where environments have no required reviewers.",
    ...environments,
    "In a public repository or on GitHub Enterprise, required reviewers can approve each deploy instead:",
    indent(
      `npx mlops-kit config set deploy.approval environment${config} && npx mlops-kit init --workflows${config}`,
      2,
    ),
  ];
}

/**
 * What the scheduled batch scoring (mlops-predict.yml) needs of the user: nothing but a look at its first run, unless
 * its data is on S3, where the role its jobs assume must reach the input and the predictions (the registry's policy
 * covers the registry's prefix only). Printed by `init` and `init --workflows`.
 */
export function renderScoring(
  predict: PredictWorkflow | null | undefined,
  registryUri: string | undefined,
  defaultBranch: string,
): string[] {
  if (!predict) return [];
  const lines = [
    `"${WORKFLOW_NAMES.predict}" (mlops-predict.yml) scores predict.input at ${predict.cron} (UTC) with the version`,
    "predict.alias points at, and records it in the registry (`npx mlops-kit predict history`). To score now, run it",
    `from the Actions tab on ${defaultBranch} (a version, or force to score again what was scored).`,
    ...(predict.shards > 1
      ? [
          `Its ${predict.shards} legs score with the version its first job pinned; when a leg fails, "Re-run failed jobs"`,
          "scores only the missing parts, with that version, and the finish job then completes the result.",
        ]
      : []),
  ];
  if (!predict.inputOnS3 && !predict.outputOnS3) return lines;
  const role = isS3Uri(registryUri ?? "")
    ? "the read-write role (MLOPS_AWS_ROLE_ARN)"
    : `a role trusting ref:refs/heads/${defaultBranch}, named in the repository variables MLOPS_AWS_ROLE_ARN and MLOPS_AWS_REGION`;
  return [
    ...lines,
    `Its jobs reach S3 with ${role}: give it`,
    ...(predict.inputOnS3 ? ["  s3:GetObject and s3:ListBucket on predict.input,"] : []),
    ...(predict.outputOnS3
      ? [
          "  s3:GetObject, s3:PutObject, s3:DeleteObject, s3:AbortMultipartUpload and s3:ListBucket on predict.output",
          "  (a run with force replaces the _SUCCESS marker of a result it scores again).",
        ]
      : []),
  ];
}

/** How the user changes the registry after init: edit mlops.yml in place (the workflows follow with --workflows). */
function setRegistry(uri: string, config: string): string {
  return `npx mlops-kit config set registry.uri ${uri}${config}`;
}

const indent = (text: string, spaces: number): string =>
  text
    .split("\n")
    .map((l) => (l === "" ? l : " ".repeat(spaces) + l))
    .join("\n");

export function renderNextSteps(steps: NextSteps, input: NextStepsInput): string {
  const { repository } = input;
  const sections: string[] = [];
  let number = 0;
  const section = (title: string, body: string[]): void => {
    number += 1;
    sections.push([`${number}. ${title}`, ...body.map((b) => indent(b, 3))].join("\n"));
  };
  const config = input.configFlag === "" ? "" : ` ${input.configFlag}`;

  section("Run it locally first.", [
    "Check what init guessed (data.train, data.eval, data.target, the commands; above), then:",
    indent(`npx mlops-kit check${config} && npx mlops-kit run${config} --no-publish`, 2),
    input.workflows
      ? "The same stages run in the workflows; a failure here is one you do not have to push to see."
      : "The same stages run in the workflows, once you add them (below).",
    ...(steps.aws
      ? ["The gate reads the champion from the bucket: have AWS credentials for it in your shell (AWS_PROFILE...)."]
      : []),
    ...(isGitHubUri(input.registryUri ?? "")
      ? [
          "The gate reads the champion from the repository's releases with your token (`gh auth login`, or GITHUB_TOKEN);",
          "`npx mlops-kit run` publishes there from your machine only with --publish: the main workflow publishes.",
        ]
      : []),
  ]);

  if (input.workflows) {
    section(`Make "${steps.requiredCheck}" a required status check on ${repository.defaultBranch}.`, [
      `It is the gate job of the "${WORKFLOW_NAMES.pr}" workflow: it fails on a regression. Require it in a ruleset`,
      '(Settings > Rules > Rulesets > New branch ruleset > "Require status checks to pass") or in branch protection',
      "(Settings > Branches); GitHub offers it once it has run on a pull request, whose checks list it as",
      `"${WORKFLOW_NAMES.pr} / ${steps.requiredCheck} (pull_request)". Or with the GitHub CLI:`,
      indent(steps.rulesetCommand, 2),
      `Do not require "${steps.informationalCheck}": the "${WORKFLOW_NAMES.report}" workflow posts it from the report`,
      "the pull request's own run uploaded, which a fork's pull request can change. It is there to read, not to gate.",
    ]);
  }

  if (isGitHubUri(input.registryUri ?? "")) {
    section(`The registry is ${input.registryUri}: nothing to set up.`, [
      `Each version is a release tagged mlops/${input.model}/<version> (never "latest"), published once complete; aliases`,
      "and their history live on the ref refs/mlops/registry. The workflows reach it with the job's own token: pull",
      "requests read (contents: read), and only the main and retrain jobs write (contents: write). Files over 2 GiB,",
      "or a registry shared by many repositories, need a bucket:",
      indent(`${setRegistry("s3://bucket/prefix", config)} && npx mlops-kit init --workflows${config}`, 2),
    ]);
  }

  if (steps.aws) {
    const { aws } = steps;
    const write = aws.roles.write;
    const read = aws.roles.read;
    const where = `s3://${aws.bucket}${aws.prefix === "" ? "" : `/${aws.prefix}`}`;
    section(`Give the workflows access to ${where} by OIDC (no stored keys).`, [
      `a. In AWS IAM (once per account): an OpenID Connect identity provider for https://${OIDC_PROVIDER},`,
      `   audience ${OIDC_AUDIENCE}.`,
      `b. A read-write role (e.g. ${write.name}) for pushes and schedules on ${repository.defaultBranch}. Permissions:`,
      indent(policyJson(write.permissions), 3),
      `   Trust policy (only ${trustedContext("write", repository.defaultBranch)}):`,
      indent(policyJson(write.trust), 3),
      `c. A read-only role (e.g. ${read.name}) for pull requests. Permissions:`,
      indent(policyJson(read.permissions), 3),
      "   Trust policy (only pull_request; fork pull requests get no OIDC token at all):",
      indent(policyJson(read.trust), 3),
      "   Each trust policy lists both subject formats GitHub sends: repositories created after 2026-07-15 send",
      `   immutable ids (repo:${steps.github.owner}@${PLACEHOLDERS.ownerId}/${steps.github.repo}@${PLACEHOLDERS.repoId}:...), older ones repo:${steps.github.owner}/${steps.github.repo}:... .`,
      `   Replace ${PLACEHOLDERS.ownerId} and ${PLACEHOLDERS.repoId} with the numbers this prints, and ${PLACEHOLDERS.accountId} with your account:`,
      indent(steps.idsCommand, 5),
      "d. Repository variables (Settings > Secrets and variables > Actions > Variables, or `gh variable set NAME --body VALUE`):",
      ...aws.variables.map((v) => `   ${v.name.padEnd(24)} ${v.purpose}`),
      "   If data.train or data.eval are on S3 too, add s3:GetObject (and s3:ListBucket) on them to both roles.",
      "e. The read-write role cannot replace nor delete versions or alias history (create-only, by explicit denies).",
      "   `npx mlops-kit models clean`, `models fsck --repair` and `models prune --apply` delete (prune: old versions),",
      `   so run them as a person with these permissions (e.g. a policy ${aws.maintenance.name}; whoever holds it can`,
      "   erase history, and bucket versioning can restore):",
      indent(policyJson(aws.maintenance.permissions), 3),
    ]);
  }

  const scoring = input.workflows ? renderScoring(input.predict, input.registryUri, repository.defaultBranch) : [];
  if (scoring.length > 0) section("Batch scoring on a schedule.", scoring);

  if (steps.delivery !== null && input.workflows) {
    section("Approvals for deploys.", renderDelivery(steps, repository.defaultBranch, input.configFlag));
  }

  if (input.workflows) {
    section("Tokens: what GITHUB_TOKEN cannot start.", [
      "Events made with GITHUB_TOKEN (a push, or a pull request a workflow opens) start no workflow runs, so such a",
      `pull request gets no "${steps.requiredCheck}" run. Where automation must trigger these workflows, have it use a`,
      "GitHub App's installation token (actions/create-github-app-token) instead.",
    ]);
    section("Commit and open a pull request.", [
      `Commit the files above, open a pull request, and watch "${steps.requiredCheck}".`,
    ]);
  } else {
    // --no-workflows: nothing runs on GitHub yet, so there is no check to watch or require until the workflows exist.
    section("Add the workflows when you want the gate on pull requests.", [
      "Only mlops.yml was written (--no-workflows): no workflow runs on pull requests yet. Commit mlops.yml; then",
      "this writes the workflows from it, leaving mlops.yml as it is:",
      indent(`npx mlops-kit init --workflows${config}`, 2),
      `Commit them and open a pull request; once "${steps.requiredCheck}" has run on it, make it a required status check`,
      `on ${repository.defaultBranch} (Settings > Rules > Rulesets; \`--json\` has the request under nextSteps.ruleset).`,
    ]);
  }

  const notes = steps.notes.map((note) => `note: ${note}`);
  return [...notes, ...(notes.length > 0 ? [""] : []), "Next steps:", "", sections.join("\n\n")].join("\n");
}
