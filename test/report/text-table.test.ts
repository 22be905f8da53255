import { describe, expect, it } from "vitest";
import { renderTextTable, wrapCell } from "../../src/report/text-table.ts";

/** The terminal rendering of a table under a width: wrapped cells, then records, never a value cut short. */

const TABLE = {
  headers: ["metric", "value", "why"],
  rows: [
    ["accuracy", "0.91", "better than the champion by a clear margin, as the rule asks"],
    ["log_loss", "0.2", "unchanged"],
  ],
  align: ["left", "right", "left"] as ("left" | "right")[],
};

describe("renderTextTable", () => {
  it("is unchanged without a width", () => {
    expect(renderTextTable(TABLE).split("\n")[2]).toBe(
      "accuracy   0.91  better than the champion by a clear margin, as the rule asks",
    );
  });

  it("wraps the widest column between words to fit the width", () => {
    expect(renderTextTable(TABLE, 40)).toBe(
      [
        "metric    value  why",
        "--------  -----  -----------------------",
        "accuracy   0.91  better than the",
        "                 champion by a clear",
        "                 margin, as the rule",
        "                 asks",
        "log_loss    0.2  unchanged",
      ].join("\n"),
    );
  });

  it("prints one record at a time when even narrow columns do not fit", () => {
    const text = renderTextTable(TABLE, 20);
    for (const line of text.split("\n")) expect(line.length, line).toBeLessThanOrEqual(20);
    expect(text.split("\n\n")[1]).toBe("metric  log_loss\nvalue   0.2\nwhy     unchanged");
  });

  it("breaks a word longer than the line", () => {
    expect(wrapCell("a s3://bucket/models/penguins", 10)).toEqual(["a", "s3://bucke", "t/models/p", "enguins"]);
  });
});
