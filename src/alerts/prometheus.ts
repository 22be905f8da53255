import type { RetryClock } from "../store/retry.ts";
import type { MonitorAlert } from "./alert.ts";
import { exposeWindows, renderFamilies } from "./prometheus-exposition.ts";
import { pushWindows, type PushOutcome, type PushSettings } from "./prometheus-push.ts";
import { writeTextfile, type TextfileOutcome, type TextfileSettings } from "./prometheus-textfile.ts";

/**
 * The Prometheus channel of a monitoring run (issue 19): every window's figures as gauges, pushed to a Pushgateway
 * (one group per model, alias and window) and/or written to a node exporter's textfile. What the metrics are named is
 * said in prometheus-exposition.ts; how they travel in prometheus-push.ts and prometheus-textfile.ts.
 *
 * Nothing here throws for an outside failure: the monitor's verdict stands and the outcome says what reached
 * Prometheus and what did not.
 */

export interface PrometheusSettings {
  pushgateway: PushSettings | null;
  textfile: TextfileSettings | null;
}

export interface PrometheusOutcome {
  pushgateway: PushOutcome | null;
  textfile: TextfileOutcome | null;
  /** Figures left out of the metrics, with why (two figures whose names sanitise alike). */
  skipped: string[];
  /** Every delivery asked for succeeded. */
  ok: boolean;
  /** One line per delivery (and per failed window), for the log and the job summary. */
  lines: string[];
}

export async function sendToPrometheus(
  alert: MonitorAlert,
  settings: PrometheusSettings,
  dependencies: { fetch?: typeof fetch; clock?: RetryClock } = {},
): Promise<PrometheusOutcome> {
  const pushgateway = settings.pushgateway ? await pushWindows(alert, settings.pushgateway, dependencies) : null;
  const textfile = settings.textfile ? await writeTextfile(alert, settings.textfile) : null;
  const skipped = exposeWindows(alert).skipped;
  const ok = (pushgateway?.failed.length ?? 0) === 0 && (textfile?.error ?? null) === null;
  return { pushgateway, textfile, skipped, ok, lines: describeOutcome(pushgateway, textfile, skipped) };
}

/** The whole run's windows as one exposition text (what the offline demo prints instead of pushing). */
export function renderPrometheus(alert: MonitorAlert): string {
  return renderFamilies(exposeWindows(alert).families);
}

function describeOutcome(push: PushOutcome | null, textfile: TextfileOutcome | null, skipped: string[]): string[] {
  const lines: string[] = [];
  if (push) {
    const pushed = push.pushed.length;
    const total = pushed + push.failed.length;
    lines.push(
      `Pushgateway ${push.gateway}: pushed ${pushed} of ${total} window${total === 1 ? "" : "s"} (job ${push.job})`,
    );
    for (const failed of push.failed) lines.push(`  window ${failed.window} not pushed: ${failed.error}`);
    if (push.pruned && push.pruned.deleted.length > 0)
      lines.push(`  deleted the groups of older windows ${push.pruned.deleted.join(", ")}`);
    if (push.pruned?.error) lines.push(`  ${push.pruned.error}`);
  }
  if (textfile) {
    if (textfile.error !== null) lines.push(`Textfile: ${textfile.error}`);
    else if (textfile.windows.length === 0) lines.push(`Textfile ${textfile.file}: no window to write`);
    else
      lines.push(
        `Textfile ${textfile.file}: wrote window${textfile.windows.length === 1 ? "" : "s"} ${textfile.windows.join(", ")}`,
      );
  }
  for (const line of skipped) lines.push(`Not exported: ${line}`);
  return lines;
}

export type { PushOutcome, PushSettings, TextfileOutcome, TextfileSettings };
