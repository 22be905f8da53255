import { describe, expect, it } from "vitest";
import { brief, configErrorOf, MINIMAL_CONFIG, parse } from "../helpers/config.ts";

/** The registry and publish sections of mlops.yml: defaults and cross-field rules. */

describe("registry and publish config", () => {
  it("promotes from main or master by default", () => {
    expect(parse(MINIMAL_CONFIG).config.publish).toEqual({
      promote: "champion",
      attest: true,
      promote_branches: ["main", "master"],
    });
    const custom = parse(
      `${MINIMAL_CONFIG}publish: { promote: staging, attest: false, promote_branches: [release] }\n`,
    ).config;
    expect(custom.publish).toEqual({ promote: "staging", attest: false, promote_branches: ["release"] });
  });

  it("refuses an alias that reads as a version number or id", () => {
    for (const alias of ["7", "v12", "v20260101T120000000Z-a1b2c3"]) {
      const error = configErrorOf(() => parse(`${MINIMAL_CONFIG}publish: { promote: "${alias}" }\n`));
      expect(brief(error.diagnostics)).toEqual([
        `9:21 error publish.promote: "${alias}" cannot be an alias name: it reads as a version number or id`,
      ]);
    }
  });

  it("refuses an empty list of promote branches", () => {
    const error = configErrorOf(() => parse(`${MINIMAL_CONFIG}publish: { promote_branches: [] }\n`));
    expect(brief(error.diagnostics)[0]).toMatch(/^9:30 error publish\.promote_branches: /);
  });

  it("warns about path-style addressing without an endpoint", () => {
    const loaded = parse(`${MINIMAL_CONFIG}registry: { uri: "s3://ml-models/registry", force_path_style: true }\n`);
    expect(brief(loaded.warnings)).toEqual([
      "9:63 warning registry.force_path_style: force_path_style only matters with an endpoint (AWS S3 itself uses virtual-hosted addressing)",
    ]);
  });

  it("accepts a github://owner/repo registry, and says where a malformed one is and what it should be", () => {
    expect(parse(`${MINIMAL_CONFIG}registry: { uri: "github://octo-org/models" }\n`).config.registry.uri).toBe(
      "github://octo-org/models",
    );
    const error = configErrorOf(() => parse(`${MINIMAL_CONFIG}registry: { uri: "github://octo-org/models/extra" }\n`));
    expect(brief(error.diagnostics)).toEqual([
      '9:18 error registry.uri: "github://octo-org/models/extra" is not a valid github://owner/repo URI',
    ]);
    expect(error.diagnostics[0]?.hint).toContain("github://octo-org/models");
    // Only the registry lives on GitHub: any other path there is still an unsupported location.
    const other = configErrorOf(() =>
      parse(MINIMAL_CONFIG.replace("predictions.csv", "github://octo-org/models/predictions.csv")),
    );
    expect(brief(other.diagnostics).join("\n")).toContain("unsupported location");
  });
});
