import { describe, expect, it } from "vitest";
import { capText, decodeCapped, isCut, TEXT_CAP } from "../../src/data/text-cap.ts";

/** What the kit echoes of a value: at most 256 characters, never half a character, and a mark when it cut. */

describe("capText and decodeCapped", () => {
  it("keeps texts of up to 256 characters whole and cuts longer ones to 256 and a mark", () => {
    const exact = "a".repeat(TEXT_CAP);
    expect(capText(exact)).toBe(exact);
    expect(isCut(exact)).toBe(false);
    expect(capText(`${exact}b`)).toBe(`${exact}…`);
    expect(isCut(`${exact}…`)).toBe(true);
    // Cutting a cut text changes nothing; a 256-character text that ends in the mark itself was not cut.
    expect(capText(`${exact}…`)).toBe(`${exact}…`);
    expect(isCut(`${"a".repeat(TEXT_CAP - 1)}…`)).toBe(false);
  });

  it("counts characters, not UTF-16 units: an emoji is one character and is never split", () => {
    const emoji = "😀".repeat(200);
    expect(capText(emoji)).toBe(emoji);
    expect(isCut(emoji)).toBe(false);
    const long = "😀".repeat(300);
    expect(capText(long)).toBe(`${"😀".repeat(256)}…`);
    expect([...capText(long)]).toHaveLength(257);
  });

  it("decodes only the start of a long value, with the same outcome as decoding it all", () => {
    for (const unit of ["w", "é", "€", "😀"]) {
      for (const count of [255, 256, 257, 5000]) {
        const bytes = Buffer.from(`xx${unit.repeat(count)}yy`);
        expect(decodeCapped(bytes, 2, bytes.length - 2)).toBe(capText(unit.repeat(count)));
      }
    }
  });
});
