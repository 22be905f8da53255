import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  RelativePath
} from "./chunk-LNIKRDBK.js";
import {
  _default,
  _enum,
  _maxLength,
  _minLength,
  array,
  boolean,
  described,
  optional,
  strictObject,
  string,
  union
} from "./chunk-MOKAEFJD.js";

// src/config/schema/report.ts
var MAX_USER_SECTIONS = 10;
var UserSectionFile = strictObject({
  path: described(RelativePath, "The markdown file, relative to the folder of mlops.yml and inside the repository."),
  title: described(
    optional(string().check(_minLength(1), _maxLength(100))),
    "The section's heading in the report. Default: the file's path."
  )
});
var UserSection = union(
  [described(RelativePath, "The markdown file (its path is the heading)."), UserSectionFile],
  { error: "expected a markdown file's path, or a mapping with path and title" }
);
var ReportSection = described(
  strictObject({
    comment: described(
      _default(_enum(["sticky", "new", "off"]), "sticky"),
      "PR comment: one kept up to date (`sticky`), a new one per run, or none."
    ),
    summary: described(_default(boolean(), true), "Write the report to the job summary."),
    check: described(_default(boolean(), true), "Create a check run whose conclusion is the gate's verdict."),
    check_name: described(
      optional(string().check(_minLength(1))),
      "Name of the check run. Default: `mlops gate (<model>)`; posted from a fork's artifact by `mlops report` it gets `(informational)` after it and must never be a required check."
    ),
    sections: described(
      _default(array(UserSection).check(_maxLength(MAX_USER_SECTIONS)), []),
      "Markdown files of the repository added to the end of the gate's report (PR comment, job summary, check run): a path, or `{ path, title }`. Rendered as written for this repository's own branches; a fork's are shown as text (docs/reports.md)."
    )
  }),
  "Where results are reported."
);

export {
  MAX_USER_SECTIONS,
  ReportSection
};
