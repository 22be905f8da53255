import { describe, expect, it } from "vitest";
import { exposeWindows, renderFamilies } from "../../src/alerts/prometheus-exposition.ts";
import { renderPrometheus } from "../../src/alerts/prometheus.ts";
import { BUILTIN_METRICS, PER_CLASS_METRICS } from "../../src/config/metrics.ts";
import { WINDOW_MEASURES } from "../../src/config/window-metrics.ts";
import { binaryMissing, parseExposition, PROMTOOL } from "../helpers/pushgateway.ts";
import { alertWindow, monitorAlert, promtoolCheck } from "./prometheus-alert.ts";

describe("the exposition text of a monitoring run", () => {
  const day = alertWindow("2026-03-28", "day", {
    verdict: "fail",
    breaches: ["drift_share 0.25 (<= 0.2): 0.25 is above the maximum 0.2"],
  });
  const hour = alertWindow("2026-03-28T23", "hour", { labelsComplete: null });
  const alert = monitorAlert([day, hour]);
  const parsed = parseExposition(renderPrometheus(alert));
  const find = (name: string, labels: Record<string, string> = {}) =>
    parsed.samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));

  it("names every figure mlops_monitor_<figure> with the window's labels", () => {
    const [accuracy] = find("mlops_monitor_accuracy", { window: day.key });
    expect(accuracy?.labels).toEqual({
      model: alert.model,
      alias: alert.alias,
      version: alert.version,
      window: day.key,
      window_size: "day",
    });
    expect(accuracy?.value).toBe(day.metrics.accuracy);
    expect(find("mlops_monitor_estimated_accuracy", { window: hour.key })[0]?.value).toBe(
      hour.metrics.estimated_accuracy,
    );
    expect(find("mlops_monitor_drift_share")).toHaveLength(2);
  });

  it("writes latency in seconds, per-class metrics with a class label and slices in families of their own", () => {
    expect(find("mlops_monitor_latency_p95_seconds", { window: day.key })[0]?.value).toBe(
      (day.metrics.latency_p95 ?? 0) / 1000,
    );
    expect(find("mlops_monitor_latency_p95")).toEqual([]);
    const recall = find("mlops_monitor_recall_per_class", { window: day.key });
    expect(Object.fromEntries(recall.map((s) => [s.labels.class, s.value]))).toEqual({
      malignant: day.metrics["recall[malignant]"],
      benign: day.metrics["recall[benign]"],
    });
    const slice = day.slices[0];
    const sliced = find("mlops_monitor_slice_accuracy", { window: day.key });
    expect(sliced.map((s) => [s.labels.slice_column, s.labels.slice_value, s.value])).toEqual([
      [slice?.column, slice?.value, slice?.metrics.accuracy],
    ]);
    // The whole window's accuracy is not mixed with its slices'.
    expect(find("mlops_monitor_accuracy", { window: day.key })).toHaveLength(1);
  });

  it("gives every window its verdict, broken rules, times and label completeness as gauges", () => {
    expect(find("mlops_monitor_breached", { window: day.key })[0]?.value).toBe(1);
    expect(find("mlops_monitor_breached", { window: hour.key })[0]?.value).toBe(0);
    expect(find("mlops_monitor_broken_rules", { window: day.key })[0]?.value).toBe(day.breaches.length);
    expect(find("mlops_monitor_window_start_time_seconds", { window: hour.key })[0]?.value).toBe(
      Date.parse(hour.start) / 1000,
    );
    expect(find("mlops_monitor_window_end_time_seconds", { window: day.key })[0]?.value).toBe(
      Date.parse(day.end) / 1000,
    );
    expect(find("mlops_monitor_labels_complete", { window: day.key })[0]?.value).toBe(1);
    // A window without labels configured says nothing about their completeness.
    expect(find("mlops_monitor_labels_complete", { window: hour.key })).toEqual([]);
  });

  it("declares each family once, as a gauge with help, its samples together and none with a timestamp", () => {
    const names = parsed.samples.map((s) => s.name);
    const order = names.filter((name, i) => name !== names[i - 1]);
    expect(new Set(order).size).toBe(order.length);
    for (const name of order) {
      expect(parsed.types.get(name)).toBe("gauge");
      expect(parsed.help.get(name)).toMatch(/\w/);
    }
    expect(renderPrometheus(alert).match(/^# TYPE /gm)).toHaveLength(order.length);
  });

  it("escapes label values and reads them back unchanged", () => {
    const awkward = { model: 'fraud "v2"\\eu', alias: "line\nbreak", version: "ünï/cødé" };
    const read = parseExposition(renderPrometheus(monitorAlert([hour], awkward)));
    const breached = read.samples.find((s) => s.name === "mlops_monitor_breached");
    expect(breached?.labels).toMatchObject(awkward);
  });

  it("leaves out a figure whose name sanitises to one already taken, and says so", () => {
    const clash = alertWindow("2026-03-29", "day", { metrics: { "drift-share": 0.1, drift_share: 0.2, breached: 5 } });
    const exposition = exposeWindows(monitorAlert([clash]));
    expect(exposition.skipped).toHaveLength(2);
    expect(exposition.skipped.join("\n")).toMatch(
      /drift_share of window 2026-03-29: its metric is already drift-share's/,
    );
    expect(exposition.skipped.join("\n")).toMatch(/breached of window 2026-03-29/);
    const read = parseExposition(renderFamilies(exposition.families));
    expect(read.samples.find((s) => s.name === "mlops_monitor_drift_share")?.value).toBe(0.1);
    expect(read.samples.find((s) => s.name === "mlops_monitor_breached")?.value).toBe(0);
  });

  it("writes NaN and infinities in the format's own spelling", () => {
    const odd = alertWindow("2026-03-30", "day", { metrics: { mape: Number.POSITIVE_INFINITY, r2: Number.NaN } });
    const text = renderPrometheus(monitorAlert([odd]));
    expect(text).toMatch(/^mlops_monitor_mape\{.*\} \+Inf$/m);
    expect(text).toMatch(/^mlops_monitor_r2\{.*\} NaN$/m);
  });

  const promtoolMissing = binaryMissing(PROMTOOL, "prometheus");
  it.skipIf(promtoolMissing !== null)(
    "passes Prometheus' own parser and linter (promtool check metrics) for every figure the monitor names",
    async () => {
      const everyFigure: Record<string, number> = {};
      for (const name of [...Object.keys(WINDOW_MEASURES), ...Object.keys(BUILTIN_METRICS)]) {
        everyFigure[name] = 0.5;
        if (name in BUILTIN_METRICS) everyFigure[`estimated_${name}`] = 0.5;
      }
      for (const metric of PER_CLASS_METRICS) {
        everyFigure[`${metric}[malignant]`] = 0.5;
        everyFigure[`estimated_${metric}[a "quoted"\\class]`] = 0.5;
      }
      const window = alertWindow("2026-03-28", "day", {
        metrics: everyFigure,
        slices: [{ column: "region", value: "eu\nwest", metrics: everyFigure }],
      });
      const checked = await promtoolCheck(
        PROMTOOL,
        renderPrometheus(monitorAlert([window, alertWindow("2026-03-28T05", "hour")])),
      );
      expect(checked).toEqual({ code: 0, output: "" });
    },
  );
});
