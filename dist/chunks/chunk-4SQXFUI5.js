import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  gateSection
} from "./chunk-533AISZH.js";
import {
  fitBlocks
} from "./chunk-XWUCKCS7.js";
import {
  KIT_VERSION
} from "./chunk-MFDUBFJ5.js";
import {
  blockToMarkdown,
  isSafeUrl,
  markdownHeading
} from "./chunk-OSH67I4H.js";
import {
  clip,
  plainText
} from "./chunk-PEZVGW4L.js";

// src/github/pull-request.ts
var COMMENT_LIMIT = 65536;
var CHECK_SUMMARY_LIMIT = 65535;
var ANNOTATIONS_PER_REQUEST = 50;
function reportMarker(key) {
  const encode = (value) => encodeURIComponent(value).replace(/-/g, "%2D");
  return `<!-- mlops-kit:report workflow=${encode(key.workflow)} job=${encode(key.job)} model=${encode(key.model)} -->`;
}
function commentBody(section, options) {
  const limit = options.limit ?? COMMENT_LIMIT;
  const marker = options.marker;
  const heading = markdownHeading(section);
  const withRunLink = (words) => [words, options.runUrl && isSafeUrl(options.runUrl) ? "" : " this workflow run."].map((text) => text ? blockToMarkdown({ kind: "text", text }) : "").join("") + (options.runUrl && isSafeUrl(options.runUrl) ? ` ${blockToMarkdown({ kind: "link", text: "the workflow run", url: options.runUrl })}.` : "");
  const footer = withRunLink(`mlops-kit ${KIT_VERSION}, updated in place on every run of this job; details in`);
  const cutNotice = withRunLink(
    `This report was cut to fit GitHub's limit of ${limit.toLocaleString("en-US")} characters. The full report is in the job summary, with plots in the mlops-run-report artifact, of`
  );
  const frame = (parts) => parts.filter((part) => part !== null).join("\n\n");
  const whole = fitBlocks(section.blocks, Number.MAX_SAFE_INTEGER).markdown;
  const full = frame([marker, heading, whole, `---
${footer}`]);
  if (full.length <= limit) return { body: full, truncated: false };
  const fixed = frame([marker, heading, "", `**${cutNotice}**`, `---
${footer}`]).length;
  const fitted = fitBlocks(section.blocks, limit - fixed);
  return { body: frame([marker, heading, fitted.markdown, `**${cutNotice}**`, `---
${footer}`]), truncated: true };
}
function checkConclusion(verdict) {
  if (verdict === "pass") return "success";
  if (verdict === "skipped") return "neutral";
  return "failure";
}
function informationalCheckName(model, checkName) {
  return `${checkName ?? `mlops report: ${model}`} (informational)`;
}
var INFORMATIONAL_NOTE = "Informational: a trusted workflow posted this check from the report that the pull request's own run uploaded, which the pull request's code could have changed. Never make it a required check: require the job that ran the gate.";
function checkRunOutput(result, options) {
  const report = gateSection(result, options.userSections);
  const section = options.informational ? { ...report, blocks: [{ kind: "text", text: INFORMATIONAL_NOTE }, ...report.blocks] } : report;
  const broken = result.outcomes.filter((o) => o.verdict === "fail" || o.verdict === "error");
  const title = result.verdict === "pass" ? `${result.model}: gate passed (${result.outcomes.filter((o) => o.verdict === "pass").length} checks)` : result.verdict === "fail" ? `${result.model}: gate failed (${broken.length} of ${result.outcomes.length} checks)` : result.verdict === "error" ? `${result.model}: the gate could not be evaluated` : `${result.model}: no gate`;
  const { body: summary } = commentBody(section, { marker: null, runUrl: options.runUrl, limit: CHECK_SUMMARY_LIMIT });
  const annotations = result.outcomes.filter((o) => o.verdict === "fail" || o.verdict === "error" || o.verdict === "warn").map((o) => {
    const line = result.rules[o.rule]?.line ?? 1;
    const where = o.slice ? ` [${o.slice.column}=${o.slice.value}]` : "";
    return {
      path: plainText(result.configFile),
      start_line: line,
      end_line: line,
      annotation_level: o.verdict === "warn" ? "warning" : "failure",
      message: clipText(`${o.metric}${where}: ${o.reason}${o.requirement ? ` (rule: ${o.requirement})` : ""}`, 4e3),
      title: clipText(`mlops gate: ${o.metric}${where} ${o.verdict}`, 255)
    };
  });
  return { conclusion: checkConclusion(result.verdict), title: clipText(title, 255), summary, annotations };
}
function clipText(text, max) {
  return clip(plainText(text), max);
}

export {
  CHECK_SUMMARY_LIMIT,
  ANNOTATIONS_PER_REQUEST,
  reportMarker,
  commentBody,
  informationalCheckName,
  checkRunOutput
};
