import { describe, expect, it } from "vitest";
import {
  freshFilesFor,
  planMonitorRun,
  plannedWindows,
  type EarlierWindow,
  type PlanInput,
} from "../../src/monitor/plan.ts";
import { windowOf } from "../../src/monitor/windows.ts";

/** Which windows a monitoring run computes (src/monitor/plan.ts), from listings and earlier entries alone. */

const day = (date: string) => windowOf(Date.parse(`${date}T00:00:00Z`), "day");
const earlier = (date: string, sources: [string, string][], labels: EarlierWindow["labels"] = null): EarlierWindow => ({
  key: date,
  start: day(date).start,
  sources: sources.map(([shown, stamp]) => ({ shown, stamp })),
  labels,
});
const input = (overrides: Partial<PlanInput>): PlanInput => ({
  logs: [],
  earlier: [],
  size: "day",
  labelsFor: null,
  labelsComplete: () => false,
  recompute: false,
  ...overrides,
});

describe("planning a monitoring run", () => {
  it("reads only files it has not seen, and computes again the windows of a file that changed or went away", () => {
    const plan = planMonitorRun(
      input({
        logs: [
          { shown: "logs/2026-03-01.csv", stamp: "a" },
          { shown: "logs/2026-03-02.csv", stamp: "b2" },
          { shown: "logs/2026-03-04.csv", stamp: "d" },
        ],
        earlier: [
          earlier("2026-03-01", [["logs/2026-03-01.csv", "a"]]),
          earlier("2026-03-02", [["logs/2026-03-02.csv", "b"]]),
          earlier("2026-03-03", [["logs/2026-03-03.csv", "c"]]),
        ],
      }),
    );
    expect(plan.fresh.map((f) => f.shown)).toEqual(["logs/2026-03-02.csv", "logs/2026-03-04.csv"]);
    expect(plan.unchanged).toEqual(["2026-03-01"]);
    expect([...plan.stale].map(([key, s]) => [key, s.why, s.files.length])).toEqual([
      ["2026-03-02", "logs/2026-03-02.csv changed", 0],
      ["2026-03-03", "logs/2026-03-03.csv is gone", 0],
    ]);
  });

  it("computes a window again when its label files change or its labels become complete, not merely while incomplete", () => {
    const files = [{ shown: "labels/2026-03-02.csv", stamp: "x" }];
    const base = {
      logs: [{ shown: "logs/2026-03-01.csv", stamp: "a" }],
      earlier: [earlier("2026-03-01", [["logs/2026-03-01.csv", "a"]], { complete: false, files })],
    };
    expect(planMonitorRun(input({ ...base, labelsFor: () => files })).unchanged).toEqual(["2026-03-01"]);
    const arrived = [...files, { shown: "labels/2026-03-03.csv", stamp: "y" }];
    expect([...planMonitorRun(input({ ...base, labelsFor: () => arrived })).stale.values()][0]?.why).toBe(
      "its label files changed",
    );
    const complete = planMonitorRun(input({ ...base, labelsFor: () => files, labelsComplete: () => true }));
    expect([...complete.stale.values()][0]?.why).toBe("its labels became complete");
    expect([...planMonitorRun(input({ ...base, recompute: true })).stale.values()][0]?.why).toBe("--recompute");
  });

  it("knows the windows of dated files before reading them, for the legs of a matrix", () => {
    const plan = planMonitorRun(
      input({
        logs: [
          { shown: "logs/date=2026-03-01/part-0.jsonl", stamp: "a" },
          { shown: "logs/2026/03/03/p.jsonl", stamp: "b" },
        ],
      }),
    );
    expect(plannedWindows(plan, "day")?.map((w) => w.key)).toEqual(["2026-03-01", "2026-03-03"]);
    expect(plannedWindows(plan, "hour")).toHaveLength(48);
    expect(plannedWindows(plan, "week")?.map((w) => w.key)).toEqual(["2026-W09", "2026-W10"]);
    // A leg reads the files dated within a day of its windows: rows may land a day off their file's date.
    expect(freshFilesFor(plan, [day("2026-03-02")]).map((f) => f.shown)).toHaveLength(2);
    expect(freshFilesFor(plan, [day("2026-03-05")])).toEqual([]);
    const undated = planMonitorRun(input({ logs: [{ shown: "logs/latest.jsonl", stamp: "a" }] }));
    expect(plannedWindows(undated, "day")).toBeUndefined();
  });
});
