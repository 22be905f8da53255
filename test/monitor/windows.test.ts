import { describe, expect, it } from "vitest";
import {
  assignWindows,
  isoUtc,
  labelCompleteness,
  parseTimestamp,
  windowOf,
  windowsForLabelArrival,
  type WindowSize,
} from "../../src/monitor/windows.ts";

/**
 * Windows by timestamp, in UTC, at their edges. Expected instants and ISO weeks were checked with Python:
 * python3 -c "import datetime as d; print(d.datetime.fromisoformat('2026-03-29T01:30:00+02:00').astimezone(d.timezone.utc))"
 * python3 -c "import datetime as d; [print(s, d.date.fromisoformat(s).isocalendar()) for s in ['2026-12-31','2027-01-03','2027-01-04','2024-12-30','2021-01-03']]"
 */

const ms = (iso: string): number => Date.parse(iso);
const parsed = (value: string | number, unit: "seconds" | "milliseconds" = "seconds"): number | string => {
  const result = parseTimestamp(value, unit);
  return "ms" in result ? isoUtc(result.ms) : result.unparseable;
};
const keyOf = (iso: string, size: WindowSize): string => windowOf(ms(iso), size).key;

describe("reading timestamps", () => {
  it("applies the written offset: 01:30 at +02:00 on the 29th is 23:30 UTC on the 28th", () => {
    expect(parsed("2026-03-29T01:30:00+02:00")).toBe("2026-03-28T23:30:00.000Z");
    expect(parsed("2026-03-29T01:30:00+0200")).toBe("2026-03-28T23:30:00.000Z");
    expect(parsed("2026-03-29T01:30+02")).toBe("2026-03-28T23:30:00.000Z");
    expect(parsed("2026-03-28T20:00:00-05:30")).toBe("2026-03-29T01:30:00.000Z");
    const local = parseTimestamp("2026-03-29T01:30:00+02:00", "seconds");
    expect("ms" in local && windowOf(local.ms, "day").key).toBe("2026-03-28");
  });

  it("reads Z, a space for the T, and fractions of a second to the millisecond", () => {
    expect(parsed("2026-03-28T23:30:00Z")).toBe("2026-03-28T23:30:00.000Z");
    expect(parsed("2026-03-28 23:30:00.1234567z")).toBe("2026-03-28T23:30:00.123Z");
    expect(parsed("2026-03-28T23:30:00,5Z")).toBe("2026-03-28T23:30:00.500Z");
    expect(parsed("  2026-03-28T23:30:00Z\n")).toBe("2026-03-28T23:30:00.000Z");
  });

  it("reads a date alone as midnight UTC, leap days included", () => {
    expect(parsed("2024-02-29")).toBe("2024-02-29T00:00:00.000Z");
    expect(parsed("2000-02-29")).toBe("2000-02-29T00:00:00.000Z");
    expect(parsed("2026-02-29")).toBe("there is no date 2026-02-29");
    expect(parsed("1900-02-29")).toBe("there is no date 1900-02-29");
    expect(parsed("2026-04-31")).toBe("there is no date 2026-04-31");
  });

  it("reads numbers in the declared unit, from epoch 0", () => {
    expect(parsed(0)).toBe("1970-01-01T00:00:00.000Z");
    expect(parsed("0", "milliseconds")).toBe("1970-01-01T00:00:00.000Z");
    expect(parsed(1774740600)).toBe("2026-03-28T23:30:00.000Z");
    expect(parsed("1774740600.25")).toBe("2026-03-28T23:30:00.250Z");
    expect(parsed(1774740600250, "milliseconds")).toBe("2026-03-28T23:30:00.250Z");
    expect(parsed(-1)).toBe("1969-12-31T23:59:59.000Z");
    // Milliseconds declared as seconds land far ahead (and are then counted as in the future).
    expect(parsed(1774740600250)).toMatch(/not between the years 0001 and 9999/);
  });

  it("says why it cannot read the rest, without throwing", () => {
    expect(parsed("2026-03-28T23:30:00")).toMatch(/no UTC offset/);
    expect(parsed("")).toBe("it is empty");
    expect(parseTimestamp(null, "seconds")).toEqual({ unparseable: "it is empty" });
    // Only digits is a number: a basic-format date is read as a count of the declared unit, as documented.
    expect(parsed("20260328")).toBe(isoUtc(20_260_328_000));
    expect(parsed("yesterday")).toMatch(/neither ISO 8601/);
    expect(parsed("2026-03-28T24:00:00Z")).toMatch(/no time 24:00:00/);
    expect(parsed("2026-03-28T23:30:00+25:00")).toMatch(/offset \+25:00/);
    expect(parsed("2026-13-01")).toMatch(/no date/);
    expect(parsed(Number.NaN)).toMatch(/not between/);
  });

  it("takes a leap second as the start of the next second", () => {
    expect(parsed("2016-12-31T23:59:60Z")).toBe("2017-01-01T00:00:00.000Z");
  });
});

