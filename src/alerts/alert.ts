/**
 * What a monitoring run hands to every alert channel (issue, webhook, Prometheus): the monitored version, the run, and
 * each window it computed with its figures and what broke. Plain data, so each channel is a pure rendering of it plus
 * one small door to the outside.
 */

export interface MonitorAlert {
  model: string;
  alias: string;
  version: string;
  /** The workflow run's page, when the monitor runs in GitHub Actions. */
  runUrl: string | null;
  /** fail: a rule of severity error broke on a window of this run; pass otherwise (warnings included). */
  verdict: "pass" | "fail";
  /** Every window the run computed, oldest first. */
  windows: AlertWindow[];
  /**
   * The newest window of the monitoring log after this run: what the model's state is now. A run that judged only
   * older windows again (their labels came in) says nothing about now.
   */
  newest: string | null;
}

export interface AlertWindow {
  /** `2026-03-28T23` (hour), `2026-03-28` (day) or `2026-W13` (ISO week). */
  key: string;
  size: "hour" | "day" | "week";
  /** ISO 8601 start (inclusive) and end (exclusive), UTC. */
  start: string;
  end: string;
  rows: number;
  /** Whether all the window's labels are in; null when no labels are configured. */
  labelsComplete: boolean | null;
  /** The window's figures by their rule names: `rows`, `drift_share`, `latency_p95`, `accuracy`, `estimated_accuracy` ... */
  metrics: Record<string, number>;
  slices: { column: string; value: string; metrics: Record<string, number> }[];
  /** none: no rule judged it. */
  verdict: "pass" | "fail" | "warn" | "none";
  /** One line per broken rule: `drift_share 0.33 (<= 0.3): 0.33 is above the maximum 0.3`. */
  breaches: string[];
  /** Whether a broken rule of severity error has `action: retrain`. */
  retrain: boolean;
}
