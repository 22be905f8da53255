import { describe, expect, it } from "vitest";
import * as z from "../../src/zod.ts";
import { collectPaths, type PathValue } from "../../src/config/rules/paths.ts";
import { RelativePath } from "../../src/config/schema/common.ts";
import { pathField } from "../../src/config/schema/path-field.ts";
import { configErrorOf, parse } from "../helpers/config.ts";

/**
 * Path fields are marked in the schema (src/config/schema/path-field.ts) and found by walking it along the config
 * (src/config/rules/paths.ts): every field marked is checked, and marking a new field is all it takes.
 */

/** Every path field the config has today, each set to `value(name)`. */
const everyPath = (value: (name: string) => string): string => `version: 1
model: { name: demo }
workspace: ${value("workspace")}
data:
  train: [${value("train.csv")}]
  eval: ${value("eval.csv")}
  drift: { reference: ${value("reference.json")} }
train:
  command: node train.mjs
  params: ${value("params.yml")}
  inputs: [${value("src")}]
  outputs: [${value("model")}]
  cache: { uri: ${value("cache")} }
evaluate:
  predictions: { path: ${value("predictions.csv")} }
  metrics_file: [${value("metrics.json")}]
gate:
  baseline: { metrics_file: ${value("baseline.json")} }
  rules: [{ metric: accuracy, min: 0.5 }]
publish: { files: [${value("published")}] }
registry: { uri: ${value("registry")} }
`;

const LOCAL_FIELDS = [
  "workspace",
  "train.params",
  "train.inputs.0",
  "train.outputs.0",
  "evaluate.predictions.path",
  "evaluate.metrics_file.0",
  "gate.baseline.metrics_file",
  "publish.files.0",
];
const REMOTE_FIELDS = ["data.train.0", "data.eval", "data.drift.reference", "train.cache.uri", "registry.uri"];

/** The fields refused with a message containing `message`, sorted. */
const refused = (text: string, message: string): string[] =>
  configErrorOf(() => parse(text))
    .diagnostics.filter((d) => d.severity === "error" && d.message.includes(message))
    .map((d) => d.path.join("."))
    .sort();

describe("path fields", () => {
  it("checks every path field of the config", () => {
    expect(
      refused(
        everyPath((name) => `../elsewhere/${name}`),
        "leads outside the repository",
      ),
    ).toEqual([...LOCAL_FIELDS, ...REMOTE_FIELDS].sort());
  });

  it("takes s3:// URIs in the fields marked remote only", () => {
    expect(
      refused(
        everyPath((name) => `s3://my-bucket/${name}`),
        "unsupported location",
      ),
    ).toEqual([...LOCAL_FIELDS].sort());
  });

  it("leaves the drift reference `champion` alone: the union's literal, not its path", () => {
    const text = everyPath((name) => `../elsewhere/${name}`).replace("../elsewhere/reference.json", "champion");
    expect(refused(text, "leads outside the repository")).not.toContain("data.drift.reference");
  });

  it("finds a field marked in a schema wherever it sits", () => {
    const Remote = pathField(z.string(), { remote: true });
    const Nested: z.ZodMiniType<unknown> = z.lazy(() => z.union([RelativePath, z.array(Nested)]));
    const schema = z.strictObject({
      name: z.string(),
      file: z.described(RelativePath, "described after marking: still a path"),
      many: z._default(z.array(RelativePath.check(z.minLength(2))), []),
      choice: z.optional(z.union([z.literal("none"), Remote])),
      byName: z.prefault(z.record(z.string(), z.strictObject({ at: z.optional(Remote) })), {}),
      nested: z.optional(Nested),
    });
    const config = schema.parse({
      name: "not/a/path",
      file: "a.csv",
      many: ["b1", "b2"],
      choice: "none",
      byName: { x: { at: "s3://bucket/x" }, y: {} },
      nested: [["c.csv"]],
    });
    const found: PathValue[] = [];
    collectPaths(schema, config, [], found);
    expect(found).toEqual([
      { at: ["file"], value: "a.csv", remote: false },
      { at: ["many", 0], value: "b1", remote: false },
      { at: ["many", 1], value: "b2", remote: false },
      { at: ["byName", "x", "at"], value: "s3://bucket/x", remote: true },
      { at: ["nested", 0, 0], value: "c.csv", remote: false },
    ]);
  });

  it("keeps the marks out of the generated JSON Schema", () => {
    const nonEmpty = () => z.string().check(z.minLength(1));
    expect(z.toJSONSchema(pathField(nonEmpty(), { remote: true }))).toEqual(z.toJSONSchema(nonEmpty()));
  });
});
