import * as z from "zod";

export const ReportSection = z
  .strictObject({
    comment: z
      .enum(["sticky", "new", "off"])
      .default("sticky")
      .describe("PR comment: one kept up to date (`sticky`), a new one per run, or none."),
    summary: z.boolean().default(true).describe("Write the report to the job summary."),
    check: z.boolean().default(true).describe("Create a check run whose conclusion is the gate's verdict."),
    check_name: z
      .string()
      .min(1)
      .optional()
      .describe(
        "Name of the check run. Default: `mlops gate (<model>)`; posted from a fork's artifact by `mlops report` it gets `(informational)` after it and must never be a required check.",
      ),
  })
  .describe("Where results are reported.");
