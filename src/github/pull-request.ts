import type { GateResult } from "../gate/gate.ts";
import type { CheckAnnotation } from "./client.ts";
import { KIT_VERSION } from "../version.ts";
import { fitBlocks } from "../report/fit.ts";
import { gateSection } from "../gate/section.ts";
import type { SectionRendering } from "../gate/user-sections.ts";
import { blockToMarkdown, isSafeUrl, markdownHeading, type Section } from "../report/sections.ts";
import { clip, plainText } from "../report/table.ts";

/**
 * The report's pull-request surfaces (docs/reports.md): the sticky comment's body, found again by a
 * hidden marker per (workflow, job, model), and the check run's output with its annotations. Pure: data in, request
 * bodies out; src/github sends them.
 */

/** GitHub's limits (PLATFORM.md): an issue comment body, and a check run's summary. */
export const COMMENT_LIMIT = 65_536;
export const CHECK_SUMMARY_LIMIT = 65_535;
/** Annotations per check-run request. */
export const ANNOTATIONS_PER_REQUEST = 50;

export interface ReportKey {
  workflow: string;
  job: string;
  model: string;
}

/**
 * `<!-- mlops-kit:report workflow=.. job=.. model=.. -->`, values percent-encoded (and `-` too), so no value can end
 * the comment or look like another key. Two matrix legs gating two models get two markers, hence two comments.
 */
export function reportMarker(key: ReportKey): string {
  const encode = (value: string): string => encodeURIComponent(value).replace(/-/g, "%2D");
  return `<!-- mlops-kit:report workflow=${encode(key.workflow)} job=${encode(key.job)} model=${encode(key.model)} -->`;
}

export interface CommentOptions {
  /** The hidden marker that finds the comment again ({@link reportMarker}); null for a check run's summary. */
  marker: string | null;
  /** The workflow run, where the job summary holds the full report; linked only if it is a plain https URL. */
  runUrl: string | null;
  limit?: number;
}

/** The report as markdown: the marker, the section fitted to the limit, and a footer that says where the rest is. */
export function commentBody(section: Section, options: CommentOptions): { body: string; truncated: boolean } {
  const limit = options.limit ?? COMMENT_LIMIT;
  const marker = options.marker;
  const heading = markdownHeading(section);
  // One line each: escaped words, then the run's link when it is a vetted URL.
  const withRunLink = (words: string): string =>
    [words, options.runUrl && isSafeUrl(options.runUrl) ? "" : " this workflow run."]
      .map((text) => (text ? blockToMarkdown({ kind: "text", text }) : ""))
      .join("") +
    (options.runUrl && isSafeUrl(options.runUrl)
      ? ` ${blockToMarkdown({ kind: "link", text: "the workflow run", url: options.runUrl })}.`
      : "");
  const footer = withRunLink(`mlops-kit ${KIT_VERSION}, updated in place on every run of this job; details in`);
  const cutNotice = withRunLink(
    `This report was cut to fit GitHub's limit of ${limit.toLocaleString("en-US")} characters. The full report is in the job summary, with plots in the mlops-run-report artifact, of`,
  );
  const frame = (parts: (string | null)[]): string => parts.filter((part) => part !== null).join("\n\n");
  const whole = fitBlocks(section.blocks, Number.MAX_SAFE_INTEGER).markdown;
  const full = frame([marker, heading, whole, `---\n${footer}`]);
  if (full.length <= limit) return { body: full, truncated: false };
  const fixed = frame([marker, heading, "", `**${cutNotice}**`, `---\n${footer}`]).length;
  const fitted = fitBlocks(section.blocks, limit - fixed);
  return { body: frame([marker, heading, fitted.markdown, `**${cutNotice}**`, `---\n${footer}`]), truncated: true };
}

export type CheckConclusion = "success" | "failure" | "neutral";

export interface CheckRunOutput {
  conclusion: CheckConclusion;
  title: string;
  summary: string;
  annotations: CheckAnnotation[];
}

/** A verdict as a check conclusion: only a pass is a success; an error fails, so it never passes silently. */
export function checkConclusion(verdict: GateResult["verdict"]): CheckConclusion {
  if (verdict === "pass") return "success";
  if (verdict === "skipped") return "neutral";
  return "failure";
}

/**
 * The name of the check run posted from a report artifact (actions/report and `mlops report`, in the fork-safe
 * `workflow_run` flow). It shows what a pull request's run uploaded, which a fork's code could have written, so it is
 * informational: its name always ends so, and can never be the gate job's check (the one to require).
 */
export function informationalCheckName(model: string, checkName?: string): string {
  return `${checkName ?? `mlops report: ${model}`} (informational)`;
}

/** The first words of an informational check run's summary. */
export const INFORMATIONAL_NOTE =
  "Informational: a trusted workflow posted this check from the report that the pull request's own run uploaded, " +
  "which the pull request's code could have changed. Never make it a required check: require the job that ran the gate.";

/**
 * The check run: conclusion from the verdict, the report as summary (after {@link INFORMATIONAL_NOTE} when it is
 * posted from an artifact), an annotation per failed, erroneous or warned check.
 */
export function checkRunOutput(
  result: GateResult,
  options: { runUrl: string | null; informational?: boolean; userSections?: SectionRendering },
): CheckRunOutput {
  const report = gateSection(result, options.userSections);
  const section = options.informational
    ? { ...report, blocks: [{ kind: "text" as const, text: INFORMATIONAL_NOTE }, ...report.blocks] }
    : report;
  const broken = result.outcomes.filter((o) => o.verdict === "fail" || o.verdict === "error");
  const title =
    result.verdict === "pass"
      ? `${result.model}: gate passed (${result.outcomes.filter((o) => o.verdict === "pass").length} checks)`
      : result.verdict === "fail"
        ? `${result.model}: gate failed (${broken.length} of ${result.outcomes.length} checks)`
        : result.verdict === "error"
          ? `${result.model}: the gate could not be evaluated`
          : `${result.model}: no gate`;
  const { body: summary } = commentBody(section, { marker: null, runUrl: options.runUrl, limit: CHECK_SUMMARY_LIMIT });
  const annotations: CheckAnnotation[] = result.outcomes
    .filter((o) => o.verdict === "fail" || o.verdict === "error" || o.verdict === "warn")
    .map((o) => {
      const line = result.rules[o.rule]?.line ?? 1;
      const where = o.slice ? ` [${o.slice.column}=${o.slice.value}]` : "";
      // Annotations are plain text, not markdown (no math is typeset there either); GitHub caps messages at 64 KB
      // and titles at 255 characters.
      return {
        path: plainText(result.configFile),
        start_line: line,
        end_line: line,
        annotation_level: o.verdict === "warn" ? "warning" : "failure",
        message: clipText(`${o.metric}${where}: ${o.reason}${o.requirement ? ` (rule: ${o.requirement})` : ""}`, 4000),
        title: clipText(`mlops gate: ${o.metric}${where} ${o.verdict}`, 255),
      };
    });
  return { conclusion: checkConclusion(result.verdict), title: clipText(title, 255), summary, annotations };
}

/** Plain text (a title, an annotation) without bidi controls, cut to GitHub's limit. */
function clipText(text: string, max: number): string {
  return clip(plainText(text), max);
}
