import { describe, expect, it } from "vitest";
import { brief, configErrorOf, parse } from "../helpers/config.ts";

/** The train section's cross-field rules (checkTrain in src/config/rules.ts). */

const withTrain = (train: string): string =>
  `version: 1\nmodel: { name: demo }\ntrain:\n  command: node train.mjs\n${train}`;
const errorsOf = (text: string): string[] =>
  brief(configErrorOf(() => parse(text)).diagnostics.filter((d) => d.severity === "error"));
const warningsOf = (text: string): string[] => brief(parse(text).warnings.filter((d) => d.path[0] === "train"));

describe("train rules", () => {
  it("refuses an output that holds mlops.yml or the workspace: a cache hit replaces outputs whole", () => {
    expect(errorsOf(withTrain("  outputs: [model/, ., ./]\n"))).toEqual([
      '5:21 error train.outputs.1: "." holds mlops.yml, so it cannot be an output',
      '5:24 error train.outputs.2: "./" holds mlops.yml, so it cannot be an output',
    ]);
    expect(errorsOf(`${withTrain("  outputs: [build]\n")}workspace: build/.mlops\n`)).toEqual([
      '5:13 error train.outputs.0: "build" holds the workspace, so it cannot be an output',
    ]);
    expect(warningsOf(withTrain("  outputs: [model/, build/model.bin]\n"))).toEqual([]);
  });

  it("checks the cache backend against its uri", () => {
    expect(errorsOf(withTrain("  outputs: [m/]\n  cache: { backend: local, uri: s3://bucket/runs }\n"))).toEqual([
      "6:33 error train.cache.uri: the local cache backend needs a folder, not an s3:// URI",
    ]);
    expect(warningsOf(withTrain("  outputs: [m/]\n  cache: { backend: actions, uri: shared }\n"))).toEqual([
      "6:35 warning train.cache.uri: the actions cache backend has no uri; it is ignored",
    ]);
    expect(errorsOf(withTrain("  outputs: [m/]\n  cache: { backend: s3 }\n"))).toEqual([
      "6:10 error train.cache.uri: the s3 cache backend needs `uri: s3://bucket/prefix`",
    ]);
  });

  it("warns about a matrix param that is not a param, dotted names included", () => {
    const text = withTrain(
      "  outputs: [m/]\n  params: { lr: 0.1, opt: { beta: 0.9 } }\n  matrix: { lr: [1], opt.beta: [0.5], opt.gamma: [1], seed: [1, 2] }\n",
    );
    expect(warningsOf(text)).toEqual([
      '7:50 warning train.matrix.opt.gamma: "opt.gamma" is not one of train.params, so the sweep adds a new param',
      '7:61 warning train.matrix.seed: "seed" is not one of train.params, so the sweep adds a new param',
    ]);
  });
});
