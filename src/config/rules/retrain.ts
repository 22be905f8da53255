import { checkCron, isKnownTimeZone } from "../cron.ts";
import type { MlopsConfig } from "../schema/index.ts";
import { closestMatch } from "../suggest.ts";
import type { Report } from "./report.ts";

/** Scheduled retraining: a schedule and time zone that exist, and drift to retrain on when asked to. */
export function checkRetrain(config: MlopsConfig, report: Report): void {
  const retrain = config.retrain;
  if (!retrain) return;
  const cron = checkCron(retrain.schedule);
  if (!cron.ok) {
    report(
      "error",
      ["retrain", "schedule"],
      `invalid cron schedule "${retrain.schedule}": ${cron.error}`,
      'for example "17 3 * * 1" is every Monday at 03:17',
    );
  } else {
    for (const warning of cron.warnings) report("warning", ["retrain", "schedule"], warning);
  }
  if (!isKnownTimeZone(retrain.timezone)) {
    const near = closestMatch(retrain.timezone, Intl.supportedValuesOf("timeZone"));
    report(
      "error",
      ["retrain", "timezone"],
      `unknown time zone "${retrain.timezone}"`,
      near ? `did you mean "${near}"?` : "use an IANA name such as Europe/Berlin",
    );
  }
  if (retrain.when.monitor && !config.monitor) {
    report(
      "error",
      ["retrain", "when", "monitor"],
      "retraining on a monitor breach needs a monitor section",
      "add `monitor:` (docs/monitoring.md), or set `monitor: false`",
    );
  }
  if (retrain.when.drift && !config.data?.drift) {
    report(
      "error",
      ["retrain", "when", "drift"],
      "retraining on drift needs data.drift to be configured",
      "add `data: { drift: { reference: champion } }`, or set `drift: false`",
    );
  }
}
