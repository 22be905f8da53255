import { describe, expect, it } from "vitest";
import { RowIds } from "../../src/monitor/row-ids.ts";

/**
 * A window's request ids (src/monitor/row-ids.ts) as the label join looks them up: every id logged is found at its
 * rows, in order, however many rows share it; an id no row has is never found, whatever its filter bit says; an empty
 * id is neither indexed nor found.
 */

describe("a window's request ids", () => {
  it("find each logged id at its rows and nothing else, at sizes around the table's", () => {
    for (const rows of [1, 7, 1023, 1025, 40_000]) {
      const ids = new RowIds(rows);
      const bytes = (text: string): Buffer => Buffer.from(text);
      // Every 10th row repeats the id of the row before; every 97th is empty.
      const idOf = (row: number): string => (row % 97 === 96 ? "" : `req-${row % 10 === 9 ? row - 1 : row}`);
      for (let row = 0; row < rows; row++) {
        const id = bytes(idOf(row));
        ids.add(id, 0, id.length);
      }
      let repeated = 0;
      for (let row = 0; row < rows; row++) {
        const id = idOf(row);
        const found = ids.rowsOf(bytes(id), 0, Buffer.byteLength(id));
        if (id === "") expect(found).toBeUndefined();
        else if (row % 10 === 8 && row + 1 < rows && idOf(row + 1) === id) expect(found).toEqual([row, row + 1]);
        else if (row % 10 === 9 && id === idOf(row - 1)) repeated++;
        else expect(found).toBe(row);
      }
      expect(ids.duplicates).toBe(repeated);
      // Ids of other windows (the labels of the days around): none is found.
      for (let other = 0; other < Math.max(rows, 5000); other++) {
        const id = bytes(`day2-${other}`);
        expect(ids.rowsOf(id, 0, id.length)).toBeUndefined();
      }
    }
  });
});