describe("windows", () => {
  it("are hours, days and ISO weeks starting Monday, each [start, end)", () => {
    const instant = ms("2026-03-28T23:30:00Z");
    expect(windowOf(instant, "hour")).toEqual({
      key: "2026-03-28T23",
      start: ms("2026-03-28T23:00:00Z"),
      end: ms("2026-03-29T00:00:00Z"),
    });
    expect(windowOf(instant, "day")).toEqual({
      key: "2026-03-28",
      start: ms("2026-03-28T00:00:00Z"),
      end: ms("2026-03-29T00:00:00Z"),
    });
    // 2026-03-28 is a Saturday: its week runs from Monday the 23rd to Monday the 30th.
    expect(windowOf(instant, "week")).toEqual({
      key: "2026-W13",
      start: ms("2026-03-23T00:00:00Z"),
      end: ms("2026-03-30T00:00:00Z"),
    });
  });

  it("hold their start and not their end", () => {
    expect(keyOf("2026-03-29T00:00:00Z", "day")).toBe("2026-03-29");
    expect(keyOf("2026-03-28T23:59:59.999Z", "day")).toBe("2026-03-28");
    expect(keyOf("2026-03-30T00:00:00Z", "week")).toBe("2026-W14");
    expect(keyOf("2026-03-29T23:59:59.999Z", "week")).toBe("2026-W13");
  });

  it("number ISO weeks across the year's end as ISO 8601 does", () => {
    expect(keyOf("2026-12-31T12:00:00Z", "week")).toBe("2026-W53");
    expect(keyOf("2027-01-03T23:00:00Z", "week")).toBe("2026-W53");
    expect(keyOf("2027-01-04T00:00:00Z", "week")).toBe("2027-W01");
    expect(keyOf("2024-12-30T00:00:00Z", "week")).toBe("2025-W01");
    expect(keyOf("2021-01-03T00:00:00Z", "week")).toBe("2020-W53");
    expect(windowOf(ms("2027-01-01T00:00:00Z"), "week").start).toBe(ms("2026-12-28T00:00:00Z"));
  });

  it("put a leap day in its own day and in its week", () => {
    expect(windowOf(ms("2024-02-29T12:00:00Z"), "day")).toMatchObject({
      key: "2024-02-29",
      end: ms("2024-03-01T00:00:00Z"),
    });
    expect(keyOf("2024-02-29T12:00:00Z", "week")).toBe("2024-W09");
  });

  it("start from epoch 0, a Thursday, in the week of Monday 1969-12-29", () => {
    expect(windowOf(0, "hour").key).toBe("1970-01-01T00");
    expect(windowOf(0, "day").start).toBe(0);
    expect(windowOf(0, "week")).toEqual({ key: "1970-W01", start: -3 * 86_400_000, end: 4 * 86_400_000 });
    expect(windowOf(-1, "day").key).toBe("1969-12-31");
  });
});

