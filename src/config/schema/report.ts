import * as z from "../../zod.ts";
import { RelativePath } from "./common.ts";

/** Most user sections in one report: each is read at every gate, and they all share the comment's 65,536 characters. */
export const MAX_USER_SECTIONS = 10;

const UserSectionFile = z.strictObject({
  path: z.described(RelativePath, "The markdown file, relative to the folder of mlops.yml and inside the repository."),
  title: z.described(
    z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
    "The section's heading in the report. Default: the file's path.",
  ),
});

const UserSection = z.union(
  [z.described(RelativePath, "The markdown file (its path is the heading)."), UserSectionFile],
  { error: "expected a markdown file's path, or a mapping with path and title" },
);

export const ReportSection = z.described(
  z.strictObject({
    comment: z.described(
      z._default(z.enum(["sticky", "new", "off"]), "sticky"),
      "PR comment: one kept up to date (`sticky`), a new one per run, or none.",
    ),
    summary: z.described(z._default(z.boolean(), true), "Write the report to the job summary."),
    check: z.described(z._default(z.boolean(), true), "Create a check run whose conclusion is the gate's verdict."),
    check_name: z.described(
      z.optional(z.string().check(z.minLength(1))),
      "Name of the check run. Default: `mlops gate (<model>)`; posted from a fork's artifact by `mlops report` it gets `(informational)` after it and must never be a required check.",
    ),
    sections: z.described(
      z._default(z.array(UserSection).check(z.maxLength(MAX_USER_SECTIONS)), []),
      "Markdown files of the repository added to the end of the gate's report (PR comment, job summary, check run): a path, or `{ path, title }`. Rendered as written for this repository's own branches; a fork's are shown as text (docs/reports.md).",
    ),
  }),
  "Where results are reported.",
);
