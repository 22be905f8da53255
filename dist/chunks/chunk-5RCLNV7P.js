import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  gateSection
} from "./chunk-KAPEWGXR.js";
import {
  KIT_VERSION
} from "./chunk-NCHGCW3K.js";
import {
  blockToMarkdown,
  clip,
  isSafeUrl,
  markdownHeading,
  markdownTableRow,
  plainText,
  renderMarkdownTable,
  userMarkdown
} from "./chunk-GMPRWTBY.js";

// src/report/fit.ts
var SEPARATOR = "\n\n";
function fitBlocks(blocks, budget) {
  const parts = [];
  let used = 0;
  for (const block of blocks) {
    const room = budget - used - (parts.length > 0 ? SEPARATOR.length : 0);
    const whole = blockToMarkdown(block);
    if (whole.length <= room) {
      parts.push(whole);
      used += whole.length + (parts.length > 1 ? SEPARATOR.length : 0);
      continue;
    }
    const cut = cutBlock(block, room);
    if (cut !== null) parts.push(cut);
    return { markdown: parts.join(SEPARATOR), truncated: true };
  }
  return { markdown: parts.join(SEPARATOR), truncated: false };
}
function cutBlock(block, room) {
  switch (block.kind) {
    case "table": {
      const head = renderMarkdownTable({ ...block.table, rows: [] });
      let text = head;
      let rows = 0;
      for (const row of block.table.rows) {
        const line = `
${markdownTableRow(block.table, row)}`;
        if (text.length + line.length > room) break;
        text += line;
        rows++;
      }
      return rows > 0 ? text : null;
    }
    case "code": {
      const whole = blockToMarkdown(block);
      const fence = whole.slice(0, whole.indexOf("\n"));
      const closing = fence.replace(/text$/, "");
      let text = fence;
      for (const line of plainText(block.text).split("\n")) {
        if (text.length + line.length + 1 + closing.length + 1 > room) break;
        text += `
${line}`;
      }
      return text === fence ? null : `${text}
${closing}`;
    }
    case "details": {
      const open = blockToMarkdown({ ...block, blocks: [] }).replace(/\n\n\n\n<\/details>$/, "");
      const close = "\n\n</details>";
      const inner = fitBlocks(block.blocks, room - open.length - 2 - close.length);
      return inner.markdown === "" ? null : `${open}

${inner.markdown}${close}`;
    }
    case "text": {
      const whole = blockToMarkdown(block);
      if (room < 40) return null;
      const cut = whole.slice(0, room - 1);
      const space = cut.lastIndexOf(" ");
      return space > 0 ? `${cut.slice(0, space)}\u2026` : null;
    }
    case "markdown": {
      const note = "\n\n*(cut to fit)*";
      let text = "";
      let fitted = null;
      for (const line of block.text.split("\n")) {
        text += `${line}
`;
        const candidate = userMarkdown(block.title, text);
        if (candidate.length + note.length > room) break;
        fitted = candidate;
      }
      return fitted === null || fitted.length < 40 ? null : `${fitted}${note}`;
    }
    case "chart":
    case "link":
      return null;
  }
}

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
    `This report was cut to fit GitHub's limit of ${limit.toLocaleString("en-US")} characters. The full report is in the job summary of`
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
