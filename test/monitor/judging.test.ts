import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { emptyWindows, MAX_EMPTY_WINDOWS } from "../../src/monitor/gaps.ts";
import type { MonitorResult } from "../../src/monitor/run.ts";
import { emptyWindow } from "../../src/monitor/window.ts";
import { windowOf } from "../../src/monitor/windows.ts";
import { stackFrames } from "../helpers/cli.ts";
import { writeFiles } from "../helpers/temp.ts";
import { labelDay, logDay, monitor, monitorProject, MONITOR_CONFIG } from "./world.ts";

/**
 * What a monitoring run computes and judges at the edges of its logs and its clock, end to end on the scratch
 * project of test/monitor/world.ts: blank log files, outages still going on, the open window, missing features,
 * label paths that match nothing, a wrong --now.
 */

const rowsVerdict = (result: MonitorResult, key: string) =>
  result.judgements.find((j) => j.window === key)?.outcomes.find((o) => o.metric === "rows")?.verdict;

describe("a blank log file", () => {
  it("is read as 0 rows with a note naming it, and the rows rule catches the day without rows", async () => {
    const dir = await monitorProject();
    await labelDay(dir, "2026-03-02", await logDay(dir, "2026-03-01", 10, 200));
    await writeFiles(dir, { "logs/2026-03-02.csv": "", "logs/2026-03-03.csv": "\n" });
    await logDay(dir, "2026-03-05", 11, 200);
    const run = await monitor(dir, "2026-03-06T06:00:00Z");
    expect(run.exitCode).toBe(1);
    expect(run.result.notes.join("\n")).toMatch(
      /logs\/2026-03-02\.csv, logs\/2026-03-03\.csv are empty and read as 0 rows/,
    );
    expect(run.result.windows.map((w) => [w.window.key, w.rows])).toEqual([
      ["2026-03-01", 200],
      ["2026-03-02", 0],
      ["2026-03-03", 0],
      ["2026-03-04", 0],
      ["2026-03-05", 200],
    ]);
    expect(rowsVerdict(run.result, "2026-03-03")).toBe("fail");
    expect(stackFrames(run.stdout + run.stderr)).toEqual([]);
  });
});

/** Rewrites a CSV log without `column`. */
async function dropColumn(dir: string, file: string, column: string): Promise<void> {
  const lines = (await readFile(path.join(dir, file), "utf8")).trimEnd().split("\n");
  const at = (lines[0] ?? "").split(",").indexOf(column);
  const kept = lines.map((line) =>
    line
      .split(",")
      .filter((_, i) => i !== at)
      .join(","),
  );
  await writeFile(path.join(dir, file), `${kept.join("\n")}\n`);
}

describe("a training feature the logs lack", () => {
  it("stops the run with exit 2 naming the column and the files, whether every log or the first lacks it", async () => {
    const dir = await monitorProject();
    await logDay(dir, "2026-03-01", 20, 200);
    await logDay(dir, "2026-03-02", 21, 200);
    await dropColumn(dir, "logs/2026-03-01.csv", "x2");
    await dropColumn(dir, "logs/2026-03-02.csv", "x2");
    const none = await monitor(dir, "2026-03-03T06:00:00Z");
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toMatch(
      /no log file has a "x2" column, a feature of the monitored version's training data \(logs\/2026-03-01\.csv, logs\/2026-03-02\.csv\)/,
    );
    expect(stackFrames(none.stderr)).toEqual([]);
    // Only the first lacks it: that file is named, as a later file lacking a column the first has is.
    await logDay(dir, "2026-03-02", 21, 200);
    const first = await monitor(dir, "2026-03-03T06:00:00Z");
    expect(first.exitCode).toBe(2);
    expect(first.stderr).toMatch(
      /logs\/2026-03-01\.csv has no "x2" column, a feature of the monitored version's training data/,
    );
    // monitor.logs.features chooses the features: the others are not looked for.
    await writeFile(
      path.join(dir, "mlops.yml"),
      MONITOR_CONFIG.replace("    id: request_id\n", "    id: request_id\n    features: [x1, colour]\n"),
    );
    expect((await monitor(dir, "2026-03-03T06:00:00Z")).exitCode).toBe(0);
  });
});

