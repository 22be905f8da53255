import { execFile } from "node:child_process";
import type { AlertWindow, MonitorAlert } from "../../src/alerts/alert.ts";

/** Monitor alerts for the Prometheus channel's tests: figures as a monitoring run hands them over. */

export function alertWindow(key: string, size: AlertWindow["size"], overrides: Partial<AlertWindow> = {}): AlertWindow {
  const start = size === "hour" ? `${key}:00:00Z` : `${key}T00:00:00Z`;
  const hours = size === "hour" ? 1 : size === "day" ? 24 : 168;
  return {
    key,
    size,
    start: new Date(Date.parse(start)).toISOString(),
    end: new Date(Date.parse(start) + hours * 3_600_000).toISOString(),
    rows: 1200,
    labelsComplete: true,
    metrics: {
      rows: 1200,
      drift_share: 0.25,
      latency_p95: 182.5,
      accuracy: 0.9125,
      estimated_accuracy: 0.9031,
      "recall[malignant]": 0.875,
      "recall[benign]": 0.95,
    },
    slices: [{ column: "region", value: "eu-west", metrics: { rows: 400, accuracy: 0.9 } }],
    verdict: "pass",
    breaches: [],
    retrain: false,
    ...overrides,
  };
}

export function monitorAlert(windows: AlertWindow[], overrides: Partial<MonitorAlert> = {}): MonitorAlert {
  return {
    model: "breast-cancer",
    alias: "champion",
    version: "v7",
    runUrl: "https://github.com/acme/ml/actions/runs/1",
    verdict: windows.some((w) => w.verdict === "fail") ? "fail" : "pass",
    windows,
    newest: windows.at(-1)?.key ?? null,
    ...overrides,
  };
}

/** `promtool check metrics` on the text: its exit code and what it said (lint problems make it exit 3). */
export function promtoolCheck(promtool: string, text: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile(promtool, ["check", "metrics"], { timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      if (error && code === -1) reject(new Error(`${promtool} could not run`, { cause: error }));
      else resolve({ code, output: `${stdout}${stderr}`.trim() });
    });
    child.stdin?.end(text);
  });
}
