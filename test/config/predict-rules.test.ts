import { describe, expect, it } from "vitest";
import { brief, configErrorOf, MINIMAL_CONFIG, parse } from "../helpers/config.ts";

/** The predict section's cross-field rules (src/config/rules/predict.ts): each case checks the diagnostic and its place. */

const PREDICT = "predict:\n  input: data/new/*.csv\n  command: node score.mjs\n";
const withPredict = (fields: string, before = ""): string => `${MINIMAL_CONFIG}${before}${PREDICT}${fields}`;
const errorsOf = (text: string): string[] =>
  brief(configErrorOf(() => parse(text)).diagnostics.filter((d) => d.severity === "error"));
const warningsOf = (text: string): string[] => brief(parse(text).warnings);

describe("the predict section's rules", () => {
  it("accepts a sound section without warnings, scheduled nightly in one job by default", () => {
    const text = withPredict(
      "  output: s3://scores-bucket/scores\n",
      "registry: { uri: s3://models-bucket/registry }\n",
    );
    expect(warningsOf(text)).toEqual([]);
    expect(parse(text).config.predict).toMatchObject({ schedule: "23 2 * * *", shards: 1 });
  });

  it("refuses a schedule that is not cron, and shards beyond a matrix", () => {
    expect(errorsOf(withPredict('  output: scores\n  schedule: "nightly"\n'))[0]).toMatch(
      /^13:13 error predict.schedule: invalid cron schedule "nightly": a cron schedule has 5 fields/,
    );
    expect(errorsOf(withPredict("  output: scores\n  shards: 257\n"))[0]).toMatch(/^13:11 error predict.shards: /);
    expect(errorsOf(withPredict("  output: scores\n  shards: 0\n"))[0]).toMatch(/^13:11 error predict.shards: /);
  });

  it("refuses predictions inside the registry's prefix or folder, and the registry itself as their place", () => {
    const registry = "registry: { uri: s3://ml-bucket/registry }\n";
    const inside =
      '13:11 error predict.output: predictions at "s3://ml-bucket/registry/scores" would land inside the registry ' +
      "(s3://ml-bucket/registry), whose keys are its models' versions and logs: the registry is not a place for data";
    expect(errorsOf(withPredict("  output: s3://ml-bucket/registry/scores\n", registry))).toEqual([inside]);
    expect(errorsOf(withPredict("  output: s3://ml-bucket/registry/\n", registry))[0]).toMatch(
      /^13:11 error predict.output: predictions at "s3:\/\/ml-bucket\/registry\/" would land inside the registry/,
    );
    // The default registry is the workspace's folder.
    expect(errorsOf(withPredict("  output: .mlops/registry/scores\n"))[0]).toMatch(
      /^12:11 error predict.output: predictions at ".mlops\/registry\/scores" would land inside the registry \(\.mlops\/registry\)/,
    );
  });

  it("accepts predictions beside the registry: another prefix, a prefix that only starts alike, another bucket", () => {
    const registry = "registry: { uri: s3://ml-bucket/registry }\n";
    for (const output of ["s3://ml-bucket/scores", "s3://ml-bucket/registry-scores", "s3://other-bucket/registry"]) {
      expect(warningsOf(withPredict(`  output: ${output}\n`, registry))).toEqual([]);
    }
    expect(warningsOf(withPredict("  output: scores\n", registry))).toEqual([]);
  });

  it("warns when the registry is inside the predictions' place", () => {
    expect(
      warningsOf(withPredict("  output: s3://ml-bucket\n", "registry: { uri: s3://ml-bucket/registry }\n")),
    ).toEqual([
      '13:11 warning predict.output: the registry (s3://ml-bucket/registry) is inside predict.output "s3://ml-bucket": ' +
        "a clean-up or lifecycle rule on the predictions would reach the registry too",
    ]);
  });

  it("warns that a layout without {input} or {version} makes the next run on other data fail, not replace", () => {
    expect(warningsOf(withPredict('  output: scores\n  layout: "{model}/{version}"\n'))).toEqual([
      "13:11 warning predict.layout: the layout has no {input}: a run scoring another input finds the earlier " +
        "complete result in its place and fails (exit 1), as a complete result is never replaced by one of another " +
        "version or input",
    ]);
    expect(warningsOf(withPredict('  output: scores\n  layout: "{model}/{date}"\n'))[0]).toContain(
      "the layout has no {version} or {input}: a run scoring another version or another input on the same day finds",
    );
  });

  it("warns that the legs of a matrix cannot share a folder: each leg's parts stay on its runner", () => {
    expect(warningsOf(withPredict("  output: scores\n  shards: 4\n"))).toEqual([
      "13:11 warning predict.shards: the 4 legs of mlops-predict.yml each run on their own runner: with " +
        "predict.output a folder, each leg's parts stay on its runner and the finish job finds them missing",
    ]);
    expect(warningsOf(withPredict("  output: s3://scores-bucket/scores\n  shards: 4\n"))).toEqual([]);
  });

  it("warns when the monitor reads its logs in another format than the parts are written in", () => {
    const monitor =
      "monitor:\n  logs: { path: scores/**/*.csv, format: csv, score: score }\n  rules:\n    - { metric: rows, min: 1 }\n";
    const text = withPredict("  output: scores\n  output_format: parquet\n", monitor);
    expect(warningsOf(text)).toEqual([
      "17:18 warning predict.output_format: the parts are written as parquet and the monitor reads its logs as csv " +
        "(monitor.logs.format): it cannot read the predictions as they are",
    ]);
    expect(
      warningsOf(withPredict("  output: scores\n  output_format: parquet\n  monitored: false\n", monitor)),
    ).toEqual([]);
  });
});