describe("the open window", () => {
  it("is measured and judged only once it has ended, and the next run reads the rows it left", async () => {
    const dir = await monitorProject();
    await logDay(dir, "2026-03-01", 30, 400);
    // Both days in one file: the run of the 2nd at 04:17 (the default schedule) has 71 of the 2nd's rows.
    await logDay(dir, "2026-03-02", 31, 400);
    const [header, ...first] = (await readFile(path.join(dir, "logs/2026-03-01.csv"), "utf8")).trimEnd().split("\n");
    const second = (await readFile(path.join(dir, "logs/2026-03-02.csv"), "utf8")).trimEnd().split("\n").slice(1);
    await writeFile(path.join(dir, "logs/2026-03-01.csv"), `${[header, ...first, ...second].join("\n")}\n`);
    await rm(path.join(dir, "logs/2026-03-02.csv"));
    const morning = await monitor(dir, "2026-03-02T04:17:00Z");
    expect(morning.exitCode).toBe(0);
    expect(morning.result.windows.map((w) => [w.window.key, w.rows])).toEqual([["2026-03-01", 400]]);
    expect(morning.result.judgements.map((j) => j.window)).toEqual(["2026-03-01"]);
    expect(morning.result.notes.join("\n")).toMatch(
      /71 row\(s\) of window 2026-03-02, open until 2026-03-03T00:00:00\.000Z/,
    );
    // The file was recorded as one with rows after the run: read again, the 2nd is measured whole once it ended.
    const next = await monitor(dir, "2026-03-03T04:17:00Z");
    expect(next.result.windows.find((w) => w.window.key === "2026-03-02")?.rows).toBe(400);
    expect(next.exitCode).toBe(0);
  });
});

