import * as z from "../../zod.ts";

export const RetrainSection = z.described(
  z.strictObject({
    schedule: z.described(
      z.string(),
      "When to consider retraining: a 5-field cron expression (min 5-minute interval on GitHub).",
    ),
    timezone: z.described(z._default(z.string(), "UTC"), "IANA time zone of the schedule, e.g. Europe/Berlin."),
    when: z.described(
      z.prefault(
        z.strictObject({
          drift: z.described(
            z._default(z.boolean(), true),
            "Retrain when data drifted from the champion's training data.",
          ),
          max_age_days: z.described(
            z.optional(z.number().check(z.int(), z.positive())),
            "Retrain when the champion is older.",
          ),
          new_data: z.described(z._default(z.boolean(), true), "Retrain when the training data changed."),
          monitor: z.described(
            z._default(z.boolean(), false),
            "Retrain when the monitor (monitor:) found a breach of a rule on the champion's served predictions.",
          ),
        }),
        {},
      ),
      "What calls for retraining; any one suffices.",
    ),
    issue: z.described(
      z.prefault(
        z.strictObject({
          labels: z.described(
            z._default(z.array(z.string().check(z.minLength(1))), ["mlops", "retraining"]),
            "Labels of the issue.",
          ),
          assignees: z.described(
            z._default(z.array(z.string().check(z.minLength(1))), []),
            "Who is assigned the issue.",
          ),
        }),
        {},
      ),
      "The issue opened when a scheduled retrain fails (and closed when one succeeds).",
    ),
  }),
  "Scheduled retraining (continuous training).",
);
