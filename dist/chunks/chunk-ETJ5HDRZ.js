import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  createGitHub
} from "./chunk-72OCKP5C.js";
import {
  ANNOTATIONS_PER_REQUEST,
  CHECK_SUMMARY_LIMIT,
  checkRunOutput,
  commentBody,
  informationalCheckName,
  reportMarker
} from "./chunk-4SQXFUI5.js";
import {
  parseGateResult
} from "./chunk-SLSOLTLA.js";
import {
  gateSection
} from "./chunk-533AISZH.js";
import {
  renderingFromArtifact
} from "./chunk-Y4XFK5HZ.js";
import {
  runOrigin
} from "./chunk-EYNKBRNV.js";
import {
  READ_LIMITS,
  readTextLimited
} from "./chunk-5AQJPSN5.js";
import {
  _regex,
  array,
  int,
  nullable,
  number,
  object,
  optional,
  string
} from "./chunk-MOKAEFJD.js";
import {
  InputError,
  UsageError,
  UserError
} from "./chunk-XOZC47AQ.js";

// src/github/publish.ts
var TRUSTED_ASSOCIATIONS = /* @__PURE__ */ new Set(["OWNER", "MEMBER", "COLLABORATOR"]);
async function publishReport(github, request) {
  const published = {
    commentUrl: null,
    commentAction: null,
    checkRunId: null,
    checkRunUrl: null,
    problems: []
  };
  const attempt = async (surface, post) => {
    try {
      await post();
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      published.problems.push(`${surface}: ${error.message}${error.hint ? ` (hint: ${error.hint})` : ""}`);
    }
  };
  if (request.pullRequest !== null && request.comment.mode !== "off") {
    const issue = request.pullRequest;
    await attempt("the pull-request comment", async () => {
      const existing = request.comment.mode === "sticky" ? findSticky(await github.listIssueComments(issue), request.comment.marker) : void 0;
      const posted = existing ? await github.updateIssueComment(existing.id, request.comment.body) : await github.createIssueComment(issue, request.comment.body);
      published.commentUrl = posted.url;
      published.commentAction = existing ? "updated" : "created";
    });
  }
  const check = request.check;
  if (check && request.headSha !== null) {
    const headSha = request.headSha;
    await attempt("the check run", async () => {
      const [first = [], ...rest] = chunks(check.output.annotations, ANNOTATIONS_PER_REQUEST);
      const base = { title: check.output.title, summary: check.output.summary };
      const run = await github.createCheckRun({
        name: check.name,
        headSha,
        conclusion: check.output.conclusion,
        ...check.detailsUrl ? { detailsUrl: check.detailsUrl } : {},
        output: { ...base, annotations: first }
      });
      published.checkRunId = run.id;
      published.checkRunUrl = run.url;
      for (const batch of rest) await github.addCheckRunAnnotations(run.id, { ...base, annotations: batch });
    });
  }
  return published;
}
function findSticky(comments, marker) {
  return comments.filter(
    (c) => (c.body === marker || c.body.startsWith(`${marker}
`)) && (c.authorType === "Bot" || TRUSTED_ASSOCIATIONS.has(c.authorAssociation))
  ).at(-1);
}
function chunks(items, size) {
  const out = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// src/github/target.ts
var Sha = string().check(_regex(/^[0-9a-f]{40}$/));
var RepositoryId = object({ id: number().check(int()) });
var WorkflowRunEvent = object({
  workflow_run: object({
    name: optional(nullable(string())),
    event: string(),
    html_url: string(),
    head_sha: Sha,
    head_branch: nullable(string()),
    /** The repository the run built (a fork's, for a fork's pull request); null once that fork is deleted. */
    head_repository: nullable(
      object({ id: number().check(int()), full_name: string(), owner: object({ login: string() }) })
    ),
    /** The repository the run ran in: this one. */
    repository: RepositoryId,
    pull_requests: array(
      object({
        number: number().check(int()),
        head: object({ sha: string(), repo: RepositoryId }),
        base: object({ repo: RepositoryId })
      })
    )
  })
});
var PullRequestEvent = object({
  pull_request: object({ number: number().check(int()), head: object({ sha: Sha }) })
});
async function resolveReportTarget(report, runner, options, github) {
  const repository = options.repository ?? runner.repository ?? report.source.repository;
  if (!repository) throw new UsageError("which repository? Set GITHUB_REPOSITORY or pass --repo owner/name");
  const trustedUrl = (url) => url && url.startsWith(`${runner.serverUrl}/`) ? url : null;
  if (runner.event.problem) throw new InputError(runner.event.problem);
  const event = runner.event.payload;
  if (runner.event.name === "workflow_run") {
    const parsed = WorkflowRunEvent.safeParse(event);
    if (!parsed.success)
      throw new InputError(
        "the workflow_run event payload lacks the run's head commit, its repositories or its pull requests"
      );
    const run = parsed.data.workflow_run;
    const headSha = options.headSha ?? run.head_sha;
    if (report.source.commit !== null && report.source.commit !== headSha) {
      throw new InputError(
        `the report is about commit ${report.source.commit.slice(0, 12)}, but the workflow run built ${headSha.slice(0, 12)}: refusing to post it`,
        { hint: "download the artifact of the run that triggered this workflow_run job" }
      );
    }
    const pullRequest = await pullRequestOfRun(run, headSha, options.pullRequest, github);
    if (report.source.pullRequest && pullRequest !== null && report.source.pullRequest.number !== pullRequest) {
      throw new InputError(
        `the report claims pull request #${report.source.pullRequest.number}, but the workflow run is for #${pullRequest}: refusing to post it`
      );
    }
    return {
      repository,
      pullRequest,
      headSha,
      workflow: run.name || report.source.workflow,
      runUrl: trustedUrl(run.html_url),
      from: "workflow_run"
    };
  }
  const pr = PullRequestEvent.safeParse(event);
  const fromEvent = runner.event.name?.startsWith("pull_request") && pr.success ? pr.data.pull_request : null;
  const from = options.pullRequest !== void 0 || options.headSha !== void 0 ? "options" : fromEvent ? "pull_request" : "report";
  return {
    repository,
    pullRequest: options.pullRequest ?? fromEvent?.number ?? report.source.pullRequest?.number ?? null,
    headSha: options.headSha ?? fromEvent?.head.sha ?? report.source.commit,
    workflow: report.source.workflow ?? runner.workflow,
    runUrl: trustedUrl(report.source.runUrl),
    from
  };
}
async function pullRequestOfRun(run, headSha, explicit, github) {
  const head = run.head_repository;
  const built = `${head ? head.full_name : "a deleted repository"} at ${headSha.slice(0, 12)}`;
  if (explicit !== void 0) {
    const pull = await github().getPullRequestHead(explicit);
    if (head && pull.repository?.id === head.id && pull.sha === headSha) return explicit;
    throw new InputError(
      `pull request #${explicit} has its head in ${pull.repository?.fullName ?? "a deleted repository"} at ${pull.sha.slice(0, 12)}, but the workflow run built ${built}: refusing to post its report`,
      { hint: "pass the pull request of the run that triggered this job, or leave --pr out to take it from the event" }
    );
  }
  const onPullRequest = run.event.startsWith("pull_request");
  const listed = run.pull_requests.find(
    (p) => head && p.head.repo.id === head.id && p.head.sha === headSha && p.base.repo.id === run.repository.id
  );
  if (listed) return listed.number;
  if (!onPullRequest) return null;
  const found = head && run.head_branch ? await github().findPullRequest({
    owner: head.owner.login,
    branch: run.head_branch,
    sha: headSha,
    repositoryId: head.id
  }) : null;
  if (found !== null) return found;
  throw new InputError(
    `the workflow run built ${built}, and no open pull request here has that head: refusing to post its report`,
    {
      hint: "a pull request that moved on since this run gets the report of its newer run; a pull request of another repository whose head is the same commit is not this run's"
    }
  );
}

// src/github/report.ts
function surfacesMarker(surfaces) {
  return reportMarker({
    workflow: surfaces.key.workflow ?? "mlops",
    job: surfaces.key.job ?? "mlops",
    model: surfaces.key.model
  });
}
function surfacesComment(surfaces) {
  return commentBody(surfaces.section, { marker: surfacesMarker(surfaces), runUrl: surfaces.target.runUrl }).body;
}
async function postSurfaces(github, surfaces, settings) {
  const marker = surfacesMarker(surfaces);
  const body = surfacesComment(surfaces);
  return publishReport(github, {
    pullRequest: surfaces.target.pullRequest,
    headSha: settings.check ? surfaces.target.headSha : null,
    comment: { mode: settings.comment, marker, body },
    check: surfaces.check && {
      name: surfaces.checkName,
      output: surfaces.check,
      detailsUrl: surfaces.target.runUrl
    }
  });
}
function gateSurfaces(result, settings, target, key, options = {}) {
  const informational = options.informational ?? false;
  const userSections = options.userSections;
  return {
    key: { ...key, model: result.model },
    section: gateSection(result, userSections),
    check: checkRunOutput(result, { runUrl: target.runUrl, informational, ...userSections ? { userSections } : {} }),
    checkName: informational ? informationalCheckName(result.model, settings.check_name) : settings.check_name ?? `mlops gate (${result.model})`,
    target
  };
}
function stageCheck(section, runUrl) {
  const ok = section.status === "ok" || section.status === "pass";
  return {
    conclusion: ok ? "success" : section.status === "skipped" ? "neutral" : "failure",
    title: `${section.title}: ${section.status}${section.headline ? ` (${section.headline})` : ""}`.slice(0, 255),
    summary: commentBody(section, { marker: null, runUrl, limit: CHECK_SUMMARY_LIMIT }).body,
    annotations: []
  };
}
function githubFor(access, repository) {
  if (!access.token) {
    throw new UsageError("posting to GitHub needs a token", {
      hint: "set GITHUB_TOKEN (in a workflow: `env: { GITHUB_TOKEN: ${{ github.token }} }`), or use --dry-run"
    });
  }
  return createGitHub({
    token: access.token,
    repository,
    baseUrl: access.baseUrl,
    logger: access.logger,
    ...access.sleep ? { sleep: access.sleep } : {}
  });
}
async function reportArtifact(options) {
  const text = await readTextLimited(options.file, {
    shown: options.shown,
    what: "report",
    limit: READ_LIMITS.stageResult,
    missingMessage: `report not found: ${options.shown}`,
    missingHint: "download the gate's artifact first (the `report` output of actions/gate, .mlops/out/gate.json)"
  });
  const report = parseGateResult(text, options.shown);
  let client;
  const github = (repository2) => () => client ??= githubFor(options.access, repository2);
  const repository = options.target.repository ?? options.runner.repository ?? report.source.repository ?? "";
  const target = options.dryRun ? null : await resolveReportTarget(report, options.runner, options.target, github(repository));
  const surfaces = gateSurfaces(
    report,
    options.settings,
    {
      pullRequest: target?.pullRequest ?? report.source.pullRequest?.number ?? null,
      headSha: target?.headSha ?? report.source.commit,
      runUrl: target?.runUrl ?? null
    },
    { workflow: target?.workflow ?? report.source.workflow, job: report.source.job },
    // Whether the run that uploaded the artifact was this repository's: the event says so, never the artifact.
    { informational: true, userSections: renderingFromArtifact(runOrigin(options.runner)) }
  );
  const comment = surfacesComment(surfaces);
  if (!target) return { report, target, surfaces, comment, published: null };
  const published = await postSurfaces(github(target.repository)(), surfaces, options.settings);
  return { report, target, surfaces, comment, published };
}

export {
  surfacesMarker,
  surfacesComment,
  postSurfaces,
  gateSurfaces,
  stageCheck,
  githubFor,
  reportArtifact
};
