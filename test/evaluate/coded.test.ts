import { describe, expect, it } from "vitest";
import { internColumn, pickRows, unionOfClasses, valueAt, valuesOf } from "../../src/evaluate/coded.ts";

describe("coded columns", () => {
  it("keep classes in code-point order (as Python sorts) whatever order the rows hold them in", () => {
    // "😀" (U+1F600) sorts after "\uffff" by code point, before it by UTF-16 unit.
    const column = internColumn(["b", "😀", "a", "\uffff", "b"]);
    expect(column.classes).toEqual(["a", "b", "\uffff", "😀"]);
    expect(valuesOf(column)).toEqual(["b", "😀", "a", "\uffff", "b"]);
    expect(valueAt(column, 1)).toBe("😀");
  });

  it("widen their codes past 256 and 65,536 classes, keeping every value", () => {
    for (const [count, width] of [
      [256, 1],
      [257, 2],
      [65_536, 2],
      [65_537, 4],
    ] as const) {
      const values = Array.from({ length: count * 2 }, (_, i) => `v${(i * 7919) % count}`);
      const column = internColumn(values);
      expect(column.classes).toHaveLength(count);
      expect(column.codes.BYTES_PER_ELEMENT).toBe(width);
      expect(valuesOf(column).every((value, i) => value === values[i])).toBe(true);
    }
  });

  it("union only the classes some row holds, with a map from each column's codes", () => {
    const labels = pickRows(internColumn(["x", "y", "z"]), [0, 2]);
    const predictions = internColumn(["w", "x"]);
    const { classes, remaps } = unionOfClasses(labels, predictions);
    expect(classes).toEqual(["w", "x", "z"]);
    expect([...(remaps[0] ?? [])]).toEqual([1, -1, 2]);
    expect([...(remaps[1] ?? [])]).toEqual([0, 1]);
  });
});
