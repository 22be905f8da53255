import * as z from "zod";

export const RetrainSection = z
  .strictObject({
    schedule: z
      .string()
      .describe("When to consider retraining: a 5-field cron expression (min 5-minute interval on GitHub)."),
    timezone: z.string().default("UTC").describe("IANA time zone of the schedule, e.g. Europe/Berlin."),
    when: z
      .strictObject({
        drift: z.boolean().default(true).describe("Retrain when data drifted from the champion's training data."),
        max_age_days: z.number().int().positive().optional().describe("Retrain when the champion is older."),
        new_data: z.boolean().default(true).describe("Retrain when the training data changed."),
        monitor: z
          .boolean()
          .default(false)
          .describe(
            "Retrain when the monitor (monitor:) found a breach of a rule on the champion's served predictions.",
          ),
      })
      .prefault({})
      .describe("What calls for retraining; any one suffices."),
    issue: z
      .strictObject({
        labels: z.array(z.string().min(1)).default(["mlops", "retraining"]).describe("Labels of the issue."),
        assignees: z.array(z.string().min(1)).default([]).describe("Who is assigned the issue."),
      })
      .prefault({})
      .describe("The issue opened when a scheduled retrain fails (and closed when one succeeds)."),
  })
  .describe("Scheduled retraining (continuous training).");