describe("an outage still going on", () => {
  it("records every window that has ended since the last row with 0 rows, so the rows rule fails", async () => {
    const dir = await monitorProject();
    await labelDay(dir, "2026-03-02", await logDay(dir, "2026-03-01", 40, 200));
    await labelDay(dir, "2026-03-03", await logDay(dir, "2026-03-02", 41, 200));
    expect((await monitor(dir, "2026-03-03T06:00:00Z")).exitCode).toBe(0);
    // Nothing arrives for five days: no file is new, yet the days that ended are judged.
    const outage = await monitor(dir, "2026-03-08T06:00:00Z");
    expect(outage.exitCode).toBe(1);
    // (Days 1 and 2 are computed again too: their labels became complete.)
    expect(outage.result.windows.filter((w) => w.rows === 0).map((w) => [w.window.key, w.rows])).toEqual([
      ["2026-03-03", 0],
      ["2026-03-04", 0],
      ["2026-03-05", 0],
      ["2026-03-06", 0],
      ["2026-03-07", 0],
    ]);
    expect(rowsVerdict(outage.result, "2026-03-07")).toBe("fail");
    // On record: the next run the same day neither computes them again nor appends them twice.
    expect((await monitor(dir, "2026-03-08T07:00:00Z")).result.windows).toEqual([]);
  });

  it("starts at the first window with rows, and records a bounded number of windows, saying so", () => {
    const day = (key: string) => emptyWindow(windowOf(Date.parse(`${key}T00:00:00Z`), "day"), "stand-in");
    const first = emptyWindows([], [day("2026-03-02")], "day", Date.parse("2026-03-05T06:00:00Z"));
    expect(first.windows.map((w) => w.window.key)).toEqual(["2026-03-03", "2026-03-04"]);
    expect(first.notes).toEqual([]);
    // A --now years ahead: hourly windows by the million are counted, not walked, and only `max` are recorded.
    const hour = emptyWindow(windowOf(Date.parse("2026-03-02T00:30:00Z"), "hour"), "stand-in");
    const far = emptyWindows([], [hour], "hour", Date.parse("9000-01-01T00:00:00Z"), 3);
    expect(far.windows.map((w) => w.window.key)).toEqual(["2026-03-02T01", "2026-03-02T02", "2026-03-02T03"]);
    expect(far.notes[0]).toMatch(
      /^no prediction was logged in 61\d{6} windows from 2026-03-02T01:00:00\.000Z to 9000-01-01T00:00:00\.000Z: the first 3 are recorded with 0 rows, the next runs record the rest \(if that is not an outage, check --now or the clock/,
    );
    expect(MAX_EMPTY_WINDOWS).toBeLessThan(1000);
  });
});

describe("a wrong --now", () => {
  it("is refused before the newest window with rows, or before every logged row, and nothing is appended", async () => {
    const dir = await monitorProject();
    await logDay(dir, "2026-03-01", 50, 200);
    await logDay(dir, "2026-03-02", 51, 200);
    expect((await monitor(dir, "2026-03-03T06:00:00Z")).exitCode).toBe(0);
    const entries = async () => (await readdir(path.join(dir, "registry/scorer/monitor/champion"))).length;
    const before = await entries();
    const early = await monitor(dir, "1970-01-01T00:00:00Z", "--recompute");
    expect(early.exitCode).toBe(2);
    expect(early.stderr).toMatch(
      /the run's time, 1970-01-01T00:00:00\.000Z, is before window 2026-03-02, the newest with rows in the monitoring log of scorer@champion/,
    );
    expect(await entries()).toBe(before);
    const trend = await monitor(dir, "2026-03-03T07:00:00Z");
    expect(trend.result.history.map((h) => [h.key, h.rows])).toEqual([
      ["2026-03-01", 200],
      ["2026-03-02", 200],
    ]);
    // A first run, with no monitoring log to go by: every row read would be in the future.
    await rm(path.join(dir, "registry/scorer/monitor"), { recursive: true });
    const first = await monitor(dir, "1970-01-01T00:00:00Z");
    expect(first.exitCode).toBe(2);
    expect(first.stderr).toMatch(/is before every logged row: all 400 row\(s\) read are stamped after it/);
    expect(stackFrames(first.stderr)).toEqual([]);
  });
});

describe("labels that never come", () => {
  it("a labels path matching no file is refused once a window's labels are due, and accepted before", async () => {
    const dir = await monitorProject();
    await writeFile(path.join(dir, "mlops.yml"), MONITOR_CONFIG.replace("path: labels/*.csv", "path: label/*.csv"));
    await logDay(dir, "2026-03-01", 60, 200);
    // Day 1's labels are due 2 days (the delay) after its end: before then none need have arrived.
    const early = await monitor(dir, "2026-03-02T06:00:00Z");
    expect(early.exitCode).toBe(0);
    const late = await monitor(dir, "2026-03-04T06:00:00Z");
    expect(late.exitCode).toBe(2);
    expect(late.stderr).toMatch(
      /no file matches label\/\*\.csv \(monitor\.labels\.path\), yet the labels of window 2026-03-01 were all due by 2026-03-04T00:00:00\.000Z/,
    );
    expect(stackFrames(late.stderr)).toEqual([]);
  });

  it("a window whose labels are all due with none joined breaks its realised rules, saying why", async () => {
    const dir = await monitorProject();
    const rows = await logDay(dir, "2026-03-01", 61, 200);
    // Labels arrive, but under ids the log never had (a pipeline that lost the request id).
    await labelDay(
      dir,
      "2026-03-02",
      rows.map((r) => ({ ...r, id: `lost-${r.id}` })),
    );
    const run = await monitor(dir, "2026-03-04T06:00:00Z");
    const day = run.result.windows.find((w) => w.window.key === "2026-03-01");
    expect(day?.labels).toMatchObject({ complete: true, joined: 0 });
    expect(day?.realisedNote).toBe(
      "no label joined, though the window's labels were all due by 2026-03-04T00:00:00.000Z",
    );
    const accuracy = run.result.judgements[0]?.outcomes.find((o) => o.metric === "accuracy");
    expect(accuracy?.verdict).toBe("fail");
    expect(accuracy?.reason).toMatch(
      /^no label joined any of the window's 200 row\(s\), though its labels were all due by 2026-03-04T00:00:00\.000Z: check that label files arrive/,
    );
    expect(run.exitCode).toBe(1);
  });
});
