import type { IssueOutcome } from "./issue.ts";
import type { PrometheusOutcome } from "./prometheus.ts";
import type { WebhookOutcome } from "./webhook.ts";

/** What the channels did with one monitoring run's alert (src/alerts/alert.ts), for its result and report. */

/** What one channel did: its result, or why it did nothing (not configured here), or why it failed (the verdict stands). */
export type ChannelOutcome<T> = { done: T } | { skipped: string } | { failed: string };

/** What each channel did for one run. */
export interface AlertOutcomes {
  /** Whether the run's verdict was a breach: what a channel that did nothing is reported against. */
  breach: boolean;
  issue: ChannelOutcome<IssueOutcome | null>;
  /** null when no webhook is configured (monitor.alerts.webhook). */
  webhook: WebhookOutcome | null;
  /** null when Prometheus is not configured (monitor.alerts.prometheus). */
  prometheus: PrometheusOutcome | null;
  /** The retraining run asked for (a breached rule with `action: retrain`). */
  retrain: ChannelOutcome<{ workflow: string; ref: string; reason: string }>;
}
