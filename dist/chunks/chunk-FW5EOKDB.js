import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  RelativePath
} from "./chunk-QIGPZSLN.js";
import {
  _enum,
  array,
  boolean,
  strictObject,
  string,
  union
} from "./chunk-I7GHSQM2.js";

// src/config/schema/report.ts
var MAX_USER_SECTIONS = 10;
var UserSectionFile = strictObject({
  path: RelativePath.describe("The markdown file, relative to the folder of mlops.yml and inside the repository."),
  title: string().min(1).max(100).optional().describe("The section's heading in the report. Default: the file's path.")
});
var ReportSection = strictObject({
  comment: _enum(["sticky", "new", "off"]).default("sticky").describe("PR comment: one kept up to date (`sticky`), a new one per run, or none."),
  summary: boolean().default(true).describe("Write the report to the job summary."),
  check: boolean().default(true).describe("Create a check run whose conclusion is the gate's verdict."),
  check_name: string().min(1).optional().describe(
    "Name of the check run. Default: `mlops gate (<model>)`; posted from a fork's artifact by `mlops report` it gets `(informational)` after it and must never be a required check."
  ),
  sections: array(
    union([RelativePath.describe("The markdown file (its path is the heading)."), UserSectionFile], {
      error: "expected a markdown file's path, or a mapping with path and title"
    })
  ).max(MAX_USER_SECTIONS).default([]).describe(
    "Markdown files of the repository added to the end of the gate's report (PR comment, job summary, check run): a path, or `{ path, title }`. Rendered as written for this repository's own branches; a fork's are shown as text (docs/reports.md)."
  )
}).describe("Where results are reported.");

export {
  MAX_USER_SECTIONS,
  ReportSection
};
