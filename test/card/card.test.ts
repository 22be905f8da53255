import { describe, expect, it } from "vitest";
import { stackFrames } from "../helpers/cli.ts";
import { configErrorOf, onlyError, parse } from "../helpers/config.ts";

/**
 * Issue 21, point 4: each published version carries a model card (markdown with Hugging Face-style front matter) and a
 * CycloneDX 1.6 ML-BOM, both telling what its manifest records and its gate computed; `mlops pull --card/--bom` fetch
 * them; a GitHub registry's release notes are the card. And the bad input: a `card:` section with an unknown key.
 */

describe("the card section of mlops.yml", () => {
  it("refuses an unknown key at its line and column, with the key it meant", () => {
    const error = configErrorOf(() => parse(`version: 1\nmodel: { name: demo }\ncard:\n  licence: MIT\n`));
    const diagnostic = onlyError(error);
    expect(diagnostic.location).toEqual({ file: "mlops.yml", line: 4, column: 3 });
    expect(diagnostic.path.join(".")).toBe("card.licence");
    expect(diagnostic.message).toBe("unknown key `licence`");
    expect(diagnostic.hint).toMatch("did you mean `license`?");
    expect(stackFrames(error.describe())).toEqual([]);
  });

  it("refuses a license that is not an SPDX id or expression", () => {
    const error = configErrorOf(() => parse(`version: 1\nmodel: { name: demo }\ncard: { license: "my own, v2" }\n`));
    expect(onlyError(error).path.join(".")).toBe("card.license");
  });
});
