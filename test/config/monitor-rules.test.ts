import { describe, expect, it } from "vitest";
import { durationMs } from "../../src/config/schema/monitor.ts";
import { brief, configErrorOf, MINIMAL_CONFIG, parse } from "../helpers/config.ts";

/** The monitor section's cross-field rules (src/config/rules/monitor.ts): each case checks the diagnostic and its place. */

const withMonitor = (monitor: string): string => `${MINIMAL_CONFIG}monitor:\n${monitor}`;
const errorsOf = (text: string): string[] =>
  brief(configErrorOf(() => parse(text)).diagnostics.filter((d) => d.severity === "error"));

const LOGS = "  logs: { path: logs/*.csv, id: request_id, score: score, latency: latency_ms }\n";

describe("the monitor's rules", () => {
  it("accepts a sound monitor without warnings", () => {
    const text = withMonitor(
      `${LOGS}  labels: { path: labels/*.csv, delay: 36h }\n  slices: [country]\n  rules:\n` +
        "    - { metric: rows, min: 100 }\n" +
        "    - { metric: drift_share, max: 0.3 }\n" +
        "    - { metric: estimated_accuracy, max_regression: 0.05 }\n" +
        "    - { metric: accuracy, min: 0.8, slice: country }\n" +
        "    - { metric: latency_p95, max: 250, severity: warn }\n",
    );
    expect(brief(parse(text).warnings)).toEqual([]);
    expect(parse(text).config.monitor?.window).toBe("day");
  });

  it("refuses a figure no window has, and suggests the near one", () => {
    const text = withMonitor(`${LOGS}  rules:\n    - { metric: drift_shares, max: 0.3 }\n`);
    expect(errorsOf(text)).toEqual(['12:17 error monitor.rules.0.metric: a window has no figure "drift_shares"']);
    expect(configErrorOf(() => parse(text)).diagnostics[0]?.hint).toBe('did you mean "drift_share"?');
  });

  it("refuses figures that need what the config does not give: labels, an id, scores, latency, a slice", () => {
    const text = withMonitor(
      "  logs: { path: logs/*.csv }\n  labels: { path: labels/*.csv }\n  rules:\n" +
        "    - { metric: estimated_accuracy, min: 0.8 }\n" +
        "    - { metric: latency_p99, max: 100 }\n" +
        "    - { metric: accuracy, min: 0.8, slice: country }\n",
    );
    expect(errorsOf(text)).toEqual([
      "11:11 error monitor.labels: labels are joined to predictions by request id, and monitor.logs has no id column",
      "13:17 error monitor.rules.0.metric: CBPE estimates a classifier's performance from its scores, and the log has none",
      '14:17 error monitor.rules.1.metric: "latency_p99" needs monitor.logs.latency, which is not set',
      '15:44 error monitor.rules.2.slice: "country" is not one of monitor.slices',
    ]);
    expect(errorsOf(withMonitor(`${LOGS}  rules:\n    - { metric: f1, min: 0.5 }\n`))).toEqual([
      '12:17 error monitor.rules.0.metric: a realised "f1" needs labels',
    ]);
  });

  it("refuses a label delay that is not a duration and a schedule that is not cron", () => {
    expect(errorsOf(withMonitor(`${LOGS}  labels: { path: labels/*.csv, delay: two days }\n`))).toEqual([
      '11:40 error monitor.labels.delay: expected a duration such as 90m, 36h, 3d or 1w, or 0 for none, found text "two days"',
    ]);
    expect(errorsOf(withMonitor(`${LOGS}  schedule: "every day"\n`))[0]).toMatch(
      /^11:13 error monitor.schedule: invalid cron schedule "every day"/,
    );
  });

  it("refuses a CBPE estimate on a regression model once, saying estimates are a classifier's", () => {
    const regression = (rules: string): string =>
      withMonitor(`${LOGS}  labels: { path: labels/*.csv }\n  rules:\n${rules}`)
        .replace("model: { name: demo }", "model: { name: demo, task: regression }")
        .replace("metric: accuracy, min: 0.5", "metric: rmse, max: 5");
    const text = regression(
      "    - { metric: estimated_rmse, max: 30000 }\n    - { metric: estimated_accuracy, min: 0.8 }\n",
    );
    const diagnostics = configErrorOf(() => parse(text)).diagnostics.filter((d) => d.severity === "error");
    expect(brief(diagnostics)).toEqual([
      '13:17 error monitor.rules.0.metric: "estimated_rmse" is a CBPE estimate, which only a classifier\'s scores give, and model.task is regression',
      '14:17 error monitor.rules.1.metric: "estimated_accuracy" is a CBPE estimate, which only a classifier\'s scores give, and model.task is regression',
    ]);
    expect(diagnostics[0]?.hint).toBe(
      'judge the realised "rmse" once labels join (monitor.labels), or the drift that comes before it',
    );
  });

  it("refuses a share's bound written as a percentage, which can never break", () => {
    const text = withMonitor(
      `${LOGS}  labels: { path: labels/*.csv }\n  rules:\n    - { metric: drift_share, max: 30 }\n    - { metric: labelled_share, min: 0.9, max: 1 }\n`,
    );
    const diagnostics = configErrorOf(() => parse(text)).diagnostics.filter((d) => d.severity === "error");
    expect(brief(diagnostics)).toEqual([
      "13:35 error monitor.rules.0.max: max (30) is above the highest drift_share there is (1), so the rule can never break",
    ]);
    expect(diagnostics[0]?.hint).toBe("write fractions: 30% is 0.3");
  });

  it("takes a label delay of 0 as labels that arrive with their window", () => {
    const parsed = parse(withMonitor(`${LOGS}  labels: { path: labels/*.csv, delay: 0 }\n`));
    expect(parsed.config.monitor?.labels?.delay).toBe("0");
    expect(durationMs(parsed.config.monitor?.labels?.delay ?? "")).toBe(0);
  });

  it("names the rule, not the gate, in the warning about a relative change of a metric whose best value is 0", () => {
    const text = withMonitor(
      `${LOGS}  labels: { path: labels/*.csv }\n  rules:\n    - { metric: log_loss, max_regression: 0.05, relative: true }\n`,
    );
    expect(brief(parse(text).warnings)).toEqual([
      '13:59 warning monitor.rules.0.relative: a relative change of "log_loss" is undefined when the baseline is 0 (a perfect score); the rule then fails',
    ]);
  });

  it("refuses action: retrain without the retrain section whose workflow it runs", () => {
    const text = withMonitor(`${LOGS}  rules:\n    - { metric: drift_share, max: 0.3, action: retrain }\n`);
    expect(errorsOf(text)).toEqual([
      "12:48 error monitor.rules.0.action: `action: retrain` runs mlops-retrain.yml, which mlops init writes only with a retrain section",
    ]);
  });
});
