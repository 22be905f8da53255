import { READ_LIMITS, readTextLimited } from "../files/read-limited.ts";
import type { MlopsConfig } from "../config/schema/index.ts";
import type { RunnerEnvironment } from "../context/runner.ts";
import { UsageError } from "../errors.ts";
import type { GateResult } from "../gate/gate.ts";
import type { Logger } from "../logging.ts";
import { parseGateResult } from "./artifact.ts";
import { gateSection } from "../gate/section.ts";
import { renderingFromArtifact, type SectionRendering } from "../gate/user-sections.ts";
import { runOrigin } from "../context/runner.ts";
import {
  type CheckRunOutput,
  checkRunOutput,
  commentBody,
  CHECK_SUMMARY_LIMIT,
  informationalCheckName,
  reportMarker,
} from "./pull-request.ts";
import type { Section } from "../report/sections.ts";
import { createGitHub, type GitHub } from "./client.ts";
import { publishReport, type Published } from "./publish.ts";
import { resolveReportTarget, type TargetOptions, type ReportTarget } from "./target.ts";

/**
 * The report's trip to GitHub, shared by the doors: the gate and evaluate actions post from inside the job that ran
 * them; `mlops report` (and actions/report) post a gate artifact from another, trusted job.
 */

export type ReportSettings = MlopsConfig["report"];

export interface Surfaces {
  /** The job, the model and the workflow key the sticky comment. */
  key: { workflow: string | null; job: string | null; model: string };
  section: Section;
  check: CheckRunOutput | null;
  checkName: string;
  target: { pullRequest: number | null; headSha: string | null; runUrl: string | null };
}

/** The comment's hidden marker: per workflow, job and model. */
export function surfacesMarker(surfaces: Surfaces): string {
  return reportMarker({
    workflow: surfaces.key.workflow ?? "mlops",
    job: surfaces.key.job ?? "mlops",
    model: surfaces.key.model,
  });
}

/** The comment body (marker, report fitted under GitHub's limit, footer). */
export function surfacesComment(surfaces: Surfaces): string {
  return commentBody(surfaces.section, { marker: surfacesMarker(surfaces), runUrl: surfaces.target.runUrl }).body;
}

/** Posts a report's comment and check run as the settings say; the problems come back for the door to report. */
export async function postSurfaces(github: GitHub, surfaces: Surfaces, settings: ReportSettings): Promise<Published> {
  const marker = surfacesMarker(surfaces);
  const body = surfacesComment(surfaces);
  return publishReport(github, {
    pullRequest: surfaces.target.pullRequest,
    headSha: settings.check ? surfaces.target.headSha : null,
    comment: { mode: settings.comment, marker, body },
    check: surfaces.check && {
      name: surfaces.checkName,
      output: surfaces.check,
      detailsUrl: surfaces.target.runUrl,
    },
  });
}

/**
 * The gate's surfaces: its report in the comment, its verdict as the check run. Posted from an artifact
 * (`informational`), the check run is named and introduced as informational: it reflects what was uploaded, so it
 * must never be the required check (the gate job itself is).
 */
export function gateSurfaces(
  result: GateResult,
  settings: ReportSettings,
  target: Surfaces["target"],
  key: Pick<Surfaces["key"], "workflow" | "job">,
  options: { informational?: boolean; userSections?: SectionRendering } = {},
): Surfaces {
  const informational = options.informational ?? false;
  const userSections = options.userSections;
  return {
    key: { ...key, model: result.model },
    section: gateSection(result, userSections),
    check: checkRunOutput(result, { runUrl: target.runUrl, informational, ...(userSections ? { userSections } : {}) }),
    checkName: informational
      ? informationalCheckName(result.model, settings.check_name)
      : (settings.check_name ?? `mlops gate (${result.model})`),
    target,
  };
}

/** A stage's report (e.g. evaluation) as a check: success when the stage went well. */
export function stageCheck(section: Section, runUrl: string | null): CheckRunOutput {
  const ok = section.status === "ok" || section.status === "pass";
  return {
    conclusion: ok ? "success" : section.status === "skipped" ? "neutral" : "failure",
    title: `${section.title}: ${section.status}${section.headline ? ` (${section.headline})` : ""}`.slice(0, 255),
    summary: commentBody(section, { marker: null, runUrl, limit: CHECK_SUMMARY_LIMIT }).body,
    annotations: [],
  };
}

export interface GitHubAccess {
  token: string | undefined;
  /** GITHUB_API_URL or https://api.github.com. */
  baseUrl: string;
  logger: Logger;
  sleep?: (ms: number) => Promise<void>;
}

export function githubFor(access: GitHubAccess, repository: string): GitHub {
  if (!access.token) {
    throw new UsageError("posting to GitHub needs a token", {
      hint: "set GITHUB_TOKEN (in a workflow: `env: { GITHUB_TOKEN: ${{ github.token }} }`), or use --dry-run",
    });
  }
  return createGitHub({
    token: access.token,
    repository,
    baseUrl: access.baseUrl,
    logger: access.logger,
    ...(access.sleep ? { sleep: access.sleep } : {}),
  });
}

export interface ReportOptions {
  /** The gate result (the report artifact). */
  file: string;
  shown: string;
  settings: ReportSettings;
  /** The runner's environment, read at the door: the trusted event and repository. */
  runner: RunnerEnvironment;
  target: TargetOptions;
  access: GitHubAccess;
  /** Render, but post nothing. */
  dryRun: boolean;
}

export interface ReportOutcome {
  report: GateResult;
  target: ReportTarget | null;
  surfaces: Surfaces;
  comment: string;
  published: Published | null;
}

/**
 * `mlops report`: read the artifact as untrusted input, find the target from the trusted event, post. The check run
 * is informational ({@link gateSurfaces}).
 */
export async function reportArtifact(options: ReportOptions): Promise<ReportOutcome> {
  const text = await readTextLimited(options.file, {
    shown: options.shown,
    what: "report",
    limit: READ_LIMITS.stageResult,
    missingMessage: `report not found: ${options.shown}`,
    missingHint: "download the gate's artifact first (the `report` output of actions/gate, .mlops/out/gate.json)",
  });
  const report = parseGateResult(text, options.shown);
  let client: GitHub | undefined;
  const github = (repository: string) => () => (client ??= githubFor(options.access, repository));
  const repository = options.target.repository ?? options.runner.repository ?? report.source.repository ?? "";
  const target = options.dryRun
    ? null
    : await resolveReportTarget(report, options.runner, options.target, github(repository));
  const surfaces = gateSurfaces(
    report,
    options.settings,
    {
      pullRequest: target?.pullRequest ?? report.source.pullRequest?.number ?? null,
      headSha: target?.headSha ?? report.source.commit,
      runUrl: target?.runUrl ?? null,
    },
    { workflow: target?.workflow ?? report.source.workflow, job: report.source.job },
    // Whether the run that uploaded the artifact was this repository's: the event says so, never the artifact.
    { informational: true, userSections: renderingFromArtifact(runOrigin(options.runner)) },
  );
  const comment = surfacesComment(surfaces);
  if (!target) return { report, target, surfaces, comment, published: null };
  const published = await postSurfaces(github(target.repository)(), surfaces, options.settings);
  return { report, target, surfaces, comment, published };
}
