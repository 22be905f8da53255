import { describe, expect, it } from "vitest";
import { MonitorRule } from "../../src/config/schema/monitor.ts";
import { judgeWindows } from "../../src/monitor/rules.ts";
import { emptyWindow, type WindowResult } from "../../src/monitor/window.ts";
import { windowOf } from "../../src/monitor/windows.ts";

/** The monitor's rules over windows (src/monitor/rules.ts): the gate's language, with the monitor's baselines. */

const at = (date: string) => windowOf(Date.parse(`${date}T00:00:00Z`), "day");
const window = (date: string, metrics: Record<string, number>): WindowResult => ({
  ...emptyWindow(at(date), "test"),
  rows: metrics.rows ?? 0,
  metrics,
});
const rule = (text: object) => MonitorRule.parse(text);

describe("judging windows", () => {
  it("compares a measure with the median of the windows before, each at its newest figures", () => {
    // d1 and d2 were 1000 rows; this run computed them again at 100 (late files removed), then d3 at 400.
    const history = ["2026-03-01", "2026-03-02", "2026-03-03"].map((date) => ({
      key: date,
      start: at(date).start,
      metrics: { rows: 1000 },
    }));
    const judged = judgeWindows(
      [rule({ metric: "rows", max_regression: 0.5, relative: true })],
      [window("2026-03-02", { rows: 100 }), window("2026-03-03", { rows: 100 }), window("2026-03-04", { rows: 400 })],
      { version: "v1", metrics: {}, slices: [], history },
    );
    // d4 against the median of 1000, 100, 100: 100, and 400 is no regression from it.
    expect(judged.map((j) => [j.window, j.outcomes[0]?.baseline, j.verdict])).toEqual([
      ["2026-03-02", 1000, "fail"],
      ["2026-03-03", 550, "fail"],
      ["2026-03-04", 100, "pass"],
    ]);
  });

  it("compares a performance metric, realised or estimated, with the version's evaluation", () => {
    const judged = judgeWindows(
      [
        rule({ metric: "estimated_accuracy", max_regression: 0.05 }),
        rule({ metric: "accuracy", min: 0.8, severity: "warn" }),
      ],
      [window("2026-03-01", { rows: 10, estimated_accuracy: 0.82, accuracy: 0.78 })],
      { version: "v1", metrics: { accuracy: 0.9 }, slices: [], history: [] },
    );
    expect(judged[0]?.outcomes.map((o) => [o.metric, o.baseline, o.verdict])).toEqual([
      ["estimated_accuracy", 0.9, "fail"],
      ["accuracy", 0.9, "warn"],
    ]);
    expect(judged[0]?.verdict).toBe("fail");
  });
});