describe("assigning rows to windows", () => {
  const now = ms("2026-03-30T12:00:00Z");
  const log = [
    "2026-03-29T01:30:00+02:00",
    "2026-03-28T10:00:00Z",
    "not a time",
    "2026-03-29T00:00:00Z",
    "2026-03-31T00:00:00Z",
    "",
    "2026-03-30T12:00:00Z",
    "1774740600",
  ];

  it("places each row, oldest window first, with counts", () => {
    const assignment = assignWindows(log, { size: "day", unit: "seconds", now });
    expect(assignment.windows.map(({ key, rows }) => [key, rows])).toEqual([
      ["2026-03-28", 3],
      ["2026-03-29", 1],
      ["2026-03-30", 1],
    ]);
    expect([...assignment.windowOf]).toEqual([0, 0, -1, 1, -1, -1, 2, 0]);
  });

  it("counts unparseable and future timestamps with the first examples, and throws nothing", () => {
    const assignment = assignWindows(log, { size: "day", unit: "seconds", now });
    expect(assignment.unparseable.count).toBe(2);
    expect(assignment.unparseable.examples.map(({ row, value }) => [row, value])).toEqual([
      [3, "not a time"],
      [6, ""],
    ]);
    // A row stamped exactly at `now` is not in the future.
    expect(assignment.future).toEqual({
      count: 1,
      examples: [
        { row: 5, value: "2026-03-31T00:00:00Z", reason: "it is after the run's time, 2026-03-30T12:00:00.000Z" },
      ],
    });
  });

  it("keeps a handful of examples however many rows are skipped", () => {
    const assignment = assignWindows(new Array<string>(50).fill("?"), { size: "hour", unit: "seconds", now });
    expect(assignment.unparseable.count).toBe(50);
    expect(assignment.unparseable.examples).toHaveLength(5);
    expect(assignment.windows).toEqual([]);
  });

  it("reads the declared unit: milliseconds declared as seconds are counted as in the future", () => {
    const stamps = [1774740600250, 1774740600];
    expect(assignWindows(stamps, { size: "day", unit: "milliseconds", now }).windows.map((w) => w.key)).toEqual([
      "1970-01-21",
      "2026-03-28",
    ]);
    const asSeconds = assignWindows(stamps, { size: "day", unit: "seconds", now });
    expect(asSeconds.unparseable.count).toBe(1);
    expect(asSeconds.windows.map((w) => w.key)).toEqual(["2026-03-28"]);
  });
});

describe("labels and their delay", () => {
  const day = windowOf(ms("2026-03-28T12:00:00Z"), "day");
  const delay = 2 * 86_400_000;

  it("make a window complete once now reaches its end plus the delay", () => {
    expect(labelCompleteness(day, delay, ms("2026-03-30T23:59:59.999Z"))).toEqual({
      complete: false,
      completeAt: ms("2026-03-31T00:00:00Z"),
    });
    expect(labelCompleteness(day, delay, ms("2026-03-31T00:00:00Z")).complete).toBe(true);
    expect(labelCompleteness(day, 0, day.end).complete).toBe(true);
    expect(() => labelCompleteness(day, -1, day.end)).toThrow(RangeError);
  });

  it("arriving at a time feed the windows from (arrival - delay) to the arrival", () => {
    const route = windowsForLabelArrival(ms("2026-03-30T08:00:00Z"), "day", delay);
    expect([route.first.key, route.last.key]).toEqual(["2026-03-28", "2026-03-30"]);
    // Right at a window's end plus the delay, that window no longer takes labels.
    expect(windowsForLabelArrival(ms("2026-03-31T00:00:00Z"), "day", delay).first.key).toBe("2026-03-29");
    expect(windowsForLabelArrival(ms("2026-03-28T08:00:00Z"), "week", 0)).toMatchObject({
      first: { key: "2026-W13" },
      last: { key: "2026-W13" },
    });
  });
});
